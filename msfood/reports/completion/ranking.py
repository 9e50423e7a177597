"""The report's progress, counts and ranking (issue 14): progress labelled as progress while the
period runs (the final rate once it has ended), the counts bulletins publish, and the regions one
level below ranked on every figure with last period's rank and the change (进位/退位, ↑↓).

Every number comes from msfood.metrics (compute_stats, rank_all); this module only arranges them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from msfood.domain.enums import LEVEL, LEVEL_ORDER
from msfood.metrics.overview import RegionProgress
from msfood.metrics.ranking import Ranking
from msfood.metrics.results import Progress, Stats
from msfood.metrics.scope import Scope
from msfood.metrics.supervision import Duty
from msfood.metrics.trends import TREND_FIGURES, TrendPoint
from msfood.reports.completion.supervision import MAX_BARS, figures_table
from msfood.reports.document.format import Rate, percent
from msfood.reports.document.model import Bar, Column, ReportTable, Section
from msfood.reports.document.texts import Texts

RANKED = ("supervision", "coverage", "daily", "weekly", "monthly", "platform_use", "disposal")


def is_running(stats: Stats) -> bool:
    return stats.as_of < stats.period_end


def progress_headline(stats: Stats, tr: Texts) -> tuple[str, str, str]:
    """While P runs: 督导进度 in place of a blank 督导完成率."""
    progress = stats.supervision.progress
    return (
        tr("report.rk_progress_headline"),
        percent(progress.rate),
        tr("report.rk_progress_detail", met=progress.met, total=progress.total),
    )


def with_progress(headline: list[tuple[str, str, str]], stats: Stats, tr: Texts) -> list[tuple[str, str, str]]:
    """The supervision headline with its first entry (督导完成率) replaced by progress while P runs,
    and 督导次数 added."""
    rows = list(headline)
    if rows and is_running(stats):
        rows[0] = progress_headline(stats, tr)
    rows.append((tr("counts.visits"), str(stats.supervision.visits), tr("report.rk_visits_detail")))
    return rows


def progress_table(stats: Stats, tr: Texts) -> ReportTable:
    sup = stats.supervision
    columns = (
        Column(tr("report.col_level"), 2),
        Column(tr("report.rk_col_total"), 1.3, numeric=True),
        Column(tr("report.col_met"), 1.2, numeric=True),
        Column(tr("report.rk_col_left"), 1.2, numeric=True),
        Column(tr("report.rk_col_progress"), 1.2, numeric=True),
    )

    def cells(p: Progress) -> tuple[object, ...]:
        return (p.total, p.met, p.total - p.met, Rate(p.rate))

    rows = [(LEVEL.label(level, tr.lang), *cells(sup.progress_by_level.get(level, Progress()))) for level in LEVEL_ORDER]
    running = is_running(stats)
    return ReportTable(
        "supervision_progress",
        tr("report.rk_t_progress_running" if running else "report.rk_t_progress_ended"),
        columns, rows, total=(tr("report.total"), *cells(sup.progress)),
        note=tr("report.rk_note_progress_running" if running else "report.rk_note_progress_ended"),
    )


def counts_table(stats: Stats, tr: Texts) -> ReportTable:
    counts = stats.selfcheck.counts
    window = tr("report.span", start=stats.period_start.isoformat(), end=min(stats.period_end, stats.as_of).isoformat())
    rows = [
        (tr("counts.visits"), stats.supervision.visits, window, "supervision.visits"),
        (tr("counts.records_daily"), counts.daily, window, "selfcheck.records.daily"),
        (tr("counts.records_weekly"), counts.weekly, window, "selfcheck.records.weekly"),
        (tr("counts.records_monthly"), counts.monthly, window, "selfcheck.records.monthly"),
        (tr("counts.issues_found"), counts.issues_found, tr("report.rk_issues_detail"), "selfcheck.issues_found"),
    ]
    return figures_table("counts", tr("report.rk_t_counts"), rows, tr)


def change_cell(change: int | None, tr: Texts) -> str:
    if change is None:
        return "—"
    if change > 0:
        return tr("ranking.up", n=change)
    if change < 0:
        return tr("ranking.down", n=-change)
    return tr("ranking.same")


def figure_name(by: str, running: bool, tr: Texts) -> str:
    return tr("ranking.fig_supervision_progress" if by == "supervision" and running else f"ranking.fig_{by}")


def ranking_table(ranking: Ranking, running: bool, tr: Texts) -> ReportTable:
    figure = figure_name(ranking.by, running, tr)
    columns = (
        Column(tr("ranking.col_rank"), 0.8, numeric=True),
        Column(tr("ranking.col_code"), 1.6, nowrap=True),
        Column(tr("ranking.col_name"), 2.6),
        Column(figure, 1.3, numeric=True),
        Column(tr("ranking.col_share"), 1.5, numeric=True),
        Column(tr("ranking.col_previous"), 1.1, numeric=True),
        Column(tr("ranking.col_change"), 1.3),
    )
    rows = [
        (row.rank, row.code, row.name, Rate(row.rate), f"{row.numerator}/{row.denominator}", row.previous_rank,
         change_cell(row.change, tr))
        for row in ranking.rows
    ]
    note = tr("report.rk_note_ranking", previous=ranking.previous_period, previous_as_of=ranking.previous_as_of.isoformat())
    if running and ranking.by == "supervision":
        note += tr("ranking.note_progress")
    return ReportTable(
        f"ranking_{ranking.by}", tr("report.rk_t_ranking", figure=figure), columns, rows,
        note=note, empty=tr("report.rk_empty"),
    )


def all_figures_table(rankings: Mapping[str, Ranking], running: bool, tr: Texts) -> ReportTable:
    """One row per region: each figure's value and rank (with ↑↓ against last period)."""
    order = [row.code for row in rankings[RANKED[0]].rows]
    names = {row.code: row.name for row in rankings[RANKED[0]].rows}
    by_code = {by: {row.code: row for row in ranking.rows} for by, ranking in rankings.items()}
    columns = (
        Column(tr("ranking.col_name"), 2.2),
        *(Column(figure_name(by, running, tr), 1.5) for by in RANKED),
    )

    def cell(by: str, code: str) -> str:
        row = by_code[by][code]
        if row.rank is None:
            return "—"
        arrow = "" if not row.change else (f"↑{row.change}" if row.change > 0 else f"↓{-row.change}")
        return tr("report.rk_cell", rate=percent(row.rate), rank=row.rank) + arrow

    rows = [(names[code], *(cell(by, code) for by in RANKED)) for code in order]
    return ReportTable(
        "ranking_all", tr("report.rk_t_all"), columns, rows, note=tr("report.rk_note_all"), empty=tr("report.rk_empty"),
    )


