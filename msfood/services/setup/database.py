"""Opening a database for the app: the one door the ui uses (it never imports msfood.db)."""

from __future__ import annotations

import os
from pathlib import Path

from msfood.db.engine import Database, open_database
from msfood.db.problems import database_problem

__all__ = ["Database", "database_problem", "open_app_database", "remove_database_file"]

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")  # the files SQLite keeps beside a database


def open_app_database(path: str | os.PathLike[str], *, create: bool = False) -> Database:
    """Open a database (or make an empty one), backing it up first when a migration is due."""
    from msfood.services.backups.backup import backup_before

    return open_database(path, create=create, backup=lambda database: backup_before(database, "migration"))


def remove_database_file(path: Path) -> None:
    """Remove a SQLite database file and the companions SQLite keeps beside it (a half-made or
    staged copy: never a database in use)."""
    for suffix in ("", *SQLITE_COMPANIONS):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
