"""The unit of work: one user action in one transaction, with the sync columns and the audit trail.

Every write in msfood goes through `UnitOfWork.upsert`, `upsert_many` or `delete`: they stamp the
sync columns (hlc, base_hlc, origin, local_seq, entered_at), keep tombstones instead of deleting, and
chain an audit entry per change. Bulk work (imports) uses `upsert_many`: Core executemany in chunks,
never one ORM insert per row.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, bindparam, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from msfood.core.clock import Clock
from msfood.core.errors import EnvironmentProblem
from msfood.core.hlc import HybridClock, parse_hlc
from msfood.core.ids import new_id
from msfood.db.base import Base
from msfood.db.models import AuditEntry, Meta
from msfood.services.writing.audit_chain import chain_hash, content_columns, row_json
from msfood.services.writing.permissions import SYSTEM, Actor

CHUNK = 500
WRITER_LOCK = 4302_0001  # the PostgreSQL advisory lock a unit of work holds (any number, fixed)
NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"

# A guard sees (table, before, after) for every change and may raise (closed periods use this).
Guard = Callable[[Table, Mapping[str, Any] | None, Mapping[str, Any]], None]


def read_meta(session: Session) -> dict[str, str]:
    return {m.key: m.value for m in session.scalars(select(Meta))}


def write_meta(session: Session, values: Mapping[str, str]) -> None:
    for key, value in values.items():
        session.merge(Meta(key=key, value=value))


def _column_default(column: Any) -> Any:
    default = column.default
    if default is not None and default.is_scalar:
        return default.arg
    return None


_DEFAULTS: dict[Table, dict[str, Any]] = {}


def _defaults(table: Table) -> dict[str, Any]:
    """Every column of a new row with its scalar default (None when it has none), once per table."""
    found = _DEFAULTS.get(table)
    if found is None:
        found = _DEFAULTS[table] = {c.name: _column_default(c) for c in table.columns}
    return found


_INSERTS: dict[tuple[Table, tuple[str, ...]], tuple[str, list[tuple[int, Any]]]] = {}


def _sqlite_insert(table: Table, names: tuple[str, ...], dialect: Any) -> tuple[str, list[tuple[int, Any]]]:
    """The INSERT of these columns in the driver's own form, and the columns' bind processors (the
    ones SQLAlchemy would apply: dates as ISO text, booleans as 0/1), made once per table."""
    plan = _INSERTS.get((table, names))
    if plan is None:
        quote = dialect.identifier_preparer.quote
        sql = (
            f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
            f"({', '.join(quote(n) for n in names)}) VALUES ({', '.join('?' for _ in names)})"
        )
        processors = []
        for index, name in enumerate(names):
            processor = table.c[name].type._cached_bind_processor(dialect)
            if processor is not None:
                processors.append((index, processor))
        plan = _INSERTS[(table, names)] = (sql, processors)
    return plan


class UnitOfWork:
    """One action: the session, who acts, the clock; stamps and audits every change it writes."""

    def __init__(self, session: Session, *, actor: Actor = SYSTEM, clock: Clock | None = None) -> None:
        self.session = session
        self.actor = actor
        self.clock = clock or Clock()
        self.guards: list[Guard] = []
        self.counts: Counter[str] = Counter()
        self.changed_tables: set[str] = set()
        if session.get_bind().dialect.name == "postgresql":
            # One writer at a time, as SQLite's BEGIN IMMEDIATE gives: the clock and counters read
            # from meta here are written back at the end. Held until the transaction ends.
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
        meta = read_meta(session)
        if "unit_code" not in meta:
            raise EnvironmentProblem("db.not_initialised")
        self.meta = meta
        self.unit = meta["unit_code"]
        self.hlc = HybridClock(self.unit)
        if meta.get("hlc"):
            ms, counter, _ = parse_hlc(meta["hlc"])
            self.hlc.last_ms, self.hlc.last_counter = ms, counter
        self.local_seq = int(meta.get("local_seq", "0"))
        self.audit_seq = int(meta.get("audit_seq", "0"))
        self.audit_head = meta.get("audit_head", "")
        self._audit_rows: list[dict[str, Any]] = []
        self.now = self.clock.now().astimezone(dt.UTC).replace(tzinfo=None)
        self.today = self.clock.current_date()  # the real date: MSFOOD_NOW only moves figures

    # --- stamps -----------------------------------------------------------------------------------

    def stamp(self) -> str:
        return self.hlc.tick(int(self.clock.now().timestamp() * 1000))

    def next_seq(self) -> int:
        self.local_seq += 1
        return self.local_seq

    # --- writing ----------------------------------------------------------------------------------

    def get(self, table: Table, record_id: str) -> dict[str, Any] | None:
        row = self.session.execute(select(table).where(table.c.id == record_id)).mappings().first()
        return dict(row) if row else None

    def upsert(self, table: Table, values: Mapping[str, Any], *, action: str | None = None) -> str:
        """Create or change one record (values hold its id and the columns to set). Returns NEW,
        UPDATED or UNCHANGED. Columns not given keep their stored value (or default, when new)."""
        return self.upsert_many(table, [values], action=action)[0]

    def upsert_many(
        self, table: Table, rows: list[Mapping[str, Any]], *, action: str | None = None
    ) -> list[str]:
        outcomes: list[str] = []
        columns = content_columns(table)
        defaults = _defaults(table)
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            ids = [r["id"] for r in chunk]
            existing = {
                r["id"]: dict(r)
                for r in self.session.execute(select(table).where(table.c.id.in_(ids))).mappings()
            }
            inserts: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            for values in chunk:
                before = existing.get(values["id"])
                if before is None:
                    row = dict(defaults)
                    row.update(values)
                    row.setdefault("deleted", False)
                    if row["deleted"] is None:
                        row["deleted"] = False
                    self._check_guards(table, None, row)
                    row.update(
                        hlc=self.stamp(),
                        base_hlc="",
                        origin=self.unit,
                        entered_at=self.now,
                        local_seq=self.next_seq(),
                    )
                    inserts.append(row)
                    existing[row["id"]] = row  # a later duplicate in the same batch updates it
                    self._audit(action or "create", table, row["id"], None, row, columns)
                    outcomes.append(NEW)
                    continue
                after = dict(before)
                after.update(values)
                if "deleted" not in values:
                    after["deleted"] = False  # writing a record brings a tombstoned one back
                if all(after.get(c) == before.get(c) for c in columns):
                    outcomes.append(UNCHANGED)
                    continue
                self._check_guards(table, before, after)
                after.update(
                    hlc=self.stamp(), base_hlc=before["hlc"], origin=self.unit, local_seq=self.next_seq()
                )
                pending = next((r for r in inserts if r["id"] == after["id"]), None)
                if pending is not None:
                    pending.update(after)
                else:
                    updates.append(after)
                existing[after["id"]] = after
                kind = action or ("delete" if after["deleted"] and not before["deleted"] else "update")
                self._audit(kind, table, after["id"], before, after, columns)
                outcomes.append(UPDATED)
            if inserts:
                self._insert(table, inserts)
            if updates:
                names = [c.name for c in table.columns if c.name != "id"]
                statement = (
                    update(table)
                    .where(table.c.id == bindparam("_id"))
                    .values({n: bindparam(n) for n in names})
                )
                self.session.execute(
                    statement, [{"_id": u["id"], **{n: u.get(n) for n in names}} for u in updates]
                )
            if inserts or updates:
                self.changed_tables.add(table.name)
        self.counts.update(outcomes)
        return outcomes

    def delete(self, table: Table, record_id: str) -> bool:
        """Tombstone a record. Returns False when it was not there (or already deleted)."""
        before = self.get(table, record_id)
        if before is None or before["deleted"]:
            return False
        self.upsert(table, {"id": record_id, "deleted": True}, action="delete")
        return True

    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert rows that all hold the same columns, in one executemany.

        On SQLite straight on the driver's cursor, in the session's transaction, with the values
        bound as SQLAlchemy binds them: an import writes tens of thousands of rows, and SQLAlchemy's
        per-row parameter handling cost more than SQLite's own work. Elsewhere through Core."""
        connection = self.session.connection()
        dialect = connection.dialect
        first = rows[0]
        names = tuple(c.name for c in table.columns if c.name in first)
        if dialect.name != "sqlite" or any(len(row) != len(first) for row in rows):
            self.session.execute(table.insert(), rows)
            return
        sql, processors = _sqlite_insert(table, names, dialect)
        take = itemgetter(*names)
        params: list[Any] = []
        try:
            if len(names) == 1 or processors:
                for row in rows:
                    values = list(take(row)) if len(names) > 1 else [take(row)]
                    for index, processor in processors:
                        values[index] = processor(values[index])
                    params.append(values)
            else:
                params = [take(row) for row in rows]
        except KeyError:  # rows of different columns: Core sorts them out
            self.session.execute(table.insert(), rows)
            return
        if self.session.new or self.session.dirty or self.session.deleted:
            self.session.flush()  # what the session holds goes first, as session.execute would do
        driver = connection.connection.driver_connection
        assert driver is not None
        cursor = driver.cursor()
        try:
            cursor.executemany(sql, params)
        except dialect.loaded_dbapi.Error as error:  # as SQLAlchemy's own errors (IntegrityError...)
            raise DBAPIError.instance(
                sql, params[:1], error, dialect.loaded_dbapi.Error, dialect=dialect
            ) from error
        finally:
            cursor.close()

    def _check_guards(self, table: Table, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> None:
        for guard in self.guards:
            guard(table, before, after)

    # --- audit ------------------------------------------------------------------------------------

    def _audit(
        self,
        action: str,
        table: Table,
        record_id: str | None,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
        columns: list[str],
    ) -> None:
        self.audit_event(
            action,
            table.name,
            record_id,
            before=row_json(before, columns) if before is not None else None,
            after=row_json(after, columns) if after is not None else None,
        )

    def audit_event(
        self,
        action: str,
        table_name: str,
        record_id: str | None = None,
        *,
        before: str | None = None,
        after: str | None = None,
    ) -> None:
        """Record an event that is not a row change (an import, a login, a restore...)."""
        self.audit_seq += 1
        prev = self.audit_head
        actor = self.actor.username
        # the values at hand in AUDIT_FIELDS order (this runs once per row an import writes)
        values = (self.unit, self.audit_seq, actor, self.now, action, table_name, record_id, before, after)
        self.audit_head = chain_hash(prev, values)
        entry: dict[str, Any] = {
            "id": new_id(),
            "origin": self.unit,
            "seq": self.audit_seq,
            "actor": actor,
            "at": self.now,
            "action": action,
            "table_name": table_name,
            "record_id": record_id,
            "before": before,
            "after": after,
            "prev_hash": prev,
            "hash": self.audit_head,
            "hlc": self.stamp(),
            "base_hlc": "",
            "deleted": False,
            "entered_at": self.now,
            "local_seq": self.next_seq(),
        }
        self._audit_rows.append(entry)
        if len(self._audit_rows) >= CHUNK:
            self.flush_audit()

    def flush_audit(self) -> None:
        if self._audit_rows:
            self._insert(AuditEntry.__table__, self._audit_rows)  # type: ignore[arg-type]
            self._audit_rows = []

    # --- end --------------------------------------------------------------------------------------

    def finish(self) -> None:
        """Write the audit entries and the clocks and counters back. Call before the commit."""
        self.flush_audit()
        write_meta(
            self.session,
            {
                "hlc": self.hlc.state,
                "local_seq": str(self.local_seq),
                "audit_seq": str(self.audit_seq),
                "audit_head": self.audit_head,
            },
        )
        self.session.flush()


def table_of(model: type[Base]) -> Table:
    return model.__table__  # type: ignore[return-value]


