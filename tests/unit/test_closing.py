"""Closed periods: records dated in them are frozen (by hand, workbook or bundle) until reopened."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, func, select

from msfood.core.errors import NothingToDo, PermissionDenied, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import AuditEntry, ClosedPeriod, Problem, RapidTest, Region, Sampling, SelfCheck, Visit
from msfood.services.periods.closing import close_period, closed_period_of, list_closed_periods, reopen_period
from msfood.services.writing.guards import MAX_ISSUES, check_incoming, check_incoming_rows
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests.scenario import Scenario

ADMIN = Actor("admin", "admin")
BUREAU = Actor("boss", "bureau-admin")
LIAISON = Actor("li", "liaison")
E1 = "91430211000009136F"
K1 = "13700000001"


@pytest.fixture
def station(db, clock):  # type: ignore[no-untyped-def]
    """A business and a cadre, a visit in Q3 (with a problem) and one in Q4."""
    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        s.business(E1, "清水家常饭店", region="430204")
        s.cadre(K1, "周一", "village", "430204")
        s.assign(K1, E1, "2026-01-01")
        s.visit(K1, E1, "2026-09-10", problems=[("2026-10-15", None)])
        s.visit(K1, E1, "2026-10-10")
        s.selfchecks(E1, "daily", ["2026-09-30"])
        s.sample("SC2026001", E1, "2026-09-20")
        s.rapid(E1, "2026-09-21", 4, 0)
    return db


def _close(db, clock, period: str = "2026Q3", actor: Actor = ADMIN):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        return close_period(uow, period=period)


def _as(db, clock, actor: Actor = LIAISON):  # type: ignore[no-untyped-def]
    return unit_of_work(db.sessions, actor=actor, clock=clock)


VISIT_Q3 = natural_id("visit", natural_id("cadre", K1), natural_id("business", E1, ""), "2026-09-10")


def test_an_admin_closes_a_quarter(station, clock) -> None:
    info = _close(station, clock)
    assert (info.period_key, info.start_date, info.end_date, info.closed, info.closed_by) == (
        "2026Q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30), True, "admin"
    )
    with station.sessions() as session:
        assert [p.period_key for p in list_closed_periods(session)] == ["2026Q3"]
        assert closed_period_of(session, dt.date(2026, 8, 1)) == "2026Q3"
        assert closed_period_of(session, dt.date(2026, 10, 1)) is None
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "close"))
        assert entry.actor == "admin" and entry.table_name == "closed_periods"


@pytest.mark.parametrize(
    "change",
    [
        "new_visit", "edit_visit", "delete_visit", "move_visit_in", "move_visit_out", "edit_problem",
        "new_problem", "edit_selfcheck", "edit_sampling", "delete_rapid",
    ],
)
def test_records_dated_in_a_closed_period_are_frozen(station, clock, change: str) -> None:
    _close(station, clock)
    with pytest.raises(ValidationError) as caught, _as(station, clock) as uow:
        s = Scenario(uow)
        if change == "new_visit":
            s.visit(K1, E1, "2026-09-11")
        elif change == "edit_visit":
            uow.upsert(table_of(Visit), {"id": VISIT_Q3, "remarks": "补记"})
        elif change == "delete_visit":
            uow.delete(table_of(Visit), VISIT_Q3)
        elif change == "move_visit_in":
            q4 = natural_id("visit", s.cid(K1), s.bid(E1), "2026-10-10")
            uow.upsert(table_of(Visit), {"id": q4, "visit_date": dt.date(2026, 9, 29)})
        elif change == "move_visit_out":
            uow.upsert(table_of(Visit), {"id": VISIT_Q3, "visit_date": dt.date(2026, 10, 2)})
        elif change == "edit_problem":
            uow.upsert(table_of(Problem), {"id": natural_id("problem", VISIT_Q3, 1), "description": "改"})
        elif change == "new_problem":
            uow.upsert(table_of(Problem), {"id": natural_id("problem", VISIT_Q3, 2), "visit_id": VISIT_Q3,
                                           "seq": 2, "description": "新问题"})
        elif change == "edit_selfcheck":
            row = uow.session.scalar(select(SelfCheck.id))
            uow.upsert(table_of(SelfCheck), {"id": row, "issues_found": 3})
        elif change == "edit_sampling":
            uow.upsert(table_of(Sampling), {"id": natural_id("sampling", "SC2026001"), "lab": "某检测所"})
        elif change == "delete_rapid":
            uow.delete(table_of(RapidTest), uow.session.scalar(select(RapidTest.id)))
    issue = caught.value.issues[0]
    assert issue.code == "closing.record_frozen"
    assert issue.params["period"] == "2026Q3"
    assert "2026Q3" in caught.value.message() and "已关闭" in caught.value.message()
    with station.sessions() as session:  # nothing was written
        assert session.scalar(select(func.count()).select_from(Visit)) == 2
        assert session.scalar(select(Visit.remarks).where(Visit.id == VISIT_Q3)) is None


def test_the_message_names_the_record(station, clock) -> None:
    _close(station, clock)
    with pytest.raises(ValidationError) as caught, _as(station, clock) as uow:
        uow.upsert(table_of(Visit), {"id": VISIT_Q3, "remarks": "补记"})
    text = caught.value.message()
    assert "督导记录" in text and "2026-09-10" in text and VISIT_Q3 in text


def test_records_outside_closed_periods_are_untouched(station, clock) -> None:
    _close(station, clock)
    with _as(station, clock) as uow:
        Scenario(uow).visit(K1, E1, "2026-11-02", problems=[(None, None)])
        q4 = natural_id("visit", Scenario.cid(K1), Scenario.bid(E1), "2026-10-10")
        uow.upsert(table_of(Visit), {"id": q4, "remarks": "已补充"})
    with station.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 3


def test_only_a_bureau_admin_reopens_and_the_history_says_so(station, clock) -> None:
    _close(station, clock)
    for actor in (ADMIN, LIAISON):
        with pytest.raises(PermissionDenied), _as(station, clock, actor) as uow:
            reopen_period(uow, period="2026Q3")
    # Not through a raw write either: the unit of work asks for REOPEN_PERIOD.
    with pytest.raises(PermissionDenied), _as(station, clock, ADMIN) as uow:
        uow.upsert(table_of(ClosedPeriod), {"id": natural_id("closed_period", "2026Q3"), "closed": False})
    with _as(station, clock, BUREAU) as uow:
        info = reopen_period(uow, period="2026Q3")
    assert info.closed is False
    with _as(station, clock) as uow:
        uow.upsert(table_of(Visit), {"id": VISIT_Q3, "remarks": "补记"})
    with station.sessions() as session:
        assert list_closed_periods(session) == []
        assert [p.closed for p in list_closed_periods(session, include_reopened=True)] == [False]
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "closed_periods").order_by(AuditEntry.seq)
        ).all()
    assert [(e.action, e.actor) for e in entries] == [("close", "admin"), ("reopen", "boss")]
    assert '"closed":true' in entries[1].before and '"closed":false' in entries[1].after


def test_closing_is_for_admins_and_for_periods_that_have_ended(station, clock) -> None:
    with pytest.raises(PermissionDenied):
        _close(station, clock, actor=LIAISON)
    for unfinished in ("2027-01", "2026-11", "2026Q4", "2026-W48"):  # today is 2026-11-24
        with pytest.raises(ValidationError) as caught:
            _close(station, clock, period=unfinished)
        assert caught.value.issues[0].code == "closing.not_ended"
    assert _close(station, clock, period="2026-11-24").closed  # a day may be closed on that day
    with pytest.raises(ValidationError) as caught:
        _close(station, clock, period="2026Q5")
    assert caught.value.issues[0].code == "period.format"
    _close(station, clock, period="2026-09")
    with pytest.raises(NothingToDo):
        _close(station, clock, period="2026-09")
    with pytest.raises(NothingToDo), _as(station, clock, BUREAU) as uow:
        reopen_period(uow, period="2026-08")
    with pytest.raises(ValidationError), _as(station, clock) as uow:  # a month closes its days too
        uow.upsert(table_of(Visit), {"id": VISIT_Q3, "remarks": "补记"})


def test_a_merge_checks_closed_periods_but_not_the_importers_role(station, clock) -> None:
    _close(station, clock)
    with station.sessions() as session:
        row = dict(session.execute(select(table_of(Visit)).where(Visit.id == VISIT_Q3)).mappings().one())
    with _as(station, clock, LIAISON) as uow:
        region = {"id": "r", "code": "430211", "name": "天元区"}
        check_incoming(uow, table_of(Region), None, region)
        with pytest.raises(ValidationError):
            check_incoming(uow, table_of(Visit), row, {**row, "remarks": "x"})
        with pytest.raises(PermissionDenied):  # while a hand edit of the roster is still refused
            uow.upsert(table_of(Region), region)


def _bundle_visit(day: str, n: int) -> dict:  # type: ignore[type-arg]
    """A visit as a merge sees it: another cadre's, with its date as ISO text."""
    cadre = natural_id("cadre", f"1390000{n:04d}")
    business = natural_id("business", E1, "")
    return {"id": natural_id("visit", cadre, business, day), "cadre_id": cadre, "business_id": business,
            "visit_date": day, "mode": "onsite", "deleted": False}


