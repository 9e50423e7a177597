"""What a report holds, independent of PDF or XLSX: titled tables of plain values, a chart's bars, the
headline figures and the identity of the print (unit, region, period, as-of date, time, version,
fingerprint). The PDF and the workbook are both rendered from one ReportContent, so they show the same
tables with the same figures.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from msfood.domain.periods import Period
from msfood.i18n import is_english, t
from msfood.metrics.results import CadreRef, Stats, Tally

# How long tables are split when laid out as plain LongTables (the benchmark's yardstick); the report
# itself lays tables out a window of rows at a time (msfood.reports.pdf.tables.RowsTable), in linear time.
ROW_CHUNK = 500


@dataclass(frozen=True)
class Column:
    label: str
    weight: float = 1.0  # share of the PDF table width
    numeric: bool = False  # right-aligned, never wrapped
    nowrap: bool = False  # codes, phones, dates: the column is made wide enough instead


@dataclass(frozen=True)
class ReportTable:
    key: str  # stable: names the sheet's purpose for scripts and tests
    title: str  # heading in the PDF, sheet name in the workbook
    columns: tuple[Column, ...]
    rows: Sequence[tuple[Any, ...]]  # str, int, Rate, date or None
    total: tuple[Any, ...] | None = None  # a closing 合计 row
    note: str = ""  # shown under the heading
    pdf: bool = True  # False: in the workbook only (very long drill-down lists)
    pdf_columns: int | None = None  # the PDF shows only the first n columns (the workbook all)
    empty: str = ""  # shown instead of an empty table


@dataclass(frozen=True)
class Bar:
    label: str
    rate: float | None


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    note: str = ""
    reference: float | None = None  # the overall rate: a dashed line; bars below it are red


@dataclass(frozen=True)
class Section:
    key: str  # supervision | selfcheck | sampling
    title: str
    tables: tuple[ReportTable, ...]
    chart: Chart | None = None
    chart_after: str = ""  # the key of the table the chart follows


@dataclass(frozen=True)
class Headline:
    label: str
    value: str  # as printed (66.7%, 12)
    detail: str = ""


@dataclass(frozen=True)
class ReportContent:
    title: str
    unit_name: str
    unit_code: str
    region_label: str
    period_label: str
    as_of: dt.date
    made_at: dt.datetime
    version: str
    fingerprint: str
    headline: tuple[Headline, ...] = ()
    sections: tuple[Section, ...] = ()
    lang: str | None = None
    extra_info: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    appendix: tuple[Any, ...] = ()  # 指标口径 rows (msfood.reports.appendix.methodology.AppendixRow)

    def tables(self, *, pdf: bool = False) -> list[ReportTable]:
        return [tb for s in self.sections for tb in s.tables if tb.pdf or not pdf]

    def info_rows(self) -> list[tuple[str, str]]:
        lang = self.lang
        return [
            (t("report.info_unit", lang), f"{self.unit_name}（{self.unit_code}）"),
            (t("report.info_region", lang), self.region_label),
            (t("report.info_period", lang), self.period_label),
            (t("report.info_as_of", lang), self.as_of.isoformat()),
            (t("report.info_made_at", lang), self.made_at.strftime("%Y-%m-%d %H:%M")),
            (t("report.info_version", lang), f"msfood {self.version}"),
            (t("report.info_fingerprint", lang), self.fingerprint),
            *self.extra_info,
        ]


_ZH_NUMBERS = "一二三四"


def period_label(period: Period, lang: str | None = None) -> str:
    """2026年第二季度（2026-04-01 至 2026-06-30）; English: 2026Q2 (2026-04-01 to 2026-06-30)."""
    span = t("report.span", lang, start=period.start.isoformat(), end=period.end.isoformat())
    if is_english(lang):
        return f"{period.key} {span}"
    start = period.start
    name = {
        "day": f"{start.year}年{start.month}月{start.day}日",
        "week": f"{period.year}年第{start.isocalendar().week}周",
        "month": f"{start.year}年{start.month}月",
        "quarter": f"{start.year}年第{_ZH_NUMBERS[(start.month - 1) // 3]}季度",
        "half": f"{start.year}年{'上' if start.month == 1 else '下'}半年",
        "year": f"{start.year}年",
    }.get(period.kind, period.key)
    return f"{name}{span}"


def _tally(tally: Tally) -> list[int]:
    return [tally.due, tally.met, tally.open]


def fingerprint(
    stats: Stats,
    regions: Sequence[tuple[str, str, Tally]],
    cadres: Sequence[tuple[CadreRef, Tally]],
) -> str:
    """SHA-256 over the figures (stats JSON) and every row a report lists, first 16 hex digits.

    Independent of the language, the report kind and the time of printing: two prints of the same
    data for the same arguments carry the same fingerprint; any change to a listed row changes it.
    """
    sup, sc, sa = stats.supervision, stats.selfcheck, stats.sampling
    payload = {
        "stats": stats.to_json(),
        "regions": [[code, name, *_tally(tally)] for code, name, tally in regions],
        "cadres": [[c.id, c.name, c.phone, c.level, *_tally(tally)] for c, tally in cadres],
        "obligations": [
            [o.business_id, o.business_name, o.address, o.level, o.period_key, o.required, o.visits, o.due,
             o.last_visit, [c.id for c in o.cadres]]
            for o in sup.obligations
        ],
        "problems": [
            [p.problem_id, p.business_name, p.cadre_name, p.visit_date, p.description, p.deadline, p.status]
            for p in sup.problems.overdue
        ],
        "gaps": [[g.business_id, g.business_name, g.kind, g.detail] for g in sc.gaps],
        "day_rate": sc.daily.day_rate,
        "by_type": sorted([k, c.batches, c.passed, c.failed, c.pending] for k, c in sa.by_type.items()),
        "by_category": sorted([k, c.batches, c.passed, c.failed, c.pending] for k, c in sa.by_category.items()),
        "year_to_date": sa.year_to_date,
        "cases": [
            [c.sample_no, c.business_name, c.sample_name, c.failed_items, c.received, c.deadline,
             c.retest_deadline, c.closed_on, c.disposal]
            for c in sa.disposal.rows
        ],
        "rapid": sorted([item, n, p] for item, (n, p) in stats.rapid.by_item.items()),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
