"""What the app's status bar shows: this unit, and the last bundle sent and received."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.db.models import BundleLog, Meta
from msfood.errors import EnvironmentProblem
from msfood.services.setup import UnitIdentity, unit_identity
from msfood.services.unit_of_work import table_of

UNIT_KEYS = ("unit_code", "unit_name", "unit_kind", "region_code")


@dataclass(frozen=True)
class BundleMark:
    peer_code: str
    at: dt.datetime  # UTC, naive as stored
    file_name: str


@dataclass(frozen=True)
class StationStatus:
    unit: UnitIdentity
    last_sent: BundleMark | None
    last_received: BundleMark | None


def _last(session: Session, direction: str) -> BundleMark | None:
    row = session.scalars(
        select(BundleLog).where(BundleLog.direction == direction).order_by(BundleLog.at.desc()).limit(1)
    ).first()
    return BundleMark(row.peer_code, row.at, row.file_name) if row is not None else None


def station_status(session: Session) -> StationStatus:
    return StationStatus(unit_identity(session), _last(session, "out"), _last(session, "in"))


def read_unit_identity(session: Session) -> UnitIdentity:
    """The same as msfood.services.setup.unit_identity, read through Core: the app's start-up reads the
    unit before any ORM query, so that the ORM's one-off mapper set-up (some 40 ms) is spent after the
    first paint, by the first page's data on their worker thread, not while the user waits."""
    meta = table_of(Meta)
    rows = session.execute(select(meta.c.key, meta.c.value).where(meta.c.key.in_(UNIT_KEYS)))
    values: dict[str, str] = {key: value for key, value in rows}
    if "unit_code" not in values:
        raise EnvironmentProblem("db.not_initialised")
    return UnitIdentity(
        values["unit_code"],
        values.get("unit_name", ""),
        values.get("unit_kind", "station"),
        values.get("region_code") or None,
    )
