"""records.clean / apply: every kind, string and typed input, every failure named, natural ids."""

from __future__ import annotations

import datetime as dt

import pytest
from records_helpers import (
    BUSINESS,
    CADRE,
    E1,
    E2,
    REGIONS,
    SHARED,
    VIEWER,
    rows_of,
    seed_roster,
    write,
)

from msfood.core.errors import PermissionDenied, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import (
    AuditEntry,
    Business,
    BusinessStatus,
    Cadre,
    Problem,
    RapidTest,
    Region,
    Sampling,
    SamplingPlan,
    SelfCheck,
    Visit,
)
from msfood.services import records
from msfood.services.writing.transaction import unit_of_work

D = dt.date


def fields_of(error: ValidationError) -> set[str]:
    return {issue.field for issue in error.issues}


def test_every_kind_has_its_workbook_columns_in_order() -> None:
    assert set(records.RECORD_FIELDS) == set(records.KINDS)
    headers = [spec.header for spec in records.RECORD_FIELDS["visit"]]
    assert headers == [
        "干部手机号",
        "统一社会信用代码",
        "许可证编号",
        "督导日期",
        "督导方式",
        "发现问题数",
        "问题描述",
        "整改期限",
        "整改完成日期",
        "备注",
    ]
    required = {s.name for s in records.RECORD_FIELDS["business"] if s.required}
    assert required == {"name", "credit_code", "form", "grade", "region_code"}


def test_regions_infer_their_parent_from_the_code_structure(db, clock) -> None:
    counts, _, _ = write(db, clock, "region", REGIONS)
    assert counts["new"] == 4
    regions = {r["code"]: r for r in rows_of(db, Region.__table__)}
    assert regions["430204"]["parent_id"] is None
    assert regions["430204001"]["parent_id"] == regions["430204"]["id"]
    assert regions["430204001002"]["parent_id"] == regions["430204001"]["id"]
    assert regions["430204"]["id"] == natural_id("region", "430204")


def test_region_parent_given_must_exist_and_make_no_cycle(db, clock) -> None:
    write(db, clock, "region", REGIONS)
    with pytest.raises(ValidationError) as caught:
        write(db, clock, "region", [{"code": "430204002", "name": "x", "parent_code": "430299"}])
    assert caught.value.issues[0].code == "ref.region_unknown"
    with pytest.raises(ValidationError) as caught:
        write(db, clock, "region", [{"code": "430204", "name": "石峰区", "parent_code": "430204001001"}])
    assert caught.value.issues[0].code == "ref.parent_cycle"
    assert caught.value.field == "parent_code"


def test_existing_region_with_blank_parent_keeps_its_parent(db, clock) -> None:
    write(db, clock, "region", REGIONS)
    counts, _, _ = write(db, clock, "region", [{"code": "430204001", "name": "清水塘街道"}])
    assert counts["unchanged"] == 1
    (row,) = rows_of(db, Region.__table__, code="430204001")
    assert row["parent_id"] == natural_id("region", "430204")


def test_business_cleans_spreadsheet_strings_and_typed_values_alike(db, clock) -> None:
    write(db, clock, "region", REGIONS)
    strings = dict(
        BUSINESS,
        credit_code=" 91430211000009136f ",
        scale="小型",
        risk_grade="B",
        high_risk="是",
        phone=73122334455.0,
        status="停业",
        since="2026/05/20",
        rest_days="周六、周日",
    )
    typed = dict(
        BUSINESS,
        form="catering",
        scale="small",
        risk_grade="B",
        high_risk=True,
        phone="73122334455",
        status="suspended",
        since=dt.datetime(2026, 5, 20),
        rest_days="67",
    )
    with db.sessions() as session:
        refs = records.Refs(session)
        a = records.clean("business", strings, refs)
        b = records.clean("business", typed, refs)
    assert a.values == b.values
    assert a.values["credit_code"] == E1
    assert a.values["name_initials"] == "qsjcfd"
    assert a.values["rest_days"] == "67" and a.values["phone"] == "73122334455"
    assert a.values["id"] == natural_id("business", E1, "")
    ((table, status),) = a.children
    assert table.name == "business_statuses"
    assert status == {
        "id": natural_id("business_status", a.values["id"], "2026-05-20"),
        "business_id": a.values["id"],
        "status": "suspended",
        "since": D(2026, 5, 20),
    }


