"""通报 as PDF: title, addressees, a summary paragraph, the ranking, the townships and cadres behind,
and what is asked of them, signed with the unit and the date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer

from msfood.core.progress import Progress
from msfood.reports.bulletin.content import Bulletin, behind_cadres_table, behind_regions_table
from msfood.reports.completion.ranking import figure_name, ranking_table
from msfood.reports.document.format import percent
from msfood.reports.document.texts import Texts
from msfood.reports.papers.pdf import _decor, _zh_date
from msfood.reports.pdf.pages import Styles, build_pdf, make_styles, para
from msfood.reports.pdf.tables import table_flowables


def bulletin_title(bulletin: Bulletin, period_name: str, tr: Texts) -> str:
    return tr("bulletin.title" if bulletin.running else "bulletin.title_ended", period=period_name)


def summary_text(bulletin: Bulletin, *, period_name: str, tr: Texts) -> str:
    p, lang = bulletin.progress, tr.lang
    region = bulletin.region_name or tr("report.region_all")
    common = dict(
        as_of=_zh_date(bulletin.as_of, lang),
        region=region,
        period=period_name,
        total=p.total,
        met=p.met,
        rate=percent(p.rate),
        left=p.total - p.met,
    )
    if not bulletin.running:
        return tr("bulletin.summary_ended", **common)
    per_day = bulletin.pace.per_workday
    return tr(
        "bulletin.summary_running",
        days=bulletin.pace.days_left,
        workdays=bulletin.pace.workdays_left,
        pace="—" if per_day is None else f"{per_day:.1f}",
        **common,
    )


def ranked_level(bulletin: Bulletin, tr: Texts) -> str:
    """What the ranked regions are, by their codes: 乡镇（街道） under a county, 村（社区） under a
    township."""
    from msfood.domain.identifiers import division_level
    from msfood.reports.completion.content import level_word

    for row in bulletin.ranking.rows:
        try:
            return level_word(division_level(row.code), tr)
        except ValueError:
            continue
    return level_word("township", tr)


def bulletin_story(
    bulletin: Bulletin, styles: Styles, *, unit_name: str, period_name: str, issued: dt.date, tr: Texts
) -> list[Flowable]:
    lang = tr.lang
    plain = ParagraphStyle("plain", parent=styles.body, firstLineIndent=0)
    right = ParagraphStyle("right", parent=styles.body, alignment=TA_RIGHT, firstLineIndent=0)
    figure = figure_name("supervision", bulletin.running, tr)
    overall = percent(bulletin.progress.rate)
    level = ranked_level(bulletin, tr)
    story: list[Flowable] = [
        para(unit_name, styles.subtitle),
        para(bulletin_title(bulletin, period_name, tr), styles.title),
        Spacer(1, 8),
        para(tr("bulletin.to", level=level), plain),
        para(summary_text(bulletin, period_name=period_name, tr=tr), styles.body),
        para(tr("bulletin.h_ranking", level=level), styles.h1),
    ]
    ranked = ranking_table(bulletin.ranking, bulletin.running, tr)
    if bulletin.ranking.rows:
        story += table_flowables(ranked, styles)
    else:
        story.append(para(tr("bulletin.empty_ranking"), styles.body))
    story.append(para(tr("bulletin.h_regions", level=level), styles.h1))
    if bulletin.behind_regions:
        story.append(
            para(tr("bulletin.regions_intro", level=level, figure=figure, rate=overall), styles.body)
        )
        story += table_flowables(behind_regions_table(bulletin, tr), styles)
    else:
        story.append(para(tr("bulletin.regions_none", level=level, figure=figure, rate=overall), styles.body))
    story.append(para(tr("bulletin.h_cadres"), styles.h1))
    if bulletin.behind_cadres:
        story.append(
            para(
                tr("bulletin.cadres_intro", n=len(bulletin.behind_cadres), all=bulletin.cadres_behind),
                styles.body,
            )
        )
        story += table_flowables(behind_cadres_table(bulletin, tr), styles)
    else:
        story.append(para(tr("bulletin.cadres_none"), styles.body))
    closing = (
        tr("bulletin.closing_running", level=level, end=_zh_date(bulletin.period.end, lang))
        if bulletin.running
        else tr("bulletin.closing_ended", level=level)
    )
    story += [
        para(tr("bulletin.h_closing"), styles.h1),
        para(closing, styles.body),
        Spacer(1, 24),
        KeepTogether([para(unit_name, right), para(_zh_date(issued, lang), right)]),
    ]
    return story


def render_bulletin_pdf(
    bulletin: Bulletin,
    path: Path,
    font: str,
    *,
    unit_name: str,
    period_name: str,
    made_at: dt.datetime,
    version: str,
    lang: str | None,
) -> Generator[Progress, None, None]:
    tr = Texts(lang)
    styles = make_styles(font)
    story = bulletin_story(
        bulletin, styles, unit_name=unit_name, period_name=period_name, issued=made_at.date(), tr=tr
    )
    title = bulletin_title(bulletin, period_name, tr)
    decor = _decor(font, f"{unit_name} · {title}", made_at, version, bulletin.fingerprint(), lang)
    yield from build_pdf(path, story, decor, title=title, author=unit_name, subject=period_name)
