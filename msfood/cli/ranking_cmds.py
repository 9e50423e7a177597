"""`msfood ranking`: the regions one level below R ranked on one figure (INTERFACES.md section 4)."""

from __future__ import annotations

import argparse
import unicodedata

from msfood.cli.common import acting_user, add_db, add_user, clock, open_db, print_json
from msfood.i18n import t
from msfood.services.writing.permissions import READ

FIGURE_CHOICES = ("supervision", "coverage", "daily", "weekly", "monthly", "platform_use", "disposal")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ranking", help=t("ranking.help"))
    add_db(parser)
    add_user(parser)
    parser.add_argument("--period", required=True, help="2026-11, 2026Q4, 2026H2, 2026 ...")
    parser.add_argument("--as-of", default=None, help="YYYY-MM-DD (default: today in China)")
    parser.add_argument("--region", default=None, help="a division code (default: the unit's own region)")
    parser.add_argument("--by", default="supervision", help=" | ".join(FIGURE_CHOICES) + " (default supervision)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(handler=run_ranking)


def run_ranking(args: argparse.Namespace) -> int:
    from msfood.cli.stats_cmds import parse_as_of
    from msfood.domain.periods import parse_period
    from msfood.metrics.ranking import check_figure, rank_regions
    from msfood.services.setup.new_unit import unit_identity

    period = parse_period(args.period)
    as_of = parse_as_of(args.as_of)
    by = check_figure(args.by)
    now = clock()
    database = open_db(args)
    try:
        actor = acting_user(args, database, now)
        actor.require(READ)
        with database.readers() as session:
            region = args.region if args.region is not None else unit_identity(session).region_code
            ranking = rank_regions(session, period=period, as_of=as_of, region=region, by=by, clock=now)
    finally:
        database.close()
    if args.json:
        print_json(ranking.to_json())
    else:
        print(format_table(ranking))
    return 0


def figure_label(by: str, running: bool, lang: str | None = None) -> str:
    if by == "supervision" and running:
        return t("ranking.fig_supervision_progress", lang)
    return t(f"ranking.fig_{by}", lang)


def change_text(change: int | None, lang: str | None = None) -> str:
    if change is None:
        return t("ranking.none", lang)
    if change > 0:
        return t("ranking.up", lang, n=change)
    if change < 0:
        return t("ranking.down", lang, n=-change)
    return t("ranking.same", lang)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def format_table(ranking, lang: str | None = None) -> str:  # type: ignore[no-untyped-def]
    """The ranking as a plain text table, Chinese headers by default, columns aligned for CJK."""
    from msfood.reports.document.format import percent

    running = ranking.as_of < parse_end(ranking.period)
    region = ranking.region_name and f"{ranking.region_name}（{ranking.region}）" or t("ranking.region_all", lang)
    lines = [
        t("ranking.title", lang, region=region, figure=figure_label(ranking.by, running, lang),
          period=ranking.period, as_of=ranking.as_of.isoformat(), previous=ranking.previous_period,
          previous_as_of=ranking.previous_as_of.isoformat())
    ]
    if not ranking.rows:
        lines.append(t("ranking.empty", lang, region=region))
        return "\n".join(lines)
    none = t("ranking.none", lang)
    headers = [t(f"ranking.col_{c}", lang) for c in ("rank", "code", "name", "rate", "share", "previous", "change")]
    body = [
        [
            str(row.rank) if row.rank is not None else none, row.code, row.name, percent(row.rate),
            f"{row.numerator}/{row.denominator}",
            str(row.previous_rank) if row.previous_rank is not None else none, change_text(row.change, lang),
        ]
        for row in ranking.rows
    ]
    widths = [max(_width(r[i]) for r in [headers, *body]) for i in range(len(headers))]
    numeric = {0, 3, 4, 5}
    for cells in [headers, *body]:
        lines.append("  ".join(_pad(c, w, i in numeric) for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip())
    if any(row.rank is None for row in ranking.rows):
        lines.append(t("ranking.note_no_figure", lang))
    if running and ranking.by == "supervision":
        lines.append(t("ranking.note_progress", lang))
    return "\n".join(lines)


def parse_end(period_key: str):  # type: ignore[no-untyped-def]
    from msfood.domain.periods import parse_period

    return parse_period(period_key).end
