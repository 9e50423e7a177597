"""Cells that hold user text stay text: no name or remark ever becomes a formula in a file msfood writes.

openpyxl stores a string that begins with "=" as a formula, so a business named `=HYPERLINK(...)` or a
remark `=cmd|' /C calc'!A0` would be live in Excel and LibreOffice. `text_safe(ws, value)` gives such
a string (and any beginning with + - @ or a tab, which spreadsheets read as a formula when the cell
is edited) as an explicit text cell with Excel's quote prefix: the value itself is unchanged, so it
reads back character for character. Characters XML cannot hold (controls refused at entry since, but
possibly in old data) are replaced by U+FFFD rather than making the whole file fail to write.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.cell import WriteOnlyCell

FORMULA_LEAD = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")  # ASCII and full-width = + - @
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_LOOKS_ESCAPED = re.compile("_(x[0-9A-Fa-f]{4}_)")


def writable(text: str) -> str:
    """`text` with the characters an .xlsx cannot hold replaced (they are refused at entry), and text
    that reads like an OOXML escape (`_x0007_`) escaped itself, so Excel shows what was typed."""
    if _UNWRITABLE.search(text):
        text = _UNWRITABLE.sub("\ufffd", text)
    if "_x" in text:
        text = _LOOKS_ESCAPED.sub(r"_x005F_\1", text)
    return text


def text_safe(ws: Any, value: Any) -> Any:
    """`value` as a write-only sheet should receive it: a formula-like string as a plain text cell."""
    if type(value) is not str or not value:
        return value
    if value[0] in FORMULA_LEAD:
        return as_text_cell(ws, value)
    return writable(value)


def as_text_cell(ws: Any, value: str) -> WriteOnlyCell:
    """A text cell holding `value` exactly, marked so that editing it in Excel keeps it text."""
    cell = WriteOnlyCell(ws)
    set_text(cell, value)
    return cell


def set_text(cell: Any, value: str) -> None:
    """Put `value` into a (write-only or normal) cell as text, whatever its first character."""
    cell.value = writable(value)
    cell.data_type = "s"
    if value[:1] in FORMULA_LEAD:
        cell.quotePrefix = True


def styled(cell: Any, value: Any) -> None:
    """Set an already styled cell's value, keeping formula-like text as text."""
    if type(value) is str and value:
        set_text(cell, value)
    else:
        cell.value = value
