"""Operating days from status history, rest weekdays and closures (DOMAIN.md sections 1 and 3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msfood.domain.operating import OperatingCalendar, StatusChange
from msfood.domain.periods import parse_period

D = date
Q2 = parse_period("2026Q2")


def each_day(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def consistent(cal: OperatingCalendar, start: date, end: date) -> int:
    """count(), days() and is_operating() agree; returns the count."""
    expected = [d for d in each_day(start, end) if cal.is_operating(d)]
    assert cal.days(start, end) == expected
    assert cal.count(start, end) == len(expected)
    assert cal.any(start, end) == bool(expected)
    assert cal.is_full(start, end) == (len(expected) == (end - start).days + 1)
    return len(expected)


def test_no_history_operates_every_day() -> None:
    cal = OperatingCalendar()
    assert cal.is_trivial
    assert cal.status_on(D(1990, 1, 1)) == "operating"
    assert cal.count(Q2.start, Q2.end) == 91
    assert cal.is_full(Q2.start, Q2.end)
    assert consistent(cal, Q2.start, Q2.end) == 91


def test_undated_operating_is_trivial() -> None:
    cal = OperatingCalendar([StatusChange(None, "operating")])
    assert cal.is_trivial
    assert cal.count(D(2026, 1, 1), D(2026, 12, 31)) == 365


def test_worked_example_e3_suspended_from_0520() -> None:
    cal = OperatingCalendar([StatusChange(D(2026, 5, 20), "suspended")])
    assert not cal.is_trivial
    assert cal.status_on(D(2026, 5, 19)) == "operating"
    assert cal.status_on(D(2026, 5, 20)) == "suspended"
    assert cal.status_on(D(2026, 6, 30)) == "suspended"
    assert cal.count(Q2.start, Q2.end) == 49
    assert cal.days(Q2.start, Q2.end)[-1] == D(2026, 5, 19)
    assert not cal.is_operating(D(2026, 6, 30))
    assert cal.any(Q2.start, Q2.end) and not cal.is_full(Q2.start, Q2.end)
    assert not cal.any(D(2026, 5, 20), D(2026, 6, 30))
    assert consistent(cal, Q2.start, Q2.end) == 49


def test_first_dated_operating_marks_opening() -> None:
    cal = OperatingCalendar([StatusChange(D(2026, 5, 1), "operating")])
    assert cal.status_on(D(2026, 4, 30)) == "not_open"
    assert cal.status_on(D(2026, 5, 1)) == "operating"
    assert not cal.is_operating(D(2026, 4, 30))
    assert cal.count(Q2.start, Q2.end) == 61  # May 31 + June 30
    assert not cal.any(D(2026, 4, 1), D(2026, 4, 30))
    assert not cal.is_trivial
    assert consistent(cal, Q2.start, Q2.end) == 61


def test_undated_status_overrides_not_open_default() -> None:
    # an undated 'operating' says it always operated: the dated 'operating' does not mark an opening
    cal = OperatingCalendar([StatusChange(None, "operating"), StatusChange(D(2026, 5, 1), "operating")])
    assert cal.status_on(D(2026, 4, 30)) == "operating"
    assert cal.count(Q2.start, Q2.end) == 91


def test_reopen_after_suspension() -> None:
    cal = OperatingCalendar(
        [StatusChange(D(2026, 6, 1), "operating"), StatusChange(D(2026, 4, 10), "suspended")]
    )  # order given does not matter
    assert cal.status_on(D(2026, 4, 9)) == "operating"
    assert cal.status_on(D(2026, 4, 10)) == "suspended"
    assert cal.status_on(D(2026, 5, 31)) == "suspended"
    assert cal.status_on(D(2026, 6, 1)) == "operating"
    assert cal.count(Q2.start, Q2.end) == 9 + 30
    assert consistent(cal, Q2.start, Q2.end) == 39


def test_cancelled_for_good() -> None:
    cal = OperatingCalendar(
        [StatusChange(D(2025, 3, 1), "operating"), StatusChange(D(2026, 4, 16), "cancelled")]
    )
    assert cal.status_on(D(2025, 2, 28)) == "not_open"
    assert cal.status_on(D(2026, 4, 16)) == "cancelled"
    assert cal.status_on(D(2030, 1, 1)) == "cancelled"
    assert cal.count(Q2.start, Q2.end) == 15
    assert cal.count(D(2026, 7, 1), D(2026, 12, 31)) == 0
    assert consistent(cal, D(2025, 1, 1), D(2026, 12, 31)) == 365 - 59 + 105


def test_undated_suspended() -> None:
    cal = OperatingCalendar([StatusChange(None, "suspended")])
    assert cal.status_on(D(2026, 5, 1)) == "suspended"
    assert cal.count(Q2.start, Q2.end) == 0
    assert not cal.any(Q2.start, Q2.end)
    assert not cal.is_trivial
    reopened = OperatingCalendar([StatusChange(None, "suspended"), StatusChange(D(2026, 6, 21), "operating")])
    assert reopened.status_on(D(2026, 6, 20)) == "suspended"
    assert reopened.count(Q2.start, Q2.end) == 10


def test_same_day_changes_last_given_wins() -> None:
    cal = OperatingCalendar(
        [StatusChange(D(2026, 5, 1), "suspended"), StatusChange(D(2026, 5, 1), "operating")]
    )
    # of two changes on one date the later one given wins; here it also marks the opening
    assert cal.status_on(D(2026, 5, 1)) == "operating"
    assert cal.status_on(D(2026, 4, 30)) == "not_open"
    other = OperatingCalendar(
        [StatusChange(D(2026, 5, 1), "operating"), StatusChange(D(2026, 5, 1), "suspended")]
    )
    assert other.status_on(D(2026, 5, 1)) == "suspended"
    assert other.status_on(D(2026, 4, 30)) == "operating"


def test_rest_days_weekend_in_a_week() -> None:
    cal = OperatingCalendar(rest_days="67")
    week = parse_period("2026-W48")  # Mon 2026-11-23 .. Sun 2026-11-29
    assert cal.count(week.start, week.end) == 5
    assert cal.days(week.start, week.end) == each_day(D(2026, 11, 23), D(2026, 11, 27))
    assert not cal.is_operating(D(2026, 11, 28)) and not cal.is_operating(D(2026, 11, 29))
    assert cal.any(D(2026, 11, 28), D(2026, 11, 29)) is False
    assert not cal.is_full(week.start, week.end)
    assert cal.is_full(D(2026, 11, 23), D(2026, 11, 27))
    assert not cal.is_trivial
    assert cal.count(Q2.start, Q2.end) == 65  # 2026Q2 has 13 weeks of 7 days = 91, 26 weekend days
    assert consistent(cal, D(2026, 1, 1), D(2026, 12, 31)) == 261


def test_rest_day_digits_validated() -> None:
    with pytest.raises(ValueError):
        OperatingCalendar(rest_days="08")
    with pytest.raises(ValueError):
        OperatingCalendar([StatusChange(None, "closed")])
    assert OperatingCalendar(rest_days="776").rest_days == "67"


def test_closures_overlapping_rest_days_and_statuses() -> None:
    cal = OperatingCalendar(
        statuses=[StatusChange(D(2026, 5, 20), "suspended"), StatusChange(D(2026, 6, 10), "operating")],
        rest_days="7",
        closures=[
            (D(2026, 4, 4), D(2026, 4, 6)),  # Sat-Mon: only Sat and Mon were operating days
            (D(2026, 4, 5), D(2026, 4, 8)),  # overlaps the first
            (D(2026, 5, 15), D(2026, 6, 12)),  # across both status changes
            (D(2026, 6, 30), D(2026, 6, 30)),
            (D(2026, 6, 25), D(2026, 6, 24)),  # empty: ignored
        ],
    )
    assert not cal.is_operating(D(2026, 4, 4))
    assert cal.is_operating(D(2026, 4, 9))
    assert not cal.is_operating(D(2026, 6, 12))
    assert cal.is_operating(D(2026, 6, 13))
    assert not cal.is_operating(D(2026, 6, 14))  # a Sunday
    n = consistent(cal, Q2.start, Q2.end)
    # April: 30 days - 4 Sundays - closed Sat 4, Mon 6, Tue 7, Wed 8 (Sun 5 already rest) = 22
    # May 1-14: 14 days - 2 Sundays = 12; June 13-29: 17 days - 3 Sundays (14, 21, 28) = 14
    assert n == 22 + 12 + 14
    assert consistent(cal, D(2026, 4, 5), D(2026, 4, 5)) == 0
    assert consistent(cal, D(2026, 1, 1), D(2026, 12, 31)) == cal.count(D(2026, 1, 1), D(2026, 12, 31))


def test_open_ended_closure() -> None:
    cal = OperatingCalendar(closures=[(D(2026, 6, 1), None)])
    assert cal.count(Q2.start, Q2.end) == 61
    assert cal.count(D(2030, 1, 1), D(2030, 12, 31)) == 0


def test_empty_range() -> None:
    cal = OperatingCalendar()
    assert cal.count(D(2026, 5, 2), D(2026, 5, 1)) == 0
    assert cal.days(D(2026, 5, 2), D(2026, 5, 1)) == []
    assert not cal.any(D(2026, 5, 2), D(2026, 5, 1))
    assert cal.is_full(D(2026, 5, 2), D(2026, 5, 1))


def test_count_is_fast_over_long_ranges() -> None:
    cal = OperatingCalendar(
        [StatusChange(D(2000, 1, 1), "operating"), StatusChange(D(2090, 1, 1), "cancelled")],
        rest_days="67",
        closures=[(D(2050, 1, 1), D(2050, 1, 31))],
    )
    # ~90 years: spans, not a loop over 33,000 days (a loop would still pass; this checks the figure)
    total = cal.count(D(1990, 1, 1), D(2100, 1, 1))
    assert total == len(cal.days(D(1990, 1, 1), D(2100, 1, 1)))


STATUS = st.sampled_from(["operating", "suspended", "cancelled"])
DAY = st.dates(min_value=D(2025, 12, 1), max_value=D(2026, 8, 31))


@st.composite
def calendars(draw: st.DrawFn) -> OperatingCalendar:
    statuses = draw(st.lists(st.builds(StatusChange, st.one_of(st.none(), DAY), STATUS), max_size=6))
    rest = draw(st.lists(st.sampled_from("1234567"), max_size=7))
    closures = draw(
        st.lists(
            st.tuples(DAY, st.integers(min_value=-2, max_value=40)).map(
                lambda pair: (pair[0], pair[0] + timedelta(days=pair[1]))
            ),
            max_size=5,
        )
    )
    return OperatingCalendar(statuses, "".join(rest), closures)


@settings(max_examples=300)
@given(calendars(), DAY, st.integers(min_value=-3, max_value=200))
def test_count_matches_days_and_is_operating(cal: OperatingCalendar, start: date, length: int) -> None:
    end = start + timedelta(days=length)
    expected = [d for d in each_day(start, end) if cal.is_operating(d)] if end >= start else []
    assert cal.days(start, end) == expected
    assert cal.count(start, end) == len(expected)
    assert cal.any(start, end) == bool(expected)
    if end >= start:
        assert cal.is_full(start, end) == (len(expected) == length + 1)
    assert cal.bits(start, end) == sum(1 << (d - start).days for d in expected)


@settings(max_examples=300)
@given(st.lists(st.tuples(DAY, STATUS), max_size=6), st.one_of(st.none(), STATUS), DAY)
def test_status_on_matches_definition(changes: list[tuple[date, str]], undated: str | None, d: date) -> None:
    statuses = [StatusChange(since, status) for since, status in changes]
    if undated is not None:
        statuses.append(StatusChange(None, undated))
    cal = OperatingCalendar(statuses)
    held = [(since, status) for since, status in changes if since <= d]
    if held:
        latest = max(since for since, _ in held)
        expected = [status for since, status in held if since == latest][-1]
    elif undated is not None:
        expected = undated
    elif changes and [s for t, s in changes if t == min(c[0] for c in changes)][-1] == "operating":
        expected = "not_open"
    else:
        expected = "operating"
    assert cal.status_on(d) == expected
