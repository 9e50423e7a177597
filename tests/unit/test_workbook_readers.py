"""Reading workbooks as rows: .xlsx, .xls and CSV folders; sheet and header names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from msfood.core.errors import EnvironmentProblem
from msfood.workbook.readers import as_text, detect_encoding, is_blank, open_reader
from msfood.workbook.schema import SHEET_BY_NAME, SHEETS, clean_header, part_name, sheet_for
from tests.workbook_example import write_csv_folder, write_xls


def test_sheets_follow_the_interface_and_import_parents_first() -> None:
    assert [s.name for s in SHEETS] == [
        "区划",
        "包保主体",
        "包保干部",
        "包保关系",
        "督导记录",
        "自查记录",
        "抽检",
        "快检",
        "抽检计划",
        "经营状态",
        "停业时段",
        "节假日",
        "问题",
        "检查表",
    ]
    assert SHEET_BY_NAME["包保干部"].titles == [
        "姓名*",
        "手机号*",
        "包保层级*",
        "职务",
        "工作单位",
        "所属区划代码*",
    ]
    # every sheet that refers to a business carries the optional licence column right after the code
    for sheet in SHEETS:
        fields = [c.field for c in sheet.columns]
        if "credit_code" in fields:
            assert fields[fields.index("credit_code") + 1] == "licence_no"
            assert not sheet.by_field["licence_no"].required
    assert SHEET_BY_NAME["包保主体"].by_field["form"].drop_down == (
        "食品生产",
        "食品销售",
        "餐饮服务",
        "单位食堂",
        "小作坊",
        "食品摊贩",
    )
    assert SHEET_BY_NAME["包保主体"].by_field["high_risk"].drop_down == ("是", "否")


def test_sheet_names_and_headers() -> None:
    business = SHEET_BY_NAME["包保主体"]
    assert sheet_for("包保主体") == (business, 1)
    assert sheet_for(" 包保主体2 ") == (business, 2)
    assert sheet_for("包保主体12") == (business, 12)
    assert sheet_for("包保主体1") is None and sheet_for("主体") is None and sheet_for("Sheet1") is None
    assert part_name(business, 3) == "包保主体3"
    assert clean_header(" 主体名称* ") == "主体名称"
    assert clean_header("主体名称 ＊") == "主体名称"
    assert clean_header(None) == ""


def test_cells_as_text_and_blank_rows() -> None:
    assert as_text(13700000001.0) == "13700000001"
    assert as_text(dt.datetime(2026, 5, 10)) == "2026-05-10"
    assert as_text("  清水  ") == "清水"
    assert as_text(2.5) == "2.5"
    assert is_blank((None, "  ", "")) and not is_blank((None, 0))


def test_xlsx_rows_keep_the_spreadsheet_numbers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "督导记录"
    ws["A1"], ws["B1"] = "干部手机号*", "督导日期*"
    ws["A2"], ws["B2"] = 13700000001, dt.datetime(2026, 5, 10)
    ws["A5"], ws["B5"] = " 13700000002 ", "2026-06-01"  # rows 3 and 4 are empty
    book.save(tmp_path / "b.xlsx")
    reader = open_reader(tmp_path / "b.xlsx")
    try:
        assert reader.sheet_names() == ["督导记录"]
        rows = [(n, v) for n, v in reader.rows("督导记录") if not is_blank(v)]
    finally:
        reader.close()
    assert [n for n, _ in rows] == [1, 2, 5]
    assert rows[1][1] == (13700000001, dt.datetime(2026, 5, 10))


def test_xls_rows_with_dates_and_numbers(tmp_path: Path) -> None:
    path = write_xls(
        tmp_path / "b.xls",
        {"快检": [["快检日期*", "检测批次*", "样品名称*"], [dt.datetime(2026, 5, 5), 8, "小白菜"]]},
    )
    reader = open_reader(path)
    try:
        assert reader.sheet_names() == ["快检"]
        rows = list(reader.rows("快检"))
    finally:
        reader.close()
    assert rows == [
        (1, ("快检日期*", "检测批次*", "样品名称*")),
        (2, (dt.datetime(2026, 5, 5), 8.0, "小白菜")),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_folder_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    folder = write_csv_folder(
        tmp_path / "csv", {"区划": [["区划代码*", "名称*"], ["430204", "石峰区"]]}, encoding
    )
    reader = open_reader(folder)
    assert reader.sheet_names() == ["区划"]
    assert list(reader.rows("区划")) == [(1, ("区划代码*", "名称*")), (2, ("430204", "石峰区"))]


def test_encoding_detection() -> None:
    text = "区划代码,名称\n430204,石峰区\n"
    assert detect_encoding(text.encode("utf-8")) == "utf-8"
    assert detect_encoding(b"\xef\xbb\xbf" + text.encode("utf-8")) == "utf-8-sig"
    assert detect_encoding(text.encode("gb18030")) == "gb18030"
    # a sample cut inside a character is still UTF-8
    assert detect_encoding(text.encode("utf-8")[:5]) == "utf-8"


def test_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(EnvironmentProblem) as missing:
        open_reader(tmp_path / "nowhere.xlsx")
    assert missing.value.code == "workbook.missing"
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(EnvironmentProblem) as foreign:
        open_reader(tmp_path / "notes.txt")
    assert foreign.value.code == "workbook.not_a_workbook"
    (tmp_path / "empty").mkdir()
    with pytest.raises(EnvironmentProblem) as empty:
        open_reader(tmp_path / "empty")
    assert empty.value.code == "workbook.no_csv"
    (tmp_path / "broken.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(EnvironmentProblem) as broken:
        open_reader(tmp_path / "broken.xls")
    assert broken.value.code == "workbook.unreadable"


def test_the_content_decides_not_the_name(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "区划"
    book.active.append(["区划代码*", "名称*"])
    book.save(tmp_path / "saved-as.xls")  # an .xlsx under an old name
    reader = open_reader(tmp_path / "saved-as.xls")
    try:
        assert list(reader.rows("区划")) == [(1, ("区划代码*", "名称*"))]
    finally:
        reader.close()
    xls = write_xls(tmp_path / "old.xlsx", {"区划": [["区划代码*", "名称*"]]})  # and the other way round
    reader = open_reader(xls)
    try:
        assert reader.sheet_names() == ["区划"]
    finally:
        reader.close()
