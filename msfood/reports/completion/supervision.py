"""The supervision section (督导): its figures, tables by region, by cadre level and by cadre, the chart
of 督导完成率 by township, the missed obligations and the problems past their deadline.

Every number is read from msfood.metrics; this module only arranges and labels them.
"""

from __future__ import annotations

from collections.abc import Sequence

from msfood.domain.enums import LEVEL, LEVEL_ORDER, PROBLEM_STATUS
from msfood.metrics.results import CadreRef, Stats, Tally
from msfood.reports.document.format import Rate, percent
from msfood.reports.document.model import Bar, Chart, Column, ReportTable, Section
from msfood.reports.document.texts import Texts

MAX_BARS = 40


def figure_columns(tr: Texts) -> tuple[Column, ...]:
    return (
        Column(tr("report.col_figure"), 3),
        Column(tr("report.col_value"), 1.3, numeric=True),
        Column(tr("report.col_detail"), 4),
        Column(tr("report.col_json_key"), 2),
    )


def figures_table(key: str, title: str, rows: list[tuple[object, ...]], tr: Texts) -> ReportTable:
    return ReportTable(key, title, figure_columns(tr), rows, pdf_columns=3)


def tally_columns(tr: Texts, first: list[Column]) -> tuple[Column, ...]:
    return (
        *first,
        Column(tr("report.col_due"), 1, numeric=True),
        Column(tr("report.col_met"), 1, numeric=True),
        Column(tr("report.col_missed"), 1, numeric=True),
        Column(tr("report.col_open"), 1, numeric=True),
        Column(tr("report.col_rate"), 1.1, numeric=True),
    )


def tally_cells(tally: Tally) -> tuple[object, ...]:
    return (tally.due, tally.met, tally.missed, tally.open, Rate(tally.rate))


def supervision_figures(stats: Stats, tr: Texts) -> ReportTable:
    sup = stats.supervision
    total, cov, prob = sup.total, sup.coverage, sup.problems
    rows = [
        (tr("report.fig_sup_rate"), Rate(total.rate), tr("report.detail_met_due", met=total.met, due=total.due),
         "supervision.rate"),
        (tr("report.fig_sup_due"), total.due, tr("report.detail_due"), "supervision.due"),
        (tr("report.fig_sup_met"), total.met, "", "supervision.met"),
        (tr("report.fig_sup_missed"), total.missed, "", "supervision.missed"),
        (tr("report.fig_sup_open"), total.open, tr("report.detail_open"), "supervision.open"),
        (tr("report.fig_coverage_rate"), Rate(cov.rate),
         tr("report.detail_coverage", guaranteed=cov.guaranteed, operating=cov.operating),
         "supervision.coverage.rate"),
        (tr("report.fig_operating"), cov.operating, "", "supervision.coverage.operating"),
        (tr("report.fig_guaranteed"), cov.guaranteed, "", "supervision.coverage.guaranteed"),
        (tr("report.fig_problems_found"), prob.found, "", "supervision.problems.found"),
        (tr("report.fig_problems_rate"), Rate(prob.rate),
         tr("report.detail_problems", closed=prob.closed, due=prob.due), "supervision.problems.rate"),
        (tr("report.fig_problems_due"), prob.due, "", "supervision.problems.due"),
        (tr("report.fig_problems_closed"), prob.closed, "", "supervision.problems.closed"),
    ]
    return figures_table("supervision_figures", tr("report.t_sup_figures"), rows, tr)


def by_region_table(
    regions: Sequence[tuple[str, str, Tally]], level_label: str, total: Tally, tr: Texts
) -> ReportTable:
    """The regions' tallies, then (when some businesses sit directly in the asked region, outside every
    listed one) a row for them, so the rows add up to the total, which is the metrics' own."""
    columns = tally_columns(tr, [Column(tr("report.col_region_code"), 1.6, nowrap=True), Column(level_label, 3)])
    rows = [(code, name, *tally_cells(tally)) for code, name, tally in regions]
    listed = sum((tally for _c, _n, tally in regions), Tally())
    if regions and listed != total:
        rest = Tally(total.due - listed.due, total.met - listed.met, total.open - listed.open)
        rows.append(("", tr("report.region_unlisted"), *tally_cells(rest)))
    return ReportTable(
        "supervision_by_region", tr("report.t_by_region", level=level_label), columns, rows,
        total=(tr("report.total"), "", *tally_cells(total)) if rows else None,
        note=tr("report.note_by_region"), empty=tr("report.empty_regions"),
    )


def by_level_table(stats: Stats, tr: Texts) -> ReportTable:
    sup = stats.supervision
    columns = tally_columns(tr, [Column(tr("report.col_level"), 2)])
    rows = [(LEVEL.label(level, tr.lang), *tally_cells(sup.by_level.get(level, Tally()))) for level in LEVEL_ORDER]
    return ReportTable(
        "supervision_by_level", tr("report.t_by_level"), columns, rows,
        total=(tr("report.total"), *tally_cells(sup.total)), note=tr("report.note_by_level"),
    )


