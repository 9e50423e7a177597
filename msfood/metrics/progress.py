"""Progress while a period runs (DOMAIN.md section 3, "progress"), and the pace still needed.

total = obligations whose rule-period ends within P (ended by D or not), met = those already met by
D. They come from the same duties as the 督导完成率 (msfood.metrics.supervision): a due duty gives
its due and met obligations, a running one its open obligations plus those already met (`early`).
Once P has ended by D every duty is due, so progress equals the final figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from msfood.domain.calendar import WorkCalendar
from msfood.domain.enums import LEVEL_ORDER
from msfood.metrics.overview_shape import Pace
from msfood.metrics.results import Progress
from msfood.metrics.supervision import Duty

__all__ = ["Pace", "duty_progress", "pace", "progress_by_level"]  # Pace: its home is overview_shape


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


def pace(progress: Progress, period_end: dt.date, as_of: dt.date, calendar: WorkCalendar) -> Pace:
    """The days after D up to P's end, the working days among them (China's holidays and 调休,
    msfood.metrics.sampling.work_calendar), and the obligations not yet met."""
    return Pace(
        max(0, (period_end - as_of).days), calendar.workdays_between(as_of, period_end),
        progress.total - progress.met,
    )
