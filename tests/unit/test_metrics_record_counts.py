"""The self-check record counts (自查记录数 by kind, 自查发现问题数) read from the rollups' day columns and
the partial index of records with issues (migration 0005) equal a direct count of the records, for
any records written, corrected, tombstoned or deleted, any period and any as-of date, over the
whole database and over one region."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from msfood.core.ids import natural_id
from msfood.db.models import SelfCheck
from msfood.domain.periods import period_key_for, period_of
from msfood.metrics import compute_stats
from msfood.metrics.results import RecordCounts
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests.scenario import Scenario

# (credit code, region): two in the township, one in the other county, one deleted later
BUSINESSES = (
    ("91430211000009136F", "430204001"),
    ("91430211000009267B", "430204001"),
    ("914302110000093987", "430211"),
    ("91430211000009523U", "430204001"),
)
FIRST_DAY = dt.date(2026, 9, 20)  # the writes span a quarter's end, months and ISO weeks

WRITE = st.tuples(
    st.sampled_from(["write", "write", "write", "tombstone", "hard_delete"]),
    st.integers(0, len(BUSINESSES) - 1),
    st.sampled_from(["daily", "weekly", "monthly"]),
    st.integers(0, 80),  # day offset from FIRST_DAY
    st.sampled_from([0, 0, 0, 1, 2, 7]),  # issues found
)
WINDOW = st.tuples(
    st.sampled_from(["week", "month", "quarter", "year"]),
    st.integers(0, 80),  # the period holds FIRST_DAY + this
    st.integers(-5, 90),  # as of FIRST_DAY + this
)


def direct(conn, start: dt.date, end: dt.date, region: str | None) -> RecordCounts:  # type: ignore[no-untyped-def]
    """The records counted one by one: live, dated in [start, end], of a live business in the region."""
    inside = "" if region is None else "AND r.code LIKE :region || '%'"
    rows = conn.execute(text(f"""
        SELECT s.kind, COUNT(*), COALESCE(SUM(s.issues_found), 0) FROM selfchecks s
        JOIN businesses b ON b.id = s.business_id JOIN regions r ON r.id = b.region_id
        WHERE NOT s.deleted AND NOT b.deleted AND s.record_date BETWEEN :start AND :end {inside}
        GROUP BY s.kind"""), {"start": start, "end": end, "region": region}).all()
    by_kind = {kind: (int(n), int(issues)) for kind, n, issues in rows}
    return RecordCounts(
        daily=by_kind.get("daily", (0, 0))[0],
        weekly=by_kind.get("weekly", (0, 0))[0],
        monthly=by_kind.get("monthly", (0, 0))[0],
        issues_found=sum(issues for _n, issues in by_kind.values()),
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(writes=st.lists(WRITE, min_size=1, max_size=40), windows=st.lists(WINDOW, min_size=1, max_size=4),
       region=st.sampled_from([None, "430204", "430204001", "430211"]), delete_one=st.booleans())
def test_record_counts_equal_a_direct_count(  # type: ignore[no-untyped-def]
    any_db, clock, writes, windows, region, delete_one
) -> None:
    db = any_db  # SQLite, and PostgreSQL when MSFOOD_TEST_PG_URL names a server
    table = table_of(SelfCheck)
    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        s.region("430204001", "清水塘街道", "430204")
        s.region("430211", "天元区")
        for code, region_code in BUSINESSES:
            s.business(code, "甲饭店", region=region_code)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM selfchecks"))  # each example starts with no records
        conn.execute(text("UPDATE businesses SET deleted = :f"), {"f": False})
    for action, which, kind, offset, issues in writes:
        business_id = Scenario.bid(BUSINESSES[which][0])
        day = FIRST_DAY + dt.timedelta(days=offset)
        key = period_key_for(kind, day)
        record_id = natural_id("selfcheck", business_id, kind, key)
        if action == "write":  # a new record, or a correction of its day or issues within its period
            with unit_of_work(db.sessions, clock=clock) as uow:
                uow.upsert(table, {"id": record_id, "business_id": business_id, "kind": kind,
                                   "record_date": day, "period_key": key, "issues_found": issues})
        elif action == "tombstone":
            with db.engine.begin() as conn:
                conn.execute(text("UPDATE selfchecks SET deleted = :t WHERE id = :id"), {"t": True, "id": record_id})
        else:
            with db.engine.begin() as conn:
                conn.execute(text("DELETE FROM selfchecks WHERE id = :id"), {"id": record_id})
    if delete_one:  # a deleted business's records count no more
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE businesses SET deleted = :t WHERE id = :id"),
                         {"t": True, "id": Scenario.bid(BUSINESSES[3][0])})
    # and windows ending on a day written: where an off-by-one in a mask would show
    windows = windows + [("quarter", offset, offset) for _a, _w, _k, offset, _i in writes[:3]]
    for kind, at, as_of in windows:
        period = period_of(kind, FIRST_DAY + dt.timedelta(days=at))
        day = FIRST_DAY + dt.timedelta(days=as_of)
        with db.sessions() as session:
            counted = compute_stats(session, period=period, as_of=day, region=region, details=False)
        with db.engine.connect() as conn:
            want = direct(conn, period.start, min(period.end, day), region)
        assert counted.selfcheck.counts == want, (period.key, day, region)


def test_the_issues_query_reads_the_partial_index_alone(db) -> None:  # type: ignore[no-untyped-def]
    """What keeps 自查发现问题数 from reading every record: SQLite plans the statement msfood runs on
    the covering partial index (a query that does not name the index's terms could not use it)."""
    from msfood.metrics.counts import _issues_by_business

    with db.sessions() as session:
        captured: list[str] = []

        def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
            captured.append(statement)

        from sqlalchemy import event

        event.listen(db.engine, "before_cursor_execute", record)
        try:
            _issues_by_business(session, dt.date(2026, 10, 1), dt.date(2026, 11, 24))
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
        statement = next(s for s in captured if "issues_found" in s)
        plan = session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + statement, ("2026-10-01", "2026-11-24")
        ).all()
    assert any("COVERING INDEX ix_selfchecks_issues" in str(row) for row in plan), plan


