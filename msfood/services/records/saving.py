"""What the per-aggregate services share: the Saved result, saving one record, tombstoning records.

A form saves the whole record it shows: a blank optional field clears the stored value (unlike a
workbook, where a blank cell leaves it as it is). Every function checks the actor's permission first,
so a viewer is refused whatever the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select

from msfood.core.errors import Issue, NotFoundError, ValidationError
from msfood.i18n import t
from msfood.services import records
from msfood.services.records.shapes import Cleaned
from msfood.services.records.values import is_blank
from msfood.services.writing.unit_of_work import NEW, UNCHANGED, UPDATED, UnitOfWork, _column_default

DELETED = "deleted"


@dataclass(frozen=True)
class Saved:
    """The result of one action: the record's id, new/updated/unchanged/deleted, warnings to show,
    and the tables it changed (screens refresh only what changed)."""

    id: str
    outcome: str
    warnings: tuple[Issue, ...] = ()
    tables: frozenset[str] = field(default_factory=frozenset)


def refs_for(uow: UnitOfWork) -> records.Refs:
    return records.Refs(uow.session, today=uow.today)


def not_found(what: str) -> NotFoundError:
    return NotFoundError(what=t(f"what.{what}"))


def live_row(uow_or_session: Any, table: Table, record_id: str | None, what: str) -> dict[str, Any]:
    """The stored record, or NotFoundError when it is missing or deleted."""
    session = getattr(uow_or_session, "session", uow_or_session)
    row = None
    if record_id:
        row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    if row is None or row["deleted"]:
        raise not_found(what)
    return dict(row)


def clear_blanks(kind: str, raw: Mapping[str, Any], cleaned: Cleaned) -> None:
    """A form's blank optional field clears the column (None, or the column's default)."""
    table = records.KIND_TABLE[kind]
    for spec in records.specs_of(kind):
        if spec.required or spec.name not in table.c or spec.name in cleaned.values:
            continue
        if spec.name in raw and is_blank(raw[spec.name]):
            column = table.c[spec.name]
            cleaned.values[spec.name] = None if column.nullable else _column_default(column)


def collect(issues: list[Issue], action: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a validation step, adding its issues to the list instead of stopping."""
    try:
        return action(*args, **kwargs)
    except ValidationError as error:
        issues.extend(error.issues)
        return None


def write(uow: UnitOfWork, cleaned: Cleaned) -> Saved:
    """Apply one cleaned record and say what happened to it (its children count as an update)."""
    before = sum(uow.counts[k] for k in (NEW, UPDATED))
    counts = records.apply(uow, [cleaned])
    outcome = NEW if counts[NEW] else UPDATED if counts[UPDATED] else UNCHANGED
    if outcome == UNCHANGED and sum(uow.counts[k] for k in (NEW, UPDATED)) > before:
        outcome = UPDATED
    return Saved(cleaned.id, outcome, tuple(cleaned.warnings), frozenset(uow.changed_tables))


def save_record(
    uow: UnitOfWork,
    kind: str,
    raw: Mapping[str, Any],
    *,
    record_id: str | None = None,
    what: str | None = None,
    form: bool = True,
) -> Saved:
    """Check permission, clean one record (editing `record_id` when given) and write it."""
    uow.actor.require(records.KIND_PERMISSION[kind])
    if record_id is not None:
        live_row(uow, records.KIND_TABLE[kind], record_id, what or kind)
    cleaned = records.clean(kind, raw, refs_for(uow), record_id=record_id)
    if form:
        clear_blanks(kind, raw, cleaned)
    return write(uow, cleaned)


def tombstone(uow: UnitOfWork, table: Table, ids: Iterable[str]) -> int:
    return sum(1 for record_id in ids if uow.delete(table, record_id))


def live_ids(uow: UnitOfWork, table: Table, **where: Any) -> list[str]:
    condition = [table.c[name] == value for name, value in where.items()]
    return list(uow.session.scalars(select(table.c.id).where(*condition, table.c.deleted.is_(False))))


def delete_record(
    uow: UnitOfWork,
    table: Table,
    record_id: str,
    *,
    what: str,
    permission: str,
    dependants: Iterable[tuple[Table, str]] = (),
) -> Saved:
    """Tombstone a record and the live rows of `dependants` (table, column) pointing at it."""
    uow.actor.require(permission)
    live_row(uow, table, record_id, what)
    for child, column in dependants:
        tombstone(uow, child, live_ids(uow, child, **{column: record_id}))
    uow.delete(table, record_id)
    return Saved(record_id, DELETED, (), frozenset(uow.changed_tables))