def test_blank_status_writes_no_status_row_and_blank_cells_keep_stored_values(db, clock) -> None:
    write(db, clock, "region", REGIONS)
    write(db, clock, "business", [dict(BUSINESS, address="建设路 1 号")])
    assert rows_of(db, BusinessStatus.__table__) == []
    counts, _, _ = write(db, clock, "business", [dict(BUSINESS, address="")])
    assert counts["unchanged"] == 1
    (row,) = rows_of(db, Business.__table__)
    assert row["address"] == "建设路 1 号"


def test_same_input_twice_is_unchanged_for_every_kind(db, clock) -> None:
    seed_roster(db, clock)
    cases = {
        "visit": {
            "cadre_phone": "13700000001",
            "credit_code": E1,
            "visit_date": "2026-05-10",
            "mode": "现场督导",
            "problem_count": 1,
            "description": "台账不全",
            "deadline": "2026-06-15",
        },
        "selfcheck": {"credit_code": E1, "kind": "日管控", "record_date": "2026-05-10", "issues_found": 0},
        "sampling": {
            "sample_no": "SF2026001",
            "credit_code": E1,
            "sample_date": "2026-04-08",
            "sampling_type": "监督抽检",
            "food_category": "餐饮食品",
            "sample_name": "米饭",
            "result": "合格",
            "result_date": "2026-04-20",
        },
        "rapid_test": {
            "test_date": "2026-05-05",
            "credit_code": E1,
            "sample_name": "小白菜",
            "item": "农药残留",
            "batches": 8,
            "positives": 1,
        },
        "sampling_plan": {"region_code": "430204", "year": 2026, "planned": 12},
        "cadre": CADRE,
        "business": BUSINESS,
        "region": REGIONS[0],
        "assignment": {"cadre_phone": "13700000001", "credit_code": E1, "start_date": "2026-01-01"},
    }
    for kind, raw in cases.items():
        first, _, _ = write(db, clock, kind, [raw])
        again, _, _ = write(db, clock, kind, [raw])
        assert again["unchanged"] == 1 and again["new"] == again["updated"] == 0, kind
        if kind not in ("cadre", "business", "region", "assignment"):
            assert first["new"] == 1, kind


def test_every_required_field_is_named_at_once(db, clock) -> None:
    write(db, clock, "region", REGIONS)
    for kind in records.KINDS:
        with db.sessions() as session, pytest.raises(ValidationError) as caught:
            records.clean(kind, {}, records.Refs(session))
        required = {s.name for s in records.RECORD_FIELDS[kind] if s.required}
        assert required <= fields_of(caught.value), kind


def test_all_bad_fields_are_listed_in_one_error(db, clock) -> None:
    write(db, clock, "region", REGIONS)
    raw = dict(
        BUSINESS,
        credit_code="91430211000009136X",
        form="饭馆",
        grade="E",
        high_risk="也许",
        region_code="430299",
        since="2026-13-01",
        rest_days="周八",
        name="x" * 201,
    )
    with db.sessions() as session, pytest.raises(ValidationError) as caught:
        records.clean("business", raw, records.Refs(session))
    assert fields_of(caught.value) == {
        "credit_code",
        "form",
        "grade",
        "high_risk",
        "region_code",
        "since",
        "rest_days",
        "name",
    }
    codes = {i.field: i.code for i in caught.value.issues}
    assert codes["credit_code"] == "uscc.checksum" and codes["region_code"] == "ref.region_unknown"
    assert codes["name"] == "value.too_long"
    assert "统一社会信用代码" in caught.value.message()


