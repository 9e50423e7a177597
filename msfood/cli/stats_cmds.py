"""`msfood stats`: the figures of DOMAIN.md section 3 as JSON (INTERFACES.md section 3)."""

from __future__ import annotations

import argparse
import datetime as dt

from msfood.cli.common import acting_user, add_db, add_user, clock, open_db, print_json
from msfood.core.errors import Issue, ValidationError
from msfood.services.writing.permissions import READ


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("stats", help="the figures for a period as JSON")
    add_db(parser)
    add_user(parser)
    parser.add_argument("--period", required=True, help="2026-11-24, 2026-W48, 2026-11, 2026Q4, 2026H2, 2026")
    parser.add_argument("--as-of", default=None, help="YYYY-MM-DD (default: today in China)")
    parser.add_argument("--region", default=None, help="a division code: that region and all under it")
    parser.add_argument("--json", action="store_true", help="print JSON (the only output form)")
    parser.set_defaults(handler=run_stats)


def parse_as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError([Issue("value.not_date", "as_of", {"value": text})]) from None


def run_stats(args: argparse.Namespace) -> int:
    from msfood.domain.periods import parse_period
    from msfood.metrics import compute_stats

    period = parse_period(args.period)
    as_of = parse_as_of(args.as_of)
    now = clock()
    database = open_db(args)
    try:
        actor = acting_user(args, database, now)
        actor.require(READ)
        with database.readers() as session:
            # The JSON holds the figures alone: no drill-down rows to build.
            stats = compute_stats(
                session, period=period, as_of=as_of, region=args.region, clock=now, details=False
            )
    finally:
        database.close()
    print_json(stats.to_json())
    return 0
