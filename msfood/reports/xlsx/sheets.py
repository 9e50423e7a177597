"""What every sheet of a report workbook shares: its name (Excel's rules) and how it prints.

Apart from msfood.reports.completion.workbook so that the appendix sheet (msfood.reports.appendix.sheet),
which the report workbook writes last, can use them without importing the workbook writer back.
"""

from __future__ import annotations

import re

from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties


def sheet_name(title: str, taken: set[str]) -> str:
    """Excel allows 31 characters and none of []:*?/\\; names must be unique."""
    base = re.sub(r"[\[\]:*?/\\]", "", title)[:31] or "Sheet"
    name, n = base, 2
    while name in taken:
        suffix = f"({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def print_setup(ws: WriteOnlyWorksheet, *, title_rows: str | None = "1:1") -> None:
    """Printed as people file it: A4 landscape, every column on the page's width (as many pages down as
    it takes), the header row repeated on each page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
