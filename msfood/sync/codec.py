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


def column_checker(
    kinds: Sequence[str], required: Sequence[int] = ()
) -> Callable[[Sequence[Sequence[Any]], bool], dict[int, dict[Any, Any]]]:
    """Checks a chunk's values column by column (`columns`: the chunk transposed): NOT NULL and the
    types of a column in one pass (skipped for a block the typed decoder checked already), dates and
    date-times once per distinct text. Returns the values to replace (column -> {given: stored}),
    usually none; raises BadValue naming the first bad row."""
    needed = frozenset(required)
    special = {"date", "datetime", "bytes"}

    def first_bad(values: Sequence[Any], ok: Callable[[Any], bool]) -> int:
        return next(n for n, v in enumerate(values) if not ok(v))

    def mistyped(allowed: frozenset[type]) -> Callable[[Any], bool]:
        return lambda v: v is None or type(v) in allowed

    def other_than(bad: Any) -> Callable[[Any], bool]:
        return lambda v: v != bad

    def run(columns: Sequence[Sequence[Any]], typed: bool) -> dict[int, dict[Any, Any]]:
        fixes: dict[int, dict[Any, Any]] = {}
        for i, kind in enumerate(kinds):
            values = columns[i]
            if not typed:
                if i in needed and None in values:
                    raise BadValue(values.index(None))
                allowed = _TYPES[kind]
                types = set(map(type, values))
                types.discard(_NONE)
                if not types <= allowed:
                    raise BadValue(first_bad(values, mistyped(allowed)))
            if kind in special:
                check = STORED[kind]
                fixed: dict[Any, Any] = {}
                for value in set(values):
                    if value is None:
                        continue
                    try:
                        stored = check(value)
                    except (ValueError, TypeError):
                        raise BadValue(first_bad(values, other_than(value))) from None
                    if stored != value or type(stored) is not type(value):
                        fixed[value] = stored
                if fixed:
                    fixes[i] = fixed
        return fixes

    return run


# --- the typed fast path ------------------------------------------------------------------------

# A float column takes JSON integers as they are (as the plain decoder does: an integer too large for
# the database is then refused binding it, not rounded into a float).
_DECODED = {
    "str": str,
    "int": int,
    "bool": bool,
    "float": int | float,
    "date": str,
    "datetime": str,
    "bytes": str,
}


def block_decoder(table: Table, columns: Sequence[str]) -> Callable[[bytes, int], list[Any] | None] | None:
    """A decoder of a block of JSON lines (rows of `columns`) that checks, in C as it parses, each
    row's width, each value's type and NOT NULL, and the per-column rules of msfood.sync.rules (codes,
    lengths, formats). It returns the rows (tuples), or None when anything in the block is off: the
    caller then decodes the block plainly and its own checks name the bad line or records. None
    instead of a decoder when msgspec is not installed."""
    try:
        import msgspec
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    from typing import Annotated, Literal

    from msfood.sync.column_rules import column_rule

    types: list[Any] = []
    for name in columns:
        column = table.c[name]
        kind: Any = _DECODED[column_kind(column)]
        rule = column_rule(table, name) if kind is str else None
        if rule is not None and rule.codes is not None:
            kind = Literal[tuple(sorted(rule.codes))]
        elif rule is not None:
            meta: dict[str, Any] = {"max_length": rule.max_len} if rule.max_len is not None else {}
            if rule.pattern is not None:
                meta["pattern"] = rule.pattern
            kind = Annotated[str, msgspec.Meta(**meta)]
        types.append(kind | None if column.nullable else kind)
    decoder = msgspec.json.Decoder(list[tuple[tuple(types)]])  # type: ignore[misc]
    failed = (msgspec.MsgspecError, ValueError)  # invalid UTF-8 raises UnicodeDecodeError

    def run(lines: bytes, count: int) -> list[Any] | None:
        try:
            rows = decoder.decode(b"[" + lines.replace(b"\n", b",") + b"]")
        except failed:  # ValidationError included
            return None
        return rows if len(rows) == count else None

    return run
