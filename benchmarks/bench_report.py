"""Timing of the completion report (not a test): how long a county's quarterly PDF and XLSX take.

    .venv/bin/python benchmarks/bench_report.py [--businesses 3000] [--no-daily] [--keep DIR]

Builds (once, cached under --keep) a station database with a county's data, then times:
compute_stats alone; the PDF and the XLSX reports end to end; and, as the yardstick for long lists,
reportlab laying out the same tables as plain chunked LongTables without msfood around it. Targets
(ISSUE 5): county quarterly PDF < 3 s; PDF <= 1.5 x (figures + reportlab's own layout).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.county_data import build_county  # noqa: E402
from msfood.clock import CHINA, FixedClock  # noqa: E402
from msfood.db.engine import open_database  # noqa: E402
from msfood.progress import drain  # noqa: E402
from msfood.services.permissions import Actor  # noqa: E402
from msfood.services.unit_of_work import unit_of_work  # noqa: E402

CLOCK = FixedClock(dt.datetime(2027, 1, 5, 9, 0, tzinfo=CHINA).astimezone(dt.UTC))
ACTOR = Actor("admin", "admin")


def database(folder: Path, businesses: int, daily: bool) -> Path:
    from msfood.services.setup import initialise

    path = folder / f"county-{businesses}-{'daily' if daily else 'nodaily'}.sqlite"
    if path.exists():
        return path
    started = time.perf_counter()
    db = open_database(path, create=True)
    try:
        initialise(db, code="430211-01", name="天元区市场监督管理局", clock=CLOCK, region_code="430211",
                   bureau=False, admin_username="admin", admin_password="bench-pass-1")
        with unit_of_work(db.sessions, clock=CLOCK) as uow:
            counts = build_county(uow, businesses=businesses, daily=daily)
    finally:
        db.close()
    print(f"built {path.name} in {time.perf_counter() - started:.1f} s: {counts}")
    return path


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - started
    print(f"{label:<44} {elapsed:7.2f} s")
    return result, elapsed


def reportlab_alone(content, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The same tables, plain strings in chunked LongTables, straight through SimpleDocTemplate."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

    from msfood.reports.format import show
    from msfood.reports.fonts import sans_font
    from msfood.reports.model import ROW_CHUNK

    font = sans_font().name
    story = []
    for table in content.tables(pdf=True):
        n = table.pdf_columns or len(table.columns)
        header = [c.label for c in table.columns[:n]]
        rows = [[show(v) for v in row[:n]] for row in table.rows]
        for start in range(0, max(len(rows), 1), ROW_CHUNK):
            story.append(LongTable([header, *rows[start : start + ROW_CHUNK]], repeatRows=1,
                                   style=TableStyle([("FONT", (0, 0), (-1, -1), font, 8.5),
                                                     ("GRID", (0, 0), (-1, -1), 0.4, "grey")])))
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--businesses", type=int, default=3000)
    parser.add_argument("--no-daily", action="store_true", help="no 日管控 rows (fast to build, for big runs)")
    parser.add_argument("--period", default="2026Q4")
    parser.add_argument("--as-of", default="2026-12-31")
    parser.add_argument("--keep", default=str(Path(tempfile.gettempdir()) / "msfood-bench"))
    args = parser.parse_args()
    folder = Path(args.keep)
    folder.mkdir(parents=True, exist_ok=True)
    path = database(folder, args.businesses, not args.no_daily)
    as_of = dt.date.fromisoformat(args.as_of)

    from msfood.metrics import compute_stats
    from msfood.reports.content import build_content
    from msfood.reports.service import write_report

    db = open_database(path)
    try:
        with db.sessions() as session:
            stats, t_stats = timed("compute_stats", lambda: compute_stats(session, period=args.period, as_of=as_of))
            print(f"  obligations due {stats.supervision.total.due}, missed {stats.supervision.total.missed}, "
                  f"owing self-checks {stats.selfcheck.owing}")
            content, _ = timed("build_content (tables)", lambda: build_content(session, stats, clock=CLOCK))
            _, t_alone = timed("reportlab alone, same tables", lambda: reportlab_alone(content, folder / "alone.pdf"))
            _, t_pdf = timed("report PDF end to end", lambda: drain(write_report(
                session, actor=ACTOR, period=args.period, as_of=as_of, out=folder / "report.pdf", clock=CLOCK)))
            _, t_xlsx = timed("report XLSX end to end", lambda: drain(write_report(
                session, actor=ACTOR, period=args.period, as_of=as_of, out=folder / "report.xlsx", clock=CLOCK)))
            _, t_tasks = timed("task lists PDF", lambda: drain(__import__("msfood.reports.service", fromlist=["x"])
                               .write_tasks(session, actor=ACTOR, period=args.period, as_of=as_of,
                                            out=folder / "tasks.pdf", clock=CLOCK)))
    finally:
        db.close()
    budget = 1.5 * (t_stats + t_alone)
    print(f"PDF {t_pdf:.2f} s vs 1.5 x (figures + reportlab alone) = {budget:.2f} s: "
          f"{'ok' if t_pdf <= budget else 'OVER'}; county target 3 s: {'ok' if t_pdf < 3 else 'OVER'}")
    print(f"files in {folder}")


if __name__ == "__main__":
    main()
