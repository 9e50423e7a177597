"""Sampling (抽检) with its result and handling case (核查处置), rapid tests (快检), sampling plans.

A sample starts 待检 (pending); its result comes later (record_result); a failed sample's case is
closed with what was done and when (close_case). Plans are part of the roster (EDIT_ROSTER).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue, ValidationError
from msfood.db.models import Business, RapidTest, Region, Sampling, SamplingPlan
from msfood.services import records
from msfood.services.records.saving import Saved, delete_record, live_row, save_record
from msfood.services.records.values import is_blank
from msfood.services.writing.permissions import EDIT_RECORDS, EDIT_ROSTER
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

SAMPLINGS, RAPID_TESTS, PLANS = table_of(Sampling), table_of(RapidTest), table_of(SamplingPlan)


@dataclass(frozen=True)
class SamplingView:
    id: str
    sample_no: str
    business_id: str
    business_name: str
    sample_date: dt.date
    sampling_type: str
    food_category: str
    sample_name: str
    batch_info: str | None
    lab: str | None
    lab_received_date: dt.date | None
    result: str
    failed_items: str | None
    result_date: dt.date | None
    retest_requested: bool
    disposal: str | None
    disposal_closed_on: dt.date | None
    served_date: dt.date | None = None  # the business received the result (送达): its 复检 window starts
    extended_deadline: dt.date | None = None  # an approved extension of the case, with who and when
    extension_approver: str | None = None
    extension_approved_on: dt.date | None = None


@dataclass(frozen=True)
class RapidTestView:
    id: str
    business_id: str
    business_name: str
    test_date: dt.date
    sample_name: str
    item: str
    batches: int
    positives: int
    disposal: str | None
    destroyed_kg: float | None


@dataclass(frozen=True)
class PlanView:
    id: str
    region_id: str
    region_code: str
    year: int
    planned: int


# --- samples --------------------------------------------------------------------------------------


def record_sampling(
    uow: UnitOfWork,
    *,
    sample_no: Any,
    business_id: str,
    sample_date: Any,
    sampling_type: Any,
    food_category: Any,
    sample_name: Any,
    batch_info: Any = None,
    lab: Any = None,
    lab_received_date: Any = None,
    sampling_id: str | None = None,
) -> Saved:
    """Record a sampled batch (its result comes later). An unknown food category is a warning."""
    raw = {
        "sample_no": sample_no, "business_id": business_id, "sample_date": sample_date,
        "sampling_type": sampling_type, "food_category": food_category, "sample_name": sample_name,
        "batch_info": batch_info, "lab": lab, "lab_received_date": lab_received_date,
    }  # fmt: skip
    return _save_sample(uow, raw, sampling_id)


def _save_sample(
    uow: UnitOfWork, changes: dict[str, Any], sampling_id: str | None, form: bool = True
) -> Saved:
    """Clean the sample with `changes` over its stored values (a form of one step shows only its part)."""
    raw = dict(changes)
    if sampling_id is not None:
        uow.actor.require(EDIT_RECORDS)
        row = live_row(uow, SAMPLINGS, sampling_id, "sampling")
        stored = {k: v for k, v in row.items() if k in _SAMPLE_FIELDS}
        raw = {**stored, "business_id": row["business_id"], **changes}
    return save_record(uow, "sampling", raw, record_id=sampling_id, what="sampling", form=form)


_SAMPLE_FIELDS = {s.name for s in records.specs_of("sampling")}


def record_result(
    uow: UnitOfWork,
    *,
    sampling_id: str,
    result: Any,
    result_date: Any = None,
    failed_items: Any = None,
    retest_requested: Any = None,
) -> Saved:
    """The lab's conclusion: 合格 / 不合格 (or back to 待检), the day it was received, what failed."""
    uow.actor.require(EDIT_RECORDS)
    if is_blank(result):
        raise ValidationError(Issue("value.required", "result"))
    changes = {"result": result, "result_date": result_date, "failed_items": failed_items,
               "retest_requested": retest_requested}  # fmt: skip
    return _save_sample(uow, changes, sampling_id)


def record_served(uow: UnitOfWork, *, sampling_id: str, served_date: Any) -> Saved:
    """The day the business received the result (送达): its 7 working days to ask for a 复检 run from
    it (食品安全法 art. 88)."""
    uow.actor.require(EDIT_RECORDS)
    if is_blank(served_date):
        raise ValidationError(Issue("value.required", "served_date"))
    return _save_sample(uow, {"served_date": served_date}, sampling_id)