def test_validation_failures_of_the_work_kinds_name_their_fields(db, clock) -> None:
    seed_roster(db, clock)
    bad = {
        "visit": (
            {"cadre_phone": "1370000", "credit_code": E2, "visit_date": "昨天", "mode": "电话"},
            {"cadre_phone", "credit_code", "visit_date", "mode"},
        ),
        "assignment": (
            {
                "cadre_phone": "13700000009",
                "credit_code": E1,
                "start_date": "2026-05-01",
                "end_date": "2026-04-01",
            },
            {"cadre_phone", "end_date"},
        ),
        "selfcheck": (
            {
                "credit_code": E1,
                "kind": "年检",
                "record_date": "2026-02-30",
                "issues_found": -1,
                "rectified": "maybe",
            },
            {"kind", "record_date", "issues_found", "rectified"},
        ),
        "sampling": (
            {
                "sample_no": "S1",
                "credit_code": E1,
                "sample_date": "2026-05-01",
                "sampling_type": "抽查",
                "food_category": "",
                "sample_name": "米",
                "result": "良好",
                "result_date": "2026-04-01",
            },
            {"sampling_type", "food_category", "result", "result_date"},
        ),
        "rapid_test": (
            {
                "test_date": "2026-05-05",
                "credit_code": E1,
                "sample_name": "菜",
                "item": "农药残留",
                "batches": 2,
                "positives": 3,
            },
            {"positives"},
        ),
        "sampling_plan": ({"region_code": "430204", "year": 1999, "planned": 1.5}, {"year", "planned"}),
    }
    for kind, (raw, expected) in bad.items():
        with db.sessions() as session, pytest.raises(ValidationError) as caught:
            records.clean(kind, raw, records.Refs(session))
        assert fields_of(caught.value) == expected, kind


def test_shared_credit_code_is_told_apart_by_licence(db, clock) -> None:
    write(db, clock, "region", REGIONS)
    canteen = dict(BUSINESS, name="一中食堂", credit_code=SHARED, form="单位食堂", grade="C")
    # one premises, licence blank; a later row giving a licence fills it in on the same record
    write(db, clock, "business", [canteen])
    counts, _, _ = write(db, clock, "business", [dict(canteen, licence_no="JY14302040000011")])
    assert counts["updated"] == 1
    (first,) = rows_of(db, Business.__table__)
    assert first["licence_no"] == "JY14302040000011"
    assert first["id"] == natural_id("business", SHARED, "")
    # a second premises with the same code
    counts, _, _ = write(
        db, clock, "business", [dict(canteen, name="一中二食堂", licence_no="jy14302040000029")]
    )
    assert counts["new"] == 1
    second = rows_of(db, Business.__table__, licence_no="JY14302040000029")[0]
    assert second["id"] == natural_id("business", SHARED, "JY14302040000029")
    write(db, clock, "cadre", [CADRE])
    with pytest.raises(ValidationError) as caught:
        write(
            db,
            clock,
            "assignment",
            [{"cadre_phone": "13700000001", "credit_code": SHARED, "start_date": "2026-01-01"}],
        )
    assert caught.value.issues[0].code == "ref.business_ambiguous"
    _, _, (done,) = write(
        db,
        clock,
        "assignment",
        [
            {
                "cadre_phone": "13700000001",
                "credit_code": SHARED,
                "licence_no": "JY14302040000029",
                "start_date": "2026-01-01",
            }
        ],
    )
    assert done.values["business_id"] == second["id"]
    with pytest.raises(ValidationError) as caught:
        write(db, clock, "business", [dict(canteen, name="无证")])
    assert caught.value.field == "licence_no"


def test_licence_format_is_checked_except_for_stalls_and_workshops(db, clock) -> None:
    write(db, clock, "region", REGIONS)
    with pytest.raises(ValidationError) as caught:
        write(db, clock, "business", [dict(BUSINESS, licence_no="ZZ123")])
    assert caught.value.issues[0].code == "licence.format"
    counts, _, _ = write(db, clock, "business", [dict(BUSINESS, form="小作坊", licence_no="湘作坊 2026-001")])
    assert counts["new"] == 1


