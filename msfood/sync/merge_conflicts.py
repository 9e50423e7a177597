"""The merge's conflicts: which loser is a conflict, recording it, and setting aside incoming rows
that would take a natural key another record holds (msfood.sync.merge's Merger uses these)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, UniqueConstraint

from msfood.core.hlc import unit_of
from msfood.core.ids import natural_id
from msfood.db.base import NON_CONTENT_COLUMNS
from msfood.db.models import Conflict
from msfood.sync import codec


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    set_aside: int = 0

    def add(self, other: Counts) -> None:
        for name in ("new", "updated", "unchanged", "conflicts", "set_aside"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "set_aside": self.set_aside,
        }


def concurrent(winner: tuple[str, str, str], loser: tuple[str, str, str]) -> bool:
    """Whether the winning version (hlc, base_hlc, origin) was NOT made on the losing one."""
    w_hlc, w_base, w_origin = winner
    l_hlc, _l_base, l_origin = loser
    if w_base == l_hlc or w_origin == l_origin:
        return False
    return not (w_base and unit_of(w_base) == l_origin and w_base >= l_hlc)


def unique_keys(table: Table) -> list[tuple[str, ...]]:
    return [
        tuple(c.name for c in k.columns)
        for k in table.constraints
        if isinstance(k, UniqueConstraint) and k.columns
    ]


class ConflictKeeping:
    """The conflict-keeping half of the Merger (which sets these attributes)."""

    backend: Any
    session: Any
    uow: Any
    bundle_id: str
    set_aside: dict[str, set[str]]
    _conflicts: list[dict[str, Any]]

    def _content(self, table: Table) -> list[str]:
        return [c for c in codec.exported_columns(table) if c not in NON_CONTENT_COLUMNS]

    def _record_conflicts(
        self,
        table: Table,
        columns: list[str],
        index: dict[str, int],
        local: dict[str, tuple[str, str, str]],
        lost_local: dict[str, tuple[Any, ...]],
        lost_incoming: dict[str, tuple[Any, ...]],
        counts: Counts,
    ) -> None:
        exported = codec.exported_columns(table)
        full = self.backend.fetch_full(table, exported, sorted(set(lost_local) | set(lost_incoming)))
        content = self._content(table)
        for record_id, row in list(lost_local.items()) + list(lost_incoming.items()):
            mine = full[record_id]
            theirs = {c: row[index[c]] for c in columns if c in index}
            if all(mine.get(c) == theirs.get(c) for c in content):
                continue
            if record_id in lost_local:
                kept, lost = row[index["hlc"]], mine
            else:
                kept, lost = local[record_id][0], theirs
            self._add_conflict(table, record_id, kept, lost, reason="concurrent")
            counts.conflicts += 1

    def _add_conflict(
        self,
        table: Table,
        record_id: str,
        kept_hlc: str,
        lost: dict[str, Any],
        *,
        reason: str,
        other: str | None = None,
    ) -> None:
        lost_json = codec.row_to_json(table, lost)
        self._conflicts.append(
            {
                "id": natural_id("conflict", table.name, record_id, lost_json.get("hlc", "")),
                "table_name": table.name,
                "record_id": record_id,
                "kept_hlc": kept_hlc,
                "lost_hlc": lost_json.get("hlc", ""),
                "lost_row": json.dumps(lost_json, ensure_ascii=False, sort_keys=True),
                "detected_at": self.uow.now,
                "bundle_id": self.bundle_id,
                "resolved_at": None,
                "resolution": None,
                "reason": reason,
                "other_id": other,
            }
        )

    def _flush_conflicts(self) -> None:
        if not self._conflicts:
            return
        conflicts = Conflict.__table__
        if self.session.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        self.session.execute(insert(conflicts).on_conflict_do_nothing(index_elements=["id"]), self._conflicts)
        self._conflicts = []

    def _set_aside_duplicates(
        self,
        table: Table,
        columns: list[str],
        index: dict[str, int],
        writes: list[tuple[Any, ...]],
        by_column: list[tuple[Any, ...]] | None,
        local: dict[str, Any],
        counts: Counts,
    ) -> list[tuple[Any, ...]]:
        """Drop (into conflicts) the rows taking a natural key another record holds, and the rows
        pointing at rows set aside. `by_column`: `writes` transposed, when at hand; `local`: the
        records of this chunk the database holds already."""
        keys_of_table = unique_keys(table)
        if not writes or not keys_of_table and not self.set_aside:
            return writes
        i_id = index["id"]
        aside: dict[str, str | None] = {}
        for fk in table.foreign_keys:
            parents = self.set_aside.get(fk.column.table.name)
            if parents and fk.parent.name in index:
                position = index[fk.parent.name]
                for row in writes:
                    if row[position] in parents:
                        aside.setdefault(row[i_id], None)
        if by_column is None:
            by_column = list(zip(*writes, strict=True))
        ids = by_column[i_id]
        for key in keys_of_table:
            parts = [by_column[index[c]] for c in key]
            if not aside and not any(None in part for part in parts):
                # Whole columns at C speed: every key taken once in the chunk, and held by no other
                # record (the usual case), or else the careful loop below.
                keys = list(zip(*parts, strict=True))
                distinct = set(keys)
                holders = self.backend.key_holders(table, key, list(distinct))
                if len(distinct) == len(keys) and (
                    not holders or set(holders.items()) <= set(zip(keys, ids, strict=True))
                ):
                    continue
            getter = itemgetter(*[index[c] for c in key])
            if len(key) == 1:
                keyed = [((k,), row) for row in writes if (k := getter(row)) is not None]
            else:
                keyed = [(k, row) for row in writes if None not in (k := getter(row))]
            if aside:
                keyed = [(k, row) for k, row in keyed if row[i_id] not in aside]
            if not keyed:
                continue
            holders = self.backend.key_holders(table, key, sorted({k for k, _ in keyed}))
            for k, row in keyed:
                holder = holders.get(k)
                if holder is not None and holder != row[i_id]:
                    aside[row[i_id]] = holder
                else:
                    holders[k] = row[i_id]  # a later row of this chunk with the key collides with this one
        if not aside:
            return writes
        kept = []
        for row in writes:
            record_id = row[i_id]
            if record_id not in aside:
                kept.append(row)
                continue
            if record_id in local:
                counts.updated -= 1
            else:
                counts.new -= 1
            counts.set_aside += 1
            counts.conflicts += 1
            self.set_aside.setdefault(table.name, set()).add(record_id)
            lost = {c: row[index[c]] for c in columns}
            self._add_conflict(table, record_id, "", lost, reason="duplicate", other=aside[record_id])
        return kept
