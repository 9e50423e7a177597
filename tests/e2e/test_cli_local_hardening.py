"""Issue 12, local hardening as a user meets it: `msfood` in a subprocess (and in-process where a
fault must be injected). MSFOOD_NOW and the lock-out, `users unlock`, commands during a long write,
and each database trouble in its own plain words, Chinese and English."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from msfood.db.engine import open_database
from msfood.services.accounts.users import create_user
from tests.conftest import ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534


def _env(home: Path, user: str, password: str | None, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSFOOD_")}
    env.update({"MSFOOD_HOME": str(home), "MSFOOD_USER": user, "PYTHONPATH": str(ROOT), **extra})
    if password is not None:
        env["MSFOOD_PASSWORD"] = password
    return env


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    def msfood(*args: str, user: str = "admin", password: str | None = ADMIN_PASSWORD,
               **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "msfood", *args], capture_output=True, text=True,
            env=_env(tmp_path / "home", user, password, extra), stdin=subprocess.DEVNULL, timeout=120,
        )

    return msfood


@pytest.fixture
def station(db_path: Path, clock) -> str:  # type: ignore[no-untyped-def]
    database = open_database(db_path)
    with database.sessions.begin() as session:
        for name, role in (("li", "liaison"), ("boss", "bureau-admin")):
            create_user(session, username=name, password=f"{name}-pass-1", role=role, clock=clock)
    database.close()
    return str(db_path)


def _plain(text: str) -> None:
    leaks = ("Traceback", "sqlalchemy", "sqlite3.", "sqlite://", "意外错误", "unexpected error", "(Background")
    for leak in leaks:
        assert leak not in text, text


# --- the clock and unlocking ---------------------------------------------------------------------------


def test_msfood_now_cannot_move_the_lock_out(run, station: str) -> None:
    for _ in range(5):
        guess = run("users", "list", "--db", station, password="guess-1", MSFOOD_NOW="2099-01-01")
        assert guess.returncode == 2
    locked = run("users", "list", "--db", station, MSFOOD_NOW="2099-01-01")
    assert locked.returncode == 2 and "账号已锁定至" in locked.stderr
    real_now = dt.datetime.now(dt.UTC)
    assert f"锁定至 {real_now.year}-" in locked.stderr and "2099" not in locked.stderr
    # a clock moved past the lock does not lift it: only the real five minutes or an admin do
    later = run("users", "list", "--db", station, MSFOOD_NOW="2099-01-02T00:00:00+08:00")
    assert later.returncode == 2 and "账号已锁定至" in later.stderr


def test_users_unlock(run, station: str) -> None:
    for _ in range(5):
        run("users", "list", "--db", station, password="guess-1")
    assert run("users", "list", "--db", station).returncode == 2  # admin is locked
    denied = run("users", "unlock", "--db", station, "admin", user="li", password="li-pass-1")
    assert denied.returncode == 2 and "无权" in denied.stderr
    done = run("users", "unlock", "--db", station, "admin", user="boss", password="boss-pass-1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "已解除账号 admin 的锁定。"
    assert run("users", "list", "--db", station).returncode == 0
    again = run("--lang", "en", "users", "unlock", "--db", station, "admin", user="boss",
                password="boss-pass-1")
    assert again.returncode == 3 and again.stderr.strip() == "The account admin is not locked."
    above = run("users", "unlock", "--db", station, "boss")
    assert above.returncode == 2 and "权限超出" in above.stderr
    history = run("audit", "verify", "--db", station)
    assert history.returncode == 0, history.stderr
    with closing(sqlite3.connect(station)) as conn:
        unlocks = conn.execute("SELECT actor FROM audit_log WHERE action = 'user_unlock'").fetchall()
    assert unlocks == [("boss",)]


# --- commands while another program writes -----------------------------------------------------------


@pytest.fixture
def held(station: str) -> Iterator[sqlite3.Connection]:
    """A long import: a write transaction held open in another connection."""
    conn = sqlite3.connect(station, isolation_level=None, timeout=1)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE meta SET value = value WHERE key = 'unit_code'")
    yield conn
    conn.rollback()
    conn.close()


def test_read_only_commands_and_sign_in_work_during_a_write(run, station: str, held, tmp_path: Path) -> None:
    stats = run("stats", "--db", station, "--period", "2026Q4", "--as-of", "2026-11-24", "--json")
    assert stats.returncode == 0, stats.stderr
    assert '"period": "2026Q4"' in stats.stdout
    for args in (("users", "list"), ("audit", "verify"), ("keys", "show"), ("period", "list")):
        done = run(*args, "--db", station)
        assert done.returncode == 0, (args, done.stderr)
    report = run("report", "--db", station, "--period", "2026Q3", "--out", str(tmp_path / "r.xlsx"))
    assert report.returncode == 0, report.stderr
    exported = run("export", "--db", station, "--out", str(tmp_path / "e.xlsx"))
    assert exported.returncode == 0, exported.stderr
    wrong = run("stats", "--db", station, "--period", "2026Q4", password="wrong-pass")
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "数据库正被其他程序写入，这次登录尝试无法记录，请稍候再试。"
    write = run("period", "close", "--db", station, "2026-01")
    assert write.returncode == 2
    assert write.stderr.strip().startswith("数据库正被其他程序（或本软件的另一个窗口、另一条命令）写入")
    english = run("--lang", "en", "period", "close", "--db", station, "2026-01")
    assert english.returncode == 2 and english.stderr.startswith("The database is busy")
    _plain(write.stderr + english.stderr + wrong.stderr)


# --- files that are not ours ------------------------------------------------------------------------------


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["random", "other_app"])
def test_a_file_that_is_not_ours_is_refused_in_plain_words_and_untouched(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "data.sqlite"
    if kind == "random":
        path.write_bytes(os.urandom(16384))
    else:
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
            conn.execute("INSERT INTO orders VALUES (1, '大米')")
            conn.commit()
    before = _sha(path), path.stat().st_mtime_ns
    zh = run("stats", "--db", str(path), "--period", "2026Q4")
    en = run("--lang", "en", "users", "add", "--db", str(path), "x", "--role", "viewer",
             MSFOOD_NEW_PASSWORD="x-pass-1")
    restore_target = run("audit", "verify", "--db", str(path))
    assert zh.returncode == en.returncode == restore_target.returncode == 2
    if kind == "random":
        assert zh.stderr.strip() == f"{path} 不是数据库文件（可能是其他文件，或已严重损坏）；未做任何改动。"
        assert en.stderr.strip() == f"{path} is not a database file (some other file, or badly damaged); " \
                                    "it was left as it was."
    else:
        assert zh.stderr.strip() == f"{path} 是其他软件的数据库，不是食安包保的数据库；未做任何改动。"
        assert en.stderr.strip() == f"{path} is another program's database, not an msfood database; " \
                                    "it was left as it was."
    _plain(zh.stderr + en.stderr)
    assert (_sha(path), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in folder.iterdir()) == ["data.sqlite"]


# --- a full disk (injected in-process: SQLite's page limit on every connection) -------------------------


def test_a_full_disk_gets_its_own_message(  # type: ignore[no-untyped-def]
    station: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    from msfood import cli
    from msfood.db import engine

    book = tmp_path / "regions.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "区划"
    sheet.append(["区划代码*", "名称*", "上级代码"])
    sheet.append(["430204", "石峰区", ""])
    for n in range(1, 600):
        sheet.append([f"430204{n:03d}", f"示例街道{n}" * 4, "430204"])
    workbook.save(book)
    with closing(sqlite3.connect(station)) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    plain_pragmas = engine._set_sqlite_pragmas

    def small_disk(dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        plain_pragmas(dbapi_connection, record)
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")

    monkeypatch.setattr(engine, "_set_sqlite_pragmas", small_disk)
    for name, value in (("MSFOOD_HOME", str(tmp_path / "home")), ("MSFOOD_USER", "admin"),
                        ("MSFOOD_PASSWORD", ADMIN_PASSWORD)):
        monkeypatch.setenv(name, value)
    code = cli.main(["import", "--db", station, str(book)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.strip() == f"磁盘空间已满，无法写入{station}，本次操作未保存。请清理磁盘空间后重试。"
    with closing(sqlite3.connect(station)) as conn:
        assert conn.execute("SELECT count(*) FROM regions WHERE code LIKE '430204___'").fetchone() == (0,)


# --- read-only file and folder (as an ordinary user: root may write anywhere) ---------------------------


@pytest.fixture
def shared(db_path: Path) -> Iterator[tuple[Path, dict[str, int]]]:
    """The station's database in a folder an unprivileged user owns; how to run as that user."""
    top = Path(tempfile.mkdtemp(prefix="msfood-ro-", dir="/tmp"))
    os.chmod(top, 0o755)
    folder = top / "office"
    folder.mkdir()
    path = folder / "station.sqlite"
    shutil.copyfile(db_path, path)
    home = top / "home"
    home.mkdir()
    as_user: dict[str, int] = {}
    if os.geteuid() == 0:
        for item in (folder, path, home):
            os.chown(item, NOBODY, NOBODY)
        as_user = {"user": NOBODY, "group": NOBODY}
    try:
        yield path, as_user
    finally:
        for item in (folder, path):
            os.chmod(item, 0o700)
        shutil.rmtree(top, ignore_errors=True)


