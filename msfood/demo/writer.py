"""Bulk writing for the demo: millions of new rows in one transaction, fast.

The demo fills a brand-new database, so it does not go through `UnitOfWork.upsert_many` (whose per-chunk
SELECT and per-row audit entry are there for imports into live data). Instead each table gets a `Sink`:
rows arrive as tuples, are buffered a chunk at a time and written with one Core `executemany` per
chunk on the unit of work's own connection, with the sync columns filled directly from the unit of
work (its hybrid clock, `next_seq()`, unit code and `now`). The audit trail gets **one event per
table** ("demo", with the row count) instead of one per row. While a table is loaded its secondary
indexes are dropped and afterwards recreated from their own stored SQL (a sort is much faster than
millions of random index inserts); the primary key and unique constraints stay, so a duplicate still
fails loudly.

Values in the tuples are already in SQLite's storage form: dates as ISO text, booleans as 0/1.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import DateTime, Table

from msfood.core.hlc import COUNTER_WIDTH, MAX_COUNTER, MS_WIDTH
from msfood.core.ids import NAMESPACE
from msfood.db import rollups
from msfood.db.base import SYNC_COLUMNS, Base
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

CHUNK = 20_000


_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


class IdMaker:
    """A fast `msfood.core.ids.natural_id(kind, *parts)`: the same UUIDv5 text, without UUID objects."""

    def __init__(self, kind: str) -> None:
        self.prefix = NAMESPACE.bytes + f"{kind}\x1e".encode()

    def joined(self, key: str, sha1: Any = hashlib.sha1, variant: dict[str, str] = _VARIANT) -> str:
        """The id for the parts already joined with "\x1f" (the hot loops build that text once)."""
        x = sha1(self.prefix + key.encode("utf-8")).hexdigest()
        return f"{x[:8]}-{x[8:12]}-5{x[13:16]}-{variant[x[16]]}{x[17:20]}-{x[20:32]}"

    def __call__(self, *parts: object) -> str:
        return self.joined("\x1f".join("" if p is None else str(p) for p in parts))


def id_maker(kind: str) -> IdMaker:
    return IdMaker(kind)


def stamps(uow: UnitOfWork, n: int) -> list[str]:
    """n hybrid-clock stamps: what n calls of `uow.stamp()` give while the wall clock stands still."""
    if n <= 0:
        return []
    first = uow.stamp()
    clock = uow.hlc
    ms, counter, unit = clock.last_ms, clock.last_counter, clock.unit
    found = [first]
    remaining = n - 1
    while remaining:
        if counter >= MAX_COUNTER:  # as HybridClock.tick does: borrow the next millisecond
            ms, counter = ms + 1, -1
        take = min(remaining, MAX_COUNTER - counter)
        head = f"{ms:0{MS_WIDTH}d}"
        found.extend([f"{head}{c:0{COUNTER_WIDTH}d}{unit}" for c in range(counter + 1, counter + 1 + take)])
        counter += take
        remaining -= take
    clock.last_ms, clock.last_counter = ms, counter
    return found


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool | int | float):
        return str(int(value) if isinstance(value, bool) else value)
    return "'" + str(value).replace("'", "''") + "'"


def _scalar_default(table: Table, name: str) -> Any:
    column = table.c[name]
    default = column.default
    if default is not None and default.is_scalar:
        return default.arg
    if column.nullable:
        return None
    raise ValueError(f"the demo gives no value for {table.name}.{name}, which needs one")


class Sink:
    """Rows for one table: `add(tuple)` in the order of `columns` (which must include "id")."""

    def __init__(
        self, writer: BulkWriter, table: Table, columns: Sequence[str], parents: Sequence[Sink] = ()
    ) -> None:
        self.writer = writer
        self.parents = tuple(parents)  # flushed first, so foreign keys always find their row
        self.table = table
        self.columns = tuple(columns)
        unknown = [c for c in self.columns if c not in table.c]
        if unknown or "id" not in self.columns:
            raise ValueError(f"{table.name}: unknown columns {unknown} or no id")
        rest = [c.name for c in table.columns if c.name not in self.columns and c.name not in SYNC_COLUMNS]
        # the columns that are the same on every row are written into the statement itself
        fixed = [_literal(_scalar_default(table, name)) for name in rest]
        fixed += [_literal(""), _literal(writer.uow.unit), "0", _literal(writer.entered_at)]
        names = [*self.columns, *rest, "base_hlc", "origin", "deleted", "entered_at", "hlc", "local_seq"]
        values = ["?"] * len(self.columns) + fixed + ["?", "?"]
        self.sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(values)})"
        self.rows: list[tuple[Any, ...]] = []
        self.count = 0
        self.indexes = writer.drop_indexes(table)
        # The self-check rollups are rebuilt in one pass at the end rather than by a trigger per row.
        self.rollups = table.name == "selfchecks"
        if self.rollups:
            rollups.drop_triggers(writer.connection)

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row)
        if len(self.rows) >= CHUNK:
            self.flush()

    def extend(self, rows: Iterable[tuple[Any, ...]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        for parent in self.parents:
            parent.flush()
        uow = self.writer.uow
        n = len(self.rows)
        first = uow.local_seq + 1
        uow.local_seq += n
        tails = zip(stamps(uow, n), range(first, first + n))
        self.writer.connection.exec_driver_sql(self.sql, list(map(tuple.__add__, self.rows, tails)))
        self.count += n
        self.rows = []

    def close(self) -> int:
        self.flush()
        for sql in self.indexes:
            self.writer.connection.exec_driver_sql(sql)
        self.indexes = []
        if self.rollups:
            rollups.rebuild(self.writer.connection)
            rollups.install_triggers(self.writer.connection)
            self.rollups = False
        return self.count


class BulkWriter:
    """Sinks for the demo's tables on one unit of work; `close()` finishes them and audits each table."""

    def __init__(self, uow: UnitOfWork, *, note: dict[str, Any] | None = None) -> None:
        self.uow = uow
        self.connection = uow.session.connection()
        dialect = self.connection.dialect
        to_sql = dialect.type_descriptor(DateTime()).bind_processor(dialect)
        self.entered_at = to_sql(uow.now) if to_sql is not None else uow.now.isoformat(" ")
        self.note = dict(note or {})
        self.sinks: dict[str, Sink] = {}
        self.counts: dict[str, int] = {}

    def sink(self, model: type[Base], columns: Sequence[str], parents: Sequence[Sink] = ()) -> Sink:
        table = table_of(model)
        if table.name in self.sinks or table.name in self.counts:
            raise ValueError(f"{table.name} is already being written")
        sink = Sink(self, table, columns, parents)
        self.sinks[table.name] = sink
        return sink

    def drop_indexes(self, table: Table) -> list[str]:
        if self.connection.dialect.name != "sqlite":
            return []
        rows = self.connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            (table.name,),
        ).all()
        for name, _sql in rows:
            self.connection.exec_driver_sql(f'DROP INDEX "{name}"')
        return [sql for _name, sql in rows]

    def finish(self, name: str) -> int:
        """Close one table's sink: flush, recreate its indexes, write its one audit event."""
        sink = self.sinks.pop(name)
        count = sink.close()
        self.counts[name] = count
        self.uow.audit_event(
            "demo", name, after=json.dumps({"rows": count, **self.note}, ensure_ascii=False, sort_keys=True)
        )
        self.uow.changed_tables.add(name)
        return count

    def close(self) -> dict[str, int]:
        for name in list(self.sinks):
            self.finish(name)
        return dict(self.counts)
