"""A business's own 日管控 / 周排查 / 月调度 records (SAMR Order No. 60), as the forms enter them.

A weekly or monthly record may be dated any day of its week or month: it is one record per period
(`period_key`), so entering another day of the same week changes that record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.db.models import Business, SelfCheck
from msfood.services.records.saving import Saved, delete_record, live_row, save_record
from msfood.services.writing.permissions import EDIT_RECORDS
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

SELFCHECKS = table_of(SelfCheck)


@dataclass(frozen=True)
class SelfCheckView:
    id: str
    business_id: str
    business_name: str
    kind: str
    record_date: dt.date
    period_key: str
    issues_found: int
    rectified: bool | None
    recorder: str | None


def record_selfcheck(
    uow: UnitOfWork,
    *,
    business_id: str,
    kind: Any,
    record_date: Any,
    issues_found: Any = None,
    rectified: Any = None,
    recorder: Any = None,
    selfcheck_id: str | None = None,
) -> Saved:
    """Record a 日管控 (kind daily), 周排查 (weekly) or 月调度 (monthly) of a business."""
    raw = {
        "business_id": business_id, "kind": kind, "record_date": record_date, "issues_found": issues_found,
        "rectified": rectified, "recorder": recorder,
    }  # fmt: skip
    return save_record(uow, "selfcheck", raw, record_id=selfcheck_id, what="selfcheck")


def delete_selfcheck(uow: UnitOfWork, *, selfcheck_id: str) -> Saved:
    return delete_record(uow, SELFCHECKS, selfcheck_id, what="selfcheck", permission=EDIT_RECORDS)


def get_selfcheck(session: Session, selfcheck_id: str) -> SelfCheckView:
    row = live_row(session, SELFCHECKS, selfcheck_id, "selfcheck")
    name = session.scalar(select(Business.name).where(Business.id == row["business_id"])) or ""
    return SelfCheckView(
        id=row["id"], business_id=row["business_id"], business_name=name, kind=row["kind"],
        record_date=row["record_date"], period_key=row["period_key"], issues_found=row["issues_found"] or 0,
        rectified=row["rectified"], recorder=row["recorder"],
    )  # fmt: skip
