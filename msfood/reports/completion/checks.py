"""The self-check (企业自查) and sampling (抽检、快检) sections: figures and tables from msfood.metrics."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from msfood.domain.defaults import FOOD_CATEGORIES
from msfood.domain.enums import RAPID_ITEMS, SAMPLING_TYPE, SELFCHECK_KIND
from msfood.metrics.results import CaseRow, ResultCounts, Stats
from msfood.reports.completion.supervision import figures_table
from msfood.reports.document.format import Rate, percent
from msfood.reports.document.model import Column, ReportTable, Section
from msfood.reports.document.texts import Texts

# --- self-checks -------------------------------------------------------------------------------------


def selfcheck_figures(stats: Stats, tr: Texts) -> ReportTable:
    sc = stats.selfcheck
    d, w, m = sc.daily, sc.weekly, sc.monthly
    rows = [
        (tr("report.fig_owing"), sc.owing, tr("report.detail_owing"), "selfcheck.owing"),
        (tr("report.fig_daily_rate"), Rate(d.rate), tr("report.detail_covered", covered=d.covered, n=sc.owing),
         "selfcheck.daily.rate"),
        (tr("report.fig_daily_covered"), d.covered, "", "selfcheck.daily.covered"),
        (tr("report.fig_record_days"), d.record_days,
         tr("report.detail_day_rate", rate=percent(d.day_rate)), "selfcheck.daily.record_days"),
        (tr("report.fig_operating_days"), d.operating_days, "", "selfcheck.daily.operating_days"),
        (tr("report.fig_weekly_rate"), Rate(w.rate), tr("report.detail_covered", covered=w.covered, n=w.applicable),
         "selfcheck.weekly.rate"),
        (tr("report.fig_weekly_applicable"), w.applicable, "", "selfcheck.weekly.applicable"),
        (tr("report.fig_weekly_covered"), w.covered, "", "selfcheck.weekly.covered"),
        (tr("report.fig_monthly_rate"), Rate(m.rate),
         tr("report.detail_covered", covered=m.covered, n=m.applicable), "selfcheck.monthly.rate"),
        (tr("report.fig_monthly_applicable"), m.applicable, "", "selfcheck.monthly.applicable"),
        (tr("report.fig_monthly_covered"), m.covered, "", "selfcheck.monthly.covered"),
        (tr("report.fig_platform_rate"), Rate(sc.platform_rate),
         tr("report.detail_active", active=sc.active, n=sc.owing), "selfcheck.platform_use.rate"),
        (tr("report.fig_platform_active"), sc.active, "", "selfcheck.platform_use.active"),
    ]
    return figures_table("selfcheck_figures", tr("report.t_sc_figures"), rows, tr)


def selfcheck_kinds_table(stats: Stats, tr: Texts) -> ReportTable:
    sc = stats.selfcheck
    columns = (
        Column(tr("report.col_kind"), 2),
        Column(tr("report.col_applicable"), 1.4, numeric=True),
        Column(tr("report.col_covered"), 1.4, numeric=True),
        Column(tr("report.col_rate"), 1.2, numeric=True),
        Column(tr("report.col_detail"), 4),
    )
    rows = [
        (SELFCHECK_KIND.label("daily", tr.lang), sc.owing, sc.daily.covered, Rate(sc.daily.rate),
         tr("report.detail_days", days=sc.daily.record_days, operating=sc.daily.operating_days,
            rate=percent(sc.daily.day_rate))),
        (SELFCHECK_KIND.label("weekly", tr.lang), sc.weekly.applicable, sc.weekly.covered, Rate(sc.weekly.rate),
         tr("report.detail_weekly")),
        (SELFCHECK_KIND.label("monthly", tr.lang), sc.monthly.applicable, sc.monthly.covered,
         Rate(sc.monthly.rate), tr("report.detail_monthly")),
        (tr("report.platform_use"), sc.owing, sc.active, Rate(sc.platform_rate), tr("report.detail_platform")),
    ]
    return ReportTable("selfcheck_by_kind", tr("report.t_sc_kinds"), columns, rows, note=tr("report.note_sc"))


# The gap kinds in the order people read them (the figures' order), not by their internal names.
GAP_ORDER = {"daily": 0, "weekly": 1, "monthly": 2, "platform": 3}


def gap_kind_label(kind: str, tr: Texts) -> str:
    return tr("report.platform_use") if kind == "platform" else SELFCHECK_KIND.label(kind, tr.lang)


# 日管控's gap detail is "recorded/operating" days ("57/68"), maybe followed by a note.
_DAYS = re.compile(r"^(\d+)/(\d+)(.*)$", re.DOTALL)


def gap_text(kind: str, detail: str, tr: Texts) -> str:
    """What is missing, as the lists say it: 缺 11 天 (with the days recorded and required beside it)."""
    if kind == "platform":
        return tr("excel_path.gap_platform")
    days = _DAYS.match(detail) if kind == "daily" else None
    if days is not None:
        present, required = int(days[1]), int(days[2])
        return tr("report.gap_daily", missing=max(required - present, 0), present=present,
                  required=required) + days[3]  # fmt: skip
    return tr(f"report.gap_{kind}", detail=detail)


def selfcheck_gaps_table(stats: Stats, region_names: dict[str, tuple[str, str]], tr: Texts, *, pdf: bool) -> ReportTable:
    columns = (
        Column(tr("report.col_no"), 0.8, numeric=True),
        Column(tr("report.col_business"), 3.4),
        Column(tr("report.col_region"), 2.2),
        Column(tr("report.col_kind"), 1.2),
        Column(tr("report.col_gap"), 4),
    )
    gaps = sorted(
        stats.selfcheck.gaps,
        key=lambda g: (region_names.get(g.region_id, ("", ""))[0], g.business_name,
                       GAP_ORDER.get(g.kind, len(GAP_ORDER)), g.kind),  # fmt: skip
    )
    rows = [
        (i, g.business_name, region_names.get(g.region_id, ("", ""))[1], gap_kind_label(g.kind, tr),
         gap_text(g.kind, g.detail, tr))
        for i, g in enumerate(gaps, start=1)
    ]
    return ReportTable(
        "selfcheck_gaps", tr("report.t_sc_gaps"), columns, rows, note=tr("report.note_sc_gaps"),
        pdf=pdf, empty=tr("report.empty_gaps"),
    )


def selfcheck_section(stats: Stats, region_names: dict[str, tuple[str, str]], tr: Texts, *, gaps_in_pdf: bool) -> Section:
    tables = (
        selfcheck_figures(stats, tr),
        selfcheck_kinds_table(stats, tr),
        selfcheck_gaps_table(stats, region_names, tr, pdf=gaps_in_pdf),
    )
    return Section("selfcheck", tr("report.s_selfcheck"), tables)


def selfcheck_headline(stats: Stats, tr: Texts) -> list[tuple[str, str, str]]:
    sc = stats.selfcheck
    return [
        (tr("report.fig_daily_rate"), percent(sc.daily.rate),
         tr("report.detail_covered", covered=sc.daily.covered, n=sc.owing)),
        (tr("report.fig_weekly_rate"), percent(sc.weekly.rate),
         tr("report.detail_covered", covered=sc.weekly.covered, n=sc.weekly.applicable)),
        (tr("report.fig_monthly_rate"), percent(sc.monthly.rate),
         tr("report.detail_covered", covered=sc.monthly.covered, n=sc.monthly.applicable)),
        (tr("report.fig_platform_rate"), percent(sc.platform_rate),
         tr("report.detail_active", active=sc.active, n=sc.owing)),
    ]


# --- sampling and rapid tests --------------------------------------------------------------------------


def sampling_figures(stats: Stats, tr: Texts) -> ReportTable:
    sa, c, disp, rapid = stats.sampling, stats.sampling.counts, stats.sampling.disposal, stats.rapid
    rows = [
        (tr("report.fig_batches"), c.batches, "", "sampling.batches"),
        (tr("report.fig_passed"), c.passed, "", "sampling.passed"),
        (tr("report.fig_failed"), c.failed, "", "sampling.failed"),
        (tr("report.fig_pending"), c.pending, "", "sampling.pending"),
        (tr("report.fig_failure_rate"), Rate(c.failure_rate), tr("report.detail_failure", failed=c.failed,
         known=c.passed + c.failed), "sampling.failure_rate"),
        _supervision_failure(sa, tr),
        (tr("report.fig_planned"), sa.planned, "", "sampling.planned"),
        (tr("report.fig_plan_rate"), Rate(sa.plan_rate),
         tr("report.detail_plan", done=sa.year_to_date, planned=sa.planned), "sampling.plan_rate"),
        (tr("report.fig_cases"), disp.cases, "", "sampling.disposal.cases"),
        (tr("report.fig_cases_closed"), disp.closed, "", "sampling.disposal.closed"),
        (tr("report.fig_cases_on_time"), disp.closed_on_time, "", "sampling.disposal.closed_on_time"),
        (tr("report.fig_cases_overdue"), disp.overdue, "", "sampling.disposal.overdue"),
        (tr("report.fig_rapid_batches"), rapid.batches, "", "rapid.batches"),
        (tr("report.fig_rapid_positive"), rapid.positive, "", "rapid.positive"),
    ]
    return figures_table("sampling_figures", tr("report.t_sa_figures"), rows, tr)


def _count_columns(tr: Texts, first: Column) -> tuple[Column, ...]:
    return (
        first,
        Column(tr("report.col_batches"), 1, numeric=True),
        Column(tr("report.col_passed"), 1, numeric=True),
        Column(tr("report.col_failed"), 1, numeric=True),
        Column(tr("report.col_pending"), 1, numeric=True),
        Column(tr("report.col_failure_rate"), 1.2, numeric=True),
    )


def _count_cells(c: ResultCounts) -> tuple[object, ...]:
    return (c.batches, c.passed, c.failed, c.pending, Rate(c.failure_rate))


def _ordered(keys: list[str], order: tuple[str, ...] | list[str]) -> list[str]:
    rank = {k: i for i, k in enumerate(order)}
    return sorted(keys, key=lambda k: (rank.get(k, len(rank)), k))


def by_type_table(stats: Stats, tr: Texts) -> ReportTable:
    sa = stats.sampling
    keys = _ordered(list(set(SAMPLING_TYPE.codes) | set(sa.by_type)), SAMPLING_TYPE.codes)
    rows = [(SAMPLING_TYPE.label(k, tr.lang), *_count_cells(sa.by_type.get(k, ResultCounts()))) for k in keys]
    return ReportTable(
        "sampling_by_type", tr("report.t_by_type"), _count_columns(tr, Column(tr("report.col_type"), 2.4)), rows,
        total=(tr("report.total"), *_count_cells(sa.counts)), note=tr("report.note_sampling"),
    )


def by_category_table(stats: Stats, tr: Texts) -> ReportTable:
    sa = stats.sampling
    keys = _ordered(list(sa.by_category), FOOD_CATEGORIES)
    rows = [(k, *_count_cells(sa.by_category[k])) for k in keys]
    return ReportTable(
        "sampling_by_category", tr("report.t_by_category"),
        _count_columns(tr, Column(tr("report.col_category"), 3)), rows,
        total=(tr("report.total"), *_count_cells(sa.counts)) if rows else None, empty=tr("report.empty_samples"),
    )


def case_status(case: CaseRow, as_of: dt.date, tr: Texts) -> str:
    if case.closed_on is not None:
        key = "report.case_closed" if case.closed_on <= case.deadline else "report.case_closed_late"
        return tr(key, date=case.closed_on.isoformat())
    left = case.days_left(as_of)
    if left < 0:
        return tr("report.case_overdue", days=-left)
    return tr("report.case_open", days=left)


def cases_table(stats: Stats, tr: Texts) -> ReportTable:
    columns = (
        Column(tr("report.col_sample_no"), 1.6, nowrap=True),
        Column(tr("report.col_business"), 2.4),
        Column(tr("report.col_sample"), 1.6),
        Column(tr("report.col_failed_items"), 1.8),
        Column(tr("report.col_received"), 1.55),
        Column(tr("report.col_retest_deadline"), 1.55),
        Column(tr("report.col_case_deadline"), 1.55),
        Column(tr("report.col_case_status"), 2.5),
        Column(tr("report.col_disposal"), 2),
    )
    rows = [
        (c.sample_no, c.business_name, c.sample_name, c.failed_items, c.received,
         tr("figures_rules.served_not_entered") if c.retest_deadline is None else c.retest_deadline,
         c.deadline,
         case_status(c, stats.as_of, tr), c.disposal)
        for c in stats.sampling.disposal.rows
    ]
    return ReportTable(
        "sampling_cases", tr("report.t_cases"), columns, rows, note=tr("report.note_cases"),
        empty=tr("report.empty_cases"),
    )


def rapid_table(stats: Stats, tr: Texts) -> ReportTable:
    rapid = stats.rapid
    keys = _ordered(list(rapid.by_item), RAPID_ITEMS)
    columns = (
        Column(tr("report.col_item"), 3),
        Column(tr("report.col_batches"), 1, numeric=True),
        Column(tr("report.col_positive"), 1, numeric=True),
    )
    rows = [(k, *rapid.by_item[k]) for k in keys]
    return ReportTable(
        "rapid_by_item", tr("report.t_rapid"), columns, rows,
        total=(tr("report.total"), rapid.batches, rapid.positive) if rows else None, empty=tr("report.empty_rapid"),
    )


def sampling_section(stats: Stats, tr: Texts) -> Section:
    tables = (sampling_figures(stats, tr), by_type_table(stats, tr), by_category_table(stats, tr),
              cases_table(stats, tr), rapid_table(stats, tr))
    return Section("sampling", tr("report.s_sampling"), tables)


def _supervision_failure(sa: Any, tr: Texts) -> tuple[str, Rate, str, str]:
    """The headline 监督抽检不合格率: 监督抽检 batches alone, as SAMR publishes it (DOMAIN.md section 3)."""
    s = sa.by_type.get("supervision", ResultCounts())
    detail = tr("report.detail_failure", failed=s.failed, known=s.passed + s.failed)
    label = tr("figures_rules.fig_supervision_failure_rate")
    return label, Rate(s.failure_rate), detail, "sampling.supervision.failure_rate"


def sampling_headline(stats: Stats, tr: Texts) -> list[tuple[str, str, str]]:
    sa = stats.sampling
    s = sa.by_type.get("supervision", ResultCounts())
    return [
        (tr("figures_rules.fig_supervision_failure_rate"), percent(s.failure_rate),
         tr("report.detail_failure", failed=s.failed, known=s.passed + s.failed)),
        (tr("report.fig_plan_rate"), percent(sa.plan_rate),
         tr("report.detail_plan", done=sa.year_to_date, planned=sa.planned)),
    ]
