"""督导提醒 (issue 14 item 5): each cadre's obligations of a period not met by the as-of date, with
the businesses' addresses and contacts, and the cadre's progress (met / all their obligations).

The obligations and the progress come from the same duties as 督导进度 (msfood.metrics.supervision,
msfood.metrics.progress): a running obligation already met counts as met, a due one as met or missed.
An obligation with several cadres of its level is listed, and counted, for each of them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.errors import NotFoundError, ValidationError
from msfood.db.models import Business, Cadre
from msfood.domain.periods import Period
from msfood.metrics.progress import Pace, pace, progress_by_level
from msfood.metrics.results import CadreRef, Obligation, Progress
from msfood.metrics.sampling import work_calendar
from msfood.metrics.scope import RegionTree, Scope, fetch, load_scope
from msfood.metrics.supervision import Duty, Roster, duties
from msfood.reports.document.format import Rate, percent
from msfood.reports.document.model import Column, ReportTable
from msfood.reports.document.texts import Texts
from msfood.reports.papers.content import digest

GROUPINGS = ("cadre", "township")
TOWNSHIP_CODE_LENGTH = 9


def check_grouping(by: str) -> str:
    if by not in GROUPINGS:
        raise ValidationError("reminders.by_unknown", "by", by=by)
    return by


@dataclass(frozen=True)
class OpenItem:
    """One obligation a cadre has not met: still open (running) or missed (its rule-period ended)."""

    business_name: str
    place: str  # township / village of the business
    address: str
    contact: str  # principal and phone of the business
    risk_grade: str
    high_risk: bool
    period_key: str
    required: int
    visits: int
    deadline: dt.date
    missed: bool


@dataclass(frozen=True)
class CadreReminder:
    cadre: CadreRef
    township_code: str
    township: str
    progress: Progress  # every obligation of the cadre in the period: met / all
    items: tuple[OpenItem, ...]  # those not met, by deadline and business


@dataclass(frozen=True)
class Reminders:
    period: Period
    as_of: dt.date
    running: bool
    pace: Pace  # days and working days left (of the whole scope's progress)
    progress: Progress  # the whole scope's
    cadres: tuple[CadreReminder, ...]  # with something not met, by township then name
    left_out: int  # cadres with obligations, all met

    def fingerprint(self) -> str:
        return digest(
            {
                "period": self.period.key,
                "as_of": self.as_of,
                "progress": [self.progress.met, self.progress.total],
                "cadres": [
                    [
                        c.cadre.id,
                        c.progress.met,
                        c.progress.total,
                        [list(i.__dict__.values()) for i in c.items],
                    ]
                    for c in self.cadres
                ],
            }
        )

    def townships(self) -> list[tuple[str, list[CadreReminder]]]:
        """The cadres grouped by their township, in order."""
        groups: list[tuple[str, list[CadreReminder]]] = []
        for reminder in self.cadres:
            if not groups or groups[-1][0] != reminder.township:
                groups.append((reminder.township, []))
            groups[-1][1].append(reminder)
        return groups


def _township_of(tree: RegionTree, region_id: str | None) -> tuple[str, str]:
    """(code, name) of the township containing the region; a region above townships is its own."""
    chain = tree.ancestors(region_id) if region_id else []
    for node_id in chain:
        node = tree.nodes[node_id]
        if len(node.code) == TOWNSHIP_CODE_LENGTH:
            return node.code, node.name
    if chain:
        node = tree.nodes[chain[0]]
        return node.code, node.name
    return "", ""


def _place(tree: RegionTree, region_id: str) -> str:
    """The business's township and village (社区), as far as the tree has them."""
    names = [tree.nodes[i].name for i in reversed(tree.ancestors(region_id)) if len(tree.nodes[i].code) >= 9]
    if not names and region_id in tree.nodes:
        names = [tree.nodes[region_id].name]
    return "/".join(names)


