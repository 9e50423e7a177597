"""The ranking of the regions one level below the unit's (msfood.metrics.ranking.rank_regions, the
townships of the county demo, the counties of the city demo) against one `msfood stats` of that
region (compute_stats, details=False), in the same run.

    .venv/bin/python -m benchmarks --only ranking [--scale city]

Target (issue 14): the ranking of all the regions below at most 2 x one stats of the region above,
which the ranking can only reach by reading the data once and splitting it among the regions (one
stats per region would cost as many times one stats as there are regions). The ranking also judges
the previous period (on the figure ranked, as of that period's end). Both sides run on the same
database file with a warm page cache, each in its own process after one warm-up; best of `runs`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.bench_stats import AS_OF
from benchmarks.demo_data import demo_db
from benchmarks.harness import best_of

NAME = "ranking_quarter"
TARGET = {"ratio": 2.0}
PERIOD = "2026Q4"


def _region(path: Path) -> str | None:
    from msfood.db.engine import open_database
    from msfood.services.setup.new_unit import unit_identity

    database = open_database(path)
    try:
        with database.sessions() as session:
            return unit_identity(session).region_code
    finally:
        database.close()


def prepare(scale: str, runs: int) -> dict[str, Any]:
    path = demo_db(scale)
    return {"db": str(path), "runs": runs, "region": _region(path)}


def measure_msfood(ctx: dict[str, Any]) -> dict[str, Any]:
    from msfood.db.engine import open_database
    from msfood.metrics.ranking import rank_regions

    database = open_database(Path(ctx["db"]))
    try:
        with database.sessions() as session:
            def rank() -> Any:
                return rank_regions(session, period=PERIOD, as_of=AS_OF, region=ctx["region"])

            ranking = rank()  # warm-up
            result = best_of(ctx["runs"], rank)
            result["regions_ranked"] = len(ranking.rows)
            result.pop("value", None)
            return result
    finally:
        database.close()


def measure_baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    """One `msfood stats` of the region above, the figures alone."""
    from msfood.db.engine import open_database
    from msfood.metrics import compute_stats

    database = open_database(Path(ctx["db"]))
    try:
        with database.sessions() as session:
            def stats() -> Any:
                return compute_stats(session, period=PERIOD, as_of=AS_OF, region=ctx["region"], details=False)

            stats()  # warm-up
            result = best_of(ctx["runs"], stats)
            result.pop("value", None)
            return result
    finally:
        database.close()
