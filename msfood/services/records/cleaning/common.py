"""What the per-kind cleaners share: finding a record's id and resolving the records it refers to.

Each cleaner (roster.py, work.py, history.py) gets the fields already typed (`parsed`; a blank or
bad field is absent), the Refs, the list of issues found so far (it appends its own, never stops at
the first) and the id of the record a form edits (None: find the record by its natural key). It
returns the Cleaned record; records.clean raises when any issue was found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Table

from msfood.core.errors import Issue, ValidationError
from msfood.core.ids import new_id
from msfood.services.records.refs import Refs
from msfood.services.records.shapes import BusinessRef, CadreRef, Cleaned

MAX_PROBLEMS = 100
LICENCE_FREE_FORMS = frozenset({"stall", "workshop"})  # local registration numbers, no national format

Cleaner = Callable[[dict[str, Any], Refs, list[Issue], str | None], Cleaned | None]


def given(parsed: dict[str, Any], *names: str) -> dict[str, Any]:
    return {name: parsed[name] for name in names if name in parsed}


def failed(issues: list[Issue], *fields: str) -> bool:
    return any(issue.field in fields for issue in issues)


def identity(
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


def keyed_id(
    refs: Refs,
    issues: list[Issue],
    record_id: str | None,
    *,
    table: Table,
    field: str,
    natural: str,
    key: dict[str, Any],
) -> str:
    """`identity` for a record found by its natural-key columns (one indexed query)."""
    found, natural_taken = refs.resolve(table, natural, key)
    if record_id is not None or found is not None:
        return identity(refs, issues, record_id, found=found, natural=natural, field=field, table=table)
    return new_id() if natural_taken else natural


def business_ref(parsed: dict[str, Any], refs: Refs, issues: list[Issue]) -> BusinessRef | None:
    """The business a row refers to (by id from a form, else by credit code and licence)."""
    if "business_id" in parsed:
        ref = refs.business(parsed["business_id"])
        if ref is None or ref.deleted:
            issues.append(Issue("record.business_id_unknown", "credit_code"))
            return None
        return ref
    if failed(issues, "credit_code", "licence_no"):
        return None
    try:
        business_id = refs.business_id(parsed.get("credit_code"), parsed.get("licence_no"))
    except ValidationError as error:
        issues.extend(error.issues)
        return None
    return refs.business(business_id)


def cadre_ref(parsed: dict[str, Any], refs: Refs, issues: list[Issue]) -> CadreRef | None:
    if "cadre_id" in parsed:
        ref = refs.cadre_by_id(parsed["cadre_id"])
        if ref is None:
            issues.append(Issue("record.cadre_id_unknown", "cadre_phone"))
        return ref
    if "cadre_phone" not in parsed:
        if not failed(issues, "cadre_phone"):
            issues.append(Issue("value.required", "cadre_phone"))
        return None
    ref = refs.cadre(parsed["cadre_phone"])
    if ref is None:
        issues.append(Issue("ref.cadre_unknown", "cadre_phone", {"phone": parsed["cadre_phone"]}))
    return ref


def region_ref(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], field: str = "region_code"
) -> str | None:
    if field not in parsed:
        return None
    region_id = refs.region_id(parsed[field])
    if region_id is None:
        issues.append(Issue("ref.region_unknown", field, {"code": parsed[field]}))
    return region_id


def not_before(parsed: dict[str, Any], issues: list[Issue], later: str, earlier: str) -> None:
    a, b = parsed.get(later), parsed.get(earlier)
    if isinstance(a, dt.date) and isinstance(b, dt.date) and a < b:
        issues.append(
            Issue(
                "record.date_before",
                later,
                {"value": a.isoformat(), "other": b.isoformat(), "other_field": earlier},
            )
        )