def cadre_progress(found: Iterable[Duty]) -> dict[CadreRef, Progress]:
    """Each cadre's share of the duties: every obligation of their businesses at their level."""
    tallies: dict[CadreRef, list[int]] = defaultdict(lambda: [0, 0])
    for duty in found:
        required = duty.rule.count
        met = (
            {b for b, (count, _latest) in duty.visits.items() if count >= required}
            if duty.due
            else duty.early
        )
        for business_id in duty.owed | duty.early:
            for cadre in duty.assigned[business_id]:
                tally = tallies[cadre]
                tally[0] += 1
                tally[1] += business_id in met
    return {cadre: Progress(total, met) for cadre, (total, met) in tallies.items()}


def _business_details(session: Session, ids: set[str]) -> dict[str, tuple[str, str, str]]:
    """principal, phone and risk grade of the businesses named (one read of the small table)."""
    rows = fetch(
        session,
        select(Business.id, Business.principal, Business.phone, Business.risk_grade).where(
            Business.deleted.is_(False)
        ),
    )
    return {r.id: (r.principal or "", r.phone or "", r.risk_grade or "") for r in rows if r.id in ids}


def _item(o: Obligation, scope: Scope, details: dict[str, tuple[str, str, str]]) -> OpenItem:
    principal, phone, grade = details.get(o.business_id, ("", "", ""))
    business = scope.businesses[o.business_id]
    return OpenItem(
        business_name=o.business_name,
        place=_place(scope.tree, o.region_id),
        address=o.address or "",
        contact=" ".join(part for part in (principal, phone) if part),
        risk_grade=grade,
        high_risk=bool(business.high_risk),
        period_key=o.period_key,
        required=o.required,
        visits=o.visits,
        deadline=o.period_end,
        missed=o.due,
    )


def compute_reminders(
    session: Session,
    *,
    period: Period,
    as_of: dt.date,
    region: str | None = None,
    cadre_phone: str | None = None,
) -> Reminders:
    scope = load_scope(session, region)
    roster = Roster(session)
    found = duties(session, scope, period, as_of, roster)
    overall = sum(progress_by_level(found).values(), Progress())
    progress = cadre_progress(found)
    if cadre_phone is not None and not any(c.phone == cadre_phone for c in progress):
        known = session.scalars(
            select(Cadre.id).where(Cadre.phone == cadre_phone, Cadre.deleted.is_(False))
        ).first()
        if known is None:
            raise NotFoundError("reminders.cadre_unknown", phone=cadre_phone)
    owed: dict[CadreRef, list[Obligation]] = defaultdict(list)
    for duty in found:
        for obligation in duty.obligations(scope):
            if not obligation.met:
                for cadre in obligation.cadres:
                    owed[cadre].append(obligation)
    details = _business_details(session, {o.business_id for items in owed.values() for o in items})
    homes: dict[str, str] = {row[0]: row[1] for row in fetch(session, select(Cadre.id, Cadre.region_id))}
    chosen = [c for c in progress if cadre_phone is None or c.phone == cadre_phone]
    reminders = []
    for cadre in chosen:
        if cadre not in owed:
            continue
        code, name = _township_of(scope.tree, homes.get(cadre.id))
        items = sorted(
            (_item(o, scope, details) for o in owed[cadre]),
            key=lambda i: (i.deadline, i.business_name, i.period_key),
        )
        reminders.append(CadreReminder(cadre, code, name, progress[cadre], tuple(items)))
    reminders.sort(key=lambda r: (r.township_code, r.cadre.name, r.cadre.phone))
    return Reminders(
        period=period,
        as_of=as_of,
        running=as_of < period.end,
        pace=pace(overall, period.end, as_of, work_calendar(session)),
        progress=overall,
        cadres=tuple(reminders),
        left_out=len(chosen) - len(reminders),
    )


# --- tables ---------------------------------------------------------------------------------------------


