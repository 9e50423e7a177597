"""Which days a business operates (DOMAIN.md sections 1 and 3).

A status holds from its date (`since`; None means it has always held) until the next one. Before the
first dated status a business counts as operating, unless that first dated status is itself
"operating": then it marks the day the business opened, and before it the business is "not_open".
An undated status says what held before the first dated one, so it overrides that default.
Operating days are the days a business is operating by status, less its regular rest weekdays
(`rest_days`: ISO weekday digits, "67" = Saturday and Sunday) and less its dated closures (inclusive
[start, end] spans; an end of None leaves the closure open). Operating days judge the self-checks;
supervision obligations and 包保覆盖率 ask only `in_business` (在营 by status).

`count`, `any` and `is_full` work on spans, never day by day: they cost O(status changes + closures).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

STATUSES = ("operating", "suspended", "cancelled")
NOT_OPEN = "not_open"

_MIN = date.min.toordinal()  # 1, a Monday (ISO weekday of ordinal o is (o - 1) % 7 + 1)
_MAX = date.max.toordinal()


@dataclass(frozen=True)
class StatusChange:
    since: date | None
    status: str


def _weekday(ordinal: int) -> int:
    return (ordinal - 1) % 7 + 1


class OperatingCalendar:
    """The operating days of one business, from its status history, rest weekdays and closures."""

    def __init__(
        self,
        statuses: Sequence[StatusChange] = (),
        rest_days: str = "",
        closures: Sequence[tuple[date, date | None]] = (),
    ) -> None:
        for change in statuses:
            if change.status not in STATUSES:
                raise ValueError(f"unknown business status {change.status!r}")
        rest = rest_days or ""
        if any(ch not in "1234567" for ch in rest):
            raise ValueError(f"rest days must be ISO weekday digits 1-7, not {rest_days!r}")
        self._rest = frozenset(int(ch) for ch in rest)
        self._statuses = tuple(statuses)

        undated = [c.status for c in statuses if c.since is None]
        # sorted() is stable: of two changes on one date, the later one given wins
        dated = sorted(
            ((c.since, c.status) for c in statuses if c.since is not None), key=lambda pair: pair[0]
        )
        if undated:
            initial = undated[-1]
        elif dated and [s for d, s in dated if d == dated[0][0]][-1] == "operating":
            initial = NOT_OPEN
        else:
            initial = "operating"
        starts = [_MIN]
        states = [initial]
        for since, status in dated:
            ordinal = since.toordinal()
            if ordinal == starts[-1]:
                states[-1] = status
            elif status != states[-1]:
                starts.append(ordinal)
                states.append(status)
        self._starts = starts
        self._states = states
        # spans (ordinals, inclusive) where the status is operating
        self._open_spans: list[tuple[int, int]] = []
        for i, state in enumerate(states):
            if state == "operating":
                last = starts[i + 1] - 1 if i + 1 < len(starts) else _MAX
                self._open_spans.append((starts[i], last))
        self._open_ends = [span[1] for span in self._open_spans]

        # closures merged into disjoint sorted spans
        raw = sorted(
            (a.toordinal(), (b.toordinal() if b is not None else _MAX)) for a, b in closures
        )
        merged: list[list[int]] = []
        for a, b in raw:
            if b < a:
                continue  # an empty span closes nothing
            if merged and a <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._closures = [(a, b) for a, b in merged]
        self._closure_ends = [b for _, b in merged]

    # --- single days

    def status_on(self, d: date) -> str:
        """"operating", "suspended", "cancelled", or "not_open" (before its opening day)."""
        index = bisect_right(self._starts, d.toordinal()) - 1
        return self._states[index]

    def _closed(self, ordinal: int) -> bool:
        index = bisect_left(self._closure_ends, ordinal)
        return index < len(self._closures) and self._closures[index][0] <= ordinal

    def in_business(self, d: date) -> bool:
        """在营 by status on `d`, whatever its rest days and closures: what supervision obligations
        and 包保覆盖率 ask (DOMAIN.md section 3); a rest day or a holiday closure does not end a duty."""
        return self.status_on(d) == "operating"

    def is_operating(self, d: date) -> bool:
        if self.status_on(d) != "operating" or d.isoweekday() in self._rest:
            return False
        return not self._closed(d.toordinal())

    # --- ranges

    def _pieces(self, start: date, end: date) -> Iterator[tuple[int, int]]:
        """Inclusive ordinal spans within [start, end] operating by status and not closed."""
        lo, hi = start.toordinal(), end.toordinal()
        if hi < lo:
            return
        i = bisect_left(self._open_ends, lo)
        j = bisect_left(self._closure_ends, lo)
        while i < len(self._open_spans):
            a, b = self._open_spans[i]
            if a > hi:
                return
            a, b = max(a, lo), min(b, hi)
            # cut the closures out of [a, b]
            while j < len(self._closures) and self._closures[j][1] < a:
                j += 1
            k = j
            cursor = a
            while k < len(self._closures) and self._closures[k][0] <= b:
                ca, cb = self._closures[k]
                if ca > cursor:
                    yield cursor, ca - 1
                cursor = max(cursor, cb + 1)
                if cursor > b:
                    break
                k += 1
            if cursor <= b:
                yield cursor, b
            i += 1

    def _count_span(self, a: int, b: int) -> int:
        n = b - a + 1
        if not self._rest:
            return n
        weeks, extra = divmod(n, 7)
        total = weeks * (7 - len(self._rest))
        first = _weekday(a)
        for offset in range(extra):
            if (first + offset - 1) % 7 + 1 not in self._rest:
                total += 1
        return total

    def count(self, start: date, end: date) -> int:
        """Operating days in [start, end] (0 when end < start)."""
        return sum(self._count_span(a, b) for a, b in self._pieces(start, end))

    def any(self, start: date, end: date) -> bool:
        """At least one operating day in [start, end]."""
        return any(self._count_span(a, b) for a, b in self._pieces(start, end))

    def is_full(self, start: date, end: date) -> bool:
        """Every day in [start, end] operating (true for an empty range)."""
        if end < start:
            return True
        return self.count(start, end) == (end - start).days + 1

    def bits(self, start: date, end: date) -> int:
        """The operating days in [start, end] as a bit set: bit i is the day start + i."""
        origin = start.toordinal()
        spans = 0
        for a, b in self._pieces(start, end):
            spans |= ((1 << (b - a + 1)) - 1) << (a - origin)
        if not self._rest or not spans:
            return spans
        week = sum(1 << i for i in range(7) if _weekday(origin + i) not in self._rest)
        weeks = (end.toordinal() - origin) // 7 + 1
        return spans & week * (((1 << (7 * weeks)) - 1) // 127)  # the week's pattern, repeated

    def days(self, start: date, end: date) -> list[date]:
        """The operating days in [start, end], in order."""
        found: list[date] = []
        for a, b in self._pieces(start, end):
            for ordinal in range(a, b + 1):
                if _weekday(ordinal) not in self._rest:
                    found.append(date.fromordinal(ordinal))
        return found

    @property
    def is_trivial(self) -> bool:
        """Operating every day: only an undated 'operating' status, no rest days, no closures."""
        return (
            all(c.since is None and c.status == "operating" for c in self._statuses)
            and not self._rest
            and not self._closures
        )

    @property
    def rest_days(self) -> str:
        return "".join(str(n) for n in sorted(self._rest))

    def __repr__(self) -> str:
        return (
            f"OperatingCalendar(statuses={list(self._statuses)!r}, rest_days={self.rest_days!r}, "
            f"closures={[(date.fromordinal(a), date.fromordinal(b)) for a, b in self._closures]!r})"
        )
