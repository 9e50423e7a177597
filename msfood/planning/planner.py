"""The visit schedule's planner (排期, issue 14 item 6): Qt-free and database-free.

Given the open obligations as of D (what each cadre still owes each business in a rule-period), it
proposes a working day for every visit still needed:
- only working days count (China's holidays and 调休, msfood.domain.calendar.WorkCalendar), after D and
  inside the rule-period, ending `margin` working days before the rule-period ends (a safety margin);
- one cadre visits at most `per_day` businesses a day;
- a cadre's businesses of one village go on the same day (split only when a village is bigger than a
  day), so the village is one trip; villages with a high-risk business go first;
- a high-risk business (the service counts 风险等级 C and D as high-risk too) is visited on site
  (DOMAIN.md: other modes do not count for one marked 高风险); the other
  businesses of a village visited together are marked 集中督导 (gathered) when that mode is allowed.
Visits a person has placed (kept from an earlier plan) take their day's room first. The output is
deterministic: the same input gives the same plan. What finds no room is named, with why.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from msfood.domain.enums import LEVEL_ORDER
from msfood.metrics.results import CadreRef

ONE_DAY = dt.timedelta(days=1)
ONSITE, GATHERED = "onsite", "gathered"
NO_ROOM = "capacity"  # working days were there, every one already full
NO_DAYS = "no_days"  # no working day left inside the window (after D, before the margin)


@dataclass(frozen=True)
class OpenDuty:
    """What one cadre still owes one business in one rule-period."""

    business_id: str
    business_name: str
    address: str
    village_id: str  # the business's region (its village or community)
    village_name: str
    high_risk: bool
    cadre: CadreRef
    rule_period_key: str
    period_start: dt.date  # the rule-period's first day: a visit before it does not count
    period_end: dt.date
    needed: int  # visits still needed (the rule's count less the visits that count already)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.cadre.id, self.business_id, self.rule_period_key)


@dataclass(frozen=True)
class KeptVisit:
    """A visit a person placed (an edited entry of an earlier plan): it stays where it is."""

    cadre_id: str
    business_id: str
    rule_period_key: str
    day: dt.date


@dataclass(frozen=True)
class PlannedVisit:
    duty: OpenDuty
    day: dt.date
    mode: str


@dataclass(frozen=True)
class NotFitting:
    duty: OpenDuty
    missing: int  # visits that found no day
    reason: str  # NO_ROOM or NO_DAYS


@dataclass(frozen=True)
class PlanResult:
    visits: tuple[PlannedVisit, ...]
    not_fitting: tuple[NotFitting, ...]


def eligible_days(
    is_workday: Callable[[dt.date], bool], first: dt.date, last: dt.date, margin: int
) -> list[dt.date]:
    """The working days in [first, last] that leave at least `margin` working days after them up to
    `last` (the rule-period's end): with margin 5 and a quarter ending on Thursday 31 December, the
    last one is Thursday 24 December."""
    days: list[dt.date] = []
    current = first
    while current <= last:
        if is_workday(current):
            days.append(current)
        current += ONE_DAY
    return days[: max(0, len(days) - margin)]


def cadre_rank(cadre: CadreRef) -> tuple[int, str, str]:
    """Cadres in the order the papers print them: by level (city first), then name and phone."""
    rank = LEVEL_ORDER.index(cadre.level) if cadre.level in LEVEL_ORDER else len(LEVEL_ORDER)
    return (rank, cadre.name, cadre.phone)


@dataclass
class _Unit:
    duty: OpenDuty
    days: list[dt.date]  # where it may go


class _CadreDays:
    """One cadre's days: how full each is, and which obligations and villages each holds."""

    def __init__(self, per_day: int) -> None:
        self.per_day = per_day
        self.used: dict[dt.date, int] = defaultdict(int)
        self.duty_days: dict[tuple[str, str, str], set[dt.date]] = defaultdict(set)
        self.village_days: dict[str, set[dt.date]] = defaultdict(set)

    def free(self, day: dt.date) -> int:
        return self.per_day - self.used[day]

    def fits(self, unit: _Unit, day: dt.date) -> bool:
        return day not in self.duty_days[unit.duty.key]  # two visits of one obligation: two days

    def take(self, unit: _Unit, day: dt.date) -> None:
        self.used[day] += 1
        self.duty_days[unit.duty.key].add(day)
        self.village_days[unit.duty.village_id].add(day)


def _place_group(
    units: list[_Unit],
    days: _CadreDays,
    placed: list[tuple[OpenDuty, dt.date]],
    missing: dict[tuple[str, str, str], list[str]],
) -> None:
    """One village's visits of one pass: a day for each chunk of at most `per_day` when one day holds
    the whole chunk; else each visit alone, nearest first to a day the village already has."""
    pending = list(units)
    while pending:
        chunk = pending[: days.per_day]
        common = set(chunk[0].days).intersection(*(set(u.days) for u in chunk[1:]))
        day = next(
            (d for d in sorted(common) if days.free(d) >= len(chunk) and all(days.fits(u, d) for u in chunk)),
            None,
        )
        if day is not None:
            for unit in chunk:
                days.take(unit, day)
                placed.append((unit.duty, day))
            pending = pending[len(chunk) :]
            continue
        unit = pending.pop(0)
        village = days.village_days[unit.duty.village_id]
        open_days = [d for d in unit.days if days.free(d) > 0 and days.fits(unit, d)]
        if not open_days:
            missing[unit.duty.key].append(NO_ROOM if unit.days else NO_DAYS)
            continue
        best = min(open_days, key=lambda d: (d not in village, d))
        days.take(unit, best)
        placed.append((unit.duty, best))


def plan_visits(
    duties: Sequence[OpenDuty],
    *,
    as_of: dt.date,
    is_workday: Callable[[dt.date], bool],
    margin: int,
    per_day: int,
    kept: Iterable[KeptVisit] = (),
    allow_gathered: bool = True,
) -> PlanResult:
    """A day and a mode for every visit the duties still need, or the reason it has none."""
    if per_day < 1:
        raise ValueError("per_day must be at least 1")
    kept_by_cadre: dict[str, list[KeptVisit]] = defaultdict(list)
    for visit in kept:
        kept_by_cadre[visit.cadre_id].append(visit)
    by_cadre: dict[CadreRef, list[OpenDuty]] = defaultdict(list)
    for duty in duties:
        by_cadre[duty.cadre].append(duty)
    windows: dict[tuple[dt.date, dt.date], list[dt.date]] = {}
    placed: list[tuple[OpenDuty, dt.date]] = []
    missing: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for cadre in sorted(by_cadre, key=cadre_rank):
        days = _CadreDays(per_day)
        kept_count: dict[tuple[str, str, str], int] = defaultdict(int)
        for visit in kept_by_cadre.get(cadre.id, ()):
            days.used[visit.day] += 1
            days.duty_days[(visit.cadre_id, visit.business_id, visit.rule_period_key)].add(visit.day)
            kept_count[(visit.cadre_id, visit.business_id, visit.rule_period_key)] += 1
        villages: dict[str, list[OpenDuty]] = defaultdict(list)
        for duty in by_cadre[cadre]:
            villages[duty.village_id].append(duty)
        for group in villages.values():
            group.sort(key=lambda d: (not d.high_risk, d.business_name, d.business_id, d.rule_period_key))
        order = sorted(
            villages.values(),
            key=lambda g: (
                not any(d.high_risk for d in g),
                min(d.period_end for d in g),
                g[0].village_name,
                g[0].village_id,
            ),
        )
        passes = max((d.needed - kept_count[d.key] for d in by_cadre[cadre]), default=0)
        for n in range(passes):  # every obligation's first visit before any second one
            for group in order:
                units = []
                for duty in group:
                    if duty.needed - kept_count[duty.key] > n:
                        span = (max(as_of + ONE_DAY, duty.period_start), duty.period_end)
                        if span not in windows:
                            windows[span] = eligible_days(is_workday, span[0], span[1], margin)
                        units.append(_Unit(duty, windows[span]))
                if units:
                    _place_group(units, days, placed, missing)
    return PlanResult(_with_modes(placed, allow_gathered), _not_fitting(duties, missing))


def _with_modes(placed: list[tuple[OpenDuty, dt.date]], allow_gathered: bool) -> tuple[PlannedVisit, ...]:
    """High-risk on site; the others gathered where two or more of one village share the cadre's day."""
    together: dict[tuple[str, str, dt.date], int] = defaultdict(int)
    for duty, day in placed:
        if not duty.high_risk:
            together[(duty.cadre.id, duty.village_id, day)] += 1
    visits = [
        PlannedVisit(
            duty,
            day,
            GATHERED
            if allow_gathered and not duty.high_risk and together[(duty.cadre.id, duty.village_id, day)] >= 2
            else ONSITE,
        )
        for duty, day in placed
    ]
    visits.sort(
        key=lambda v: (
            cadre_rank(v.duty.cadre),
            v.day,
            not v.duty.high_risk,
            v.duty.village_name,
            v.duty.business_name,
            v.duty.business_id,
            v.duty.rule_period_key,
        )
    )
    return tuple(visits)


def _not_fitting(
    duties: Sequence[OpenDuty], missing: dict[tuple[str, str, str], list[str]]
) -> tuple[NotFitting, ...]:
    found = [
        NotFitting(duty, len(missing[duty.key]), NO_DAYS if NO_DAYS in missing[duty.key] else NO_ROOM)
        for duty in duties
        if missing.get(duty.key)
    ]
    found.sort(
        key=lambda f: (
            cadre_rank(f.duty.cadre),
            f.duty.business_name,
            f.duty.business_id,
            f.duty.rule_period_key,
        )
    )
    return tuple(found)


# --- where the period lands if the plan is kept


@dataclass(frozen=True)
class ObligationState:
    """One obligation of the period as the landing sees it: met already, or open with the visits still
    needed and those planned inside its window; a due one not met is simply lost."""

    cadre: CadreRef | None
    met: bool
    open: bool
    needed: int = 0
    planned: int = 0

    @property
    def lands(self) -> bool:
        return self.met or (self.open and self.planned >= self.needed)


@dataclass(frozen=True)
class Landing:
    total: int = 0
    met: int = 0  # met already as of D
    planned: int = 0  # open, with every visit still needed planned inside its window
    open: int = 0  # open as of D (planned or not)

    @property
    def rate_now(self) -> float | None:
        return self.met / self.total if self.total else None

    @property
    def rate(self) -> float | None:
        """(met + planned) / total: the period's figure at its end if the plan is kept."""
        return (self.met + self.planned) / self.total if self.total else None

    @property
    def short(self) -> int:
        """Obligations that will not be met even if the plan is kept."""
        return self.total - self.met - self.planned

    def __add__(self, other: Landing) -> Landing:
        return Landing(
            self.total + other.total,
            self.met + other.met,
            self.planned + other.planned,
            self.open + other.open,
        )

    def to_json(self) -> dict[str, object]:
        return {
            "total": self.total,
            "met": self.met,
            "planned": self.planned,
            "open": self.open,
            "short": self.short,
            "rate_now": self.rate_now,
            "rate": self.rate,
        }


def project_landing(states: Iterable[ObligationState]) -> tuple[Landing, dict[CadreRef, Landing]]:
    """Overall and per cadre: total, met, planned (open and fully planned) and the rate they give."""
    overall = Landing()
    by_cadre: dict[CadreRef, Landing] = {}
    for state in states:
        one = Landing(1, int(state.met), int(state.open and not state.met and state.lands), int(state.open))
        overall = overall + one
        if state.cadre is not None:
            by_cadre[state.cadre] = by_cadre.get(state.cadre, Landing()) + one
    return overall, dict(sorted(by_cadre.items(), key=lambda item: cadre_rank(item[0])))
