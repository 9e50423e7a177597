"""Bundles written by an older schema: per-version functions that rewrite their rows to the current one.

A bundle names the schema (migration revision) it was written with. A bundle of this app's schema
merges as it is; one of an older schema goes through the chain of `UPGRADES` from its version to
head, each step rewriting a table's column list and its rows (a renamed column, a split field, a
code that changed); a column the current schema has and the bundle lacks takes the column's default
(or NULL). A newer or unknown schema is refused: upgrade the app first.

When a migration changes a synced table, add its step here, keyed by the revision it upgrades from:

    UPGRADES["0001"] = Upgrade("0001", "0002", rewrite)

where `rewrite(table_name, columns, row_dict) -> row_dict | None` (None drops the row) and
`columns(table_name, columns) -> columns` gives the step's output column list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from msfood.db.engine import head_revision, known_revisions

RowRewrite = Callable[[str, dict[str, Any]], dict[str, Any] | None]
ColumnsRewrite = Callable[[str, list[str]], list[str]]


@dataclass(frozen=True)
class Upgrade:
    """One step: rows of schema `from_version` become rows of `to_version`."""

    from_version: str
    to_version: str
    rows: RowRewrite
    columns: ColumnsRewrite = lambda _table, columns: columns


# Steps by the revision they upgrade from.
UPGRADES: dict[str, Upgrade] = {
    # 0003 only adds nullable columns (a sample's 送达 date and extension, a business's chain): an
    # 0002 row is an 0003 row with them NULL, which the merge gives a column the bundle lacks.
    "0002": Upgrade("0002", "0003", lambda _table, row: row),
    # 0004 only adds regions.retired_on (issue 13): an 0003 region is one still in use (NULL).
    "0003": Upgrade("0003", "0004", lambda _table, row: row),
    # 0005 (issue 14, speed) changes only the derived self-check rollups and adds an index: an 0004
    # row is an 0005 row as it is.
    "0004": Upgrade("0004", "0005", lambda _table, row: row),
    # 0006 only adds the local visit_plans table (issue 14, the schedule), which bundles never carry.
    "0005": Upgrade("0005", "0006", lambda _table, row: row),
}


def upgrade_chain(version: object) -> list[Upgrade] | None:
    """The steps from `version` to head ([] for head itself), or None when the version is unknown."""
    head = head_revision()
    if version == head:
        return []
    chain: list[Upgrade] = []
    current = version
    seen: set[object] = set()
    while current != head:
        step = UPGRADES.get(current) if isinstance(current, str) else None
        if step is None or current in seen:
            return None
        seen.add(current)
        chain.append(step)
        current = step.to_version
    return chain


def is_newer(version: object) -> bool:
    return isinstance(version, str) and version not in known_revisions() and version not in UPGRADES


class TableUpgrade:
    """Applies a chain of steps to one table's rows (column list in, column list out)."""

    def __init__(self, chain: list[Upgrade], table: str, columns: list[str]) -> None:
        self.chain = chain
        self.table = table
        self.input_columns = columns
        out = list(columns)
        for step in chain:
            out = step.columns(table, out)
        self.columns = out

    def __call__(self, values: list[Any]) -> list[Any] | None:
        row: dict[str, Any] | None = dict(zip(self.input_columns, values, strict=True))
        for step in self.chain:
            if row is None:
                return None
            row = step.rows(self.table, row)
        if row is None:
            return None
        return [row.get(c) for c in self.columns]
