"""The schedule printed (PDF: a page group per cadre, to hand out and sign) and as a calendar (.ics)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer
from sqlalchemy.orm import Session

from msfood.core.clock import CHINA, Clock
from msfood.core.progress import Progress
from msfood.domain.enums import LEVEL, WEEKDAYS_ZH
from msfood.i18n import is_english
from msfood.metrics.results import CadreRef
from msfood.planning.ics import schedule_ics
from msfood.planning.planner import NO_DAYS, NO_ROOM, Landing
from msfood.planning.schedule import PlanEntry, Schedule, Unplanned
from msfood.reports.document.model import Column, ReportTable, period_label
from msfood.reports.document.texts import Texts
from msfood.reports.papers.content import digest
from msfood.reports.papers.pdf import _decor, _fields
from msfood.reports.pdf.pages import Styles, build_pdf, make_styles, para
from msfood.reports.pdf.tables import table_flowables
from msfood.reports.writers.documents import atomic_target, body_font, output_format

WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def percent(rate: float | None, tr: Texts) -> str:
    return tr("schedule.none_rate") if rate is None else f"{rate * 100:.1f}%"


def landing_text(landing: Landing, tr: Texts) -> str:
    return tr(
        "schedule.landing_value",
        met=landing.met,
        total=landing.total,
        now=percent(landing.rate_now, tr),
        lands=landing.met + landing.planned,
        rate=percent(landing.rate, tr),
    )


def reason_text(item: Unplanned, schedule: Schedule, tr: Texts) -> str:
    if item.reason == NO_ROOM:
        return tr("schedule.reason_capacity", per_day=schedule.per_day)
    if item.reason == NO_DAYS:
        return tr("schedule.reason_no_days", margin=schedule.margin)
    return tr("schedule.reason_unplanned")


def mode_text(code: str, tr: Texts) -> str:
    return tr(f"schedule.mode_{code}") if code in ("onsite", "gathered") else code


def _weekday(day: dt.date, tr: Texts) -> str:
    return (WEEKDAYS_EN if is_english(tr.lang) else WEEKDAYS_ZH)[day.weekday()]


def visits_table(entries: list[PlanEntry], tr: Texts) -> ReportTable:
    columns = (
        Column(tr("schedule.col_no"), 0.7, numeric=True),
        Column(tr("schedule.col_date"), 1.6, nowrap=True),
        Column(tr("schedule.col_weekday"), 0.8, nowrap=True),
        Column(tr("schedule.col_village"), 1.6),
        Column(tr("schedule.col_business"), 2.8),
        Column(tr("schedule.col_address"), 2.8),
        Column(tr("schedule.col_mode"), 1.3),
        Column(tr("schedule.col_note"), 1.6),
        Column(tr("schedule.col_done"), 1.3),
    )
    rows = []
    for i, e in enumerate(entries, start=1):
        notes = [e.note] if e.note else []
        if not e.workday:
            notes.append(tr("schedule.note_holiday"))
        mode = mode_text(e.mode, tr) + (tr("schedule.note_edited") if e.edited else "")
        rows.append(
            (
                i,
                e.day,
                _weekday(e.day, tr),
                e.village_name,
                e.business_name,
                e.address,
                mode,
                "；".join(notes),
                "",
            )
        )
    return ReportTable("schedule", tr("schedule.t_visits"), columns, rows, empty=tr("schedule.empty_visits"))


def unplanned_table(items: list[Unplanned], schedule: Schedule, tr: Texts) -> ReportTable:
    columns = (
        Column(tr("schedule.col_no"), 0.7, numeric=True),
        Column(tr("schedule.col_business"), 3),
        Column(tr("schedule.col_village"), 1.8),
        Column(tr("schedule.col_rule_period"), 1.3, nowrap=True),
        Column(tr("schedule.col_missing"), 1.1, numeric=True),
        Column(tr("schedule.col_reason"), 4),
    )
    rows = [
        (i, u.business_name, u.village_name, u.rule_period_key, u.missing, reason_text(u, schedule, tr))
        for i, u in enumerate(items, start=1)
    ]
    return ReportTable("schedule_unplanned", tr("schedule.t_unplanned"), columns, rows)


def cadre_story(
    schedule: Schedule, cadre: CadreRef, landing: Landing, styles: Styles, *, unit_name: str, tr: Texts
) -> list[Flowable]:
    story: list[Flowable] = [
        para(unit_name, styles.subtitle),
        para(tr("schedule.title"), styles.title),
        _fields(
            [
                (tr("schedule.cadre"), f"{cadre.name}（{LEVEL.label(cadre.level, tr.lang)}）"),
                (tr("schedule.phone"), cadre.phone),
                (tr("schedule.period"), period_label(schedule.period, tr.lang)),
                (tr("schedule.as_of"), schedule.as_of.isoformat()),
                (tr("schedule.landing"), landing_text(landing, tr)),
            ],
            styles,
        ),
        Spacer(1, 6),
        *table_flowables(visits_table(schedule.for_cadre(cadre.id), tr), styles),
    ]
    missing = [u for u in schedule.unplanned if u.cadre.id == cadre.id]
    if missing:
        table = unplanned_table(missing, schedule, tr)
        story += [Spacer(1, 8), para(table.title, styles.h2), *table_flowables(table, styles)]
    notes = [
        tr("schedule.rules")
        + "："
        + tr("schedule.rules_value", margin=schedule.margin, per_day=schedule.per_day)
    ]
    if schedule.unknown_years:
        notes.append(tr("schedule.holidays_unknown", years="、".join(map(str, schedule.unknown_years))))
    story.append(
        KeepTogether(
            [
                Spacer(1, 6),
                *(para(n, styles.note) for n in notes),
                Spacer(1, 14),
                para(tr("schedule.sign"), styles.cell),
            ]
        )
    )
    return story


def fingerprint(schedule: Schedule) -> str:
    return digest(schedule.to_json())


def write_schedule_pdf(
    session: Session,
    schedule: Schedule,
    out: Path,
    *,
    clock: Clock | None = None,
    lang: str | None = None,
    font: str | None = None,
) -> Generator[Progress, None, Path]:
    """A page group per cadre (those with planned visits or duties), by level and name."""
    from msfood import __version__
    from msfood.reports.completion.content import unit_of

    output_format(Path(out), (".pdf",))
    tr = Texts(lang)
    unit_name, _code = unit_of(session)
    made_at = (clock or Clock()).now().astimezone(CHINA).replace(tzinfo=None)
    font_name = body_font(session, font).name
    styles = make_styles(font_name)
    story: list[Flowable] = []
    for i, (cadre, landing) in enumerate(schedule.by_cadre):
        if i:
            story.append(PageBreak())
        story += cadre_story(schedule, cadre, landing, styles, unit_name=unit_name, tr=tr)
    if not story:
        story = [
            para(unit_name, styles.subtitle),
            para(tr("schedule.title"), styles.title),
            para(tr("schedule.empty_visits"), styles.body),
        ]
    label = period_label(schedule.period, lang)
    decor = _decor(
        font_name,
        f"{unit_name} · {tr('schedule.title')} · {label}",
        made_at,
        __version__,
        fingerprint(schedule),
        lang,
    )
    with atomic_target(Path(out)) as temp:
        yield from build_pdf(temp, story, decor, title=tr("schedule.title"), author=unit_name, subject=label)
    return Path(out)


def write_schedule_ics(
    schedule: Schedule, out: Path, *, now: dt.datetime, lang: str | None = None, cadre_id: str | None = None
) -> Path:
    """Every planned visit (or one cadre's) as all-day events."""
    output_format(Path(out), (".ics",))
    entries = [e for e in schedule.entries if cadre_id is None or e.cadre.id == cadre_id]
    data = schedule_ics(entries, period_key=schedule.period.key, stamp=now, lang=lang)
    with atomic_target(Path(out)) as temp:
        temp.write_bytes(data)
    return Path(out)
