"""Export: sheets split past the row limit and read back alike, progress, the view export, the template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from msfood.core.errors import NotFoundError, PermissionDenied, ValidationError
from msfood.core.progress import Progress, drain
from msfood.services.writing.permissions import Actor
from msfood.workbook.export import export_view, export_workbook, safe_title
from msfood.workbook.importer import import_workbook
from msfood.workbook.schema import SHEETS
from msfood.workbook.template import display_width, write_template
from tests.conftest import make_station
from tests.workbook_example import EXAMPLE_ROWS, worked_example, write_xlsx

ADMIN = Actor("admin", "admin")


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))


@pytest.fixture
def example_db(tmp_path, db, clock):  # type: ignore[no-untyped-def]
    drain(
        import_workbook(db, write_xlsx(tmp_path / "example.xlsx", worked_example()), actor=ADMIN, clock=clock)
    )
    return db


def test_long_sheets_continue_in_numbered_sheets_and_import_back(tmp_path, example_db, clock) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "split.xlsx"
    task = export_workbook(example_db, out, actor=Actor("v", "viewer"), max_rows=101)
    steps = []
    while True:
        try:
            steps.append(next(task))
        except StopIteration as finished:
            result = finished.value
            break
    # the example's rows, and what the first layout's rows held besides: two business statuses, a problem
    assert all(isinstance(s, Progress) for s in steps) and steps[-1].done == EXAMPLE_ROWS + 3
    assert result.rows == EXAMPLE_ROWS + 3 and result.by_sheet["自查记录"] == 269
    assert (result.by_sheet["经营状态"], result.by_sheet["问题"]) == (2, 1)
    book = openpyxl.load_workbook(out, read_only=True)
    parts = [n for n in book.sheetnames if n.startswith("自查记录")]
    assert parts == ["自查记录", "自查记录2", "自查记录3"]
    sizes = [sum(1 for _ in book[n].iter_rows()) for n in parts]
    assert sizes == [101, 101, 70]  # each part has its header and at most max_rows rows
    assert all(next(book[n].iter_rows(values_only=True))[0] == "统一社会信用代码*" for n in parts)
    book.close()
    station = tmp_path / "other.sqlite"
    make_station(station, clock=clock, code="430204-02")
    from msfood.db.engine import open_database

    other = open_database(station)
    try:
        imported = drain(import_workbook(other, out, actor=ADMIN, clock=clock))
    finally:
        other.close()
    # the statuses were made by the 包保主体 rows, the problem by its 督导记录 row (filled in by 问题)
    assert (imported.new, imported.updated, imported.unchanged) == (EXAMPLE_ROWS, 1, 2)
    assert imported.by_sheet["自查记录3"] == 69


def test_every_sheet_is_written_even_empty(tmp_path, db) -> None:  # type: ignore[no-untyped-def]
    result = drain(export_workbook(db, tmp_path / "empty.xlsx", actor=ADMIN))
    assert result.rows == 0
    book = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert book.sheetnames == [s.name for s in SHEETS]
    assert [c.value for c in book["区划"][1]] == [
        "区划代码*", "名称*", "上级代码", "区划代码年份", "撤销日期"]
    assert book["区划"].freeze_panes == "A2"


def test_export_checks_role_period_and_region(tmp_path, db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        drain(export_workbook(db, tmp_path / "x.xlsx", actor=Actor("nobody", "stranger")))
    with pytest.raises(ValidationError):
        drain(export_workbook(db, tmp_path / "x.xlsx", actor=ADMIN, period="2026Q7"))
    with pytest.raises(NotFoundError):
        drain(export_workbook(db, tmp_path / "x.xlsx", actor=ADMIN, region="430999"))
    assert not (tmp_path / "x.xlsx").exists()


def test_values_are_written_as_people_read_them(tmp_path, example_db) -> None:  # type: ignore[no-untyped-def]
    drain(export_workbook(example_db, tmp_path / "all.xlsx", actor=ADMIN))
    book = openpyxl.load_workbook(tmp_path / "all.xlsx")
    rows = {r[0]: r for r in book["包保主体"].iter_rows(min_row=2, values_only=True)}
    bakery, workshop, market = rows["石峰面包厂"], rows["清水豆腐坊"], rows["田心生鲜超市"]
    assert bakery[3] == "食品生产" and bakery[12] == "停业" and bakery[13] == dt.datetime(2026, 5, 20)
    assert workshop[14] == "周六、周日"
    assert market[7] == "是" and market[5] == "B"
    cell = book["包保主体"]["N2"]
    assert cell.number_format == "yyyy-mm-dd" or cell.value is None


def test_export_view(tmp_path: Path) -> None:
    rows = [["清水家常饭店", dt.date(2026, 5, 10), True, 3], ["田心生鲜超市", None, False, 0]]
    count = export_view(
        rows, ["主体名称", "督导日期", "高风险", "问题数"], tmp_path / "view.xlsx", title="督导/列表"
    )
    assert count == 2
    book = openpyxl.load_workbook(tmp_path / "view.xlsx")
    ws = book.worksheets[0]
    assert ws.title == "督导_列表"
    assert list(ws.values) == [
        ("主体名称", "督导日期", "高风险", "问题数"),
        ("清水家常饭店", dt.datetime(2026, 5, 10), "是", 3),
        ("田心生鲜超市", None, "否", 0),
    ]
    assert ws["B2"].number_format == "yyyy-mm-dd"
    assert export_view(iter([[i] for i in range(5)]), ["n"], tmp_path / "split.xlsx", max_rows=3) == 5
    assert openpyxl.load_workbook(tmp_path / "split.xlsx").sheetnames == ["导出", "导出2", "导出3"]
    assert safe_title("a" * 40) == "a" * 28


def test_template_validations_formats_and_widths(tmp_path: Path) -> None:
    write_template(tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames == ["填写说明", *(s.name for s in SHEETS), "列表"]
    for sheet in SHEETS:
        ws = book[sheet.name]
        assert [c.value for c in ws[1]] == sheet.titles
        assert ws.freeze_panes == "A2"
        validated = {str(v.sqref).split(":")[0][0] for v in ws.data_validations.dataValidation}
        expected = {chr(ord("A") + i) for i, c in enumerate(sheet.columns) if c.drop_down}
        assert validated == expected, sheet.name
        for index, column in enumerate(sheet.columns):
            letter = chr(ord("A") + index)
            assert ws.column_dimensions[letter].width >= display_width(column.title)
    business = book["包保主体"]
    assert business["B1"].font.b and business["B1"].value == "统一社会信用代码*"
    assert business.column_dimensions["B"].number_format == "@"  # credit codes stay text
    lists = book["列表"]
    assert lists["A1"].value == "抽检.食品大类" and lists["A2"].value == "粮食加工品"
    rapid = {str(v.sqref).split(":")[0]: v for v in book["快检"].data_validations.dataValidation}
    assert rapid["E2"].showErrorMessage is False  # a test item outside the list is allowed
    text = "\n".join(str(c.value) for c in book["填写说明"]["A"] if c.value)
    assert "带 * 的列必须填写" in text
