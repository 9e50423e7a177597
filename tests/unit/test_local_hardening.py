"""Issue 12, local hardening: the real clock for lock-out and history, unlocking, owner-only files,
sign-in and reading without the write lock, plain database messages, a foreign file left untouched,
an interrupted restore, and chains that were cut back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from msfood.core.clock import CHINA, Clock, ReportingDayClock, clock_from_env
from msfood.core.errors import AuthenticationError, EnvironmentProblem, NothingToDo, PermissionDenied
from msfood.core.ids import natural_id
from msfood.db.engine import open_database
from msfood.db.models import AuditEntry, Region, User
from msfood.db.problems import database_problem
from msfood.services import accounts
from msfood.services.backups.backup import backup_before, backup_database, remove_stale_partials
from msfood.services.backups.restore import restore_database
from msfood.services.history.audit import note_audit_accepted, verify_chain
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests.conftest import ADMIN_PASSWORD, make_station
from tests.unit.test_audit import _foreign_entries, _insert

ADMIN = Actor("admin", "admin")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _region(code: str, name: str) -> dict[str, str]:
    return {"id": natural_id("region", code), "code": code, "name": name}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- 1. the clock -------------------------------------------------------------------------------------


def test_msfood_now_sets_only_the_default_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_NOW", "2099-12-31T23:00:00+08:00")
    clock = clock_from_env()
    assert isinstance(clock, ReportingDayClock)
    assert clock.today() == dt.date(2099, 12, 31)  # the figures' default day
    real = dt.datetime.now(dt.UTC)
    assert abs((clock.now() - real).total_seconds()) < 60  # every time stamp: the real clock
    assert clock.current_date() == real.astimezone(CHINA).date()
    monkeypatch.setenv("MSFOOD_NOW", "not a date")
    with pytest.raises(EnvironmentProblem) as bad:
        clock_from_env()
    assert "MSFOOD_NOW" in bad.value.message()
    monkeypatch.delenv("MSFOOD_NOW")
    assert type(clock_from_env()) is Clock


def test_msfood_now_neither_unlocks_early_nor_locks_until_2099(db, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_NOW", "2099-01-01T00:00:00+08:00")
    future = clock_from_env()
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            accounts.sign_in(db, username="admin", password="guess", clock=future)
    with db.readers() as session:
        locked_until = session.scalar(select(User.locked_until).where(User.username == "admin"))
    real = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    # locked for five minutes of real time, not until 2099
    assert dt.timedelta(minutes=4) < locked_until - real <= dt.timedelta(minutes=5)
    with pytest.raises(AuthenticationError) as refused:
        accounts.sign_in(db, username="admin", password=ADMIN_PASSWORD, clock=future)
    assert refused.value.code == "user.locked"
    assert str(real.year) in refused.value.message() and "2099" not in refused.value.message()
    # moving MSFOOD_NOW past the lock does not lift it either
    monkeypatch.setenv("MSFOOD_NOW", "2099-01-01T00:06:00+08:00")
    with pytest.raises(AuthenticationError):
        accounts.sign_in(db, username="admin", password=ADMIN_PASSWORD, clock=clock_from_env())


def test_history_and_closing_follow_the_real_date(db, monkeypatch: pytest.MonkeyPatch) -> None:
    from msfood.services.periods.closing import close_period

    monkeypatch.setenv("MSFOOD_NOW", "2099-06-30")
    future = clock_from_env()
    with unit_of_work(db.sessions, actor=ADMIN, clock=future) as uow:
        uow.upsert(table_of(Region), _region("430211", "天元区"))
    with db.readers() as session:
        at = session.scalar(select(func.max(AuditEntry.at)))
    assert at.year == dt.datetime.now(dt.UTC).year
    with pytest.raises(Exception) as refused, unit_of_work(db.sessions, actor=ADMIN, clock=future) as uow:
        close_period(uow, period="2099")  # not ended in the real calendar
    assert "2099" in str(refused.value)


# --- 2. unlocking -------------------------------------------------------------------------------------


def _lock(db, username: str, clock) -> None:  # type: ignore[no-untyped-def]
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            accounts.sign_in(db, username=username, password="wrong-pass", clock=clock)


def test_unlock_lifts_the_lock_and_is_audited(db, clock) -> None:
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        accounts.add_user(uow, accounts.NewUser("li", "li-pass-1", "liaison"))
    _lock(db, "li", clock)
    with db.readers() as session:
        states = {a.username: a for a in accounts.account_states(session, actor=ADMIN, clock=clock)}
    assert states["li"].locked_until is not None and states["admin"].locked_until is None
    with pytest.raises(PermissionDenied), unit_of_work(db.sessions, actor=Actor("li", "liaison"),
                                                      clock=clock) as uow:
        accounts.unlock_user(uow, username="li")
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        accounts.unlock_user(uow, username="li")
    assert accounts.sign_in(db, username="li", password="li-pass-1", clock=clock).username == "li"
    with pytest.raises(NothingToDo), unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        accounts.unlock_user(uow, username="li")
    with db.readers() as session:
        entry = session.execute(
            select(AuditEntry.actor, AuditEntry.before).where(AuditEntry.action == "user_unlock")
        ).one()
        assert verify_chain(session).ok
    assert entry.actor == "admin" and json.loads(entry.before)["username"] == "li"


def test_an_admin_cannot_unlock_a_stronger_account(db, clock) -> None:
    users_clock = clock
    with db.sessions.begin() as session:
        accounts.create_user(session, username="boss", password="boss-pass-1", role="bureau-admin",
                          clock=users_clock)
    _lock(db, "boss", clock)
    with pytest.raises(PermissionDenied) as refused, \
            unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        accounts.unlock_user(uow, username="boss")
    assert refused.value.code == "user.role_above_own"


# --- 3. owner-only files ------------------------------------------------------------------------------


def test_new_databases_backups_and_companions_are_owner_only(tmp_path: Path, clock, home: Path) -> None:
    os.umask(0o022)
    path = tmp_path / "new" / "deeper" / "station.sqlite"
    make_station(path, clock=clock)
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700 and _mode(path.parent.parent) == 0o700
    database = open_database(path)
    try:
        with database.sessions.begin() as session:  # a write: the -wal and -shm exist meanwhile
            session.execute(text("UPDATE meta SET value = value WHERE key = 'unit_code'"))
            companions = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
            assert all(p.exists() and _mode(p) == 0o600 for p in companions)
        automatic = backup_before(database, "import", clock=clock)
        assert automatic is not None and _mode(automatic) == 0o600
        assert _mode(automatic.parent) == 0o700 and _mode(home) == 0o700
        out = tmp_path / "usb" / "copy.sqlite"
        backup_database(database, actor=ADMIN, out=out)
        assert _mode(out) == 0o600 and _mode(out.parent) == 0o700
    finally:
        database.close()


def test_an_existing_world_readable_database_is_made_owner_only(db_path: Path) -> None:
    os.chmod(db_path, 0o644)
    open_database(db_path).close()
    assert _mode(db_path) == 0o600


def test_the_apps_folder_is_private_even_with_a_loose_umask(  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch
) -> None:
    from msfood.core.config import backup_dir, data_dir

    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "app" / "data"))
    old = os.umask(0)
    try:
        assert _mode(data_dir()) == 0o700 and _mode(backup_dir()) == 0o700
    finally:
        os.umask(old)


def test_half_written_backups_of_dead_processes_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    stale = tmp_path / f"s-20261124-x-import.sqlite.{dead.stdout.strip()}.partial"
    stale.write_bytes(b"SQLite format 3\x00 keys")
    mine = tmp_path / f"s-20261124-y-import.sqlite.{os.getpid()}.partial"
    mine.write_bytes(b"in progress")
    assert remove_stale_partials(tmp_path) == [stale]
    assert not stale.exists() and mine.exists()  # this process's own backup under way stays


# --- 4. an interrupted restore --------------------------------------------------------------------------

KILL_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from msfood.core.clock import Clock
    from msfood.db.engine import open_database
    from msfood.services.backups import restore
    from msfood.services.writing.permissions import Actor

    point = sys.argv[3]
    if point == "before_copy":
        restore.before_copy = lambda target: os.kill(os.getpid(), signal.SIGKILL)
    else:  # midway through the copy into the database
        restore.RESTORE_PAGES_PER_STEP = 4
        steps = []

        def progress(status, remaining, total):
            steps.append(remaining)
            if len(steps) == 3:
                os.kill(os.getpid(), signal.SIGKILL)

        restore.copy_progress = progress
    database = open_database(sys.argv[1])
    restore.restore_database(database, Path(sys.argv[2]), actor=Actor("admin", "admin"), clock=Clock())
    print("not killed")
    """
)


