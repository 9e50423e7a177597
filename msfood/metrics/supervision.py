"""督导完成率, 包保覆盖率 and 问题整改率 (DOMAIN.md section 3, "Supervision").

An obligation is (business b, level L, rule-period R) for each level at which b has an assignment
active on R's judging day J (R's last day, or the as-of date D if R has not ended by D) and b is 在营
by its status history on J (a rest day or a dated closure on J does not end the duty). A visit counts
when it is to b, dated in R up to J, by a cadre of level L assigned to b on the visit date, not
deleted, and on site when b is high-risk. The roster and the period's visits are read
once (Roster, VisitLog) and matched in Python per level and rule-period.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import literal_column, select
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
from msfood.metrics.scope import Scope, fetch_plain

ONE_DAY = dt.timedelta(days=1)
NO_VISITS: tuple[int, None] = (0, None)


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
    found: list[tuple[RuleVersion, Period]] = []
    for rule in rules:
        if rule.count <= 0:
            continue
        start, end = max(period.start, rule.effective_from), min(period.end, rule.until)
        found.extend((rule, r) for r in periods_ending_within(rule.period_type, start, end))
    return found


Entry = tuple[dt.date, dt.date | None, CadreRef, bool]  # first day, last day (None: running), cadre, live


@dataclass
class LevelRoster:
    """One level's assignments, by business, arranged for "who is assigned on day J". Most businesses
    have a single running assignment per level: those are kept in start order, so that the assigned
    on any day are a prefix; the rest (several assignments, ended ones) are looked at one by one."""

    entries: dict[str, list[Entry]]  # of every cadre, deleted ones too (their visits still count)
    starts: list[dt.date]
    single: list[tuple[str, tuple[CadreRef]]]  # (business, (cadre,)), in the order of `starts`
    others: dict[str, list[Entry]]  # latest first
    _on: dict[dt.date, dict[str, tuple[CadreRef, ...]]] = field(default_factory=dict)

    @classmethod
    def arrange(cls, entries: dict[str, list[Entry]]) -> LevelRoster:
        single = [
            (found[0][0], business_id, found[0][2])
            for business_id, found in entries.items()
            if len(found) == 1 and found[0][1] is None and found[0][3]
        ]
        single.sort(key=itemgetter(0))  # by date alone: comparing whole tuples costs several times more
        others = {
            business_id: sorted(found, key=lambda e: (-e[0].toordinal(), e[2].id))
            for business_id, found in entries.items()
            if len(found) > 1 or found[0][1] is not None or not found[0][3]
        }
        return cls(entries, [e[0] for e in single], [(e[1], (e[2],)) for e in single], others)

    def on(self, day: dt.date) -> dict[str, tuple[CadreRef, ...]]:
        """The businesses with an assignment to a live cadre active on `day`, and those cadres.
        Kept per day (the obligations judged on D and the coverage on D ask alike): do not change it."""
        known = self._on.get(day)
        if known is None:
            known = self._on[day] = self._assigned_on(day)
        return known

    def _assigned_on(self, day: dt.date) -> dict[str, tuple[CadreRef, ...]]:
        assigned: dict[str, tuple[CadreRef, ...]] = dict(self.single[: bisect_right(self.starts, day)])
        for business_id, found in self.others.items():
            cadres: list[CadreRef] = []
            for start, end, cadre, live in found:
                if live and start <= day and (end is None or end >= day) and cadre not in cadres:
                    cadres.append(cadre)
            if cadres:
                assigned[business_id] = tuple(cadres)
        return assigned


class Roster:
    """Who guaranteed whom and when, loaded once per figure (a city has 50,000 assignments): the
    obligations of every level and rule-period and the coverage are all read from it."""

    def __init__(self, session: Session) -> None:
        self.cadres: dict[str, tuple[CadreRef, bool]] = {
            cadre_id: (CadreRef(cadre_id, name, phone, level), bool(deleted))
            for cadre_id, name, phone, level, deleted in fetch_plain(
                session, select(Cadre.id, Cadre.name, Cadre.phone, Cadre.level, Cadre.deleted)
            )
        }
        # the driver's tuples (SQLAlchemy's rows and date processing cost as much as the read), the
        # dates made dates here as VisitLog does
        rows = fetch_plain(
            session,
            select(Assignment.business_id, Assignment.cadre_id, Assignment.start_date, Assignment.end_date)
            .where(Assignment.deleted.is_(False)),
        )
        if rows and isinstance(rows[0][2], str):  # SQLite keeps dates as ISO text
            day_of = dt.date.fromisoformat
            rows = [(b, c, day_of(start), day_of(end) if end else None) for b, c, start, end in rows]
        by_level: dict[str, dict[str, list[Entry]]] = defaultdict(dict)
        cadres = self.cadres
        for business_id, cadre_id, start, end in rows:
            known = cadres.get(cadre_id)
            if known is not None:
                entries = by_level[known[0].level]
                found = entries.get(business_id)
                if found is None:
                    entries[business_id] = [(start, end, known[0], not known[1])]
                else:
                    found.append((start, end, known[0], not known[1]))
        self.levels = {level: LevelRoster.arrange(entries) for level, entries in by_level.items()}
        self.visit_log: VisitLog | None = None  # the last visits read with this roster (duties)

    def assigned(self, level: str, day: dt.date) -> dict[str, tuple[CadreRef, ...]]:
        """Businesses with an assignment of `level` active on `day`, and the cadres assigned (latest
        assignment first)."""
        arranged = self.levels.get(level)
        return arranged.on(day) if arranged is not None else {}

    def guaranteed_on(self, day: dt.date) -> set[str]:
        guaranteed: set[str] = set()
        for arranged in self.levels.values():
            guaranteed.update(arranged.on(day).keys())
        return guaranteed


class VisitLog:
    """The visits dated in [first, last], by the visiting cadre's level, in date order."""

    def __init__(self, session: Session, roster: Roster, first: dt.date, last: dt.date) -> None:
        self.by_level: dict[str, list[tuple[dt.date, str, str, str]]] = defaultdict(list)
        rows = fetch_plain(
            session,
            select(Visit.visit_date, Visit.business_id, Visit.cadre_id, Visit.mode)
            .where(Visit.deleted.is_(False), Visit.visit_date >= first, Visit.visit_date <= last)
            .order_by(Visit.visit_date),  # the covering date index's own order: no sort
        )
        if rows and isinstance(rows[0][0], str):  # SQLite keeps dates as ISO text
            day_of = dt.date.fromisoformat
            rows = [(day_of(day), business_id, cadre_id, mode) for day, business_id, cadre_id, mode in rows]
        self.first, self.last = first, last
        self.rows: list[tuple[dt.date, str, str, str]] = rows  # every visit of the window, by date
        level_of = {cadre_id: ref.level for cadre_id, (ref, _deleted) in roster.cadres.items()}
        for row in rows:
            level = level_of.get(row[2])
            if level is not None:
                self.by_level[level].append(row)
        self.dates: dict[str, list[dt.date]] = {
            level: [visit[0] for visit in visits] for level, visits in self.by_level.items()
        }

    def counting(
        self, scope: Scope, roster: Roster, level: str, start: dt.date, end: dt.date
    ) -> dict[str, tuple[int, dt.date]]:
        """Per business: visits that count for `level` dated in [start, end], and the latest one's date."""
        visits, dates = self.by_level.get(level, []), self.dates.get(level, [])
        businesses = scope.businesses
        arranged = roster.levels.get(level)
        entries = arranged.entries if arranged is not None else {}
        found: dict[str, tuple[int, dt.date]] = {}
        for day, business_id, cadre_id, mode in visits[bisect_left(dates, start) : bisect_right(dates, end)]:
            business = businesses.get(business_id)
            if business is None or (mode != "onsite" and business.high_risk):
                continue
            for first, last, cadre, _live in entries.get(business_id, ()):  # assigned on the visit date
                if cadre.id == cadre_id and first <= day and (last is None or last >= day):
                    break
            else:
                continue
            count, _last = found.get(business_id, NO_VISITS)
            found[business_id] = (count + 1, day)  # in date order: the last seen is the latest
        return found


