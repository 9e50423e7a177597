"""The self-check rollups (msfood.db.rollups) stay equal to what the records say, whatever is written:
inserts, corrections that move a record's day, tombstones, revivals and hard deletes, on SQLite and
on PostgreSQL; and migration 0002 fills them from the records a database already holds."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from msfood.core.ids import natural_id
from msfood.db.models import SelfCheck
from msfood.domain.periods import period_key_for
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests.scenario import Scenario

CODES = ("91430211000009136F", "91430211000009267B")
FIRST_DAY = dt.date(2026, 12, 20)  # the weeks and months around a new year (ISO week 53 of 2026)


@pytest.fixture
def db(any_db):  # type: ignore[no-untyped-def]
    return any_db


def expected(rows: list[tuple]) -> tuple[dict, dict]:
    """The rollups worked out from the live records in Python."""
    days: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # daily, dated, weekly, monthly
    periods: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for business_id, kind, record_date, period_key in rows:
        record_date = dt.date.fromisoformat(str(record_date))
        bit = 1 << (record_date.day - 1)
        entry = days[(business_id, record_date.strftime("%Y-%m"))]
        entry[1] |= bit
        if kind == "daily":
            entry[0] |= bit
        elif kind == "weekly":
            entry[2] |= bit
            periods[(business_id, period_key[:4])][0] |= 1 << (int(period_key[6:8]) - 1)
        elif kind == "monthly":
            entry[3] |= bit
            periods[(business_id, period_key[:4])][1] |= 1 << (int(period_key[5:7]) - 1)
    return ({k: tuple(v) for k, v in days.items()}, {k: tuple(v) for k, v in periods.items()})


def actual(conn) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    days = {(b, m): (d, a, w, mo) for b, m, d, a, w, mo in conn.execute(
        text("SELECT business_id, month, daily, dated, weekly, monthly FROM selfcheck_days")) if d or a or w or mo}
    periods = {(b, y): (w, m) for b, y, w, m in conn.execute(
        text("SELECT business_id, year, weeks, months FROM selfcheck_periods")) if w or m}
    return days, periods


def live_records(conn) -> list[tuple]:  # type: ignore[no-untyped-def]
    return list(conn.execute(text(
        "SELECT business_id, kind, record_date, period_key FROM selfchecks WHERE NOT deleted")))


OPERATION = st.tuples(
    st.sampled_from(["write", "write", "write", "tombstone", "hard_delete"]),
    st.integers(0, len(CODES) - 1),
    st.sampled_from(["daily", "weekly", "monthly"]),
    st.integers(0, 40),  # day offset from FIRST_DAY: crosses a month, a year and an ISO year
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(OPERATION, min_size=1, max_size=30))
def test_rollups_follow_every_write(db, clock, operations) -> None:  # type: ignore[no-untyped-def]
    table = table_of(SelfCheck)
    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        for code in CODES:
            s.business(code, "甲饭店", region="430204")
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM selfchecks"))  # each example starts with no records
        assert actual(conn) == ({}, {})
    for action, which, kind, offset in operations:
        business_id = Scenario.bid(CODES[which])
        day = FIRST_DAY + dt.timedelta(days=offset)
        key = period_key_for(kind, day)
        record_id = natural_id("selfcheck", business_id, kind, key)
        if action == "write":  # a new record, or a correction of its day within its period
            with unit_of_work(db.sessions, clock=clock) as uow:
                uow.upsert(table, {"id": record_id, "business_id": business_id, "kind": kind,
                                   "record_date": day, "period_key": key, "issues_found": 0})
        elif action == "tombstone":
            with db.engine.begin() as conn:
                conn.execute(text("UPDATE selfchecks SET deleted = :t WHERE id = :id"), {"t": True, "id": record_id})
        else:
            with db.engine.begin() as conn:
                conn.execute(text("DELETE FROM selfchecks WHERE id = :id"), {"id": record_id})
        with db.engine.connect() as conn:
            assert actual(conn) == expected(live_records(conn)), (action, kind, day)


def test_two_records_on_one_day_keep_the_day_until_both_are_gone(db, clock) -> None:  # type: ignore[no-untyped-def]
    """A weekly and a monthly record made the same day: deleting one leaves the day marked."""
    table = table_of(SelfCheck)
    business_id = Scenario.bid(CODES[0])
    day = dt.date(2026, 11, 30)
    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        s.business(CODES[0], "甲饭店", region="430204")
        for kind in ("weekly", "monthly"):
            uow.upsert(table, {"id": natural_id("selfcheck", business_id, kind, period_key_for(kind, day)),
                               "business_id": business_id, "kind": kind, "record_date": day,
                               "period_key": period_key_for(kind, day), "issues_found": 0})
    weekly_id = natural_id("selfcheck", business_id, "weekly", period_key_for("weekly", day))
    with unit_of_work(db.sessions, clock=clock) as uow:
        uow.delete(table, weekly_id)
    with db.engine.connect() as conn:
        days, periods = actual(conn)
    assert days[(business_id, "2026-11")] == (0, 1 << 29, 0, 1 << 29)  # still dated by the monthly record
    assert periods[(business_id, "2026")] == (0, 1 << 10)  # November's meeting; the week is gone


def test_upgrade_fills_the_rollups_from_existing_records(db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    """A database written before revision 0002 gets its rollups when it is opened by this version."""
    from msfood.db.engine import open_database

    database = open_database(db_path)
    table = table_of(SelfCheck)
    business_id = Scenario.bid(CODES[0])
    with unit_of_work(database.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        s.business(CODES[0], "甲饭店", region="430204")
        for offset in range(0, 40, 3):
            day = FIRST_DAY + dt.timedelta(days=offset)
            for kind in ("daily", "weekly", "monthly"):
                key = period_key_for(kind, day)
                uow.upsert(table, {"id": natural_id("selfcheck", business_id, kind, key), "business_id": business_id,
                                   "kind": kind, "record_date": day, "period_key": key, "issues_found": 0})
    with database.engine.connect() as conn:
        want = expected(live_records(conn))
    database.close()
    from alembic import command

    from msfood.db.engine import alembic_config, make_engine

    engine = make_engine(f"sqlite:///{db_path}")  # back to revision 0001, as an older app left it
    try:
        command.downgrade(alembic_config(engine), "0001")
    finally:
        engine.dispose()
    with sqlite3.connect(db_path) as conn:
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name IN ('selfcheck_days', 'selfcheck_periods') OR type = 'trigger'").fetchall()
    database = open_database(db_path)
    try:
        with database.engine.connect() as conn:
            assert actual(conn) == want
            assert want[0]  # the test wrote something to roll up
    finally:
        database.close()


def test_the_demo_bulk_load_leaves_exact_rollups_and_live_triggers(tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    """The demo writes its records with the triggers dropped and rebuilds the rollups once."""
    from msfood.db.engine import open_database
    from msfood.demo import create_demo

    path = tmp_path / "demo.sqlite"
    create_demo(path, scale="station", clock=clock)
    database = open_database(path)
    try:
        with database.engine.connect() as conn:
            want = expected(live_records(conn))
            assert len(want[0]) > 100 and want[1]
            assert actual(conn) == want
            triggers = conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")).scalar()
            assert triggers == 3
            # and the planner knows the tables' sizes (msfood.db.maintenance)
            analysed = conn.execute(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'selfchecks'")).scalar()
            assert analysed
    finally:
        database.close()


def test_revived_and_moved_records_are_marked_again(db, clock) -> None:  # type: ignore[no-untyped-def]
    """A tombstoned record written again, and a weekly record moved to a day of the next month."""
    table = table_of(SelfCheck)
    business_id = Scenario.bid(CODES[0])
    monday, wednesday = dt.date(2026, 11, 30), dt.date(2026, 12, 2)  # ISO week 49 spans both months

    def write(kind: str, day: dt.date) -> str:
        key = period_key_for(kind, day)
        record_id = natural_id("selfcheck", business_id, kind, key)
        with unit_of_work(db.sessions, clock=clock) as uow:
            uow.upsert(table, {"id": record_id, "business_id": business_id, "kind": kind,
                               "record_date": day, "period_key": key, "issues_found": 0})
        return record_id

    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        s.business(CODES[0], "甲饭店", region="430204")
    daily_id = write("daily", monday)
    with unit_of_work(db.sessions, clock=clock) as uow:
        uow.delete(table, daily_id)
    write("daily", monday)  # revived
    write("weekly", monday)
    write("weekly", wednesday)  # the same week's record, now dated in December
    with db.engine.connect() as conn:
        days, periods = actual(conn)
        assert (days, periods) == expected(live_records(conn))
    assert days[(business_id, "2026-11")] == (1 << 29, 1 << 29, 0, 0)  # the weekly record moved away
    assert days[(business_id, "2026-12")] == (0, 1 << 1, 1 << 1, 0)
    assert periods[(business_id, "2026")] == (1 << 48, 0)
