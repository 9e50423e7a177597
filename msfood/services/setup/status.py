"""What the app's status bar shows: this unit, and the last bundle sent and received."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.db.models import BundleLog
from msfood.services.setup.new_unit import UnitIdentity, unit_identity


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

