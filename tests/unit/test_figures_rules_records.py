"""The new fields of issue 15 through the record services (one spec feeds forms and workbook import):
a sample's 送达 date and a case's approved extension, a business's chain role, headquarters and branch,
and the setting of the sampling types that open a case."""

from __future__ import annotations

import datetime as dt

import pytest
from records_helpers import ADMIN, BUSINESS, E1, E2, E3, E4, LIAISON, rows_of, seed_roster, write

from msfood.core.errors import ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import Business, Sampling
from msfood.services import rules
from msfood.services.roster import editing as roster
from msfood.services.work import sampling
from msfood.services.writing.transaction import unit_of_work
from msfood.sync.column_rules import enum_columns

D = dt.date

SAMPLE = {"sample_no": "SF1", "credit_code": E1, "sample_date": "2026-04-01", "sampling_type": "监督抽检",
          "food_category": "餐饮食品", "sample_name": "米饭", "result": "不合格", "result_date": "2026-04-10"}


def act(db, clock, action, actor=ADMIN, **kwargs):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        return action(uow, **kwargs)


def codes(caught: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(i.code, i.field) for i in caught.value.issues}


def test_served_date_and_extension_through_the_workbook_spec(db, clock) -> None:  # type: ignore[no-untyped-def]
    seed_roster(db, clock)
    row = {**SAMPLE, "served_date": "2026-04-13", "extended_deadline": "2026-09-30",
           "extension_approver": "张科长", "extension_approved_on": "2026-07-01"}
    write(db, clock, "sampling", [row])
    stored = rows_of(db, Sampling.__table__, sample_no="SF1")[0]
    assert (stored["served_date"], stored["extended_deadline"]) == (D(2026, 4, 13), D(2026, 9, 30))
    assert (stored["extension_approver"], stored["extension_approved_on"]) == ("张科长", D(2026, 7, 1))
    # a blank cell leaves the stored value as it is (INTERFACES.md section 2)
    write(db, clock, "sampling", [{**SAMPLE, "served_date": ""}])
    assert rows_of(db, Sampling.__table__, sample_no="SF1")[0]["served_date"] == D(2026, 4, 13)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"served_date": "2026-04-09"}, ("figures_rules.served_before_result", "served_date")),
        ({"extended_deadline": "2026-09-30"}, ("figures_rules.extension_incomplete", "extension_approver")),
        ({"extended_deadline": "2026-07-01", "extension_approver": "张科长", "extension_approved_on": "2026-06-01"},
         ("figures_rules.extension_not_later", "extended_deadline")),
        ({"result": "合格", "extended_deadline": "2026-09-30", "extension_approver": "张科长",
          "extension_approved_on": "2026-06-01"}, ("figures_rules.extension_needs_fail", "extended_deadline")),
    ],
)
def test_bad_served_dates_and_extensions_are_refused(db, clock, change, expected) -> None:  # type: ignore[no-untyped-def]
    seed_roster(db, clock)
    with pytest.raises(ValidationError) as caught:
        write(db, clock, "sampling", [{**SAMPLE, **change}])
    assert expected in codes(caught)
    assert caught.value.message()  # a sentence, not a code


def test_sampling_services_record_the_served_date_and_the_extension(db, clock) -> None:  # type: ignore[no-untyped-def]
    seed_roster(db, clock)
    write(db, clock, "sampling", [SAMPLE])
    sampling_id = natural_id("sampling", "SF1")
    act(db, clock, sampling.record_served, actor=LIAISON, sampling_id=sampling_id, served_date="2026-04-13")
    with pytest.raises(ValidationError) as caught:
        act(db, clock, sampling.extend_case, sampling_id=sampling_id, extended_deadline="2026-09-30",
            approver="", approved_on="2026-07-01")
    assert codes(caught) == {("figures_rules.extension_incomplete", "extension_approver")}
    act(db, clock, sampling.extend_case, sampling_id=sampling_id, extended_deadline="2026-09-30",
        approver="张科长", approved_on="2026-07-01")
    with db.sessions() as session:
        view = sampling.get_sampling(session, sampling_id)
    assert (view.served_date, view.extended_deadline, view.extension_approver, view.extension_approved_on) == (
        D(2026, 4, 13), D(2026, 9, 30), "张科长", D(2026, 7, 1))
    # closing the case keeps the extension
    act(db, clock, sampling.close_case, sampling_id=sampling_id, disposal="下架", closed_on="2026-09-15")
    assert rows_of(db, Sampling.__table__, sample_no="SF1")[0]["extended_deadline"] == D(2026, 9, 30)


def test_a_passed_sample_cannot_be_extended(db, clock) -> None:  # type: ignore[no-untyped-def]
    seed_roster(db, clock)
    write(db, clock, "sampling", [{**SAMPLE, "result": "合格"}])
    with pytest.raises(ValidationError) as caught:
        act(db, clock, sampling.extend_case, sampling_id=natural_id("sampling", "SF1"),
            extended_deadline="2026-09-30", approver="张科长", approved_on="2026-07-01")
    assert codes(caught) == {("figures_rules.extension_needs_fail", "extended_deadline")}