def test_a_bundle_touching_a_closed_period_is_refused_naming_every_record(station, clock) -> None:
    _close(station, clock)
    rows = [_bundle_visit("2026-10-05", 1), _bundle_visit("2026-09-05", 2), _bundle_visit("2026-08-05", 3)]
    with _as(station, clock) as uow:
        check_incoming_rows(uow, table_of(Visit), [rows[0]])  # Q4: fine
        with pytest.raises(ValidationError) as caught:
            check_incoming_rows(uow, table_of(Visit), rows)
        assert [i.params["period"] for i in caught.value.issues] == ["2026Q3", "2026Q3"]
        text = caught.value.message()
        assert rows[1]["id"] in text and rows[2]["id"] in text and rows[0]["id"] not in text
        # A stored Q3 visit moved to Q4 by the bundle: refused by its stored date.
        with pytest.raises(ValidationError):
            check_incoming_rows(uow, table_of(Visit), [{"id": VISIT_Q3, "visit_date": "2026-10-09"}])
        # A problem of the stored Q3 visit, by that visit's date.
        problem = {"id": natural_id("problem", VISIT_Q3, 5), "visit_id": VISIT_Q3, "seq": 5}
        with pytest.raises(ValidationError):
            check_incoming_rows(uow, table_of(Problem), [problem])
        many = [_bundle_visit(f"2026-09-{d:02d}", n) for n in range(3) for d in range(1, 28)]
        with pytest.raises(ValidationError) as caught:
            check_incoming_rows(uow, table_of(Visit), many)
        assert len(caught.value.issues) == MAX_ISSUES + 1
        assert caught.value.issues[-1].params == {"count": len(many) - MAX_ISSUES}