def trends_table(points: Sequence[TrendPoint], tr: Texts) -> ReportTable:
    """Each figure month by month for the year so far (msfood.metrics.trends)."""
    columns = (
        Column(tr("report.rk_col_month"), 1.2, nowrap=True),
        Column(tr("report.rk_col_as_of"), 1.6, nowrap=True),
        *(Column(tr(f"report.rk_trend_{key}"), 1.3, numeric=True) for key in TREND_FIGURES),
    )
    rows = [(p.month, p.as_of, *(Rate(p.rates.get(key)) for key in TREND_FIGURES)) for p in points]
    return ReportTable("trends", tr("report.rk_t_trends"), columns, rows, note=tr("report.rk_note_trends"),
                       empty=tr("report.rk_empty_trends"))


def ranking_section(
    stats: Stats, rankings: Mapping[str, Ranking], tr: Texts, trends: Sequence[TrendPoint] = ()
) -> Section:
    running = is_running(stats)
    first = rankings[RANKED[0]]
    where = f"{first.region_name}（{first.region}）" if first.region else tr("ranking.region_all")
    tables = (
        ranking_table(first, running, tr),
        all_figures_table(rankings, running, tr),
        trends_table(trends, tr),
    )
    return Section("ranking", tr("report.rk_s_ranking", region=where), tables)


