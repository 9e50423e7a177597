"""Merging into PostgreSQL: rows copied in bulk, then one INSERT ... ON CONFLICT per chunk.

The merge's chunks (msfood.sync.merge) arrive as the bundle stores values: text dates and date-times,
booleans, numbers. PostgreSQL's COPY text input reads exactly those, so rows are never turned into
Python dates: each chunk is copied (psycopg's COPY, on the session's own connection and
transaction) into a temporary table shaped like the target, then upserted from there in one
statement. The server then runs one statement per chunk instead of one per row (an executemany of
INSERT ... ON CONFLICT merged 1,500 rows a second; this, tens of thousands). Lookups by id and by
natural key take whole arrays (`= ANY(%s)`, `unnest`) and answer in the bundle's form too, so the
merge compares like with like. References are checked at the end: SET CONSTRAINTS ALL DEFERRED.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from msfood.sync import codec

# unnest() array types per column kind (values arrive in the bundle's form; dates as text)
ARRAY_TYPES = {"str": "text[]", "int": "bigint[]", "float": "float8[]", "bool": "boolean[]",
               "date": "date[]", "datetime": "timestamp[]", "bytes": "text[]"}  # fmt: skip


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class PostgresBackend:
    """Reads and writes a merge's rows on PostgreSQL through the session's psycopg connection."""

    python_values = False

    def __init__(self, session: Session) -> None:
        self.raw = session.connection().connection.driver_connection
        self.cursor = self.raw.cursor()  # type: ignore[union-attr]
        self.cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        self._staged: dict[str, str] = {}
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}

    # --- reading, answered in the bundle's form --------------------------------------------------

    def _selected(self, table: Table, column: str) -> str:
        kind = codec.column_kind(table.c[column])
        name = "t." + _quote(column)
        if kind == "date":
            return f"{name}::text"
        if kind == "datetime":
            return f"to_char({name}, 'YYYY-MM-DD HH24:MI:SS.US')"
        return name

    def fetch_sync(self, table: Table, ids: list[str]) -> dict[str, tuple[str, str, str]]:
        sql = f"SELECT t.id, t.hlc, t.base_hlc, t.origin FROM {_quote(table.name)} t WHERE t.id = ANY(%s)"
        return {r[0]: (r[1], r[2], r[3]) for r in self.cursor.execute(sql, [ids])}

    def fetch_full(self, table: Table, columns: list[str], ids: list[str]) -> dict[str, dict[str, Any]]:
        picked = ", ".join(self._selected(table, c) for c in columns)
        sql = f"SELECT {picked} FROM {_quote(table.name)} t WHERE t.id = ANY(%s)"
        kinds = [codec.column_kind(table.c[c]) for c in columns]
        out = {}
        for r in self.cursor.execute(sql, [ids]):
            row = {c: (codec.encode(k, v) if k in ("bool", "bytes") else v)
                   for c, k, v in zip(columns, kinds, r, strict=True)}  # fmt: skip
            out[row["id"]] = row
        return out

    def key_holders(self, table: Table, key: tuple[str, ...], values: list[tuple]) -> dict[tuple, str]:
        kinds = [codec.column_kind(table.c[c]) for c in key]
        aliases = [f"k{i}" for i in range(len(key))]
        arrays = ", ".join(f"%s::{ARRAY_TYPES[k]}" for k in kinds)
        on = " AND ".join(f"t.{_quote(c)} = k.{a}" for c, a in zip(key, aliases, strict=True))
        picked = ", ".join(self._selected(table, c) for c in key)
        sql = (
            f"SELECT t.id, {picked} FROM unnest({arrays}) AS k({', '.join(aliases)}) "
            f"JOIN {_quote(table.name)} t ON {on}"
        )
        params = [[v[i] for v in values] for i in range(len(key))]
        return {tuple(r[1:]): r[0] for r in self.cursor.execute(sql, params)}

    # --- writing ---------------------------------------------------------------------------------

    def _stage(self, table: Table) -> str:
        stage = self._staged.get(table.name)
        if stage is None:
            stage = self._staged[table.name] = _quote(f"merge_stage_{table.name}")
            self.cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} "
                f"(LIKE {_quote(table.name)} INCLUDING DEFAULTS) ON COMMIT DROP"
            )
        else:
            self.cursor.execute(f"TRUNCATE {stage}")
        return stage

    def upsert(self, table: Table, columns: list[str], rows: list[list[Any]]) -> None:
        stage = self._stage(table)
        names = ", ".join(_quote(c) for c in columns)
        with self.cursor.copy(f"COPY {stage} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        key = (table.name, tuple(columns))
        sql = self._sql.get(key)
        if sql is None:
            sets = ", ".join(f"{_quote(c)} = excluded.{_quote(c)}" for c in columns if c != "id")
            sql = self._sql[key] = (
                f"INSERT INTO {_quote(table.name)} ({names}) SELECT {names} FROM {stage} "
                f"ON CONFLICT (id) DO UPDATE SET {sets}"
            )
        self.cursor.execute(sql)
