"""The completion report as a workbook: an information sheet, then one sheet per table, with frozen
header rows, numbers stored as numbers, rates as numbers in 0.0% format and column widths that fit
Chinese text (a CJK character counts as two). Written in openpyxl's streaming mode: a city's missed
list of tens of thousands of rows stays fast and small in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from msfood.core.progress import Progress
from msfood.i18n import t
from msfood.reports.appendix.sheet import write_appendix_sheet
from msfood.reports.document.format import Rate, display_width, percent_decimal, show
from msfood.reports.document.model import ReportContent, ReportTable
from msfood.reports.xlsx.sheets import print_setup, sheet_name
from msfood.workbook.cells import styled, text_safe

MAX_WIDTH = 50
MIN_WIDTH = 6
PERCENT = "0.0%"
DATE = "yyyy-mm-dd"
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="E4E8EE")
TOTAL_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
PROGRESS_EVERY = 2000


def stored_rate(rate: float | None) -> float | None:
    """A rate as the workbook stores it: rounded half-up to one decimal of a percent, as the PDF prints
    it (0.82352 -> 0.824, shown 82.4%), so a sum or a copy in Excel gives the printed figure."""
    shown = percent_decimal(rate)
    return None if shown is None else float(shown / 100)


def cell_value(value: object) -> Any:
    if isinstance(value, Rate):
        return stored_rate(value.value)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return value


def _width_of(value: object) -> int:
    if isinstance(value, Rate):
        return 7
    if isinstance(value, dt.date):
        return 11
    return display_width(show(value)) if value is not None else 0


def column_widths(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[int]:
    widths = [display_width(h) for h in header]
    for row in rows:
        for i, value in enumerate(row):
            w = _width_of(value)
            if w > widths[i]:
                widths[i] = w
    return [max(MIN_WIDTH, min(MAX_WIDTH, w + 2)) for w in widths]


def _cell(ws: WriteOnlyWorksheet, value: object, *, bold: bool = False) -> Any:
    plain = cell_value(value)
    needs_format = isinstance(value, (Rate, dt.date))
    too_wide = isinstance(plain, str) and display_width(plain) > MAX_WIDTH
    if not (needs_format or too_wide or bold):
        return text_safe(ws, plain)  # a name beginning with "=" stays text
    cell = WriteOnlyCell(ws)
    styled(cell, plain)
    if isinstance(value, Rate):
        cell.number_format = PERCENT
    elif isinstance(value, dt.date):
        cell.number_format = DATE
    if too_wide:
        cell.alignment = WRAP
    if bold:
        cell.font = TOTAL_FONT
    return cell


def _header(ws: WriteOnlyWorksheet, labels: Sequence[str]) -> list[WriteOnlyCell]:
    cells = []
    for label in labels:
        cell = WriteOnlyCell(ws)
        styled(cell, label)
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cells.append(cell)
    return cells


def write_table(wb: Workbook, table: ReportTable, taken: set[str]) -> Generator[Progress, None, None]:
    ws = wb.create_sheet(sheet_name(table.title, taken))
    print_setup(ws)
    labels = [c.label for c in table.columns]
    rows = list(table.rows)
    everything = [*rows, table.total] if table.total else rows
    for i, width in enumerate(column_widths(labels, everything), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.append(_header(ws, labels))
    for n, row in enumerate(rows, start=1):
        ws.append([_cell(ws, v) for v in row])
        if n % PROGRESS_EVERY == 0:
            yield Progress(n, len(rows), table.title)
    if table.total:
        ws.append([_cell(ws, v, bold=True) for v in table.total])
    yield Progress(len(rows), len(rows), table.title)


def render_xlsx(content: ReportContent, path: Path) -> Generator[Progress, None, None]:
    wb = Workbook(write_only=True)
    wb.properties.title = content.title
    wb.properties.creator = f"msfood {content.version}"
    taken: set[str] = set()
    info = wb.create_sheet(sheet_name(t("report.sheet_info", content.lang), taken))
    print_setup(info, title_rows=None)
    rows = [(content.title, ""), *content.info_rows()]
    for i, width in enumerate(column_widths(["", ""], rows), start=1):
        info.column_dimensions[get_column_letter(i)].width = width
    head = WriteOnlyCell(info)
    styled(head, content.title)
    head.font = Font(bold=True, size=14)
    info.append([head])
    for label, value in content.info_rows():
        info.append([_cell(info, label, bold=True), _cell(info, value)])
    tables = content.tables()
    for i, table in enumerate(tables):
        yield Progress(i, len(tables), table.title)
        yield from write_table(wb, table, taken)
    yield from write_appendix_sheet(wb, content, taken)
    wb.save(str(path))
    yield Progress(len(tables), len(tables), t("report.progress_saved", content.lang))
