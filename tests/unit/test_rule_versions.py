"""Visit rules over time: the timeline, the one-click presets, which version judged a rule-period
(agreeing with the figures), the rule line of a report, and the refusals (closed periods, rewriting a
version that judged ended periods)."""

from __future__ import annotations

import datetime as dt

import pytest
from records_helpers import ADMIN, LIAISON

from msfood.core.errors import NothingToDo, PermissionDenied, ValidationError
from msfood.metrics import compute_stats
from msfood.services import rules
from msfood.services.periods.closing import close_period
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario

D = dt.date


def act(db, clock, action, actor=ADMIN, **kwargs):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        return action(uow, **kwargs)


def spans(db):  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return {
            line.level: [(s.effective_from, s.until, s.count, s.period_type) for s in line.spans]
            for line in rules.rule_timeline(session)
        }


def test_half_yearly_preset_adds_versions_and_rule_for_follows_the_change(db, clock) -> None:
    applied = act(
        db, clock, rules.apply_rule_preset, preset="half_yearly_no_village", effective_from="2024-04-01"
    )
    assert applied.effective_from == D(2024, 4, 1) and len(applied.ids) == 4
    assert "visit_rules" in applied.tables
    timeline = spans(db)
    assert list(timeline) == ["city", "county", "township", "village"]
    assert timeline["city"] == [
        (D(2000, 1, 1), D(2024, 3, 31), 1, "quarter"),
        (D(2024, 4, 1), None, 1, "half"),
    ]
    assert timeline["village"][-1] == (D(2024, 4, 1), None, 0, "half")
    with db.sessions() as session:
        before = rules.rule_for(session, level="city", period="2024Q1")
        after = rules.rule_for(session, level="市级", period="2024H1")
        village = rules.rule_for(session, level="village", period="2025H2")
        assert rules.rule_for(session, level="city", period="1999Q4") is None
        with pytest.raises(ValidationError):
            rules.rule_for(session, level="省级", period="2024Q1")
    assert before is not None and (before.effective_from, before.count, before.period_type) == (
        D(2000, 1, 1),
        1,
        "quarter",
    )
    assert before.label() == "每季度 1 次" and before.describe() == "市级 每季度 1 次（自2000-01-01起）"
    assert after is not None and after.label() == "每半年 1 次" and after.label("en") == "1 per half-year"
    assert village is not None and not village.assessed and village.label() == "不考核"


def test_rule_for_agrees_with_the_figures_across_the_change(db, clock) -> None:
    """One city-level business visited in February only: quarterly, Q2 2024 is missed; from 2024-04-01
    half-yearly, H1 2024 (ending 06-30) is judged by the new rule and met by the February visit."""
    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430211", "天元区")
        s.business("91430211000009136F", "一号店", grade="A", region="430211")
        s.cadre("13700000001", "周一", "city", "430211")
        s.assign("13700000001", "91430211000009136F", "2023-01-01")
        s.visit("13700000001", "91430211000009136F", "2024-02-10")

    def city(period: str):  # type: ignore[no-untyped-def]
        with db.sessions() as session:
            sup = compute_stats(session, period=period, as_of=D(2024, 12, 31)).supervision
        return sup.by_level["city"].due, sup.by_level["city"].met

    assert city("2024H1") == (2, 1)  # Q1 met, Q2 missed
    act(db, clock, rules.apply_rule_preset, preset="half_yearly", effective_from="2024-04-01")
    with db.sessions() as session:
        judged = rules.rule_for(session, level="city", period="2024H1")
        assert judged is not None and judged.period_type == "half"
        assert rules.rule_for(session, level="city", period="2024Q1").period_type == "quarter"  # type: ignore[union-attr]
    # Q1 ends before the change and keeps the quarterly rule; H1 is judged by the half-yearly one and
    # met by the February visit; Q2 is no rule-period any more
    assert city("2024H1") == (2, 2)
    assert city("2024Q1") == (1, 1) and city("2024Q2") == (1, 1)
    act(db, clock, rules.apply_rule_preset, preset="national_quarterly", effective_from="2025-01-01")
    with db.sessions() as session:
        back = rules.rule_for(session, level="city", period="2025Q1")
    assert back is not None and back.period_type == "quarter" and back.effective_from == D(2025, 1, 1)