def by_cadre_table(cadres: Sequence[tuple[CadreRef, Tally]], tr: Texts) -> ReportTable:
    columns = tally_columns(
        tr, [Column(tr("report.col_cadre"), 1.6), Column(tr("report.col_phone"), 1.8, nowrap=True),
             Column(tr("report.col_level"), 1)],
    )
    rows = [(c.name, c.phone, LEVEL.label(c.level, tr.lang), *tally_cells(tally)) for c, tally in cadres]
    return ReportTable(
        "supervision_by_cadre", tr("report.t_by_cadre"), columns, rows,
        note=tr("report.note_by_cadre"), empty=tr("report.empty_cadres"),
    )


def missed_table(stats: Stats, region_names: dict[str, tuple[str, str]], tr: Texts) -> ReportTable:
    columns = (
        Column(tr("report.col_no"), 0.8, numeric=True),
        Column(tr("report.col_cadre"), 1.6),
        Column(tr("report.col_phone"), 1.9),
        Column(tr("report.col_business"), 3.4),
        Column(tr("report.col_level"), 0.9),
        Column(tr("report.col_region"), 2.2),
        Column(tr("report.col_rule_period"), 1.4, nowrap=True),
        Column(tr("report.col_visits"), 1.3, numeric=True),
        Column(tr("report.col_last_visit"), 1.8),
    )
    level_rank = {level: i for i, level in enumerate(LEVEL_ORDER)}
    missed = sorted(
        stats.supervision.missed(),
        key=lambda o: (region_names.get(o.region_id, ("", ""))[0], o.business_name, level_rank.get(o.level, 9),
                       o.period_key),
    )
    rows = [
        (
            i,
            "、".join(c.name for c in o.cadres),
            "、".join(c.phone for c in o.cadres),
            o.business_name,
            LEVEL.label(o.level, tr.lang),
            region_names.get(o.region_id, ("", ""))[1],
            o.period_key,
            f"{o.visits}/{o.required}",
            o.last_visit,
        )
        for i, o in enumerate(missed, start=1)
    ]
    return ReportTable(
        "supervision_missed", tr("report.t_missed"), columns, rows,
        note=tr("report.note_missed", n=stats.supervision.total.missed), empty=tr("report.empty_missed"),
    )


def overdue_problems_table(stats: Stats, tr: Texts) -> ReportTable:
    columns = (
        Column(tr("report.col_no"), 0.8, numeric=True),
        Column(tr("report.col_business"), 3),
        Column(tr("report.col_visit_date"), 1.8),
        Column(tr("report.col_cadre"), 1.4),
        Column(tr("report.col_problem"), 4),
        Column(tr("report.col_deadline"), 1.8),
        Column(tr("report.col_status"), 1.4),
    )
    rows = [
        (i, p.business_name, p.visit_date, p.cadre_name, p.description, p.deadline,
         PROBLEM_STATUS.label(p.status, tr.lang))
        for i, p in enumerate(stats.supervision.problems.overdue, start=1)
    ]
    return ReportTable(
        "supervision_overdue_problems", tr("report.t_overdue_problems"), columns, rows,
        note=tr("report.note_overdue_problems"), empty=tr("report.empty_overdue_problems"),
    )


def completion_bars(
    regions: Sequence[tuple[str, str, Tally]], level_label: str, tr: Texts, *, total: Tally | None = None
) -> Chart:
    """The regions with obligations due, in table order (at most MAX_BARS). The overall rate quoted and
    drawn is the report's own (`total`, the headline's): the regions shown may leave out businesses
    registered directly in the region above them."""
    with_due = [(name, tally) for _code, name, tally in regions if tally.due]
    bars = tuple(Bar(name, tally.rate) for name, tally in with_due[:MAX_BARS])
    overall = (total if total is not None else sum((t for _c, _n, t in regions), Tally())).rate
    note = tr("report.chart_note", rate=percent(overall))
    if len(with_due) > MAX_BARS:
        note += tr("report.chart_more", shown=MAX_BARS, total=len(with_due))
    return Chart(tr("report.chart_title", level=level_label), bars, note, overall)


def supervision_section(
    stats: Stats,
    *,
    regions: Sequence[tuple[str, str, Tally]],
    region_level: str,
    chart_regions: Sequence[tuple[str, str, Tally]],
    chart_level: str,
    cadres: Sequence[tuple[CadreRef, Tally]],
    region_names: dict[str, tuple[str, str]],
    tr: Texts,
) -> Section:
    tables = (
        supervision_figures(stats, tr),
        by_region_table(regions, region_level, stats.supervision.total, tr),
        by_level_table(stats, tr),
        by_cadre_table(cadres, tr),
        missed_table(stats, region_names, tr),
        overdue_problems_table(stats, tr),
    )
    return Section(
        "supervision", tr("report.s_supervision"), tables,
        chart=completion_bars(chart_regions, chart_level, tr, total=stats.supervision.total),
        chart_after="supervision_by_region",
    )


def supervision_headline(stats: Stats, tr: Texts) -> list[tuple[str, str, str]]:
    sup = stats.supervision
    return [
        (tr("report.fig_sup_rate"), percent(sup.total.rate),
         tr("report.detail_met_due", met=sup.total.met, due=sup.total.due)),
        (tr("report.fig_coverage_rate"), percent(sup.coverage.rate),
         tr("report.detail_coverage", guaranteed=sup.coverage.guaranteed, operating=sup.coverage.operating)),
        (tr("report.fig_problems_rate"), percent(sup.problems.rate),
         tr("report.detail_problems", closed=sup.problems.closed, due=sup.problems.due)),
    ]
