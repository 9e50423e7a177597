"""Reading a workbook's layout before its rows: which sheets to import in what order, where each
sheet's header row is, and which column is which field (with the errors and warnings a header earns).

Apart from msfood.workbook.importer, which reads and writes the rows under them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openpyxl.utils import get_column_letter

from msfood.i18n import field_label
from msfood.workbook.readers import Reader
from msfood.workbook.result import ImportState, RowIssue
from msfood.workbook.schema import IGNORED_SHEETS, SHEETS, Column, Sheet, clean_header, sheet_for


def plan_sheets(reader: Reader) -> tuple[list[tuple[Sheet, int, str]], list[RowIssue]]:
    """The workbook's sheets in import order (kind, then part), and warnings for the unknown ones."""
    found: list[tuple[int, int, Sheet, str]] = []
    warnings: list[RowIssue] = []
    hidden = reader.hidden_sheets()
    for name in reader.sheet_names():
        if name.strip() in IGNORED_SHEETS:
            continue
        match = sheet_for(name)
        if match is None:
            warnings.append(RowIssue(name, None, "", "workbook.unknown_sheet"))
            continue
        sheet, part = match
        found.append((SHEETS.index(sheet), part, sheet, name))
        if name in hidden:
            warnings.append(RowIssue(name, None, "", "excel_path.hidden_sheet"))
    found.sort(key=lambda f: (f[0], f[1]))
    return [(sheet, part, name) for _, part, sheet, name in found], warnings


def column_title(sheet: Sheet, field_name: str) -> str:
    column = sheet.by_field.get(field_name)
    if column is not None:
        return column.header
    return field_label(field_name) if field_name else ""


HEADER_SEARCH = 10  # rows looked through for a header that is not in row 1


def map_header(
    sheet: Sheet, name: str, header: tuple[Any, ...], state: ImportState, *, row: int = 1
) -> list[tuple[int, Column]] | None:
    """Map the header row to columns; None when a required column is missing (errors recorded)."""
    mapping: list[tuple[int, Column]] = []
    given: set[str] = set()
    for index, cell in enumerate(header):
        title = clean_header(cell)
        if not title:
            continue
        column = sheet.by_header.get(title)
        if column is None:
            state.warnings.append(RowIssue(name, row, title, "workbook.unknown_column"))
        elif column.field in given:
            state.errors.append(RowIssue(name, row, title, "workbook.duplicate_column", field=column.field))
        else:
            given.add(column.field)
            mapping.append((index, column))
    missing = [c for c in sheet.columns if c.required and c.field not in given]
    for column in missing:
        state.errors.append(RowIssue(name, row, column.header, "workbook.missing_column", field=column.field))
    return None if missing else mapping


def known_headers(sheet: Sheet, values: tuple[Any, ...]) -> int:
    return sum(1 for cell in values if clean_header(cell) in sheet.by_header)


def find_header(sheet: Sheet, rows: Iterator[tuple[int, tuple[Any, ...]]]) -> int | None:
    """The row (2 to HEADER_SEARCH) that holds this sheet's headers, when row 1 does not."""
    required = sum(1 for c in sheet.columns if c.required)
    for number, values in rows:
        if number > HEADER_SEARCH:
            return None
        if known_headers(sheet, values) >= max(2, required):
            return number
    return None


def cell_name(index: int, row: int) -> str:
    return f"{get_column_letter(index + 1)}{row}"


def check_merged_header(reader: Reader, name: str, state: ImportState) -> None:
    """A header cell merged across columns hides the columns after the first: an error naming them."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for merged in reader.merged_cells(name):
        first, _, last = merged.partition(":")
        across = first.rstrip("0123456789") != last.rstrip("0123456789")  # more than one column
        if last and across and first.lstrip(letters) == "1":
            state.errors.append(RowIssue(name, 1, merged, "excel_path.merged_header", {"cells": merged}))
