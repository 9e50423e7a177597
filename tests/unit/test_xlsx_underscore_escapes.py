"""Text that looks like an OOXML escape (`_x0007_`) is the user's literal text both ways (issue 16): our
export escapes it as Excel does (`_x005F_x0007_`), and reading a file gives back what the person typed,
never a decoded control character, so an import is not refused for one that was never there."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from msfood.core.progress import drain
from msfood.services.writing.permissions import Actor
from msfood.workbook.cells import writable
from msfood.workbook.importer import import_workbook
from msfood.workbook.readers import open_reader
from tests.workbook_example import worked_example

ADMIN = Actor("admin", "admin")
LITERALS = ["_x0007_", "A_x0041_B", "_x005F_", "备注_x000D_换行"]


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))


def read_column(path: Path, sheet: str = "区划", column: int = 1) -> list[object]:
    reader = open_reader(path)
    try:
        return [values[column] for _n, values in reader.rows(sheet)][1:]
    finally:
        reader.close()


def rewrite_strings(path: Path, replace: dict[bytes, bytes]) -> None:
    """Edit the stored XML as another program would have saved it."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            if name.startswith("xl/worksheets/") or name.endswith("sharedStrings.xml"):
                for old, new in replace.items():
                    data = data.replace(old, new)
            target.writestr(name, data)


def test_our_writing_escapes_and_our_reading_gives_the_literal_back(tmp_path: Path) -> None:
    assert writable("_x0007_") == "_x005F_x0007_" and writable("普通文字") == "普通文字"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "区划"
    sheet.append(["区划代码", "名称"])
    for n, text in enumerate(LITERALS):
        sheet.append([f"43020400{n}", writable(text)])
    book.save(tmp_path / "ours.xlsx")
    assert read_column(tmp_path / "ours.xlsx") == LITERALS


def test_an_escaped_underscore_reads_as_typed(tmp_path: Path) -> None:
    """As Excel and WPS save the typed text `_x0007_` (shared strings are read by openpyxl, which undoes
    the same escape)."""
    path = tmp_path / "excel.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "区划"
    sheet.append(["区划代码", "名称"])
    sheet.append(["430204001", "MARKER"])
    book.save(path)
    rewrite_strings(path, {b"MARKER": b"_x005F_x0007_"})
    assert read_column(path) == ["_x0007_"]


def test_an_unescaped_control_escape_is_kept_literally_and_not_refused(  # type: ignore[no-untyped-def]
    tmp_path: Path, db, clock
) -> None:
    rows = worked_example()["区划"]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "区划"
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "raw.xlsx")
    name = str(rows[1][1]).encode()
    rewrite_strings(tmp_path / "raw.xlsx", {b">" + name + b"<": b">" + name + b"_x0007_<"})
    assert read_column(tmp_path / "raw.xlsx")[0] == rows[1][1] + "_x0007_"
    result = drain(import_workbook(db, tmp_path / "raw.xlsx", actor=ADMIN, clock=clock))
    assert result.new == len(rows) - 1 and not result.errors