def test_stall_without_code_is_entered_by_its_local_number(db, clock) -> None:
    write(db, clock, "region", REGIONS)
    stall = dict(BUSINESS, name="王记烧饼", credit_code="", licence_no="SF-0012", form="食品摊贩")
    counts, _, (item,) = write(db, clock, "business", [stall])
    assert counts["new"] == 1
    assert item.values["id"] == natural_id("business", None, "SF-0012")
    assert write(db, clock, "business", [stall])[0]["unchanged"] == 1
    with pytest.raises(ValidationError) as caught:
        write(db, clock, "business", [dict(stall, licence_no="")])
    assert caught.value.issues[0].code == "record.stall_needs_number"
    with pytest.raises(ValidationError) as caught:
        write(db, clock, "business", [dict(stall, form="餐饮服务")])
    assert caught.value.field == "credit_code"
    write(db, clock, "cadre", [CADRE])
    _, _, (visit,) = write(
        db,
        clock,
        "visit",
        [
            {
                "cadre_phone": "13700000001",
                "licence_no": "SF-0012",
                "visit_date": "2026-05-01",
                "mode": "现场督导",
            }
        ],
    )
    assert visit.values["business_id"] == item.values["id"]


def test_cadre_phone_from_excel_float_and_initials(db, clock) -> None:
    write(db, clock, "region", REGIONS)
    _, _, (item,) = write(db, clock, "cadre", [dict(CADRE, phone=13700000001.0, level="village")])
    assert item.values["phone"] == "13700000001"
    assert item.values["name_initials"] == "zy"
    assert item.values["id"] == natural_id("cadre", "13700000001")
    assert write(db, clock, "cadre", [dict(CADRE, phone="137 0000 0001")])[0]["unchanged"] == 1
    (row,) = rows_of(db, Cadre.__table__)
    assert row["level"] == "village"


def test_one_import_adds_a_business_and_its_assignment(db, clock) -> None:
    with unit_of_work(db.sessions, clock=clock) as uow:
        refs = records.Refs(uow.session)
        cleaned = []
        for kind, raw in [("region", r) for r in REGIONS] + [
            ("business", BUSINESS),
            ("cadre", CADRE),
            ("assignment", {"cadre_phone": "13700000001", "credit_code": E1, "start_date": "2026-01-01"}),
            (
                "visit",
                {
                    "cadre_phone": "13700000001",
                    "credit_code": E1,
                    "visit_date": "2026-05-10",
                    "mode": "现场督导",
                },
            ),
        ]:
            item = records.clean(kind, raw, refs)
            refs.remember(kind, item)
            cleaned.append(item)
        counts = records.apply(uow, cleaned)
    assert counts["new"] == 8
    assert cleaned[-1].warnings == []  # the visit's cadre is assigned on the day


def test_level_grade_mismatch_and_unassigned_visit_are_warnings(db, clock) -> None:
    seed_roster(db, clock)
    write(db, clock, "cadre", [dict(CADRE, name="郑三", phone="13700000003", level="县级")])
    _, warnings, _ = write(
        db,
        clock,
        "assignment",
        [{"cadre_phone": "13700000003", "credit_code": E1, "start_date": "2026-02-01"}],
    )
    assert [w.code for w in warnings] == ["warn.level_grade_mismatch"]
    counts, warnings, _ = write(
        db,
        clock,
        "visit",
        [{"cadre_phone": "13700000003", "credit_code": E1, "visit_date": "2026-01-15", "mode": "现场督导"}],
    )
    assert counts["new"] == 1
    assert [w.code for w in warnings] == ["record.visit_unassigned"]


