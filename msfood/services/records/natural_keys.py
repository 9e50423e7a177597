"""Finding the row that holds a natural key (or the natural id itself), one plain SQL statement per
lookup: an import resolves tens of thousands of keys, so the statements are made once and cached.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, TextClause, bindparam, text


@lru_cache(maxsize=64)
def _resolver(table: Table, names: tuple[str, ...], nulls: frozenset[str]) -> TextClause:
    """A plain SQL lookup by natural key (cheaper than building a select() per row of an import)."""
    condition = " AND ".join(f"{n} IS NULL" if n in nulls else f"{n} = :k_{n}" for n in names)
    sql = (
        f"SELECT id, deleted, CASE WHEN {condition} THEN 1 ELSE 0 END "
        f"FROM {table.name} WHERE ({condition}) OR id = :natural"
    )
    binds = [bindparam(f"k_{n}", type_=table.c[n].type) for n in names if n not in nulls]
    return text(sql).bindparams(*binds, bindparam("natural", type_=table.c.id.type))


@lru_cache(maxsize=64)
def _sqlite_resolver(table: str, names: tuple[str, ...], nulls: frozenset[str]) -> str:
    condition = " AND ".join(f"{n} IS NULL" if n in nulls else f"{n} = ?" for n in names)
    match = f"CASE WHEN {condition} THEN 1 ELSE 0 END"
    return f"SELECT id, deleted, {match} FROM {table} WHERE ({condition}) OR id = ?"


def _sqlite_value(value: Any) -> Any:
    """A key value as SQLAlchemy stores it in SQLite (dates as ISO text, booleans as 0/1)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def resolve_rows(
    connection: Any, table: Table, natural: str, key: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """(id, deleted, key matches) of the rows holding the key or the id `natural`, through SQLAlchemy."""
    names, nulls = tuple(key), frozenset(n for n, v in key.items() if v is None)
    params = {f"k_{name}": value for name, value in key.items() if value is not None}
    statement = _resolver(table, names, nulls)
    return [tuple(r) for r in connection.execute(statement, {**params, "natural": natural})]


def resolve_rows_sqlite(
    connection: Any, table: Table, natural: str, key: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """The same on SQLite's own cursor (same transaction), a few times faster per row."""
    names, nulls = tuple(key), frozenset(n for n, v in key.items() if v is None)
    args = [_sqlite_value(key[n]) for n in names if n not in nulls]
    cursor = connection.connection.driver_connection.cursor()
    statement = _sqlite_resolver(table.name, names, nulls)
    return list(cursor.execute(statement, [*args, *args, natural]).fetchall())
