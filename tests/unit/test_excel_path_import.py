"""Import tells the truth about odd workbooks: merged or blank header cells, a header lower down, no known
sheet, an empty template, formulas without values, hidden sheets and rows, credit codes rounded by
Excel, full-width dates; and reading stays bounded (zip bombs, sheets past Excel's limits, capped lists)."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from msfood.core.errors import EnvironmentProblem, NothingToDo
from msfood.core.progress import drain
from msfood.i18n import t
from msfood.services.writing.permissions import Actor
from msfood.workbook import xlsx_rows
from msfood.workbook.importer import import_workbook
from msfood.workbook.result import MAX_LISTED, WorkbookRefused
from msfood.workbook.template import write_template
from tests.workbook_example import E1, worked_example, write_xlsx

ADMIN = Actor("admin", "admin")


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))


def refused(db, clock, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(WorkbookRefused) as caught:
        drain(import_workbook(db, path, actor=ADMIN, clock=clock))
    return [e.sentence() for e in caught.value.result.errors]


def regions_only() -> dict[str, list[list[Any]]]:
    return {"区划": worked_example()["区划"]}


def test_a_merged_header_cell_is_an_error_naming_the_cells(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "m.xlsx", regions_only())
    book = openpyxl.load_workbook(path)
    book["区划"]["B1"].value = None
    book["区划"].merge_cells("A1:B1")  # 名称 hidden under 区划代码's title
    book.save(path)
    sentences = refused(db, clock, path)
    assert any("A1:B1" in s and "合并单元格" in s for s in sentences), sentences


def test_a_header_merged_down_hides_no_column(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    sheets = regions_only()
    sheets["区划"].insert(1, [None, None, None])
    path = write_xlsx(tmp_path / "down.xlsx", sheets)
    book = openpyxl.load_workbook(path)
    book["区划"].merge_cells("A1:A2")  # a tall header cell: row 2 is blank and skipped
    book.save(path)
    result = drain(import_workbook(db, path, actor=ADMIN, clock=clock))
    assert result.ok and result.new == 4


def test_data_under_a_blank_header_cell_is_an_error(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    sheets = regions_only()
    width = len(sheets["区划"][0])
    sheets["区划"] = [row + [None] * (width - len(row)) for row in sheets["区划"]]
    sheets["区划"][0].append(None)
    sheets["区划"][2].append("备注写在无标题列")
    sentences = refused(db, clock, write_xlsx(tmp_path / "b.xlsx", sheets))
    cell = f"{chr(ord('A') + width)}1"
    assert sentences == [f"区划 第 1 行 {cell}：" + t("excel_path.blank_header", cell=cell)]


def test_a_header_lower_down_is_found_and_named(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    sheets = regions_only()
    sheets["区划"][:0] = [["石峰区区划表"], [None]]
    sentences = refused(db, clock, write_xlsx(tmp_path / "h.xlsx", sheets))
    assert len(sentences) == 1 and "表头应在第 1 行（在第 3 行找到）" in sentences[0]


def test_only_unknown_sheets_is_refused_with_exit_1(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "u.xlsx", {"Sheet1": [["a", "b"], [1, 2]]})
    with pytest.raises(WorkbookRefused) as caught:
        drain(import_workbook(db, path, actor=ADMIN, clock=clock))
    assert caught.value.exit_code == 1
    assert "no sheet msfood knows" in caught.value.result.errors[0].message("en")


@pytest.mark.parametrize("how", ["template", "headers only"])
def test_an_empty_workbook_is_nothing_to_do(tmp_path: Path, db, clock, how: str) -> None:  # type: ignore[no-untyped-def]
    if how == "template":
        path = Path(write_template(tmp_path / "t.xlsx"))
    else:
        path = write_xlsx(tmp_path / "e.xlsx", {"区划": [worked_example()["区划"][0]]})
    with pytest.raises(NothingToDo) as caught:
        drain(import_workbook(db, path, actor=ADMIN, clock=clock))
    assert caught.value.exit_code == 3 and "没有可导入的数据" in caught.value.message()
    backups = tmp_path / "home" / "backups"
    assert not backups.exists() or not any(backups.iterdir()), "an empty workbook changes nothing: no backup"


def test_a_formula_without_a_saved_value_is_said_so(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    sheets = regions_only()
    sheets["区划"][2][1] = '=CONCATENATE("清水","塘街道")'  # openpyxl saves formulas without values
    sentences = refused(db, clock, write_xlsx(tmp_path / "f.xlsx", sheets))
    row_3 = [s for s in sentences if s.startswith("区划 第 3 行")]
    assert len(row_3) == 1 and row_3[0].startswith("区划 第 3 行 名称：是公式（=CONCATENATE")
    assert "必填" not in row_3[0]


def test_hidden_sheets_and_rows_are_warned_about(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "hidden.xlsx", regions_only())
    book = openpyxl.load_workbook(path)
    book["区划"].row_dimensions[3].hidden = True
    plan = book.create_sheet("抽检计划")
    plan.append(["区划代码*", "年度*", "计划批次*"])
    plan.append(["430204", 2026, 12])
    plan.sheet_state = "hidden"
    book.save(path)
    result = drain(import_workbook(db, path, actor=ADMIN, clock=clock))
    warnings = [w.sentence() for w in result.warnings]
    assert "区划：有 1 行是隐藏的（第 3 行），这些行的数据也会导入" in warnings
    assert "抽检计划：是隐藏的工作表，其中的数据也会导入" in warnings
    assert result.new == 5


@pytest.mark.parametrize("code", [9.14302e17, "9.14302E+17", 914302110000093000])
def test_a_credit_code_rounded_by_excel_is_named_and_no_check_character_suggested(
    tmp_path: Path, db, clock, code: Any
) -> None:  # type: ignore[no-untyped-def]
    sheets = worked_example()
    sheets = {"区划": sheets["区划"], "包保主体": sheets["包保主体"][:2]}
    sheets["包保主体"][1][1] = code
    sentences = refused(db, clock, write_xlsx(tmp_path / "c.xlsx", sheets))
    assert len(sentences) == 1 and "Excel" in sentences[0] and "文本" in sentences[0]
    assert "应为" not in sentences[0] and "校验" not in sentences[0]


def test_full_width_dates_are_read(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    sheets = worked_example()
    sheets = {k: sheets[k] for k in ("区划", "包保主体", "包保干部", "包保关系")}
    sheets["包保关系"][1][3] = "２０２６－０１－０１"
    sheets["包保关系"][2][3] = "２０２６年４月１５日"
    result = drain(import_workbook(db, write_xlsx(tmp_path / "w.xlsx", sheets), actor=ADMIN, clock=clock))
    assert result.ok and result.by_sheet["包保关系"] == 4


# --- bounds ---------------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "bomb.xlsx", regions_only())
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (xlsx_rows.MAX_PART + (1 << 20)))
    assert path.stat().st_size < 1 << 20
    with pytest.raises(EnvironmentProblem) as caught:
        drain(import_workbook(db, path, actor=ADMIN, clock=clock))
    assert caught.value.code == "excel_path.zip_bomb" and "xl/media/padding.bin" in caught.value.message()


def test_a_file_that_would_unpack_past_the_limit_is_refused(tmp_path: Path, db, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(xlsx_rows, "MAX_UNPACKED", 4096)
    path = write_xlsx(tmp_path / "big.xlsx", worked_example())
    with pytest.raises(EnvironmentProblem) as caught:
        drain(import_workbook(db, path, actor=ADMIN, clock=clock))
    assert caught.value.code == "excel_path.too_large" and "超过上限" in caught.value.message()


def _patch_sheet(path: Path, old: bytes, new: bytes) -> None:
    copy = path.with_suffix(".tmp")
    shutil.copyfile(path, copy)
    with zipfile.ZipFile(copy) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new)
            target.writestr(info, data)


def test_a_sheet_past_excels_row_limit_stops_with_a_message(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "rows.xlsx", regions_only())
    _patch_sheet(path, b'<row r="5"', b'<row r="2000000"')
    with pytest.raises(EnvironmentProblem) as caught:
        drain(import_workbook(db, path, actor=ADMIN, clock=clock))
    assert caught.value.code == "excel_path.too_many_rows" and "1048576" in caught.value.message()


def test_errors_are_listed_up_to_a_cap_and_the_rest_counted(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "csv"
    folder.mkdir()
    with open(folder / "区划.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["区划代码*", "名称*", "上级代码"])
        for n in range(MAX_LISTED + 1500):
            writer.writerow([f"bad{n}", "", ""])  # two errors a row
    with pytest.raises(WorkbookRefused) as caught:
        drain(import_workbook(db, folder, actor=ADMIN, clock=clock))
    result = caught.value.result
    assert len(result.errors) == MAX_LISTED
    assert result.errors_left_off == 2 * (MAX_LISTED + 1500) - MAX_LISTED
    message = caught.value.message()
    assert f"共发现 {2 * (MAX_LISTED + 1500)} 处错误" in message
    assert message.splitlines()[-1] == t("excel_path.errors_left_off", count=result.errors_left_off)
    assert result.as_json()["errors_left_off"] == result.errors_left_off


def test_a_normal_file_is_not_refused_by_the_bounds(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    sheets = worked_example()
    sheets["包保主体"][1][1] = E1
    result = drain(import_workbook(db, write_xlsx(tmp_path / "ok.xlsx", sheets), actor=ADMIN, clock=clock))
    assert result.ok and result.new > 0 and not [w for w in result.warnings if "excel_path" in w.code]
    assert dt.date(2026, 1, 1)  # the example's dates are in 2026


# --- .ods (LibreOffice, WPS), read with python-calamine ------------------------------------------


def test_an_ods_workbook_imports_like_the_xlsx(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    from tests.ods_writer import write_ods
    from tests.workbook_example import EXAMPLE_ROWS

    sheets = worked_example()
    sheets["说明"] = [["这张表是隐藏的说明"]]
    path = write_ods(tmp_path / "example.ods", sheets, hidden=("说明",))
    result = drain(import_workbook(db, path, actor=ADMIN, clock=clock))
    assert result.ok and result.new == EXAMPLE_ROWS and result.by_sheet["自查记录"] == 269
    assert [w.code for w in result.warnings if w.sheet == "说明"] == ["workbook.unknown_sheet"]


def test_an_ods_workbook_tells_the_same_truths(tmp_path: Path, db, clock) -> None:  # type: ignore[no-untyped-def]
    from tests.ods_writer import write_ods

    sheets = regions_only()
    sheets["区划"][:0] = [["石峰区区划表"], [None]]
    plan = {"抽检计划": [["区划代码*", "年度*", "计划批次*"], ["430204", 2026, 12]]}
    sentences = refused(db, clock, write_ods(tmp_path / "h.ods", {**sheets, **plan}, hidden=("抽检计划",)))
    assert sentences[0] == "区划 第 3 行：" + t("excel_path.header_not_first", row=3)
    path = write_ods(tmp_path / "ok.ods", {**regions_only(), **plan}, hidden=("抽检计划",))
    result = drain(import_workbook(db, path, actor=ADMIN, clock=clock))
    assert "抽检计划：是隐藏的工作表，其中的数据也会导入" in [w.sentence() for w in result.warnings]