def open_columns(tr: Texts) -> tuple[Column, ...]:
    return (
        Column(tr("report.col_no"), 0.7, numeric=True),
        Column(tr("report.col_business"), 2.6),
        Column(tr("reminders.col_place"), 1.8),
        Column(tr("report.col_address"), 2.4),
        Column(tr("reminders.col_contact"), 2.2),
        Column(tr("reminders.col_risk"), 1.3),
        Column(tr("reminders.col_owed"), 1.2, numeric=True),
        Column(tr("reminders.col_deadline"), 1.6, nowrap=True),
        Column(tr("reminders.col_status"), 1.6),
    )


def risk_cell(item: OpenItem, tr: Texts) -> str:
    grade = item.risk_grade or "—"
    return tr("reminders.high_risk", grade=grade) if item.high_risk else grade


def status_cell(item: OpenItem, tr: Texts) -> str:
    if item.missed:
        return tr("reminders.status_missed")
    return tr("reminders.status_open")


def item_cells(i: int, item: OpenItem, tr: Texts) -> tuple[object, ...]:
    return (
        i,
        item.business_name,
        item.place,
        item.address,
        item.contact,
        risk_cell(item, tr),
        f"{item.visits}/{item.required}",
        item.deadline,
        status_cell(item, tr),
    )


def open_table(reminder: CadreReminder, tr: Texts) -> ReportTable:
    rows = [item_cells(i, item, tr) for i, item in enumerate(reminder.items, start=1)]
    return ReportTable("reminders", tr("reminders.t_open"), open_columns(tr), rows)


def progress_text(progress: Progress, tr: Texts) -> str:
    return tr(
        "reminders.progress_value",
        met=progress.met,
        total=progress.total,
        rate=percent(progress.rate),
        open=progress.total - progress.met,
    )


def progress_by_cadre_table(progress: dict[CadreRef, Progress], tr: Texts) -> ReportTable:
    """The completion report's 按包保干部统计 while the period runs: each cadre's obligations of the
    period (met so far / all), as the headline's progress, most still to meet first."""
    from msfood.domain.enums import LEVEL, LEVEL_ORDER

    columns = (
        Column(tr("report.col_cadre"), 1.6),
        Column(tr("report.col_phone"), 1.8, nowrap=True),
        Column(tr("report.col_level"), 1),
        Column(tr("report.rk_col_total"), 1.2, numeric=True),
        Column(tr("report.col_met"), 1.1, numeric=True),
        Column(tr("report.rk_col_left"), 1.2, numeric=True),
        Column(tr("report.rk_col_progress"), 1.1, numeric=True),
    )
    rank = {level: i for i, level in enumerate(LEVEL_ORDER)}
    ordered = sorted(
        progress.items(),
        key=lambda pair: (
            pair[1].met - pair[1].total,
            rank.get(pair[0].level, 9),
            pair[0].name,
            pair[0].phone,
        ),
    )
    rows = [
        (c.name, c.phone, LEVEL.label(c.level, tr.lang), p.total, p.met, p.total - p.met, Rate(p.rate))
        for c, p in ordered
    ]
    return ReportTable(
        "supervision_by_cadre",
        tr("report.t_by_cadre"),
        columns,
        rows,
        note=tr("report.note_by_cadre") + tr("report.rk_note_progress_running"),
        empty=tr("report.empty_cadres"),
    )


def reminders_table(found: Reminders, tr: Texts) -> ReportTable:
    """Every cadre's open obligations in one table (the workbook's sheet)."""
    columns = (
        Column(tr("reminders.col_township"), 1.6),
        Column(tr("report.col_cadre"), 1.4),
        Column(tr("report.col_phone"), 1.8, nowrap=True),
        Column(tr("reminders.progress" if found.running else "reminders.rate"), 1.2, numeric=True),
        *open_columns(tr)[1:],
    )
    rows = [
        (r.township, r.cadre.name, r.cadre.phone, Rate(r.progress.rate), *item_cells(0, item, tr)[1:])
        for r in found.cadres
        for item in r.items
    ]
    note = tr("reminders.left_out", n=found.left_out) if found.left_out else ""
    return ReportTable(
        "reminders", tr("reminders.sheet"), columns, rows, note=note, empty=tr("reminders.empty")
    )
