"""Demo self-checks (日管控, 周排查, 月调度) of the businesses that owe them, for the last three months.

About 85% of owing businesses record every operating day; about 12% miss some days (and now and then a
weekly or monthly record); about 3% have not used the platform at all. Daily records fall only on
operating days (status, rest weekdays and closures, as `msfood.domain.operating` counts them); a
weekly record is dated on the week's last operating day and a monthly one late in the month, and
neither exists yet when that day is after today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

from msfood.db.models import SelfCheck
from msfood.demo.model import DemoBusiness, World
from msfood.demo.writer import BulkWriter, Sink, id_maker
from msfood.domain.periods import month_key, period_of, week_key

FULL, PARTIAL = 0.85, 0.97  # cumulative shares: full, partial, then inactive
ISSUE_RATE = 0.02
COLUMNS = ("id", "business_id", "kind", "record_date", "period_key", "issues_found", "rectified", "recorder")


class Plan(NamedTuple):
    days: list[str]  # operating days (ISO text) in the window up to today
    weeks: list[tuple[str, dt.date]]
    months: list[tuple[str, list[dt.date]]]


class SelfCheckMaker:
    def __init__(self, world: World, writer: BulkWriter) -> None:
        self.world = world
        self.rng = world.rng("selfchecks")
        self.sink: Sink = writer.sink(SelfCheck, COLUMNS)
        self.joined = id_maker("selfcheck").joined
        first, end = world.window_start, world.end
        self.text = {first + dt.timedelta(days=i): (first + dt.timedelta(days=i)).isoformat()
                     for i in range((end - first).days + 1)}  # fmt: skip
        self.week = {d: week_key(d) for d in self.text}
        self.month = {d: month_key(d) for d in self.text}
        self.week_end = {self.week[d]: period_of("week", d).end for d in self.text}
        self.month_end = {self.month[d]: period_of("month", d).end for d in self.text}
        self.plans: dict[str, Plan | None] = {}

    def run(self) -> Iterator[int]:
        for done, b in enumerate(self.world.businesses, 1):
            if b.owes:
                self._business(b)
            if done % 5000 == 0:
                yield done

    def _plan(self, b: DemoBusiness) -> Plan | None:
        """The days a business may record on; shared by every business with the same calendar."""
        plain = not b.statuses and not b.closures
        if plain and b.rest_days in self.plans:
            return self.plans[b.rest_days]
        days = b.calendar.days(self.world.window_start, self.world.end)
        plan = None
        if days:
            plan = Plan([self.text[d] for d in days], self._weeks(b, days), self._months(b, days))
        if plain:
            self.plans[b.rest_days] = plan
        return plan

    def _weeks(self, b: DemoBusiness, days: list[dt.date]) -> list[tuple[str, dt.date]]:
        """(week key, its last operating day) for the weeks whose record may exist by today."""
        last: dict[str, dt.date] = {}
        for d in days:
            last[self.week[d]] = d
        found = []
        for key, day in last.items():
            week_end = self.week_end[key]
            if week_end > self.world.end:  # the week is not over: its record falls on its last operating day
                remaining = b.calendar.days(day, week_end)
                if not remaining or remaining[-1] > self.world.end:
                    continue
            found.append((key, day))
        return found

    def _months(self, b: DemoBusiness, days: list[dt.date]) -> list[tuple[str, list[dt.date]]]:
        """(month key, the operating days from the 20th on) for each month with any."""
        late: dict[str, list[dt.date]] = {}
        for d in days:
            if d.day >= 20:
                late.setdefault(self.month[d], []).append(d)
        found = []
        for key, candidates in late.items():
            month_end = self.month_end[key]
            if month_end > self.world.end:
                candidates = b.calendar.days(candidates[0], month_end)
            found.append((key, candidates))
        return found

    def _business(self, b: DemoBusiness) -> None:
        rng = self.rng
        plan = self._plan(b)
        if plan is None:
            return
        habit = rng.random()
        if habit >= PARTIAL:
            return  # not on the platform
        miss = 0.0 if habit < FULL else rng.uniform(0.03, 0.35)
        periodic_miss = 0.005 if habit < FULL else 0.3
        self._daily(b, plan.days, miss)
        for key, day in plan.weeks:
            if rng.random() >= periodic_miss:
                self._add(b, "weekly", day, key)
        for key, candidates in plan.months:
            day = rng.choice(candidates)
            if day <= self.world.end and rng.random() >= periodic_miss:
                self._add(b, "monthly", day, key)

    def _daily(self, b: DemoBusiness, keys: list[str], miss: float) -> None:
        rng, joined, officer = self.rng, self.joined, b.officer
        if miss:
            keys = [k for k in keys if rng.random() >= miss]
        head = f"{b.id}\x1fdaily\x1f"
        rows = [(joined(head + k), b.id, "daily", k, k, 0, None, officer) for k in keys]
        for i in range(len(rows)):
            if rng.random() < ISSUE_RATE:
                row = rows[i]
                rows[i] = (*row[:5], rng.randint(1, 2), int(rng.random() < 0.9), officer)
        self.sink.extend(rows)

    def _add(self, b: DemoBusiness, kind: str, day: dt.date, key: str) -> None:
        issues = 1 if self.rng.random() < 0.05 else 0
        self.sink.add(
            (self.joined(f"{b.id}\x1f{kind}\x1f{key}"), b.id, kind, day.isoformat(), key, issues,
             1 if issues else None, b.officer)
        )


def write_selfchecks(world: World, writer: BulkWriter) -> Iterator[int]:
    yield from SelfCheckMaker(world, writer).run()
    writer.finish("selfchecks")