def with_progress_tables(
    section: Section, stats: Stats, tr: Texts, session: Session | None = None,
    regions: Sequence[tuple[str, str, object]] = (), chart_regions: Sequence[tuple[str, str, object]] = (),
) -> Section:
    """The supervision section with progress and the counts after its figures table; while the period
    runs (and given the session) its table and chart by region show progress instead of a rate that
    nothing is due for yet."""
    tables = list(section.tables)
    at = 1 if tables else 0
    tables[at:at] = [progress_table(stats, tr), counts_table(stats, tr)]
    section = replace(section, tables=tuple(tables))
    if session is None or not is_running(stats):
        return section
    from msfood.reports.reminders.content import cadre_progress, progress_by_cadre_table

    codes = [code for code, _name, _tally in regions]
    chart_codes = [code for code, _name, _tally in chart_regions]
    scope, duties_found = running_duties(session, stats)
    found = region_progress(session, stats, list(dict.fromkeys(codes + chart_codes)), (scope, duties_found))
    replaced = {
        "supervision_by_region": lambda tb: progress_region_table(
            tb, [found[c] for c in codes if c in found], stats, tr),
        "supervision_by_cadre": lambda tb: progress_by_cadre_table(cadre_progress(duties_found), tr),
    }
    tables = [replaced[tb.key](tb) if tb.key in replaced else tb for tb in section.tables]
    chart = section.chart
    if chart is not None:
        bars = tuple(Bar(found[c].name, found[c].progress.rate) for c in chart_codes if c in found and found[c].progress.total)
        overall = stats.supervision.progress.rate
        chart = replace(
            chart, title=tr("report.rk_chart_title"), bars=bars[:MAX_BARS], reference=overall,
            note=tr("report.rk_chart_note", rate=percent(overall)),
        )
    return replace(section, tables=tuple(tables), chart=chart, chart_after="supervision_progress_by_region")


def running_duties(session: Session, stats: Stats) -> tuple[Scope, list[Duty]]:
    """The report's scope and its duties (one set for the progress by region and by cadre)."""
    from msfood.domain.periods import parse_period
    from msfood.metrics.scope import load_scope
    from msfood.metrics.supervision import Roster, duties

    scope = load_scope(session, stats.region, names=False)
    return scope, duties(session, scope, parse_period(stats.period), stats.as_of, Roster(session))


def region_progress(
    session: Session, stats: Stats, codes: list[str], known: tuple[Scope, list[Duty]] | None = None
) -> dict[str, RegionProgress]:
    """Progress of each region named, from the report's scope and one set of duties (`known`: those
    already read by running_duties)."""
    from msfood.metrics.overview import progress_by_region

    scope, found = known or running_duties(session, stats)
    targets = [node.id for code in codes if (node := scope.tree.by_code(code)) is not None]
    return {row.code: row for row in progress_by_region(scope, found, targets)}


def progress_region_table(
    table: ReportTable, rows: Sequence[RegionProgress], stats: Stats, tr: Texts
) -> ReportTable:
    """The by-region table while the period runs: each region's obligations, met so far, progress."""
    columns = (
        table.columns[0], table.columns[1],
        Column(tr("report.rk_col_total"), 1.3, numeric=True),
        Column(tr("report.col_met"), 1.2, numeric=True),
        Column(tr("report.rk_col_left"), 1.2, numeric=True),
        Column(tr("report.rk_col_progress"), 1.2, numeric=True),
    )
    body = [(r.code, r.name, r.progress.total, r.progress.met, r.progress.total - r.progress.met, Rate(r.progress.rate))
            for r in rows]
    listed = sum((r.progress for r in rows), Progress())
    total = stats.supervision.progress
    if rows and listed != total:
        rest = Progress(total.total - listed.total, total.met - listed.met)
        body.append(("", tr("report.region_unlisted"), rest.total, rest.met, rest.total - rest.met, Rate(rest.rate)))
    return ReportTable(
        "supervision_progress_by_region", tr("report.rk_t_by_region", title=table.title), columns, body,
        total=(tr("report.total"), "", total.total, total.met, total.total - total.met, Rate(total.rate)) if body else None,
        note=tr("report.rk_note_progress_running"), empty=table.empty,
    )


def with_counts_table(section: Section, stats: Stats, tr: Texts) -> Section:
    """The self-check section with the counts after its figures table (a self-check-only report)."""
    tables = list(section.tables)
    tables[1:1] = [counts_table(stats, tr)]
    return replace(section, tables=tuple(tables))


def ranking_section_for(session: Session, stats: Stats, tr: Texts) -> Section:
    """The regions one level below the report's region (or the unit's own when it covers all), ranked
    on every figure for the same period and as-of date."""
    from msfood.metrics.ranking import rank_all
    from msfood.metrics.scope import RegionTree
    from msfood.metrics.trends import monthly_trends
    from msfood.services.setup.new_unit import unit_identity

    region = stats.region or unit_identity(session).region_code
    if not stats.region and region and RegionTree.load(session).by_code(region) is None:
        region = None  # the unit's own region is not in its tree (no regions loaded yet): rank the top
    rankings = rank_all(session, period=stats.period, as_of=stats.as_of, region=region, figures=RANKED)
    year = stats.period_start.year
    trends = monthly_trends(session, year=year, as_of=min(stats.as_of, dt.date(year, 12, 31)), region=stats.region)
    return ranking_section(stats, rankings, tr, trends)
