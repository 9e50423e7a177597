"""Streaming an .xlsx sheet's values in one pass, the values openpyxl's read-only mode gives.

openpyxl reads the workbook's structure well (the sheets and where they are stored, shared strings,
which styles are dates, the 1900/1904 epoch) and we use it for that. But its read-only worksheets
parse each sheet twice (opening a sheet looks for its size, and a sheet without a <dimension>, as
write-only files have, is parsed whole just for that), and it builds descriptor objects for every
inline string. For an import that spent more time reading the file than checking its rows: here a
sheet is parsed once, each row's cells turned straight into values.

The values are those of `openpyxl.load_workbook(read_only=True, data_only=True)` and
`iter_rows(values_only=True)`: text (shared or inline, rich text runs joined, phonetic runs left
out), int or float, bool, datetime (a number in a date style), error text ("#N/A"), None for a blank
cell and a formula's cached value. Missing rows come as empty tuples, so row numbers are the
sheet's own; a row repeating an earlier row number is skipped (as openpyxl does). One difference:
a row whose cells are out of column order keeps them all (openpyxl drops those right of the last).
Two more: a formula saved without its value (files written by programs that do not calculate) comes
as `Uncomputed(formula)`, not None, so an import can say so; and what a person does not see (hidden
sheets and rows) and merged cells are noted, for the import to tell.

Reading is bounded: a file whose parts would unpack to more than MAX_UNPACKED bytes, or a part packed
more than MAX_RATIO times beyond MAX_PART (a "zip bomb"), is refused before anything is read; a sheet
past Excel's own limits (1,048,576 rows, 16,384 columns) stops with a clear message.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Iterator
from typing import IO, Any
from xml.etree.ElementTree import iterparse

from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import SHEET_MAIN_NS

from msfood.core.errors import EnvironmentProblem

_ROW = f"{{{SHEET_MAIN_NS}}}row"
_CELL = f"{{{SHEET_MAIN_NS}}}c"
_VALUE = f"{{{SHEET_MAIN_NS}}}v"
_INLINE = f"{{{SHEET_MAIN_NS}}}is"
_TEXT = f"{{{SHEET_MAIN_NS}}}t"
_RUN = f"{{{SHEET_MAIN_NS}}}r"
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]*\d*:?[A-Z]*(\d+)\"")
_MERGE = f"{{{SHEET_MAIN_NS}}}mergeCell"
_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_HEAD = 1 << 14  # bytes read from a sheet's start to find its <dimension>
_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")

MAX_UNPACKED = 3 << 30  # all parts together, as declared (zipfile never gives more than declared)
MAX_PART = 64 << 20  # a part this large must be packed no more than MAX_RATIO times
MAX_RATIO = 200  # XML packs 5-30 times; a zip bomb thousands of times
MAX_STRINGS = 512 << 20  # the shared strings are held in memory
MAX_SHEET_ROWS = 1_048_576  # Excel's limits: a sheet beyond them was not written by a spreadsheet
MAX_COLUMNS = 16_384


class Uncomputed(str):
    """A formula cell saved without its value: the text is the formula (without '=')."""

    __slots__ = ()


class TooLarge(EnvironmentProblem):
    """The file or a sheet is beyond what a workbook can be: its code and params say how."""


def check_bounds(archive: zipfile.ZipFile) -> None:
    """Refuse an archive that would unpack to too much, before any of it is read."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        packed = max(info.compress_size, 1)
        if info.file_size > MAX_PART and info.file_size / packed > MAX_RATIO:
            raise TooLarge("excel_path.zip_bomb", part=info.filename, size=info.file_size >> 20,
                           packed=max(1, packed >> 10))  # fmt: skip
        if info.filename.endswith("sharedStrings.xml") and info.file_size > MAX_STRINGS:
            raise TooLarge("excel_path.too_many_strings", size=info.file_size >> 20)
    if total > MAX_UNPACKED:
        raise TooLarge("excel_path.too_large", size=total >> 20, limit=MAX_UNPACKED >> 20)


class _Structure(ExcelReader):
    """openpyxl's workbook reading up to the sheets: names, paths, shared strings, date styles."""

    def read_structure(self) -> list[tuple[str, str]]:
        self.read_manifest()
        self.read_strings()
        self.read_workbook()
        apply_stylesheet(self.archive, self.wb)
        sheets = []
        self.hidden_sheets: set[str] = set()
        for sheet, rel in self.parser.find_sheets():
            if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                sheets.append((sheet.name, rel.target))
                if sheet.state in ("hidden", "veryHidden"):
                    self.hidden_sheets.add(sheet.name)
        return sheets


