"""The injected clock: every 'now' and 'today' in msfood comes from here, so tests can fix it."""

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
        return self.now().astimezone(CHINA).date()


@dataclass
class FixedClock(Clock):
    """A clock that stands still (or moves only when told): for tests and reproducible runs."""

    at: dt.datetime

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, **kwargs: float) -> None:
        self.at = self.at + dt.timedelta(**kwargs)


def clock_from_env() -> Clock:
    """MSFOOD_NOW (ISO date or datetime) fixes the clock for scripted runs and tests."""
    import os

    value = os.environ.get("MSFOOD_NOW")
    if not value:
        return Clock()
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=CHINA)
    return FixedClock(parsed.astimezone(dt.UTC))
