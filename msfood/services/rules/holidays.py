"""Holidays and make-up workdays (调休): the calendar the working-day deadlines count on (EDIT_RULES)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.ids import natural_id
from msfood.db.models import Holiday
from msfood.services.records.saving import Saved, delete_record
from msfood.services.records.values import parse_bool, parse_date, parse_text
from msfood.services.rules.fields import _Fields, _key_id, _upsert
from msfood.services.writing.permissions import EDIT_RULES
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

HOLIDAYS = table_of(Holiday)


@dataclass(frozen=True)
class HolidayView:
    id: str
    day: dt.date
    is_workday: bool
    name: str


def list_holidays(session: Session, year: int | None = None) -> list[HolidayView]:
    statement = select(Holiday).where(Holiday.deleted.is_(False)).order_by(Holiday.day)
    if year is not None:
        statement = statement.where(Holiday.day >= dt.date(year, 1, 1), Holiday.day <= dt.date(year, 12, 31))
    return [HolidayView(h.id, h.day, bool(h.is_workday), h.name) for h in session.scalars(statement)]


def save_holiday(uow: UnitOfWork, *, day: Any, is_workday: Any = False, name: Any = "") -> Saved:
    """A day off (or, with is_workday, a make-up working day 调休) for a year the calendar lacks."""
    uow.actor.require(EDIT_RULES)
    fields = _Fields()
    date = fields.get("day", day, parse_date)
    workday = fields.get("is_workday", is_workday, parse_bool, required=False) or False
    text = fields.get("name", name, lambda v: parse_text(v, 64), required=False) or ""
    fields.done()
    holiday_id = _key_id(uow, HOLIDAYS, natural_id("holiday", date.isoformat()), day=date)
    return _upsert(uow, HOLIDAYS, {"id": holiday_id, "day": date, "is_workday": workday, "name": text})


def delete_holiday(uow: UnitOfWork, *, holiday_id: str) -> Saved:
    return delete_record(uow, HOLIDAYS, holiday_id, what="holiday", permission=EDIT_RULES)
