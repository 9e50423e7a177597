"""Hidden rows in .ods and .xls workbooks are warned about like hidden rows in .xlsx (issue 16): their data
is imported too, and the person should know it was there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from msfood.core.progress import drain
from msfood.services.writing.permissions import Actor
from msfood.workbook.hidden_rows import ods_hidden_rows
from msfood.workbook.importer import import_workbook
from msfood.workbook.readers import open_reader
from tests.ods_writer import write_ods
from tests.workbook_example import worked_example, write_xls

ADMIN = Actor("admin", "admin")


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))


def regions() -> dict[str, list[list[Any]]]:
    return {"区划": worked_example()["区划"]}


def write_xls_hiding(path: Path, sheets: dict[str, list[list[Any]]], hidden: dict[str, set[int]]) -> Path:
    """write_xls, then the same book again with rows hidden (xlwt keeps row flags on its Row objects)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets.items():
        ws = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, float(value) if isinstance(value, int) else value)
            if r + 1 in hidden.get(name, set()):
                ws.row(r).hidden = True
    book.save(str(path))
    return path


def warnings_of(db, clock, path: Path) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    result = drain(import_workbook(db, path, actor=ADMIN, clock=clock))
    return [w.sentence() for w in result.warnings], result.new


def test_hidden_ods_rows_are_warned_about(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    path = write_ods(tmp_path / "hidden.ods", regions(), hidden_rows={"区划": {3, 4}})
    assert ods_hidden_rows(path) == {"区划": [3, 4]}
    warnings, new = warnings_of(db, clock, path)
    assert "区划：有 2 行是隐藏的（第 3、4 行），这些行的数据也会导入" in warnings
    assert new == len(regions()["区划"]) - 1  # the hidden rows are imported all the same


def test_hidden_xls_rows_are_warned_about(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    path = write_xls_hiding(tmp_path / "hidden.xls", regions(), {"区划": {3}})
    warnings, new = warnings_of(db, clock, path)
    assert "区划：有 1 行是隐藏的（第 3 行），这些行的数据也会导入" in warnings
    assert new == len(regions()["区划"]) - 1


def test_no_warning_without_hidden_rows(tmp_path: Path) -> None:
    ods = open_reader(write_ods(tmp_path / "plain.ods", regions()))
    xls = open_reader(write_xls(tmp_path / "plain.xls", regions()))
    try:
        assert ods.hidden_rows("区划") == [] and xls.hidden_rows("区划") == []
    finally:
        ods.close()
        xls.close()


def test_a_hidden_empty_row_is_not_named(tmp_path: Path) -> None:
    sheets = regions()
    sheets["区划"].append([None, None])
    path = write_ods(tmp_path / "blank.ods", sheets, hidden_rows={"区划": {len(sheets["区划"])}})
    assert ods_hidden_rows(path) == {}
