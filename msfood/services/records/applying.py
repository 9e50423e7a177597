"""Writing cleaned records (a workbook import, a bundle of forms) in an order that keeps references
whole: regions parents first, then the kinds in KINDS order, children after their parents; prunes last.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table, select

from msfood.db.models import BusinessStatus, Problem
from msfood.services.records.shapes import Cleaned, Prune
from msfood.services.records.specs import KIND_PERMISSION, KIND_TABLE, KINDS
from msfood.services.writing.unit_of_work import NEW, UNCHANGED, UPDATED, UnitOfWork, table_of

_CHILD_ORDER = [table_of(BusinessStatus), table_of(Problem)]


def _sorted_regions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Parents before children, so a new region's parent row exists when it is inserted."""
    by_id = {r["id"]: r for r in rows}
    done: set[str] = set()
    ordered: list[dict[str, Any]] = []

    def visit(row: dict[str, Any], depth: int = 0) -> None:
        if row["id"] in done or depth > len(rows):
            return
        parent = by_id.get(row.get("parent_id") or "")
        if parent is not None:
            visit(parent, depth + 1)
        done.add(row["id"])
        ordered.append(row)

    for row in rows:
        visit(row)
    return ordered


def apply(uow: UnitOfWork, cleaned: list[Cleaned]) -> Counter[str]:
    """Write cleaned records in bulk through `uow.upsert_many`, grouped by table, parents first.

    Checks that the actor may write each kind. Returns counts of "new", "updated" and "unchanged"
    for the main rows (children are counted by the unit of work only).
    """
    counts: Counter[str] = Counter({NEW: 0, UPDATED: 0, UNCHANGED: 0})
    by_kind: dict[str, list[Cleaned]] = {}
    for item in cleaned:
        by_kind.setdefault(item.kind, []).append(item)
    for kind in by_kind:
        uow.actor.require(KIND_PERMISSION[kind])
    children: dict[str, tuple[Table, list[Mapping[str, Any]]]] = {}
    prunes: list[Prune] = []
    for kind in KINDS:
        items = by_kind.get(kind)
        if not items:
            continue
        rows: list[Mapping[str, Any]] = [item.values for item in items]
        if kind == "region":
            rows = list(_sorted_regions([item.values for item in items]))
        counts.update(uow.upsert_many(KIND_TABLE[kind], rows))
        for item in items:
            for table, row in item.children:
                children.setdefault(table.name, (table, []))[1].append(row)
            prunes.extend(item.prune)
    ordered = sorted(
        children.values(),
        key=lambda pair: _CHILD_ORDER.index(pair[0]) if pair[0] in _CHILD_ORDER else len(_CHILD_ORDER),
    )
    for table, child_rows in ordered:
        uow.upsert_many(table, child_rows)
    for prune in prunes:
        _prune(uow, prune)
    return counts


def _prune(uow: UnitOfWork, prune: Prune) -> None:
    table = prune.table
    stale = uow.session.scalars(
        select(table.c.id).where(
            table.c[prune.column] == prune.parent_id,
            table.c.deleted.is_(False),
            table.c.id.not_in(prune.keep),
        )
    ).all()
    for record_id in stale:
        uow.delete(table, record_id)
