"""The workbook as a user drives it: `msfood template`, `msfood import`, `msfood export` in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.workbook_example import (
    E1,
    E2,
    EXAMPLE_COUNTS,
    EXAMPLE_ROWS,
    Sheets,
    worked_example,
    write_csv_folder,
    write_xls,
    write_xlsx,
)

ROOT = Path(__file__).resolve().parents[2]


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        MSFOOD_HOME=str(tmp_path / "home"),
        MSFOOD_USER="admin",
        MSFOOD_PASSWORD="admin-pass-1",
        MSFOOD_NOW="2026-11-24T10:00:00+08:00",
        MSFOOD_LANG="zh_CN",
    )
    return subprocess.run(
        [sys.executable, "-m", "msfood", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def import_json(tmp_path: Path, db: Path, source: Path, *extra: str) -> tuple[int, dict[str, Any], str]:
    done = run(tmp_path, "import", "--db", str(db), str(source), "--json", *extra)
    data = json.loads(done.stdout) if done.stdout.strip() else {}
    return done.returncode, data, done.stderr


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return {
            t: con.execute(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0]
            for t in EXAMPLE_COUNTS
        }


def db_hash(db: Path) -> str:
    """Every row of every table (the sign-in's own bookkeeping aside)."""
    digest = hashlib.sha256()
    with sqlite3.connect(db) as con:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        for table in tables:
            if table == "users":
                continue
            for row in sorted(repr(r) for r in con.execute(f"SELECT * FROM {table}")):
                digest.update(f"{table}:{row}\n".encode())
    return digest.hexdigest()


def errors_at(data: dict[str, Any]) -> set[tuple[str, int | None, str]]:
    return {(e["sheet"], e["row"], e["column"]) for e in data["errors"]}


def test_worked_example_imports_and_gives_the_worked_figures(tmp_path: Path, db_path: Path) -> None:
    book = write_xlsx(tmp_path / "example.xlsx", worked_example())
    code, data, _ = import_json(tmp_path, db_path, book)
    assert code == 0, data
    assert (data["new"], data["updated"], data["unchanged"], data["conflicts"]) == (EXAMPLE_ROWS, 0, 0, 0)
    assert data["errors"] == []
    assert counts(db_path) == EXAMPLE_COUNTS
    with sqlite3.connect(db_path) as con:
        problem = con.execute("SELECT deadline, closed_on FROM problems WHERE deleted = 0").fetchall()
        status = con.execute(
            "SELECT s.status, s.since FROM business_statuses s JOIN businesses b ON b.id = s.business_id "
            "WHERE b.name = '石峰面包厂' AND s.deleted = 0"
        ).fetchall()
        cadre = con.execute("SELECT name, level FROM cadres WHERE phone = '13700000001'").fetchone()
        region = con.execute("SELECT name FROM regions WHERE code = '430204001'").fetchone()
    assert problem == [("2026-06-15", "2026-06-20")]
    assert ("suspended", "2026-05-20") in status
    assert cadre == ("周一", "village")  # a phone typed as a number is still the phone
    assert region == ("清水塘街道",)  # stray spaces trimmed
    stats = run(
        tmp_path, "stats", "--db", str(db_path), "--period", "2026Q2", "--as-of", "2026-06-30", "--json"
    )
    assert stats.returncode == 0, stats.stderr
    figures = json.loads(stats.stdout)
    supervision = figures["supervision"]
    assert (supervision["due"], supervision["met"], supervision["missed"]) == (3, 2, 1)
    assert figures["selfcheck"]["daily"]["record_days"] == 230
    assert figures["sampling"]["batches"] == 3 and figures["sampling"]["plan_rate"] == 0.25
    assert figures["rapid"] == {"batches": 8, "positive": 1}


def test_the_same_file_twice_changes_nothing(tmp_path: Path, db_path: Path) -> None:
    book = write_xlsx(tmp_path / "example.xlsx", worked_example())
    assert import_json(tmp_path, db_path, book)[0] == 0
    before = db_hash(db_path)
    done = run(tmp_path, "import", "--db", str(db_path), str(book))
    assert done.returncode == 0, done.stderr
    assert f"未变 {EXAMPLE_ROWS} 条" in done.stdout and "新增 0 条" in done.stdout
    assert db_hash(db_path) == before


def _break(sheets: Sheets, sheet: str, row: int, column: str, value: Any) -> None:
    """Set a cell of the example, addressed as the spreadsheet shows it (header = row 1)."""
    headers = [h.rstrip("*") for h in sheets[sheet][0]]
    sheets[sheet][row - 1][headers.index(column)] = value


def bad_credit_code(s: Sheets) -> None:
    _break(s, "包保主体", 3, "统一社会信用代码", E2[:-1] + "C")


def unknown_cadre(s: Sheets) -> None:
    _break(s, "督导记录", 2, "干部手机号", 13799999999)


def duplicate_rows(s: Sheets) -> None:
    s["抽检"].append(list(s["抽检"][1]))


def missing_column(s: Sheets) -> None:
    index = [h.rstrip("*") for h in s["包保主体"][0]].index("主体业态")
    for row in s["包保主体"]:
        del row[index]


def bad_date(s: Sheets) -> None:
    _break(s, "督导记录", 2, "督导日期", "2026-13-40")


def bad_enum(s: Sheets) -> None:
    _break(s, "督导记录", 3, "督导方式", "电话督导")


BROKEN = {
    "bad credit code": (bad_credit_code, ("包保主体", 3, "统一社会信用代码")),
    "unknown cadre phone": (unknown_cadre, ("督导记录", 2, "干部手机号")),
    "duplicate key rows": (duplicate_rows, ("抽检", 5, "抽样单编号")),
    "missing required column": (missing_column, ("包保主体", 1, "主体业态")),
    "bad date": (bad_date, ("督导记录", 2, "督导日期")),
    "bad enum": (bad_enum, ("督导记录", 3, "督导方式")),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_workbook_is_refused_whole(tmp_path: Path, db_path: Path, name: str) -> None:
    breaker, where = BROKEN[name]
    sheets = worked_example()
    breaker(sheets)
    book = write_xlsx(tmp_path / "broken.xlsx", sheets)
    before = db_hash(db_path)
    code, data, stderr = import_json(tmp_path, db_path, book)
    assert code == 1
    assert where in errors_at(data), data["errors"]
    assert data["imported"] is False
    assert db_hash(db_path) == before
    sheet, row, column = where
    assert f"{sheet} 第 {row} 行 {column}：" in stderr
    assert "Traceback" not in stderr


def test_every_bad_row_is_named_at_once(tmp_path: Path, db_path: Path) -> None:
    sheets = worked_example()
    for breaker, _ in BROKEN.values():
        if breaker is not missing_column:
            breaker(sheets)
    _break(sheets, "自查记录", 10, "类型", "年检查")
    book = write_xlsx(tmp_path / "broken.xlsx", sheets)
    before = db_hash(db_path)
    code, data, stderr = import_json(tmp_path, db_path, book)
    assert code == 1
    expected = {where for breaker, where in BROKEN.values() if breaker is not missing_column}
    expected.add(("自查记录", 10, "类型"))
    assert expected <= errors_at(data)
    assert db_hash(db_path) == before
    duplicate = next(e for e in data["errors"] if (e["sheet"], e["row"]) == ("抽检", 5))
    assert duplicate["message"] == "与第 2 行重复"
    assert "工作簿未导入" in stderr


def test_missing_or_unreadable_file_exits_2(tmp_path: Path, db_path: Path) -> None:
    done = run(tmp_path, "import", "--db", str(db_path), str(tmp_path / "nowhere.xlsx"))
    assert done.returncode == 2 and "找不到文件" in done.stderr
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"PK\x03\x04 this is not a zip file at all")
    done = run(tmp_path, "import", "--db", str(db_path), str(garbage))
    assert done.returncode == 2 and "无法读取文件" in done.stderr and "Traceback" not in done.stderr


def test_a_workbook_without_a_template_sheet_exits_1(tmp_path: Path, db_path: Path) -> None:
    book = write_xlsx(tmp_path / "other.xlsx", {"Sheet1": [["名称"], ["石峰区"]]})
    before = db_hash(db_path)
    code, data, stderr = import_json(tmp_path, db_path, book)
    assert code == 1 and data["imported"] is False and len(data["errors"]) == 1
    assert "没有 msfood 能识别的工作表" in stderr and "Sheet1" in stderr and "Traceback" not in stderr
    assert db_hash(db_path) == before


def test_dry_run_writes_nothing(tmp_path: Path, db_path: Path) -> None:
    book = write_xlsx(tmp_path / "example.xlsx", worked_example())
    before = db_hash(db_path)
    code, data, _ = import_json(tmp_path, db_path, book, "--dry-run")
    assert code == 0
    assert data["dry_run"] is True and data["new"] == EXAMPLE_ROWS and data["imported"] is False
    assert db_hash(db_path) == before
    assert not (tmp_path / "home" / "backups").exists() or not any((tmp_path / "home" / "backups").iterdir())


def test_import_backs_up_first(tmp_path: Path, db_path: Path) -> None:
    book = write_xlsx(tmp_path / "example.xlsx", worked_example())
    assert import_json(tmp_path, db_path, book)[0] == 0
    backups = list((tmp_path / "home" / "backups").glob("*-import.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as con:
        assert con.execute("SELECT count(*) FROM businesses").fetchone()[0] == 0


def test_xls_workbook(tmp_path: Path, db_path: Path) -> None:
    book = write_xls(tmp_path / "example.xls", worked_example())
    code, data, _ = import_json(tmp_path, db_path, book)
    assert code == 0, data["errors"]
    assert counts(db_path) == EXAMPLE_COUNTS


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_folder(tmp_path: Path, db_path: Path, encoding: str) -> None:
    folder = write_csv_folder(tmp_path / "csv", worked_example(), encoding)
    code, data, _ = import_json(tmp_path, db_path, folder)
    assert code == 0, data["errors"]
    assert counts(db_path) == EXAMPLE_COUNTS
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT name FROM businesses WHERE credit_code = ?", (E1,)).fetchone() == (
            "清水家常饭店",
        )


def test_template_has_headers_lists_and_instructions(tmp_path: Path, db_path: Path) -> None:
    out = tmp_path / "模板.xlsx"
    done = run(tmp_path, "template", "--out", str(out))
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "填写说明"
    assert book["列表"].sheet_state == "hidden"
    business = book["包保主体"]
    assert [c.value for c in business[1]][:4] == ["主体名称*", "统一社会信用代码*", "许可证编号", "主体业态*"]
    assert business.freeze_panes == "A2"
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in business.data_validations.dataValidation}
    assert lists["D2"] == '"食品生产,食品销售,餐饮服务,单位食堂,小作坊,食品摊贩"'
    sampling = {str(v.sqref).split(":")[0]: v.formula1 for v in book["抽检"].data_validations.dataValidation}
    assert sampling["F2"].startswith("'列表'!$A$2")
    # the empty template has nothing to import (exit 3), without a warning about its own sheets
    before = db_hash(db_path)
    code, data, stderr = import_json(tmp_path, db_path, out)
    assert code == 3 and "没有可导入的数据" in stderr and "提示" not in stderr and "Traceback" not in stderr
    assert db_hash(db_path) == before


def test_export_then_import_into_an_empty_station(tmp_path: Path, db_path: Path, template_db: Path) -> None:
    book = write_xlsx(tmp_path / "example.xlsx", worked_example())
    assert import_json(tmp_path, db_path, book)[0] == 0
    exported = tmp_path / "export.xlsx"
    done = run(tmp_path, "export", "--db", str(db_path), "--out", str(exported))
    assert done.returncode == 0, done.stderr
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(template_db.read_bytes())
    code, data, _ = import_json(tmp_path, empty, exported)
    assert code == 0, data["errors"]
    assert data["new"] == EXAMPLE_ROWS
    assert counts(empty) == EXAMPLE_COUNTS
    again = tmp_path / "again.xlsx"
    assert run(tmp_path, "export", "--db", str(empty), "--out", str(again)).returncode == 0
    first, second = openpyxl.load_workbook(exported), openpyxl.load_workbook(again)
    assert first.sheetnames == second.sheetnames
    for name in first.sheetnames:
        assert list(first[name].values) == list(second[name].values), name
    # and the exported file imports onto its own source as all unchanged (its rows, and the two business
    # statuses and the problem the first layout carried inside other rows)
    code, data, _ = import_json(tmp_path, db_path, exported)
    assert code == 0 and data["unchanged"] == EXAMPLE_ROWS + 3 and data["new"] == data["updated"] == 0


def test_export_by_period_and_region(tmp_path: Path, db_path: Path) -> None:
    book = write_xlsx(tmp_path / "example.xlsx", worked_example())
    assert import_json(tmp_path, db_path, book)[0] == 0
    may = tmp_path / "may.xlsx"
    assert (
        run(tmp_path, "export", "--db", str(db_path), "--out", str(may), "--period", "2026-05").returncode
        == 0
    )
    sheets = openpyxl.load_workbook(may)
    assert sheets["包保主体"].max_row == 5  # the roster stays complete
    assert [r[3].date().isoformat() for r in list(sheets["督导记录"].values)[1:]] == ["2026-05-10"]
    assert all(r[3].month == 5 for r in list(sheets["自查记录"].values)[1:])
    e3 = tmp_path / "e3.xlsx"
    done = run(tmp_path, "export", "--db", str(db_path), "--out", str(e3), "--region", "430204001002")
    assert done.returncode == 0, done.stderr
    sheets = openpyxl.load_workbook(e3)
    assert [r[0] for r in list(sheets["包保主体"].values)[1:]] == ["石峰面包厂"]
    assert [r[1] for r in list(sheets["包保干部"].values)[1:]] == ["13700000003"]
    assert {r[0] for r in list(sheets["区划"].values)[1:]} == {"430204", "430204001", "430204001002"}
    assert {r[1] for r in list(sheets["抽检"].values)[1:]} == {"914302110000093987"}
    bad = run(tmp_path, "export", "--db", str(db_path), "--out", str(e3), "--region", "999999")
    assert bad.returncode == 1 and "999999" in bad.stderr


def test_refusal_in_english(tmp_path: Path, db_path: Path) -> None:
    sheets = worked_example()
    bad_enum(sheets)
    book = write_xlsx(tmp_path / "broken.xlsx", sheets)
    done = run(tmp_path, "--lang", "en", "import", "--db", str(db_path), str(book))
    assert done.returncode == 1
    assert "The workbook was not imported; nothing was written." in done.stderr
    assert "督导记录 row 3, 督导方式: " in done.stderr