@dataclass
class Duty:
    """The obligations of one level and rule-period, as sets: built into Obligation rows only for
    the drill-downs (`msfood stats` prints the tallies alone)."""

    level: str
    rule: RuleVersion
    period: Period
    judged_on: dt.date
    due: bool
    owed: set[str]  # the businesses that owe it (still running: only those not yet met)
    assigned: dict[str, tuple[CadreRef, ...]]
    visits: dict[str, tuple[int, dt.date]]
    early: set[str] = field(default_factory=set)  # still running, already met (msfood.metrics.progress)

    @property
    def owing(self) -> frozenset[str]:
        """Every business with the obligation, met or not."""
        return frozenset(self.owed | self.early)

    def tally(self) -> Tally:
        if not self.due:
            return Tally(open=len(self.owed))
        required = self.rule.count
        met = self.owed & {b for b, (count, _latest) in self.visits.items() if count >= required}
        return Tally(due=len(self.owed), met=len(met))

    def obligations(self, scope: Scope) -> list[Obligation]:
        businesses, visits, assigned = scope.businesses, self.visits, self.assigned
        level, due, judged_on = self.level, self.due, self.judged_on
        key, first, last, required = self.period.key, self.period.start, self.period.end, self.rule.count
        make = tuple.__new__  # Obligation's own __new__ is a Python frame per obligation
        found: list[Obligation] = []
        for business_id in sorted(self.owed):
            business = businesses[business_id]
            count, latest = visits.get(business_id, NO_VISITS)
            found.append(
                make(Obligation, (
                    business_id, business.name, business.credit_code, business.address, business.region_id,
                    level, key, first, last, judged_on, required, count, due,
                    assigned[business_id], latest,
                ))
            )
        return found