def _chain_rows() -> list[dict[str, str]]:
    return [
        {**BUSINESS, "name": "连锁总部", "credit_code": E2, "chain_role": "总部"},
        {**BUSINESS, "name": "分公司", "credit_code": E3, "chain_role": "分支机构", "chain_hq_code": E2},
        {**BUSINESS, "name": "门店", "credit_code": E4, "chain_role": "门店", "chain_hq_code": E2,
         "chain_branch_code": E3},
    ]


def test_a_chain_through_the_workbook_spec(db, clock) -> None:  # type: ignore[no-untyped-def]
    seed_roster(db, clock)
    write(db, clock, "business", _chain_rows())  # headquarters first: the rows after see it
    stored = {r["credit_code"]: r for r in rows_of(db, Business.__table__)}
    hq, branch = natural_id("business", E2, ""), natural_id("business", E3, "")
    assert (stored[E2]["chain_role"], stored[E2]["chain_hq_id"]) == ("hq", None)
    assert (stored[E3]["chain_role"], stored[E3]["chain_hq_id"], stored[E3]["chain_branch_id"]) == (
        "branch", hq, None)
    assert (stored[E4]["chain_role"], stored[E4]["chain_hq_id"], stored[E4]["chain_branch_id"]) == (
        "store", hq, branch)
    with db.sessions() as session:
        view = roster.get_business(session, natural_id("business", E4, ""))
    assert (view.chain_role, view.chain_hq_name, view.chain_branch_name) == ("store", "连锁总部", "分公司")
    # the chain role is an enumeration a bundle is checked against too
    assert enum_columns()[("businesses", "chain_role")].codes == ["hq", "branch", "store"]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"chain_hq_code": "91430211000009999X"}, None),  # an unknown headquarters (checked below)
        ({"chain_role": "门店", "chain_hq_code": E1}, ("figures_rules.chain_self", "chain_hq_code")),
        ({"chain_hq_code": E2}, ("figures_rules.chain_needs_role", "chain_role")),
        ({"chain_role": "分支机构", "chain_hq_code": E2, "chain_branch_code": E3},
         ("figures_rules.chain_branch_for_store", "chain_branch_code")),
        ({"chain_role": "总部", "chain_hq_code": E2}, ("figures_rules.chain_hq_has_hq", "chain_hq_code")),
    ],
)
def test_bad_chains_are_refused(db, clock, row, expected) -> None:  # type: ignore[no-untyped-def]
    seed_roster(db, clock)
    write(db, clock, "business", _chain_rows()[:2])
    with pytest.raises(ValidationError) as caught:
        write(db, clock, "business", [{**BUSINESS, **row}])
    if expected is None:  # the code is not a valid credit code, or no such business
        assert {i.field for i in caught.value.issues} == {"chain_hq_code"}
    else:
        assert expected in codes(caught)


def test_unknown_headquarters_is_named(db, clock) -> None:  # type: ignore[no-untyped-def]
    seed_roster(db, clock)
    with pytest.raises(ValidationError) as caught:
        write(db, clock, "business", [{**BUSINESS, "chain_role": "门店", "chain_hq_code": E2}])
    assert codes(caught) == {("figures_rules.chain_unknown", "chain_hq_code")}
    assert E2 in caught.value.message()


def test_the_form_sets_and_clears_the_chain_by_id(db, clock) -> None:  # type: ignore[no-untyped-def]
    seed_roster(db, clock)
    write(db, clock, "business", _chain_rows()[:1])
    hq = natural_id("business", E2, "")
    e1 = natural_id("business", E1, "")
    form = {"name": "清水家常饭店", "credit_code": E1, "form": "catering", "grade": "D",
            "region_code": "430204001001"}
    act(db, clock, roster.save_business, business_id=e1, chain_role="store", chain_hq_id=hq, **form)
    assert rows_of(db, Business.__table__, id=e1)[0]["chain_hq_id"] == hq
    act(db, clock, roster.save_business, business_id=e1, **form)  # blank fields clear it
    stored = rows_of(db, Business.__table__, id=e1)[0]
    assert (stored["chain_role"], stored["chain_hq_id"]) == (None, None)


def test_case_sampling_types_setting(db, clock) -> None:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        assert rules.get_setting(session, "case_sampling_types") == ["supervision"]
    act(db, clock, rules.set_setting, key="case_sampling_types", value="风险监测、监督抽检")
    with db.sessions() as session:
        assert rules.get_setting(session, "case_sampling_types") == ["supervision", "monitoring"]
    for bad in ([], ["抽检"], "nothing", 3):
        with pytest.raises(ValidationError) as caught:
            act(db, clock, rules.set_setting, key="case_sampling_types", value=bad)
        assert caught.value.issues[0].code == "setting.bad_value"
    act(db, clock, rules.reset_setting, key="case_sampling_types")
    with db.sessions() as session:
        assert rules.get_setting(session, "case_sampling_types") == ["supervision"]
