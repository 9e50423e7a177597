"""What a database file holds, for the restore dialog's before/after: its unit, when its data were
last changed, and how many live records of each kind it has.

Read-only: the file is opened with SQLite's `mode=ro` (a backup the user picked is never written to,
and a live database is read like any reader). Call it on a file msfood.services.backups.restore has already
checked (check_backup_file); an unreadable file raises EnvironmentProblem("station_admin.unreadable").
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from msfood.core.errors import EnvironmentProblem
from msfood.core.plain_reason import plain_reason

# The kinds a person recognises, in the roster-then-records order of the app's pages.
SUMMARY_TABLES = (
    "regions",
    "businesses",
    "cadres",
    "assignments",
    "visits",
    "problems",
    "selfchecks",
    "samplings",
    "rapid_tests",
    "closed_periods",
)


@dataclass(frozen=True)
class DatabaseSummary:
    path: Path
    unit_code: str
    unit_name: str
    last_change: dt.datetime | None  # UTC: the newest entry of its history (None: no history)
    modified: dt.datetime  # UTC: the file's own modification time
    counts: tuple[tuple[str, int], ...]  # (table, live rows) in SUMMARY_TABLES order
    users: int

    def count(self, table: str) -> int:
        return dict(self.counts).get(table, 0)


def _utc(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def summarize_database_file(path: Path) -> DatabaseSummary:
    """Unit, last change and live record counts of the msfood database file at `path`."""
    path = Path(path).expanduser()
    try:
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('unit_code', 'unit_name')"))
            counts = []
            for table in SUMMARY_TABLES:
                if table in tables:
                    n = conn.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0]  # noqa: S608
                    counts.append((table, int(n)))
            last = (
                conn.execute("SELECT max(at) FROM audit_log").fetchone()[0] if "audit_log" in tables else None
            )
            users = conn.execute("SELECT count(*) FROM users").fetchone()[0] if "users" in tables else 0
    except (OSError, sqlite3.Error) as exc:
        raise EnvironmentProblem("station_admin.unreadable", path=str(path), reason=plain_reason(exc)) from exc
    return DatabaseSummary(
        path=path,
        unit_code=str(meta.get("unit_code", "")),
        unit_name=str(meta.get("unit_name", "")),
        last_change=_utc(last),
        modified=modified,
        counts=tuple(counts),
        users=int(users),
    )
