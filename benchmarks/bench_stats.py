"""The figures for a quarter (msfood.metrics.compute_stats, in process) against bare SQL.

    .venv/bin/python -m benchmarks --only stats [--scale city]

Target (issue 14): at most 1.3 x the bare SQL aggregates for the same figures (one plain GROUP BY
query per figure, no ORM, below), and under 1 s on the city demo. Both sides run on the same database
file with a warm page cache, each in its own process after one warm-up; the best of `runs` is kept.

Two rows: `stats_quarter` is what `msfood stats` computes (the figures alone, `details=False`), the
comparison the target names; `stats_quarter_with_lists` is what the dashboard and the reports
compute, the same figures and every drill-down row (obligations, self-check gaps, overdue problems)
with the businesses' names, against the same baseline, which builds no rows at all.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from benchmarks.demo_data import TODAY, demo_db
from benchmarks.harness import best_of

NAME = "stats_quarter"
TARGET = {"ratio": 1.3, "seconds": {"city": 1.0}}
PERIOD_START, PERIOD_END = dt.date(2026, 10, 1), dt.date(2026, 12, 31)
AS_OF = TODAY.date()
JUDGED = min(PERIOD_END, AS_OF)

def popcount(x: str) -> str:
    """The set bits of a 32-bit value, in SQL (SQLite has no bit-count function)."""
    a = f"({x} - (({x} >> 1) & 1431655765))"
    b = f"(({a} & 858993459) + (({a} >> 2) & 858993459))"
    return f"(((({b} + ({b} >> 4)) & 252645135) * 16843009) >> 24 & 255)"


# a rollup month's days in the window
WINDOW = "CASE month WHEN :m0 THEN :mask0 WHEN :m1 THEN :mask1 WHEN :m2 THEN :mask2 ELSE 0 END"
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
    # The self-check figures from the rollups the schema keeps (msfood.db.rollups), as msfood reads
    # them: the best hand-written SQL on this schema, with the bit count done in SQL. One pass gives
    # each business's 日管控 days and its records of each kind (a kind's days: at most one a day).
    "daily": f"""
        SELECT business_id, SUM({popcount("d")}), SUM({popcount("w")}), SUM({popcount("m")}) FROM (
            SELECT business_id, daily & {WINDOW} AS d, weekly & {WINDOW} AS w, monthly & {WINDOW} AS m
            FROM selfcheck_days WHERE month BETWEEN :m0 AND :m2)
        GROUP BY business_id""",
    "weekly": """
        SELECT COUNT(*) FROM selfcheck_periods WHERE year = :year AND weeks & :weeks = :weeks""",
    "monthly": """
        SELECT COUNT(*) FROM selfcheck_periods WHERE year = :year AND months & :months = :months""",
    "platform": """
        SELECT COUNT(DISTINCT business_id) FROM selfcheck_days WHERE month BETWEEN :m0 AND :m2
          AND dated & CASE month WHEN :m0 THEN :mask0 WHEN :m1 THEN :mask1 WHEN :m2 THEN :mask2 ELSE 0 END <> 0""",
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
    # The counts bulletins publish (issue 14): visits, self-check records by kind and their issues.
    "visit_count": """
        SELECT business_id, COUNT(*) FROM visits WHERE deleted = 0 AND visit_date BETWEEN :s AND :j
        GROUP BY business_id""",
    # (the records of each kind come with "daily"), and the issues found from the records that found
    # any, through their partial index (migration 0005).
    "issues": """
        SELECT business_id, SUM(issues_found) FROM selfchecks
        WHERE deleted = 0 AND issues_found > 0 AND record_date BETWEEN :s AND :j GROUP BY business_id""",
}


def _params() -> dict[str, Any]:
    params: dict[str, Any] = {
        "s": PERIOD_START.isoformat(), "j": JUDGED.isoformat(), "d": AS_OF.isoformat(),
        "y": f"{PERIOD_START.year}-01-01", "year": str(PERIOD_START.year),
    }
    weeks = months = 0
    day = PERIOD_START  # (a quarter inside one ISO year: 2026Q4)
    for n in range(3):  # the quarter's months, each masked to the days up to the judging day
        first = dt.date(PERIOD_START.year, PERIOD_START.month + n, 1)
        last = min(JUDGED, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1))
        params[f"m{n}"] = first.strftime("%Y-%m")
        params[f"mask{n}"] = ((1 << ((last - first).days + 1)) - 1) if last >= first else 0
        if (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1) <= JUDGED:
            months |= 1 << (first.month - 1)
    while day <= JUDGED:  # ISO weeks ending in the quarter up to the judging day
        if day.isoweekday() == 7:
            weeks |= 1 << (day.isocalendar().week - 1)
        day += dt.timedelta(days=1)
    params["weeks"], params["months"] = weeks, months
    return params


def _bare(path: Path) -> None:
    params = _params()
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
            def compute(details: bool) -> Any:
                return compute_stats(session, period="2026Q4", as_of=AS_OF, details=details)

            stats = compute(False)  # warm-up: compiled statements, imports
            result = best_of(ctx["runs"], lambda: compute(False))
            compute(True)
            lists = best_of(ctx["runs"], lambda: compute(True))
            result["due"] = stats.supervision.total.due + stats.supervision.total.open
            result["lists_wall"], result["lists_cpu"] = lists["wall"], lists["cpu"]
            shown = lists["value"]
            result["lists_rows"] = len(shown.supervision.obligations) + len(shown.selfcheck.gaps)
            return result
    finally:
        database.close()


def rows(ours: dict[str, Any], bare: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The figures alone (the target), and with the drill-down rows (shown beside it)."""
    result = {}
    for name, wall, cpu in (
        (NAME, ours["wall"], ours["cpu"]),
        (f"{NAME}_with_lists", ours["lists_wall"], ours["lists_cpu"]),
    ):
        result[name] = {
            "msfood_s": wall,
            "baseline_s": bare["wall"],
            "ratio": wall / bare["wall"] if bare["wall"] else None,
            "peak_mb": ours["peak_mb"],
            "msfood_cpu_s": cpu,
            "baseline_cpu_s": bare["cpu"],
            "cpu_ratio": cpu / bare["cpu"] if bare["cpu"] else None,
            "baseline_peak_mb": bare["peak_mb"],
            "obligations_counted": ours["due"],
        }
    result[f"{NAME}_with_lists"].update(
        drill_down_rows=ours["lists_rows"], target="(dashboard, reports)", verdict="shown beside"
    )
    return result
