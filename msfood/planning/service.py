"""The visit schedule (排期) as a service: plan and save, read back, move, note and remove.

The open obligations come from the supervision figures (msfood.metrics.supervision.duties), so the
schedule plans exactly what the 督导完成率 will judge: for each (business, level, rule-period) ending
in the period, the cadre assigned as of D (the latest assignment) still owes `count - visits`. The
plan is kept in the local table visit_plans (never synced). Planning again replaces the proposed rows
of the period in the same region (and cadre) and keeps those a person edited.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Generator
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue, NotFoundError, ValidationError
from msfood.core.ids import new_id
from msfood.core.progress import Progress
from msfood.db.models import Business, Cadre, VisitPlan
from msfood.domain.calendar import WorkCalendar
from msfood.domain.periods import Period, parse_period
from msfood.i18n import t
from msfood.metrics.results import CadreRef
from msfood.metrics.sampling import work_calendar
from msfood.metrics.scope import Scope, load_scope
from msfood.metrics.supervision import duties
from msfood.planning.planner import (
    KeptVisit,
    Landing,
    ObligationState,
    OpenDuty,
    cadre_rank,
    plan_visits,
    project_landing,
)
from msfood.planning.schedule import UNPLANNED, PlanEntry, Schedule, Unplanned
from msfood.services.writing.permissions import EDIT_RECORDS, READ, Actor

Key = tuple[str, str, str]  # cadre, business, rule-period
@dataclass
class _Obligations:
    """The period's obligations in the scope, as the planner and the landing see them."""

    open: list[OpenDuty]
    states: list[tuple[Key | None, CadreRef | None, bool, bool, int]]  # key, cadre, met, open, needed


def _period(period: str | Period) -> Period:
    return parse_period(period) if isinstance(period, str) else period


def _obligations(
    session: Session, scope: Scope, period: Period, as_of: dt.date, cadre_phone: str | None
) -> _Obligations:
    found = _Obligations([], [])
    risky = riskier(session)
    for duty in duties(session, scope, period, as_of):
        required, rule_period = duty.rule.count, duty.period
        for business_id in sorted(duty.owing):
            cadres = duty.assigned.get(business_id, ())
            cadre = cadres[0] if cadres else None
            if cadre_phone is not None and (cadre is None or cadre.phone != cadre_phone):
                continue
            count = duty.visits.get(business_id, (0, None))[0]
            met = count >= required
            is_open = not duty.due and not met
            key = (cadre.id, business_id, rule_period.key) if cadre is not None else None
            found.states.append((key, cadre, met, is_open, max(0, required - count)))
            if is_open and cadre is not None:
                business = scope.businesses[business_id]
                village = scope.tree.nodes.get(business.region_id)
                found.open.append(OpenDuty(
                    business_id, business.name or "", business.address or "", business.region_id,
                    village.name if village else "", bool(business.high_risk) or business_id in risky, cadre,
                    rule_period.key,
                    rule_period.start, rule_period.end, required - count,
                ))  # fmt: skip
    return found


HIGHER_RISK_GRADES = ("C", "D")


def riskier(session: Session) -> set[str]:
    """Businesses the schedule treats as high-risk besides those marked 高风险: 风险等级 C or D (the
    higher grades of 风险分级). They are planned first and on site, which counts for every business;
    the figures still judge by the 高风险 mark alone."""
    return set(
        session.scalars(
            select(Business.id).where(
                Business.risk_grade.in_(HIGHER_RISK_GRADES), Business.deleted.is_(False)
            )
        )
    )


def _rows(session: Session, period: Period, scope: Scope, cadre_phone: str | None) -> list[VisitPlan]:
    """The saved rows of the period for the scope's businesses (and the cadre), filtered here: a
    city's scope is too many ids for one IN list."""
    query = select(VisitPlan).where(VisitPlan.period_key == period.key)
    if cadre_phone is not None:
        query = query.where(VisitPlan.cadre_id.in_(select(Cadre.id).where(Cadre.phone == cadre_phone)))
    businesses = scope.businesses
    return [row for row in session.scalars(query) if row.business_id in businesses]


