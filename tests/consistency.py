"""Checks that a database file is whole: shared by the crash-safety and the fuzz tests.

- `check_integrity(path)`: `PRAGMA integrity_check` ok, no dangling foreign key, the audit chain intact;
- `check_consistent(path)`: that, and every region with its history (the crash tests' all-or-nothing);
- `db_digest(path)`: a hash of every row of every table, for "nothing changed" checks.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

from msfood.db.engine import open_database
from msfood.services.history.audit import verify_chain


def check_integrity(path: Path, *, others_may_break: bool = False) -> None:
    """integrity_check ok, foreign_key_check empty, and every unit's audit chain intact (or only this
    database's own, with `others_may_break`: a peer's bundle may carry a history edited on the way,
    which `msfood audit verify` then names)."""
    with closing(sqlite3.connect(str(path))) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        own = conn.execute("SELECT value FROM meta WHERE key = 'unit_code'").fetchone()
    database = open_database(path)
    try:
        with database.sessions() as session:
            result = verify_chain(session)
    finally:
        database.close()
    if others_may_break and result.first_broken is not None and own is not None:
        assert result.first_broken.origin != own[0], result.first_broken
    else:
        assert result.ok, result.first_broken


def check_consistent(path: Path) -> int:
    """check_integrity, and the region count (which must be all or nothing), each region audited."""
    check_integrity(path)
    with closing(sqlite3.connect(str(path))) as conn:
        regions = conn.execute("SELECT count(*) FROM regions").fetchone()[0]
        audited = conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'regions'").fetchone()[0]
    assert audited == regions  # never rows without their history, nor history without rows
    return int(regions)


def db_digest(path: Path) -> str:
    """Every row of every table (SQLite's own aside), in a stable order."""
    digest = hashlib.sha256()
    with closing(sqlite3.connect(str(path))) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        for name in names:
            digest.update(f"[{name}]".encode())
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"')):
                digest.update(row.encode() + b"\n")
    return digest.hexdigest()
