"""The unit's region tree: loading the official division codes, and what the region editor does.

`load_official_regions` adds a division, its ancestors and everything under it from the set shipped
with msfood (msfood.regions.official), in the caller's unit of work: bulk inserts, one audit entry per
region plus one for the load. Regions already present (by code) are left exactly as they are, so a
station's own renames survive a second load; a region deleted earlier comes back with its official name.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue, NothingToDo, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import Business
from msfood.regions.official import Division, divisions, level_of, normalise_code
from msfood.services.records.saving import Saved, not_found
from msfood.services.roster.editing import get_region, save_region
from msfood.services.roster.retired import REGIONS
from msfood.services.writing.permissions import EDIT_ROSTER
from msfood.services.writing.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RegionsLoaded:
    code: str
    name: str
    year: int
    added: int  # regions written (new, or a deleted one brought back)
    present: int  # already there, left as they were
    by_level: tuple[tuple[str, int], ...]  # added per level, province first

    def sentence(self) -> str:
        """The sentence that says what was loaded ("已载入 石峰区（430204）的 2023 年…")."""
        from msfood.i18n import is_english, t

        levels = (", " if is_english() else "，").join(
            f"{t('regions_official.level.' + level)} {count}" for level, count in self.by_level
        )
        return t("regions_official.loaded", name=self.name, code=self.code, year=self.year, added=self.added,
                 levels=levels, present=self.present)

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code, "name": self.name, "year": self.year, "added": self.added,
            "present": self.present, "added_by_level": dict(self.by_level),
        }


def official_subtree(code: object, *, year: int | None = None) -> list[Division]:
    """The division's ancestors, the division and everything under it (parents first)."""
    official = divisions(year)
    division = official.require(code)
    return official.ancestors(division.code) + list(official.subtree(division.code))


def load_official_regions(uow: UnitOfWork, *, code: object, year: int | None = None) -> RegionsLoaded:
    """Add `code`, its ancestors and everything under it (down to villages) with their official names.

    ValidationError for a code or year the shipped data lack; NothingToDo when every region is there.
    """
    uow.actor.require(EDIT_ROSTER)
    official = divisions(year)
    division = official.require(normalise_code(code))
    wanted = official_subtree(division.code, year=official.year)
    return write_divisions(uow, wanted, division, official.year)


def _existing(session: Session, codes: list[str]) -> dict[str, tuple[str, bool]]:
    """code -> (id, deleted) of the regions with these codes."""
    found: dict[str, tuple[str, bool]] = {}
    for start in range(0, len(codes), 900):
        chunk = codes[start : start + 900]
        rows = session.execute(
            select(REGIONS.c.code, REGIONS.c.id, REGIONS.c.deleted).where(REGIONS.c.code.in_(chunk))
        )
        for region_code, region_id, deleted in rows:
            # a live row wins over a tombstone with the same code
            if region_code not in found or found[region_code][1]:
                found[region_code] = (region_id, bool(deleted))
    return found


def write_divisions(uow: UnitOfWork, wanted: list[Division], top: Division, year: int) -> RegionsLoaded:
    """Write the divisions the database lacks (by code); NothingToDo when it has them all."""
    existing = _existing(uow.session, [d.code for d in wanted])
    ids = {code: region_id for code, (region_id, _) in existing.items()}
    rows: list[dict[str, Any]] = []
    levels: Counter[str] = Counter()
    present = 0
    for division in sorted(wanted, key=lambda d: (len(d.code), d.code)):  # parents before children
        known = existing.get(division.code)
        if known is not None and not known[1]:
            present += 1
            continue
        region_id = known[0] if known is not None else natural_id("region", division.code)
        ids[division.code] = region_id
        parent = division.parent_code
        rows.append(
            {
                "id": region_id,
                "code": division.code,
                "name": division.name,
                "parent_id": ids.get(parent) if parent else None,
                "code_year": year,
            }
        )
        levels[division.level] += 1
    if not rows:
        raise NothingToDo("regions_official.nothing_new", code=top.code, name=top.name, count=present)
    uow.upsert_many(REGIONS, rows)
    by_level = tuple((level, levels[level]) for level in ("province", "city", "county", "township", "village")
                     if levels[level])
    uow.audit_event(
        "regions_load",
        "regions",
        natural_id("region", top.code),
        after=json.dumps({"code": top.code, "year": year, "added": len(rows)}, ensure_ascii=False),
    )
    return RegionsLoaded(top.code, top.name, year, len(rows), present, by_level)


# --- the region editor -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionNode:
    id: str
    code: str
    name: str
    parent_id: str | None
    level: str  # province | city | county | township | village
    businesses: int  # live businesses registered in this very region
    code_year: int | None
    retired_on: dt.date | None = None  # 撤销: the last day in use (None: in use)


def region_tree(session: Session) -> list[RegionNode]:
    """Every live region with its count of businesses, in code order (parents before children)."""
    counts = dict(
        session.execute(
            select(Business.region_id, func.count())
            .where(Business.deleted.is_(False))
            .group_by(Business.region_id)
        ).all()
    )
    rows = session.execute(
        select(REGIONS.c.id, REGIONS.c.code, REGIONS.c.name, REGIONS.c.parent_id, REGIONS.c.code_year,
               REGIONS.c.retired_on)
        .where(REGIONS.c.deleted.is_(False))
        .order_by(func.length(REGIONS.c.code), REGIONS.c.code)
    )
    return [
        RegionNode(rid, code, name, parent, _level(code), int(counts.get(rid, 0)), year, retired)
        for rid, code, name, parent, year, retired in rows
    ]


