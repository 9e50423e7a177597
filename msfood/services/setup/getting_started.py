"""What a new unit has set up so far: the empty dashboard's "what to do next" reads it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msfood.db.models import Assignment, Business, Cadre, Peer, Region
from msfood.services.setup.new_unit import unit_identity
from msfood.services.writing.unit_of_work import table_of


@dataclass(frozen=True)
class SetupProgress:
    unit_kind: str  # station | bureau
    region_code: str | None
    regions: int
    townships: int  # regions at township level or below: the unit's own area is loaded
    businesses: int
    cadres: int
    assignments: int
    peers: int  # trusted units: the bureau for a station (kind "bureau"), its stations for a bureau

    @property
    def empty(self) -> bool:
        """Nothing of the roster yet: the dashboard has no figures to show."""
        return not (self.businesses or self.cadres or self.assignments)

    @property
    def done(self) -> bool:
        return bool(self.townships and self.businesses and self.cadres and self.assignments and self.peers)


def _live(session: Session, model: type, *where: Any) -> int:
    table = table_of(model)  # Core, not the ORM: the dashboard reads this before its first paint
    return int(
        session.scalar(select(func.count()).select_from(table).where(table.c.deleted.is_(False), *where))
        or 0
    )


def setup_progress(session: Session) -> SetupProgress:
    unit = unit_identity(session)
    wanted = ("bureau",) if unit.kind == "station" else ("station", "bureau")
    peers_table = table_of(Peer)
    peers = int(
        session.scalar(
            select(func.count())
            .select_from(peers_table)
            .where(peers_table.c.revoked_at.is_(None), peers_table.c.kind.in_(wanted))
        )
        or 0
    )
    townships = _live(session, Region, func.length(table_of(Region).c.code) >= 9)
    return SetupProgress(
        unit.kind, unit.region_code, _live(session, Region), townships, _live(session, Business),
        _live(session, Cadre), _live(session, Assignment), peers,
    )
