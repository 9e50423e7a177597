"""督导提醒 as PDF: a page group per cadre, or per township with its cadres one after another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from msfood.core.progress import Progress
from msfood.domain.enums import LEVEL
from msfood.reports.document.texts import Texts
from msfood.reports.papers.pdf import _decor, _fields
from msfood.reports.pdf.pages import Styles, build_pdf, make_styles, para
from msfood.reports.pdf.tables import table_flowables
from msfood.reports.reminders.content import CadreReminder, Reminders, open_table, progress_text


def _days_left(found: Reminders, tr: Texts) -> str:
    if not found.running:
        return tr("reminders.period_ended")
    return tr("reminders.days_left_value", days=found.pace.days_left, workdays=found.pace.workdays_left)


def _period_fields(found: Reminders, period_label: str, tr: Texts) -> list[tuple[str, str]]:
    return [
        (tr("report.info_period"), period_label),
        (tr("report.info_as_of"), found.as_of.isoformat()),
        (tr("reminders.days_left"), _days_left(found, tr)),
    ]


def _cadre_block(
    reminder: CadreReminder,
    found: Reminders,
    styles: Styles,
    *,
    period_fields: list[tuple[str, str]],
    tr: Texts,
) -> list[Flowable]:
    """The cadre, their progress and their open obligations; `period_fields` when the page has no
    header of its own saying the period (a page per cadre)."""
    c = reminder.cadre
    progress_label = tr("reminders.progress" if found.running else "reminders.rate")
    return [
        _fields(
            [
                (tr("report.col_cadre"), f"{c.name}（{LEVEL.label(c.level, tr.lang)}）"),
                (tr("report.col_phone"), c.phone),
                (tr("reminders.township"), reminder.township or "—"),
                *period_fields,
                (progress_label, progress_text(reminder.progress, tr)),
            ],
            styles,
        ),
        Spacer(1, 6),
        *table_flowables(open_table(reminder, tr), styles),
        Spacer(1, 4),
    ]


def _closing(found: Reminders, styles: Styles, tr: Texts) -> Flowable:
    return KeepTogether(
        [
            para(tr("reminders.note_running" if found.running else "reminders.note_ended"), styles.note),
        ]
    )


def reminders_story(
    found: Reminders, styles: Styles, *, unit_name: str, period_label: str, by: str, tr: Texts
) -> list[Flowable]:
    left_out = [para(tr("reminders.left_out", n=found.left_out), styles.note)] if found.left_out else []
    if not found.cadres:
        return [
            para(unit_name, styles.subtitle),
            para(tr("reminders.title"), styles.title),
            para(tr("reminders.empty"), styles.body),
            *left_out,
        ]
    story: list[Flowable] = []
    if by == "township":
        for i, (township, cadres) in enumerate(found.townships()):
            if i:
                story.append(PageBreak())
            story += [
                para(unit_name, styles.subtitle),
                para(tr("reminders.title_township", township=township or "—"), styles.title),
                _fields(_period_fields(found, period_label, tr), styles),
                Spacer(1, 4),
                para(
                    tr(
                        "reminders.township_summary",
                        cadres=len(cadres),
                        items=sum(len(r.items) for r in cadres),
                    ),
                    styles.body,
                ),
            ]
            for reminder in cadres:
                story += [
                    para(f"{reminder.cadre.name}（{reminder.cadre.phone}）", styles.h2),
                    *_cadre_block(reminder, found, styles, period_fields=[], tr=tr),
                ]
            story.append(_closing(found, styles, tr))
    else:
        for i, reminder in enumerate(found.cadres):
            if i:
                story.append(PageBreak())
            story += [
                para(unit_name, styles.subtitle),
                para(tr("reminders.title"), styles.title),
                *_cadre_block(
                    reminder, found, styles, period_fields=_period_fields(found, period_label, tr), tr=tr
                ),
                _closing(found, styles, tr),
            ]
    return story + left_out


def render_reminders_pdf(
    found: Reminders,
    path: Path,
    font: str,
    *,
    unit_name: str,
    period_label: str,
    by: str,
    made_at: dt.datetime,
    version: str,
    lang: str | None,
) -> Generator[Progress, None, None]:
    tr = Texts(lang)
    styles = make_styles(font)
    story = reminders_story(found, styles, unit_name=unit_name, period_label=period_label, by=by, tr=tr)
    decor = _decor(
        font,
        f"{unit_name} · {tr('reminders.title')} · {period_label}",
        made_at,
        version,
        found.fingerprint(),
        lang,
    )
    yield from build_pdf(
        path, story, decor, title=tr("reminders.title"), author=unit_name, subject=period_label
    )
