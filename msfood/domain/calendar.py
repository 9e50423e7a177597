"""China's working days: official holidays and make-up workdays (调休), DOMAIN.md section 2.

The `chinese_calendar` package knows the years it was released for (1.11: 2004-2026) and raises
NotImplementedError for others. For those an admin enters a local table (day -> is_workday), or a
bureau's bundle carries it; until a year is known, Monday to Friday count as workdays and the UI warns
(`unknown_years`, `holiday_warnings`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, timedelta

import chinese_calendar

from msfood.core.errors import Issue, ValidationError


class WorkCalendar:
    def __init__(self, overrides: Mapping[date, bool] | None = None) -> None:
        self._overrides: dict[date, bool] = dict(overrides or {})
        self._override_years = {d.year for d in self._overrides}
        self._library_years: dict[int, bool] = {}

    def _library_knows(self, year: int) -> bool:
        known = self._library_years.get(year)
        if known is None:
            try:
                chinese_calendar.is_workday(date(year, 1, 1))
                known = True
            except NotImplementedError:
                known = False
            self._library_years[year] = known
        return known

    def knows_year(self, year: int) -> bool:
        """The holidays of `year` are known: the library has them or the local table holds a day of it."""
        return year in self._override_years or self._library_knows(year)

    def is_workday(self, d: date) -> bool:
        """The local table first, then chinese_calendar if it knows the year, else Monday to Friday."""
        override = self._overrides.get(d)
        if override is not None:
            return override
        if self._library_knows(d.year):
            return bool(chinese_calendar.is_workday(d))
        return d.isoweekday() <= 5

    def add_workdays(self, d: date, n: int) -> date:
        """The n-th working day after d (n == 0 gives d itself)."""
        if n < 0:
            raise ValueError("n must not be negative")
        current = d
        remaining = n
        while remaining:
            current += timedelta(days=1)
            if self.is_workday(current):
                remaining -= 1
        return current

    def workdays_between(self, a: date, b: date) -> int:
        """The working days in (a, b]; 0 when b is not after a."""
        total = 0
        current = a + timedelta(days=1)
        while current <= b:
            if self.is_workday(current):
                total += 1
            current += timedelta(days=1)
        return total

    def unknown_years(self, a: date, b: date) -> list[int]:
        """The years in [a, b] whose holidays are not known (Monday-Friday is assumed for them)."""
        return [year for year in range(a.year, b.year + 1) if not self.knows_year(year)]

    def holiday_warnings(self, a: date, b: date) -> list[Issue]:
        """One `warn.holidays_unknown` issue per unknown year in [a, b], for the UI and reports."""
        return [Issue("warn.holidays_unknown", "", {"year": year}) for year in self.unknown_years(a, b)]


# --- regular rest weekdays of a business ("67" = Saturday and Sunday)

_ZH_DAY = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7}
_EN_DAY = {
    "mon": 1, "monday": 1, "tue": 2, "tues": 2, "tuesday": 2, "wed": 3, "wednesday": 3,
    "thu": 4, "thur": 4, "thurs": 4, "thursday": 4, "fri": 5, "friday": 5,
    "sat": 6, "saturday": 6, "sun": 7, "sunday": 7,
}  # fmt: skip
_NONE_WORDS = {"无", "没有", "none", "-", "—"}
_WEEKEND_WORDS = {"周末", "双休", "双休日", "weekend", "weekends"}
_SEPARATORS = re.compile(r"[\s,，、;；/|和及与]+")
_ZH_TOKEN = re.compile(r"(?:周|星期|礼拜)?([一二三四五六日天七])")
_ZH_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def _token_days(token: str) -> set[int] | None:
    """The weekdays one token names, or None when it names none."""
    lower = token.lower()
    if lower in _EN_DAY:
        return {_EN_DAY[lower]}
    if lower in _WEEKEND_WORDS:
        return {6, 7}
    if token.isdigit():
        digits = {int(ch) for ch in token}
        return digits if digits <= {1, 2, 3, 4, 5, 6, 7} else None
    # Chinese: 周六 / 星期六 / 礼拜天 / 六, also run together ("周六周日")
    spans = list(_ZH_TOKEN.finditer(token))
    if spans and "".join(m.group(0) for m in spans) == token:
        return {_ZH_DAY[m.group(1)] for m in spans}
    return None


def parse_rest_days(text: str) -> str:
    """Rest weekdays as ISO weekday digits, sorted and unique: "周六、周日" -> "67"; blank -> ""."""
    cleaned = unicodedata.normalize("NFKC", text or "").strip()
    if not cleaned or cleaned.lower() in _NONE_WORDS:
        return ""
    days: set[int] = set()
    for token in _SEPARATORS.split(cleaned):
        if not token:
            continue
        found = _token_days(token)
        if found is None:
            raise ValidationError(Issue("rest_days.format", "rest_days", {"value": text}))
        days |= found
    return "".join(str(day) for day in sorted(days))


def format_rest_days(digits: str) -> str:
    """ "67" -> "周六、周日"; "" -> "". """
    return "、".join(_ZH_NAMES[int(ch) - 1] for ch in sorted(set(digits or "")) if ch in "1234567")
