"""The figures for a quarter (msfood.metrics.compute_stats, in process) against bare SQL.

    .venv/bin/python -m benchmarks --only stats [--scale city]

Target (Foundation): at most 1.5 x the bare SQL aggregates for the same figures (one plain GROUP BY
query per figure, no ORM, below), and under 1 s on the city demo. Both sides run on the same database
file with a warm page cache, each in its own process after one warm-up; the best of `runs` is kept.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from benchmarks.demo_data import TODAY, demo_db
from benchmarks.harness import best_of

NAME = "stats_quarter"
TARGET = {"ratio": 1.5, "seconds": {"city": 1.0}}
PERIOD_START, PERIOD_END = dt.date(2026, 10, 1), dt.date(2026, 12, 31)
AS_OF = TODAY.date()
JUDGED = min(PERIOD_END, AS_OF)

ACTIVE = "a.deleted = 0 AND a.start_date <= :j AND (a.end_date IS NULL OR a.end_date >= :j)"
BASELINE = {
    "obligations": f"""
        SELECT c.level, COUNT(DISTINCT a.business_id) FROM assignments a JOIN cadres c ON c.id = a.cadre_id
        WHERE c.deleted = 0 AND {ACTIVE} GROUP BY c.level""",
    "visits": """
        SELECT c.level, v.business_id, COUNT(*) FROM visits v
        JOIN cadres c ON c.id = v.cadre_id JOIN businesses b ON b.id = v.business_id
        WHERE v.deleted = 0 AND v.visit_date BETWEEN :s AND :j AND (b.high_risk = 0 OR v.mode = 'onsite')
          AND EXISTS (SELECT 1 FROM assignments a WHERE a.cadre_id = v.cadre_id AND a.business_id = v.business_id
                      AND a.deleted = 0 AND a.start_date <= v.visit_date
                      AND (a.end_date IS NULL OR a.end_date >= v.visit_date))
        GROUP BY c.level, v.business_id""",
    "coverage": f"SELECT COUNT(DISTINCT a.business_id) FROM assignments a WHERE {ACTIVE}",
    "problems": """
        SELECT SUM(v.visit_date BETWEEN :s AND :j), SUM(p.deadline BETWEEN :s AND :j),
               SUM(p.deadline BETWEEN :s AND :j AND p.closed_on <= :d)
        FROM problems p JOIN visits v ON v.id = p.visit_id WHERE p.deleted = 0 AND v.deleted = 0""",
    "daily": """
        SELECT business_id, COUNT(*) FROM selfchecks
        WHERE kind = 'daily' AND record_date BETWEEN :s AND :j AND deleted = 0 GROUP BY business_id""",
    "weekly": """
        SELECT business_id, COUNT(*) FROM selfchecks
        WHERE kind = 'weekly' AND period_key BETWEEN :wk0 AND :wk1 AND deleted = 0 GROUP BY business_id""",
    "monthly": """
        SELECT business_id, COUNT(*) FROM selfchecks
        WHERE kind = 'monthly' AND period_key BETWEEN :m0 AND :m1 AND deleted = 0 GROUP BY business_id""",
    "platform": """
        SELECT DISTINCT business_id FROM selfchecks
        WHERE kind IN ('weekly', 'monthly') AND record_date BETWEEN :s AND :j AND deleted = 0""",
    "sampling": """
        SELECT sampling_type, food_category, result, COUNT(*) FROM samplings
        WHERE deleted = 0 AND sample_date BETWEEN :s AND :j GROUP BY sampling_type, food_category, result""",
    "plan": "SELECT COUNT(*) FROM samplings WHERE deleted = 0 AND sample_date BETWEEN :y AND :j",
    "cases": """
        SELECT COUNT(*), SUM(disposal_closed_on <= :d) FROM samplings
        WHERE deleted = 0 AND result = 'fail' AND result_date BETWEEN :s AND :j""",
    "rapid": """
        SELECT item, SUM(batches), SUM(positives) FROM rapid_tests
        WHERE deleted = 0 AND test_date BETWEEN :s AND :j GROUP BY item""",
    "businesses": "SELECT id, region_id, form, high_risk, rest_days FROM businesses WHERE deleted = 0",
}


def _bare(path: Path) -> None:
    from msfood.domain.periods import week_key

    params = {
        "s": PERIOD_START.isoformat(), "j": JUDGED.isoformat(), "d": AS_OF.isoformat(),
        "y": f"{PERIOD_START.year}-01-01", "wk0": week_key(PERIOD_START + dt.timedelta(days=6)),
        "wk1": week_key(JUDGED - dt.timedelta(days=6)), "m0": "2026-10", "m1": "2026-10",
    }
    conn = sqlite3.connect(path)
    try:
        for sql in BASELINE.values():
            conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def prepare(scale: str, runs: int) -> dict[str, Any]:
    path = demo_db(scale)
    _bare(path)  # warm the page cache for both sides
    return {"db": str(path), "runs": runs}


def measure_baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    path = Path(ctx["db"])
    _bare(path)  # warm-up, as msfood's side gets one
    return best_of(ctx["runs"], lambda: _bare(path))


def measure_msfood(ctx: dict[str, Any]) -> dict[str, Any]:
    from msfood.db.engine import open_database
    from msfood.metrics import compute_stats

    database = open_database(Path(ctx["db"]))
    try:
        with database.sessions() as session:
            compute = lambda: compute_stats(session, period="2026Q4", as_of=AS_OF)  # noqa: E731
            stats = compute()  # warm-up: compiled statements, imports
            result = best_of(ctx["runs"], compute)
            result["due"] = stats.supervision.total.due
            return result
    finally:
        database.close()
