"""What an import reports: counts, warnings, and every refused cell as (sheet, row, column, reason);
and what it has found so far while it reads (ImportState)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from msfood.core.errors import Issue, ValidationError
from msfood.i18n import t


@dataclass(frozen=True)
class RowIssue:
    """One problem in a workbook: where it is (row None: the sheet or file) and why (a message code)."""

    sheet: str
    row: int | None
    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    field: str = ""

    def message(self, lang: str | None = None) -> str:
        return t(self.code, lang, **self.params)

    def sentence(self, lang: str | None = None) -> str:
        """'包保主体 第 5 行 统一社会信用代码：校验位错误'."""
        text = self.message(lang)
        if self.row is not None:
            code = "workbook.sentence_row_column" if self.column else "workbook.sentence_row"
        else:
            code = "workbook.sentence_column" if self.column else "workbook.sentence_sheet"
        if not self.sheet:
            return f"{self.column}：{text}" if self.column else text
        return t(code, lang, sheet=self.sheet, row=self.row, column=self.column, message=text)

    def as_json(self, lang: str | None = None) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message(lang)}

    def as_issue(self) -> Issue:
        return Issue(self.code, self.field, dict(self.params), self.sheet, self.row)


@dataclass(frozen=True)
class ImportResult:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rows: int = 0  # data rows read
    dry_run: bool = False
    warnings: tuple[RowIssue, ...] = ()
    errors: tuple[RowIssue, ...] = ()
    by_sheet: dict[str, int] = field(default_factory=dict)  # data rows read per sheet
    backup: str | None = None
    errors_left_off: int = 0  # found beyond the MAX_LISTED listed (a file of millions of bad rows)
    warnings_left_off: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_json(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "rows": self.rows,
            "dry_run": self.dry_run,
            "imported": self.ok and not self.dry_run,
            "by_sheet": dict(self.by_sheet),
            "errors": [e.as_json(lang) for e in self.errors],
            "warnings": [w.as_json(lang) for w in self.warnings],
            "errors_left_off": self.errors_left_off,
            "warnings_left_off": self.warnings_left_off,
        }


class WorkbookRefused(ValidationError):
    """The whole workbook was refused (nothing written); `result` lists every problem found."""

    code = "workbook.refused"

    def __init__(self, result: ImportResult) -> None:
        self.result = result
        super().__init__([e.as_issue() for e in result.errors])
        self.code = "workbook.refused"

    def message(self, lang: str | None = None) -> str:
        result = self.result
        lines = [t("workbook.refused", lang, count=len(result.errors) + result.errors_left_off)]
        lines += [e.sentence(lang) for e in result.errors]
        if result.errors_left_off:
            lines.append(t("excel_path.errors_left_off", lang, count=result.errors_left_off))
        return "\n".join(lines)


MAX_LISTED = 1000  # problems listed one by one; beyond, only counted (memory stays bounded)


class Capped(list[RowIssue]):
    """A list of problems that keeps the first MAX_LISTED and counts the rest."""

    def __init__(self, limit: int = MAX_LISTED) -> None:
        super().__init__()
        self.limit = limit
        self.left_off = 0

    def append(self, issue: RowIssue) -> None:
        if len(self) < self.limit:
            super().append(issue)
        else:
            self.left_off += 1


@dataclass
class ImportState:
    """What the import has found so far."""

    errors: Capped = field(default_factory=Capped)
    warnings: Capped = field(default_factory=Capped)
    counts: Counter[str] = field(default_factory=Counter)
    by_sheet: Counter[str] = field(default_factory=Counter)
    seen: dict[str, tuple[str, int]] = field(default_factory=dict)  # record id -> (sheet, row)
    pending: list[tuple[Any, str, int]] = field(default_factory=list)  # (cleaned, sheet, row) to write
    done: int = 0
