"""Conflicts a merge kept for a person: list them with both versions, and resolve them.

A "concurrent" conflict holds the losing version of a record edited at two places at once; the
record kept the winner. A "duplicate" one holds an incoming record that claimed a natural key
another record (other_id) already holds here; it was set aside whole. Resolving:
- keep "current": nothing changes but the conflict is closed;
- keep "lost": the lost version's content becomes a new version of the record (of the record holding
  the key, for a duplicate), stamped now, so it wins everywhere the next bundles reach;
- keep "both": the lost version becomes a record of its own, only where the table has no natural key.
Conflicts are local: they never travel.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msfood.core.errors import NotFoundError, ValidationError
from msfood.core.ids import new_id
from msfood.db.base import NON_CONTENT_COLUMNS
from msfood.db.models import Conflict, synced_tables
from msfood.services.writing.permissions import EDIT_RECORDS, EDIT_ROSTER, EDIT_RULES, READ, SYNC, Actor
from msfood.services.writing.unit_of_work import UnitOfWork
from msfood.sync import codec

KEEP_CURRENT, KEEP_LOST, KEEP_BOTH = "current", "lost", "both"
ROSTER = frozenset(
    {
        "regions",
        "businesses",
        "business_statuses",
        "business_closures",
        "cadres",
        "assignments",
        "sampling_plans",
    }
)
RULES = frozenset(
    {"units", "settings", "visit_rules", "checklist_items", "holidays", "food_categories", "closed_periods"}
)


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    table_name: str
    record_id: str
    reason: str  # concurrent | duplicate
    kept_hlc: str
    lost_hlc: str
    detected_at: dt.datetime
    bundle_id: str | None
    resolved_at: dt.datetime | None
    resolution: str | None
    other_id: str | None
    current: dict[str, Any] | None  # the record as it stands (for a duplicate: the one holding the key)
    lost: dict[str, Any]
    differing: tuple[str, ...]  # content columns whose values differ
    can_keep_both: bool


def _tables() -> dict[str, Any]:
    return {t.name: t for t in synced_tables()}


def _current(session: Session, table: Any, record_id: str | None) -> dict[str, Any] | None:
    if record_id is None:
        return None
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return codec.row_to_json(table, dict(row)) if row is not None else None


def _info(session: Session, conflict: Conflict) -> ConflictInfo:
    table = _tables().get(conflict.table_name)
    lost = json.loads(conflict.lost_row)
    current = None
    differing: tuple[str, ...] = ()
    if table is not None:
        current = _current(
            session, table, conflict.other_id if conflict.reason == "duplicate" else conflict.record_id
        )
        content = [c for c in codec.exported_columns(table) if c not in NON_CONTENT_COLUMNS and c != "id"]
        differing = tuple(c for c in content if (current or {}).get(c) != lost.get(c))
    return ConflictInfo(
        id=conflict.id,
        table_name=conflict.table_name,
        record_id=conflict.record_id,
        reason=conflict.reason,
        kept_hlc=conflict.kept_hlc,
        lost_hlc=conflict.lost_hlc,
        detected_at=conflict.detected_at,
        bundle_id=conflict.bundle_id,
        resolved_at=conflict.resolved_at,
        resolution=conflict.resolution,
        other_id=conflict.other_id,
        current=current,
        lost=lost,
        differing=differing,
        can_keep_both=_can_keep_both(table),
    )


def _can_keep_both(table: Any) -> bool:
    return table is not None and not table.info.get("natural_key") and table.name != "audit_log"


def count_conflicts(session: Session, *, actor: Actor, include_resolved: bool = False) -> int:
    actor.require(READ)
    query = select(func.count()).select_from(Conflict)
    if not include_resolved:
        query = query.where(Conflict.resolved_at.is_(None))
    return int(session.scalar(query) or 0)


def list_conflicts(
    session: Session, *, actor: Actor, include_resolved: bool = False, limit: int = 200, offset: int = 0
) -> list[ConflictInfo]:
    """Open conflicts (or all), newest first, with the current and the lost version side by side."""
    actor.require(READ)
    query = select(Conflict).order_by(Conflict.detected_at.desc(), Conflict.id).limit(limit).offset(offset)
    if not include_resolved:
        query = query.where(Conflict.resolved_at.is_(None))
    return [_info(session, c) for c in session.scalars(query)]


def _permission_for(table_name: str) -> str:
    if table_name in ROSTER:
        return EDIT_ROSTER
    if table_name in RULES:
        return EDIT_RULES
    return EDIT_RECORDS


def resolve_conflict(uow: UnitOfWork, *, conflict_id: str, keep: str) -> ConflictInfo:
    """Close a conflict keeping the current version, the lost one, or (no natural key) both."""
    session = uow.session
    conflict = session.get(Conflict, conflict_id)
    if conflict is None:
        raise NotFoundError("conflict.unknown", what=conflict_id)
    uow.actor.require(SYNC)
    uow.actor.require(_permission_for(conflict.table_name))
    if keep not in (KEEP_CURRENT, KEEP_LOST, KEEP_BOTH):
        raise ValidationError("conflict.bad_choice", value=keep)
    if conflict.resolved_at is not None:
        raise ValidationError("conflict.already_resolved", what=conflict_id)
    table = _tables().get(conflict.table_name)
    if table is None:
        raise ValidationError("conflict.table_unknown", table=conflict.table_name)
    lost = json.loads(conflict.lost_row)
    values = {k: v for k, v in codec.json_to_python(table, lost).items() if k not in NON_CONTENT_COLUMNS}
    if keep == KEEP_LOST:
        target = (
            conflict.other_id if conflict.reason == "duplicate" and conflict.other_id else conflict.record_id
        )
        values["id"] = target
        values.setdefault("deleted", False)
        uow.upsert(table, values)
    elif keep == KEEP_BOTH:
        if not _can_keep_both(table):
            raise ValidationError("conflict.both_needs_no_key", table=conflict.table_name)
        values["id"] = new_id()
        values["deleted"] = False
        uow.upsert(table, values)
    conflict.resolved_at = uow.now
    conflict.resolution = keep
    session.flush()
    uow.audit_event(
        "resolve_conflict",
        "conflicts",
        None,
        after=json.dumps(
            {
                "conflict": conflict_id,
                "table": conflict.table_name,
                "record": conflict.record_id,
                "keep": keep,
            },
            ensure_ascii=False,
        ),
    )
    return _info(session, conflict)