def test_report_rule_line_names_the_versions_of_the_period(db, clock) -> None:
    act(db, clock, rules.apply_rule_preset, preset="half_yearly_no_village", effective_from="2024-04-01")
    with db.sessions() as session:
        year = rules.rules_line(rules.rules_for_report(session, period="2024"))
        quarter = rules.rules_line(rules.rules_for_report(session, period="2024Q2"))
        q3 = rules.rules_for_report(session, period="2024Q3")
        english = rules.rules_line(rules.rules_for_report(session, period="2024Q2"), "en")
    assert year.startswith(
        "市级 每季度 1 次（自2000-01-01起），每半年 1 次（自2024-04-01起）（本期内调整）；"
    )
    assert "村级 每季度 1 次（自2000-01-01起），不考核（自2024-04-01起）" in year
    assert quarter.split("；")[0] == "市级 每半年 1 次（自2024-04-01起）"
    assert q3[0].none_ending and q3[0].spans[0].period_type == "half"
    assert english.startswith("City: 1 per half-year (from 2024-04-01)")


def test_a_change_reaching_into_a_closed_period_is_refused(db, clock) -> None:
    act(db, clock, close_period, period="2026Q1")
    with pytest.raises(ValidationError) as inside:
        act(db, clock, rules.apply_rule_preset, preset="half_yearly", effective_from="2026-02-01")
    assert inside.value.issues[0].code == "rulever.in_closed"
    assert "2026Q1" in inside.value.message() and "已关闭" in inside.value.message()
    with pytest.raises(ValidationError) as before:
        act(db, clock, rules.apply_rule_preset, preset="half_yearly", effective_from="2025-07-01")
    assert before.value.issues[0].code == "rulever.reaches_closed"
    with pytest.raises(ValidationError):  # the manual editor is held to the same rule
        act(
            db,
            clock,
            rules.save_visit_rule,
            level="city",
            effective_from="2026-03-01",
            count=2,
            period_type="quarter",
        )
    assert all(len(v) == 1 for v in spans(db).values())  # nothing written, not even partly
    act(db, clock, rules.apply_rule_preset, preset="half_yearly", effective_from="2026-04-01")
    assert spans(db)["county"][-1] == (D(2026, 4, 1), None, 1, "half")
    # a version between two others reaches only until the next one
    act(db, clock, rules.apply_rule_preset, preset="national_quarterly", effective_from="2026-07-01")
    assert spans(db)["county"][1] == (D(2026, 4, 1), D(2026, 6, 30), 1, "half")


def test_a_preset_adds_versions_only_where_the_rule_changes(db, clock) -> None:
    act(db, clock, rules.apply_rule_preset, preset="half_yearly", effective_from="2024-07-01")
    applied = act(
        db, clock, rules.apply_rule_preset, preset="half_yearly_no_village", effective_from="2025-01-01"
    )
    assert len(applied.ids) == 1
    assert [len(v) for v in spans(db).values()] == [2, 2, 2, 3]
    with pytest.raises(NothingToDo):  # the same preset from the same date again
        act(db, clock, rules.apply_rule_preset, preset="half_yearly_no_village", effective_from="2025-01-01")
    assert spans(db)["village"][-1] == (D(2025, 1, 1), None, 0, "half")


def test_presets_never_rewrite_a_version_that_judged_ended_periods(db, clock) -> None:
    with pytest.raises(ValidationError) as caught:
        act(db, clock, rules.apply_rule_preset, preset="half_yearly", effective_from="2000-01-01")
    assert caught.value.issues[0].code == "rulever.rewrites_past"
    with pytest.raises(NothingToDo) as same:  # quarterly already holds at every level
        act(db, clock, rules.apply_rule_preset, preset="national_quarterly", effective_from="2027-01-01")
    assert same.value.code == "rulever.nothing_new" and "2027-01-01" in same.value.message()
    with pytest.raises(ValidationError) as unknown:
        act(db, clock, rules.apply_rule_preset, preset="weekly", effective_from="2027-01-01")
    assert unknown.value.issues[0].code == "rulever.preset_unknown"
    with pytest.raises(PermissionDenied):
        act(
            db,
            clock,
            rules.apply_rule_preset,
            actor=LIAISON,
            preset="half_yearly",
            effective_from="2027-01-01",
        )
    assert all(len(v) == 1 for v in spans(db).values())
