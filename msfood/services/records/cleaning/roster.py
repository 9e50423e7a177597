"""Cleaning the roster kinds: region, business (with its status), cadre, assignment."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msfood.core.errors import Issue, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import Assignment, Business, BusinessStatus, Cadre, Region
from msfood.domain import identifiers
from msfood.domain.enums import LEVEL
from msfood.services.records.cleaning.common import (
    LICENCE_FREE_FORMS,
    business_ref,
    cadre_ref,
    failed,
    given,
    identity,
    keyed_id,
    region_ref,
)
from msfood.services.records.refs import Refs
from msfood.services.records.shapes import BusinessRef, CadreRef, Cleaned
from msfood.services.writing.unit_of_work import table_of


def clean_region(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    if "code" not in parsed:
        return None
    code = parsed["code"]
    existing = refs.region_row(code)
    region_id = identity(
        refs,
        issues,
        record_id,
        found=existing.id if existing else None,
        natural=natural_id("region", code),
        field="code",
        table=table_of(Region),
    )
    values: dict[str, Any] = {"id": region_id, **given(parsed, "code", "name", "code_year", "retired_on")}
    if "parent_code" in parsed:
        parent_id = region_ref(parsed, refs, issues, "parent_code")
        if parent_id is not None:
            if region_id in refs.region_ancestors(parent_id):
                issues.append(Issue("ref.parent_cycle", "parent_code"))
            else:
                values["parent_id"] = parent_id
    elif (existing is None and record_id is None) and not failed(issues, "parent_code"):
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
    return identity(
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
    if code is None and not failed(issues, "credit_code"):
        if form == "stall":
            if licence is None and not failed(issues, "licence_no"):
                issues.append(Issue("record.stall_needs_number", "licence_no"))
        elif form is not None or licence is None:
            issues.append(Issue("value.required", "credit_code"))
    if code and licence and form not in LICENCE_FREE_FORMS and form is not None:
        try:
            identifiers.check_licence(licence)
        except ValidationError as error:
            issues.extend(Issue(i.code, "licence_no", i.params) for i in error.issues)
    if failed(issues, "credit_code", "licence_no") or (code is None and licence is None):
        region_ref(parsed, refs, issues)
        return None
    business_id = _business_identity(parsed, refs, issues, record_id)
    region_id = region_ref(parsed, refs, issues)
    if business_id is None:
        return None
    values: dict[str, Any] = {"id": business_id}
    values.update(
        given(
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
        from msfood.services.records.values import initials

        values["name_initials"] = initials(parsed["name"])[:200]
    if region_id is not None:
        values["region_id"] = region_id
    _chain(parsed, refs, issues, business_id, values)
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


def _chain_member(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], business_id: str, name: str
) -> str | None:
    """The chain headquarters or branch a row names: by id (a form's picker, `<name>_id`) or by
    credit code (the workbook's `<name>_code`; the headquarters' row first in the same file)."""
    field = f"{name}_code"
    if f"{name}_id" in parsed:
        ref = refs.business(parsed[f"{name}_id"])
        if ref is None or ref.deleted:
            issues.append(Issue("figures_rules.chain_unknown", field, {"code": parsed[f"{name}_id"]}))
            return None
        found = ref.id
    elif field in parsed:
        code = parsed[field]
        try:
            found = refs.business_id(code, None)
        except ValidationError as error:
            if any(i.code == "ref.business_unknown" for i in error.issues):
                issues.append(Issue("figures_rules.chain_unknown", field, {"code": code}))
            else:
                issues.extend(Issue(i.code, field, i.params) for i in error.issues)
            return None
    else:
        return None
    if found == business_id:
        issues.append(Issue("figures_rules.chain_self", field))
        return None
    return found


def _chain(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], business_id: str, values: dict[str, Any]
) -> None:
    """A chain's role and the headquarters (and, for a store, the branch) it answers to (Order 104)."""
    hq = _chain_member(parsed, refs, issues, business_id, "chain_hq")
    branch = _chain_member(parsed, refs, issues, business_id, "chain_branch")
    role = parsed.get("chain_role")
    if (hq or branch) and role is None and not failed(issues, "chain_role"):
        issues.append(Issue("figures_rules.chain_needs_role", "chain_role"))
    if branch and role not in (None, "store"):
        issues.append(Issue("figures_rules.chain_branch_for_store", "chain_branch_code"))
    if hq and role == "hq":
        issues.append(Issue("figures_rules.chain_hq_has_hq", "chain_hq_code"))
    if "chain_role" in parsed:
        values["chain_role"] = role
    if hq is not None:
        values["chain_hq_id"] = hq
    if branch is not None:
        values["chain_branch_id"] = branch
    if role == "hq":  # headquarters answer to nobody: a role changed to 总部 drops old references
        values["chain_hq_id"] = values["chain_branch_id"] = None
    elif role == "branch":
        values["chain_branch_id"] = None


def clean_cadre(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    region_id = region_ref(parsed, refs, issues)
    if "phone" not in parsed:
        return None
    phone = parsed["phone"]
    existing = refs.cadre_row(phone)
    cadre_id = identity(
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
        **given(parsed, "name", "phone", "level", "title", "workplace"),
    }
    if "name" in parsed:
        from msfood.services.records.values import initials

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
    cadre = cadre_ref(parsed, refs, issues)
    business = business_ref(parsed, refs, issues)
    start, end = parsed.get("start_date"), parsed.get("end_date")
    if start is not None and end is not None and end < start:
        issues.append(Issue("value.end_before_start", "end_date", {"start": start, "end": end}))
    if cadre is None or business is None or "start_date" not in parsed:
        return None
    start = parsed["start_date"]
    table = table_of(Assignment)
    assignment_id = keyed_id(
        refs,
        issues,
        record_id,
        table=table,
        field="start_date",
        natural=natural_id("assignment", cadre.id, business.id, start.isoformat()),
        key=dict(cadre_id=cadre.id, business_id=business.id, start_date=start),
    )
    values = {
        "id": assignment_id,
        "cadre_id": cadre.id,
        "business_id": business.id,
        "start_date": start,
        **given(parsed, "end_date", "end_reason", "pledge_signed_on"),
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