def duties(
    session: Session, scope: Scope, period: Period, as_of: dt.date, roster: Roster | None = None
) -> list[Duty]:
    roster = roster or Roster(session)
    rules = load_rules(session)
    planned = [
        (level, rule, rule_period)
        for level in LEVEL_ORDER
        for rule, rule_period in rule_periods(rules.get(level, []), period)
    ]
    if not planned:
        return []
    first = min(r.start for _l, _rule, r in planned)
    log = VisitLog(session, roster, first, max(min(r.end, as_of) for _l, _rule, r in planned))
    roster.visit_log = log  # 督导次数 counts from the same rows (msfood.metrics.counts.visit_count)
    businesses = scope.businesses
    found: list[Duty] = []
    for level, rule, rule_period in planned:
        judged_on = min(rule_period.end, as_of)
        due = rule_period.end <= as_of
        assigned = roster.assigned(level, judged_on)
        if not assigned:
            continue
        visits = log.counting(scope, roster, level, rule_period.start, judged_on)
        # Set operations: a Python step per obligation only where a drill-down row is made.
        owed = assigned.keys() & businesses.keys()
        owed -= scope.shut_on(judged_on)  # 停业/注销 by status on J (not a rest day or a closure)
        early: set[str] = set()
        if not due:  # still running: only those not yet met are open
            early = owed & {b for b, (count, _latest) in visits.items() if count >= rule.count}
            owed -= early
        found.append(Duty(level, rule, rule_period, judged_on, due, owed, assigned, visits, early))
    return found


def tally(items: list[Obligation]) -> Tally:
    due = sum(1 for o in items if o.due)
    met = sum(1 for o in items if o.due and o.met)
    return Tally(due=due, met=met, open=sum(1 for o in items if not o.due))


