"""The figures of DOMAIN.md section 3 as frozen dataclasses: what the CLI, the UI and the reports show.

Rates are exact fractions as floats (unrounded) or None where the denominator is 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class Tally:
    """Supervision obligations: due (judged by the as-of date), met, missed, and open (still running)."""

    due: int = 0
    met: int = 0
    open: int = 0

    @property
    def missed(self) -> int:
        return self.due - self.met

    @property
    def rate(self) -> float | None:
        return ratio(self.met, self.due)

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.due + other.due, self.met + other.met, self.open + other.open)

    def to_json(self) -> dict[str, Any]:
        return {"due": self.due, "met": self.met, "missed": self.missed, "open": self.open, "rate": self.rate}


@dataclass(frozen=True)
class Progress:
    """Progress while a period runs (DOMAIN.md): total = obligations whose rule-period ends within P,
    ended by D or not; met = those of them already met by D. Once P has ended, total = due."""

    total: int = 0
    met: int = 0

    @property
    def rate(self) -> float | None:
        return ratio(self.met, self.total)

    def __add__(self, other: Progress) -> Progress:
        return Progress(self.total + other.total, self.met + other.met)

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "met": self.met, "rate": self.rate}


@dataclass(frozen=True)
class CadreRef:
    id: str
    name: str
    phone: str
    level: str


class Obligation(NamedTuple):
    """(business, level, rule-period): one visit duty. `due` False means it is still open.

    A tuple, not a frozen dataclass, as BusinessProfile: a city quarter has tens of thousands of them
    and a frozen dataclass's __init__ costs four times as much."""

    business_id: str
    business_name: str
    credit_code: str | None
    address: str | None
    region_id: str
    level: str
    period_key: str
    period_start: dt.date
    period_end: dt.date
    judged_on: dt.date
    required: int
    visits: int
    due: bool
    cadres: tuple[CadreRef, ...]
    last_visit: dt.date | None = None

    @property
    def met(self) -> bool:
        return self.visits >= self.required


@dataclass(frozen=True)
class Coverage:
    operating: int = 0
    guaranteed: int = 0

    @property
    def rate(self) -> float | None:
        return ratio(self.guaranteed, self.operating)

    def to_json(self) -> dict[str, Any]:
        return {"operating": self.operating, "guaranteed": self.guaranteed, "rate": self.rate}


@dataclass(frozen=True)
class ProblemRow:
    problem_id: str
    visit_id: str
    business_id: str
    business_name: str
    cadre_name: str
    visit_date: dt.date
    description: str
    deadline: dt.date | None
    closed_on: dt.date | None
    status: str


@dataclass(frozen=True)
class Problems:
    found: int = 0
    due: int = 0
    closed: int = 0
    overdue: tuple[ProblemRow, ...] = ()  # due, not closed by the as-of date

    @property
    def rate(self) -> float | None:
        return ratio(self.closed, self.due)

    def to_json(self) -> dict[str, Any]:
        return {"found": self.found, "due": self.due, "closed": self.closed, "rate": self.rate}


@dataclass(frozen=True)
class Supervision:
    total: Tally
    by_level: dict[str, Tally]
    coverage: Coverage
    problems: Problems
    obligations: tuple[Obligation, ...] = ()  # every due and open obligation, for drill-downs
    progress_by_level: dict[str, Progress] = field(default_factory=dict)  # msfood.metrics.progress
    visits: int = 0  # 督导次数: visits dated in P up to D, whatever they count toward

    @property
    def progress(self) -> Progress:
        return sum(self.progress_by_level.values(), Progress())

    def missed(self) -> list[Obligation]:
        return [o for o in self.obligations if o.due and not o.met]

    def to_json(self) -> dict[str, Any]:
        return {
            **self.total.to_json(),
            "by_level": {
                level: {**tally.to_json(), "progress": self.progress_by_level.get(level, Progress()).to_json()}
                for level, tally in self.by_level.items()
            },
            "coverage": self.coverage.to_json(),
            "problems": self.problems.to_json(),
            "progress": self.progress.to_json(),
            "visits": self.visits,
        }


@dataclass(frozen=True)
class KindCoverage:
    """Weekly or monthly self-check coverage: businesses with an applicable week/month, and covered."""

    applicable: int = 0
    covered: int = 0

    @property
    def rate(self) -> float | None:
        return ratio(self.covered, self.applicable)

    def to_json(self) -> dict[str, Any]:
        return {"applicable": self.applicable, "covered": self.covered, "rate": self.rate}


@dataclass(frozen=True)
class DailyCoverage:
    owing: int = 0
    covered: int = 0
    record_days: int = 0
    operating_days: int = 0

    @property
    def rate(self) -> float | None:
        return ratio(self.covered, self.owing)

    @property
    def day_rate(self) -> float | None:
        return ratio(self.record_days, self.operating_days)

    def to_json(self) -> dict[str, Any]:
        return {
            "covered": self.covered,
            "rate": self.rate,
            "record_days": self.record_days,
            "operating_days": self.operating_days,
        }


@dataclass(frozen=True)
class RecordCounts:
    """The counts bulletins publish: self-check records of each kind dated in P up to D and the sum of
    their 发现问题数, over every business in the region, owing or not."""

    daily: int = 0
    weekly: int = 0
    monthly: int = 0
    issues_found: int = 0

    def __add__(self, other: RecordCounts) -> RecordCounts:
        return RecordCounts(
            self.daily + other.daily, self.weekly + other.weekly, self.monthly + other.monthly,
            self.issues_found + other.issues_found,
        )


