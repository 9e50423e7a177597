"""`msfood demo`: a new database file filled with deterministic, realistic demo data."""

from __future__ import annotations

import argparse
import sys

from msfood.cli.common import clock, print_json
from msfood.i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="create a database filled with deterministic demo data")
    parser.add_argument("--db", required=True, help="the new database file (must not exist yet)")
    parser.add_argument("--scale", choices=("station", "county", "city"), default="station",
                        help="station (~500 businesses), county (~5,000) or city (~50,000)")  # fmt: skip
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1): same seed, same data")
    parser.add_argument("--year", type=int, default=None, help="the year of data (default: this year)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from msfood.core.progress import Progress
    from msfood.demo import DEMO_ACCOUNTS, create_demo

    def show(progress: Progress) -> None:
        percent = round(100 * (progress.fraction or 0))
        print(t("demo.progress", percent=percent, label=progress.label), file=sys.stderr, flush=True)

    summary = create_demo(
        args.db,
        scale=args.scale,
        seed=args.seed,
        year=args.year,
        clock=clock(),
        progress=show if sys.stderr.isatty() else None,
    )
    if args.json:
        accounts = [{"username": u, "password": p, "role": r} for u, p, r in DEMO_ACCOUNTS]
        print_json({**summary.as_json(), "path": args.db, "accounts": accounts})
        return 0
    print(
        t(
            "demo.done",
            path=args.db,
            scale=t(f"demo.scale.{summary.scale}"),
            seed=summary.seed,
            first=summary.first_day.isoformat(),
            last=summary.last_day.isoformat(),
            total=f"{summary.total:,}",
            seconds=f"{summary.seconds:.1f}",
        )
    )
    print(t("demo.counts"))
    for table, count in summary.counts.items():
        print(f"  {table:<20} {count:>12,}")
    print(t("demo.accounts"))
    for username, password, role in DEMO_ACCOUNTS:
        print(f"  {username:<10} {password:<14} {role}")
    return 0
