"""Consistent backups with SQLite's backup API: before every import and migration, and on demand."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from msfood.config import backup_dir
from msfood.db.engine import Database


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live SQLite database page by page into `target` (safe while others read or write)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def backup_before(database: Database, reason: str) -> Path | None:
    """An automatic backup next to the app's data (it holds the unit's private keys: keep it there)."""
    path = database.path
    if path is None or not path.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir() / f"{path.stem}-{stamp}-{reason}.sqlite"
    return backup_sqlite(path, target)
