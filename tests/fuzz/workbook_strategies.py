"""Hypothesis strategies for broken workbooks: a valid workbook (the worked example, its self-checks cut
short so an example runs fast) and the edits people and programs make to it, written as .xlsx, .xls
or a CSV folder; and byte-level damage to the files themselves.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import decimal
import io
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from msfood.workbook.schema import SHEETS
from tests.workbook_example import Sheets, csv_text, worked_example, write_xls

SELFCHECK_ROWS = 6  # of the worked example's 269: enough to exercise the sheet, fast to import

KNOWN_SHEETS = [sheet.name for sheet in SHEETS]
HEADERS = sorted({column.title for sheet in SHEETS for column in sheet.columns})


@cache
def base_sheets() -> Sheets:
    sheets = worked_example()
    sheets["自查记录"] = sheets["自查记录"][: SELFCHECK_ROWS + 1]
    return sheets


# --- cell values --------------------------------------------------------------------------------

TRICKY_TEXT = [
    "", " ", "\t", "是", "否", "Y", "N", "true", "0", "-1", "1.5", "1e309", "NaN", "inf", "-0",
    "餐饮服务", "小作坊", "A", "D", "E", "村级", "现场督导",
    "日管控", "合格", "待检", "在营", "注销",
    "=1/0", "=A1+1", "=SUM(A:A)", "#DIV/0!", "#N/A", "#REF!",
    "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "0001-01-01", "2026/5/10", "20260510",
    "２０２６-０５-１０", "2026年5月10日", "2026-05-10 25:61:00", "-2026-05-10",
    "13700000001", "137 0000 0001", "+8613700000001", "1370000000", "91430211000009136F",
    "91430211000009136f", "430204", "430204001", "４３０２０４", "000000", "999999999999",
    "SF2026001", "周六、周日", "周八", "每天",
    "\ufeff", "\u200b", "\u202e反向", "🍜🥟", "\U0010ffff",
    "{}", "{0}", "{sheet}", "%s", "'; DROP TABLE regions; --", "\\", "\"quoted\"", "a\nb", "a\r\nb",
]

texts = st.one_of(
    st.sampled_from(TRICKY_TEXT),
    st.text(max_size=40),
    st.text(st.characters(max_codepoint=0x7F), max_size=20),  # control characters included
    st.builds(
        lambda piece, n: piece * n,
        st.sampled_from(["a", "中", "🍜", "\x01", "9"]),
        st.integers(200, 40000),
    ),
)
numbers = st.one_of(
    st.integers(-10, 10),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.1, 1e-300, 1e300, 13700000001.0, 430204001.0, 2026.5, -1.0, 45000.0, 2958466.0]),
)
moments = st.one_of(
    st.dates(),
    st.datetimes(),
    st.sampled_from([dt.date(1, 1, 1), dt.date(1899, 12, 30), dt.date(1900, 2, 28), dt.date(9999, 12, 31),
                     dt.datetime(1900, 1, 1, 0, 0), dt.datetime(9999, 12, 31, 23, 59, 59)]),
    st.times(),
    st.timedeltas(min_value=dt.timedelta(days=-3000), max_value=dt.timedelta(days=3000)),
)
values = st.one_of(texts, numbers, moments, st.booleans(), st.none(), st.decimals(allow_nan=True))

sheet_names = st.one_of(
    st.sampled_from(KNOWN_SHEETS + ["填写说明", "列表", "包保主体2", "包保主体0", "Sheet1"]),
    st.sampled_from(["督导记录 ", " 区划", "区划\n", "抽检计划3"]),
    st.text(min_size=1, max_size=40),
)
header_texts = st.one_of(st.sampled_from(HEADERS), texts, st.none())

# --- edits --------------------------------------------------------------------------------------

small = st.integers(0, 1000)  # indices are taken modulo the current sizes
ops = st.one_of(
    st.tuples(st.just("set"), small, small, small, values),
    st.tuples(st.just("set_header"), small, small, header_texts),
    st.tuples(st.just("drop_column"), small, small),
    st.tuples(st.just("copy_column"), small, small, small),
    st.tuples(st.just("drop_row"), small, small),
    st.tuples(st.just("copy_row"), small, small),
    st.tuples(st.just("far_row"), small, st.integers(1, 3000), values),
    st.tuples(st.just("wide_row"), small, small, st.integers(1, 300), values),
    st.tuples(st.just("extra_sheet"), sheet_names, st.lists(st.lists(values, max_size=6), max_size=5)),
    st.tuples(st.just("drop_sheet"), small),
    st.tuples(st.just("rename_sheet"), small, sheet_names),
    st.tuples(st.just("swap_sheets"), small, small),
    st.tuples(st.just("clear_sheet"), small),
    st.tuples(st.just("merge"), small, small, small, st.integers(0, 3), st.integers(0, 3)),
)


@dataclass
class Book:
    """A workbook as sheets of rows (the first row the header), and merged ranges for .xlsx."""

    sheets: list[tuple[str, list[list[Any]]]]
    merges: list[tuple[int, int, int, int, int]] = field(default_factory=list)  # sheet, row, col, rows, cols

    def apply(self, op: tuple[Any, ...]) -> None:
        kind, *args = op
        if kind in ("extra_sheet",):
            name, rows = args
            self.sheets.append((name, [list(r) for r in rows]))
            return
        if not self.sheets:
            return
        index = args[0] % len(self.sheets)
        name, rows = self.sheets[index]
        width = max((len(r) for r in rows), default=0)
        if kind == "set":
            r, c = args[1] % (len(rows) + 3), args[2] % (width + 3)
            while len(rows) <= r:
                rows.append([])
            row = rows[r]
            row.extend([None] * (c + 1 - len(row)))
            row[c] = args[3]
        elif kind == "set_header" and rows:
            c = args[1] % (width + 2)
            rows[0].extend([None] * (c + 1 - len(rows[0])))
            rows[0][c] = args[2]
        elif kind == "drop_column" and width:
            c = args[1] % width
            for row in rows:
                if c < len(row):
                    del row[c]
        elif kind == "copy_column" and width:
            source, target = args[1] % width, args[2] % (width + 1)
            for row in rows:
                row.extend([None] * (max(source, target) + 1 - len(row)))
                row.insert(target, row[source])
        elif kind == "drop_row" and rows:
            del rows[args[1] % len(rows)]
        elif kind == "copy_row" and rows:
            rows.append(list(rows[args[1] % len(rows)]))
        elif kind == "far_row":
            rows.extend([[] for _ in range(args[1])])
            rows.append([args[2]])
        elif kind == "wide_row":
            r = args[1] % (len(rows) + 1)
            while len(rows) <= r:
                rows.append([])
            rows[r].extend([None] * args[2] + [args[3]])
        elif kind == "drop_sheet":
            del self.sheets[index]
        elif kind == "rename_sheet":
            self.sheets[index] = (args[1], rows)
        elif kind == "swap_sheets":
            other = args[1] % len(self.sheets)
            self.sheets[index], self.sheets[other] = self.sheets[other], self.sheets[index]
        elif kind == "clear_sheet":
            rows.clear()
        elif kind == "merge":
            self.merges.append((index, args[1] % (len(rows) + 2), args[2] % (width + 2), args[3], args[4]))


def base_book() -> Book:
    """A fresh copy of the valid workbook."""
    return Book([(name, copy.deepcopy(rows)) for name, rows in base_sheets().items()])


@st.composite
def books(draw: st.DrawFn) -> Book:
    book = base_book()
    for op in draw(st.lists(ops, min_size=1, max_size=8)):
        book.apply(op)
    return book


# --- writing ------------------------------------------------------------------------------------


def _unique(names: list[str], fix: Any) -> list[str]:
    out: list[str] = []
    for name in names:
        name = fix(name)
        candidate, n = name, 1
        while candidate.casefold() in {o.casefold() for o in out}:
            n += 1
            candidate = fix(f"{name[:25]}~{n}")
        out.append(candidate)
    return out


def _xlsx_title(name: str) -> str:
    name = "".join(ch for ch in name if ch not in "[]:*?/\\" and ch.isprintable()).strip("'")[:31]
    return name or "Sheet"


def _xlsx_value(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:32767]
    if isinstance(value, decimal.Decimal):
        return float(value) if value.is_finite() else str(value)
    if isinstance(value, dt.datetime | dt.date) and value.year < 1900:
        return value.isoformat()  # openpyxl cannot write dates Excel has no number for
    return value


def write_xlsx(path: Path, book: Book) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    titles = _unique([name for name, _ in book.sheets], _xlsx_title)
    sheets = []
    for title, (_, rows) in zip(titles, book.sheets, strict=True):
        ws = workbook.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, _xlsx_value(value))
        sheets.append(ws)
    for index, top, left, down, across in book.merges:
        if index < len(sheets):
            sheets[index].merge_cells(
                start_row=top + 1, start_column=left + 1, end_row=top + 1 + down, end_column=left + 1 + across
            )
    workbook.save(path)
    return path


def _xls_value(value: Any) -> Any:
    if isinstance(value, str):
        return value[:32767]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | decimal.Decimal):
        try:
            number = float(value)
        except (OverflowError, ValueError):
            return str(value)
        return number if abs(number) < 1e300 else str(value)
    if isinstance(value, float):
        return value if value == value and abs(value) < 1e300 else str(value)
    if isinstance(value, dt.datetime | dt.date) and value.year >= 1900:
        return value
    return str(value)


def write_xls_book(path: Path, book: Book) -> Path:
    titles = _unique([name for name, _ in book.sheets], _xlsx_title)
    sheets = {
        title: [[_xls_value(v) for v in row[:256]] for row in rows[:65536]]
        for title, (_, rows) in zip(titles, book.sheets, strict=True)
    }
    if not sheets:
        sheets = {"Sheet": []}
    return write_xls(path, sheets)


def _file_name(name: str) -> str:
    name = name.replace("/", "_").replace("\x00", "_")
    while len(name.encode("utf-8")) > 200:
        name = name[:-1]
    return name


def write_csv(folder: Path, book: Book, encoding: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (_, rows) in zip(_unique([n for n, _ in book.sheets], _file_name), book.sheets, strict=True):
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        for row in rows:
            writer.writerow([csv_text(v) for v in row])
        (folder / f"{name}.csv").write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    return folder


# --- damaged files ------------------------------------------------------------------------------

byte_edits = st.lists(
    st.one_of(
        st.tuples(st.just("flip"), st.integers(0, 10**9), st.integers(1, 255)),
        st.tuples(st.just("cut"), st.integers(0, 10**9)),
        st.tuples(st.just("insert"), st.integers(0, 10**9), st.binary(min_size=1, max_size=64)),
        st.tuples(st.just("zero"), st.integers(0, 10**9), st.integers(1, 4096)),
    ),
    min_size=1,
    max_size=6,
)


def damage(data: bytes, edits: list[tuple[Any, ...]]) -> bytes:
    buffer = bytearray(data)
    for kind, at, *rest in edits:
        at = at % (len(buffer) + 1)
        if kind == "flip" and at < len(buffer):
            buffer[at] ^= rest[0]
        elif kind == "cut":
            del buffer[at:]
        elif kind == "insert":
            buffer[at:at] = rest[0]
        elif kind == "zero":
            buffer[at : at + rest[0]] = bytes(len(buffer[at : at + rest[0]]))
    return bytes(buffer)


def replace_member(data: bytes, index: int, content: bytes) -> bytes:
    """The zip `data` with its member number `index` (modulo their count) holding `content`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    victim = names[index % len(names)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name in names:
            target.writestr(name, content if name == victim else source.read(name))
    return out.getvalue()


member_contents = st.one_of(
    st.binary(max_size=256),
    st.sampled_from([b"", b"<", b"<?xml version='1.0'?><a>", b"<worksheet/>", b"\xef\xbb\xbf<x>\x00</x>",
                     b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;&a;</x>']),
    st.text(max_size=200).map(lambda s: s.encode("utf-8")),
)