class XlsxBook:
    """An .xlsx workbook read sheet by sheet, one streaming pass per sheet."""

    def __init__(self, handle: IO[bytes]) -> None:
        with zipfile.ZipFile(handle) as archive:
            check_bounds(archive)
        handle.seek(0)
        with warnings.catch_warnings():
            # openpyxl warns about what it skips (no stylesheet, an unknown extension): the rows are
            # still read, and the user should not see a library's warning
            warnings.simplefilter("ignore")
            structure = _Structure(handle, read_only=True, data_only=True, keep_links=False)
            self.sheets = dict(structure.read_structure())
        self.archive: zipfile.ZipFile = structure.archive
        self.strings: list[str] = structure.shared_strings
        wb = structure.wb
        self.epoch = wb.epoch
        self.date_styles: frozenset[int] = frozenset(wb._date_formats)
        self.timedelta_styles: frozenset[int] = frozenset(getattr(wb, "_timedelta_formats", ()) or ())
        self.hidden_sheets = frozenset(structure.hidden_sheets)
        self.merged: dict[str, list[str]] = {}  # sheet -> merged ranges ("A1:B1"), once its rows are read
        self.hidden_rows: dict[str, list[int]] = {}  # sheet -> hidden row numbers, once read

    def sheet_names(self) -> list[str]:
        return list(self.sheets)

    def estimate(self, name: str) -> int:
        """The sheet's rows: its <dimension> when it has one, else the rows counted in its bytes."""
        path = self.sheets[name]
        with self.archive.open(path) as source:
            head = source.read(_HEAD)
        match = _DIMENSION.search(head)
        if match is not None:
            return int(match.group(1))
        with self.archive.open(path) as source:
            count = 0
            tail = b""  # the last bytes of the block before: a tag cut in two is counted once, whole
            while chunk := source.read(1 << 20):
                block = tail + chunk
                count += block.count(b"<row ") + block.count(b"<row>")
                tail = block[-4:]
            return count

    def rows(self, name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        merged = self.merged[name] = []
        hidden = self.hidden_rows[name] = []
        with self.archive.open(self.sheets[name]) as source:
            yield from _sheet_rows(source, self, merged, hidden)

    def merged_cells(self, name: str) -> list[str]:
        """The sheet's merged ranges, found by a quick scan when its rows were not all read."""
        found = self.merged.get(name)
        if found:
            return found
        ranges: dict[str, None] = {}
        with self.archive.open(self.sheets[name]) as source:
            tail = b""  # a tag cut between two blocks is found whole in the next
            while chunk := source.read(1 << 20):
                block = tail + chunk
                ranges.update((m.decode(), None) for m in _MERGE_REF.findall(block))
                tail = block[-200:]
        return list(ranges)

    def close(self) -> None:
        self.archive.close()


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


_ESCAPED_UNDERSCORE = re.compile("_x005[Ff]_")


def unescape_underscores(text: str) -> str:
    """Undo the one OOXML escape that stands for the user's own text: `_x005F_` is "_", so Excel's
    `_x005F_x0007_` is the typed text `_x0007_`. Other `_xHHHH_` stay as written, never decoded to
    control characters (openpyxl reads shared strings the same way)."""
    return _ESCAPED_UNDERSCORE.sub("_", text)


def _inline(cell: Any) -> str | None:
    """An inline string: its plain text and rich text runs, without phonetic runs (as openpyxl)."""
    node = cell.find(_INLINE)
    if node is None:
        return None
    parts = []
    for child in node:
        if child.tag == _TEXT:
            if child.text is not None:
                parts.append(child.text)
        elif child.tag == _RUN:
            text = child.find(_TEXT)
            if text is not None and text.text is not None:
                parts.append(text.text)
    return "".join(parts)


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if not number.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(number)


def _sheet_rows(
    source: IO[bytes], book: XlsxBook, merged: list[str], hidden: list[int]
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    strings, dates, spans, epoch = book.strings, book.date_styles, book.timedelta_styles, book.epoch
    columns: dict[str, int] = {}  # "AB" -> 28
    digits = "0123456789"
    expected = 1  # the next row number to give
    number = 0
    for _event, row in iterparse(source):
        if row.tag != _ROW:
            if row.tag == _MERGE:
                merged.append(row.get("ref", ""))
            continue
        mark = row.get("r")
        number = number + 1 if mark is None else _row_number(mark)
        if number > MAX_SHEET_ROWS:
            raise TooLarge("excel_path.too_many_rows", row=number, limit=MAX_SHEET_ROWS)
        if row.get("hidden") in ("1", "true"):
            hidden.append(number)
        values: list[Any] = []
        column = 0
        for cell in row:
            if cell.tag != _CELL:
                continue
            coordinate = cell.get("r")
            if coordinate:
                letters = coordinate.rstrip(digits)
                index = columns.get(letters)
                if index is None:
                    index = columns[letters] = column_index_from_string(letters)
                column = index
            else:
                column += 1
            if column > MAX_COLUMNS:
                raise TooLarge("excel_path.too_many_columns", row=number, limit=MAX_COLUMNS)
            kind = cell.get("t", "n")
            if kind == "inlineStr":
                node = cell.find(_INLINE)
                if node is not None and len(node) == 1 and node[0].tag == _TEXT:  # plain text, the usual
                    value: Any = node[0].text or ""
                else:
                    value = _inline(cell)
                if value and "_x005" in value:
                    value = unescape_underscores(value)
            else:
                value = cell.findtext(_VALUE) or None
                if value is not None:
                    if kind == "n":
                        value = _number(value)
                        style = cell.get("s")
                        if style and int(style) in dates:
                            try:
                                value = from_excel(value, epoch, timedelta=int(style) in spans)
                            except (OverflowError, ValueError):
                                value = "#VALUE!"
                    elif kind == "s":
                        value = strings[int(value)]
                    elif kind == "b":
                        value = bool(int(value))
                    elif kind == "d":
                        value = from_ISO8601(value)
                elif kind != "str" and len(cell) and (formula := cell.find(_FORMULA)) is not None:
                    # a formula saved without its value (an empty text result is t="str" with <v/>)
                    value = Uncomputed(formula.text or "")
            width = len(values)
            if column > width:
                if column > width + 1:
                    values.extend([None] * (column - width - 1))
                values.append(value)
            else:
                values[column - 1] = value
        row.clear()
        if number < expected:
            continue
        while expected < number:
            yield expected, ()
            expected += 1
        yield number, tuple(values)
        expected += 1
