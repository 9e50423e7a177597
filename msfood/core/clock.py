"""The injected clock: every 'now' and 'today' in msfood comes from here, so tests can fix it.

Two different things are called "today". `today()` is the default day of the figures and reports
(the as-of date when none is given); `current_date()` is the date of the real `now()`, for what must
follow the real calendar: the lock-out, the history's times, "a date after today" and "a period that
has not ended yet". `MSFOOD_NOW` (scripts, tests) sets only the first: it must not let anyone unlock an
account early, lock an admin out until 2099, stamp the history or records in the future, or close a
period that has not ended (issue 12).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


class Clock:
    """Wall clock. `today()` is the local date in China, whatever the machine's zone."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        """The default day of figures and reports (MSFOOD_NOW may set it)."""
        return self.current_date()

    def current_date(self) -> dt.date:
        """The date of `now()` in China: never moved by MSFOOD_NOW."""
        return self.now().astimezone(CHINA).date()


@dataclass
class FixedClock(Clock):
    """A clock that stands still (or moves only when told): for tests and reproducible runs."""

    at: dt.datetime

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, **kwargs: float) -> None:
        self.at = self.at + dt.timedelta(**kwargs)


@dataclass
class ReportingDayClock(Clock):
    """The real wall clock, with a fixed default day for figures and reports (MSFOOD_NOW)."""

    day: dt.date

    def today(self) -> dt.date:
        return self.day


def clock_from_env() -> Clock:
    """MSFOOD_NOW (ISO date or datetime, China time unless it says otherwise) sets the default day
    of figures and reports for scripted runs; every time stamp still comes from the real clock."""
    import os

    value = os.environ.get("MSFOOD_NOW")
    if not value:
        return Clock()
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        from msfood.core.errors import EnvironmentProblem

        raise EnvironmentProblem("local.bad_now", value=value) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=CHINA)
    return ReportingDayClock(parsed.astimezone(CHINA).date())
