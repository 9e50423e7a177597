"""The figures for a quarter (msfood.metrics.compute_stats, in process) against bare SQL.

    .venv/bin/python -m benchmarks.bench_stats [--scale city] [--runs 3]

Target (Foundation): at most 1.5 x the bare SQL aggregates for the same figures (one plain GROUP BY
query per figure, no ORM, below), and under 1 s on the city demo. Both sides run on the same database
file with a warm page cache; the best of `runs` is kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import time
from pathlib import Path

from benchmarks.demo_data import TODAY, demo_db

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
        WHERE kind != 'daily' AND record_date BETWEEN :s AND :j AND deleted = 0""",
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


def baseline(path: Path) -> float:
    from msfood.domain.periods import week_key

    params = {
        "s": PERIOD_START.isoformat(), "j": JUDGED.isoformat(), "d": AS_OF.isoformat(),
        "y": f"{PERIOD_START.year}-01-01", "wk0": week_key(PERIOD_START + dt.timedelta(days=6)),
        "wk1": week_key(JUDGED - dt.timedelta(days=6)), "m0": "2026-10", "m1": "2026-10",
    }
    conn = sqlite3.connect(path)
    try:
        started = time.perf_counter()
        for sql in BASELINE.values():
            conn.execute(sql, params).fetchall()
        return time.perf_counter() - started
    finally:
        conn.close()


def msfood_stats(path: Path) -> tuple[float, dict]:  # type: ignore[type-arg]
    from msfood.db.engine import open_database
    from msfood.metrics import compute_stats

    database = open_database(path)
    try:
        with database.sessions() as session:
            started = time.perf_counter()
            stats = compute_stats(session, period="2026Q4", as_of=AS_OF)
            return time.perf_counter() - started, stats.to_json()
    finally:
        database.close()


def measure(scale: str = "city", runs: int = 3) -> dict[str, dict[str, float]]:
    path = demo_db(scale)
    baseline(path)  # warm the page cache for both
    ours = min(msfood_stats(path)[0] for _ in range(runs))
    bare = min(baseline(path) for _ in range(runs))
    return {"stats_quarter": {"msfood_s": ours, "baseline_s": bare, "ratio": ours / bare}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="city", choices=("station", "county", "city"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for name, row in measure(args.scale, args.runs).items():
        print(f"{name:<20} msfood {row['msfood_s']:.3f}s  baseline {row['baseline_s']:.3f}s  "
              f"ratio {row['ratio']:.2f}")


if __name__ == "__main__":
    main()
