"""User text is always text: formula-like names and remarks go through import, export, reports and back
character for character; control characters are refused at entry with a clear message."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from msfood.core.errors import ValidationError
from msfood.core.progress import drain
from msfood.db.engine import open_database
from msfood.i18n import t
from msfood.reports import write_report
from msfood.reports.writers.documents import write_tasks
from msfood.services.records.refs import Refs
from msfood.services.records.specs import clean
from msfood.services.writing.permissions import Actor
from msfood.workbook.cells import set_text
from msfood.workbook.export import export_view, export_workbook
from msfood.workbook.importer import import_workbook
from msfood.workbook.result import WorkbookRefused
from tests.conftest import make_station
from tests.workbook_example import worked_example

ADMIN = Actor("admin", "admin")
NASTY = [
    '=HYPERLINK("http://example.com/x","2")',
    "=cmd|' /C calc'!A0",
    "+1",
    "-2",
]
CADRE = "@x"
REMARK = "=1+1"


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))


def write_text_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """Like a person's workbook, the text cells stored as text (Excel's own '=' typed after a quote)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c)
                if isinstance(value, str):
                    set_text(cell, value)
                else:
                    cell.value = value
    book.save(path)
    return path


def nasty_example() -> dict[str, list[list[Any]]]:
    sheets = worked_example()
    for row, name in zip(sheets["包保主体"][1:], NASTY, strict=True):
        row[0] = name
    sheets["包保干部"][1][0] = CADRE
    sheets["督导记录"][1][9] = REMARK
    sheets["督导记录"][1][6] = "-冷藏柜温度记录不全"
    return sheets


def no_formulas(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name


def sheet_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(path)
    try:
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    finally:
        book.close()


def test_formula_like_text_round_trips_character_for_character(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    drain(import_workbook(db, write_text_xlsx(tmp_path / "in.xlsx", nasty_example()), actor=ADMIN, clock=clock))
    first = tmp_path / "first.xlsx"
    drain(export_workbook(db, first, actor=ADMIN))
    no_formulas(first)
    book = openpyxl.load_workbook(first)
    names = {c.value: c for c in book["包保主体"]["A"][1:]}
    assert set(names) == set(NASTY)
    for value, cell in names.items():
        assert cell.data_type == "s" and cell.quotePrefix, value
    assert book["包保干部"]["A2"].value == CADRE or CADRE in [c.value for c in book["包保干部"]["A"]]
    assert REMARK in [c.value for c in book["督导记录"]["J"]]
    book.close()

    other_path = tmp_path / "other.sqlite"
    make_station(other_path, clock=clock, code="430204-02")
    other = open_database(other_path)
    try:
        drain(import_workbook(other, first, actor=ADMIN, clock=clock))
        second = tmp_path / "second.xlsx"
        drain(export_workbook(other, second, actor=ADMIN))
    finally:
        other.close()
    assert sheet_values(second) == sheet_values(first)
    no_formulas(second)


@pytest.mark.parametrize("kind", ["report", "tasks"])
def test_reports_and_task_lists_write_names_as_text(tmp_path: Path, db, clock, kind: str) -> None:  # type: ignore[no-untyped-def]
    drain(import_workbook(db, write_text_xlsx(tmp_path / "in.xlsx", nasty_example()), actor=ADMIN, clock=clock))
    out = tmp_path / f"{kind}.xlsx"
    with db.sessions() as session:
        writer = write_report if kind == "report" else write_tasks
        drain(writer(session, actor=ADMIN, period="2026Q2", out=out, clock=clock, as_of=dt.date(2026, 6, 30)))
    no_formulas(out)
    found = {v for rows in sheet_values(out).values() for row in rows for v in row if isinstance(v, str)}
    assert found & set(NASTY + [CADRE]), "the names should appear in the file, as text"


def test_view_export_keeps_text(tmp_path: Path) -> None:
    out = tmp_path / "view.xlsx"
    export_view([[name, 1] for name in NASTY], ["=名称", "数"], out)
    no_formulas(out)
    assert [r[0] for r in sheet_values(out)["导出"]] == ["=名称", *NASTY]


def test_control_characters_are_refused_at_entry(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        refs = Refs(session)
        with pytest.raises(ValidationError) as caught:
            clean("region", {"code": "430204", "name": "石峰\x07区"}, refs)
    issue = caught.value.issues[0]
    assert issue.code == "excel_path.control_character" and issue.field == "name"
    text = t(issue.code, **issue.params)
    assert "U+0007" in text and "第 3 个字符" in text


def test_a_workbook_with_control_characters_is_refused_naming_the_cell(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "csv"
    folder.mkdir()
    with open(folder / "区划.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["区划代码*", "名称*", "上级代码"])
        writer.writerow(["430204", "石峰区\x1b[31m", ""])
    with pytest.raises(WorkbookRefused) as caught:
        drain(import_workbook(db, folder, actor=ADMIN, clock=clock))
    sentence = caught.value.result.errors[0].sentence()
    assert sentence.startswith("区划 第 2 行 名称：") and "控制字符" in sentence and "U+001B" in sentence
