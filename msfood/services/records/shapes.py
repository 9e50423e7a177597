"""The shapes shared by the record specs and the per-kind cleaners: a field's spec, a cleaned record,
and what a reference (a cadre, business, region, assignment) resolves to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table

from msfood.core.errors import Issue
from msfood.domain.enums import Enum


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record kind, in the workbook's column order.

    `type` is one of: text, date, int, float, bool, enum, credit_code, licence, division, mobile,
    rest_days. `header` is the workbook column (INTERFACES.md section 2), without the `*`.
    A `licence` cell is only normalised here (trimmed, upper-case); its format is checked where the
    business is known not to be a stall entered by its local number.
    """

    name: str
    type: str
    required: bool = False
    enum: Enum | None = None
    max_len: int | None = None
    header: str = ""


@dataclass(frozen=True)
class Prune:
    """After writing a record's children: tombstone the rows of `table` whose `column` is `parent_id`
    and whose id is not in `keep` (a visit re-entered with fewer problems drops the extra ones)."""

    table: Table
    column: str
    parent_id: str
    keep: frozenset[str]


@dataclass
class Cleaned:
    """A validated record, ready to write.

    `values`: the row for the kind's table with its "id", typed, only the columns given (a blank
    optional cell is absent, so it leaves the stored value as it is). `children`: dependent rows
    (a business's status, a visit's problems), written after the parents. `values["id"]` is the
    record's identity: two rows of one import with the same id repeat a natural key.
    """

    kind: str
    values: dict[str, Any]
    children: list[tuple[Table, dict[str, Any]]] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    prune: list[Prune] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.values["id"])


@dataclass(frozen=True)
class CadreRef:
    id: str
    level: str
    name: str = ""
    phone: str = ""
    region_id: str | None = None
    deleted: bool = False


@dataclass(frozen=True)
class BusinessRef:
    id: str
    name: str = ""
    credit_code: str | None = None
    licence_no: str | None = None
    form: str = ""
    grade: str = ""
    high_risk: bool = False
    region_id: str | None = None
    deleted: bool = False


@dataclass(frozen=True)
class RegionRef:
    id: str
    code: str
    parent_id: str | None
    deleted: bool = False


@dataclass(frozen=True)
class AssignmentRef:
    id: str
    cadre_id: str
    business_id: str
    start_date: dt.date
    end_date: dt.date | None

    def active_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)