def _state(path: Path) -> tuple[object, ...]:
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return (
            conn.execute("SELECT count(*), max(seq) FROM audit_log").fetchone(),
            conn.execute("SELECT count(*) FROM audit_log WHERE action = 'restore'").fetchone(),
            conn.execute("SELECT group_concat(code) FROM regions ORDER BY code").fetchone(),
            conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone(),
        )


@pytest.mark.parametrize("point", ["before_copy", "midway"])
def test_a_restore_killed_midway_leaves_no_copy_and_the_database_as_it_was(
    db, clock, tmp_path: Path, home: Path, point: str
) -> None:
    saved = tmp_path / "saved.sqlite"
    backup_database(db, actor=ADMIN, out=saved)
    for n in range(30):  # after the backup: the restore would take these away
        code = f"430211{n:03d}"
        with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
            uow.upsert(table_of(Region), {"id": natural_id("region", code), "code": code, "name": f"街道{n}"})
    db.close()
    before = _state(db.path)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "SQLITE_TMPDIR": str(scratch), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(db.path), str(saved), point],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    assert _state(db.path) == before  # SQLite rolled the unfinished copy back
    assert list(scratch.iterdir()) == []  # the staged copy died with the process
    leftovers = sorted(p.name for p in db.path.parent.iterdir() if p.is_file())
    assert leftovers == sorted(
        n for n in ["saved.sqlite", "station.sqlite", "station.sqlite-wal", "station.sqlite-shm",
                    "station.sqlite-journal"] if (db.path.parent / n).exists()
    )
    assert not (db.path.parent / "station.sqlite-journal").exists() or point == "midway"
    backups = list((home / "backups").iterdir())
    assert [p.suffix for p in backups] == [".sqlite"]  # the safety backup, whole, and nothing else
    assert all(_mode(p) == 0o600 for p in backups)
    reopened = open_database(db.path)  # the app opens it as it was: one more check of the whole
    try:
        with reopened.readers() as session:
            assert verify_chain(session).ok
    finally:
        reopened.close()


