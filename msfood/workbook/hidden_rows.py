"""Which rows with data a person does not see, for the formats whose row reader does not tell: .ods
(python-calamine reads values only) and .xls (xlrd keeps row formatting only when asked for it). The
import warns about them as it does for .xlsx: their data is imported too."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree.ElementTree import iterparse

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = f"{{{TABLE_NS}}}table"
ROW = f"{{{TABLE_NS}}}table-row"
CELL = f"{{{TABLE_NS}}}table-cell"
NAME = f"{{{TABLE_NS}}}name"
VISIBILITY = f"{{{TABLE_NS}}}visibility"
REPEATED = f"{{{TABLE_NS}}}number-rows-repeated"
VALUE_TYPE = f"{{{OFFICE_NS}}}value-type"
PARAGRAPH = f"{{{TEXT_NS}}}p"
HIDDEN = ("collapse", "filter")  # hidden by hand, or by an autofilter
MAX_LISTED = 10_000  # a sheet hiding more rows than this is named with its first ones


def _has_data(row: object) -> bool:
    for cell in row.iter(CELL):  # type: ignore[attr-defined]
        if cell.get(VALUE_TYPE) or cell.find(PARAGRAPH) is not None:
            return True
    return False


def ods_hidden_rows(path: Path) -> dict[str, list[int]]:
    """Sheet name -> the numbers (from 1) of its hidden rows that hold something."""
    found: dict[str, list[int]] = {}
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as source:
        sheet: list[int] | None = None
        number = 0
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start" and element.tag == TABLE:
                sheet, number = found.setdefault(element.get(NAME, ""), []), 0
            elif event == "end" and element.tag == ROW and sheet is not None:
                repeat = int(element.get(REPEATED, "1") or 1)
                if element.get(VISIBILITY) in HIDDEN and _has_data(element):
                    room = max(0, MAX_LISTED - len(sheet))
                    sheet.extend(range(number + 1, number + 1 + min(repeat, room)))
                number += repeat
                element.clear()  # rows are read one at a time: memory stays flat
            elif event == "end" and element.tag == TABLE:
                sheet = None
    return {name: rows for name, rows in found.items() if rows}


def xls_hidden_rows(path: Path) -> dict[str, list[int]]:
    """Sheet name -> the numbers (from 1) of its hidden rows that hold something."""
    import xlrd

    book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=io.StringIO())
    try:
        found: dict[str, list[int]] = {}
        for name in book.sheet_names():
            sheet = book.sheet_by_name(name)
            rows = [
                index + 1
                for index, info in sorted(sheet.rowinfo_map.items())
                if info.hidden and index < sheet.nrows
                and any(cell.ctype not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) for cell in sheet.row(index))
            ]
            if rows:
                found[name] = rows
        return found
    finally:
        book.release_resources()