def _settings(session: Session, margin: int | None, per_day: int | None) -> tuple[int, int]:
    from msfood.services.rules.settings import get_settings

    settings = get_settings(session)
    margin = int(settings["schedule_margin_workdays"]) if margin is None else margin
    per_day = int(settings["schedule_visits_per_day"]) if per_day is None else per_day
    if not 0 <= margin <= 60:
        raise ValidationError(Issue("schedule.bad_margin", "margin", {"value": margin}))
    if not 1 <= per_day <= 50:
        raise ValidationError(Issue("schedule.bad_per_day", "per_day", {"value": per_day}))
    return margin, per_day


def make_schedule(
    session: Session,
    *,
    actor: Actor,
    period: str | Period,
    as_of: dt.date,
    now: dt.datetime,
    region: str | None = None,
    cadre_phone: str | None = None,
    margin: int | None = None,
    per_day: int | None = None,
    allow_gathered: bool = True,
) -> Generator[Progress, None, Schedule]:
    """Plan the open obligations over the working days left and save the plan (flush, the caller
    commits). Edited entries stay where a person put them and take their day's room first."""
    actor.require(EDIT_RECORDS)
    resolved = _period(period)
    margin, per_day = _settings(session, margin, per_day)
    yield Progress(0, 3, t("schedule.progress_obligations"))
    scope = load_scope(session, region)
    calendar = work_calendar(session)
    obligations = _obligations(session, scope, resolved, as_of, cadre_phone)
    yield Progress(1, 3, t("schedule.progress_planning"))
    rows = _rows(session, resolved, scope, cadre_phone)
    kept = [KeptVisit(r.cadre_id, r.business_id, r.rule_period_key, r.plan_date) for r in rows if r.edited]
    proposed_ids = [r.id for r in rows if not r.edited]
    if proposed_ids:
        session.execute(delete(VisitPlan).where(VisitPlan.id.in_(proposed_ids)))
    result = plan_visits(
        obligations.open,
        as_of=as_of,
        is_workday=calendar.is_workday,
        margin=margin,
        per_day=per_day,
        kept=kept,
        allow_gathered=allow_gathered,
    )
    stamp = now.astimezone(dt.UTC).replace(tzinfo=None) if now.tzinfo else now
    session.add_all(
        VisitPlan(id=new_id(), period_key=resolved.key, cadre_id=v.duty.cadre.id,
                  business_id=v.duty.business_id,
                  rule_period_key=v.duty.rule_period_key, plan_date=v.day, mode=v.mode, note="", edited=False,
                  created_at=stamp)
        for v in result.visits
    )  # fmt: skip
    session.flush()
    yield Progress(2, 3, t("schedule.progress_saving"))
    reasons = {f.duty.key: f.reason for f in result.not_fitting}
    return _assemble(
        session, scope, resolved, as_of, cadre_phone, obligations, calendar, reasons, margin, per_day
    )


def load_schedule(
    session: Session,
    *,
    actor: Actor,
    period: str | Period,
    as_of: dt.date,
    region: str | None = None,
    cadre_phone: str | None = None,
) -> Schedule:
    """The saved plan of the period (region, cadre) and where it lands, as of D."""
    actor.require(READ)
    resolved = _period(period)
    margin, per_day = _settings(session, None, None)
    scope = load_scope(session, region)
    obligations = _obligations(session, scope, resolved, as_of, cadre_phone)
    return _assemble(
        session, scope, resolved, as_of, cadre_phone, obligations, work_calendar(session), {}, margin, per_day
    )


