"""Reading a workbook as plain rows: .xlsx (openpyxl, read-only, streaming), .xls (xlrd), .ods
(python-calamine), CSV folders.

A reader lists its sheets and streams each sheet's rows as (row number, values), the row number being
the spreadsheet's own (the header is row 1). Values are Python values: str, int, float, bool,
datetime.date/datetime; blank cells are None. The file type is told by its content, not its name.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from msfood.core.errors import EnvironmentProblem, MsfoodError
from msfood.core.plain_reason import plain_reason

Row = tuple[int, tuple[Any, ...]]
CSV_SAMPLE = 1 << 20


class Reader(Protocol):
    def sheet_names(self) -> list[str]: ...

    def estimate(self, name: str) -> int:
        """About how many rows the sheet has (0: not known)."""
        ...

    def rows(self, name: str) -> Iterator[Row]: ...

    def hidden_sheets(self) -> set[str]:
        """The sheets a person does not see when opening the file."""
        ...

    def hidden_rows(self, name: str) -> list[int]:
        """The sheet's hidden rows (known once its rows were read)."""
        ...

    def merged_cells(self, name: str) -> list[str]:
        """The sheet's merged ranges, as "A1:B1"."""
        ...

    def close(self) -> None: ...


class _Plain:
    """A format that hides nothing and merges nothing (CSV), or whose reader does not tell (.xls)."""

    def hidden_sheets(self) -> set[str]:
        return set()

    def hidden_rows(self, name: str) -> list[int]:
        return []

    def merged_cells(self, name: str) -> list[str]:
        return []


class XlsxReader:
    """An .xlsx workbook: openpyxl reads its structure, each sheet is streamed once (xlsx_rows.py)."""

    def __init__(self, path: Path) -> None:
        from msfood.workbook.xlsx_rows import XlsxBook

        # a file object, so that the content decides and not the name (an .xlsx saved as .xls)
        self.handle = open(path, "rb")  # noqa: SIM115 - closed in close(): the sheets stream from it
        try:
            self.book = XlsxBook(self.handle)
        except BaseException:
            self.handle.close()
            raise

    def sheet_names(self) -> list[str]:
        return self.book.sheet_names()

    def estimate(self, name: str) -> int:
        try:
            return self.book.estimate(name)
        except Exception:  # a damaged sheet: reading its rows says so (importer._rows)
            return 0

    def rows(self, name: str) -> Iterator[Row]:
        # Some writers record a wrong size: the rows that are there are read, not the ones it claims.
        return self.book.rows(name)

    def hidden_sheets(self) -> set[str]:
        return set(self.book.hidden_sheets)

    def hidden_rows(self, name: str) -> list[int]:
        return list(self.book.hidden_rows.get(name, ()))

    def merged_cells(self, name: str) -> list[str]:
        return self.book.merged_cells(name)

    def close(self) -> None:
        self.book.close()
        self.handle.close()


class XlsReader(_Plain):
    def __init__(self, path: Path) -> None:
        import xlrd

        self.xlrd = xlrd
        # xlrd reports damage it works around on stdout, which would spoil `msfood import --json`
        self.book = xlrd.open_workbook(str(path), on_demand=True, logfile=io.StringIO())
        self.path = path
        self._hidden: dict[str, list[int]] | None = None

    def hidden_rows(self, name: str) -> list[int]:
        # Row formatting is read apart, only now: with it xlrd reports formatted empty cells as blanks.
        if self._hidden is None:
            from msfood.workbook.hidden_rows import xls_hidden_rows

            try:
                self._hidden = xls_hidden_rows(self.path)
            except Exception:  # formatting it cannot read: the rows were read all the same
                self._hidden = {}
        return list(self._hidden.get(name, ()))

    def sheet_names(self) -> list[str]:
        return list(self.book.sheet_names())

    def estimate(self, name: str) -> int:
        try:
            return int(self.book.sheet_by_name(name).nrows)
        except Exception:  # a damaged sheet: reading its rows says so (importer._rows)
            return 0

    def rows(self, name: str) -> Iterator[Row]:
        xlrd = self.xlrd
        sheet = self.book.sheet_by_name(name)
        for index in range(sheet.nrows):
            values: list[Any] = []
            for cell in sheet.row(index):
                kind = cell.ctype
                if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    values.append(None)
                elif kind == xlrd.XL_CELL_DATE:
                    try:
                        values.append(xlrd.xldate_as_datetime(cell.value, self.book.datemode))
                    except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                        values.append(cell.value)
                elif kind == xlrd.XL_CELL_BOOLEAN:
                    values.append(bool(cell.value))
                elif kind == xlrd.XL_CELL_ERROR:
                    values.append(xlrd.error_text_from_code.get(cell.value, "#ERROR"))
                else:
                    values.append(cell.value)
            yield index + 1, tuple(values)

    def hidden_sheets(self) -> set[str]:
        hidden = set()
        for name in self.sheet_names():
            try:
                if self.book.sheet_by_name(name).visibility:
                    hidden.add(name)
            except Exception:  # a damaged sheet: reading its rows says so (importer._rows)
                continue
        return hidden

    def close(self) -> None:
        self.book.release_resources()


