"""Exporting records in the import layout (`msfood export`), and any list the UI shows (`export_view`).

The export writes every record kind that is not deleted, sheet by sheet as the template lays them
out, so the file imports back into an empty station as it is. `period` keeps the records dated in it
(visits, self-checks, samplings, rapid tests); the roster sheets stay complete. `region` keeps that
division and every division under it, plus what its rows refer to (the regions above it, the cadres
who guarantee or visit its businesses), so the file still imports on its own. Sheets longer than
Excel's 1,048,576 rows continue in sheets named 包保主体2, 包保主体3, ... Rows stream into an openpyxl
write-only workbook; it is written to a temporary file and moved into place when complete.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from msfood.core.errors import EnvironmentProblem
from msfood.core.plain_reason import plain_reason
from msfood.core.progress import Progress
from msfood.db.engine import Database
from msfood.i18n import t
from msfood.services.writing.permissions import READ, Actor
from msfood.workbook import export_rows
from msfood.workbook.cells import styled, text_safe
from msfood.workbook.schema import BOOL, MAX_ROWS, SHEETS, Column, Sheet
from msfood.workbook.template import (
    HEADER_FILL,
    HEADER_FONT,
    REQUIRED_FILL,
    REQUIRED_FONT,
    column_width,
    display_width,
)

PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class ExportResult:
    path: str
    rows: int
    by_sheet: dict[str, int] = field(default_factory=dict)  # data rows per sheet kind (sheet name)


class SplitSheet:
    """Appends rows to a write-only sheet, continuing in 名称2, 名称3, ... past `max_rows` rows."""

    def __init__(
        self,
        book: Workbook,
        name: str,
        header: Callable[[WriteOnlyWorksheet], None],
        max_rows: int = MAX_ROWS,
    ) -> None:
        self.book, self.name, self.header, self.max_rows = book, name, header, max_rows
        self.part = 0
        self.used = max_rows  # rows in the current part: a new part is opened on the first append
        self.sheet: WriteOnlyWorksheet | None = None
        self.rows = 0

    def open(self) -> None:
        self.part += 1
        self.sheet = self.book.create_sheet(self.name if self.part == 1 else f"{self.name}{self.part}")
        self.header(self.sheet)
        self.used = 1

    def append(self, values: Sequence[Any]) -> None:
        if self.used >= self.max_rows:
            self.open()
        sheet = self.sheet
        assert sheet is not None
        sheet.append([text_safe(sheet, v) for v in values])  # user text never becomes a formula
        self.used += 1
        self.rows += 1


def _cell(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.type == BOOL:
        return "是" if value else "否"
    if column.enum is not None:
        return column.enum.label(value)
    if column.field == "rest_days":
        from msfood.domain.calendar import format_rest_days

        return format_rest_days(value) or None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return value


def _header_writer(sheet: Sheet) -> Callable[[WriteOnlyWorksheet], None]:
    def write(ws: WriteOnlyWorksheet) -> None:
        for index, column in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column_width(column)
        ws.freeze_panes = "A2"
        cells = []
        for column in sheet.columns:
            cell = WriteOnlyCell(ws, value=column.title)
            cell.font = REQUIRED_FONT if column.required else HEADER_FONT
            cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
            cells.append(cell)
        ws.append(cells)

    return write


def _save(book: Workbook, path: Path) -> None:
    temporary = path.with_name(f".{path.name}.part")
    try:
        book.save(temporary)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise EnvironmentProblem(
            "workbook.write_failed", path=str(path), reason=plain_reason(exc)
        ) from exc


def export_workbook(
    database: Database,
    path: str | Path,
    *,
    actor: Actor,
    period: str | None = None,
    region: str | None = None,
    max_rows: int = MAX_ROWS,
) -> Generator[Progress, None, ExportResult]:
    """Write every record kind to `path` in the import layout; see the module docstring."""
    from msfood.domain.periods import parse_period

    actor.require(READ)
    span = parse_period(period) if period else None
    path = Path(path)
    if not path.parent.is_dir():  # said before any sheet is written: a failed save leaves openpyxl's
        raise EnvironmentProblem("report.dir_missing", path=str(path.parent))  # rows half-written
    book = Workbook(write_only=True)
    by_sheet: dict[str, int] = {}
    with database.readers() as session:
        source = export_rows.Source(session, span=span, region=region)
        total = source.estimate()
        done = 0
        yield Progress(0, total, t("workbook.progress_export", sheet=SHEETS[0].name))
        for sheet in SHEETS:
            out = SplitSheet(book, sheet.name, _header_writer(sheet), max_rows)
            fields = [c.field for c in sheet.columns]
            for record in source.rows(sheet.kind):
                out.append([_cell(c, record.get(f)) for c, f in zip(sheet.columns, fields, strict=True)])
                done += 1
                if done % PROGRESS_EVERY == 0:
                    yield Progress(done, total, t("workbook.progress_export", sheet=sheet.name))
            if out.sheet is None:
                out.open()  # every sheet is there, even empty, like the template
            by_sheet[sheet.name] = out.rows
    _save(book, path)
    yield Progress(done, done, t("workbook.progress_done"))
    return ExportResult(str(path), done, by_sheet)


def export_view(
    rows: Iterable[Sequence[Any]],
    headers: Sequence[str],
    path: str | Path,
    *,
    title: str = "导出",
    max_rows: int = MAX_ROWS,
) -> int:
    """Write a list as the UI shows it (its headers, its rows) to an .xlsx file; returns the row count."""
    path = Path(path)
    book = Workbook(write_only=True)
    widths = [max(10, min(48, display_width(str(h)) + 4)) for h in headers]

    def header(ws: WriteOnlyWorksheet) -> None:
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        cells = []
        for text in headers:
            cell = WriteOnlyCell(ws)
            styled(cell, str(text))
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            cells.append(cell)
        ws.append(cells)

    out = SplitSheet(book, safe_title(title), header, max_rows)
    for row in rows:
        out.append([_view_cell(v) for v in row])
    if out.sheet is None:
        out.open()
    _save(book, path)
    return out.rows


def _view_cell(value: Any) -> Any:
    """A value as a cell (a date gets a date format of its own; Excel has no time zones)."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


def safe_title(title: str) -> str:
    """A sheet title Excel accepts: no []:*?/\\ and at most 31 characters (room left for a part number)."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip() or "导出"
    return cleaned[:28]
