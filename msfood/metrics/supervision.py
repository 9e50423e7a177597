"""督导完成率, 包保覆盖率 and 问题整改率 (DOMAIN.md section 3, "Supervision").

An obligation is (business b, level L, rule-period R) for each level at which b has an assignment
active on R's judging day J (R's last day, or the as-of date D if R has not ended by D) and b operates
on J. A visit counts when it is to b, dated in R up to J, by a cadre of level L assigned to b on the
visit date, not deleted, and on site when b is high-risk. Visits are counted in SQL, per level and
rule-period, grouped by business.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from msfood.db.models import Assignment, Business, Cadre, Problem, Visit, VisitRule
from msfood.domain.enums import LEVEL_ORDER
from msfood.domain.periods import Period, periods_ending_within
from msfood.metrics.results import (
    CadreRef,
    Coverage,
    Obligation,
    ProblemRow,
    Problems,
    Supervision,
    Tally,
)
from msfood.metrics.scope import Scope

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class RuleVersion:
    level: str
    effective_from: dt.date
    until: dt.date  # last day this version governs (inclusive)
    count: int
    period_type: str


def load_rules(session: Session) -> dict[str, list[RuleVersion]]:
    """Visit rules by level; each version governs the rule-periods that END while it is in force."""
    rows = session.execute(
        select(VisitRule.level, VisitRule.effective_from, VisitRule.count, VisitRule.period_type)
        .where(VisitRule.deleted.is_(False))
        .order_by(VisitRule.level, VisitRule.effective_from)
    ).all()
    by_level: dict[str, list[RuleVersion]] = defaultdict(list)
    grouped: dict[str, list] = defaultdict(list)
    for row in rows:
        grouped[row.level].append(row)
    for level, versions in grouped.items():
        for i, row in enumerate(versions):
            until = versions[i + 1].effective_from - ONE_DAY if i + 1 < len(versions) else dt.date.max
            by_level[level].append(RuleVersion(level, row.effective_from, until, row.count, row.period_type))
    return by_level


def rule_periods(rules: list[RuleVersion], period: Period) -> list[tuple[RuleVersion, Period]]:
    """The rule-periods of one level whose last day lies within the report period."""
    found = []
    for rule in rules:
        if rule.count <= 0:
            continue
        start, end = max(period.start, rule.effective_from), min(period.end, rule.until)
        found.extend((rule, r) for r in periods_ending_within(rule.period_type, start, end))
    return found


def _active_on(day: dt.date | object):  # type: ignore[no-untyped-def]
    return and_(
        Assignment.deleted.is_(False),
        Assignment.start_date <= day,
        or_(Assignment.end_date.is_(None), Assignment.end_date >= day),
    )


def _assigned(session: Session, level: str, day: dt.date) -> dict[str, list[CadreRef]]:
    """Businesses with an assignment of `level` active on `day`, and the cadres assigned."""
    rows = session.execute(
        select(Assignment.business_id, Cadre.id, Cadre.name, Cadre.phone, Cadre.level, Assignment.start_date)
        .join(Cadre, Cadre.id == Assignment.cadre_id)
        .where(Cadre.deleted.is_(False), Cadre.level == level, _active_on(day))
        .order_by(Assignment.business_id, Assignment.start_date.desc(), Cadre.id)
    )
    assigned: dict[str, list[CadreRef]] = defaultdict(list)
    refs: dict[str, CadreRef] = {}  # one per cadre: a city has thousands of cadres, 50,000 rows
    for business_id, cadre_id, name, phone, cadre_level, _start in rows.tuples():
        cadre = refs.get(cadre_id)
        if cadre is None:
            cadre = refs[cadre_id] = CadreRef(cadre_id, name, phone, cadre_level)
        cadres = assigned[business_id]
        if cadre not in cadres:
            cadres.append(cadre)
    return assigned


def _counting_visits(
    session: Session, level: str, start: dt.date, end: dt.date
) -> dict[str, tuple[int, dt.date]]:
    """Per business: visits that count for `level` dated in [start, end], and the latest one's date."""
    covering = aliased(Assignment)
    rows = session.execute(
        select(Visit.business_id, func.count(Visit.id), func.max(Visit.visit_date))
        .join(Cadre, Cadre.id == Visit.cadre_id)
        .join(Business, Business.id == Visit.business_id)
        .where(
            Visit.deleted.is_(False),
            Cadre.level == level,
            Visit.visit_date >= start,
            Visit.visit_date <= end,
            or_(Business.high_risk.is_(False), Visit.mode == "onsite"),
            exists().where(
                covering.cadre_id == Visit.cadre_id,
                covering.business_id == Visit.business_id,
                covering.deleted.is_(False),
                covering.start_date <= Visit.visit_date,
                or_(covering.end_date.is_(None), covering.end_date >= Visit.visit_date),
            ),
        )
        .group_by(Visit.business_id)
    )
    return {row[0]: (row[1], row[2]) for row in rows}