class OdsReader:
    """An OpenDocument spreadsheet (.ods, as LibreOffice and WPS save), read with python-calamine (Rust):
    measured 4x faster than our own .xlsx reader, but it does not tell formulas saved without a value
    or hidden rows, so .xlsx keeps its reader (xlsx_rows.py). The archive's bounds are checked first."""

    def __init__(self, path: Path) -> None:
        from python_calamine import CalamineWorkbook

        from msfood.workbook.xlsx_rows import check_bounds

        with zipfile.ZipFile(path) as archive:
            check_bounds(archive)
        self.book = CalamineWorkbook.from_path(str(path))
        self.meta = {m.name: m for m in self.book.sheets_metadata}
        self.path = path
        self._hidden: dict[str, list[int]] | None = None

    def sheet_names(self) -> list[str]:
        return list(self.book.sheet_names)

    def estimate(self, name: str) -> int:
        try:
            return int(self.book.get_sheet_by_name(name).total_height)
        except Exception:  # a damaged sheet: reading its rows says so (importer._rows)
            return 0

    def rows(self, name: str) -> Iterator[Row]:
        sheet = self.book.get_sheet_by_name(name)
        # the whole grid from A1 (so row numbers are the sheet's own); .ods files are small
        for index, values in enumerate(sheet.to_python(skip_empty_area=False), start=1):
            row = [_ods_value(v) for v in values]
            while row and row[-1] is None:
                row.pop()
            yield index, tuple(row)

    def hidden_sheets(self) -> set[str]:
        return {name for name, m in self.meta.items() if str(m.visible).lower().endswith(("hidden", "veryhidden"))}

    def hidden_rows(self, name: str) -> list[int]:
        if self._hidden is None:  # calamine reads values only: the rows' visibility is in content.xml
            from msfood.workbook.hidden_rows import ods_hidden_rows

            try:
                self._hidden = ods_hidden_rows(self.path)
            except Exception:  # a part it cannot parse: the rows were read all the same
                self._hidden = {}
        return list(self._hidden.get(name, ()))

    def merged_cells(self, name: str) -> list[str]:
        from openpyxl.utils import get_column_letter

        ranges = self.book.get_sheet_by_name(name).merged_cell_ranges or []
        return [
            f"{get_column_letter(a[1] + 1)}{a[0] + 1}:{get_column_letter(b[1] + 1)}{b[0] + 1}" for a, b in ranges
        ]

    def close(self) -> None:
        self.book.close()


def _ods_value(value: Any) -> Any:
    """calamine's value as the other readers give it: a blank cell None, a whole number an int."""
    if value == "":
        return None
    if type(value) is float and value.is_integer() and abs(value) < 1 << 53:
        return int(value)
    return value


def detect_encoding(sample: bytes) -> str:
    """UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8, else GB18030."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


class CsvReader(_Plain):
    """A folder of CSV files, one per sheet, each named after its sheet (包保主体.csv); or one CSV file."""

    def __init__(self, path: Path) -> None:
        files = sorted(path.glob("*.csv")) + sorted(path.glob("*.CSV")) if path.is_dir() else [path]
        self.files = {f.stem.strip(): f for f in files}

    def sheet_names(self) -> list[str]:
        return list(self.files)

    def estimate(self, name: str) -> int:
        count = 0
        with open(self.files[name], "rb") as handle:
            while chunk := handle.read(CSV_SAMPLE):
                count += chunk.count(b"\n")
        return count

    def rows(self, name: str) -> Iterator[Row]:
        path = self.files[name]
        with open(path, "rb") as raw:
            encoding = detect_encoding(raw.read(CSV_SAMPLE))
        with open(path, encoding=encoding, newline="") as handle:
            try:
                for number, values in enumerate(csv.reader(handle), start=1):
                    yield number, tuple(v if v != "" else None for v in values)
            except (UnicodeDecodeError, csv.Error) as exc:
                raise EnvironmentProblem("workbook.csv_unreadable", path=str(path), reason=plain_reason(exc)) from exc

    def close(self) -> None:
        pass


def open_reader(path: str | Path) -> Reader:
    """The reader for a workbook file or CSV folder; EnvironmentProblem when it is missing or unreadable."""
    path = Path(path)
    if not path.exists():
        raise EnvironmentProblem("workbook.missing", path=str(path))
    if path.is_dir() or path.suffix.lower() == ".csv":
        reader = CsvReader(path)
        if not reader.files:
            raise EnvironmentProblem("workbook.no_csv", path=str(path))
        return reader
    try:
        with open(path, "rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise EnvironmentProblem(
            "workbook.unreadable", path=str(path), reason=plain_reason(exc)
        ) from exc
    try:
        if magic.startswith(b"PK") and _is_ods(path):
            return OdsReader(path)
        if magic.startswith(b"PK"):
            return XlsxReader(path)
        if magic.startswith(b"\xd0\xcf\x11\xe0"):
            return XlsReader(path)
    except MsfoodError:
        raise  # said plainly already (a file too large to be a workbook)
    except Exception as exc:  # a damaged file: say so plainly, whichever library noticed
        raise EnvironmentProblem(
            "workbook.unreadable", path=str(path), reason=plain_reason(exc)
        ) from exc
    raise EnvironmentProblem("workbook.not_a_workbook", path=str(path))


def _is_ods(path: Path) -> bool:
    """An OpenDocument spreadsheet: its first entry is "mimetype" naming it (the format requires so)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet")
    except (KeyError, zipfile.BadZipFile, OSError):
        return False


def is_blank(values: tuple[Any, ...]) -> bool:
    for value in values:
        if value is None:
            continue
        if isinstance(value, str) and not value.strip():
            continue
        return False
    return True


def as_text(value: Any) -> str:
    """A cell as text: 13700000001.0 -> '13700000001', a date -> '2026-05-10', stray spaces gone."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