def _assemble(
    session: Session,
    scope: Scope,
    period: Period,
    as_of: dt.date,
    cadre_phone: str | None,
    obligations: _Obligations,
    calendar: WorkCalendar,
    reasons: dict[Key, str],
    margin: int,
    per_day: int,
) -> Schedule:
    windows = {d.key: d for d in obligations.open}
    risky = riskier(session)
    cadres = {
        c.id: CadreRef(c.id, c.name, c.phone, c.level)
        for c in session.scalars(select(Cadre).where(Cadre.id.in_(
            select(VisitPlan.cadre_id).where(VisitPlan.period_key == period.key))))
    }  # fmt: skip
    planned: dict[Key, int] = defaultdict(int)
    entries: list[PlanEntry] = []
    for row in _rows(session, period, scope, cadre_phone):
        key = (row.cadre_id, row.business_id, row.rule_period_key)
        duty = windows.get(key)
        first_day = max(as_of + dt.timedelta(days=1), duty.period_start) if duty is not None else None
        counts = first_day is not None and duty is not None and first_day <= row.plan_date <= duty.period_end
        if counts:
            planned[key] += 1
        business = scope.businesses[row.business_id]
        village = scope.tree.nodes.get(business.region_id)
        entries.append(PlanEntry(
            row.id, cadres[row.cadre_id], row.business_id, business.name or "", business.address or "",
            village.name if village else "", bool(business.high_risk) or row.business_id in risky,
            row.rule_period_key, row.plan_date,
            row.mode, row.note or "", bool(row.edited), calendar.is_workday(row.plan_date), counts,
        ))  # fmt: skip
    entries.sort(
        key=lambda e: (cadre_rank(e.cadre), e.day, not e.high_risk, e.village_name, e.business_name, e.id)
    )
    states = [
        ObligationState(cadre, met, is_open, needed, planned.get(key, 0) if key else 0)
        for key, cadre, met, is_open, needed in obligations.states
    ]
    landing, by_cadre = project_landing(states)
    unplanned = [
        Unplanned(
            d.cadre,
            d.business_id,
            d.business_name,
            d.village_name,
            d.rule_period_key,
            d.needed - planned.get(d.key, 0),
            reasons.get(d.key, UNPLANNED),
        )
        for d in obligations.open
        if planned.get(d.key, 0) < d.needed
    ]
    unplanned.sort(key=lambda u: (cadre_rank(u.cadre), u.business_name, u.rule_period_key))
    for entry in entries:  # a cadre with planned visits only (no obligation left in scope) still shows
        by_cadre.setdefault(entry.cadre, Landing())
    first = min(as_of + dt.timedelta(days=1), period.end)
    return Schedule(
        period,
        as_of,
        margin,
        per_day,
        tuple(entries),
        tuple(unplanned),
        landing,
        tuple(by_cadre.items()),
        tuple(calendar.unknown_years(first, period.end)),
    )


# --- edits (each marks the entry edited: planning again keeps it)


def _row(session: Session, plan_id: str) -> VisitPlan:
    row = session.get(VisitPlan, plan_id)
    if row is None:
        raise NotFoundError("schedule.not_found", id=plan_id)
    return row


def _stamp(now: dt.datetime) -> dt.datetime:
    return now.astimezone(dt.UTC).replace(tzinfo=None) if now.tzinfo else now


@dataclass(frozen=True)
class PlanChange:
    id: str
    day: dt.date | None  # None: removed
    note: str = ""


def move_planned_visit(
    session: Session, *, actor: Actor, plan_id: str, day: dt.date, now: dt.datetime
) -> PlanChange:
    """Move a planned visit to another day of its period (any day: a holiday is shown, not refused)."""
    actor.require(EDIT_RECORDS)
    row = _row(session, plan_id)
    period = parse_period(row.period_key)
    if not period.start <= day <= period.end:
        raise ValidationError(Issue("schedule.day_outside", "day", {
            "day": day.isoformat(), "period": period.key, "start": period.start.isoformat(),
            "end": period.end.isoformat()}))  # fmt: skip
    row.plan_date, row.edited, row.edited_at = day, True, _stamp(now)
    session.flush()
    return PlanChange(row.id, day, row.note)


def note_planned_visit(
    session: Session, *, actor: Actor, plan_id: str, note: str, now: dt.datetime
) -> PlanChange:
    actor.require(EDIT_RECORDS)
    row = _row(session, plan_id)
    text = " ".join(note.split())
    if len(text) > 500:
        raise ValidationError(Issue("schedule.note_long", "note", {"n": 500}))
    row.note, row.edited, row.edited_at = text, True, _stamp(now)
    session.flush()
    return PlanChange(row.id, row.plan_date, text)


def remove_planned_visit(session: Session, *, actor: Actor, plan_id: str) -> PlanChange:
    """Take a visit off the plan. The obligation shows as not planned; planning again proposes it anew."""
    actor.require(EDIT_RECORDS)
    session.delete(_row(session, plan_id))
    session.flush()
    return PlanChange(plan_id, None)
