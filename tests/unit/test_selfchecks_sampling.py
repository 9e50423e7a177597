"""Self-check, sampling, rapid-test and plan services: one record per period, results, cases."""

from __future__ import annotations

import datetime as dt

import pytest
from records_helpers import ADMIN, E1, LIAISON, VIEWER, rows_of, seed_roster

from msfood.core.errors import NotFoundError, PermissionDenied, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import Sampling, SelfCheck
from msfood.services.work import sampling, selfchecks
from msfood.services.writing.transaction import unit_of_work

D = dt.date
BUSINESS_ID = natural_id("business", E1, "")


def act(db, clock, action, actor=ADMIN, **kwargs):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        return action(uow, **kwargs)


@pytest.fixture
def roster(db, clock):  # type: ignore[no-untyped-def]
    seed_roster(db, clock)


def test_selfchecks_one_record_per_period(db, clock, roster) -> None:
    daily = act(
        db,
        clock,
        selfchecks.record_selfcheck,
        actor=LIAISON,
        business_id=BUSINESS_ID,
        kind="日管控",
        record_date=D(2026, 4, 1),
        issues_found=2,
        rectified=True,
        recorder="张三",
    )
    assert daily.id == natural_id("selfcheck", BUSINESS_ID, "daily", "2026-04-01")
    weekly = act(
        db,
        clock,
        selfchecks.record_selfcheck,
        business_id=BUSINESS_ID,
        kind="周排查",
        record_date="2026-03-30",
    )
    same_week = act(
        db,
        clock,
        selfchecks.record_selfcheck,
        business_id=BUSINESS_ID,
        kind="weekly",
        record_date="2026-04-05",
    )
    assert same_week.id == weekly.id and same_week.outcome == "updated"
    with db.sessions() as session:
        view = selfchecks.get_selfcheck(session, daily.id)
        week = selfchecks.get_selfcheck(session, weekly.id)
    assert (view.kind, view.period_key, view.issues_found, view.rectified) == ("daily", "2026-04-01", 2, True)
    assert (week.period_key, week.record_date) == ("2026-W14", D(2026, 4, 5))
    assert len(rows_of(db, SelfCheck.__table__)) == 2


def test_selfcheck_validation_and_permissions(db, clock, roster) -> None:
    with pytest.raises(ValidationError) as caught:
        act(
            db,
            clock,
            selfchecks.record_selfcheck,
            business_id=BUSINESS_ID,
            kind="季检",
            record_date="",
            issues_found="两个",
        )
    assert {i.field for i in caught.value.issues} == {"kind", "record_date", "issues_found"}
    with pytest.raises(PermissionDenied):
        act(
            db,
            clock,
            selfchecks.record_selfcheck,
            actor=VIEWER,
            business_id=BUSINESS_ID,
            kind="日管控",
            record_date="2026-04-01",
        )
    saved = act(
        db,
        clock,
        selfchecks.record_selfcheck,
        business_id=BUSINESS_ID,
        kind="日管控",
        record_date="2026-04-01",
    )
    with pytest.raises(PermissionDenied):
        act(db, clock, selfchecks.delete_selfcheck, actor=VIEWER, selfcheck_id=saved.id)
    assert act(db, clock, selfchecks.delete_selfcheck, selfcheck_id=saved.id).outcome == "deleted"
    again = act(
        db,
        clock,
        selfchecks.record_selfcheck,
        business_id=BUSINESS_ID,
        kind="日管控",
        record_date="2026-04-01",
    )
    assert again.id == saved.id and again.outcome == "updated"


def sample(db, clock, **changes):  # type: ignore[no-untyped-def]
    values = {"sample_no": "SF2026002", "business_id": BUSINESS_ID, "sample_date": "2026-04-12",
              "sampling_type": "监督抽检", "food_category": "食用农产品", "sample_name": "豇豆"}  # fmt: skip
    values.update(changes)
    return act(db, clock, sampling.record_sampling, actor=LIAISON, **values)


