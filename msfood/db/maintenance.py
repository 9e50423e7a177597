"""Planner statistics after bulk writes (ARCHITECTURE: "run ANALYZE / PRAGMA optimize after big
merges"): a database that grew from nothing to millions of rows in one transaction otherwise keeps
planning as if it were empty."""

from __future__ import annotations

from sqlalchemy.engine import Connection

# Rows a write must have touched before the statistics are refreshed; below it they barely move.
BULK_ROWS = 10_000


def refresh_statistics(conn: Connection) -> None:
    """ANALYZE, sampled: on SQLite with an analysis limit (a second on a city database, not a full
    scan; PRAGMA optimize would skip tables no query has touched yet), on PostgreSQL by itself."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
    conn.exec_driver_sql("ANALYZE")
