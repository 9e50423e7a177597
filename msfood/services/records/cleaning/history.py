"""Cleaning the record kinds a workbook carries besides the nine of the first layout, so an export
imports back losing nothing: a business's status history and closures, holidays, a visit's problems
one by one (each with its own deadline, status and closing date) and its checklist answers.

Each finds its record by its natural key (the same ids the forms give: msfood.core.ids.natural_id), so
importing a file twice changes nothing. A problem or answer names its visit as the 督导记录 sheet does
(cadre's phone, business, visit date); the visit must exist (earlier in the file or in the database).
Unlike the first kinds' optional cells, a problem row is taken whole: a blank deadline or closing date
means none (the row states the problem as it is, and its status decides whether it has a closing day).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from msfood.core.errors import Issue
from msfood.core.ids import natural_id
from msfood.db.models import (
    BusinessClosure,
    BusinessStatus,
    ChecklistItem,
    Holiday,
    Problem,
    Visit,
    VisitAnswer,
)
from msfood.services.records.cleaning.common import MAX_PROBLEMS, business_ref, cadre_ref, not_before
from msfood.services.records.refs import Refs
from msfood.services.records.shapes import Cleaned
from msfood.services.writing.unit_of_work import table_of

STATUSES = table_of(BusinessStatus)
CLOSURES = table_of(BusinessClosure)
HOLIDAYS = table_of(Holiday)
PROBLEMS = table_of(Problem)
ANSWERS = table_of(VisitAnswer)
VISITS = table_of(Visit)


def _live_id(refs: Refs, table: Any, **key: Any) -> str | None:
    condition = [table.c[name].is_(None) if v is None else table.c[name] == v for name, v in key.items()]
    return refs.session.scalar(select(table.c.id).where(*condition, table.c.deleted.is_(False)).limit(1))


def clean_business_status(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    business = business_ref(parsed, refs, issues)
    if business is None or "status" not in parsed:
        return None
    since = parsed.get("since")
    status_id = record_id or _live_id(refs, STATUSES, business_id=business.id, since=since)
    status_id = status_id or natural_id("business_status", business.id, since.isoformat() if since else "")
    values = {"id": status_id, "business_id": business.id, "status": parsed["status"], "since": since}
    return Cleaned("business_status", values)


def clean_closure(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    business = business_ref(parsed, refs, issues)
    start, end = parsed.get("start_date"), parsed.get("end_date")
    if start is not None and end is not None and end < start:
        issues.append(Issue("value.end_before_start", "end_date", {"start": start, "end": end}))
    if business is None or start is None or end is None or issues:
        return None
    closure_id = record_id or _live_id(refs, CLOSURES, business_id=business.id, start_date=start)
    closure_id = closure_id or natural_id("business_closure", business.id, start.isoformat())
    values = {
        "id": closure_id,
        "business_id": business.id,
        "start_date": start,
        "end_date": end,
        "reason": parsed.get("reason", ""),
    }
    return Cleaned("closure", values)


def clean_holiday(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    day = parsed.get("day")
    if day is None:
        return None
    holiday_id = record_id or _live_id(refs, HOLIDAYS, day=day) or natural_id("holiday", day.isoformat())
    values = {
        "id": holiday_id,
        "day": day,
        "is_workday": bool(parsed.get("is_workday", False)),
        "name": parsed.get("name", ""),
    }
    return Cleaned("holiday", values)


def _visit_id(parsed: dict[str, Any], refs: Refs, issues: list[Issue]) -> str | None:
    """The visit a problem or answer row names (cadre, business, date), live in the database."""
    cadre = cadre_ref(parsed, refs, issues)
    business = business_ref(parsed, refs, issues)
    day = parsed.get("visit_date")
    if cadre is None or business is None or day is None:
        return None
    cache: dict[tuple[str, str, Any], str | None] = refs.__dict__.setdefault("_visits_by_key", {})
    key = (cadre.id, business.id, day)
    if key not in cache:
        cache[key] = _live_id(refs, VISITS, cadre_id=cadre.id, business_id=business.id, visit_date=day)
    visit_id = cache[key]
    if visit_id is None:
        issues.append(Issue("excel_path.visit_unknown", "visit_date", {"date": day.isoformat()}))
    return visit_id


def clean_problem(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    visit_id = _visit_id(parsed, refs, issues)
    seq = parsed.get("seq")
    if seq is not None and not 1 <= seq <= MAX_PROBLEMS:
        issues.append(Issue("record.too_many_problems", "seq", {"max": MAX_PROBLEMS}))
    not_before(parsed, issues, "deadline", "visit_date")
    not_before(parsed, issues, "closed_on", "visit_date")
    closed_on = parsed.get("closed_on")
    status = parsed.get("status") or ("closed" if closed_on else "pending")
    if status == "closed" and closed_on is None:
        issues.append(Issue("record.problem_closed_needs_date", "closed_on", {"problem": seq}))
    if status != "closed" and closed_on is not None:
        issues.append(Issue("record.problem_open_with_date", "closed_on", {"problem": seq}))
    if visit_id is None or seq is None or issues:
        return None
    problem_id = record_id or _live_id(refs, PROBLEMS, visit_id=visit_id, seq=seq)
    values = {
        "id": problem_id or natural_id("problem", visit_id, seq),
        "visit_id": visit_id,
        "seq": seq,
        "description": parsed.get("description", ""),
        "deadline": parsed.get("deadline"),
        "status": status,
        "closed_on": closed_on,
    }
    return Cleaned("problem", values)


def clean_visit_answer(
    parsed: dict[str, Any], refs: Refs, issues: list[Issue], record_id: str | None
) -> Cleaned | None:
    visit_id = _visit_id(parsed, refs, issues)
    version, code = parsed.get("checklist_version"), parsed.get("item_code")
    item_id = None
    if version is not None and code is not None:
        item_id = refs.session.scalar(
            select(ChecklistItem.id).where(
                ChecklistItem.version == version, ChecklistItem.code == code, ChecklistItem.deleted.is_(False)
            )
        )
        if item_id is None:
            issues.append(Issue("excel_path.checklist_item_unknown", "item_code", {"version": version, "code": code}))
    if visit_id is None or item_id is None or "answer" not in parsed or issues:
        return None
    answer_id = record_id or _live_id(refs, ANSWERS, visit_id=visit_id, item_id=item_id)
    values = {
        "id": answer_id or natural_id("visit_answer", visit_id, item_id),
        "visit_id": visit_id,
        "item_id": item_id,
        "answer": parsed["answer"],
        "note": parsed.get("note"),
    }
    return Cleaned("visit_answer", values)