def _run_as(as_user: dict[str, int], path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    home = path.parent.parent / "home"
    env = _env(home, "admin", ADMIN_PASSWORD, {"HOME": str(home)})
    return subprocess.run([sys.executable, "-m", "msfood", *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120, **as_user)  # type: ignore[arg-type]


def test_a_read_only_file_gets_its_own_message(shared) -> None:  # type: ignore[no-untyped-def]
    path, as_user = shared
    os.chmod(path, 0o400)
    before = _sha(path)
    done = _run_as(as_user, path, "period", "close", "--db", str(path), "2026-01")
    assert done.returncode == 2
    assert done.stderr.strip().startswith(f"数据库文件 {path} 是只读的，无法保存。"), done.stderr
    english = _run_as(as_user, path, "--lang", "en", "period", "close", "--db", str(path), "2026-01")
    assert english.stderr.strip().startswith(f"The database file {path} is read-only"), english.stderr
    _plain(done.stderr + english.stderr)
    assert _sha(path) == before and stat.S_IMODE(path.stat().st_mode) == 0o400


def test_a_read_only_folder_gets_its_own_message(shared) -> None:  # type: ignore[no-untyped-def]
    path, as_user = shared
    os.chmod(path.parent, 0o555)
    done = _run_as(as_user, path, "period", "close", "--db", str(path), "2026-01")
    assert done.returncode == 2
    assert done.stderr.strip().startswith(f"文件夹 {path.parent} 不允许写入"), done.stderr
    english = _run_as(as_user, path, "--lang", "en", "stats", "--db", str(path), "--period", "2026Q4")
    assert english.stderr.strip().startswith(f"The folder {path.parent} cannot be written to"), english.stderr
    _plain(done.stderr + english.stderr)