def coverage(scope: Scope, roster: Roster, as_of: dt.date) -> Coverage:
    operating = scope.businesses.keys() - scope.shut_on(as_of)
    return Coverage(operating=len(operating), guaranteed=len(operating & roster.guaranteed_on(as_of)))


def problems(
    session: Session, scope: Scope, period: Period, as_of: dt.date, roster: Roster | None = None,
    *, details: bool = True,
) -> Problems:
    """found: on visits dated in P up to D; due: deadline in P up to D; closed: of those, by D."""
    window_end = min(period.end, as_of)
    # The visiting cadre's name from the roster: joining cadres would cost a lookup per visit.
    cadres = (roster or Roster(session)).cadres
    columns = select(
        Problem.id, Problem.visit_id, Problem.description if details else literal_column("''"),
        Problem.deadline, Problem.closed_on,
        Problem.status, Visit.visit_date, Visit.business_id, Visit.cadre_id,
    ).join(Visit, Visit.id == Problem.visit_id)
    live = (Problem.deleted.is_(False), Visit.deleted.is_(False))
    # Two index ranges, not one OR: with OR every problem of every year is read to test it.
    found_in = columns.where(*live, Visit.visit_date >= period.start, Visit.visit_date <= window_end)
    due_in = columns.where(*live, Problem.deadline >= period.start, Problem.deadline <= window_end)
    # the driver's tuples, dates made dates here (SQLAlchemy's rows cost more than the read)
    rows = {row[0]: row for query in (found_in, due_in) for row in fetch_plain(session, query)}.values()
    day_of = dt.date.fromisoformat

    def day(value: Any) -> dt.date | None:
        return day_of(value) if isinstance(value, str) else value

    found = due = closed = 0
    overdue: list[ProblemRow] = []
    for problem_id, visit_id, description, deadline, closed_on, status, visited, business_id, cadre_id in rows:
        business = scope.businesses.get(business_id)
        if business is None or cadre_id not in cadres:  # as a join with cadres would
            continue
        visit_date, deadline, closed_on = day(visited), day(deadline), day(closed_on)
        if period.start <= visit_date <= window_end:  # type: ignore[operator]
            found += 1
        if deadline is not None and period.start <= deadline <= window_end:
            due += 1
            is_closed = (closed_on is not None and closed_on <= as_of) or (closed_on is None and status == "closed")
            if is_closed:
                closed += 1
            elif details:
                overdue.append(
                    ProblemRow(
                        problem_id, visit_id, business_id, business.name,
                        cadres[cadre_id][0].name, visit_date,  # type: ignore[arg-type]
                        description or "", deadline, closed_on, status,
                    )
                )
    overdue.sort(key=lambda p: (p.deadline or dt.date.min, p.business_name))
    return Problems(found=found, due=due, closed=closed, overdue=tuple(overdue))


def supervision(
    session: Session, scope: Scope, period: Period, as_of: dt.date, *, details: bool = True,
    roster: Roster | None = None, found: list[Duty] | None = None,
) -> Supervision:
    """The figures; with `details`, also every due and open obligation and the overdue problems.
    `roster` and `found` (the duties of this scope) when the caller has them already (the ranking
    splits one region's duties among the regions under it)."""
    roster = roster or Roster(session)
    found = duties(session, scope, period, as_of, roster) if found is None else found
    by_level = {level: Tally() for level in LEVEL_ORDER}
    for duty in found:
        by_level[duty.level] = by_level[duty.level] + duty.tally()
    items = [o for duty in found for o in duty.obligations(scope)] if details else []
    return Supervision(
        total=sum(by_level.values(), Tally()),
        by_level=by_level,
        coverage=coverage(scope, roster, as_of),
        problems=problems(session, scope, period, as_of, roster, details=details),
        obligations=tuple(items),
    )
