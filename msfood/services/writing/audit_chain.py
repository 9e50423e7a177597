"""How a row and an audit entry are written down: canonical JSON of a record's content columns, and
the SHA-256 chain that links each audit entry to the one before (the format the history verifies).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table

from msfood.db.base import SYNC_COLUMNS


def json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _json_default(value: Any) -> Any:
    """json.dumps' fallback: what json_value makes of a value JSON has no type for (a date, bytes).

    The values JSON knows (text, numbers, booleans, None) are written by json's C encoder itself, so
    the text is the same as converting every value with json_value first, only cheaper."""
    converted = json_value(value)
    if converted is value:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    return converted


def content_columns(table: Table) -> list[str]:
    """The columns that say what a record is (everything but the replication bookkeeping)."""
    return [c.name for c in table.columns if c.name not in SYNC_COLUMNS or c.name in ("id", "deleted")]


def row_json(row: Mapping[str, Any], columns: Iterable[str]) -> str:
    get = row.get
    return json.dumps(
        {c: get(c) for c in columns},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=_json_default,
    )


AUDIT_FIELDS = ("origin", "seq", "actor", "at", "action", "table_name", "record_id", "before", "after")


def chain_hash(prev_hash: str, values: Sequence[Any]) -> str:
    """The SHA-256 of an audit entry's values (in AUDIT_FIELDS order) chained to the one before."""
    payload = json.dumps([prev_hash, *values], ensure_ascii=False, default=_json_default)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def audit_hash(prev_hash: str, entry: Mapping[str, Any]) -> str:
    """The SHA-256 of an audit entry chained to the one before (the format verify_chain checks)."""
    get = entry.get
    return chain_hash(prev_hash, [get(f) for f in AUDIT_FIELDS])
