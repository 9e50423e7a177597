"""Rules as data: visit rules, typed settings with defaults, holidays, checklist items, categories."""

from __future__ import annotations

import datetime as dt

import pytest
from records_helpers import ADMIN, E1, LIAISON, VIEWER, rows_of, seed_roster, write

from msfood.core.errors import PermissionDenied, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import Setting
from msfood.domain.defaults import DEFAULT_SETTINGS
from msfood.services import rules
from msfood.services.writing.transaction import unit_of_work

D = dt.date


def act(db, clock, action, actor=ADMIN, **kwargs):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        return action(uow, **kwargs)


def test_visit_rules_list_save_delete(db, clock) -> None:
    with db.sessions() as session:
        seeded = rules.list_visit_rules(session)
    assert [r.level for r in seeded] == ["city", "county", "township", "village"]
    saved = act(
        db,
        clock,
        rules.save_visit_rule,
        level="村级",
        effective_from="2024-01-01",
        count=2,
        period_type="半年",
    )
    assert saved.id == natural_id("visit_rule", "village", "2024-01-01") and saved.outcome == "new"
    again = act(
        db,
        clock,
        rules.save_visit_rule,
        level="village",
        effective_from=D(2024, 1, 1),
        count="2",
        period_type="half",
    )
    assert again.outcome == "unchanged"
    with db.sessions() as session:
        village = [r for r in rules.list_visit_rules(session) if r.level == "village"]
    assert [(r.count, r.period_type) for r in village] == [(1, "quarter"), (2, "half")]
    with pytest.raises(ValidationError) as caught:
        act(db, clock, rules.save_visit_rule, level="省级", effective_from="x", count=100, period_type="周")
    assert {i.field for i in caught.value.issues} == {"level", "effective_from", "count", "period_type"}
    act(db, clock, rules.delete_visit_rule, rule_id=saved.id)
    city = next(r for r in seeded if r.level == "city")
    with pytest.raises(ValidationError) as caught:
        act(db, clock, rules.delete_visit_rule, rule_id=city.id)
    assert caught.value.issues[0].code == "rule.last_of_level"


def test_settings_are_typed_with_defaults(db, clock) -> None:
    with db.sessions() as session:
        assert rules.get_settings(session) == DEFAULT_SETTINGS
        assert rules.get_setting(session, "disposal_days") == 90
    assert act(db, clock, rules.set_setting, key="disposal_days", value=90).outcome == "unchanged"
    assert act(db, clock, rules.set_setting, key="disposal_days", value="60").outcome == "updated"
    act(
        db,
        clock,
        rules.set_setting,
        key="grade_levels",
        value={"a": "市级", "B": "县级", "C": "乡级", "D": "乡级"},
    )
    with db.sessions() as session:
        assert rules.get_setting(session, "disposal_days") == 60
        assert rules.get_setting(session, "grade_levels")["D"] == "township"
    for key, value in (
        ("daily_threshold_pct", 150),
        ("grade_levels", {"A": "city"}),
        ("disposal_days", "很久"),
        ("grade_levels", {"A": "省级", "B": "county", "C": "township", "D": "village"}),
    ):
        with pytest.raises(ValidationError) as caught:
            act(db, clock, rules.set_setting, key=key, value=value)
        assert caught.value.issues[0].field == "value", key
    with pytest.raises(ValidationError) as caught:
        act(db, clock, rules.set_setting, key="colour", value=1)
    assert caught.value.issues[0].code == "setting.unknown"
    act(db, clock, rules.reset_setting, key="disposal_days")
    with db.sessions() as session:
        assert rules.get_setting(session, "disposal_days") == 90
    assert len(rows_of(db, Setting.__table__, key="disposal_days")) == 1


def test_grade_levels_setting_drives_the_assignment_warning(db, clock) -> None:
    act(db, clock, rules.set_setting, key="grade_levels",
        value={"A": "city", "B": "county", "C": "township", "D": "township"})  # fmt: skip
    seed_roster(db, clock)  # a village cadre for a D business: now a mismatch
    row = {"cadre_phone": "13700000001", "credit_code": E1, "start_date": "2026-02-01"}
    _, warnings, _ = write(db, clock, "assignment", [row])
    assert "warn.level_grade_mismatch" in {w.code for w in warnings}


def test_holidays_and_checklists(db, clock) -> None:
    saved = act(db, clock, rules.save_holiday, day="2027-01-01", name="元旦")
    act(db, clock, rules.save_holiday, day="2027-02-20", is_workday="是", name="调休")
    with db.sessions() as session:
        holidays = rules.list_holidays(session, 2027)
    assert [(h.day, h.is_workday) for h in holidays] == [(D(2027, 1, 1), False), (D(2027, 2, 20), True)]
    assert saved.id == natural_id("holiday", "2027-01-01")
    act(db, clock, rules.delete_holiday, holiday_id=saved.id)
    with pytest.raises(ValidationError) as caught:
        act(db, clock, rules.save_holiday, day="明天")
    assert caught.value.field == "day"
    with db.sessions() as session:
        items = rules.list_checklist(session)
    assert items[0].version == "2022" and items[0].code == "T1" and len(items) == 9
    act(
        db,
        clock,
        rules.save_checklist_item,
        version="2026",
        code="N1",
        area="新增",
        text="检查冷链",
        position=1,
    )
    with db.sessions() as session:
        assert [i.code for i in rules.list_checklist(session)] == ["N1"]
        assert rules.checklist_versions(session) == ["2022", "2026"]
        assert "餐饮食品" in rules.list_food_categories(session)
    act(db, clock, rules.save_food_category, version="2024", name="昆虫食品", position=40)
    with db.sessions() as session:
        assert rules.list_food_categories(session)[-1] == "昆虫食品"


def test_rules_need_edit_rules(db, clock) -> None:
    for actor in (VIEWER, LIAISON):
        with pytest.raises(PermissionDenied):
            act(db, clock, rules.set_setting, actor=actor, key="disposal_days", value=60)
        with pytest.raises(PermissionDenied):
            act(db, clock, rules.save_holiday, actor=actor, day="2027-01-01")
        with pytest.raises(PermissionDenied):
            act(
                db,
                clock,
                rules.save_visit_rule,
                actor=actor,
                level="city",
                effective_from="2024-01-01",
                count=1,
                period_type="year",
            )
    with db.sessions() as session:
        assert rules.get_setting(session, "disposal_days") == 90
