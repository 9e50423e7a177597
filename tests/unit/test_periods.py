"""Period keys, boundaries and iteration (DOMAIN.md section 2)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msfood.core.errors import ValidationError
from msfood.domain.periods import (
    KINDS,
    Period,
    month_key,
    parse_period,
    period_key_for,
    period_of,
    periods_ending_within,
    week_key,
)

D = date


@pytest.mark.parametrize(
    ("text", "kind", "key", "start", "end"),
    [
        ("2026-11-24", "day", "2026-11-24", D(2026, 11, 24), D(2026, 11, 24)),
        ("2026-W48", "week", "2026-W48", D(2026, 11, 23), D(2026, 11, 29)),
        ("2026-w48", "week", "2026-W48", D(2026, 11, 23), D(2026, 11, 29)),
        ("2026-W01", "week", "2026-W01", D(2025, 12, 29), D(2026, 1, 4)),
        ("2020-W53", "week", "2020-W53", D(2020, 12, 28), D(2021, 1, 3)),
        ("2026-11", "month", "2026-11", D(2026, 11, 1), D(2026, 11, 30)),
        ("2024-02", "month", "2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2026Q4", "quarter", "2026Q4", D(2026, 10, 1), D(2026, 12, 31)),
        ("2026q1", "quarter", "2026Q1", D(2026, 1, 1), D(2026, 3, 31)),
        ("2026Q2", "quarter", "2026Q2", D(2026, 4, 1), D(2026, 6, 30)),
        ("2026H2", "half", "2026H2", D(2026, 7, 1), D(2026, 12, 31)),
        ("2026h1", "half", "2026H1", D(2026, 1, 1), D(2026, 6, 30)),
        ("2026", "year", "2026", D(2026, 1, 1), D(2026, 12, 31)),
        (" 2026Q3 ", "quarter", "2026Q3", D(2026, 7, 1), D(2026, 9, 30)),
    ],
)
def test_parse_period(text: str, kind: str, key: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert period == Period(kind, key, start, end)
    assert str(period) == key


@pytest.mark.parametrize(
    "text",
    ["", "2026-13", "2026-02-30", "2026-W00", "2025-W53", "2026-W54", "2026Q0", "2026Q5", "2026H3",
     "26", "2026-1", "2026/11", "Q4 2026", "2026-11-24x", "0000", "abc", "2026-W5"],
)
def test_parse_period_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_period(text)
    issue = info.value.issues[0]
    assert (issue.code, issue.field, issue.params) == ("period.format", "period", {"value": text})


def test_week_year_is_iso_year() -> None:
    assert parse_period("2026-W01").year == 2026
    assert parse_period("2026-W01").start.year == 2025
    assert parse_period("2020-W53").year == 2020
    assert period_of("week", D(2021, 1, 3)).key == "2020-W53"
    assert period_of("week", D(2021, 1, 4)).key == "2021-W01"
    assert parse_period("2026Q4").year == 2026


def test_contains_and_days() -> None:
    q2 = parse_period("2026Q2")
    assert q2.days == 91
    assert q2.contains(D(2026, 4, 1)) and q2.contains(D(2026, 6, 30))
    assert not q2.contains(D(2026, 3, 31)) and not q2.contains(D(2026, 7, 1))
    assert parse_period("2024").days == 366
    assert parse_period("2026H1").days == 181
    assert parse_period("2026-W10").days == 7
    assert parse_period("2026-11-24").days == 1


@pytest.mark.parametrize(
    ("key", "nxt", "prev"),
    [
        ("2026-12-31", "2027-01-01", "2026-12-30"),
        ("2026-W52", "2026-W53", "2026-W51"),
        ("2026-W53", "2027-W01", "2026-W52"),
        ("2020-W53", "2021-W01", "2020-W52"),
        ("2026-W01", "2026-W02", "2025-W52"),
        ("2026-12", "2027-01", "2026-11"),
        ("2026Q4", "2027Q1", "2026Q3"),
        ("2026Q1", "2026Q2", "2025Q4"),
        ("2026H2", "2027H1", "2026H1"),
        ("2026", "2027", "2025"),
    ],
)
def test_next_previous(key: str, nxt: str, prev: str) -> None:
    period = parse_period(key)
    assert period.next().key == nxt
    assert period.previous().key == prev
    assert period.next().start == period.end + timedelta(days=1)
    assert period.previous().end == period.start - timedelta(days=1)


@pytest.mark.parametrize(
    ("kind", "d", "key"),
    [
        ("day", D(2026, 4, 1), "2026-04-01"),
        ("week", D(2026, 11, 29), "2026-W48"),
        ("week", D(2026, 11, 30), "2026-W49"),
        ("week", D(2025, 12, 29), "2026-W01"),
        ("month", D(2026, 4, 30), "2026-04"),
        ("quarter", D(2026, 3, 31), "2026Q1"),
        ("quarter", D(2026, 4, 1), "2026Q2"),
        ("quarter", D(2026, 9, 30), "2026Q3"),
        ("half", D(2026, 6, 30), "2026H1"),
        ("half", D(2026, 7, 1), "2026H2"),
        ("year", D(2026, 12, 31), "2026"),
    ],
)
def test_period_of(kind: str, d: date, key: str) -> None:
    period = period_of(kind, d)
    assert period.key == key
    assert period.contains(d)
    assert parse_period(key) == period


def test_period_of_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown period kind"):
        period_of("fortnight", D(2026, 1, 1))


def test_periods_ending_within_months_in_year() -> None:
    months = periods_ending_within("month", D(2026, 1, 1), D(2026, 12, 31))
    assert [p.key for p in months] == [f"2026-{m:02d}" for m in range(1, 13)]


def test_periods_ending_within_weeks_in_q2() -> None:
    # DOMAIN/WORKED_EXAMPLE: the weeks ending in 2026Q2 are 14-26 (week 27 ends on 07-05)
    weeks = periods_ending_within("week", D(2026, 4, 1), D(2026, 6, 30))
    assert [p.key for p in weeks] == [f"2026-W{w:02d}" for w in range(14, 27)]
    assert weeks[0].start == D(2026, 3, 30)


def test_periods_ending_within_edges() -> None:
    # a quarter ending on the last day counts; one ending the day after does not
    assert [p.key for p in periods_ending_within("quarter", D(2026, 1, 1), D(2026, 6, 30))] == [
        "2026Q1", "2026Q2"]
    assert [p.key for p in periods_ending_within("quarter", D(2026, 1, 1), D(2026, 6, 29))] == ["2026Q1"]
    assert [p.key for p in periods_ending_within("quarter", D(2026, 3, 31), D(2026, 3, 31))] == ["2026Q1"]
    assert periods_ending_within("quarter", D(2026, 4, 1), D(2026, 6, 29)) == []
    assert periods_ending_within("year", D(2026, 1, 1), D(2026, 12, 30)) == []
    assert periods_ending_within("month", D(2026, 5, 1), D(2026, 4, 1)) == []
    assert [p.key for p in periods_ending_within("half", D(2025, 7, 1), D(2026, 12, 31))] == [
        "2025H2", "2026H1", "2026H2"]
    days = periods_ending_within("day", D(2026, 2, 27), D(2026, 3, 1))
    assert [p.key for p in days] == ["2026-02-27", "2026-02-28", "2026-03-01"]


def test_keys() -> None:
    assert week_key(D(2026, 2, 1)) == "2026-W05"
    assert week_key(D(2027, 1, 1)) == "2026-W53"
    assert week_key(D(2025, 12, 29)) == "2026-W01"
    assert month_key(D(2026, 4, 9)) == "2026-04"
    assert period_key_for("daily", D(2026, 4, 1)) == "2026-04-01"
    assert period_key_for("weekly", D(2026, 4, 1)) == "2026-W14"
    assert period_key_for("monthly", D(2026, 4, 1)) == "2026-04"
    assert period_key_for("quarter", D(2026, 4, 1)) == "2026Q2"
    with pytest.raises(ValueError):
        period_key_for("hourly", D(2026, 4, 1))


@given(st.sampled_from(KINDS), st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))
def test_period_of_roundtrip(kind: str, d: date) -> None:
    period = period_of(kind, d)
    assert period.contains(d)
    assert parse_period(period.key) == period
    assert period.kind == kind
    assert period.next().start == period.end + timedelta(days=1)
    assert period.previous().next() == period
    if kind == "week":
        assert period.start.isoweekday() == 1 and period.days == 7


@given(
    st.sampled_from(KINDS),
    st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31)),
    st.integers(min_value=0, max_value=800),
)
def test_periods_ending_within_matches_brute_force(kind: str, start: date, length: int) -> None:
    end = start + timedelta(days=length)
    expected = []
    d = start
    while d <= end:
        period = period_of(kind, d)
        if period.end == d:
            expected.append(period)
        d += timedelta(days=1)
    assert periods_ending_within(kind, start, end) == expected
