"""Restoring a backup: checked before anything is replaced, the current database backed up first.

The file is copied into SQLite's private temporary database and checked there (the user's file is
only read; no copy with the keys is ever left in a folder, even if the process is killed): an SQLite
file, `PRAGMA integrity_check` ok, no broken references, an msfood schema this app knows, a unit
identity (by default the same unit as the current database). Only then is the current database backed
up (automatic backup "restore"), the copy upgraded and its history given the restore's entry, and the
database replaced with it in one transaction (SQLite's backup API): a crash part-way leaves the old
database whole, and a restore that took effect is in the history once.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from msfood.core.clock import Clock
from msfood.core.errors import EnvironmentProblem, ValidationError
from msfood.core.private_files import create_private_file
from msfood.db.engine import Database, head_revision, known_revisions
from msfood.i18n import t
from msfood.services.backups.backup import backup_before
from msfood.services.writing.permissions import RESTORE, Actor

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


def check_backup_file(path: Path) -> BackupInfo:
    """Check a backup file (on a private temporary copy; the file itself is only read). ValidationError
    (restore.*) when it is not a whole msfood database of a known schema."""
    path = Path(path).expanduser()
    staging = _stage(path)
    try:
        return _inspect(path, staging)
    finally:
        staging.close()


def _stage(source: Path) -> sqlite3.Connection:
    """A private copy of the backup in SQLite's own temporary database (the empty file name): it lives
    in memory and spills into a file that SQLite unlinks as soon as it has opened it (marks
    delete-on-close on Windows). Killed at any moment, the process leaves no copy of the keys behind.
    """
    if not source.is_file():
        raise EnvironmentProblem("db.missing", path=str(source))
    with open(source, "rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise _refuse("restore.not_sqlite", source)
    staging = sqlite3.connect("", check_same_thread=False)
    try:
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            src.backup(staging)
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        staging.close()
        raise _refuse("restore.corrupt", source, reason=_reason(exc)) from exc
    except BaseException:
        staging.close()
        raise
    return staging


def _reason(exc: BaseException) -> str:
    """Why SQLite could not read the file, in a few words (its own message names pages and b-trees)."""
    from msfood.db.problems import database_problem

    problem = database_problem(exc)
    if problem is not None and problem.code in ("local.db_busy", "local.disk_full"):
        return problem.message()  # about this computer, not the file: worth the whole sentence
    return t("readme_folders.reason_pages")


def _inspect(original: Path, conn: sqlite3.Connection) -> BackupInfo:
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        if rows != [("ok",)]:
            raise _refuse("restore.corrupt", original, reason=t("readme_folders.reason_integrity"))
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
            raise _refuse("restore.corrupt", original, reason=t("readme_folders.reason_references"))
    except sqlite3.DatabaseError as exc:
        raise _refuse("restore.corrupt", original, reason=_reason(exc)) from exc
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
        from msfood.core.config import backup_dir

        path = database.path
        assert path is not None
        target = backup_dir() / f"{path.stem}-unreadable-{_sha256(path)[:12]}.sqlite"
        create_private_file(target)
        shutil.copyfile(path, target)
        return target


def _replace(staging: sqlite3.Connection, target: Path) -> None:
    """Copy the staged database over the target in one write transaction (the backup API): killed
    part-way, SQLite rolls the unfinished transaction back and the target is as it was."""
    with closing(sqlite3.connect(str(target), timeout=10)) as dst:
        dst.execute("PRAGMA busy_timeout=10000")
        src_page = staging.execute("PRAGMA page_size").fetchone()[0]
        dst_page = dst.execute("PRAGMA page_size").fetchone()[0]
        if src_page != dst_page:
            dst.execute("PRAGMA journal_mode=DELETE")  # WAL cannot change its page size
        before_copy(dst)
        staging.backup(dst, pages=RESTORE_PAGES_PER_STEP, progress=copy_progress)
        dst.execute("PRAGMA journal_mode=WAL")
        if dst.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise EnvironmentProblem("restore.failed", path=str(target), reason=t("readme_folders.reason_integrity"))


RESTORE_PAGES_PER_STEP = -1  # all at once; the whole copy is one write transaction either way


def before_copy(_target: sqlite3.Connection) -> None:
    """Called just before the staged copy replaces the database (tests interrupt a restore here)."""


# (status, remaining, total) after each step of the copy (tests interrupt a restore here)
copy_progress: Callable[[int, int, int], object] | None = None


def restore_database(
    database: Database,
    source: Path,
    *,
    actor: Actor,
    clock: Clock | None = None,
    allow_other_unit: bool = False,
) -> RestoreResult:
    """Replace the database with a checked backup (needs RESTORE). Nothing is replaced when the file
    is refused. The database is closed and reopened: callers keep using `database` afterwards.

    The backup is checked, upgraded to this app's schema and given its history entry for the restore
    on a private temporary copy (`_stage`), then copied over the database in one transaction: the
    restore and its entry take effect together or not at all, and no copy is left behind.
    """
    actor.require(RESTORE)
    target = database.path
    if target is None:
        raise EnvironmentProblem("backup.not_sqlite")
    source = Path(source).expanduser()
    if source.exists() and source.resolve() == target.resolve():
        raise EnvironmentProblem("backup.same_file", path=str(source))
    staging = _stage(source)
    try:
        info = _inspect(source, staging)
        current = _current_unit(target)
        if current and current != info.unit_code and not allow_other_unit:
            raise _refuse("restore.other_unit", source, unit=info.unit_code, current=current)
        safety = _safety_backup(database, clock)
        _record_restore(staging, actor, clock, info, safety)
        database.close()
        try:
            _replace(staging, target)
        except sqlite3.Error as exc:
            from msfood.db.problems import database_problem

            raise (database_problem(exc, target) or
                   EnvironmentProblem("restore.failed", path=str(source), reason=_reason(exc))) from exc
    finally:
        staging.close()
    return RestoreResult(info, safety)


def _record_restore(
    staging: sqlite3.Connection, actor: Actor, clock: Clock | None, info: BackupInfo, safety: Path | None
) -> None:
    """Bring the staged copy to this app's schema, then write the restore into its history."""
    from sqlalchemy.orm import sessionmaker

    from msfood.db.engine import engine_over, upgrade
    from msfood.services.writing.transaction import unit_of_work

    engine = engine_over(staging)
    try:
        if info.revision != head_revision():
            upgrade(engine)
        with unit_of_work(sessionmaker(engine), actor=actor, clock=clock) as uow:
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
        engine.dispose()