def test_a_visit_row_with_n_problems_records_n_problems(db, clock) -> None:
    seed_roster(db, clock)
    raw = {
        "cadre_phone": "13700000001",
        "credit_code": E1,
        "visit_date": "2026-05-10",
        "mode": "现场督导",
        "problem_count": 3.0,
        "description": "健康证过期",
        "deadline": "2026-06-15",
        "closed_on": "2026-06-20",
    }
    counts, _, (visit,) = write(db, clock, "visit", [raw])
    assert counts["new"] == 1
    problems = sorted(rows_of(db, Problem.__table__), key=lambda p: p["seq"])
    assert [p["seq"] for p in problems] == [1, 2, 3]
    assert {p["status"] for p in problems} == {"closed"}
    assert {p["closed_on"] for p in problems} == {D(2026, 6, 20)}
    assert problems[0]["id"] == natural_id("problem", visit.values["id"], 1)
    write(db, clock, "visit", [dict(raw, problem_count=1)])
    live = [p for p in rows_of(db, Problem.__table__) if not p["deleted"]]
    assert [p["seq"] for p in live] == [1]
    with pytest.raises(ValidationError) as caught:
        write(db, clock, "visit", [dict(raw, problem_count=0)])
    assert caught.value.field == "problem_count"
    with pytest.raises(ValidationError) as caught:
        write(db, clock, "visit", [dict(raw, closed_on="2026-05-01")])
    assert caught.value.issues[0].code == "record.date_before"


def test_selfcheck_period_key_from_any_day_of_the_week_or_month(db, clock) -> None:
    seed_roster(db, clock)
    _, _, (weekly,) = write(
        db, clock, "selfcheck", [{"credit_code": E1, "kind": "周排查", "record_date": "2026-04-01"}]
    )
    assert weekly.values["period_key"] == "2026-W14"
    counts, _, (again,) = write(
        db, clock, "selfcheck", [{"credit_code": E1, "kind": "weekly", "record_date": "2026-04-03"}]
    )
    assert counts["updated"] == 1 and again.id == weekly.id
    _, _, (monthly,) = write(
        db,
        clock,
        "selfcheck",
        [{"credit_code": E1, "kind": "月调度", "record_date": "2026.04.28", "rectified": "是"}],
    )
    assert monthly.values["period_key"] == "2026-04" and monthly.values["rectified"] is True
    assert len(rows_of(db, SelfCheck.__table__)) == 2


def test_sampling_defaults_to_pending_and_warns_on_unknown_category(db, clock) -> None:
    seed_roster(db, clock)
    counts, warnings, _ = write(
        db,
        clock,
        "sampling",
        [
            {
                "sample_no": "SF2026003",
                "credit_code": E1,
                "sample_date": "2026-06-25",
                "sampling_type": "风险监测",
                "food_category": "外星食品",
                "sample_name": "面包",
            }
        ],
    )
    assert counts["new"] == 1
    assert [(w.code, w.field) for w in warnings] == [("warn.food_category_unknown", "food_category")]
    (row,) = rows_of(db, Sampling.__table__)
    assert row["result"] == "pending" and row["food_category"] == "外星食品"
    write(
        db,
        clock,
        "sampling",
        [
            {
                "sample_no": "SF2026003",
                "credit_code": E1,
                "sample_date": "2026-06-25",
                "sampling_type": "风险监测",
                "food_category": "糕点",
                "sample_name": "面包",
                "result": "不合格",
            }
        ],
    )
    (row,) = rows_of(db, Sampling.__table__)
    assert row["result"] == "fail"


def test_rapid_test_and_plan_ids_are_natural(db, clock) -> None:
    seed_roster(db, clock)
    _, _, (rapid,) = write(
        db,
        clock,
        "rapid_test",
        [
            {
                "test_date": dt.date(2026, 5, 5),
                "credit_code": E1,
                "sample_name": "小白菜",
                "item": "农药残留",
                "batches": "8",
                "positives": 0,
            }
        ],
    )
    business_id = natural_id("business", E1, "")
    assert rapid.id == natural_id("rapid_test", business_id, "2026-05-05", "小白菜", "农药残留")
    _, _, (plan,) = write(
        db, clock, "sampling_plan", [{"region_code": 430204, "year": "2026", "planned": 12.0}]
    )
    assert plan.id == natural_id("sampling_plan", natural_id("region", "430204"), 2026)
    assert rows_of(db, SamplingPlan.__table__)[0]["planned"] == 12
    assert rows_of(db, RapidTest.__table__)[0]["batches"] == 8


