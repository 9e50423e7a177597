"""The visit schedule's planner (msfood.planning.planner), worked by hand on China's 2026 calendar:
国庆 1-7 October off with Saturday 10 October a make-up working day; 春节 15-23 February off with
Saturday 14 and Saturday 28 February working days. Quarter 4 ends on Thursday 31 December."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from msfood.domain.calendar import WorkCalendar
from msfood.metrics.results import CadreRef
from msfood.planning.planner import (
    GATHERED,
    NO_DAYS,
    NO_ROOM,
    ONSITE,
    KeptVisit,
    ObligationState,
    OpenDuty,
    eligible_days,
    plan_visits,
    project_landing,
)

D = dt.date.fromisoformat
CAL = WorkCalendar()
WANG = CadreRef("c-wang", "王村官", "13700000001", "village")
LI = CadreRef("c-li", "李乡长", "13700000002", "township")
Q4 = ("2026Q4", D("2026-10-01"), D("2026-12-31"))
Q1 = ("2026Q1", D("2026-01-01"), D("2026-03-31"))


def duty(
    business: str,
    village: str,
    *,
    cadre: CadreRef = WANG,
    high_risk: bool = False,
    needed: int = 1,
    period: tuple[str, dt.date, dt.date] = Q4,
) -> OpenDuty:
    key, start, end = period
    return OpenDuty(
        f"b-{business}",
        business,
        f"{village}路1号",
        f"v-{village}",
        village,
        high_risk,
        cadre,
        key,
        start,
        end,
        needed,
    )


def plan(duties: list[OpenDuty], as_of: str, *, margin: int = 0, per_day: int = 6, **kwargs):  # type: ignore[no-untyped-def]
    return plan_visits(
        duties, as_of=D(as_of), is_workday=CAL.is_workday, margin=margin, per_day=per_day, **kwargs
    )


def days_of(result) -> dict[str, dt.date]:  # type: ignore[no-untyped-def]
    return {v.duty.business_name: v.day for v in result.visits}


def test_national_day_week_is_skipped_and_its_make_up_saturday_used() -> None:
    duties = [
        duty(name, village)
        for name, village in [("甲店", "东村"), ("乙店", "南村"), ("丙店", "西村"), ("丁店", "北村")]
    ]
    result = plan(duties, "2026-09-30", per_day=1)
    # villages by name (东, 北, 南, 西 sort as their code points): one a day from Thursday 8 October
    assert sorted(days_of(result).values()) == [
        D("2026-10-08"),
        D("2026-10-09"),
        D("2026-10-10"),
        D("2026-10-12"),
    ]
    assert D("2026-10-10").isoweekday() == 6  # the 调休 Saturday is a working day and is planned
    assert not result.not_fitting


def test_spring_festival_holidays_and_both_make_up_saturdays() -> None:
    duties = [duty(f"店{i}", f"村{i}", period=Q1) for i in range(4)]
    result = plan(duties, "2026-02-13", per_day=1)  # Friday before the festival
    assert sorted(days_of(result).values()) == [
        D("2026-02-14"),
        D("2026-02-24"),
        D("2026-02-25"),
        D("2026-02-26"),
    ]
    later = plan([duty(f"店{i}", f"村{i}", period=Q1) for i in range(3)], "2026-02-26", per_day=1)
    assert sorted(days_of(later).values()) == [D("2026-02-27"), D("2026-02-28"), D("2026-03-02")]


def test_businesses_of_one_village_go_on_the_same_day_gathered() -> None:
    duties = [
        duty("甲", "东村"),
        duty("乙", "东村"),
        duty("丙", "东村"),
        duty("丁", "西村"),
        duty("戊", "西村"),
    ]
    result = plan(duties, "2026-11-30", per_day=3)
    days = days_of(result)
    assert days["甲"] == days["乙"] == days["丙"] == D("2026-12-01")
    assert days["丁"] == days["戊"] == D("2026-12-02")  # the first day is full: the whole village moves
    assert {v.mode for v in result.visits} == {GATHERED}


def test_a_village_bigger_than_a_day_is_split_and_a_lone_business_is_on_site() -> None:
    duties = [duty(f"店{i}", "东村") for i in range(5)] + [duty("独店", "西村")]
    result = plan(duties, "2026-11-30", per_day=3)
    per_day = Counter(v.day for v in result.visits if v.duty.village_name == "东村")
    assert sorted(per_day.values()) == [2, 3]
    lone = next(v for v in result.visits if v.duty.business_name == "独店")
    assert lone.mode == ONSITE


def test_gathering_can_be_turned_off() -> None:
    result = plan([duty("甲", "东村"), duty("乙", "东村")], "2026-11-30", allow_gathered=False)
    assert {v.mode for v in result.visits} == {ONSITE}


def test_high_risk_first_and_on_site() -> None:
    duties = [
        duty("普通甲", "东村"),
        duty("普通乙", "东村"),
        duty("高风险", "西村", high_risk=True),
        duty("普通丙", "西村"),
    ]
    result = plan(duties, "2026-11-30", per_day=2)
    days = days_of(result)
    assert days["高风险"] == days["普通丙"] == D("2026-12-01")  # its village goes first
    assert days["普通甲"] == days["普通乙"] == D("2026-12-02")
    modes = {v.duty.business_name: v.mode for v in result.visits}
    assert modes["高风险"] == ONSITE  # other modes do not count for a high-risk business
    assert modes["普通丙"] == ONSITE  # alone of its kind that day in 西村
    assert modes["普通甲"] == modes["普通乙"] == GATHERED
    assert result.visits[0].duty.business_name == "高风险"


def test_margin_ends_five_working_days_before_the_quarter() -> None:
    # Q4 2026 ends Thursday 31 December: 31, 30, 29, 28, 25 are the margin, Thursday 24 the last day
    assert eligible_days(CAL.is_workday, D("2026-12-21"), D("2026-12-31"), 5) == [
        D("2026-12-21"),
        D("2026-12-22"),
        D("2026-12-23"),
        D("2026-12-24"),
    ]
    duties = [duty(f"店{i:02d}", f"村{i:02d}") for i in range(20)]
    result = plan(duties, "2026-12-01", margin=5, per_day=1)
    # working days 2 to 24 December: 3 + 5 + 5 + 4 = 17
    assert len(result.visits) == 17
    assert max(v.day for v in result.visits) == D("2026-12-24")
    assert [(f.duty.business_name, f.missing, f.reason) for f in result.not_fitting] == [
        ("店17", 1, NO_ROOM),
        ("店18", 1, NO_ROOM),
        ("店19", 1, NO_ROOM),
    ]


def test_capacity_overflow_and_no_days_left_are_named() -> None:
    duties = [duty(f"店{i}", f"村{i}") for i in range(5)]
    result = plan(duties, "2026-12-28", margin=0, per_day=2)  # 29, 30, 31 December: room for 6
    assert len(result.visits) == 5 and not result.not_fitting
    result = plan(duties, "2026-12-29", margin=0, per_day=2)  # 30, 31 December: room for 4
    assert len(result.visits) == 4
    assert [(f.duty.business_name, f.reason) for f in result.not_fitting] == [("店4", NO_ROOM)]
    result = plan(duties[:1], "2026-12-29", margin=5, per_day=2)  # inside the margin already
    assert not result.visits
    assert [(f.duty.business_name, f.reason) for f in result.not_fitting] == [("店0", NO_DAYS)]


def test_two_visits_still_needed_go_on_two_days_and_kept_visits_take_their_room() -> None:
    twice = duty("甲", "东村", needed=2)
    result = plan([twice, duty("乙", "西村")], "2026-11-30", per_day=1)
    days = sorted(v.day for v in result.visits if v.duty.business_name == "甲")
    assert len(days) == 2 and days[0] != days[1]
    kept = [
        KeptVisit(WANG.id, "b-甲", "2026Q4", D("2026-12-01")),
        KeptVisit(WANG.id, "b-丙", "2026Q4", D("2026-12-02")),
    ]
    result = plan([twice, duty("乙", "西村")], "2026-11-30", per_day=1, kept=kept)
    planned = sorted((v.duty.business_name, v.day) for v in result.visits)
    # 甲 needs one more (not 1 December again; 东村 goes before 西村), 乙 finds 1 to 3 December taken
    assert planned == [("乙", D("2026-12-04")), ("甲", D("2026-12-03"))]


def test_each_cadre_has_its_own_days_and_the_plan_is_deterministic() -> None:
    duties = [duty("甲", "东村"), duty("乙", "东村", cadre=LI), duty("丙", "西村", cadre=LI)]
    first = plan(duties, "2026-11-30", per_day=1)
    assert first == plan(list(reversed(duties)), "2026-11-30", per_day=1)
    by_cadre = {(v.duty.cadre.name, v.duty.business_name): v.day for v in first.visits}
    assert by_cadre[("王村官", "甲")] == by_cadre[("李乡长", "乙")] == D("2026-12-01")
    assert by_cadre[("李乡长", "丙")] == D("2026-12-02")
    assert [v.duty.cadre for v in first.visits][0] == LI  # township before village


def test_a_rule_period_not_started_yet_is_planned_inside_it() -> None:
    december = ("2026-12", D("2026-12-01"), D("2026-12-31"))
    result = plan([duty("甲", "东村", period=december)], "2026-11-20")
    assert days_of(result)["甲"] == D("2026-12-01")


def test_projected_landing_arithmetic() -> None:
    states = [
        ObligationState(WANG, met=True, open=False),
        ObligationState(WANG, met=True, open=False),
        ObligationState(LI, met=True, open=False),
        ObligationState(WANG, met=False, open=True, needed=1, planned=1),
        ObligationState(LI, met=False, open=True, needed=2, planned=2),
        ObligationState(LI, met=False, open=True, needed=2, planned=1),  # half planned: does not land
        ObligationState(WANG, met=False, open=False),  # due and missed: lost whatever the plan
    ]
    overall, by_cadre = project_landing(states)
    assert (overall.total, overall.met, overall.planned, overall.open, overall.short) == (7, 3, 2, 3, 2)
    assert overall.rate == 5 / 7 and overall.rate_now == 3 / 7
    assert list(by_cadre) == [LI, WANG]
    assert (by_cadre[WANG].total, by_cadre[WANG].met, by_cadre[WANG].planned) == (4, 2, 1)
    assert by_cadre[WANG].rate == 3 / 4
    assert by_cadre[LI].rate == 2 / 3
    assert project_landing([])[0].rate is None


# --- the property: whatever the input, the plan keeps the rules

CADRES = [WANG, LI, CadreRef("c-zhao", "赵干部", "13700000003", "county")]
PERIODS = [Q4, ("2026-11", D("2026-11-01"), D("2026-11-30")), ("2026-12", D("2026-12-01"), D("2026-12-31"))]


@st.composite
def duty_sets(draw):  # type: ignore[no-untyped-def]
    count = draw(st.integers(0, 25))
    found = {}
    for i in range(count):
        cadre = draw(st.sampled_from(CADRES))
        period = draw(st.sampled_from(PERIODS))
        item = OpenDuty(
            f"b{i % 12}",
            f"店{i % 12}",
            "",
            f"v{draw(st.integers(0, 4))}",
            f"村{i % 5}",
            draw(st.booleans()),
            cadre,
            period[0],
            period[1],
            period[2],
            draw(st.integers(1, 3)),
        )
        found[item.key] = item
    return list(found.values())


@settings(max_examples=150, deadline=None)
@given(duty_sets(), st.dates(D("2026-09-25"), D("2026-12-31")), st.integers(0, 6), st.integers(1, 4))
def test_every_visit_is_planned_by_the_rules_or_named(duties, as_of, margin, per_day) -> None:  # type: ignore[no-untyped-def]
    result = plan_visits(duties, as_of=as_of, is_workday=CAL.is_workday, margin=margin, per_day=per_day)
    load = Counter((v.duty.cadre.id, v.day) for v in result.visits)
    assert max(load.values(), default=0) <= per_day
    planned = Counter(v.duty.key for v in result.visits)
    missing = {f.duty.key: f.missing for f in result.not_fitting}
    for item in duties:
        assert planned[item.key] + missing.get(item.key, 0) == item.needed
    for visit in result.visits:
        item = visit.duty
        assert CAL.is_workday(visit.day)
        assert max(as_of + dt.timedelta(days=1), item.period_start) <= visit.day <= item.period_end
        assert CAL.workdays_between(visit.day, item.period_end) >= margin
        assert visit.mode == ONSITE or not item.high_risk
    assert len({(v.duty.key, v.day) for v in result.visits}) == len(result.visits)  # one visit a day each
    assert result == plan_visits(
        list(reversed(duties)), as_of=as_of, is_workday=CAL.is_workday, margin=margin, per_day=per_day
    )
