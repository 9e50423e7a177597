"""The dashboard's first paint on a county or city database (issue 14: under 1 s on the city demo),
against a bare Qt window, as `bench_startup` measures it on the station demo.

    .venv/bin/python -m benchmarks --only dash [--scale city]

The same child as bench_startup (a fresh interpreter: QApplication, open the database, sign in, the
main window on the dashboard, events until the dashboard page has painted with a value in every tile)
on the demo database of the scale asked for. The runs share one copy of the database: the warm-up
run computes the figures and keeps them (msfood.metrics.figures_cache), the timed runs paint them
from there (`cached`) while the fresh figures are computed again on a worker, as a user's second
start does; the fresh figures are measured by bench_stats (`stats_quarter_with_lists`).
`first_paint` is the first paint and `valued_at_first_paint` whether every tile had its value then
(the clock stops there when it had); `tiles` counts the tiles painted.
"""

from __future__ import annotations

from typing import Any

from benchmarks import bench_startup
from benchmarks.demo_data import demo_db

NAME = "dashboard_first_paint"
TARGET = {"seconds": {"county": 1.0, "city": 1.0}}

# The filter also notes whether every tile already had a value when the dashboard first painted (the
# figures read from the cache before the paint): the clock stops there. Else, past the first paint,
# events until every tile shows a value and that has painted (the clock stops there). The tiles
# counted, the first paint, whether it had every value and whether the figures came from the cache
# are added to the child's report.
VALUED = """
def valued():
    return all(t.value() not in ("…", "") for t in page.tiles.values())
"""
WAIT_FOR_VALUES = """
first_paint = time.perf_counter() - wall0
if not PaintCount.valued_at_first:
    while not valued() and time.perf_counter() - wall0 < 60:
        app.processEvents()
    PaintCount.painted = 0
    page.update()
    while not PaintCount.painted and time.perf_counter() - wall0 < 60:
        app.processEvents()
"""
CHILD = (
    bench_startup.CHILD.replace("counter = PaintCount()", VALUED + "counter = PaintCount()")
    .replace(
        "            PaintCount.painted += 1",
        "            PaintCount.painted += 1\n"
        "            if PaintCount.painted == 1:\n"
        "                PaintCount.valued_at_first = valued()",
    )
    .replace("    painted = 0\n", "    painted = 0\n    valued_at_first = False\n")
    .replace(
        "wall, cpu, main_cpu = time.perf_counter() - wall0",
        WAIT_FOR_VALUES + "wall, cpu, main_cpu = time.perf_counter() - wall0",
    )
    .replace(
        '"page": type(page).__name__}',
        '"page": type(page).__name__, "tiles": sum(1 for t in page.tiles.values() if t.isVisible()),'
        ' "valued": valued(), "first_paint": first_paint, "valued_at_first_paint": PaintCount.valued_at_first,'
        ' "cached": page.cached is not None}',
    )
)


def prepare(scale: str, runs: int) -> dict[str, Any]:
    return {"db": str(demo_db(scale)), "runs": max(runs, 3)}


def measure_msfood(ctx: dict[str, Any]) -> dict[str, Any]:
    result = bench_startup._runs(CHILD, ctx)
    if not result.get("tiles") or not result.get("valued"):
        raise RuntimeError("the dashboard painted without a value in every tile")
    return result


def measure_baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    return bench_startup._runs(bench_startup.BARE, ctx)
