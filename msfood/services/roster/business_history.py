"""A business's operating history as the forms edit it: status changes (在营/停业/注销) and closures.

A status holds from its date (none: it has always held) until the next one; a closure (停业 span,
school holiday) is a dated span in which the business does not operate. Both need EDIT_ROSTER.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from msfood.core.errors import Issue, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import Business, BusinessClosure, BusinessStatus
from msfood.domain.enums import BUSINESS_STATUS
from msfood.services.records.saving import Saved, delete_record, live_row
from msfood.services.records.values import BadValue, is_blank, parse_date, parse_enum, parse_text
from msfood.services.writing.permissions import EDIT_ROSTER
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

BUSINESSES, STATUSES, CLOSURES = table_of(Business), table_of(BusinessStatus), table_of(BusinessClosure)


@dataclass(frozen=True)
class StatusView:
    id: str
    status: str
    since: dt.date | None


@dataclass(frozen=True)
class ClosureView:
    id: str
    start_date: dt.date
    end_date: dt.date
    reason: str


def set_business_status(uow: UnitOfWork, *, business_id: str, status: Any, since: Any = None) -> Saved:
    """Record that the business is 在营 / 停业 / 注销 from `since` (None: it has always been)."""
    uow.actor.require(EDIT_ROSTER)
    live_row(uow, BUSINESSES, business_id, "business")
    issues: list[Issue] = []
    code = day = None
    try:
        code = parse_enum(status, BUSINESS_STATUS) if not is_blank(status) else None
        if code is None:
            issues.append(Issue("value.required", "status"))
    except BadValue as bad:
        issues.append(Issue(bad.code, "status", bad.params))
    try:
        day = None if is_blank(since) else parse_date(since)
    except BadValue as bad:
        issues.append(Issue(bad.code, "since", bad.params))
    if issues:
        raise ValidationError(issues)
    status_id = natural_id("business_status", business_id, day.isoformat() if day else "")
    outcome = uow.upsert(
        STATUSES, {"id": status_id, "business_id": business_id, "status": code, "since": day}
    )
    return Saved(status_id, outcome, (), frozenset(uow.changed_tables))


def delete_business_status(uow: UnitOfWork, *, status_id: str) -> Saved:
    return delete_record(uow, STATUSES, status_id, what="business_status", permission=EDIT_ROSTER)


def add_closure(
    uow: UnitOfWork, *, business_id: str, start_date: Any, end_date: Any, reason: Any = ""
) -> Saved:
    """A dated closure (停业 span, school holiday): the business does not operate from start to end."""
    uow.actor.require(EDIT_ROSTER)
    live_row(uow, BUSINESSES, business_id, "business")
    issues: list[Issue] = []
    dates: dict[str, dt.date] = {}
    for name, value in (("start_date", start_date), ("end_date", end_date)):
        if is_blank(value):
            issues.append(Issue("value.required", name))
            continue
        try:
            dates[name] = parse_date(value)
        except BadValue as bad:
            issues.append(Issue(bad.code, name, bad.params))
    try:
        text = "" if is_blank(reason) else parse_text(reason, 200)
    except BadValue as bad:
        issues.append(Issue(bad.code, "reason", bad.params))
    start, end = dates.get("start_date"), dates.get("end_date")
    if start and end and end < start:
        issues.append(Issue("value.end_before_start", "end_date", {"start": start, "end": end}))
    closure_id = natural_id("business_closure", business_id, start.isoformat()) if start else ""
    if start and end and end >= start:
        for other in uow.session.execute(
            select(BusinessClosure).where(
                BusinessClosure.business_id == business_id,
                BusinessClosure.deleted.is_(False),
                BusinessClosure.id != closure_id,
                BusinessClosure.start_date <= end,
                BusinessClosure.end_date >= start,
            )
        ).scalars():
            issues.append(
                Issue(
                    "record.closure_overlap", "start_date", {"start": other.start_date, "end": other.end_date}
                )
            )
    if issues:
        raise ValidationError(issues)
    assert start is not None and end is not None
    outcome = uow.upsert(
        CLOSURES,
        {"id": closure_id, "business_id": business_id, "start_date": start, "end_date": end, "reason": text},
    )
    return Saved(closure_id, outcome, (), frozenset(uow.changed_tables))


def delete_closure(uow: UnitOfWork, *, closure_id: str) -> Saved:
    return delete_record(uow, CLOSURES, closure_id, what="business_closure", permission=EDIT_ROSTER)
