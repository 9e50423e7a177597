"""The empty import workbook (`msfood template`): instructions, every sheet's headers, drop-down lists.

Required headers carry a `*` and a darker fill; the header row is frozen; identifier columns (credit
codes, division codes, phones) are formatted as text so Excel keeps every digit; date columns as dates.
Enumerations get a drop-down list; long lists (food categories) come from the hidden 列表 sheet.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from msfood.core.errors import EnvironmentProblem
from msfood.core.plain_reason import plain_reason
from msfood.i18n import t
from msfood.workbook.schema import DATE, INSTRUCTIONS_SHEET, LISTS_SHEET, MAX_ROWS, SHEETS, Column, Sheet

HEADER_FONT = Font(bold=True)
REQUIRED_FONT = Font(bold=True, color="9C0006")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
# A literal list in a data validation may hold at most 255 characters; long lists (and those with
# many entries, easier to keep in cells) go to the hidden 列表 sheet.
INLINE_LIMIT = 120
INLINE_ENTRIES = 12


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a Chinese character is about two Latin ones wide."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def column_width(column: Column) -> float:
    samples = [column.title, *column.drop_down[:40]]
    if column.type == DATE:
        samples.append("2026-05-10")
    if column.identifier:
        samples.append("91430211000009136F")
    return min(48, max(10, max(display_width(s) for s in samples) + 3))


def style_header(ws: Worksheet, sheet: Sheet) -> None:
    """Header row styled, frozen, and columns wide enough for their Chinese text."""
    for index, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.title)
        cell.font = REQUIRED_FONT if column.required else HEADER_FONT
        cell.fill = REQUIRED_FILL if column.required else HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(index)].width = column_width(column)
    ws.freeze_panes = "A2"


def _inline(values: tuple[str, ...]) -> str | None:
    text = ",".join(values)
    if (
        len(text) + 2 > INLINE_LIMIT
        or len(values) > INLINE_ENTRIES
        or any("," in v or '"' in v for v in values)
    ):
        return None
    return f'"{text}"'


def write_template(path: str | Path) -> Path:
    """Write the empty import workbook to `path` (an .xlsx file)."""
    path = Path(path)
    book = Workbook()
    intro = book.active
    intro.title = INSTRUCTIONS_SHEET
    lists: list[tuple[str, tuple[str, ...]]] = []  # the hidden 列表 sheet's columns
    _write_instructions(intro)
    for sheet in SHEETS:
        ws = book.create_sheet(sheet.name)
        style_header(ws, sheet)
        for index, column in enumerate(sheet.columns, start=1):
            letter = get_column_letter(index)
            cells = f"{letter}2:{letter}{MAX_ROWS}"
            if column.type == DATE or column.identifier:
                # the format of the empty cells a person will type into
                ws.column_dimensions[letter].number_format = (
                    DATE_FORMAT if column.type == DATE else TEXT_FORMAT
                )
            values = column.drop_down
            if not values:
                continue
            formula = _inline(values)
            if formula is None:
                lists.append((f"{sheet.name}.{column.header}", values))
                list_letter = get_column_letter(len(lists))
                formula = f"{quote_sheetname(LISTS_SHEET)}!${list_letter}$2:${list_letter}${len(values) + 1}"
            validation = DataValidation(
                type="list",
                formula1=formula,
                allow_blank=True,
                showDropDown=False,  # openpyxl's name for "hide the arrow": False shows it
                showErrorMessage=column.strict,
                errorStyle="stop" if column.strict else "information",
                error=t("workbook.choose"),
                prompt=column.note or None,
                showInputMessage=bool(column.note),
            )
            validation.add(cells)
            ws.add_data_validation(validation)
    if lists:
        hidden = book.create_sheet(LISTS_SHEET)
        hidden.sheet_state = "hidden"
        for index, (title, values) in enumerate(lists, start=1):
            hidden.cell(row=1, column=index, value=title)
            for row, value in enumerate(values, start=2):
                hidden.cell(row=row, column=index, value=value)
    try:
        book.save(path)
    except OSError as exc:
        raise EnvironmentProblem(
            "workbook.write_failed", path=str(path), reason=plain_reason(exc)
        ) from exc
    return path


def _write_instructions(ws: Worksheet) -> None:
    ws["A1"] = t("workbook.instructions_title")
    ws["A1"].font = Font(bold=True, size=14)
    row = 3
    for line in t("workbook.instructions").split("\n"):
        ws.cell(row=row, column=1, value=line)
        row += 1
    row += 1
    heads = (
        "workbook.instructions_sheet",
        "workbook.instructions_column",
        "workbook.instructions_required",
        "workbook.instructions_values",
    )
    for index, code in enumerate(heads, start=1):
        cell = ws.cell(row=row, column=index, value=t(code))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for sheet in SHEETS:
        for column in sheet.columns:
            row += 1
            values = column.drop_down
            hint = "、".join(values) if values and len(values) <= 12 else column.note
            if values and len(values) <= 12 and column.note:
                hint = f"{hint}（{column.note}）"
            ws.cell(row=row, column=1, value=sheet.name)
            ws.cell(row=row, column=2, value=column.header)
            ws.cell(row=row, column=3, value=t("workbook.yes") if column.required else "")
            ws.cell(row=row, column=4, value=hint or "")
    for letter, width in (("A", 14), ("B", 18), ("C", 8), ("D", 90)):
        ws.column_dimensions[letter].width = width
