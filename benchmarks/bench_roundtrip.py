"""The export → import round trip at scale (issue 16): the county demo exported as the import workbook,
imported into a new database of the same unit, then compared: the records of every kind, and the
`stats` JSON of each quarter and of the year. Prints the timings; exits 1 when anything differs.

    .venv/bin/python -m benchmarks.bench_roundtrip [--scale county|station|city] [--keep DIR]

Not part of `python -m benchmarks` (it has no baseline to compare with: it checks that nothing is lost,
and says how long a county's whole ledger takes to move). The demo database is cached as the other
benchmarks' is (benchmarks/.cache); the workbook and the copy go to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.demo_data import TODAY, bench_clock, demo_db

PERIODS = tuple(f"{TODAY.year}Q{q}" for q in range(1, 5)) + (str(TODAY.year),)


def record_counts(path: Path) -> dict[str, int]:
    """Live records per table, for every table the import workbook carries."""
    from sqlalchemy import func, select

    from msfood.db.engine import open_database
    from msfood.db.models import (
        Assignment,
        Business,
        BusinessClosure,
        BusinessStatus,
        Cadre,
        Holiday,
        Problem,
        RapidTest,
        Region,
        Sampling,
        SamplingPlan,
        SelfCheck,
        Visit,
        VisitAnswer,
    )

    models = (Region, Business, BusinessStatus, BusinessClosure, Cadre, Assignment, Visit, VisitAnswer,
              Problem, SelfCheck, Sampling, RapidTest, SamplingPlan, Holiday)  # fmt: skip
    database = open_database(path)
    try:
        with database.sessions() as session:
            return {
                m.__tablename__: int(
                    session.scalar(select(func.count()).select_from(m).where(m.deleted.is_(False))) or 0
                )
                for m in models
            }
    finally:
        database.close()


def figures(path: Path) -> dict[str, Any]:
    """The `msfood stats --json` figures of each quarter and the year, as of the benchmarks' today."""
    from msfood.db.engine import open_database
    from msfood.metrics import compute_stats

    database = open_database(path)
    try:
        with database.sessions() as session:
            return {
                p: json.loads(json.dumps(compute_stats(session, period=p, as_of=TODAY.date(), details=False).to_json(),
                                         default=str))
                for p in PERIODS
            }  # fmt: skip
    finally:
        database.close()


def round_trip(source: Path, folder: Path, scale: str) -> dict[str, float]:
    """Export `source`, import it into a new database of the same unit; the seconds each step took."""
    from msfood.core.progress import drain
    from msfood.db.engine import open_database
    from msfood.demo.generator import prepare_demo_unit
    from msfood.services.writing.permissions import Actor
    from msfood.workbook.export import export_workbook
    from msfood.workbook.importer import import_workbook

    admin = Actor("admin", "admin")
    book, copy = folder / "export.xlsx", folder / "copy.sqlite"
    timings: dict[str, float] = {}
    database = open_database(source)
    try:
        started = time.perf_counter()
        drain(export_workbook(database, book, actor=admin))
        timings["export"] = time.perf_counter() - started
    finally:
        database.close()
    target = open_database(copy, create=True)
    try:
        prepare_demo_unit(target, scale=scale, clock=bench_clock())
        started = time.perf_counter()
        clock = bench_clock()
        drain(import_workbook(target, book, actor=admin, clock=clock))
        timings["import"] = time.perf_counter() - started
    finally:
        target.close()
    timings["workbook_mb"] = book.stat().st_size / 1e6
    return timings


def differences(before: dict[str, Any], after: dict[str, Any], where: str = "") -> list[str]:
    """Each path at which two JSON values differ (at most a few per branch)."""
    if isinstance(before, dict) and isinstance(after, dict):
        found: list[str] = []
        for key in sorted(set(before) | set(after), key=str):
            found += differences(before.get(key), after.get(key), f"{where}.{key}")
        return found
    return [] if before == after else [f"{where}: {before!r} → {after!r}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="export → import round trip of a demo database")
    parser.add_argument("--scale", default="county", choices=("station", "county", "city"))
    parser.add_argument("--keep", type=Path, help="keep the workbook and the copy in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="msfood-roundtrip-") as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["MSFOOD_HOME"] = str(folder / "home")  # the import's automatic backup goes here
        source = demo_db(args.scale)
        timings = round_trip(source, folder, args.scale)
        started = time.perf_counter()
        counts_before, counts_after = record_counts(source), record_counts(folder / "copy.sqlite")
        figures_before, figures_after = figures(source), figures(folder / "copy.sqlite")
        timings["compare"] = time.perf_counter() - started
    print(f"{args.scale} demo: {sum(counts_before.values()):,} records, workbook {timings['workbook_mb']:.1f} MB")
    print(f"  export {timings['export']:.1f} s, import {timings['import']:.1f} s, compare {timings['compare']:.1f} s")
    wrong = [f"{table}: {n:,} → {counts_after.get(table, 0):,}" for table, n in counts_before.items()
             if counts_after.get(table, 0) != n]  # fmt: skip
    wrong += differences(figures_before, figures_after)
    for line in wrong[:40]:
        print("  differs:", line)
    print("  the same records and figures" if not wrong else f"  {len(wrong)} differences")
    return 0 if not wrong else 1


if __name__ == "__main__":
    raise SystemExit(main())
