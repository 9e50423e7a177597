"""What a visit schedule (排期) is: the planned visits, the obligations that found no day, the landing
they give, and the schedule as JSON. The planning service (msfood.planning.service) makes and loads
it; the outputs (msfood.planning.output, msfood.planning.ics) and the ui only read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from msfood.domain.periods import Period
from msfood.metrics.results import CadreRef
from msfood.planning.planner import Landing

UNPLANNED = "unplanned"  # open, no planned day (removed by a person, or never planned)


@dataclass(frozen=True)
class PlanEntry:
    id: str
    cadre: CadreRef
    business_id: str
    business_name: str
    address: str
    village_name: str
    high_risk: bool
    rule_period_key: str
    day: dt.date
    mode: str
    note: str
    edited: bool
    workday: bool  # an edited day may be a holiday: shown, not refused
    counts: bool  # after D and inside its rule-period, for an open obligation: it lands the figure


@dataclass(frozen=True)
class Unplanned:
    cadre: CadreRef
    business_id: str
    business_name: str
    village_name: str
    rule_period_key: str
    missing: int
    reason: str  # planner.NO_ROOM, planner.NO_DAYS or UNPLANNED


@dataclass(frozen=True)
class Schedule:
    period: Period
    as_of: dt.date
    margin: int
    per_day: int
    entries: tuple[PlanEntry, ...]
    unplanned: tuple[Unplanned, ...]
    landing: Landing
    by_cadre: tuple[tuple[CadreRef, Landing], ...]
    unknown_years: tuple[int, ...]  # holidays not known: Monday to Friday assumed

    def cadres(self) -> list[CadreRef]:
        return [cadre for cadre, _landing in self.by_cadre]

    def for_cadre(self, cadre_id: str) -> list[PlanEntry]:
        return [e for e in self.entries if e.cadre.id == cadre_id]

    def only(self, cadre_id: str | None) -> Schedule:
        """The schedule of one cadre (None: as it is), for printing or a calendar of that cadre."""
        if cadre_id is None:
            return self
        by_cadre = tuple((c, landing) for c, landing in self.by_cadre if c.id == cadre_id)
        return replace(
            self,
            entries=tuple(self.for_cadre(cadre_id)),
            by_cadre=by_cadre,
            unplanned=tuple(u for u in self.unplanned if u.cadre.id == cadre_id),
            landing=by_cadre[0][1] if by_cadre else Landing(),
        )

    def to_json(self) -> dict[str, Any]:
        def cadre(c: CadreRef) -> dict[str, str]:
            return {"id": c.id, "name": c.name, "phone": c.phone, "level": c.level}

        return {
            "period": self.period.key, "as_of": self.as_of.isoformat(), "margin_workdays": self.margin,
            "per_day": self.per_day, "landing": self.landing.to_json(),
            "by_cadre": [{**cadre(c), "landing": landing.to_json()} for c, landing in self.by_cadre],
            "visits": [
                {"id": e.id, "cadre": cadre(e.cadre), "business_id": e.business_id,
                 "business": e.business_name,
                 "address": e.address, "village": e.village_name, "high_risk": e.high_risk,
                 "rule_period": e.rule_period_key, "date": e.day.isoformat(), "mode": e.mode, "note": e.note,
                 "edited": e.edited, "workday": e.workday, "counts": e.counts}
                for e in self.entries
            ],
            "not_planned": [
                {"cadre": cadre(u.cadre), "business_id": u.business_id, "business": u.business_name,
                 "village": u.village_name, "rule_period": u.rule_period_key, "missing": u.missing,
                 "reason": u.reason}
                for u in self.unplanned
            ],
            "holidays_unknown": list(self.unknown_years),
        }  # fmt: skip
