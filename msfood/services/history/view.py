"""One record's history as people read it: who, when, what was done, and each changed field as
"field: before → after" in their language (msfood.services.history.audit.record_history underneath, the same
entries `msfood audit history` prints).

Field names come from the catalogue (field.*, then station_admin.field.*); codes are shown as their
labels (包保等级 B, 经营状态 停业), references as the name of what they point at (所属区划 清水社区
（430204001001）), dates as dates. The sync bookkeeping (hlc, origin, local_seq...) is left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.db.models import Business, Cadre, Region
from msfood.domain import enums
from msfood.i18n import has, t
from msfood.services.history.audit import action_label, record_history
from msfood.services.writing.permissions import READ, Actor

HIDDEN = frozenset({"id", "hlc", "base_hlc", "origin", "local_seq", "deleted", "entered_at", "updated_at"})
ENUM_OF_FIELD: dict[str, enums.Enum] = {
    "level": enums.LEVEL,
    "grade": enums.GRADE,
    "risk_grade": enums.GRADE,
    "form": enums.BUSINESS_FORM,
    "scale": enums.SCALE,
    "status": enums.BUSINESS_STATUS,
    "mode": enums.VISIT_MODE,
    "kind": enums.SELFCHECK_KIND,
    "sampling_type": enums.SAMPLING_TYPE,
    "result": enums.SAMPLING_RESULT,
    "period_type": enums.PERIOD_TYPE,
    "role": enums.ROLE,
}
FIRST = ("name", "code", "period_key", "credit_code")  # what names the record, shown first in this order
_TABLE_ENUMS: dict[tuple[str, str], enums.Enum] = {("problems", "status"): enums.PROBLEM_STATUS}


@dataclass(frozen=True)
class FieldChange:
    field: str  # the column
    label: str  # its name as people know it
    before: str
    after: str


@dataclass(frozen=True)
class HistoryRow:
    who: str
    when: dt.datetime  # UTC
    action: str  # the code (create, update, ...)
    action_label: str
    table_label: str
    changes: tuple[FieldChange, ...]
    origin: str


def field_name(field: str, lang: str | None = None) -> str:
    for code in (f"field.{field}", f"station_admin.field.{field}"):
        if has(code):
            return t(code, lang)
    return field


class _Names:
    """Names of the records a history refers to (regions, businesses, cadres), looked up once each."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[tuple[str, str], str | None] = {}

    def of(self, field: str, value: str) -> str | None:
        key = (field, value)
        if key not in self.cache:
            self.cache[key] = self._look_up(field, value)
        return self.cache[key]

    def _look_up(self, field: str, value: str) -> str | None:
        if field in ("region_id", "parent_id"):
            row = self.session.execute(select(Region.name, Region.code).where(Region.id == value)).first()
            return f"{row.name}（{row.code}）" if row else None
        if field == "business_id":
            return self.session.scalar(select(Business.name).where(Business.id == value))
        if field == "cadre_id":
            row = self.session.execute(select(Cadre.name, Cadre.phone).where(Cadre.id == value)).first()
            return f"{row.name}（{row.phone}）" if row else None
        return None


def _text(table: str, field: str, value: Any, names: _Names, lang: str | None) -> str:
    if value is None or value == "":
        return t("station_admin.value_empty", lang)
    if isinstance(value, bool):
        return t("station_admin.value_yes" if value else "station_admin.value_no", lang)
    enum = _TABLE_ENUMS.get((table, field)) or ENUM_OF_FIELD.get(field)
    if enum is not None and isinstance(value, str):
        return enum.label(value, lang) or value
    if isinstance(value, str) and field.endswith("_id"):
        return names.of(field, value) or value
    if isinstance(value, str) and len(value) >= 19 and value[10:11] in ("T", " ") and value[:4].isdigit():
        try:  # a stored timestamp (UTC): shown in China time to the minute
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        from msfood.core.clock import CHINA

        moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
        return f"{moment.astimezone(CHINA):%Y-%m-%d %H:%M}"
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    return str(value)


def record_history_view(
    session: Session, record_id: str, *, actor: Actor, lang: str | None = None
) -> list[HistoryRow]:
    """Every change of one record, oldest first, in words (needs READ, like `msfood audit history`)."""
    actor.require(READ)
    names = _Names(session)
    rows = []
    for entry in record_history(session, record_id):
        changes = []
        before, after = entry.before or {}, entry.after or {}
        for field in sorted(
            entry.changed_fields(), key=lambda f: (FIRST.index(f) if f in FIRST else len(FIRST), f)
        ):
            if field in HIDDEN or field.endswith("_initials"):  # bookkeeping and search helpers
                continue
            if entry.before is None and after.get(field) in (None, "", []):
                continue  # a new record: only the values it was given
            changes.append(FieldChange(
                field, field_name(field, lang),
                _text(entry.table_name, field, before.get(field), names, lang) if entry.before else "",
                _text(entry.table_name, field, after.get(field), names, lang) if entry.after else "",
            ))  # fmt: skip
        table_code = f"sync.table.{entry.table_name}"
        table = t(table_code, lang) if has(table_code) else entry.table_name
        rows.append(HistoryRow(entry.who, entry.when, entry.action, action_label(entry.action, lang), table,
                               tuple(changes), entry.origin))  # fmt: skip
    return rows
