"""The schedule saved in a real database: plan, edit, plan again (edited entries kept), remove, the
landing from the saved rows, and the calendar file parsed back strictly (RFC 5545)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from msfood.core.errors import PermissionDenied, ValidationError
from msfood.core.progress import drain
from msfood.db.models import VisitPlan, synced_tables
from msfood.planning.output import write_schedule_ics
from msfood.planning.schedule import UNPLANNED, Schedule
from msfood.planning.service import load_schedule, make_schedule, move_planned_visit, remove_planned_visit
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from tests.conftest import ADMIN
from tests.scenario import Scenario
from tests.schedule_data import LI, LONG_ADDRESS, WANG, schedule_station

D = dt.date.fromisoformat
AS_OF = D("2026-11-24")
NOW = dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def station(db, clock):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        schedule_station(Scenario(uow))
    return db


def plan(db, **kwargs) -> Schedule:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as session:
        return drain(make_schedule(session, actor=ADMIN, period="2026Q4", as_of=AS_OF, now=NOW, **kwargs))


def load(db) -> Schedule:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as session:
        return load_schedule(session, actor=ADMIN, period="2026Q4", as_of=AS_OF)


def entry(schedule: Schedule, cadre_phone: str, business: str):  # type: ignore[no-untyped-def]
    return next(e for e in schedule.entries if e.cadre.phone == cadre_phone and e.business_name == business)


def test_plan_is_saved_with_modes_and_lands_the_quarter(station) -> None:  # type: ignore[no-untyped-def]
    schedule = plan(station)
    assert [(e.cadre.name, e.business_name, e.day, e.mode) for e in schedule.entries] == [
        ("李乡长", "甲饭店", D("2026-11-25"), "onsite"),
        ("王村官", "乙超市", D("2026-11-25"), "onsite"),  # high-risk: on site, first
        ("王村官", "丙面包房，分店", D("2026-11-25"), "gathered"),
        ("王村官", "甲饭店", D("2026-11-25"), "gathered"),
    ]
    assert all(e.counts and e.workday and not e.edited for e in schedule.entries)
    landing = schedule.landing
    assert (landing.total, landing.met, landing.planned, landing.rate_now, landing.rate) == (
        5,
        1,
        4,
        0.2,
        1.0,
    )
    by_cadre = {c.phone: figures for c, figures in schedule.by_cadre}
    assert (by_cadre[WANG].total, by_cadre[WANG].met, by_cadre[WANG].planned) == (4, 1, 3)
    assert (by_cadre[LI].total, by_cadre[LI].planned) == (1, 1)
    assert not schedule.unplanned
    assert load(station).entries == schedule.entries  # what was saved reads back the same


def test_planning_again_keeps_edited_entries_and_replaces_proposed_ones(station) -> None:  # type: ignore[no-untyped-def]
    first = plan(station)
    moved = entry(first, WANG, "甲饭店")
    with station.sessions.begin() as session:
        move_planned_visit(session, actor=ADMIN, plan_id=moved.id, day=D("2026-12-10"), now=NOW)
    again = plan(station, per_day=1)
    kept = entry(again, WANG, "甲饭店")
    assert (kept.id, kept.day, kept.edited, kept.counts) == (moved.id, D("2026-12-10"), True, True)
    # the proposed ones are new rows, one a day now: 乙 (high risk) first
    assert entry(again, WANG, "乙超市").day == D("2026-11-25")
    assert entry(again, WANG, "丙面包房，分店").day == D("2026-11-26")
    assert entry(again, WANG, "乙超市").id != entry(first, WANG, "乙超市").id
    with station.sessions.begin() as session:
        assert len(session.scalars(select(VisitPlan.id)).all()) == 4


def test_one_cadre_replanned_leaves_the_others_plan_alone(station) -> None:  # type: ignore[no-untyped-def]
    first = plan(station)
    only = plan(station, cadre_phone=LI)
    assert {e.cadre.phone for e in only.entries} == {LI}
    assert {e.id for e in load(station).entries if e.cadre.phone == WANG} == {
        e.id for e in first.entries if e.cadre.phone == WANG
    }


def test_a_removed_visit_shows_as_not_planned_and_lowers_the_landing(station) -> None:  # type: ignore[no-untyped-def]
    first = plan(station)
    with station.sessions.begin() as session:
        remove_planned_visit(session, actor=ADMIN, plan_id=entry(first, LI, "甲饭店").id)
    schedule = load(station)
    assert [(u.cadre.phone, u.business_name, u.missing, u.reason) for u in schedule.unplanned] == [
        (LI, "甲饭店", 1, UNPLANNED)
    ]
    assert (schedule.landing.planned, schedule.landing.rate) == (3, 0.8)


def test_a_visit_moved_after_the_quarter_or_by_a_viewer_is_refused(station) -> None:  # type: ignore[no-untyped-def]
    first = plan(station)
    with station.sessions.begin() as session, pytest.raises(ValidationError) as caught:
        move_planned_visit(session, actor=ADMIN, plan_id=first.entries[0].id, day=D("2027-01-04"), now=NOW)
    assert "不在期间 2026Q4" in caught.value.message()
    with station.sessions.begin() as session, pytest.raises(PermissionDenied):
        drain(make_schedule(session, actor=Actor("v", "viewer"), period="2026Q4", as_of=AS_OF, now=NOW))


def test_a_holiday_chosen_by_hand_is_kept_and_marked(station) -> None:  # type: ignore[no-untyped-def]
    first = plan(station)
    with station.sessions.begin() as session:
        move_planned_visit(session, actor=ADMIN, plan_id=first.entries[0].id, day=D("2026-11-28"), now=NOW)
    moved = next(e for e in load(station).entries if e.id == first.entries[0].id)
    assert (moved.day, moved.workday, moved.counts) == (D("2026-11-28"), False, True)


def test_visit_plans_are_local_never_synced(station) -> None:  # type: ignore[no-untyped-def]
    assert "visit_plans" not in {t.name for t in synced_tables()}
    assert "local_seq" not in VisitPlan.__table__.c  # no change counter: bundle export never looks at it


# --- the calendar file


def parse_ics(data: bytes) -> list[dict[str, str]]:
    """A strict reader: CRLF line ends, no physical line over 75 octets, folded lines start with a
    space, the whole file valid UTF-8; returns each VEVENT's properties, text unescaped."""
    assert data.endswith(b"\r\n")
    physical = data[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in physical)
    assert all(len(line) <= 75 for line in physical), max(len(line) for line in physical)
    logical: list[bytes] = []
    for line in physical:
        if line.startswith(b" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    text = [line.decode("utf-8") for line in logical]
    assert text[0] == "BEGIN:VCALENDAR" and text[-1] == "END:VCALENDAR" and "VERSION:2.0" in text
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in text[1:-1]:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            name, value = line.split(":", 1)
            unescaped, i = [], 0
            while i < len(value):
                if value[i] == "\\":
                    unescaped.append({"n": "\n", "N": "\n"}.get(value[i + 1], value[i + 1]))
                    i += 2
                else:
                    assert value[i] not in ",;" or name in ("DTSTART;VALUE=DATE", "DTEND;VALUE=DATE"), line
                    unescaped.append(value[i])
                    i += 1
            current[name] = "".join(unescaped)
    return events


def test_the_calendar_parses_back_with_chinese_text(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    schedule = plan(station)
    out = write_schedule_ics(schedule, tmp_path / "排期.ics", now=NOW)
    events = parse_ics(out.read_bytes())
    assert len(events) == 4 and len({e["UID"] for e in events}) == 4
    by_summary = {e["SUMMARY"]: e for e in events if "王村官" in e["DESCRIPTION"]}
    assert set(by_summary) == {"督导：甲饭店", "督导：乙超市", "督导：丙面包房，分店"}
    jia = by_summary["督导：甲饭店"]
    assert jia["LOCATION"] == LONG_ADDRESS
    assert (jia["DTSTART;VALUE=DATE"], jia["DTEND;VALUE=DATE"], jia["DTSTAMP"]) == (
        "20261125",
        "20261126",
        "20261124T020000Z",
    )
    assert jia["DESCRIPTION"].startswith("集中督导；包保干部 王村官（13700000001）")
    assert jia["UID"] == f"{entry(schedule, WANG, '甲饭店').id}@msfood"
    one = write_schedule_ics(
        schedule, tmp_path / "li.ics", now=NOW, cadre_id=entry(schedule, LI, "甲饭店").cadre.id
    )
    assert [e["SUMMARY"] for e in parse_ics(one.read_bytes())] == ["督导：甲饭店"]


def test_migration_left_the_table_where_the_models_say(station) -> None:  # type: ignore[no-untyped-def]
    with sqlite3.connect(station.path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(visit_plans)")}
    assert {"period_key", "cadre_id", "business_id", "plan_date", "mode", "note", "edited"} <= columns


def test_a_note_marks_the_entry_edited_and_reaches_the_calendar(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from msfood.planning.service import note_planned_visit

    first = plan(station)
    target = entry(first, LI, "甲饭店")
    with station.sessions.begin() as session:
        note_planned_visit(session, actor=ADMIN, plan_id=target.id, note="  带上\n检查表 ", now=NOW)
    noted = entry(load(station), LI, "甲饭店")
    assert (noted.note, noted.edited, noted.day) == ("带上 检查表", True, target.day)
    (event,) = parse_ics(
        write_schedule_ics(load(station).only(target.cadre.id), tmp_path / "n.ics", now=NOW).read_bytes()
    )
    assert event["DESCRIPTION"].endswith("任务期间 2026Q4；带上 检查表")
    with station.sessions.begin() as session, pytest.raises(ValidationError):
        note_planned_visit(session, actor=ADMIN, plan_id=target.id, note="长" * 501, now=NOW)


def test_a_higher_risk_grade_is_planned_first_and_on_site(station) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from msfood.db.models import Business
    from tests.scenario import Scenario as S
    from tests.schedule_data import EAST

    with station.sessions.begin() as session:
        session.execute(update(Business).where(Business.id == S.bid(EAST[2])).values(risk_grade="D"))
    schedule = plan(station)
    modes = {e.business_name: e.mode for e in schedule.entries if e.cadre.phone == WANG}
    # 乙 marked 高风险, 丙 of 风险等级 D: both on site; 甲 alone of its kind that day: on site too
    assert modes == {"乙超市": "onsite", "丙面包房，分店": "onsite", "甲饭店": "onsite"}
    assert entry(schedule, WANG, "丙面包房，分店").high_risk
