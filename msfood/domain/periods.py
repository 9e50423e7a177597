"""Report periods: day, ISO week (Monday to Sunday), month, quarter, half-year and year (DOMAIN.md 2).

Keys: day `2026-11-24`, week `2026-W48`, month `2026-11`, quarter `2026Q4`, half `2026H2`, year `2026`.
Every period includes both its first and its last day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from msfood.core.errors import Issue, ValidationError

KINDS = ("day", "week", "month", "quarter", "half", "year")

# Self-check record kinds (selfcheck.kind) -> the period kind their key names.
_SELFCHECK_KINDS = {"daily": "day", "weekly": "week", "monthly": "month"}

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(r"(\d{4})-(\d{2})-(\d{2})")),
    ("week", re.compile(r"(\d{4})-?W(\d{2})")),
    ("month", re.compile(r"(\d{4})-(\d{2})")),
    ("quarter", re.compile(r"(\d{4})-?Q(\d)")),
    ("half", re.compile(r"(\d{4})-?H(\d)")),
    ("year", re.compile(r"(\d{4})")),
)


@dataclass(frozen=True)
class Period:
    """One period: its kind, canonical key and inclusive first and last day."""

    kind: str
    key: str
    start: date
    end: date

    @property
    def year(self) -> int:
        """The period's own year: the ISO year for a week (2026-W01 starts on 2025-12-29)."""
        if self.kind == "week":
            return self.start.isocalendar().year
        return self.start.year

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def next(self) -> Period:
        return period_of(self.kind, self.end + timedelta(days=1))

    def previous(self) -> Period:
        return period_of(self.kind, self.start - timedelta(days=1))

    def __str__(self) -> str:
        return self.key


def _invalid(text: str) -> ValidationError:
    return ValidationError(Issue("period.format", "period", {"value": text}))


def parse_period(text: str) -> Period:
    """The period a key names; raises ValidationError(period.format) when it names none."""
    raw = text if isinstance(text, str) else str(text)
    cleaned = raw.strip().upper()
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        numbers = [int(g) for g in match.groups()]
        try:
            return _build(kind, numbers)
        except ValueError:
            raise _invalid(raw) from None
    raise _invalid(raw)


def _build(kind: str, numbers: list[int]) -> Period:
    """The period from the numbers of a key; ValueError when they name no real period."""
    year = numbers[0]
    if kind == "day":
        return period_of("day", date(year, numbers[1], numbers[2]))
    if kind == "week":
        start = date.fromisocalendar(year, numbers[1], 1)
        return period_of("week", start)
    if kind == "month":
        return period_of("month", date(year, numbers[1], 1))
    if kind == "quarter":
        if not 1 <= numbers[1] <= 4:
            raise ValueError("quarter")
        return period_of("quarter", date(year, 3 * numbers[1] - 2, 1))
    if kind == "half":
        if not 1 <= numbers[1] <= 2:
            raise ValueError("half")
        return period_of("half", date(year, 6 * numbers[1] - 5, 1))
    return period_of("year", date(year, 1, 1))


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def period_of(kind: str, d: date) -> Period:
    """The period of that kind which contains d."""
    if kind == "day":
        return Period("day", d.isoformat(), d, d)
    if kind == "week":
        start = d - timedelta(days=d.isoweekday() - 1)
        try:
            end = d + timedelta(days=7 - d.isoweekday())
        except OverflowError:  # the last week of 9999 runs past the calendar's end
            end = date.max
        return Period("week", week_key(d), start, end)
    if kind == "month":
        return Period("month", month_key(d), date(d.year, d.month, 1), _month_end(d.year, d.month))
    if kind == "quarter":
        q = (d.month - 1) // 3 + 1
        return Period("quarter", f"{d.year:04d}Q{q}", date(d.year, 3 * q - 2, 1), _month_end(d.year, 3 * q))
    if kind == "half":
        h = 1 if d.month <= 6 else 2
        return Period("half", f"{d.year:04d}H{h}", date(d.year, 6 * h - 5, 1), _month_end(d.year, 6 * h))
    if kind == "year":
        return Period("year", f"{d.year:04d}", date(d.year, 1, 1), date(d.year, 12, 31))
    raise ValueError(f"unknown period kind {kind!r} (expected one of {', '.join(KINDS)})")


def periods_ending_within(kind: str, start: date, end: date) -> list[Period]:
    """The periods of `kind` whose last day lies in [start, end], in order."""
    found: list[Period] = []
    if end < start:
        return found
    period = period_of(kind, start)  # its last day is on or after start
    while period.end <= end:
        found.append(period)
        if period.end == date.max:
            break
        period = period.next()
    return found


def week_key(d: date) -> str:
    """The ISO week key of d, e.g. "2026-W05" (ISO year, zero-padded week)."""
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def month_key(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def period_key_for(kind: str, d: date) -> str:
    """The period key a self-check record of this kind carries for day d.

    "daily" -> "2026-04-01", "weekly" -> "2026-W14", "monthly" -> "2026-04"; the period kinds
    "day", "week", "month" (and the others) are accepted too.
    """
    period_kind = _SELFCHECK_KINDS.get(kind, kind)
    if period_kind == "day":
        return d.isoformat()
    if period_kind == "week":
        return week_key(d)
    if period_kind == "month":
        return month_key(d)
    return period_of(period_kind, d).key
