"""Consistent backups with SQLite's backup API: automatic ones before every import, migration and
restore (the last N kept, setting "backups_kept"), and on demand (`msfood backup`).

A backup is a complete SQLite file in rollback-journal mode (one file, no -wal beside it), written
under a temporary name and renamed when complete, so a crash never leaves a half backup that looks
whole. Backups hold the unit's private keys: automatic ones stay in the app's own folder.
Restoring lives in msfood.services.backups.restore.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from msfood.core.clock import Clock
from msfood.core.config import backup_dir
from msfood.core.errors import EnvironmentProblem
from msfood.core.private_files import create_private_file, make_private_folder
from msfood.db.engine import Database
from msfood.services.writing.permissions import BACKUP, Actor

DEFAULT_KEPT = 10
PAGES_PER_STEP = 1024  # copy in steps so writers elsewhere are not blocked for the whole copy


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int


@dataclass(frozen=True)
class BackupFile:
    """An automatic backup, for a restore dialog: when it was made (UTC) and before what."""

    path: Path
    made_at: dt.datetime
    reason: str  # import | bundle | migration | restore | ...
    size: int


_STAMP = re.compile(r"-(\d{8}-\d{6}-\d{6})(?:-\d+)?-([A-Za-z0-9_-]+)\.sqlite$")


def _partial(target: Path) -> Path:
    return target.with_name(f"{target.name}.{os.getpid()}.partial")


def remove_stale_partials(folder: Path) -> list[Path]:
    """Remove the half-written backups (`*.<pid>.partial`) of processes that no longer run (killed
    during a backup): each is a copy of a database with its keys. The removed."""
    removed = []
    for path in folder.glob("*.partial"):
        pid = path.name.removesuffix(".partial").rsplit(".", 1)[-1]
        if pid.isdigit() and (int(pid) == os.getpid() or _running(int(pid))):
            continue  # a backup under way
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def backup_sqlite(
    source: Path | sqlite3.Connection,
    target: Path,
    *,
    progress: Callable[[int, int], object] | None = None,
) -> Path:
    """Copy a live SQLite database page by page into `target` (safe while others read or write).

    The copy is written as `target.partial`, switched to a single-file journal mode, then renamed.
    """
    make_private_folder(target.parent)
    partial = _partial(target)
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(str(source)) if isinstance(source, Path) else source
    try:
        create_private_file(partial)  # owner-only before a single page of the keys is in it
        with closing(sqlite3.connect(str(partial))) as dst:
            src.backup(
                dst,
                pages=PAGES_PER_STEP,
                progress=(lambda _status, remaining, total: progress(total - remaining, total))
                if progress
                else None,
            )
            dst.execute("PRAGMA journal_mode=DELETE")
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        if isinstance(source, Path):
            src.close()
    return target


def _database_key(path: Path) -> str:
    """The file-name prefix of one database's automatic backups (its name and a hash of its path)."""
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{path.stem}-{digest}"


def backups_kept(path: Path) -> int:
    """The setting "backups_kept" (JSON, at least 1) read straight from the file: it may be an older
    schema about to be migrated, so no ORM here. The default when absent or unreadable."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            row = conn.execute(
                "SELECT value FROM settings WHERE key = 'backups_kept' AND deleted = 0"
            ).fetchone()
    except sqlite3.Error:
        return DEFAULT_KEPT
    if row is None:
        return DEFAULT_KEPT
    try:
        value = json.loads(row[0])
    except (TypeError, ValueError):
        return DEFAULT_KEPT
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return DEFAULT_KEPT
    return value


def automatic_backups(path: Path) -> list[Path]:
    """The automatic backups of the database at `path`, oldest first."""
    prefix = _database_key(path) + "-"
    return sorted(
        p for p in backup_dir().iterdir()
        if p.name.startswith(prefix) and p.name.endswith(".sqlite") and p.is_file()
    )


def list_backups(database: Database) -> list[BackupFile]:
    """This database's automatic backups, newest first."""
    if database.path is None:
        return []
    found = []
    for path in automatic_backups(database.path):
        match = _STAMP.search(path.name[len(_database_key(database.path)) :])
        if match is None:
            continue
        made = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f").replace(tzinfo=dt.UTC)
        found.append(BackupFile(path, made, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def backup_before(database: Database, reason: str, *, clock: Clock | None = None) -> Path | None:
    """An automatic backup in the app's folder before `reason` (import, bundle, migration, restore),
    then all but the last N of this database's automatic backups are removed."""
    path = database.path
    if path is None or not path.exists():
        return None
    now = (clock or Clock()).now().astimezone(dt.UTC)
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in reason)[:32] or "backup"
    folder = backup_dir()
    remove_stale_partials(folder)
    target = folder / f"{_database_key(path)}-{stamp}-{safe_reason}.sqlite"
    counter = 1
    while target.exists():
        target = folder / f"{_database_key(path)}-{stamp}-{counter}-{safe_reason}.sqlite"
        counter += 1
    backup_sqlite(path, target)
    prune_backups(path, keep=backups_kept(path))
    for kept in automatic_backups(path):  # those made before backups were owner-only, too
        if kept.stat().st_mode & 0o077:
            os.chmod(kept, 0o600)
    return target


def prune_backups(path: Path, *, keep: int) -> list[Path]:
    """Remove all but the newest `keep` automatic backups of the database at `path`; the removed."""
    existing = automatic_backups(path)
    removed = existing[: max(0, len(existing) - max(1, keep))]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def backup_database(
    database: Database,
    *,
    actor: Actor,
    out: Path,
    overwrite: bool = False,
    progress: Callable[[int, int], object] | None = None,
) -> BackupResult:
    """`msfood backup`: a consistent copy of the database at `out` (needs BACKUP)."""
    actor.require(BACKUP)
    path = database.path
    if path is None:
        raise EnvironmentProblem("backup.not_sqlite")
    out = Path(out).expanduser()
    if out.resolve() == path.resolve():
        raise EnvironmentProblem("backup.same_file", path=str(out))
    if out.exists() and not overwrite:
        raise EnvironmentProblem("backup.out_exists", path=str(out))
    try:
        backup_sqlite(path, out, progress=progress)
    except (OSError, sqlite3.Error) as exc:
        from msfood.db.problems import database_problem

        problem = database_problem(exc, out)
        if problem is not None:
            raise problem from exc
        raise EnvironmentProblem("local.backup_failed", path=str(out)) from exc
    return BackupResult(out, out.stat().st_size)
