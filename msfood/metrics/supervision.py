"""督导完成率, 包保覆盖率 and 问题整改率 (DOMAIN.md section 3, "Supervision").

An obligation is (business b, level L, rule-period R) for each level at which b has an assignment
active on R's judging day J (R's last day, or the as-of date D if R has not ended by D) and b operates
on J. A visit counts when it is to b, dated in R up to J, by a cadre of level L assigned to b on the
visit date, not deleted, and on site when b is high-risk. The roster and the period's visits are read
once (Roster, VisitLog) and matched in Python per level and rule-period.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.db.models import Assignment, Cadre, Problem, Visit, VisitRule
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
from msfood.metrics.scope import Scope, fetch

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


class Roster:
    """Who guaranteed whom and when, loaded once per figure (a city has 50,000 assignments): the
    obligations of every level and rule-period and the coverage are all read from it."""

    def __init__(self, session: Session) -> None:
        self.cadres: dict[str, tuple[CadreRef, bool]] = {
            cadre_id: (CadreRef(cadre_id, name, phone, level), bool(deleted))
            for cadre_id, name, phone, level, deleted in fetch(
                session, select(Cadre.id, Cadre.name, Cadre.phone, Cadre.level, Cadre.deleted)
            )
        }
        # (cadre, business) -> spans, for "assigned to b on the visit date"
        self.spans: dict[tuple[str, str], list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
        # per level, of cadres not deleted: (business, start, end, cadre)
        self.by_level: dict[str, list[tuple[str, dt.date, dt.date | None, CadreRef]]] = defaultdict(list)
        rows = fetch(
            session,
            select(Assignment.business_id, Assignment.cadre_id, Assignment.start_date, Assignment.end_date)
            .where(Assignment.deleted.is_(False)),
        )
        self._sorted: set[str] = set()
        spans, by_level, cadres = self.spans, self.by_level, self.cadres
        for business_id, cadre_id, start, end in rows:
            spans[(cadre_id, business_id)].append((start, end))
            known = cadres.get(cadre_id)
            if known is not None and not known[1]:
                by_level[known[0].level].append((business_id, start, end, known[0]))

    def assigned(self, level: str, day: dt.date) -> dict[str, list[CadreRef]]:
        """Businesses with an assignment of `level` active on `day`, and the cadres assigned (latest
        assignment first)."""
        if level not in self._sorted:  # by business, then latest first: one sort, any number of days
            self.by_level[level].sort(key=lambda e: (e[0], -e[1].toordinal(), e[3].id))
            self._sorted.add(level)
        assigned: dict[str, list[CadreRef]] = {}
        for business_id, start, end, cadre in self.by_level.get(level, ()):
            if start <= day and (end is None or end >= day):
                cadres = assigned.get(business_id)
                if cadres is None:
                    assigned[business_id] = [cadre]
                elif cadre not in cadres:
                    cadres.append(cadre)
        return assigned

    def covers(self, cadre_id: str, business_id: str, day: dt.date) -> bool:
        return any(
            start <= day and (end is None or end >= day) for start, end in self.spans.get((cadre_id, business_id), ())
        )

    def guaranteed_on(self, day: dt.date) -> set[str]:
        return {
            business_id
            for entries in self.by_level.values()
            for business_id, start, end, _cadre in entries
            if start <= day and (end is None or end >= day)
        }


class VisitLog:
    """The visits dated in [first, last], by the visiting cadre's level, in date order."""

    def __init__(self, session: Session, roster: Roster, first: dt.date, last: dt.date) -> None:
        self.by_level: dict[str, list[tuple[dt.date, str, str, str]]] = defaultdict(list)
        rows = fetch(
            session,
            select(Visit.visit_date, Visit.business_id, Visit.cadre_id, Visit.mode)
            .where(Visit.deleted.is_(False), Visit.visit_date >= first, Visit.visit_date <= last),
        )
        for row in rows:
            cadre = roster.cadres.get(row[2])
            if cadre is not None:
                self.by_level[cadre[0].level].append(row)
        self.dates: dict[str, list[dt.date]] = {}
        for level, visits in self.by_level.items():
            visits.sort(key=lambda v: v[0])
            self.dates[level] = [v[0] for v in visits]

    def counting(
        self, scope: Scope, roster: Roster, level: str, start: dt.date, end: dt.date
    ) -> dict[str, tuple[int, dt.date]]:
        """Per business: visits that count for `level` dated in [start, end], and the latest one's date."""
        visits, dates = self.by_level.get(level, []), self.dates.get(level, [])
        found: dict[str, tuple[int, dt.date]] = {}
        for day, business_id, cadre_id, mode in visits[bisect_left(dates, start) : bisect_right(dates, end)]:
            business = scope.businesses.get(business_id)
            if business is None or (business.high_risk and mode != "onsite"):
                continue
            if not roster.covers(cadre_id, business_id, day):
                continue
            count, _last = found.get(business_id, (0, day))
            found[business_id] = (count + 1, day)  # in date order: the last seen is the latest
        return found


def obligations(
    session: Session, scope: Scope, period: Period, as_of: dt.date, roster: Roster | None = None
) -> list[Obligation]:
    roster = roster or Roster(session)
    rules = load_rules(session)
    planned = [
        (level, rule, rule_period)
        for level in LEVEL_ORDER
        for rule, rule_period in rule_periods(rules.get(level, []), period)
    ]
    if not planned:
        return []
    log = VisitLog(
        session, roster, min(r.start for _l, _rule, r in planned), max(min(r.end, as_of) for _l, _rule, r in planned)
    )
    found: list[Obligation] = []
    for level, rule, rule_period in planned:
        judged_on = min(rule_period.end, as_of)
        due = rule_period.end <= as_of
        assigned = roster.assigned(level, judged_on)
        if not assigned:
            continue
        visits = log.counting(scope, roster, level, rule_period.start, judged_on)
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


def coverage(scope: Scope, roster: Roster, as_of: dt.date) -> Coverage:
    calendars = scope.calendars  # a business without a calendar of its own is always open
    operating = {b for b in scope.businesses if b not in calendars or calendars[b].is_operating(as_of)}
    return Coverage(operating=len(operating), guaranteed=len(operating & roster.guaranteed_on(as_of)))


def problems(session: Session, scope: Scope, period: Period, as_of: dt.date) -> Problems:
    """found: on visits dated in P up to D; due: deadline in P up to D; closed: of those, by D."""
    window_end = min(period.end, as_of)
    columns = select(
        Problem.id, Problem.visit_id, Problem.description, Problem.deadline, Problem.closed_on,
        Problem.status, Visit.visit_date, Visit.business_id, Cadre.name,
    ).join(Visit, Visit.id == Problem.visit_id).join(Cadre, Cadre.id == Visit.cadre_id)
    live = (Problem.deleted.is_(False), Visit.deleted.is_(False))
    # Two index ranges, not one OR: with OR every problem of every year is read to test it.
    found_in = columns.where(*live, Visit.visit_date >= period.start, Visit.visit_date <= window_end)
    due_in = columns.where(*live, Problem.deadline >= period.start, Problem.deadline <= window_end)
    rows = {row[0]: row for query in (found_in, due_in) for row in fetch(session, query)}.values()
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
    roster = Roster(session)
    items = obligations(session, scope, period, as_of, roster)
    by_level = {level: tally([o for o in items if o.level == level]) for level in LEVEL_ORDER}
    return Supervision(
        total=tally(items),
        by_level=by_level,
        coverage=coverage(scope, roster, as_of),
        problems=problems(session, scope, period, as_of),
        obligations=tuple(items),
    )
