"""What an import reports: counts, warnings, and every refused cell as (sheet, row, column, reason)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from msfood.errors import Issue, ValidationError
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
        }


class WorkbookRefused(ValidationError):
    """The whole workbook was refused (nothing written); `result` lists every problem found."""

    code = "workbook.refused"

    def __init__(self, result: ImportResult) -> None:
        self.result = result
        super().__init__([e.as_issue() for e in result.errors])
        self.code = "workbook.refused"

    def message(self, lang: str | None = None) -> str:
        lines = [t("workbook.refused", lang, count=len(self.result.errors))]
        lines += [e.sentence(lang) for e in self.result.errors]
        return "\n".join(lines)