class SelfCheckGap(NamedTuple):
    """An owing business short of a self-check kind ("daily", "weekly", "monthly"; "platform": no
    record of any kind), for the drill-down lists. A tuple for the same reason as Obligation."""

    business_id: str
    business_name: str
    region_id: str
    kind: str
    detail: str


@dataclass(frozen=True)
class SelfChecks:
    owing: int
    daily: DailyCoverage
    weekly: KindCoverage
    monthly: KindCoverage
    active: int
    gaps: tuple[SelfCheckGap, ...] = ()
    counts: RecordCounts = field(default_factory=lambda: RecordCounts())  # msfood.metrics.counts

    @property
    def platform_rate(self) -> float | None:
        return ratio(self.active, self.owing)

    def to_json(self) -> dict[str, Any]:
        return {
            "owing": self.owing,
            "daily": self.daily.to_json(),
            "weekly": self.weekly.to_json(),
            "monthly": self.monthly.to_json(),
            "platform_use": {"active": self.active, "rate": self.platform_rate},
            "records": {"daily": self.counts.daily, "weekly": self.counts.weekly, "monthly": self.counts.monthly},
            "issues_found": self.counts.issues_found,
        }


@dataclass(frozen=True)
class ResultCounts:
    batches: int = 0
    passed: int = 0
    failed: int = 0
    pending: int = 0

    @property
    def failure_rate(self) -> float | None:
        return ratio(self.failed, self.passed + self.failed)

    def to_json(self) -> dict[str, Any]:
        return {
            "batches": self.batches,
            "passed": self.passed,
            "failed": self.failed,
            "pending": self.pending,
            "failure_rate": self.failure_rate,
        }


@dataclass(frozen=True)
class CaseRow:
    """A failed sample's handling case (核查处置). `deadline` is the one in force on the as-of date:
    an approved extension's (approved by then) or received + the disposal days (`base_deadline`).
    `retest_deadline` counts from the day the business received the result (`served`); None while
    that 送达 date is not entered: it is not guessed (the lists say "送达日期未录入")."""

    sampling_id: str
    sample_no: str
    business_id: str
    business_name: str
    sample_name: str
    failed_items: str
    received: dt.date
    deadline: dt.date
    retest_deadline: dt.date | None
    closed_on: dt.date | None
    disposal: str
    served: dt.date | None = None
    base_deadline: dt.date | None = None
    extension_approver: str = ""
    extension_approved_on: dt.date | None = None

    @property
    def extended(self) -> bool:
        return self.base_deadline is not None and self.deadline != self.base_deadline

    def days_left(self, on: dt.date) -> int:
        return (self.deadline - on).days


@dataclass(frozen=True)
class Disposal:
    cases: int = 0
    closed: int = 0
    closed_on_time: int = 0
    overdue: int = 0
    rows: tuple[CaseRow, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "closed": self.closed,
            "closed_on_time": self.closed_on_time,
            "overdue": self.overdue,
        }


@dataclass(frozen=True)
class Sampling:
    counts: ResultCounts
    planned: int
    year_to_date: int
    disposal: Disposal
    by_type: dict[str, ResultCounts] = field(default_factory=dict)
    by_category: dict[str, ResultCounts] = field(default_factory=dict)

    @property
    def plan_rate(self) -> float | None:
        return ratio(self.year_to_date, self.planned)

    @property
    def supervision_counts(self) -> ResultCounts:
        """监督抽检 batches alone: their failure rate is the headline 监督抽检不合格率."""
        return self.by_type.get("supervision", ResultCounts())

    def to_json(self) -> dict[str, Any]:
        c = self.counts
        return {
            "batches": c.batches,
            "passed": c.passed,
            "failed": c.failed,
            "pending": c.pending,
            "failure_rate": c.failure_rate,
            "planned": self.planned,
            "plan_rate": self.plan_rate,
            # the headline 监督抽检不合格率: 监督抽检 batches alone (DOMAIN.md section 3)
            "supervision": self.supervision_counts.to_json(),
            "disposal": self.disposal.to_json(),
        }


@dataclass(frozen=True)
class Rapid:
    batches: int = 0
    positive: int = 0
    by_item: dict[str, tuple[int, int]] = field(default_factory=dict)  # item -> (batches, positive)

    def to_json(self) -> dict[str, Any]:
        return {"batches": self.batches, "positive": self.positive}


@dataclass(frozen=True)
class Stats:
    period: str
    period_start: dt.date
    period_end: dt.date
    as_of: dt.date
    region: str | None
    region_name: str | None
    supervision: Supervision
    selfcheck: SelfChecks
    sampling: Sampling
    rapid: Rapid

    def to_json(self) -> dict[str, Any]:
        """INTERFACES.md section 3, exactly (other keys may be added, never removed)."""
        return {
            "period": self.period,
            "as_of": self.as_of.isoformat(),
            "region": self.region,
            "supervision": self.supervision.to_json(),
            "selfcheck": self.selfcheck.to_json(),
            "sampling": self.sampling.to_json(),
            "rapid": self.rapid.to_json(),
        }
