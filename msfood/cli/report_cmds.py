"""`msfood report` (the completion report; the 督导任务单, 督导提醒 and 通报 with --kind tasks, reminders,
bulletin) and `msfood notice`
(整改通知书 for one visit): PDF or XLSX by the output file's name (INTERFACES.md section 1)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from msfood.cli.common import acting_user, add_db, add_user, clock, open_db

REPORT_KINDS = ("all", "supervision", "selfcheck", "sampling", "tasks", "reminders", "bulletin")


def _out_file(*suffixes: str):  # type: ignore[no-untyped-def]
    """An --out path whose name ends in one of `suffixes` (else a usage error, exit 2)."""

    def parse(text: str) -> Path:
        from msfood.i18n import t

        path = Path(text).expanduser()
        if path.suffix.lower() not in suffixes:
            raise argparse.ArgumentTypeError(t("report.format_unknown", path=text, formats=" ".join(suffixes)))
        return path

    return parse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="the completion report (PDF or XLSX), or with --kind tasks each cadre's visit task list",
        description="Write the completion report for a period: --out F.pdf or F.xlsx. --kind tasks writes "
        "the 督导任务单 (each cadre's visits due in the period) instead, --kind reminders the 督导提醒 (each "
        "cadre's visits still owed), --kind bulletin the 通报 (PDF: progress, ranking, who is behind).",
    )
    add_db(parser)
    add_user(parser)
    parser.add_argument("--period", required=True, help="2026-11-24, 2026-W48, 2026-11, 2026Q4, 2026H2, 2026")
    parser.add_argument("--as-of", default=None, help="YYYY-MM-DD (default: today in China)")
    parser.add_argument("--region", default=None, help="a division code: that region and all under it")
    parser.add_argument("--kind", default="all", choices=REPORT_KINDS, help="what the report covers (default all)")
    parser.add_argument("--cadre", default=None, metavar="PHONE",
                        help="with --kind tasks or reminders: only this cadre")
    parser.add_argument(
        "--by", default="cadre", choices=("cadre", "township"),
        help="with --kind reminders: a page per cadre, or a group per township (default cadre)",
    )
    parser.add_argument("--font", default=None, choices=("sans", "song"),
                        help="body font of a PDF (default: the report_font setting, else sans)")
    parser.add_argument("--out", required=True, type=_out_file(".pdf", ".xlsx"), help="the file to write: *.pdf or *.xlsx")
    parser.set_defaults(handler=run_report)

    notice = subparsers.add_parser(
        "notice", help="the rectification notice (整改通知书) for one visit's problems, as PDF"
    )
    add_db(notice)
    add_user(notice)
    notice.add_argument("--visit", required=True, help="the visit's id (or a unique prefix of 8+ characters)")
    notice.add_argument("--font", default=None, choices=("sans", "song"), help="body font (default: the setting)")
    notice.add_argument("--out", required=True, type=_out_file(".pdf"), help="the PDF file to write")
    notice.set_defaults(handler=run_notice)


def _font_note(session, font: str | None, out: Path) -> None:  # type: ignore[no-untyped-def]
    from msfood.reports.writers.documents import body_font

    if out.suffix.lower() == ".pdf":
        note = body_font(session, font).note
        if note:
            print(note, file=sys.stderr)


def run_report(args: argparse.Namespace) -> int:
    from msfood.cli.stats_cmds import parse_as_of
    from msfood.core.progress import drain
    from msfood.domain.periods import parse_period
    from msfood.i18n import language, t
    from msfood.reports.writers.circulars import write_bulletin, write_reminders
    from msfood.reports.writers.documents import write_report, write_tasks

    period = parse_period(args.period)
    as_of = parse_as_of(args.as_of)
    out = args.out
    now = clock()
    database = open_db(args)
    try:
        actor = acting_user(args, database, now)
        with database.readers() as session:
            _font_note(session, args.font, out)
            common = dict(actor=actor, period=period, out=out, as_of=as_of, region=args.region, clock=now,
                          lang=language(), font=args.font)
            if args.kind == "tasks":
                path = drain(write_tasks(session, cadre_phone=args.cadre, **common))  # type: ignore[arg-type]
            elif args.kind == "reminders":
                path = drain(write_reminders(
                    session, cadre_phone=args.cadre, by=args.by, **common  # type: ignore[arg-type]
                ))
            elif args.kind == "bulletin":
                path = drain(write_bulletin(session, **common))  # type: ignore[arg-type]
            else:
                path = drain(write_report(session, kind=args.kind, **common))  # type: ignore[arg-type]
    finally:
        database.close()
    print(t("report.written", path=str(path)))
    return 0


def run_notice(args: argparse.Namespace) -> int:
    from msfood.core.progress import drain
    from msfood.i18n import language, t
    from msfood.reports.writers.documents import write_notice

    out = args.out
    now = clock()
    database = open_db(args)
    try:
        actor = acting_user(args, database, now)
        with database.readers() as session:
            _font_note(session, args.font, out)
            path = drain(write_notice(session, actor=actor, visit_id=args.visit, out=out, clock=now,
                                      lang=language(), font=args.font))
    finally:
        database.close()
    print(t("report.written", path=str(path)))
    return 0
