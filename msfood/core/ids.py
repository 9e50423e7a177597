"""Record identifiers: UUIDv5 of a natural key where a record has one, UUIDv7 otherwise.

The same business entered at two stations must be one record after a merge, so its id depends only
on its natural key. Parts are joined with a separator that cannot occur in them.
"""

from __future__ import annotations

import uuid

import uuid_utils

NAMESPACE = uuid.UUID("6f1d1c1e-8a0b-5b7e-9a53-6d73666f6f64")  # fixed forever: ids depend on it


def natural_id(kind: str, *parts: object) -> str:
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return str(uuid.uuid5(NAMESPACE, f"{kind}\x1e{key}"))


def new_id() -> str:
    """A time-ordered UUIDv7 for records without a natural key."""
    return str(uuid_utils.uuid7())
