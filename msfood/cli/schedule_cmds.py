"""`msfood schedule`: plan the open visits of a period over the working days left, save the plan, and
write it as a PDF per cadre, an .ics calendar or JSON (issue 14 item 6, msfood.planning)."""

from __future__ import annotations

import argparse
from pathlib import Path

from msfood.cli.common import acting_user, add_db, add_user, clock, open_db, print_json


def _suffixed(suffix: str):  # type: ignore[no-untyped-def]
    def parse(text: str) -> Path:
        from msfood.i18n import t

        path = Path(text).expanduser()
        if path.suffix.lower() != suffix:
            raise argparse.ArgumentTypeError(t("schedule.format_unknown", path=text))
        return path

    return parse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schedule",
        help="plan the open visits of a period (排期), save the plan, write it as PDF, .ics or JSON",
        description="Propose a working day for every visit still owed in the period (holidays and make-up "
        "days respected, one village a day, high-risk businesses first and on site), save the plan "
        "(entries edited in the app are kept) and write it.",
    )
    add_db(parser)
    add_user(parser)
    parser.add_argument(
        "--period", required=True, help="2026-11, 2026Q4, 2026H2, 2026 (the period to finish)"
    )
    parser.add_argument(
        "--as-of", default=None, help="YYYY-MM-DD (default: today in China); plans from the next day"
    )
    parser.add_argument("--region", default=None, help="a division code: that region and all under it")
    parser.add_argument("--cadre", default=None, metavar="PHONE", help="only this cadre (mobile number)")
    parser.add_argument(
        "--margin",
        type=int,
        default=None,
        metavar="N",
        help="finish N working days before the period ends (default: the setting, 5)",
    )
    parser.add_argument(
        "--per-day",
        type=int,
        default=None,
        metavar="N",
        help="at most N businesses a day for one cadre (default: the setting, 6)",
    )
    out = parser.add_mutually_exclusive_group(required=True)
    out.add_argument(
        "--out", type=_suffixed(".pdf"), help="write the schedule as PDF, a page group per cadre"
    )
    out.add_argument("--ics", type=_suffixed(".ics"), help="write the planned visits as an iCalendar file")
    out.add_argument("--json", action="store_true", help="print the schedule as JSON")
    parser.set_defaults(handler=run_schedule)


def run_schedule(args: argparse.Namespace) -> int:
    import sys

    from sqlalchemy import select

    from msfood.cli.stats_cmds import parse_as_of
    from msfood.core.errors import ValidationError
    from msfood.core.progress import drain
    from msfood.db.models import Cadre
    from msfood.domain.periods import parse_period
    from msfood.i18n import language, t
    from msfood.planning.output import percent, write_schedule_ics, write_schedule_pdf
    from msfood.planning.service import make_schedule
    from msfood.reports.document.texts import Texts

    period = parse_period(args.period)
    now = clock()
    as_of = parse_as_of(args.as_of) or now.today()
    phone = args.cadre.strip() if args.cadre else None
    database = open_db(args)
    try:
        actor = acting_user(args, database, now)
        with database.sessions.begin() as session:
            if phone and session.scalars(select(Cadre.id).where(Cadre.phone == phone)).first() is None:
                raise ValidationError("schedule.cadre_unknown", "cadre", phone=phone)
            schedule = drain(make_schedule(
                session, actor=actor, period=period, as_of=as_of, now=now.now(), region=args.region,
                cadre_phone=phone, margin=args.margin, per_day=args.per_day,
            ))  # fmt: skip
            if args.out:
                path = drain(write_schedule_pdf(session, schedule, args.out, clock=now, lang=language()))
            elif args.ics:
                path = write_schedule_ics(schedule, args.ics, now=now.now(), lang=language())
    finally:
        database.close()
    if args.json:
        print_json(schedule.to_json())
        return 0
    tr = Texts(language())
    landing = schedule.landing
    print(
        t(
            "schedule.summary",
            period=period.key,
            as_of=as_of.isoformat(),
            visits=len(schedule.entries),
            met=landing.met,
            total=landing.total,
            rate=percent(landing.rate, tr),
        )
    )
    if schedule.unplanned:
        print(t("schedule.summary_short", n=len(schedule.unplanned)), file=sys.stderr)
    if schedule.unknown_years:
        print(
            t("schedule.holidays_unknown", years="、".join(map(str, schedule.unknown_years))), file=sys.stderr
        )
    print(t("schedule.written", path=str(path)))
    return 0
