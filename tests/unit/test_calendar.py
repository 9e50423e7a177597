"""Working days with China's official holidays and make-up workdays (DOMAIN.md section 2)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from msfood.core.errors import ValidationError
from msfood.domain.calendar import WorkCalendar, format_rest_days, parse_rest_days
from msfood.i18n import t

D = date


def test_known_2026_dates() -> None:
    cal = WorkCalendar()
    assert cal.knows_year(2026) and cal.knows_year(2004)
    assert not cal.is_workday(D(2026, 10, 1))  # National Day, a Thursday
    assert not cal.is_workday(D(2026, 10, 7))
    assert cal.is_workday(D(2026, 10, 8))
    assert D(2026, 10, 10).isoweekday() == 6 and cal.is_workday(D(2026, 10, 10))  # make-up Saturday
    assert D(2026, 2, 14).isoweekday() == 6 and cal.is_workday(D(2026, 2, 14))
    assert D(2026, 1, 4).isoweekday() == 7 and cal.is_workday(D(2026, 1, 4))  # make-up Sunday
    assert not cal.is_workday(D(2026, 2, 17))  # Spring Festival, a Tuesday
    assert not cal.is_workday(D(2026, 11, 28))  # an ordinary Saturday
    assert cal.is_workday(D(2026, 11, 24))


def test_unknown_year_counts_monday_to_friday() -> None:
    cal = WorkCalendar()
    assert not cal.knows_year(2027)
    assert not cal.knows_year(2003)
    assert cal.is_workday(D(2027, 1, 1))  # a Friday; New Year's Day not known yet
    assert not cal.is_workday(D(2027, 1, 2))
    assert cal.unknown_years(D(2026, 6, 1), D(2028, 2, 1)) == [2027, 2028]
    assert cal.unknown_years(D(2026, 1, 1), D(2026, 12, 31)) == []
    warnings = cal.holiday_warnings(D(2026, 12, 1), D(2027, 1, 31))
    assert [(w.code, w.params) for w in warnings] == [("warn.holidays_unknown", {"year": 2027})]
    assert "2027" in warnings[0].message("zh_CN")


def test_overrides_come_first_and_make_year_known() -> None:
    cal = WorkCalendar({D(2027, 1, 1): False, D(2026, 10, 1): True, D(2027, 2, 7): True})
    assert cal.knows_year(2027)
    assert not cal.is_workday(D(2027, 1, 1))
    assert cal.is_workday(D(2027, 2, 7))  # a Sunday made a workday
    assert cal.is_workday(D(2027, 1, 4))  # other days of 2027: Monday-Friday
    assert cal.is_workday(D(2026, 10, 1))  # the local table beats the library
    assert not cal.is_workday(D(2026, 10, 2))
    assert cal.unknown_years(D(2026, 1, 1), D(2028, 1, 1)) == [2028]


def test_add_workdays_over_national_day() -> None:
    cal = WorkCalendar()
    # result received Wed 2026-09-30; 7 working days for a retest request: 10-08, 09, 10 (Sat, make-up),
    # 12, 13, 14, 15
    assert cal.add_workdays(D(2026, 9, 30), 7) == D(2026, 10, 15)
    assert cal.add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert cal.add_workdays(D(2026, 9, 30), 0) == D(2026, 9, 30)
    assert cal.add_workdays(D(2026, 10, 3), 0) == D(2026, 10, 3)
    assert cal.add_workdays(D(2026, 11, 27), 1) == D(2026, 11, 30)  # Friday -> Monday
    with pytest.raises(ValueError):
        cal.add_workdays(D(2026, 1, 1), -1)


def test_add_workdays_into_unknown_year() -> None:
    cal = WorkCalendar()
    assert cal.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 1)
    assert cal.add_workdays(D(2026, 12, 31), 2) == D(2027, 1, 4)


def test_workdays_between() -> None:
    cal = WorkCalendar()
    assert cal.workdays_between(D(2026, 9, 30), D(2026, 10, 15)) == 7
    assert cal.workdays_between(D(2026, 9, 30), D(2026, 10, 7)) == 0
    assert cal.workdays_between(D(2026, 9, 30), D(2026, 9, 30)) == 0
    assert cal.workdays_between(D(2026, 10, 15), D(2026, 9, 30)) == 0
    assert cal.workdays_between(D(2026, 9, 29), D(2026, 9, 30)) == 1
    for n in range(0, 40):
        start = D(2026, 9, 20)
        assert cal.workdays_between(start, cal.add_workdays(start, n)) == n


def test_year_2026_has_the_published_workday_count() -> None:
    cal = WorkCalendar()
    days = [D(2026, 1, 1) + timedelta(days=i) for i in range(365)]
    weekdays = sum(1 for d in days if d.isoweekday() <= 5)
    workdays = sum(1 for d in days if cal.is_workday(d))
    assert workdays == cal.workdays_between(D(2025, 12, 31), D(2026, 12, 31))
    assert workdays < weekdays


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("周六、周日", "67"),
        ("周六,周日", "67"),
        ("周日，周六", "67"),
        ("星期六 星期日", "67"),
        ("星期六 星期天", "67"),
        ("礼拜天", "7"),
        ("周六周日", "67"),
        ("周六和周日", "67"),
        ("6,7", "67"),
        ("6、7", "67"),
        ("67", "67"),
        ("7,6,6", "67"),
        ("Sat, Sun", "67"),
        ("saturday sunday", "67"),
        ("Mon", "1"),
        ("周末", "67"),
        ("周三", "3"),
        ("", ""),
        ("   ", ""),
        ("无", ""),
        ("６，７", "67"),
    ],
)
def test_parse_rest_days(text: str, digits: str) -> None:
    assert parse_rest_days(text) == digits


@pytest.mark.parametrize("text", ["周八", "8", "0,6", "Saturn", "周六或周日", "每周一次"])
def test_parse_rest_days_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_rest_days(text)
    issue = info.value.issues[0]
    assert (issue.code, issue.field, issue.params) == ("rest_days.format", "rest_days", {"value": text})
    assert text in info.value.message("zh_CN")
    assert "休息日" in info.value.message("zh_CN")


def test_format_rest_days_roundtrip() -> None:
    assert format_rest_days("67") == "周六、周日"
    assert format_rest_days("") == ""
    assert format_rest_days("71") == "周一、周日"
    for digits in ["", "1", "67", "1234567", "35"]:
        assert parse_rest_days(format_rest_days(digits)) == digits


def test_messages_exist() -> None:
    assert t("rest_days.format", "en", value="x") != "rest_days.format"
    assert t("uscc.region", "zh_CN", value="x") != "uscc.region"
