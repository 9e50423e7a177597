"""How a synced row travels: JSON values per column kind, and back to what the database stores.

In `data/<table>.jsonl` a row is a JSON array in the order of the manifest's column list. Values:
text and numbers as they are, booleans as true/false, dates as `YYYY-MM-DD`, date-times (naive UTC)
as `YYYY-MM-DD HH:MM:SS.ffffff` (what SQLite stores, so the SQLite merge binds them unchanged).
Every value is checked against its column's kind before it is written: a signed bundle from a
trusted unit is still input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, LargeBinary, Numeric, Table

# Columns a bundle never carries: this database's own change counter.
LOCAL_COLUMNS = frozenset({"local_seq"})


def column_kind(column: Any) -> str:
    kind = column.type
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, DateTime):
        return "datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Integer):
        return "int"
    if isinstance(kind, Float | Numeric):
        return "float"
    if isinstance(kind, LargeBinary):
        return "bytes"
    return "str"


def exported_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name not in LOCAL_COLUMNS]


def kinds_of(table: Table) -> dict[str, str]:
    return {c.name: column_kind(c) for c in table.columns}


# --- database value -> JSON value ---------------------------------------------------------------


def encode(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "datetime":
        if isinstance(value, str):
            return _storage_datetime(value)
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(" ", "microseconds")
    if kind == "date":
        return value if isinstance(value, str) else value.isoformat()
    if kind == "bool":
        return bool(value)
    if kind == "bytes":
        return bytes(value).hex()
    return value


def encoder(kinds: Sequence[str]) -> Callable[[Sequence[Any]], list[Any]]:
    plain = {"str", "int", "float"}
    if all(k in plain for k in kinds):
        return list
    pairs = list(enumerate(kinds))

    def run(values: Sequence[Any]) -> list[Any]:
        out = list(values)
        for i, kind in pairs:
            if kind not in plain and out[i] is not None:
                out[i] = encode(kind, out[i])
        return out

    return run


# --- JSON value -> stored value (checked) -------------------------------------------------------


def _storage_datetime(text: str) -> str:
    if len(text) == 26 and text[10] == " ":
        # The stored form already: checked by parsing it back to itself (fromisoformat is C code;
        # strptime took a third of a merge's time).
        parsed = dt.datetime.fromisoformat(text)
        if parsed.tzinfo is None and parsed.isoformat(" ", "microseconds") == text:
            return text
    parsed = dt.datetime.fromisoformat(text)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed.isoformat(" ", "microseconds")


def _check_str(value: Any) -> Any:
    if type(value) is not str:
        raise ValueError
    return value


def _check_int(value: Any) -> Any:
    if type(value) is not int:
        raise ValueError
    return value


def _check_bool(value: Any) -> Any:
    if type(value) is not bool:
        raise ValueError
    return value


def _check_float(value: Any) -> Any:
    if type(value) not in (int, float):
        raise ValueError
    return value


def _check_date(value: Any) -> Any:
    if type(value) is not str or len(value) != 10:
        raise ValueError
    dt.date.fromisoformat(value)
    return value


def _check_datetime(value: Any) -> Any:
    if type(value) is not str:
        raise ValueError
    return _storage_datetime(value)


def _check_bytes(value: Any) -> Any:
    if type(value) is not str:
        raise ValueError
    return bytes.fromhex(value)


STORED: dict[str, Callable[[Any], Any]] = {
    "str": _check_str,
    "int": _check_int,
    "bool": _check_bool,
    "float": _check_float,
    "date": _check_date,
    "datetime": _check_datetime,
    "bytes": _check_bytes,
}

PYTHON: dict[str, Callable[[Any], Any]] = {
    "str": lambda v: v,
    "int": lambda v: v,
    "bool": lambda v: bool(v),
    "float": lambda v: v,
    "date": lambda v: dt.date.fromisoformat(v),
    "datetime": lambda v: dt.datetime.fromisoformat(v).replace(tzinfo=None),
    "bytes": lambda v: v,
}


def checker(kinds: Sequence[str]) -> Callable[[list[Any]], list[Any]]:
    """A function that checks a decoded row in place (raising ValueError) and returns it in the form
    SQLite stores (dates and date-times as text)."""
    # Text and integers (most columns) are checked inline, without a call per value.
    texts = tuple(i for i, k in enumerate(kinds) if k == "str")
    ints = tuple(i for i, k in enumerate(kinds) if k == "int")
    checks = [(i, STORED[k]) for i, k in enumerate(kinds) if k not in ("str", "int")]
    # Dates and entry times repeat (a day's records, one import's rows): each text is checked once.
    known: dict[Any, Any] = {}

    def run(values: list[Any]) -> list[Any]:
        for i in texts:
            value = values[i]
            if value is not None and type(value) is not str:
                raise ValueError
        for i in ints:
            value = values[i]
            if value is not None and type(value) is not int:
                raise ValueError
        for i, check in checks:
            value = values[i]
            if value is not None:
                key = (i, value) if type(value) is str else None
                if key is not None and key in known:
                    values[i] = known[key]
                    continue
                values[i] = checked = check(value)
                if key is not None:
                    if len(known) > 65536:
                        known.clear()
                    known[key] = checked
        return values

    return run


def to_python(kinds: Sequence[str], values: Sequence[Any]) -> list[Any]:
    """A checked row (stored form) -> Python values, for SQLAlchemy Core (PostgreSQL) and services."""
    return [None if v is None else PYTHON[k](v) for k, v in zip(kinds, values, strict=True)]


def row_to_json(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A row (any form: Python values or SQLite's stored ones) as the JSON a bundle or conflict keeps."""
    kinds = kinds_of(table)
    return {name: encode(kinds[name], row.get(name)) for name in exported_columns(table) if name in row}


