"""Demo databases for the benchmarks, made once per (scale, seed, year) and kept in a cache folder.

The data come from msfood's own demo generator (msfood.demo), so the benchmarks measure what users see.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from msfood.core.clock import CHINA, FixedClock

CACHE = Path(os.environ.get("MSFOOD_BENCH_CACHE", Path(__file__).resolve().parent / ".cache"))
# The benchmarks' "today": late in a year, so a whole year of visits and a quarter of daily records exist.
TODAY = dt.datetime(2026, 11, 24, 10, 0, tzinfo=CHINA)


def bench_clock() -> FixedClock:
    return FixedClock(TODAY.astimezone(dt.UTC))


def demo_db(scale: str, seed: int = 1) -> Path:
    """The path of a demo database of this scale, generated on first use (city: a few minutes)."""
    from msfood.demo.generator import create_demo

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{scale}-{seed}-{TODAY.year}.sqlite"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        print(f"making the {scale} demo database (once) ...", flush=True)
        create_demo(partial, scale=scale, seed=seed, year=TODAY.year, clock=bench_clock())
        import sqlite3

        with sqlite3.connect(partial) as conn:  # fold the WAL back so the file can be renamed alone
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode=DELETE")
        partial.rename(path)
    else:  # made by an older version of the app: migrated as a user's file would be
        from msfood.db.engine import open_database

        open_database(path).close()
    return path
