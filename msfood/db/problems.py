"""Database errors in plain words: which of the known troubles an SQLite (or OS) error is.

SQLAlchemy wraps the driver's error (`.orig`); Python 3.11's sqlite3 errors carry SQLite's result code
(`sqlite_errorcode`). Each trouble a person can do something about gets its own message code
(msfood.i18n.local_hardening): the database busy, the disk full, a read-only file or folder, a file
that is not a database, a damaged one. Never the library's text, never a URL.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from msfood.core.errors import EnvironmentProblem

SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

SQLITE_MAGIC = b"SQLite format 3\x00"
MSFOOD_TABLES = ("alembic_version", "meta")


def _driver_errors(exc: BaseException) -> list[BaseException]:
    """The driver's (or the OS's) errors behind `exc`, following causes and contexts: a failure may be
    hidden behind a later one (SQLite rolls a transaction back on a full disk, and SQLAlchemy's own
    "ROLLBACK TO SAVEPOINT" then fails with "no such savepoint")."""
    found: list[BaseException] = []
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        orig = getattr(current, "orig", None)
        if isinstance(orig, BaseException):
            found.append(orig)
        elif isinstance(current, sqlite3.Error | OSError):
            found.append(current)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return found


def _read_only_problem(path: Path | None) -> EnvironmentProblem:
    if path is not None:
        folder = path.parent
        if path.exists() and not os.access(path, os.W_OK):
            return EnvironmentProblem("local.read_only_file", path=str(path))
        if not os.access(folder, os.W_OK):
            return EnvironmentProblem("local.read_only_folder", path=str(path), folder=str(folder))
    return EnvironmentProblem("local.read_only", path=_shown(path))


def _shown(path: Path | None) -> str:
    from msfood.i18n import t

    return str(path) if path is not None else t("local.this_database")


def database_problem(
    exc: BaseException, path: str | os.PathLike[str] | None = None
) -> EnvironmentProblem | None:
    """The plain-words problem for a database error, or None when it is none of the known ones."""
    where = Path(path) if path is not None and "://" not in str(path) else None
    for error in _driver_errors(exc):
        problem = _problem_of(error, where)
        if problem is not None:
            return problem
    return None


def _problem_of(error: BaseException, where: Path | None) -> EnvironmentProblem | None:
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        text = str(error).lower()
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
            return EnvironmentProblem("local.db_busy")
        if primary == SQLITE_FULL or "database or disk is full" in text:
            return EnvironmentProblem("local.disk_full", path=_shown(where))
        if primary in (SQLITE_READONLY, SQLITE_PERM) or "readonly database" in text:
            return _read_only_problem(where)
        if primary == SQLITE_NOTADB or "file is not a database" in text:
            return EnvironmentProblem("local.not_database", path=_shown(where))
        if primary == SQLITE_CORRUPT or "malformed" in text:
            return EnvironmentProblem("local.corrupt", path=_shown(where))
        if primary == SQLITE_CANTOPEN or "unable to open database file" in text:
            if where is not None and where.parent.exists() and not os.access(where.parent, os.W_OK):
                return _read_only_problem(where)
            return EnvironmentProblem("local.cant_open", path=_shown(where))
        if primary == SQLITE_IOERR or "disk i/o error" in text:
            if where is not None and where.exists() and not os.access(where.parent, os.W_OK):
                return _read_only_problem(where)
            return EnvironmentProblem("local.io_error", path=_shown(where))
        return None
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return EnvironmentProblem("local.disk_full", path=_shown(where))
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            target = Path(error.filename) if error.filename else where
            return _read_only_problem(target)
    return None


def refuse_foreign_file(path: Path) -> None:
    """Refuse, before anything opens it for writing, a file that is not an msfood database: random
    bytes, an empty file, or an SQLite database of another program. The file is only read (its
    header, then its table names through a read-only connection), so it stays byte for byte as it was.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except IsADirectoryError:
        raise EnvironmentProblem("local.not_database", path=str(path)) from None
    except OSError as exc:
        problem = database_problem(exc, path)
        raise (problem or EnvironmentProblem("local.cant_open", path=str(path))) from None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise EnvironmentProblem("local.not_database", path=str(path))
    try:
        # immutable: no lock, no -shm or -wal made, nothing written (a foreign WAL database included)
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        # Unsure (a page being checkpointed by another program at this very moment, say): the usual
        # open decides, and still refuses a database without msfood's tables.
        return
    if names and not set(MSFOOD_TABLES) <= names:
        raise EnvironmentProblem("local.foreign_sqlite", path=str(path))