def test_audit_entries_are_written_for_every_change(db, clock) -> None:
    before = len(rows_of(db, AuditEntry.__table__))
    seed_roster(db, clock)
    entries = rows_of(db, AuditEntry.__table__)[before:]
    assert {e["table_name"] for e in entries} >= {"regions", "businesses", "cadres", "assignments"}
    assert all(e["actor"] == "admin" for e in entries)


def test_a_viewer_may_not_apply_records(db, clock) -> None:
    with pytest.raises(PermissionDenied):
        write(db, clock, "region", REGIONS, actor=VIEWER)
    assert rows_of(db, Region.__table__) == []


def test_future_dates_are_warned(db, clock) -> None:
    seed_roster(db, clock)
    _, warnings, _ = write(
        db,
        clock,
        "visit",
        [{"cadre_phone": "13700000001", "credit_code": E1, "visit_date": "2027-01-05", "mode": "现场督导"}],
    )
    assert "record.future_date" in {w.code for w in warnings}
    assert rows_of(db, Visit.__table__)[0]["visit_date"] == D(2027, 1, 5)


def test_both_key_resolvers_agree(db, clock) -> None:
    from msfood.services.records.natural_keys import resolve_rows, resolve_rows_sqlite

    seed_roster(db, clock)
    write(db, clock, "selfcheck", [{"credit_code": E1, "kind": "日管控", "record_date": "2026-05-10"}])
    business_id = natural_id("business", E1, "")
    table = records.KIND_TABLE["selfcheck"]
    stored = natural_id("selfcheck", business_id, "daily", "2026-05-10")
    cases = [
        (stored, {"business_id": business_id, "kind": "daily", "period_key": "2026-05-10"}),
        ("no-such-id", {"business_id": business_id, "kind": "daily", "period_key": "2026-05-11"}),
        (stored, {"business_id": business_id, "kind": "weekly", "period_key": "2026-W19"}),
    ]
    with db.sessions() as session:
        connection = session.connection()
        for natural, key in cases:
            generic = resolve_rows(connection, table, natural, key)
            fast = resolve_rows_sqlite(connection, table, natural, key)
            assert [tuple(r) for r in generic] == [tuple(r) for r in fast]
        refs = records.Refs(session)
        assert refs.resolve(table, stored, cases[0][1]) == (stored, True)
        assert refs.resolve(table, "no-such-id", cases[1][1]) == (None, False)
        assert refs.resolve(table, stored, cases[2][1]) == (None, True)
        assert refs.resolve(records.KIND_TABLE["assignment"], "x", {
            "cadre_id": natural_id("cadre", "13700000001"), "business_id": business_id,
            "start_date": D(2026, 1, 1)})[0] == natural_id(
            "assignment", natural_id("cadre", "13700000001"), business_id, "2026-01-01")  # fmt: skip


def test_a_record_moved_off_its_key_leaves_its_natural_id_taken(db, clock) -> None:
    seed_roster(db, clock)
    first = write(db, clock, "sampling", [{
        "sample_no": "S-1", "credit_code": E1, "sample_date": "2026-04-08", "sampling_type": "监督抽检",
        "food_category": "餐饮食品", "sample_name": "米饭"}])[2][0]  # fmt: skip
    with unit_of_work(db.sessions, clock=clock) as uow:
        moved = records.clean("sampling", {
            "sample_no": "S-2", "business_id": natural_id("business", E1, ""), "sample_date": "2026-04-08",
            "sampling_type": "监督抽检", "food_category": "餐饮食品", "sample_name": "米饭"},
            records.Refs(uow.session), record_id=first.id)  # fmt: skip
        records.apply(uow, [moved])
    _, _, (again,) = write(db, clock, "sampling", [{
        "sample_no": "S-1", "credit_code": E1, "sample_date": "2026-04-09", "sampling_type": "监督抽检",
        "food_category": "餐饮食品", "sample_name": "面条"}])  # fmt: skip
    assert again.id != first.id and again.id != natural_id("sampling", "S-1")
    assert {r["sample_no"] for r in rows_of(db, Sampling.__table__)} == {"S-1", "S-2"}