def extend_case(
    uow: UnitOfWork, *, sampling_id: str, extended_deadline: Any, approver: Any, approved_on: Any
) -> Saved:
    """An extension of a failed sample's 核查处置 deadline approved in writing: the new deadline, who
    approved it and when. On-time and overdue are judged against it from the approval date on."""
    uow.actor.require(EDIT_RECORDS)
    row = live_row(uow, SAMPLINGS, sampling_id, "sampling")
    if row["result"] != "fail":
        raise ValidationError(Issue("figures_rules.extension_needs_fail", "extended_deadline"))
    changes = {"extended_deadline": extended_deadline, "extension_approver": approver,
               "extension_approved_on": approved_on}  # fmt: skip
    blank = [name for name, value in changes.items() if is_blank(value)]
    issues = [Issue("figures_rules.extension_incomplete", name) for name in blank]
    if issues:
        raise ValidationError(issues[:1])
    return _save_sample(uow, changes, sampling_id)


def close_case(uow: UnitOfWork, *, sampling_id: str, disposal: Any, closed_on: Any) -> Saved:
    """Close a failed sample's handling case (核查处置): what was done and the day it was closed."""
    uow.actor.require(EDIT_RECORDS)
    row = live_row(uow, SAMPLINGS, sampling_id, "sampling")
    issues = [Issue("value.required", name) for name, value in
              (("disposal", disposal), ("disposal_closed_on", closed_on)) if is_blank(value)]  # fmt: skip
    if row["result"] != "fail":
        issues.append(Issue("record.case_not_failed", "result"))
    if issues:
        raise ValidationError(issues)
    return _save_sample(uow, {"disposal": disposal, "disposal_closed_on": closed_on}, sampling_id)


def delete_sampling(uow: UnitOfWork, *, sampling_id: str) -> Saved:
    return delete_record(uow, SAMPLINGS, sampling_id, what="sampling", permission=EDIT_RECORDS)


def get_sampling(session: Session, sampling_id: str) -> SamplingView:
    row = live_row(session, SAMPLINGS, sampling_id, "sampling")
    name = session.scalar(select(Business.name).where(Business.id == row["business_id"])) or ""
    fields = {f: row[f] for f in SamplingView.__dataclass_fields__ if f in row and f != "retest_requested"}
    return SamplingView(**fields, business_name=name, retest_requested=bool(row["retest_requested"]))


# --- rapid tests ----------------------------------------------------------------------------------


def record_rapid_test(
    uow: UnitOfWork,
    *,
    business_id: str,
    test_date: Any,
    sample_name: Any,
    item: Any,
    batches: Any,
    positives: Any,
    disposal: Any = None,
    destroyed_kg: Any = None,
    rapid_test_id: str | None = None,
) -> Saved:
    """Rapid tests of one sample for one item: batches tested, of which positive, and the disposal."""
    raw = {
        "business_id": business_id, "test_date": test_date, "sample_name": sample_name, "item": item,
        "batches": batches, "positives": positives, "disposal": disposal, "destroyed_kg": destroyed_kg,
    }  # fmt: skip
    return save_record(uow, "rapid_test", raw, record_id=rapid_test_id, what="rapid_test")


def delete_rapid_test(uow: UnitOfWork, *, rapid_test_id: str) -> Saved:
    return delete_record(uow, RAPID_TESTS, rapid_test_id, what="rapid_test", permission=EDIT_RECORDS)


def get_rapid_test(session: Session, rapid_test_id: str) -> RapidTestView:
    row = live_row(session, RAPID_TESTS, rapid_test_id, "rapid_test")
    name = session.scalar(select(Business.name).where(Business.id == row["business_id"])) or ""
    fields = {f: row[f] for f in RapidTestView.__dataclass_fields__ if f in row}
    return RapidTestView(**fields, business_name=name)


# --- plans ----------------------------------------------------------------------------------------


def set_plan(uow: UnitOfWork, *, region_code: Any, year: Any, planned: Any) -> Saved:
    """The number of batches planned for a region in a year (one plan per region and year)."""
    raw = {"region_code": region_code, "year": year, "planned": planned}
    return save_record(uow, "sampling_plan", raw, what="sampling_plan")


def delete_plan(uow: UnitOfWork, *, plan_id: str) -> Saved:
    return delete_record(uow, PLANS, plan_id, what="sampling_plan", permission=EDIT_ROSTER)


def get_plan(session: Session, plan_id: str) -> PlanView:
    row = live_row(session, PLANS, plan_id, "sampling_plan")
    code = session.scalar(select(Region.code).where(Region.id == row["region_id"])) or ""
    return PlanView(row["id"], row["region_id"], code, row["year"], row["planned"])
