"""The dashboard's first paint on a county or city database (issue 14: under 1 s on the city demo),
against a bare Qt window, as `bench_startup` measures it on the station demo.

    .venv/bin/python -m benchmarks --only dash [--scale city]

The same child as bench_startup (a fresh interpreter: QApplication, open the database, sign in, the
main window on the dashboard, events until the dashboard page has painted with every tile laid out,
their figures still being computed on a worker) on the demo database of the scale asked for; the
figures arriving later are measured by bench_stats (`stats_quarter_with_lists`). `tiles` counts the
tiles the page painted with.
"""

from __future__ import annotations

from typing import Any

from benchmarks import bench_startup
from benchmarks.demo_data import demo_db

NAME = "dashboard_first_paint"
TARGET = {"seconds": {"county": 1.0, "city": 1.0}}

# The dashboard's tiles at the first paint, added to the child's report.
CHILD = bench_startup.CHILD.replace(
    '"page": type(page).__name__}',
    '"page": type(page).__name__, "tiles": sum(1 for t in page.tiles.values() if t.isVisible())}',
)


def prepare(scale: str, runs: int) -> dict[str, Any]:
    return {"db": str(demo_db(scale)), "runs": max(runs, 3)}


def measure_msfood(ctx: dict[str, Any]) -> dict[str, Any]:
    result = bench_startup._runs(CHILD, ctx)
    if not result.get("tiles"):
        raise RuntimeError("the dashboard painted without its tiles")
    return result


def measure_baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    return bench_startup._runs(bench_startup.BARE, ctx)
