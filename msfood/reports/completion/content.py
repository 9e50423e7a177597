"""Assemble a completion report's content from the figures: the sections a kind asks for, the headline,
the print's identity and fingerprint. No figure is computed here; they all come from msfood.metrics.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood import __version__
from msfood.core.clock import CHINA, Clock
from msfood.core.errors import ValidationError
from msfood.db.models import Region
from msfood.domain.identifiers import division_level
from msfood.domain.periods import parse_period
from msfood.metrics import supervision_by_cadre, supervision_by_region
from msfood.metrics.results import Stats, Tally
from msfood.reports.appendix.content import appendix_for, rule_info
from msfood.reports.completion.checks import (
    sampling_headline,
    sampling_section,
    selfcheck_headline,
    selfcheck_section,
)
from msfood.reports.completion.ranking import (
    ranking_section_for,
    with_counts_table,
    with_progress,
    with_progress_tables,
)
from msfood.reports.completion.supervision import MAX_BARS, supervision_headline, supervision_section
from msfood.reports.document.model import Headline, ReportContent, Section, fingerprint, period_label
from msfood.reports.document.texts import Texts

KINDS = ("all", "supervision", "selfcheck", "sampling")


def _level(code: str) -> str | None:
    try:
        return division_level(code)
    except ValueError:
        return None


def region_names(session: Session) -> dict[str, tuple[str, str]]:
    """Region id -> (code, name), to show where a listed business is."""
    return {
        row.id: (row.code, row.name)
        for row in session.execute(select(Region.id, Region.code, Region.name).where(Region.deleted.is_(False)))
    }


def level_word(level: str | None, tr: Texts) -> str:
    return tr(f"report.division_{level}") if level else tr("report.division_region")


def region_rows(
    session: Session, stats: Stats
) -> tuple[list[tuple[str, str, Tally]], str | None, list[tuple[str, str, Tally]], str | None]:
    """The table's regions (children of the asked region, or the townships) and the chart's (townships
    when there are at most MAX_BARS of them under a county or city, else the table's), with their levels."""
    if stats.region:
        table = supervision_by_region(session, stats)
    else:
        table = supervision_by_region(session, stats, level="township")
        if not table:
            table = supervision_by_region(session, stats)
    table_level = _level(table[0][0]) if table else None
    chart, chart_level = table, table_level
    if table_level in ("province", "city", "county"):
        townships = supervision_by_region(session, stats, level="township")
        if 0 < len([r for r in townships if r[2].due]) <= MAX_BARS:
            chart, chart_level = townships, "township"
    return table, table_level, chart, chart_level


def unit_of(session: Session) -> tuple[str, str]:
    from msfood.services.setup.new_unit import unit_identity

    unit = unit_identity(session)
    return unit.name, unit.code


def region_label(stats: Stats, tr: Texts) -> str:
    if stats.region:
        return f"{stats.region_name}（{stats.region}）"
    return tr("report.region_all")


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError("report.kind_unknown", "kind", kind=kind, kinds=" | ".join(KINDS))
    return kind


def build_content(
    session: Session, stats: Stats, *, kind: str = "all", clock: Clock | None = None, lang: str | None = None,
    ranking: bool = True,
) -> ReportContent:
    """The report's content; without `ranking` (the reports page's preview of the headline) the
    ranking and trends section, which judges the regions below and the previous period, is left out."""
    tr = Texts(lang)
    check_kind(kind)
    names = region_names(session)
    table, table_level, chart, chart_level = region_rows(session, stats)
    cadres = supervision_by_cadre(stats)
    sections: list[Section] = []
    headline: list[tuple[str, str, str]] = []
    if kind in ("all", "supervision"):
        sections.append(
            supervision_section(
                stats, regions=table, region_level=level_word(table_level, tr), chart_regions=chart,
                chart_level=level_word(chart_level, tr), cadres=cadres, region_names=names, tr=tr,
            )
        )
        headline += with_progress(supervision_headline(stats, tr), stats, tr)
        sections[-1] = with_progress_tables(sections[-1], stats, tr, session, table, chart)
    if kind in ("all", "selfcheck"):
        sections.append(selfcheck_section(stats, names, tr, gaps_in_pdf=kind == "selfcheck"))
        if kind == "selfcheck":
            sections[-1] = with_counts_table(sections[-1], stats, tr)
        headline += selfcheck_headline(stats, tr)
    if kind in ("all", "sampling"):
        sections.append(sampling_section(stats, tr))
        headline += sampling_headline(stats, tr)
    if ranking and kind in ("all", "supervision", "selfcheck"):
        sections.append(ranking_section_for(session, stats, tr))
    unit_name, unit_code = unit_of(session)
    made_at = (clock or Clock()).now().astimezone(CHINA)
    return ReportContent(
        title=tr(f"report.title_{kind}"),
        unit_name=unit_name,
        unit_code=unit_code,
        region_label=region_label(stats, tr),
        period_label=period_label(parse_period(stats.period), lang),
        as_of=stats.as_of,
        made_at=made_at.replace(tzinfo=None),
        version=__version__,
        fingerprint=fingerprint(stats, table, cadres),
        headline=tuple(Headline(*h) for h in headline),
        sections=tuple(sections),
        lang=lang,
        extra_info=((tr("report.info_kind"), tr(f"report.kind_{kind}")), rule_info(session, stats, lang)),
        appendix=appendix_for(kind, lang),
    )

