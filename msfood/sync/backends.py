"""Where merged rows are read and written: SQLite through the session's own DB-API cursor, or any
database (PostgreSQL) through SQLAlchemy Core with the dialect's INSERT ... ON CONFLICT.

On SQLite the rows are bound as SQLite stores them (dates and date-times as text), in the session's
own transaction; key lookups join from the keys so the table's unique index is used.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session


class SqliteBackend:
    """Binds rows as SQLite stores them, on the session's own DB-API connection."""

    python_values = False

    def __init__(self, session: Session) -> None:
        self.raw = session.connection().connection.driver_connection
        self.cursor = self.raw.cursor()  # type: ignore[union-attr]
        self.cursor.execute("PRAGMA defer_foreign_keys=ON")
        self._sql: dict[tuple[str, ...] | tuple[str, str, tuple[str, ...]], str] = {}

    def fetch_sync(self, table: Table, ids: list[str]) -> dict[str, tuple[str, str, str]]:
        sql = f'SELECT id, hlc, base_hlc, origin FROM "{table.name}" WHERE id IN ({",".join("?" * len(ids))})'
        return {r[0]: (r[1], r[2], r[3]) for r in self.cursor.execute(sql, ids)}

    def fetch_full(self, table: Table, columns: list[str], ids: list[str]) -> dict[str, dict[str, Any]]:
        names = ",".join(f'"{c}"' for c in columns)
        sql = f'SELECT {names} FROM "{table.name}" WHERE id IN ({",".join("?" * len(ids))})'
        out = {}
        for r in self.cursor.execute(sql, ids):
            row = dict(zip(columns, r, strict=True))
            out[row["id"]] = row
        return out

    def key_holders(self, table: Table, key: tuple[str, ...], values: list[tuple]) -> dict[tuple, str]:
        names = ",".join(f'"{c}"' for c in key)
        if len(key) == 1:
            where = f'"{key[0]}" IN ({",".join("?" * len(values))})'
            params = [v[0] for v in values]
            sql = f'SELECT id, {names} FROM "{table.name}" WHERE {where}'
        else:
            # A row-value IN (VALUES ...) would scan the table; a join from the keys uses its index.
            group = "(" + ",".join("?" * len(key)) + ")"
            aliases = [f"k{i}" for i in range(len(key))]
            on = " AND ".join(f't."{c}" = k.{a}' for c, a in zip(key, aliases, strict=True))
            picked = ",".join(f't."{c}"' for c in key)
            sql = (
                f"WITH k({','.join(aliases)}) AS (VALUES {','.join([group] * len(values))}) "
                f'SELECT t.id, {picked} FROM k CROSS JOIN "{table.name}" t ON {on}'
            )
            params = [x for v in values for x in v]
        return {tuple(r[1:]): r[0] for r in self.cursor.execute(sql, params)}

    def insert_new(self, table: Table, columns: list[str], rows: list[tuple[Any, ...]]) -> int:
        """Insert `rows` in order while each is new: stops at the first whose id, or a natural key it
        takes, is held already (that row is not written: SQLite undoes just its statement). Returns
        how many were inserted. No lookups first: the usual bundle brings records the bureau lacks."""
        key = ("new", table.name, tuple(columns))
        sql = self._sql.get(key)
        if sql is None:
            names = ",".join(f'"{c}"' for c in columns)
            sql = self._sql[key] = (
                f'INSERT INTO "{table.name}" ({names}) VALUES ({",".join("?" * len(columns))})'
            )
        taken = itertools.count()  # counts the rows executemany has taken, at C speed
        try:
            self.cursor.executemany(sql, map(itemgetter(0), zip(rows, taken, strict=False)))
        except sqlite3.IntegrityError:  # the row taken last is not new
            return next(taken) - 1
        return len(rows)

    def upsert(self, table: Table, columns: list[str], rows: Iterable[Sequence[Any]]) -> None:
        key = (table.name, tuple(columns))
        sql = self._sql.get(key)
        if sql is None:
            names = ",".join(f'"{c}"' for c in columns)
            sets = ",".join(f'"{c}"=excluded."{c}"' for c in columns if c != "id")
            sql = (
                f'INSERT INTO "{table.name}" ({names}) VALUES ({",".join("?" * len(columns))}) '
                f"ON CONFLICT(id) DO UPDATE SET {sets}"
            )
            self._sql[key] = sql
        self.cursor.executemany(sql, rows)


class CoreBackend:
    """SQLAlchemy Core with the dialect's INSERT ... ON CONFLICT (PostgreSQL, or SQLite when asked)."""

    python_values = True

    def __init__(self, session: Session) -> None:
        self.session = session
        name = session.get_bind().dialect.name
        if name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        self.insert = insert
        if name == "sqlite":
            session.execute(select(1))
            session.connection().exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        elif name == "postgresql":  # references are checked at the end (check_foreign_keys, commit)
            session.connection().exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")

    def fetch_sync(self, table: Table, ids: list[str]) -> dict[str, tuple[str, str, str]]:
        query = select(table.c.id, table.c.hlc, table.c.base_hlc, table.c.origin).where(table.c.id.in_(ids))
        return {r[0]: (r[1], r[2], r[3]) for r in self.session.execute(query)}

    def fetch_full(self, table: Table, columns: list[str], ids: list[str]) -> dict[str, dict[str, Any]]:
        query = select(*(table.c[c] for c in columns)).where(table.c.id.in_(ids))
        return {r["id"]: dict(r) for r in self.session.execute(query).mappings()}

    def key_holders(self, table: Table, key: tuple[str, ...], values: list[tuple]) -> dict[tuple, str]:
        from sqlalchemy import tuple_

        cols = [table.c[c] for c in key]
        where = cols[0].in_([v[0] for v in values]) if len(key) == 1 else tuple_(*cols).in_(values)
        return {tuple(r[1:]): r[0] for r in self.session.execute(select(table.c.id, *cols).where(where))}

    def upsert(self, table: Table, columns: list[str], rows: Iterable[Sequence[Any]]) -> None:
        statement = self.insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.id], set_={c: statement.excluded[c] for c in columns if c != "id"}
        )
        self.session.execute(statement, [dict(zip(columns, r, strict=True)) for r in rows])


def make_backend(session: Session, *, prefer_core: bool = False) -> Any:
    name = session.get_bind().dialect.name
    if name == "sqlite" and not prefer_core:
        return SqliteBackend(session)
    if name == "postgresql" and not prefer_core:  # COPY and one upsert per chunk (msfood.sync.pg_backend)
        from msfood.sync.pg_backend import PostgresBackend

        return PostgresBackend(session)
    return CoreBackend(session)