def test_a_restore_that_takes_effect_is_in_the_history_once(db, clock, tmp_path: Path) -> None:
    saved = tmp_path / "saved.sqlite"
    backup_database(db, actor=ADMIN, out=saved)
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        uow.upsert(table_of(Region), _region("430211", "天元区"))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    restore_database(db, saved, actor=ADMIN, clock=clock)
    with db.readers() as session:
        restores = session.execute(
            select(AuditEntry.actor, AuditEntry.after).where(AuditEntry.action == "restore")
        ).all()
        assert verify_chain(session).ok
        assert session.scalar(select(func.count()).select_from(Region).where(Region.code == "430211")) == 0
    assert len(restores) == 1 and restores[0].actor == "admin"
    assert json.loads(restores[0].after)["file"] == "saved.sqlite"
    assert _mode(db.path) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


# --- 5. sign-in and reading while another program writes -------------------------------------------


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    """What a long import does: a write transaction held open (in another connection)."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=1)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE meta SET value = value WHERE key = 'unit_code'")
    return conn


def test_sign_in_and_reading_work_while_a_write_is_held(db, clock) -> None:
    from msfood.domain.periods import parse_period
    from msfood.metrics import compute_stats

    holder = _hold_write_lock(db.path)
    try:
        started = time.monotonic()
        actor = accounts.sign_in(db, username="admin", password=ADMIN_PASSWORD, clock=clock)
        assert actor.role == "admin"
        with db.readers() as session:
            assert [u.username for u in accounts.list_users(session, actor=actor)] == ["admin"]
            assert verify_chain(session).ok
            stats = compute_stats(session, period=parse_period("2026Q4"), as_of=dt.date(2026, 11, 24),
                                  region=None, clock=clock, details=False)
            assert stats is not None
        assert time.monotonic() - started < 5  # nobody waited for the write lock
        # a failure must be counted, which needs the lock: refused at once in plain words
        started = time.monotonic()
        with pytest.raises(AuthenticationError) as refused:
            accounts.sign_in(db, username="admin", password="wrong-pass", clock=clock)
        assert refused.value.code == "local.signin_busy"
        assert "数据库正被其他程序写入" in refused.value.message()
        assert time.monotonic() - started < accounts.SIGN_IN_BUSY_MS / 1000 + 3
    finally:
        holder.rollback()
        holder.close()


def test_a_success_after_failures_still_signs_in_while_busy(db, clock) -> None:
    with pytest.raises(AuthenticationError):
        accounts.sign_in(db, username="admin", password="wrong-pass", clock=clock)
    holder = _hold_write_lock(db.path)
    try:
        assert accounts.sign_in(db, username="admin", password=ADMIN_PASSWORD, clock=clock).username == "admin"
    finally:
        holder.rollback()
        holder.close()
    with db.readers() as session:
        assert session.scalar(select(User.failed_attempts).where(User.username == "admin")) == 1
    accounts.sign_in(db, username="admin", password=ADMIN_PASSWORD, clock=clock)  # now it is reset
    with db.readers() as session:
        assert session.scalar(select(User.failed_attempts).where(User.username == "admin")) == 0


# --- 6. plain messages, and a file that is not ours ---------------------------------------------------


def test_a_busy_database_gets_its_own_message(db, clock) -> None:
    holder = _hold_write_lock(db.path)
    quick = db.quick_writer(200)
    try:
        with pytest.raises(Exception) as caught, unit_of_work(quick, actor=ADMIN, clock=clock) as uow:
            uow.upsert(table_of(Region), _region("430211", "x"))
    finally:
        holder.rollback()
        holder.close()
    problem = database_problem(caught.value, db.path)
    assert problem is not None and problem.code == "local.db_busy"
    assert problem.message("en").startswith("The database is busy")
    assert "sqlalchemy" not in problem.message().lower() and "sqlite:" not in problem.message()


def test_a_full_disk_gets_its_own_message(db, clock) -> None:
    with closing(sqlite3.connect(db.path)) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]

    @event.listens_for(db.engine, "connect")
    def tiny_disk(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    db.engine.dispose()
    with pytest.raises(Exception) as caught, unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        for n in range(400):
            code = f"430211{n:03d}"
            uow.upsert(table_of(Region), {"id": natural_id("region", code), "code": code, "name": "区" * 200})
        uow.session.flush()
    problem = database_problem(caught.value, db.path)
    assert problem is not None and problem.code == "local.disk_full"
    assert problem.message() == f"磁盘空间已满，无法写入{db.path}，本次操作未保存。请清理磁盘空间后重试。"
    assert problem.message("en").startswith("The disk is full")


def test_os_level_problems_get_their_messages(tmp_path: Path) -> None:
    import errno

    full = database_problem(OSError(errno.ENOSPC, "No space left on device"), tmp_path / "x.sqlite")
    assert full is not None and full.code == "local.disk_full"
    assert database_problem(ValueError("nothing of ours")) is None


@pytest.mark.parametrize("kind", ["random", "other_app", "other_app_wal", "empty"])
def test_a_file_that_is_not_ours_is_refused_and_left_as_it_was(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "file.sqlite"
    if kind == "random":
        path.write_bytes(os.urandom(8192))
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        with closing(sqlite3.connect(path)) as conn:
            if kind == "other_app_wal":
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
            conn.execute("INSERT INTO invoices VALUES (1, 12.5)")
            conn.commit()
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    before = _sha(path), path.stat().st_mtime_ns, _mode(path)
    with pytest.raises(EnvironmentProblem) as refused:
        open_database(path)
    expected = "local.foreign_sqlite" if kind.startswith("other_app") else "local.not_database"
    assert refused.value.code == expected
    assert (_sha(path), path.stat().st_mtime_ns, _mode(path)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.sqlite", "home"] or sorted(
        p.name for p in tmp_path.iterdir()) == ["file.sqlite"]
    assert "未做任何改动" in refused.value.message()


# --- 7. chains cut back ---------------------------------------------------------------------------------


def test_a_chain_cut_back_or_missing_is_reported(db) -> None:
    other = "430211-01"
    _insert(db, _foreign_entries(other, [1, 2, 3, 4, 5]))
    with db.sessions.begin() as session:
        note_audit_accepted(session, origins=[other, "430204-01"])
    with db.readers() as session:
        assert verify_chain(session).ok
    with closing(sqlite3.connect(db.path)) as conn:  # the last two entries deleted outside the app
        conn.execute("DELETE FROM audit_log WHERE origin = ? AND seq > 3", (other,))
        conn.commit()
    with db.readers() as session:
        broken = verify_chain(session).first_broken
    assert broken == (other, 5, "cut_back")
    assert broken.message() == (
        "审计记录链已断开：单位 430211-01 的第 5 条记录及其后的记录已不在了（本数据库曾收到过更多该单位的"
        "记录：它的历史被截短了）。"
    )
    with db.sessions.begin() as session:  # accepting again does not forget what was held
        note_audit_accepted(session, origins=[other])
    with db.readers() as session:
        assert verify_chain(session).first_broken == (other, 5, "cut_back")
    with closing(sqlite3.connect(db.path)) as conn:
        conn.execute("DELETE FROM audit_log WHERE origin = ?", (other,))
        conn.commit()
    with db.readers() as session:
        assert verify_chain(session).first_broken == (other, 1, "chain_missing")


def test_a_chain_cut_back_and_rehashed_is_still_found(db) -> None:
    other = "430211-01"
    _insert(db, _foreign_entries(other, [1, 2, 3, 4, 5]))
    with db.sessions.begin() as session:
        note_audit_accepted(session, origins=[other])
    shorter = _foreign_entries(other, [1, 2, 3, 4])  # a whole new chain, well hashed, one shorter
    with closing(sqlite3.connect(db.path)) as conn:
        conn.execute("DELETE FROM audit_log WHERE origin = ?", (other,))
        conn.commit()
    _insert(db, shorter)
    with db.readers() as session:
        assert verify_chain(session).first_broken == (other, 5, "cut_back")
    more = _foreign_entries(other, [1, 2, 3, 4, 5, 6])  # a longer forged chain: the held entry differs
    with closing(sqlite3.connect(db.path)) as conn:
        conn.execute("DELETE FROM audit_log WHERE origin = ?", (other,))
        conn.commit()
    _insert(db, more)
    with db.readers() as session:
        assert verify_chain(session).first_broken == (other, 5, "edited")


def test_the_own_chain_cut_back_is_reported(db) -> None:
    with closing(sqlite3.connect(db.path)) as conn:
        last = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        conn.execute("DELETE FROM audit_log WHERE seq > ?", (last - 2,))
        conn.commit()
    with db.readers() as session:
        assert verify_chain(session).first_broken == ("430204-01", last - 1, "missing")