def json_to_python(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A JSON row (from a conflict) -> Python values to hand to UnitOfWork.upsert."""
    kinds = kinds_of(table)
    out = {}
    for name, value in row.items():
        if name in kinds and name not in LOCAL_COLUMNS:
            out[name] = None if value is None else PYTHON[kinds[name]](STORED[kinds[name]](value))
    return out


class BadValue(ValueError):
    """A value that does not fit its column: `row` is its position in the chunk checked."""

    def __init__(self, row: int) -> None:
        super().__init__(row)
        self.row = row


_NONE = type(None)
_TYPES: dict[str, frozenset[type]] = {
    "str": frozenset({str}),
    "int": frozenset({int}),
    "bool": frozenset({bool}),
    "float": frozenset({int, float}),
    "date": frozenset({str}),
    "datetime": frozenset({str}),
    "bytes": frozenset({str}),
}


def chunk_checker(kinds: Sequence[str], required: Sequence[int] = ()) -> Callable[[list[list[Any]]], None]:
    """Checks a chunk of decoded rows column by column (in place, like `checker`): the types of a
    column in one pass, dates and date-times once per distinct text (a day's records share them), NOT
    NULL columns. Raises BadValue naming the first bad row. Much cheaper than a call per value."""
    columns = list(enumerate(kinds))
    needed = frozenset(required)

    def first_bad(chunk: list[list[Any]], i: int, ok: Callable[[Any], bool]) -> int:
        return next(n for n, row in enumerate(chunk) if not ok(row[i]))

    def run(chunk: list[list[Any]]) -> None:
        for i, kind in columns:
            values = [row[i] for row in chunk]
            if i in needed and None in values:
                raise BadValue(values.index(None))
            allowed = _TYPES[kind]
            types = set(map(type, values))
            types.discard(_NONE)
            if not types <= allowed:
                raise BadValue(first_bad(chunk, i, lambda v, a=allowed: v is None or type(v) in a))
            if kind in ("date", "datetime", "bytes"):
                check = STORED[kind]
                fixed: dict[Any, Any] = {}
                for value in set(values):
                    if value is None:
                        continue
                    try:
                        stored = check(value)
                    except (ValueError, TypeError):
                        raise BadValue(first_bad(chunk, i, lambda v, bad=value: v != bad)) from None
                    if stored != value or type(stored) is not type(value):
                        fixed[value] = stored
                if fixed:
                    for row in chunk:
                        if row[i] in fixed:
                            row[i] = fixed[row[i]]

    return run
