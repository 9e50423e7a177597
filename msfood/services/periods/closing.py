"""Closing a period once its figures are reported upward, and reopening it (bureau admins only).

A closed period freezes the records dated in it (visits by visit date, self-checks by record date,
samplings by sample date, rapid tests by test date, problems and checklist answers by their visit's
date): msfood.services.writing.guards refuses creating, editing or deleting them by hand, workbook or bundle.
Closing and reopening are ordinary records (closed_periods, synced), so the bureau sees what a station
closed and a station learns what the bureau reopened; both appear in the history (actions "close" and
"reopen").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue, NothingToDo, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import ClosedPeriod
from msfood.domain.periods import Period, parse_period
from msfood.services.writing.permissions import CLOSE_PERIOD, REOPEN_PERIOD
from msfood.services.writing.unit_of_work import UnitOfWork, table_of


@dataclass(frozen=True)
class ClosedPeriodInfo:
    period_key: str
    start_date: dt.date
    end_date: dt.date
    closed: bool
    closed_by: str


def _info(row: ClosedPeriod) -> ClosedPeriodInfo:
    return ClosedPeriodInfo(row.period_key, row.start_date, row.end_date, bool(row.closed), row.closed_by)


def _period(period: str | Period) -> Period:
    return period if isinstance(period, Period) else parse_period(period)


def close_period(uow: UnitOfWork, *, period: str | Period) -> ClosedPeriodInfo:
    """Close a period (any kind: month, quarter, year...). Needs CLOSE_PERIOD.

    Refuses a period that has not ended yet (it may be closed on its last day: reports are made then
    or after); NothingToDo when it is already closed.
    """
    uow.actor.require(CLOSE_PERIOD)
    target = _period(period)
    if target.end > uow.today:
        raise ValidationError(
            Issue("closing.not_ended", "period", {"period": target.key, "end": target.end.isoformat()})
        )
    record_id = natural_id("closed_period", target.key)
    current = uow.get(table_of(ClosedPeriod), record_id)
    if current is not None and current["closed"] and not current["deleted"]:
        raise NothingToDo("closing.already_closed", period=target.key)
    uow.upsert(
        table_of(ClosedPeriod),
        {
            "id": record_id,
            "period_key": target.key,
            "start_date": target.start,
            "end_date": target.end,
            "closed": True,
            "closed_by": uow.actor.username,
        },
        action="close",
    )
    return ClosedPeriodInfo(target.key, target.start, target.end, True, uow.actor.username)


def reopen_period(uow: UnitOfWork, *, period: str | Period) -> ClosedPeriodInfo:
    """Reopen a closed period. Needs REOPEN_PERIOD (bureau admins). NothingToDo when it is not closed."""
    uow.actor.require(REOPEN_PERIOD)
    target = _period(period)
    record_id = natural_id("closed_period", target.key)
    current = uow.get(table_of(ClosedPeriod), record_id)
    if current is None or not current["closed"] or current["deleted"]:
        raise NothingToDo("closing.not_closed", period=target.key)
    uow.upsert(table_of(ClosedPeriod), {"id": record_id, "closed": False}, action="reopen")
    return ClosedPeriodInfo(
        target.key, current["start_date"], current["end_date"], False, current["closed_by"]
    )


def list_closed_periods(session: Session, *, include_reopened: bool = False) -> list[ClosedPeriodInfo]:
    """The closed periods, earliest first (with include_reopened, the reopened ones too)."""
    query = select(ClosedPeriod).where(ClosedPeriod.deleted.is_(False))
    if not include_reopened:
        query = query.where(ClosedPeriod.closed.is_(True))
    query = query.order_by(ClosedPeriod.start_date, ClosedPeriod.period_key)
    return [_info(r) for r in session.scalars(query)]


def closed_period_of(session: Session, day: dt.date) -> str | None:
    """The key of a closed period containing `day`, or None (for forms that grey out frozen records)."""
    row = session.scalar(
        select(ClosedPeriod.period_key)
        .where(
            ClosedPeriod.closed.is_(True),
            ClosedPeriod.deleted.is_(False),
            ClosedPeriod.start_date <= day,
            ClosedPeriod.end_date >= day,
        )
        .order_by(ClosedPeriod.start_date)
        .limit(1)
    )
    return row
