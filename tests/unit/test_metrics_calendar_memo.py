"""The operating calendars load_scope keeps for the process (msfood.metrics.scope._calendar): two
databases opened in one process, where the same business has different status changes, rest days and
closures, each get the figures of their own data, the same as with nothing kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from msfood.db.engine import open_database
from msfood.metrics import compute_stats, scope
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario

CODE = "91430211000009136F"
AS_OF = dt.date(2026, 11, 24)


def build(  # type: ignore[no-untyped-def]
    path: Path, clock, *, rest: str, status: tuple[str, str] | None, closure: tuple[str, str] | None
):
    database = open_database(path)
    with unit_of_work(database.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        s.business(CODE, "甲饭店", region="430204", rest_days=rest)
        if status is not None:
            s.status(CODE, *status)
        if closure is not None:
            s.closure(CODE, *closure)
    return database


def operating_days(database) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with database.sessions() as session:
        daily = compute_stats(session, period="2026Q4", as_of=AS_OF, details=False).selfcheck.daily
    return daily.owing, daily.operating_days, daily.covered


def test_kept_calendars_give_each_database_its_own_figures(  # type: ignore[no-untyped-def]
    db_path: Path, tmp_path: Path, clock
) -> None:
    other_path = tmp_path / "other.sqlite"
    other_path.write_bytes(db_path.read_bytes())
    first = build(db_path, clock, rest="67", status=None, closure=("2026-11-01", "2026-11-10"))
    second = build(other_path, clock, rest="7", status=("suspended", "2026-11-15"), closure=None)
    try:
        scope._calendar.cache_clear()
        alone = {name: operating_days(d) for name, d in (("first", first), ("second", second))}
        scope._calendar.cache_clear()
        second_alone = operating_days(second)
        assert alone["first"] != alone["second"]  # the two calendars differ: the test can tell them apart
        # kept from the other database, then each read again after the other
        assert operating_days(first) == alone["first"] and operating_days(second) == second_alone
        assert operating_days(first) == alone["first"] and scope._calendar.cache_info().currsize >= 2
    finally:
        first.close()
        second.close()


def test_a_calendar_is_made_once_for_the_same_days_and_anew_for_others() -> None:
    made = scope._calendar((), "67", ())
    assert scope._calendar((), "67", ()) is made
    closed = ((dt.date(2026, 11, 1), dt.date(2026, 11, 3)),)
    other = scope._calendar((), "67", closed)
    assert other is not made and other.count(dt.date(2026, 11, 1), dt.date(2026, 11, 7)) == 3  # Wed to Fri
    assert made.count(dt.date(2026, 11, 1), dt.date(2026, 11, 7)) == 5