STRING_AND_TYPED = {
    "region": ({"code": "430204002", "name": "铜塘湾街道", "parent_code": "430204"},
               {"code": 430204002, "name": "铜塘湾街道", "parent_code": 430204.0}),
    "cadre": ({"name": "吴二", "phone": "137-0000-0002", "level": "乡级", "region_code": "430204001"},
              {"name": "吴二", "phone": 13700000002, "level": "township", "region_code": "430204001"}),
    "assignment": ({"cadre_phone": "13700000001", "credit_code": E1.lower(), "start_date": "2026/03/01",
                    "end_date": "2026.12.31", "end_reason": "调整"},
                   {"cadre_phone": 13700000001.0, "credit_code": E1, "start_date": D(2026, 3, 1),
                    "end_date": dt.datetime(2026, 12, 31), "end_reason": "调整"}),
    "visit": ({"cadre_phone": "13700000001", "credit_code": E1, "visit_date": "2026-05-10",
               "mode": "视频督导", "problem_count": "2", "description": "无",
               "deadline": "2026-06-01", "remarks": "备注"},
              {"cadre_phone": "13700000001", "credit_code": E1, "visit_date": D(2026, 5, 10),
               "mode": "video", "problem_count": 2.0, "description": "无",
               "deadline": D(2026, 6, 1), "remarks": "备注"}),
    "selfcheck": ({"credit_code": E1, "kind": "月调度", "record_date": "2026-05-28", "issues_found": "1",
                   "rectified": "否", "recorder": "张三"},
                  {"credit_code": E1, "kind": "monthly", "record_date": D(2026, 5, 28), "issues_found": 1,
                   "rectified": False, "recorder": "张三"}),
    "sampling": ({"sample_no": "SF2026002", "credit_code": E1, "sample_date": "2026-04-12",
                  "sampling_type": "监督抽检", "food_category": "食用农产品", "sample_name": "豇豆",
                  "result": "不合格", "failed_items": "腐霉利", "result_date": "2026-05-01",
                  "disposal": "下架", "disposal_closed_on": "2026-06-20"},
                 {"sample_no": "SF2026002", "credit_code": E1, "sample_date": D(2026, 4, 12),
                  "sampling_type": "supervision", "food_category": "食用农产品", "sample_name": "豇豆",
                  "result": "fail", "failed_items": "腐霉利", "result_date": D(2026, 5, 1),
                  "disposal": "下架", "disposal_closed_on": D(2026, 6, 20)}),
    "rapid_test": ({"test_date": "2026-05-05", "credit_code": E1, "sample_name": "小白菜",
                    "item": "农药残留", "batches": "8", "positives": "1", "disposal": "销毁"},
                   {"test_date": D(2026, 5, 5), "credit_code": E1, "sample_name": "小白菜",
                    "item": "农药残留", "batches": 8, "positives": 1, "disposal": "销毁"}),
    "sampling_plan": ({"region_code": "430204", "year": "2026", "planned": "12"},
                      {"region_code": "430204", "year": 2026, "planned": 12}),
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(STRING_AND_TYPED))
def test_strings_and_typed_values_clean_alike(db, clock, kind) -> None:
    seed_roster(db, clock)
    strings, typed = STRING_AND_TYPED[kind]
    with db.sessions() as session:
        refs = records.Refs(session)
        a, b = records.clean(kind, strings, refs), records.clean(kind, typed, refs)
    assert a.values == b.values and a.children == b.children
    assert set(a.values) - {"id", "business_id", "cadre_id", "region_id", "parent_id", "period_key",
                            "name_initials"} <= set(strings)  # only the columns given  # fmt: skip
    counts, _, _ = write(db, clock, kind, [typed])
    assert counts["new"] == 1
