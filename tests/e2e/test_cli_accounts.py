"""Accounts, history, backups and closed periods as a user runs them: `msfood` in a subprocess."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from msfood.core.clock import CHINA
from msfood.core.errors import PermissionDenied
from msfood.db.engine import open_database
from msfood.services.accounts.users import create_user
from tests.conftest import ADMIN_PASSWORD

NOW = "2026-11-24T10:00:00+08:00"


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    home = tmp_path / "home"

    def msfood(*args: str, user: str = "admin", password: str | None = ADMIN_PASSWORD,
               **env: str) -> subprocess.CompletedProcess[str]:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("MSFOOD_")}
        full_env.update({"MSFOOD_HOME": str(home), "MSFOOD_NOW": NOW, "MSFOOD_USER": user, **env})
        if password is not None:
            full_env["MSFOOD_PASSWORD"] = password
        return subprocess.run(
            [sys.executable, "-m", "msfood", *args], capture_output=True, text=True, env=full_env,
            stdin=subprocess.DEVNULL, timeout=120,
        )

    return msfood


@pytest.fixture
def station(db_path: Path, clock) -> str:  # type: ignore[no-untyped-def]
    """The station with a viewer, a liaison and a bureau admin besides its admin."""
    database = open_database(db_path)
    with database.sessions.begin() as session:
        for name, role in (("vi", "viewer"), ("li", "liaison"), ("boss", "bureau-admin")):
            create_user(session, username=name, password=f"{name}-pass-1", role=role, clock=clock)
    database.close()
    return str(db_path)


def _sha(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_an_admin_adds_an_account_that_then_signs_in(run, station: str) -> None:
    done = run("users", "add", "--db", station, "zhang", "--role", "liaison", "--display-name", "张三",
               MSFOOD_NEW_PASSWORD="zhang-pass-1")
    assert done.returncode == 0, done.stderr
    assert "已添加账号 zhang（联络员）" in done.stdout
    listing = run("users", "list", "--db", station, "--json")
    assert listing.returncode == 0, listing.stderr
    users = {u["username"]: u for u in json.loads(listing.stdout)}
    assert users["zhang"] == {"username": "zhang", "display_name": "张三", "role": "liaison", "disabled": False}
    own = run("period", "list", "--db", station, user="zhang", password="zhang-pass-1")
    assert own.returncode == 0, own.stderr


def test_a_viewer_cannot_change_anything_from_the_cli(run, station: str, tmp_path: Path) -> None:
    attempts = [
        ("users", "add", "--db", station, "x", "--role", "viewer"),
        ("users", "disable", "--db", station, "li"),
        ("users", "password", "--db", station, "admin"),
        ("backup", "--db", station, "--out", str(tmp_path / "b.sqlite")),
        ("restore", "--db", station, str(tmp_path / "b.sqlite")),
        ("period", "close", "--db", station, "2026Q3"),
        ("period", "reopen", "--db", station, "2026Q3"),
    ]
    for args in attempts:
        done = run(*args, user="vi", password="vi-pass-1", MSFOOD_NEW_PASSWORD="taken-over-1")
        assert done.returncode == PermissionDenied.exit_code, (args, done.stderr)
        assert "当前账号（查看者）无权" in done.stderr, args
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "b.sqlite").exists()
    assert run("audit", "verify", "--db", station, user="vi", password="vi-pass-1").returncode == 0
    with closing(sqlite3.connect(station)) as conn:
        assert conn.execute("SELECT count(*) FROM users").fetchone() == (4,)
        assert conn.execute("SELECT count(*) FROM closed_periods").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM audit_log WHERE actor = 'vi'").fetchone() == (0,)


def test_passwords_are_never_waited_for_without_a_terminal(run, station: str) -> None:
    done = run("users", "add", "--db", station, "zhang", "--role", "viewer")
    assert done.returncode == 2 and "MSFOOD_NEW_PASSWORD" in done.stderr
    done = run("users", "list", "--db", station, password=None)
    assert done.returncode == 2 and "MSFOOD_PASSWORD" in done.stderr
    done = run("users", "list", "--db", station, user="")
    assert done.returncode == 2 and "MSFOOD_USER" in done.stderr


def test_the_last_admin_is_kept(run, db_path: Path) -> None:
    station = str(db_path)  # its only account manager is admin
    done = run("users", "disable", "--db", station, "admin")
    assert done.returncode == 1
    assert done.stderr.strip() == "admin 是最后一个可管理账号的有效管理员，不能停用。请先添加另一个管理员。"
    assert run("users", "add", "--db", station, "li", "--role", "liaison",
               MSFOOD_NEW_PASSWORD="li-pass-1").returncode == 0
    assert run("users", "disable", "--db", station, "li").returncode == 0
    assert run("users", "disable", "--db", station, "li").returncode == 3  # nothing to do
    refused = run("users", "list", "--db", station, user="li", password="li-pass-1")
    assert refused.returncode == 2 and "用户名或密码不正确" in refused.stderr
    assert run("users", "enable", "--db", station, "li").returncode == 0
    assert run("period", "list", "--db", station, user="li", password="li-pass-1").returncode == 0


def test_changing_ones_own_password(run, station: str) -> None:
    done = run("users", "password", "--db", station, user="li", password="li-pass-1",
               MSFOOD_NEW_PASSWORD="li-pass-2")
    assert done.returncode == 0, done.stderr
    assert run("period", "list", "--db", station, user="li", password="li-pass-1").returncode == 2
    assert run("period", "list", "--db", station, user="li", password="li-pass-2").returncode == 0
    short = run("users", "password", "--db", station, user="li", password="li-pass-2",
                MSFOOD_NEW_PASSWORD="x")
    assert short.returncode == 1 and "至少需要 6 个字符" in short.stderr


def test_five_wrong_passwords_lock_the_cli_too(run, station: str) -> None:
    for _ in range(5):
        assert run("period", "list", "--db", station, password="wrong").returncode == 2
    done = run("period", "list", "--db", station)
    # the lock-out follows the real clock (MSFOOD_NOW only sets the figures' default day: issue 12)
    real = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
    until = {(real - dt.timedelta(minutes=m)).astimezone(CHINA).strftime("%Y-%m-%d %H:%M") for m in (0, 1)}
    assert done.returncode == 2 and any(f"已锁定至 {u}" in done.stderr for u in until), done.stderr
    later = run("period", "list", "--db", station, MSFOOD_NOW="2026-11-24T10:05:01+08:00")
    assert later.returncode == 2 and "已锁定至" in later.stderr
    unlocked = run("users", "unlock", "--db", station, "admin", user="boss", password="boss-pass-1")
    assert unlocked.returncode == 0, unlocked.stderr
    assert run("period", "list", "--db", station).returncode == 0


def test_audit_verify_names_the_first_broken_entry(run, station: str) -> None:
    done = run("audit", "verify", "--db", station)
    assert done.returncode == 0, done.stderr
    assert "审计记录链完整" in done.stdout
    with closing(sqlite3.connect(station)) as conn:
        conn.execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 9")
        conn.commit()
    done = run("audit", "verify", "--db", station)
    assert done.returncode == 1
    assert done.stderr.strip() == "审计记录链已断开：单位 430204-01 的第 9 条记录的内容或哈希值被修改过。"
    as_json = run("audit", "verify", "--db", station, "--json")
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout)["first_broken"]["seq"] == 9
    english = run("--lang", "en", "audit", "verify", "--db", station)
    assert "entry 9 of unit 430204-01 was edited" in english.stderr


def test_backup_and_restore_round_trip(run, station: str, tmp_path: Path) -> None:
    out = tmp_path / "saved.sqlite"
    done = run("backup", "--db", station, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.exists() and "已备份到" in done.stdout
    assert run("backup", "--db", station, "--out", str(out)).returncode == 2  # never overwrites unasked
    assert run("period", "close", "--db", station, "2026Q3").returncode == 0
    corrupt = tmp_path / "corrupt.sqlite"
    data = bytearray(out.read_bytes())
    data[40_000:60_000] = os.urandom(20_000)
    corrupt.write_bytes(bytes(data))
    refused = run("restore", "--db", station, str(corrupt))
    assert refused.returncode == 1 and "当前数据库未改动" in refused.stderr
    with closing(sqlite3.connect(station)) as conn:
        assert conn.execute("SELECT period_key FROM closed_periods").fetchall() == [("2026Q3",)]
    done = run("restore", "--db", station, str(out))
    assert done.returncode == 0, done.stderr
    assert "已从" in done.stdout and "恢复前的数据库已备份到" in done.stdout
    with closing(sqlite3.connect(station)) as conn:
        assert conn.execute("SELECT count(*) FROM closed_periods").fetchone() == (0,)
        assert conn.execute("SELECT actor FROM audit_log WHERE action = 'restore'").fetchall() == [("admin",)]
    assert run("audit", "verify", "--db", station).returncode == 0
    assert len(list((tmp_path / "home" / "backups").glob("*-restore.sqlite"))) == 1


def test_closing_and_reopening_a_period(run, station: str) -> None:
    done = run("period", "close", "--db", station, "2026Q3")
    assert done.returncode == 0, done.stderr
    assert "2026-07-01 至 2026-09-30" in done.stdout
    assert run("period", "close", "--db", station, "2026Q3").returncode == 3
    assert run("period", "close", "--db", station, "2027").returncode == 1
    refused = run("period", "reopen", "--db", station, "2026Q3")
    assert refused.returncode == PermissionDenied.exit_code and "重新开放期间" in refused.stderr
    listing = run("period", "list", "--db", station, "--json")
    assert [p["period"] for p in json.loads(listing.stdout)] == ["2026Q3"]
    done = run("period", "reopen", "--db", station, "2026Q3", user="boss", password="boss-pass-1")
    assert done.returncode == 0, done.stderr
    assert json.loads(run("period", "list", "--db", station, "--json").stdout) == []
    with closing(sqlite3.connect(station)) as conn:
        record = conn.execute("SELECT id FROM closed_periods").fetchone()[0]
    history = run("audit", "history", "--db", station, record, "--json")
    assert [(h["action"], h["who"]) for h in json.loads(history.stdout)] == [("close", "admin"),
                                                                               ("reopen", "boss")]


def test_a_database_from_a_newer_version_is_refused(run, station: str) -> None:
    with closing(sqlite3.connect(station)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.commit()
    before = _sha(station)
    done = run("users", "list", "--db", station)
    assert done.returncode == 2
    assert "更新版本" in done.stderr and "9999_from_the_future" in done.stderr
    assert _sha(station) == before
