"""Restoring a backup: checked before anything is replaced, the current database backed up first.

The file is copied to a staging file beside the database and checked there (the user's file is never
opened for writing): an SQLite file, `PRAGMA integrity_check` ok, no broken references, an msfood
schema this app knows, a unit identity (by default the same unit as the current database). Only then
is the current database backed up (automatic backup "restore") and replaced, in one transaction, with
SQLite's backup API; a crash part-way leaves the old database whole. The restore is written to the
restored database's history.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from msfood.clock import Clock
from msfood.db.engine import Database, head_revision, known_revisions, open_database
from msfood.errors import EnvironmentProblem, ValidationError
from msfood.services.backup import backup_before
from msfood.services.database import remove_database_file
from msfood.services.permissions import RESTORE, Actor

SQLITE_MAGIC = b"SQLite format 3\x00"
REQUIRED_TABLES = ("alembic_version", "meta", "users", "audit_log", "units")


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, once checked."""

    path: Path
    unit_code: str
    unit_name: str
    revision: str
    size: int


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety_backup: Path | None  # the automatic backup of the database as it was before


def _refuse(code: str, path: Path, **params: object) -> ValidationError:
    return ValidationError(code, "", path=str(path), **params)


def check_backup_file(path: Path, *, staging: Path | None = None) -> BackupInfo:
    """Check a backup file (on a staging copy; the file itself is only read). ValidationError
    (restore.*) when it is not a whole msfood database of a known schema."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise EnvironmentProblem("db.missing", path=str(path))
    with open(path, "rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise _refuse("restore.not_sqlite", path)
    own_staging = staging is None
    staging = staging or path.with_name(path.name + ".check.tmp")
    try:
        _stage(path, staging)
        return _inspect(path, staging)
    finally:
        if own_staging:
            remove_database_file(staging)


def _stage(source: Path, staging: Path) -> None:
    """A private copy of the file (and its -wal, when a copy of a live database has one)."""
    remove_database_file(staging)
    shutil.copyfile(source, staging)
    wal = source.with_name(source.name + "-wal")
    if wal.is_file():
        shutil.copyfile(wal, staging.with_name(staging.name + "-wal"))


def _inspect(original: Path, staging: Path) -> BackupInfo:
    try:
        with closing(sqlite3.connect(str(staging))) as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            if rows != [("ok",)]:
                raise _refuse("restore.corrupt", original, reason="; ".join(str(r[0]) for r in rows[:3]))
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not set(REQUIRED_TABLES) <= tables:
                raise _refuse("restore.not_msfood", original)
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None or revision[0] not in known_revisions():
                raise _refuse("restore.unknown_schema", original, revision=revision[0] if revision else "-")
            meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('unit_code', 'unit_name')"))
            if not meta.get("unit_code"):
                raise _refuse("restore.not_msfood", original)
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise _refuse("restore.corrupt", original, reason="foreign_key_check")
    except sqlite3.DatabaseError as exc:
        raise _refuse("restore.corrupt", original, reason=str(exc)) from exc
    return BackupInfo(original, meta["unit_code"], meta.get("unit_name", ""), revision[0],
                      original.stat().st_size)


def _current_unit(path: Path) -> str | None:
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'unit_code'").fetchone()
            return row[0] if row else None
    except sqlite3.Error:
        return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _safety_backup(database: Database, clock: Clock | None) -> Path | None:
    try:
        return backup_before(database, "restore", clock=clock)
    except (OSError, sqlite3.Error):
        # The current file may be the broken one being replaced: keep its bytes as they are.
        from msfood.config import backup_dir

        path = database.path
        assert path is not None
        target = backup_dir() / f"{path.stem}-unreadable-{_sha256(path)[:12]}.sqlite"
        shutil.copyfile(path, target)
        return target


def _replace(staging: Path, target: Path) -> None:
    """Copy the staged database over the target in one write transaction (the backup API)."""
    with closing(sqlite3.connect(str(staging))) as src, closing(
        sqlite3.connect(str(target), timeout=10)
    ) as dst:
        dst.execute("PRAGMA busy_timeout=10000")
        src_page = src.execute("PRAGMA page_size").fetchone()[0]
        dst_page = dst.execute("PRAGMA page_size").fetchone()[0]
        if src_page != dst_page:
            dst.execute("PRAGMA journal_mode=DELETE")  # WAL cannot change its page size
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
        if dst.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise EnvironmentProblem("restore.failed", path=str(target), reason="integrity_check")


def restore_database(
    database: Database,
    source: Path,
    *,
    actor: Actor,
    clock: Clock | None = None,
    allow_other_unit: bool = False,
) -> RestoreResult:
    """Replace the database with a checked backup (needs RESTORE). Nothing is replaced when the file
    is refused. The database is closed and reopened: callers keep using `database` afterwards."""
    actor.require(RESTORE)
    target = database.path
    if target is None:
        raise EnvironmentProblem("backup.not_sqlite")
    source = Path(source).expanduser()
    if source.exists() and source.resolve() == target.resolve():
        raise EnvironmentProblem("backup.same_file", path=str(source))
    staging = target.with_name(target.name + ".restore.tmp")
    try:
        info = check_backup_file(source, staging=staging)
        current = _current_unit(target)
        if current and current != info.unit_code and not allow_other_unit:
            raise _refuse("restore.other_unit", source, unit=info.unit_code, current=current)
        safety = _safety_backup(database, clock)
        database.close()
        _replace(staging, target)
    finally:
        remove_database_file(staging)
    _record_restore(database, actor, clock, info, safety)
    return RestoreResult(info, safety)


def _record_restore(
    database: Database, actor: Actor, clock: Clock | None, info: BackupInfo, safety: Path | None
) -> None:
    """Migrate the restored database when it is older, then write the restore into its history."""
    from msfood.services.unit_of_work import unit_of_work

    assert database.path is not None
    reopened = open_database(database.path, backup=lambda db: backup_before(db, "migration", clock=clock))
    try:
        with unit_of_work(reopened.sessions, actor=actor, clock=clock) as uow:
            uow.audit_event(
                "restore",
                "database",
                None,
                after=json.dumps(
                    {
                        "file": info.path.name,
                        "sha256": _sha256(info.path),
                        "unit_code": info.unit_code,
                        "revision": info.revision,
                        "head": head_revision(),
                        "safety_backup": safety.name if safety else None,
                    },
                    ensure_ascii=False,
                ),
            )
    finally:
        reopened.close()