def test_sample_result_and_case(db, clock, roster) -> None:
    saved = sample(db, clock, lab="株洲市检验检测中心")
    assert saved.id == natural_id("sampling", "SF2026002") and saved.warnings == ()
    with pytest.raises(ValidationError) as caught:
        act(db, clock, sampling.close_case, sampling_id=saved.id, disposal="下架", closed_on="2026-06-20")
    assert caught.value.issues[0].code == "record.case_not_failed"
    with pytest.raises(ValidationError) as caught:
        act(db, clock, sampling.record_result, sampling_id=saved.id, result="", result_date="2026-05-01")
    assert caught.value.field == "result"
    with pytest.raises(ValidationError) as caught:
        act(
            db, clock, sampling.record_result, sampling_id=saved.id, result="不合格", result_date="2026-04-01"
        )
    assert caught.value.issues[0].code == "record.date_before"
    act(
        db,
        clock,
        sampling.record_result,
        sampling_id=saved.id,
        result="不合格",
        result_date="2026-05-01",
        failed_items="腐霉利",
    )
    with pytest.raises(ValidationError) as caught:
        act(db, clock, sampling.close_case, sampling_id=saved.id, disposal="", closed_on="")
    assert {i.field for i in caught.value.issues} == {"disposal", "disposal_closed_on"}
    closed = act(
        db, clock, sampling.close_case, sampling_id=saved.id, disposal="下架", closed_on="2026-06-20"
    )
    assert closed.outcome == "updated"
    with db.sessions() as session:
        view = sampling.get_sampling(session, saved.id)
    assert (view.result, view.failed_items, view.result_date) == ("fail", "腐霉利", D(2026, 5, 1))
    assert (view.disposal, view.disposal_closed_on, view.lab) == (
        "下架",
        D(2026, 6, 20),
        "株洲市检验检测中心",
    )
    # editing the sample part keeps the result and the case
    sample(db, clock, sampling_id=saved.id, sample_name="豇豆（散装）")
    (row,) = rows_of(db, Sampling.__table__)
    assert (row["sample_name"], row["result"], row["disposal"], row["lab"]) == (
        "豇豆（散装）",
        "fail",
        "下架",
        None,
    )


def test_sample_warnings_and_duplicates(db, clock, roster) -> None:
    saved = sample(db, clock, food_category="火星食品")
    assert [w.code for w in saved.warnings] == ["warn.food_category_unknown"]
    other = act(
        db,
        clock,
        sampling.record_sampling,
        sample_no="SF2026009",
        business_id=BUSINESS_ID,
        sample_date="2026-04-12",
        sampling_type="风险监测",
        food_category="蔬菜制品",
        sample_name="x",
    )
    with pytest.raises(ValidationError) as caught:
        sample(db, clock, sampling_id=other.id)  # moving it onto SF2026002
    assert caught.value.issues[0].code == "record.key_taken"
    with pytest.raises(PermissionDenied):
        act(db, clock, sampling.delete_sampling, actor=VIEWER, sampling_id=saved.id)
    act(db, clock, sampling.delete_sampling, sampling_id=saved.id)
    with db.sessions() as session, pytest.raises(NotFoundError):
        sampling.get_sampling(session, saved.id)


def test_rapid_tests(db, clock, roster) -> None:
    saved = act(
        db,
        clock,
        sampling.record_rapid_test,
        actor=LIAISON,
        business_id=BUSINESS_ID,
        test_date="2026-05-05",
        sample_name="小白菜",
        item="农药残留",
        batches=8,
        positives=1,
        disposal="销毁",
        destroyed_kg="12.5",
    )
    with db.sessions() as session:
        view = sampling.get_rapid_test(session, saved.id)
    assert (view.batches, view.positives, view.destroyed_kg, view.business_name) == (
        8,
        1,
        12.5,
        "清水家常饭店",
    )
    with pytest.raises(ValidationError) as caught:
        act(
            db,
            clock,
            sampling.record_rapid_test,
            business_id=BUSINESS_ID,
            test_date="2026-05-05",
            sample_name="小白菜",
            item="农药残留",
            batches=0,
            positives=1,
            destroyed_kg="很多",
        )
    assert {i.field for i in caught.value.issues} == {"batches", "positives", "destroyed_kg"}
    assert act(db, clock, sampling.delete_rapid_test, rapid_test_id=saved.id).outcome == "deleted"


def test_plans_belong_to_the_roster(db, clock, roster) -> None:
    with pytest.raises(PermissionDenied):
        act(db, clock, sampling.set_plan, actor=LIAISON, region_code="430204", year=2026, planned=12)
    saved = act(db, clock, sampling.set_plan, region_code="430204", year=2026, planned=12)
    changed = act(db, clock, sampling.set_plan, region_code="430204", year="2026", planned="15")
    assert changed.id == saved.id and changed.outcome == "updated"
    with db.sessions() as session:
        view = sampling.get_plan(session, saved.id)
    assert (view.region_code, view.year, view.planned) == ("430204", 2026, 15)
    assert act(db, clock, sampling.delete_plan, plan_id=saved.id).outcome == "deleted"