def test_the_guard_reads_the_closed_periods_once_per_unit_of_work(station, clock) -> None:
    _close(station, clock, period="2025")
    statements: list[str] = []

    def record(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(station.engine, "before_cursor_execute", record)
    try:
        with _as(station, clock) as uow:
            Scenario(uow).selfchecks(E1, "daily", [dt.date(2026, 10, 1) + dt.timedelta(days=i)
                                                     for i in range(60)])
            Scenario(uow).visit(K1, E1, "2026-11-03", problems=[(None, None), (None, None)])
    finally:
        event.remove(station.engine, "before_cursor_execute", record)
    reads = [s for s in statements if "FROM closed_periods" in s]
    assert len(reads) == 1
    # the two problems' visit date is looked up once (a closed period exists, so it is needed)
    assert sum(s.startswith("SELECT visits.visit_date") for s in statements) == 1


def test_no_closed_period_costs_one_small_query(station, clock) -> None:
    statements: list[str] = []

    def record(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(station.engine, "before_cursor_execute", record)
    try:
        with _as(station, clock) as uow:
            Scenario(uow).visit(K1, E1, "2026-11-03", problems=[(None, None)])
    finally:
        event.remove(station.engine, "before_cursor_execute", record)
    assert sum("FROM closed_periods" in s for s in statements) == 1
    assert not any(s.startswith("SELECT visits.visit_date") for s in statements)  # no per-problem lookup
