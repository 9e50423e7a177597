"""Cleaning the work kinds: visit (with its problems), selfcheck, sampling, rapid test, plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msfood.core.errors import Issue
from msfood.core.ids import natural_id
from msfood.db.models import Problem, RapidTest, Sampling, SamplingPlan, SelfCheck, Visit
from msfood.domain import periods
from msfood.services.records.cleaning.common import (
    MAX_PROBLEMS,
    business_ref,
    cadre_ref,
    failed,
    given,
    keyed_id,
    not_before,
    region_ref,
)
from msfood.services.records.refs import Refs
from msfood.services.records.shapes import Cleaned, Prune
from msfood.services.writing.unit_of_work import table_of


def clean_visit(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    cadre = cadre_ref(parsed, refs, issues)
    business = business_ref(parsed, refs, issues)
    count = parsed.get("problem_count")
    details = [name for name in ("description", "deadline", "closed_on") if name in parsed]
    if details and not count and not failed(issues, "problem_count"):
        issues.append(Issue("record.problem_details_without_count", "problem_count"))
    if count is not None and count > MAX_PROBLEMS:
        issues.append(Issue("record.too_many_problems", "problem_count", {"max": MAX_PROBLEMS}))
    not_before(parsed, issues, "deadline", "visit_date")
    not_before(parsed, issues, "closed_on", "visit_date")
    if cadre is None or business is None or "visit_date" not in parsed or issues:
        return None
    day = parsed["visit_date"]
    visit_id = keyed_id(
        refs,
        issues,
        record_id,
        table=table_of(Visit),
        field="visit_date",
        natural=natural_id("visit", cadre.id, business.id, day.isoformat()),
        key=dict(cadre_id=cadre.id, business_id=business.id, visit_date=day),
    )
    values = {
        "id": visit_id,
        "cadre_id": cadre.id,
        "business_id": business.id,
        "visit_date": day,
        **given(parsed, "mode", "remarks"),
    }
    cleaned = Cleaned("visit", values)
    if not refs.assigned_on(cadre.id, business.id, day):
        cleaned.warnings.append(Issue("record.visit_unassigned", "cadre_phone", {"date": day.isoformat()}))
    if business.high_risk and parsed.get("mode", "onsite") != "onsite":
        cleaned.warnings.append(Issue("record.visit_not_onsite", "mode"))
    if count is not None:
        problems = table_of(Problem)
        keep = []
        for seq in range(1, count + 1):
            row = {
                "id": natural_id("problem", visit_id, seq),
                "visit_id": visit_id,
                "seq": seq,
                **given(parsed, "description", "deadline", "closed_on"),
            }
            if "closed_on" in parsed:
                row["status"] = "closed"
            keep.append(row["id"])
            cleaned.children.append((problems, row))
        cleaned.prune.append(Prune(problems, "visit_id", visit_id, frozenset(keep)))
    return cleaned


def clean_selfcheck(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    business = business_ref(parsed, refs, issues)
    if business is None or "kind" not in parsed or "record_date" not in parsed:
        return None
    kind, day = parsed["kind"], parsed["record_date"]
    key = periods.period_key_for(kind, day)
    selfcheck_id = keyed_id(
        refs,
        issues,
        record_id,
        table=table_of(SelfCheck),
        field="record_date",
        natural=natural_id("selfcheck", business.id, kind, key),
        key=dict(business_id=business.id, kind=kind, period_key=key),
    )
    values = {
        "id": selfcheck_id,
        "business_id": business.id,
        "kind": kind,
        "record_date": day,
        "period_key": key,
        **given(parsed, "issues_found", "rectified", "recorder"),
    }
    return Cleaned("selfcheck", values)


def clean_sampling(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    business = business_ref(parsed, refs, issues)
    not_before(parsed, issues, "result_date", "sample_date")
    not_before(parsed, issues, "lab_received_date", "sample_date")
    not_before(parsed, issues, "disposal_closed_on", "result_date")
    _check_served_and_extension(parsed, refs, issues)
    if business is None or "sample_no" not in parsed or issues:
        return None
    sample_no = parsed["sample_no"]
    sampling_id = keyed_id(
        refs,
        issues,
        record_id,
        table=table_of(Sampling),
        field="sample_no",
        natural=natural_id("sampling", sample_no),
        key=dict(sample_no=sample_no),
    )
    values = {
        "id": sampling_id,
        "business_id": business.id,
        **given(
            parsed,
            "sample_no",
            "sample_date",
            "sampling_type",
            "food_category",
            "sample_name",
            "batch_info",
            "lab",
            "result",
            "failed_items",
            "result_date",
            "disposal",
            "disposal_closed_on",
            "lab_received_date",
            "retest_requested",
            "served_date",
            "extended_deadline",
            "extension_approver",
            "extension_approved_on",
        ),
    }
    cleaned = Cleaned("sampling", values)
    category = parsed.get("food_category")
    if category is not None and category not in refs.food_categories():
        cleaned.warnings.append(Issue("warn.food_category_unknown", "food_category", {"value": category}))
    return cleaned


def _check_served_and_extension(parsed: dict[str, Any], refs: Refs, issues: list[Issue]) -> None:
    """送达 (the business received the result) not before the regulator received it; an extension
    of the case only for a failed sample, complete (new deadline, approver, approval date) and later
    than the deadline it extends."""
    from msfood.domain.cases import case_deadline

    received, served = parsed.get("result_date"), parsed.get("served_date")
    if isinstance(received, dt.date) and isinstance(served, dt.date) and served < received:
        issues.append(
            Issue("figures_rules.served_before_result", "served_date", {"date": received.isoformat()})
        )
    parts = ("extended_deadline", "extension_approver", "extension_approved_on")
    given_parts = [name for name in parts if name in parsed]
    if not given_parts:
        return
    if len(given_parts) < len(parts):
        missing = next(name for name in parts if name not in parsed)
        issues.append(Issue("figures_rules.extension_incomplete", missing))
        return
    if parsed.get("result") not in (None, "fail"):
        issues.append(Issue("figures_rules.extension_needs_fail", "extended_deadline"))
        return
    if isinstance(received, dt.date):
        days = int(refs.setting("disposal_days") or 90)
        original = case_deadline(received, days, None, None, received)
        if parsed["extended_deadline"] <= original:
            issues.append(Issue("figures_rules.extension_not_later", "extended_deadline",
                                {"date": original.isoformat()}))
    not_before(parsed, issues, "extension_approved_on", "result_date")


def clean_rapid_test(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    business = business_ref(parsed, refs, issues)
    batches, positives = parsed.get("batches"), parsed.get("positives")
    if batches is not None and batches < 1:
        issues.append(Issue("record.too_small", "batches", {"value": batches, "min": 1}))
    if batches is not None and positives is not None and positives > batches:
        issues.append(
            Issue("value.positives_exceed", "positives", {"positives": positives, "batches": batches})
        )
    needed = ("test_date", "sample_name", "item")
    if business is None or any(name not in parsed for name in needed) or issues:
        return None
    day, sample, item = parsed["test_date"], parsed["sample_name"], parsed["item"]
    test_id = keyed_id(
        refs,
        issues,
        record_id,
        table=table_of(RapidTest),
        field="test_date",
        natural=natural_id("rapid_test", business.id, day.isoformat(), sample, item),
        key=dict(business_id=business.id, test_date=day, sample_name=sample, item=item),
    )
    values = {
        "id": test_id,
        "business_id": business.id,
        **given(
            parsed, "test_date", "sample_name", "item", "batches", "positives", "disposal", "destroyed_kg"
        ),
    }
    return Cleaned("rapid_test", values)


def clean_sampling_plan(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    region_id = region_ref(parsed, refs, issues)
    year = parsed.get("year")
    if year is not None and not 2000 <= year <= 2100:
        issues.append(Issue("record.year_range", "year", {"value": year}))
    if region_id is None or year is None or issues:
        return None
    plan_id = keyed_id(
        refs,
        issues,
        record_id,
        table=table_of(SamplingPlan),
        field="year",
        natural=natural_id("sampling_plan", region_id, year),
        key=dict(region_id=region_id, year=year),
    )
    return Cleaned(
        "sampling_plan", {"id": plan_id, "region_id": region_id, **given(parsed, "year", "planned")}
    )