def obligations(session: Session, scope: Scope, period: Period, as_of: dt.date) -> list[Obligation]:
    found: list[Obligation] = []
    rules = load_rules(session)
    for level in LEVEL_ORDER:
        for rule, rule_period in rule_periods(rules.get(level, []), period):
            judged_on = min(rule_period.end, as_of)
            due = rule_period.end <= as_of
            assigned = _assigned(session, level, judged_on)
            if not assigned:
                continue
            visits = _counting_visits(session, level, rule_period.start, judged_on)
            for business_id, cadres in assigned.items():
                business = scope.businesses.get(business_id)
                calendar = scope.calendars.get(business_id)  # none of its own: always open
                if business is None or (calendar is not None and not calendar.is_operating(judged_on)):
                    continue
                count, last = visits.get(business_id, (0, None))
                if not due and count >= rule.count:
                    continue  # still running and already met: neither due nor open
                found.append(
                    Obligation(
                        business_id=business_id,
                        business_name=business.name,
                        credit_code=business.credit_code,
                        address=business.address,
                        region_id=business.region_id,
                        level=level,
                        period_key=rule_period.key,
                        period_start=rule_period.start,
                        period_end=rule_period.end,
                        judged_on=judged_on,
                        required=rule.count,
                        visits=count,
                        due=due,
                        cadres=tuple(cadres),
                        last_visit=last,
                    )
                )
    return found


def tally(items: list[Obligation]) -> Tally:
    due = sum(1 for o in items if o.due)
    met = sum(1 for o in items if o.due and o.met)
    return Tally(due=due, met=met, open=sum(1 for o in items if not o.due))


def coverage(session: Session, scope: Scope, as_of: dt.date) -> Coverage:
    calendars = scope.calendars  # a business without a calendar of its own is always open
    operating = {b for b in scope.businesses if b not in calendars or calendars[b].is_operating(as_of)}
    guaranteed = set(
        session.scalars(
            select(Assignment.business_id)
            .join(Cadre, Cadre.id == Assignment.cadre_id)
            .where(Cadre.deleted.is_(False), _active_on(as_of))
            .distinct()
        )
    )
    return Coverage(operating=len(operating), guaranteed=len(operating & guaranteed))


def problems(session: Session, scope: Scope, period: Period, as_of: dt.date) -> Problems:
    """found: on visits dated in P up to D; due: deadline in P up to D; closed: of those, by D."""
    window_end = min(period.end, as_of)
    rows = session.execute(
        select(
            Problem.id, Problem.visit_id, Problem.description, Problem.deadline, Problem.closed_on,
            Problem.status, Visit.visit_date, Visit.business_id, Cadre.name,
        )
        .join(Visit, Visit.id == Problem.visit_id)
        .join(Cadre, Cadre.id == Visit.cadre_id)
        .where(
            Problem.deleted.is_(False),
            Visit.deleted.is_(False),
            or_(
                and_(Visit.visit_date >= period.start, Visit.visit_date <= window_end),
                and_(Problem.deadline >= period.start, Problem.deadline <= window_end),
            ),
        )
    )
    found = due = closed = 0
    overdue: list[ProblemRow] = []
    for row in rows:
        business = scope.businesses.get(row.business_id)
        if business is None:
            continue
        if period.start <= row.visit_date <= window_end:
            found += 1
        if row.deadline is not None and period.start <= row.deadline <= window_end:
            due += 1
            is_closed = (row.closed_on is not None and row.closed_on <= as_of) or (
                row.closed_on is None and row.status == "closed"
            )
            if is_closed:
                closed += 1
            else:
                overdue.append(
                    ProblemRow(
                        row.id, row.visit_id, row.business_id, business.name, row.name, row.visit_date,
                        row.description or "", row.deadline, row.closed_on, row.status,
                    )
                )
    overdue.sort(key=lambda p: (p.deadline or dt.date.min, p.business_name))
    return Problems(found=found, due=due, closed=closed, overdue=tuple(overdue))


def supervision(session: Session, scope: Scope, period: Period, as_of: dt.date) -> Supervision:
    items = obligations(session, scope, period, as_of)
    by_level = {level: tally([o for o in items if o.level == level]) for level in LEVEL_ORDER}
    return Supervision(
        total=tally(items),
        by_level=by_level,
        coverage=coverage(session, scope, as_of),
        problems=problems(session, scope, period, as_of),
        obligations=tuple(items),
    )
