"""Trends (issue 14): each figure month by month for the year so far, so a chief sees whether the pace
is rising.

For each month M of the year up to the as-of date D, judged as of M's last day (or D within M):
- supervision: progress of the quarter holding M (met so far / all obligations of that quarter), so a
  quarter's line climbs from its first month to its last, where it equals the quarter's final rate;
- coverage: 包保覆盖率 on that day;
- daily, weekly, monthly, platform_use: the self-check figures of M itself.
Each is the same definition as `msfood stats` for that period and day (DOMAIN.md section 3): the
scope and the roster are loaded once, the rest per month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from msfood.core.collector import paused_collector
from msfood.domain.periods import Period, period_of
from msfood.metrics.progress import progress_by_level
from msfood.metrics.results import Progress, ratio
from msfood.metrics.scope import load_scope
from msfood.metrics.selfchecks import selfchecks
from msfood.metrics.supervision import Roster, coverage, duties

TREND_FIGURES = ("supervision", "coverage", "daily", "weekly", "monthly", "platform_use")


@dataclass(frozen=True)
class TrendPoint:
    month: str  # "2026-11"
    as_of: dt.date  # the month's last day, or D within it
    rates: dict[str, float | None]  # figure -> rate (None: nothing due)


def months_so_far(year: int, as_of: dt.date) -> list[Period]:
    """The months of `year` that have begun by D (all twelve for a year already over)."""
    found = []
    day = dt.date(year, 1, 1)
    while day.year == year and day <= as_of:
        month = period_of("month", day)
        found.append(month)
        day = month.end + dt.timedelta(days=1)
    return found


def monthly_trends(session: Session, *, year: int, as_of: dt.date, region: str | None = None) -> list[TrendPoint]:
    points = []
    with paused_collector():
        scope = load_scope(session, region, names=False)
        roster = Roster(session)
        for month in months_so_far(year, as_of):
            day = min(month.end, as_of)
            quarter = period_of("quarter", month.start)
            progress = sum(progress_by_level(duties(session, scope, quarter, day, roster)).values(), Progress())
            cov = coverage(scope, roster, day)
            checks = selfchecks(session, scope, month, day, details=False)
            points.append(
                TrendPoint(
                    month.key,
                    day,
                    {
                        "supervision": progress.rate,
                        "coverage": cov.rate,
                        "daily": checks.daily.rate,
                        "weekly": checks.weekly.rate,
                        "monthly": checks.monthly.rate,
                        "platform_use": ratio(checks.active, checks.owing),
                    },
                )
            )
    return points
