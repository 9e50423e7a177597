"""The per-kind half of records.clean: identity, references and cross-field rules of each kind.

Each cleaner gets the fields already typed (`parsed`; a blank or bad field is absent), the Refs, the
list of issues found so far (it appends its own, never stops at the first) and the id of the record a
form edits (None: find the record by its natural key). It returns the Cleaned record; records.clean
raises when any issue was found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Table

from msfood.db.models import (
    Assignment,
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
from msfood.domain import identifiers, periods
from msfood.domain.enums import LEVEL
from msfood.errors import Issue, ValidationError
from msfood.ids import natural_id, new_id
from msfood.services.record_types import Cleaned, Prune
from msfood.services.refs import BusinessRef, CadreRef, Refs
from msfood.services.unit_of_work import table_of

MAX_PROBLEMS = 100
LICENCE_FREE_FORMS = frozenset({"stall", "workshop"})  # local registration numbers, no national format

Cleaner = Callable[[dict[str, Any], Refs, list[Issue], str | None], Cleaned | None]


def _given(parsed: dict[str, Any], *names: str) -> dict[str, Any]:
    return {name: parsed[name] for name in names if name in parsed}


def _failed(issues: list[Issue], *fields: str) -> bool:
    return any(issue.field in fields for issue in issues)


def _identity(
    refs: Refs,
    issues: list[Issue],
    record_id: str | None,
    *,
    found: str | None,
    natural: str,
    field: str,
    table: Table,
) -> str:
    """The record's id: the one a form edits, else the record holding the key, else the natural id.

    A form that moves a record onto a key another record holds is refused (record.key_taken). A
    record whose key was changed keeps its id, so a new record given that old key finds its natural
    id taken: it is born with a fresh UUIDv7 instead."""
    if record_id is not None:
        if found is not None and found != record_id:
            issues.append(Issue("record.key_taken", field))
        return record_id
    if found is not None:
        return found
    return new_id() if refs.id_taken(table, natural) else natural


def _lookup(refs: Refs, table: Table, **key: Any) -> str | None:
    return refs.existing_id(table, **key)


def _business(parsed: dict[str, Any], refs: Refs, issues: list[Issue]) -> BusinessRef | None:
    """The business a row refers to (by id from a form, else by credit code and licence)."""
    if "business_id" in parsed:
        ref = refs.business(parsed["business_id"])
        if ref is None or ref.deleted:
            issues.append(Issue("record.business_id_unknown", "credit_code"))
            return None
        return ref
    if _failed(issues, "credit_code", "licence_no"):
        return None
    try:
        business_id = refs.business_id(parsed.get("credit_code"), parsed.get("licence_no"))
    except ValidationError as error:
        issues.extend(error.issues)
        return None
    return refs.business(business_id)


def _cadre(parsed: dict[str, Any], refs: Refs, issues: list[Issue]) -> CadreRef | None:
    if "cadre_id" in parsed:
        ref = refs.cadre_by_id(parsed["cadre_id"])
        if ref is None:
            issues.append(Issue("record.cadre_id_unknown", "cadre_phone"))
        return ref
    if "cadre_phone" not in parsed:
        if not _failed(issues, "cadre_phone"):
            issues.append(Issue("value.required", "cadre_phone"))
        return None
    ref = refs.cadre(parsed["cadre_phone"])
    if ref is None:
        issues.append(Issue("ref.cadre_unknown", "cadre_phone", {"phone": parsed["cadre_phone"]}))
    return ref


def _region(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], field: str = "region_code"
) -> str | None:
    if field not in parsed:
        return None
    region_id = refs.region_id(parsed[field])
    if region_id is None:
        issues.append(Issue("ref.region_unknown", field, {"code": parsed[field]}))
    return region_id


def _not_before(parsed: dict[str, Any], issues: list[Issue], later: str, earlier: str) -> None:
    a, b = parsed.get(later), parsed.get(earlier)
    if isinstance(a, dt.date) and isinstance(b, dt.date) and a < b:
        issues.append(
            Issue(
                "record.date_before",
                later,
                {"value": a.isoformat(), "other": b.isoformat(), "other_field": earlier},
            )
        )


# --- the roster -----------------------------------------------------------------------------------


def clean_region(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    if "code" not in parsed:
        return None
    code = parsed["code"]
    existing = refs.region_row(code)
    region_id = _identity(
        refs,
        issues,
        record_id,
        found=existing.id if existing else None,
        natural=natural_id("region", code),
        field="code",
        table=table_of(Region),
    )
    values: dict[str, Any] = {"id": region_id, **_given(parsed, "code", "name", "code_year")}
    if "parent_code" in parsed:
        parent_id = _region(parsed, refs, issues, "parent_code")
        if parent_id is not None:
            if region_id in refs.region_ancestors(parent_id):
                issues.append(Issue("ref.parent_cycle", "parent_code"))
            else:
                values["parent_id"] = parent_id
    elif (existing is None and record_id is None) and not _failed(issues, "parent_code"):
        inferred = identifiers.parent_division_code(code)
        parent_id = refs.region_id(inferred) if inferred else None
        if parent_id is not None:
            values["parent_id"] = parent_id
    return Cleaned("region", values)


def _business_identity(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> str | None:
    code, licence = parsed.get("credit_code"), parsed.get("licence_no")
    candidates = refs.business_candidates(code, licence, deleted=True)
    live = [b for b in candidates if not b.deleted]
    found: str | None = None
    if code and licence:
        exact = sorted((b for b in candidates if b.licence_no == licence), key=lambda b: b.deleted)
        if exact:
            found = exact[0].id
        elif len(live) == 1 and not live[0].licence_no:
            found = live[0].id  # the one premises with this code, its licence now given
    elif code:
        live_ids = {b.id for b in live}
        if record_id is not None and record_id in live_ids:
            found = record_id
        elif len(live) > 1:
            issues.append(Issue("ref.business_ambiguous", "licence_no", {"code": code}))
            return None
        elif live:
            found = live[0].id
        else:
            blank = [b for b in candidates if not b.licence_no]
            found = blank[0].id if blank else None
    else:
        found = candidates[0].id if candidates else None
        if live:
            found = live[0].id
    return _identity(
        refs,
        issues,
        record_id,
        found=found,
        natural=natural_id("business", code, licence or ""),
        field="credit_code" if code else "licence_no",
        table=table_of(Business),
    )


def clean_business(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    form = parsed.get("form")
    code, licence = parsed.get("credit_code"), parsed.get("licence_no")
    if code is None and not _failed(issues, "credit_code"):
        if form == "stall":
            if licence is None and not _failed(issues, "licence_no"):
                issues.append(Issue("record.stall_needs_number", "licence_no"))
        elif form is not None or licence is None:
            issues.append(Issue("value.required", "credit_code"))
    if code and licence and form not in LICENCE_FREE_FORMS and form is not None:
        try:
            identifiers.check_licence(licence)
        except ValidationError as error:
            issues.extend(Issue(i.code, "licence_no", i.params) for i in error.issues)
    if _failed(issues, "credit_code", "licence_no") or (code is None and licence is None):
        _region(parsed, refs, issues)
        return None
    business_id = _business_identity(parsed, refs, issues, record_id)
    region_id = _region(parsed, refs, issues)
    if business_id is None:
        return None
    values: dict[str, Any] = {"id": business_id}
    values.update(
        _given(
            parsed,
            "name",
            "credit_code",
            "licence_no",
            "form",
            "scale",
            "risk_grade",
            "grade",
            "high_risk",
            "address",
            "principal",
            "phone",
            "rest_days",
            "owes_selfchecks",
        )
    )
    if "name" in parsed:
        from msfood.services.values import initials

        values["name_initials"] = initials(parsed["name"])[:200]
    if region_id is not None:
        values["region_id"] = region_id
    cleaned = Cleaned("business", values)
    if "status" in parsed or "since" in parsed:
        since = parsed.get("since")
        cleaned.children.append(
            (
                table_of(BusinessStatus),
                {
                    "id": natural_id("business_status", business_id, since.isoformat() if since else ""),
                    "business_id": business_id,
                    "status": parsed.get("status", "operating"),
                    "since": since,
                },
            )
        )
    return cleaned


def clean_cadre(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    region_id = _region(parsed, refs, issues)
    if "phone" not in parsed:
        return None
    phone = parsed["phone"]
    existing = refs.cadre_row(phone)
    cadre_id = _identity(
        refs,
        issues,
        record_id,
        found=existing.id if existing else None,
        natural=natural_id("cadre", phone),
        field="phone",
        table=table_of(Cadre),
    )
    values: dict[str, Any] = {
        "id": cadre_id,
        **_given(parsed, "name", "phone", "level", "title", "workplace"),
    }
    if "name" in parsed:
        from msfood.services.values import initials

        values["name_initials"] = initials(parsed["name"])[:64]
    if region_id is not None:
        values["region_id"] = region_id
    return Cleaned("cadre", values)


def _grade_warning(cadre: CadreRef, business: BusinessRef, refs: Refs) -> Issue | None:
    expected = (refs.setting("grade_levels") or {}).get(business.grade)
    if expected and cadre.level and cadre.level != expected:
        return Issue(
            "warn.level_grade_mismatch",
            "cadre_phone",
            {
                "level": LEVEL.label(cadre.level),
                "grade": business.grade,
                "expected": LEVEL.label(expected),
            },
        )
    return None


def clean_assignment(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    cadre = _cadre(parsed, refs, issues)
    business = _business(parsed, refs, issues)
    _not_before(parsed, issues, "end_date", "start_date")
    if cadre is None or business is None or "start_date" not in parsed:
        return None
    start = parsed["start_date"]
    table = table_of(Assignment)
    found = _lookup(refs, table, cadre_id=cadre.id, business_id=business.id, start_date=start)
    assignment_id = _identity(
        refs,
        issues,
        record_id,
        found=found,
        field="start_date",
        table=table,
        natural=natural_id("assignment", cadre.id, business.id, start.isoformat()),
    )
    values = {
        "id": assignment_id,
        "cadre_id": cadre.id,
        "business_id": business.id,
        "start_date": start,
        **_given(parsed, "end_date", "end_reason", "pledge_signed_on"),
    }
    cleaned = Cleaned("assignment", values)
    warning = _grade_warning(cadre, business, refs)
    if warning is not None:
        cleaned.warnings.append(warning)
    end = parsed.get("end_date")
    for other in refs.assignments_of(business.id):
        if (
            other.id != assignment_id
            and other.cadre_id == cadre.id
            and other.start_date <= (end or dt.date.max)
            and start <= (other.end_date or dt.date.max)
        ):
            cleaned.warnings.append(
                Issue("record.assignment_overlap", "start_date", {"start": other.start_date.isoformat()})
            )
            break
    return cleaned


# --- the work -------------------------------------------------------------------------------------


def clean_visit(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    cadre = _cadre(parsed, refs, issues)
    business = _business(parsed, refs, issues)
    count = parsed.get("problem_count")
    details = [name for name in ("description", "deadline", "closed_on") if name in parsed]
    if details and not count and not _failed(issues, "problem_count"):
        issues.append(Issue("record.problem_details_without_count", "problem_count"))
    if count is not None and count > MAX_PROBLEMS:
        issues.append(Issue("record.too_many_problems", "problem_count", {"max": MAX_PROBLEMS}))
    _not_before(parsed, issues, "deadline", "visit_date")
    _not_before(parsed, issues, "closed_on", "visit_date")
    if cadre is None or business is None or "visit_date" not in parsed or issues:
        return None
    day = parsed["visit_date"]
    found = _lookup(refs, table_of(Visit), cadre_id=cadre.id, business_id=business.id, visit_date=day)
    visit_id = _identity(
        refs,
        issues,
        record_id,
        found=found,
        field="visit_date",
        table=table_of(Visit),
        natural=natural_id("visit", cadre.id, business.id, day.isoformat()),
    )
    values = {
        "id": visit_id,
        "cadre_id": cadre.id,
        "business_id": business.id,
        "visit_date": day,
        **_given(parsed, "mode", "remarks"),
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
                **_given(parsed, "description", "deadline", "closed_on"),
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
    business = _business(parsed, refs, issues)
    if business is None or "kind" not in parsed or "record_date" not in parsed:
        return None
    kind, day = parsed["kind"], parsed["record_date"]
    key = periods.period_key_for(kind, day)
    found = _lookup(refs, table_of(SelfCheck), business_id=business.id, kind=kind, period_key=key)
    selfcheck_id = _identity(
        refs,
        issues,
        record_id,
        found=found,
        field="record_date",
        table=table_of(SelfCheck),
        natural=natural_id("selfcheck", business.id, kind, key),
    )
    values = {
        "id": selfcheck_id,
        "business_id": business.id,
        "kind": kind,
        "record_date": day,
        "period_key": key,
        **_given(parsed, "issues_found", "rectified", "recorder"),
    }
    return Cleaned("selfcheck", values)


def clean_sampling(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    business = _business(parsed, refs, issues)
    _not_before(parsed, issues, "result_date", "sample_date")
    _not_before(parsed, issues, "lab_received_date", "sample_date")
    _not_before(parsed, issues, "disposal_closed_on", "result_date")
    if business is None or "sample_no" not in parsed or issues:
        return None
    sample_no = parsed["sample_no"]
    found = _lookup(refs, table_of(Sampling), sample_no=sample_no)
    sampling_id = _identity(
        refs,
        issues,
        record_id,
        found=found,
        field="sample_no",
        table=table_of(Sampling),
        natural=natural_id("sampling", sample_no),
    )
    values = {
        "id": sampling_id,
        "business_id": business.id,
        **_given(
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
        ),
    }
    cleaned = Cleaned("sampling", values)
    category = parsed.get("food_category")
    if category is not None and category not in refs.food_categories():
        cleaned.warnings.append(Issue("warn.food_category_unknown", "food_category", {"value": category}))
    return cleaned


def clean_rapid_test(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    business = _business(parsed, refs, issues)
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
    found = _lookup(
        refs, table_of(RapidTest), business_id=business.id, test_date=day, sample_name=sample, item=item
    )
    test_id = _identity(
        refs,
        issues,
        record_id,
        found=found,
        field="test_date",
        table=table_of(RapidTest),
        natural=natural_id("rapid_test", business.id, day.isoformat(), sample, item),
    )
    values = {
        "id": test_id,
        "business_id": business.id,
        **_given(
            parsed, "test_date", "sample_name", "item", "batches", "positives", "disposal", "destroyed_kg"
        ),
    }
    return Cleaned("rapid_test", values)


def clean_sampling_plan(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    region_id = _region(parsed, refs, issues)
    year = parsed.get("year")
    if year is not None and not 2000 <= year <= 2100:
        issues.append(Issue("record.year_range", "year", {"value": year}))
    if region_id is None or year is None or issues:
        return None
    found = _lookup(refs, table_of(SamplingPlan), region_id=region_id, year=year)
    plan_id = _identity(
        refs,
        issues,
        record_id,
        found=found,
        field="year",
        table=table_of(SamplingPlan),
        natural=natural_id("sampling_plan", region_id, year),
    )
    return Cleaned(
        "sampling_plan", {"id": plan_id, "region_id": region_id, **_given(parsed, "year", "planned")}
    )


CLEANERS: dict[str, Cleaner] = {
    "region": clean_region,
    "business": clean_business,
    "cadre": clean_cadre,
    "assignment": clean_assignment,
    "visit": clean_visit,
    "selfcheck": clean_selfcheck,
    "sampling": clean_sampling,
    "rapid_test": clean_rapid_test,
    "sampling_plan": clean_sampling_plan,
}
