"""Progress while a period runs (DOMAIN.md section 3, "progress"), and the pace still needed.

total = obligations whose rule-period ends within P (ended by D or not), met = those already met by
D. They come from the same duties as the 督导完成率 (msfood.metrics.supervision): a due duty gives
its due and met obligations, a running one its open obligations plus those already met (`early`).
Once P has ended by D every duty is due, so progress equals the final figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from msfood.domain.calendar import WorkCalendar
from msfood.domain.enums import LEVEL_ORDER
from msfood.metrics.results import Progress
from msfood.metrics.supervision import Duty


def duty_progress(duty: Duty) -> Progress:
    if duty.due:
        tally = duty.tally()
        return Progress(total=tally.due, met=tally.met)
    return Progress(total=len(duty.owed) + len(duty.early), met=len(duty.early))


def progress_by_level(found: Iterable[Duty]) -> dict[str, Progress]:
    by_level = {level: Progress() for level in LEVEL_ORDER}
    for duty in found:
        by_level[duty.level] = by_level.get(duty.level, Progress()) + duty_progress(duty)
    return by_level


@dataclass(frozen=True)
class Pace:
    """What is left of a running period as of D: days (after D up to P's end), working days among
    them, obligations still to meet, and how many a working day that asks for."""

    days_left: int
    workdays_left: int
    remaining: int

    @property
    def per_workday(self) -> float | None:
        if self.remaining <= 0:
            return 0.0
        return self.remaining / self.workdays_left if self.workdays_left else None


def pace(progress: Progress, period_end: dt.date, as_of: dt.date, calendar: WorkCalendar) -> Pace:
    """The days after D up to P's end, the working days among them (China's holidays and 调休,
    msfood.metrics.sampling.work_calendar), and the obligations not yet met."""
    return Pace(
        max(0, (period_end - as_of).days), calendar.workdays_between(as_of, period_end),
        progress.total - progress.met,
    )