def test_the_window_edges_count_exactly(any_db, clock) -> None:  # type: ignore[no-untyped-def]
    """Records on the window's first and last days count, those a day outside do not, whatever
    their kind; the issues likewise (the quarter 2026Q4 as of 2026-11-24: October whole, November
    cut)."""
    db = any_db
    code = BUSINESSES[0][0]
    business_id = Scenario.bid(code)
    table = table_of(SelfCheck)
    inside = {("daily", "2026-10-01"): 1, ("daily", "2026-11-24"): 2, ("weekly", "2026-11-24"): 4,
              ("monthly", "2026-10-01"): 8, ("daily", "2026-10-31"): 0}
    outside = {("daily", "2026-09-30"): 16, ("daily", "2026-11-25"): 32, ("weekly", "2026-09-30"): 64,
               ("monthly", "2026-11-25"): 128}
    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204001", "清水塘街道")
        s.business(code, "甲饭店", region="430204001")
        for (kind, day), issues in {**inside, **outside}.items():
            key = period_key_for(kind, dt.date.fromisoformat(day))
            uow.upsert(table, {"id": natural_id("selfcheck", business_id, kind, key), "business_id": business_id,
                               "kind": kind, "record_date": dt.date.fromisoformat(day), "period_key": key,
                               "issues_found": issues})
    with db.sessions() as session:
        counts = compute_stats(session, period="2026Q4", as_of=dt.date(2026, 11, 24), details=False).selfcheck.counts
    assert counts == RecordCounts(daily=3, weekly=1, monthly=1, issues_found=1 + 2 + 4 + 8)
