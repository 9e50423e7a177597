"""Whatever goes wrong, the command line says so in its own words: no library's message ("File is not a
zip file", "There is no item named ...", "Background on this error at: https://sqlalche.me/..."), no
argparse dest name ("as_of:"), no traceback; in Chinese, and in English with --lang en."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ADMIN_PASSWORD = "admin-pass-1"  # the template database's admin (tests/conftest.py)

LEAKS = ("sqlalche.me", "Traceback", "zip file", "as_of:", "Background on this error", "[Content_Types]",
         "sqlite3.", "IntegrityError", "btree", "KeyError", "BadZipFile")  # fmt: skip


def run(tmp_path: Path, *args: str, lang: str = "zh_CN") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSFOOD_")}
    env.update(MSFOOD_HOME=str(tmp_path / "home"), MSFOOD_USER="admin", MSFOOD_PASSWORD=ADMIN_PASSWORD,
               MSFOOD_NOW="2026-11-24T10:00:00+08:00")  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "msfood", "--lang", lang, *args], env=env, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=300,
    )  # fmt: skip


def assert_plain(done: subprocess.CompletedProcess[str], *, code: int, says: str) -> None:
    shown = done.stdout + done.stderr
    assert done.returncode == code, shown
    for leak in LEAKS:
        assert leak not in shown, f"{leak!r} leaked: {shown}"
    assert says in done.stderr, shown


@pytest.fixture
def db(tmp_path: Path, template_db: Path) -> Path:
    path = tmp_path / "station.sqlite"
    shutil.copy(template_db, path)
    return path


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_truncated_workbook(tmp_path: Path, db: Path, lang: str) -> None:
    good = tmp_path / "模板.xlsx"
    assert run(tmp_path, "template", "--out", str(good)).returncode == 0
    cut = tmp_path / "截断.xlsx"
    cut.write_bytes(good.read_bytes()[:3000])  # a copy broken off half way (a pulled USB stick)
    says = "已损坏或不完整" if lang == "zh_CN" else "damaged or incomplete"
    assert_plain(run(tmp_path, "import", "--db", str(db), str(cut), lang=lang), code=2, says=says)


def test_a_zip_that_is_no_workbook(tmp_path: Path, db: Path) -> None:
    odd = tmp_path / "压缩包.xlsx"
    with zipfile.ZipFile(odd, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    assert_plain(run(tmp_path, "import", "--db", str(db), str(odd)), code=2, says="不是这种格式的文件")


def test_a_text_file_named_xlsx(tmp_path: Path, db: Path) -> None:
    fake = tmp_path / "名单.xlsx"
    fake.write_text("名称,地址\n", encoding="utf-8")
    assert_plain(run(tmp_path, "import", "--db", str(db), str(fake)), code=2, says="不是 Excel 工作簿")


def test_a_truncated_bundle(tmp_path: Path, db: Path) -> None:
    out = tmp_path / "out.msfb"
    assert run(tmp_path, "bundle", "export", "--db", str(db), "--out", str(out)).returncode == 0
    cut = tmp_path / "cut.msfb"
    cut.write_bytes(out.read_bytes()[: out.stat().st_size // 2])
    assert_plain(run(tmp_path, "bundle", "import", "--db", str(db), str(cut)), code=1, says="未导入")


def test_a_corrupt_database(tmp_path: Path, db: Path) -> None:
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(db.read_bytes()[:50_000])
    assert_plain(run(tmp_path, "stats", "--db", str(cut), "--period", "2026Q3"), code=2, says="已损坏")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database at all" * 100)
    assert_plain(run(tmp_path, "stats", "--db", str(garbage), "--period", "2026Q3"), code=2, says="不是数据库文件")


def test_restoring_a_damaged_backup_names_no_sqlite_internals(tmp_path: Path, db: Path) -> None:
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(db.read_bytes())
    page = 4096
    data[page * 3 : page * 6] = b"\xff" * (page * 3)  # some b-tree pages overwritten: integrity_check fails
    damaged.write_bytes(bytes(data))
    done = run(tmp_path, "restore", "--db", str(db), str(damaged))
    assert_plain(done, code=1, says="不能用来恢复")
    assert "当前数据库未改动" in done.stderr and "Page " not in done.stderr


def test_a_locked_database(tmp_path: Path, db: Path) -> None:
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")  # another program in the middle of writing (WAL: readers still read)
    try:
        done = run(tmp_path, "period", "close", "--db", str(db), "2026Q1")
    finally:
        holder.rollback()
        holder.close()
    assert_plain(done, code=2, says="数据库正被其他程序")


@pytest.mark.parametrize(("lang", "says"), [("zh_CN", "截至日期"), ("en", "as-of date")])
@pytest.mark.parametrize("command", ["stats", "ranking", "report"])
def test_a_bad_as_of_date(tmp_path: Path, db: Path, command: str, lang: str, says: str) -> None:
    extra = ["--out", str(tmp_path / "r.pdf")] if command == "report" else []
    done = run(tmp_path, command, "--db", str(db), "--period", "2026Q3", "--as-of", "2026-13-01", *extra,
               lang=lang)  # fmt: skip
    assert_plain(done, code=1 if command != "report" else done.returncode, says=says)
    assert done.returncode in (1, 2)


def test_writing_into_a_missing_folder(tmp_path: Path, db: Path) -> None:
    missing = tmp_path / "没有这个文件夹"
    done = run(tmp_path, "export", "--db", str(db), "--out", str(missing / "导出.xlsx"))
    assert_plain(done, code=2, says="文件夹不存在")  # and no "Exception ignored ... Traceback" at exit
    done = run(tmp_path, "template", "--out", str(missing / "模板.xlsx"), lang="en")
    assert_plain(done, code=2, says="does not exist")
    assert "No such file" not in done.stderr and not missing.exists()


def test_an_unknown_ranking_figure_names_the_option_in_words(tmp_path: Path, db: Path) -> None:
    done = run(tmp_path, "ranking", "--db", str(db), "--period", "2026Q3", "--by", "nope")
    assert_plain(done, code=1, says="排名指标")
    assert not done.stderr.startswith("by:")