def _level(code: str) -> str:
    return level_of(code) if code.isdigit() and len(code) in (6, 9, 12) else "other"


def region_count(session: Session) -> int:
    return int(
        session.scalar(select(func.count()).select_from(REGIONS).where(REGIONS.c.deleted.is_(False))) or 0
    )


def missing_official_children(
    session: Session, *, parent_code: str, year: int | None = None
) -> list[Division]:
    """The official divisions directly under `parent_code` that the database lacks (live), for the
    editor's "add" list. Empty for a code the shipped set does not know (a station's own village)."""
    official = divisions(year)
    if official.get(parent_code) is None:
        return []
    children = official.children(parent_code)
    present = {code for code, (_, deleted) in _existing(session, [d.code for d in children]).items()
               if not deleted}
    return [d for d in children if d.code not in present]


def add_region(uow: UnitOfWork, *, parent_code: str, code: object, name: object) -> Saved:
    """A region one level under `parent_code` (a village the official set lacks, say): its code must
    extend the parent's (a township 3 digits under its county, a village 3 under its township)."""
    uow.actor.require(EDIT_ROSTER)
    text = "".join(str(code or "").split())
    expected = {6: 9, 9: 12}.get(len(parent_code))
    if expected is None or len(text) != expected or not text.startswith(parent_code) or not text.isdigit():
        raise ValidationError(
            Issue("regions_official.code_not_under", "code", {"value": text, "parent": parent_code,
                                                                "digits": (expected or 0) - len(parent_code)})
        )
    return save_region(uow, code=text, name=name, parent_code=parent_code)


def rename_region(uow: UnitOfWork, *, region_id: str, name: object) -> Saved:
    """Change a region's name only (its code and place in the tree stay)."""
    current = get_region(uow.session, region_id)
    return save_region(
        uow, code=current.code, name=name, parent_code=current.parent_code, code_year=current.code_year,
        region_id=region_id,
    )


# --- retiring a region (撤销 with an end date, issue 13) ------------------------------------------


@dataclass(frozen=True)
class RegionRetired:
    code: str
    name: str
    retired_on: dt.date | None  # None: the retirement was undone

    def sentence(self) -> str:
        from msfood.i18n import t

        if self.retired_on is None:
            return t("region_retire.restored", name=self.name, code=self.code)
        return t("region_retire.retired", name=self.name, code=self.code, date=self.retired_on.isoformat())


def businesses_under(session: Session, code: str) -> int:
    """Live businesses registered in the region with this code or in any region under it."""
    from msfood.services.queries.parts import region_subtree

    return int(
        session.scalar(
            select(func.count())
            .select_from(Business)
            .where(Business.deleted.is_(False), Business.region_id.in_(region_subtree(code)))
        )
        or 0
    )


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(Issue("region_retire.bad_date", "retired_on", {"value": str(value)})) from None


def retire_region(uow: UnitOfWork, *, code: object, retired_on: object) -> RegionRetired:
    """Retire the region `code` (撤销): `retired_on` is its last day in use. None undoes a retirement.

    The region stays in the tree (old records keep pointing at it) but is no longer offered for new
    businesses. Refused (ValidationError) while live businesses are registered in it or under it,
    and for a date inside a closed period (an undo too, when the stored date lies in one).
    """
    from msfood.services.periods.closing import closed_period_of

    uow.actor.require(EDIT_ROSTER)
    text = "".join(str(code or "").split())
    row = uow.session.execute(
        select(REGIONS).where(REGIONS.c.code == text, REGIONS.c.deleted.is_(False))
    ).mappings().first()
    if row is None:
        raise not_found("region")
    current: dt.date | None = row["retired_on"]
    if retired_on is None or (isinstance(retired_on, str) and not retired_on.strip()):
        if current is None:
            raise NothingToDo("region_retire.not_retired", name=row["name"], code=text)
        period = closed_period_of(uow.session, current)
        if period is not None:
            raise ValidationError(Issue("region_retire.undo_closed_period", "retired_on",
                                        {"date": current.isoformat(), "period": period}))
        uow.upsert(REGIONS, {"id": row["id"], "retired_on": None}, action="region_unretire")
        return RegionRetired(text, row["name"], None)
    day = _as_date(retired_on)
    if current == day:
        raise NothingToDo("region_retire.already", name=row["name"], code=text, date=day.isoformat())
    count = businesses_under(uow.session, text)
    if count:
        raise ValidationError(Issue("region_retire.has_businesses", "code",
                                    {"name": row["name"], "code": text, "count": count}))
    for checked in (day, current):
        period = closed_period_of(uow.session, checked) if checked is not None else None
        if period is not None:
            raise ValidationError(Issue("region_retire.closed_period", "retired_on",
                                        {"date": checked.isoformat(), "period": period}))
    uow.upsert(REGIONS, {"id": row["id"], "retired_on": day}, action="region_retire")
    return RegionRetired(text, row["name"], day)


