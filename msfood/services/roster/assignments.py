"""Who guarantees whom (责任清单): assigning a cadre to a business, ending and deleting assignments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue, ValidationError
from msfood.db.models import Assignment, Business, Cadre
from msfood.services.records.saving import Saved, delete_record, live_row, save_record
from msfood.services.records.values import is_blank
from msfood.services.writing.permissions import EDIT_ROSTER
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

ASSIGNMENTS = table_of(Assignment)


@dataclass(frozen=True)
class AssignmentView:
    id: str
    cadre_id: str
    cadre_name: str
    cadre_phone: str
    cadre_level: str
    business_id: str
    business_name: str
    start_date: dt.date
    end_date: dt.date | None
    end_reason: str | None
    pledge_signed_on: dt.date | None


def assign(
    uow: UnitOfWork,
    *,
    cadre_id: str,
    business_id: str,
    start_date: Any,
    end_date: Any = None,
    end_reason: Any = None,
    pledge_signed_on: Any = None,
    assignment_id: str | None = None,
) -> Saved:
    """The cadre guarantees the business from `start_date` (to `end_date`, both included).

    A cadre whose level is not the one the business's grade calls for is a warning, not an error."""
    raw = {
        "cadre_id": cadre_id, "business_id": business_id, "start_date": start_date, "end_date": end_date,
        "end_reason": end_reason, "pledge_signed_on": pledge_signed_on,
    }  # fmt: skip
    return save_record(uow, "assignment", raw, record_id=assignment_id, what="assignment")


def end_assignment(uow: UnitOfWork, *, assignment_id: str, end_date: Any, reason: Any) -> Saved:
    """End an assignment (the business closed or moved, the cadre left): the end date and why."""
    uow.actor.require(EDIT_ROSTER)
    row = live_row(uow, ASSIGNMENTS, assignment_id, "assignment")
    issues = [Issue("value.required", name) for name, v in (("end_date", end_date), ("end_reason", reason))
              if is_blank(v)]  # fmt: skip
    if issues:
        raise ValidationError(issues)
    raw = {
        "cadre_id": row["cadre_id"], "business_id": row["business_id"], "start_date": row["start_date"],
        "end_date": end_date, "end_reason": reason,
    }  # fmt: skip
    return save_record(uow, "assignment", raw, record_id=assignment_id, what="assignment", form=False)


def delete_assignment(uow: UnitOfWork, *, assignment_id: str) -> Saved:
    """Tombstone an assignment entered by mistake (an assignment that ended keeps its end date)."""
    return delete_record(uow, ASSIGNMENTS, assignment_id, what="assignment", permission=EDIT_ROSTER)


def get_assignment(session: Session, assignment_id: str) -> AssignmentView:
    row = live_row(session, ASSIGNMENTS, assignment_id, "assignment")
    cadre = session.execute(
        select(Cadre.name, Cadre.phone, Cadre.level).where(Cadre.id == row["cadre_id"])
    ).one()
    business_name = session.scalar(select(Business.name).where(Business.id == row["business_id"])) or ""
    return AssignmentView(
        id=row["id"], cadre_id=row["cadre_id"], cadre_name=cadre.name, cadre_phone=cadre.phone,
        cadre_level=cadre.level, business_id=row["business_id"], business_name=business_name,
        start_date=row["start_date"], end_date=row["end_date"], end_reason=row["end_reason"],
        pledge_signed_on=row["pledge_signed_on"],
    )  # fmt: skip
