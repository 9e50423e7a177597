"""Backups (automatic ones kept to N, on-demand ones consistent while in use) and a verified restore."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from msfood.core.clock import FixedClock
from msfood.core.errors import EnvironmentProblem, PermissionDenied, ValidationError
from msfood.core.ids import natural_id
from msfood.db.engine import open_database
from msfood.db.models import AuditEntry, Region, Setting
from msfood.services.backups.backup import (
    DEFAULT_KEPT,
    automatic_backups,
    backup_before,
    backup_database,
    backups_kept,
    list_backups,
)
from msfood.services.backups.restore import check_backup_file, restore_database
from msfood.services.writing.permissions import SYSTEM, Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests.conftest import make_station

ADMIN = Actor("admin", "admin")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _set_kept(db, clock, value: object) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        uow.upsert(table_of(Setting), {"id": natural_id("setting", "backups_kept"), "key": "backups_kept",
                                       "value": json.dumps(value)})


def _add_region(db, clock, code: str) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        uow.upsert(table_of(Region), {"id": natural_id("region", code), "code": code, "name": f"区{code}"})


def _regions(path: Path) -> list[str]:
    with closing(sqlite3.connect(str(path))) as conn:
        return [r[0] for r in conn.execute("SELECT code FROM regions ORDER BY code")]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_automatic_backups_keep_the_last_n_of_each_database(db, clock, tmp_path: Path) -> None:
    assert backups_kept(db.path) == DEFAULT_KEPT == 10
    _set_kept(db, clock, 3)
    assert backups_kept(db.path) == 3
    other_path = tmp_path / "other" / "station.sqlite"  # same file name, another database
    other_path.parent.mkdir()
    shutil.copyfile(db.path, other_path)
    other = open_database(other_path)
    try:
        backup_before(other, "import", clock=clock)
    finally:
        other.close()
    made = []
    for i in range(5):
        clock.advance(seconds=1)
        _add_region(db, clock, f"43021{i}")
        made.append(backup_before(db, "import", clock=clock))
    kept = automatic_backups(db.path)
    assert kept == made[-3:]
    assert not made[0].exists() and not made[1].exists()
    assert len(automatic_backups(other_path)) == 1  # the other database's backup is its own
    assert _regions(kept[-1]) == [f"43021{i}" for i in range(5)]
    assert kept[-1].name.endswith("-import.sqlite")
    listed = list_backups(db)
    assert [b.path for b in listed] == kept[::-1]  # newest first
    assert listed[0].reason == "import" and listed[0].made_at == clock.now()
    assert listed[0].size == kept[-1].stat().st_size


@pytest.mark.parametrize("value", [0, -2, "ten", 2.5, True, None])
def test_a_bad_backups_kept_setting_falls_back_to_the_default(db, clock, value: object) -> None:
    _set_kept(db, clock, value)
    assert backups_kept(db.path) == DEFAULT_KEPT


def test_a_backup_is_one_whole_file(db, clock, tmp_path: Path) -> None:
    _add_region(db, clock, "430211")
    result = backup_database(db, actor=ADMIN, out=tmp_path / "b.sqlite")
    assert result.size == result.path.stat().st_size > 0
    assert result.path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL: no -wal needed
    assert not (tmp_path / "b.sqlite-wal").exists() and not (tmp_path / "b.sqlite.partial").exists()
    with closing(sqlite3.connect(str(result.path))) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert _regions(result.path) == ["430211"]


def test_a_backup_taken_during_a_write_holds_only_committed_work(db, clock, tmp_path: Path) -> None:
    _add_region(db, clock, "430211")
    writer = sqlite3.connect(str(db.path), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE regions SET name = 'half-written'")
        backup_database(db, actor=ADMIN, out=tmp_path / "during.sqlite")
        writer.execute("COMMIT")
    finally:
        writer.close()
    with closing(sqlite3.connect(str(tmp_path / "during.sqlite"))) as conn:
        assert conn.execute("SELECT name FROM regions").fetchall() == [("区430211",)]
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_backup_refuses_to_overwrite_unless_asked(db, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite"
    out.write_text("an older backup")
    with pytest.raises(EnvironmentProblem) as caught:
        backup_database(db, actor=ADMIN, out=out)
    assert caught.value.code == "backup.out_exists" and out.read_text() == "an older backup"
    backup_database(db, actor=ADMIN, out=out, overwrite=True)
    assert out.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(EnvironmentProblem):
        backup_database(db, actor=ADMIN, out=db.path)
    with pytest.raises(PermissionDenied):
        backup_database(db, actor=Actor("li", "liaison"), out=tmp_path / "c.sqlite")


# --- restore ----------------------------------------------------------------------------------------


@pytest.fixture
def saved(db, clock, tmp_path: Path) -> Path:
    """A backup holding one region; afterwards the database gains a second one."""
    _add_region(db, clock, "430211")
    path = backup_database(db, actor=ADMIN, out=tmp_path / "saved.sqlite").path
    clock.advance(minutes=1)
    _add_region(db, clock, "430212")
    return path


def test_restore_replaces_the_database_after_backing_it_up(db, clock, saved: Path) -> None:
    clock.advance(minutes=1)
    result = restore_database(db, saved, actor=ADMIN, clock=clock)
    assert result.restored.unit_code == "430204-01" and result.restored.revision
    assert _regions(db.path) == ["430211"]
    assert result.safety_backup is not None and _regions(result.safety_backup) == ["430211", "430212"]
    assert result.safety_backup.name.endswith("-restore.sqlite")
    with db.sessions() as session:  # the caller's Database still works, and the history says so
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "restore"))
        assert entry.actor == "admin" and json.loads(entry.after)["file"] == "saved.sqlite"
        assert session.scalar(select(func.count()).select_from(Region)) == 1
    from msfood.services.history.audit import verify_chain

    with db.sessions() as session:
        assert verify_chain(session).ok
    with closing(sqlite3.connect(str(db.path))) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def _corrupt(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    page = 4096
    for start in range(3 * page, len(data) - page, 7 * page):  # scribble over every seventh page
        data[start + 100 : start + 600] = bytes(range(250)) * 2
    target.write_bytes(bytes(data))
    return target


def _foreign(path: Path) -> Path:
    with closing(sqlite3.connect(str(path))) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('hello')")
        conn.commit()
    return path


def _newer(saved: Path, path: Path) -> Path:
    shutil.copyfile(saved, path)
    with closing(sqlite3.connect(str(path))) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    return path


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD_FILES = {
    "corrupted": (lambda saved, tmp: _corrupt(saved, tmp / "bad.sqlite"), "restore.corrupt"),
    "truncated": (lambda saved, tmp: _bytes(tmp / "cut.sqlite", saved.read_bytes()[: 5 * 4096]),
                  "restore.corrupt"),
    "text": (lambda saved, tmp: _bytes(tmp / "t.sqlite", "不是数据库".encode()), "restore.not_sqlite"),
    "empty": (lambda saved, tmp: _bytes(tmp / "e.sqlite", b""), "restore.not_sqlite"),
    "foreign": (lambda saved, tmp: _foreign(tmp / "f.sqlite"), "restore.not_msfood"),
    "newer": (lambda saved, tmp: _newer(saved, tmp / "n.sqlite"), "restore.unknown_schema"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_restore_refuses_a_bad_file_and_leaves_the_database_alone(
    db, clock, saved: Path, tmp_path: Path, home: Path, kind: str
) -> None:
    make, code = BAD_FILES[kind]
    bad = make(saved, tmp_path)
    bad_sha = _sha(bad)
    db.close()
    before = _sha(db.path)
    with pytest.raises(ValidationError) as caught:
        restore_database(db, bad, actor=ADMIN, clock=clock)
    assert caught.value.issues[0].code == code
    assert "当前数据库未改动" in caught.value.message()
    db.close()
    assert _sha(db.path) == before  # not one byte of the current database changed
    assert _sha(bad) == bad_sha  # nor of the file offered
    assert not list(home.glob("backups/*restore*"))  # refused before the safety backup
    assert not list(db.path.parent.glob("*.tmp*"))
    assert _regions(db.path) == ["430211", "430212"]


def test_restore_refuses_another_units_backup_unless_told(db, clock, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    make_station(other, clock=FixedClock(clock.now()), code="430211-07")
    with pytest.raises(ValidationError) as caught:
        restore_database(db, other, actor=ADMIN, clock=clock)
    assert caught.value.issues[0].code == "restore.other_unit"
    result = restore_database(db, other, actor=ADMIN, clock=clock, allow_other_unit=True)
    assert result.restored.unit_code == "430211-07"
    with db.sessions() as session:
        from msfood.services.setup.new_unit import unit_identity

        assert unit_identity(session).code == "430211-07"


def test_restore_needs_the_restore_permission(db, clock, saved: Path) -> None:
    for role in ("viewer", "liaison"):
        with pytest.raises(PermissionDenied):
            restore_database(db, saved, actor=Actor("x", role), clock=clock)
    assert _regions(db.path) == ["430211", "430212"]


def test_check_backup_file_reports_what_it_holds(saved: Path) -> None:
    info = check_backup_file(saved)
    assert (info.unit_code, info.path, info.size) == ("430204-01", saved, saved.stat().st_size)
    assert not list(saved.parent.glob("*.tmp*"))


def test_a_backup_of_a_live_wal_database_copied_with_its_wal_restores(db, clock, tmp_path: Path) -> None:
    """Someone copies the .sqlite and its -wal by hand while the app runs: still a valid restore."""
    _add_region(db, clock, "430299")
    holder = sqlite3.connect(str(db.path))  # keeps the WAL from being checkpointed away
    try:
        holder.execute("PRAGMA wal_autocheckpoint=0")
        _add_region(db, clock, "430298")
        shutil.copyfile(db.path, tmp_path / "hand.sqlite")
        wal = db.path.with_name(db.path.name + "-wal")
        assert wal.stat().st_size > 0
        shutil.copyfile(wal, tmp_path / "hand.sqlite-wal")
        shutil.copyfile(db.path, tmp_path / "main-only.sqlite")
    finally:
        holder.close()
    assert "430298" not in _regions(tmp_path / "main-only.sqlite")  # that change lives in the -wal
    _add_region(db, clock, "430297")
    restore_database(db, tmp_path / "hand.sqlite", actor=SYSTEM, clock=clock)
    assert _regions(db.path) == ["430298", "430299"]
