"""The unit a database belongs to, as its `meta` rows name it (read by new_unit through SQLAlchemy and
by first_paint through sqlite3: both decide here)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from msfood.core.errors import EnvironmentProblem

UNIT_KEYS = ("unit_code", "unit_name", "unit_kind", "region_code")


@dataclass(frozen=True)
class UnitIdentity:
    code: str
    name: str
    kind: str
    region_code: str | None


def identity_from(rows: Iterable[tuple[str, str]]) -> UnitIdentity:
    """The identity from the (key, value) meta rows of UNIT_KEYS; "db.not_initialised" without a code."""
    values: dict[str, str] = dict(rows)
    if "unit_code" not in values:
        raise EnvironmentProblem("db.not_initialised")
    return UnitIdentity(values["unit_code"], values.get("unit_name", ""), values.get("unit_kind", "station"),
                        values.get("region_code") or None)  # fmt: skip
