"""The demo's in-memory world: the scale's sizes, the dates, and the roster the later steps build on."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from msfood.demo.regions import DemoRegion
from msfood.domain.enums import FORMS_OWING_SELFCHECKS
from msfood.domain.operating import OperatingCalendar, StatusChange

SCALES = ("station", "county", "city")


@dataclass(frozen=True)
class ScaleSpec:
    """Sizes of one scale. Cadres follow from the businesses (one per `per_cadre` of each level)."""

    businesses: int
    unit_code: str
    unit_name: str
    region_code: str
    bureau: bool


SPECS = {
    "station": ScaleSpec(500, "DEMO-430204-01", "石峰区市场监管所（演示）", "430204", False),
    "county": ScaleSpec(5_000, "DEMO-430223", "攸县市场监督管理局（演示）", "430223", True),
    "city": ScaleSpec(50_000, "DEMO-430200", "株洲市市场监督管理局（演示）", "430200", True),
}

# How many businesses one cadre of a level guarantees, on average.
PER_CADRE = {"city": 10, "county": 8, "township": 14, "village": 9}
LATE_CADRE_SHARE = 0.12


@dataclass(eq=False)
class DemoBusiness:
    id: str
    name: str
    form: str
    kind: str  # finer than the form: market, supermarket, school, kindergarten, ...
    category: str  # the food category it is sampled for most
    grade: str
    high_risk: bool
    region: DemoRegion
    credit_code: str | None
    licence_no: str | None
    rest_days: str = ""
    owes_override: bool | None = None
    opened: dt.date | None = None
    cancelled: dt.date | None = None
    statuses: list[tuple[dt.date | None, str]] = field(default_factory=list)
    closures: list[tuple[dt.date, dt.date, str]] = field(default_factory=list)
    officer: str = ""
    chain_role: str | None = None  # a chain (Order No. 104): hq, branch or store
    chain_hq: str | None = None  # the headquarters' business id
    chain_branch: str | None = None  # a store's branch
    _calendar: OperatingCalendar | None = None

    @property
    def owes(self) -> bool:
        if self.owes_override is not None:
            return self.owes_override
        return self.form in FORMS_OWING_SELFCHECKS

    @property
    def calendar(self) -> OperatingCalendar:
        if self._calendar is None:
            self._calendar = OperatingCalendar(
                [StatusChange(since, status) for since, status in self.statuses],
                self.rest_days,
                [(a, b) for a, b, _reason in self.closures],
            )
        return self._calendar


@dataclass(eq=False)
class DemoCadre:
    id: str
    name: str
    phone: str
    level: str
    region: DemoRegion
    title: str
    workplace: str
    late: bool = False


@dataclass(eq=False)
class DemoAssignment:
    id: str
    cadre: DemoCadre
    business: DemoBusiness
    level: str
    start: dt.date
    end: dt.date | None = None
    end_reason: str | None = None
    pledge: dt.date | None = None


@dataclass
class World:
    """What every step shares: the scale, the dates, the randomness and the roster built so far."""

    scale: str
    seed: int
    year: int
    start: dt.date  # 1 January of the year
    end: dt.date  # the last day with data: today in the current year, else 31 December
    window_start: dt.date  # self-checks and checklist answers: the last three months up to `end`
    spec: ScaleSpec
    grade_levels: dict[str, str]
    city: DemoRegion
    checklist: list[tuple[str, str]] = field(default_factory=list)  # (item id, code)
    businesses: list[DemoBusiness] = field(default_factory=list)
    cadres: list[DemoCadre] = field(default_factory=list)
    assignments: list[DemoAssignment] = field(default_factory=list)

    def rng(self, stage: str) -> random.Random:
        """A random stream per step, so a change in one step leaves the others' data as it was."""
        return random.Random(f"msfood-demo:{self.seed}:{self.scale}:{self.year}:{stage}")

    def day_between(self, rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
        if last <= first:
            return first
        return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def window_start(start: dt.date, end: dt.date) -> dt.date:
    """The first day of the month two months before `end`'s (never before 1 January)."""
    month = end.month - 2
    year = end.year
    if month < 1:
        month += 12
        year -= 1
    return max(start, dt.date(year, month, 1))


def iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
