"""Opening a database for the app: the one door the ui uses (it never imports msfood.db)."""

from __future__ import annotations

import os

from msfood.db.engine import Database, open_database

__all__ = ["Database", "open_app_database"]


def open_app_database(path: str | os.PathLike[str], *, create: bool = False) -> Database:
    """Open a database (or make an empty one), backing it up first when a migration is due."""
    from msfood.services.backup import backup_before

    return open_database(path, create=create, backup=lambda database: backup_before(database, "migration"))
