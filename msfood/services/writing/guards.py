"""Guards every unit of work installs: who may write which table, and closed periods.

`UnitOfWork.upsert`/`upsert_many`/`delete` call each guard with (table, before, after) before a change
is stamped; a guard raises to refuse it, and the unit of work rolls back. So no path (a form, the CLI,
a workbook import) can write past a role or into a closed period.

Effective-dated records (assignments, business statuses and closures, visit rules) are frozen by
their reach: a change that alters which of them hold on a day of a closed period is refused too.

A bundle merge applies rows another unit made (and that unit authorised): it must not check the
importer's role per table (SYNC is checked once for the import), but it must respect closed periods.
Before writing a chunk of winning rows it calls `check_incoming_rows(uow, table, rows)`, which refuses
(listing every record) rows that would add, change or delete a record dated in a closed period; or,
row by row, `check_incoming(uow, table, before, after)`, which runs only the data guards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select

from msfood.core.errors import Issue, ValidationError
from msfood.services.writing.permissions import REOPEN_PERIOD, Actor, action_for_table

if TYPE_CHECKING:
    from msfood.services.writing.unit_of_work import UnitOfWork

# Tables whose records are dated by one of their own columns.
DATE_COLUMNS = {
    "visits": "visit_date",
    "selfchecks": "record_date",
    "samplings": "sample_date",
    "rapid_tests": "test_date",
}
# Tables whose records take the date of the visit they belong to.
VISIT_CHILDREN = ("problems", "visit_answers")
# Effective-dated tables: a record holds from its first date to its last (None: from always, or
# until further notice), and the figures of every day in that span read it. A change reaches the
# days it changes: the days only one version covers when just the span moved, every day of both
# versions when anything else changed (who, which business, the status, the count...).
EFFECTIVE = {
    "assignments": ("start_date", "end_date"),
    "business_closures": ("start_date", "end_date"),
    "business_statuses": ("since", None),
    "visit_rules": ("effective_from", None),
}
_BOOKKEEPING = frozenset({"hlc", "base_hlc", "origin", "local_seq", "entered_at"})


class PermissionGuard:
    """Refuses a change the acting user's role may not make
    (msfood.services.writing.permissions.TABLE_ACTIONS)."""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor

    def __call__(self, table: Table, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> None:
        if table.name == "audit_log":
            return  # written by the unit of work itself, never by hand
        self.actor.require(action_for_table(table.name))
        if table.name == "closed_periods" and before is not None and before.get("closed") and not (
            after.get("closed") and not after.get("deleted")
        ):
            self.actor.require(REOPEN_PERIOD)


class ClosedPeriodGuard:
    """Refuses creating, editing or deleting a record dated in a closed period.

    The closed spans are read once per unit of work (lazily, on the first dated change), and read
    again only after the unit of work itself writes to closed_periods.
    """

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self._spans: list[tuple[dt.date, dt.date, str]] | None = None
        self._visit_dates: dict[str, dt.date | None] = {}

    def spans(self) -> list[tuple[dt.date, dt.date, str]]:
        if self._spans is None:
            from msfood.db.models import ClosedPeriod

            rows = self.uow.session.execute(
                select(ClosedPeriod.start_date, ClosedPeriod.end_date, ClosedPeriod.period_key).where(
                    ClosedPeriod.closed.is_(True), ClosedPeriod.deleted.is_(False)
                )
            ).all()
            self._spans = [(r[0], r[1], r[2]) for r in rows]
        return self._spans

    def __call__(self, table: Table, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> None:
        if table.name == "closed_periods":
            self._spans = None  # read again: this unit of work changes what is closed
            return
        if table.name in EFFECTIVE:
            if self.spans():
                self._check_effective(table.name, before, after)
            return
        if table.name not in DATE_COLUMNS and table.name not in VISIT_CHILDREN:
            return
        if not self.spans():
            return  # the usual case: nothing is closed, nothing to look up
        for row in (before, after):
            if row is None:
                continue
            day = self._date_of(table.name, row)
            key = self._closed_key(day)
            if key is not None:
                raise ValidationError(
                    Issue(
                        "closing.record_frozen",
                        DATE_COLUMNS.get(table.name, "visit_date"),
                        {"record": describe_record(table.name, row, day), "period": key},
                    )
                )

    def _check_effective(
        self, name: str, before: Mapping[str, Any] | None, after: Mapping[str, Any]
    ) -> None:
        """Refuse a change of an effective-dated record whose reach (see EFFECTIVE) meets a closed
        period: adding, ending, moving or deleting an assignment, a status, a closure or a rule that
        the figures of a closed period read."""
        for low, high in affected_spans(name, before, after):
            for start, end, key in self.spans():
                if (low is None or low <= end) and (high is None or start <= high):
                    first = EFFECTIVE[name][0]
                    row = after if after is not None else before or {}
                    day = _as_date(row.get(first))
                    raise ValidationError(
                        Issue(
                            "closing.record_frozen",
                            first,
                            {"record": describe_record(name, row, day), "period": key},
                        )
                    )

    def _closed_key(self, day: dt.date | None) -> str | None:
        if day is None:
            return None
        for start, end, key in self.spans():
            if start <= day <= end:
                return key
        return None

    def _date_of(self, table_name: str, row: Mapping[str, Any]) -> dt.date | None:
        if table_name in DATE_COLUMNS:
            return _as_date(row.get(DATE_COLUMNS[table_name]))
        visit_id = row.get("visit_id")
        if visit_id is None:
            return None
        if visit_id not in self._visit_dates:
            from msfood.db.models import Visit

            value = self.uow.session.scalar(select(Visit.visit_date).where(Visit.id == visit_id))
            self._visit_dates[visit_id] = _as_date(value)
        return self._visit_dates[visit_id]


Span = tuple[dt.date | None, dt.date | None]  # None: unbounded on that side


def _span(name: str, row: Mapping[str, Any]) -> Span:
    first, last = EFFECTIVE[name]
    return _as_date(row.get(first)), (_as_date(row.get(last)) if last is not None else None)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    if isinstance(value, bool):
        return int(value)
    return value


def affected_spans(
    name: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> list[Span]:
    """The days whose figures a change of an effective-dated record (EFFECTIVE) can change."""
    live_before = before is not None and not before.get("deleted")
    live_after = after is not None and not after.get("deleted")
    if not live_before and not live_after:
        return []
    if not live_before:
        return [_span(name, after)]  # type: ignore[arg-type]
    if not live_after:
        return [_span(name, before)]  # type: ignore[arg-type]
    assert before is not None and after is not None
    dates = {c for c in EFFECTIVE[name] if c}
    others = (set(before) | set(after)) - dates - _BOOKKEEPING - {"deleted"}
    old, new = _span(name, before), _span(name, after)
    if any(_plain(before.get(c)) != _plain(after.get(c)) for c in others if c in before and c in after):
        return [old, new]
    spans: list[Span] = []
    if old[0] != new[0]:  # the start moved: the days between the two starts
        lows = sorted(d for d in (old[0], new[0]) if d is not None)
        spans.append((None if None in (old[0], new[0]) else lows[0], lows[-1]))
    if old[1] != new[1]:  # the end moved: the days between the two ends
        highs = sorted(d for d in (old[1], new[1]) if d is not None)
        spans.append((highs[0], None if None in (old[1], new[1]) else highs[-1]))
    return spans


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def describe_record(table_name: str, row: Mapping[str, Any], day: dt.date | None) -> str:
    """'督导记录（2026-09-10，编号 …）': what a person needs to find the record."""
    from msfood.i18n import has, t

    code = f"closing.kind.{table_name}"
    kind = t(code) if has(code) else table_name
    return t("closing.record", kind=kind, date=day.isoformat() if day else "-", id=row.get("id", ""))


def install_guards(uow: UnitOfWork) -> None:
    """Every unit of work: the acting role's permissions, then closed periods."""
    uow.guards.append(PermissionGuard(uow.actor))
    uow.guards.append(ClosedPeriodGuard(uow))


def check_incoming(
    uow: UnitOfWork, table: Table, before: Mapping[str, Any] | None, after: Mapping[str, Any]
) -> None:
    """For a bundle merge: the data guards (closed periods) only, not the importer's role per table."""
    for guard in uow.guards:
        if not isinstance(guard, PermissionGuard):
            guard(table, before, after)


MAX_ISSUES = 50


def _closed_guard(uow: UnitOfWork) -> ClosedPeriodGuard | None:
    return next((g for g in uow.guards if isinstance(g, ClosedPeriodGuard)), None)


def check_incoming_rows(
    uow: UnitOfWork, table: Table, rows: Sequence[Mapping[str, Any]], *, new: bool = False
) -> None:
    """For a bundle merge, before writing `rows` (the incoming versions that win, as column -> value;
    dates as date objects or ISO text; `new`: records the database did not hold, already written by
    the caller): refuse them all when any would add, change or delete a record
    dated in a closed period (by its incoming or its stored date), naming every such record.

    Costs one small query per unit of work when nothing is closed, and one per call otherwise.
    """
    guard = _closed_guard(uow)
    dated = table.name in DATE_COLUMNS or table.name in VISIT_CHILDREN
    if guard is None or not rows or not (dated or table.name in EFFECTIVE):
        return
    if not guard.spans():
        return
    stored: dict[str, Any] = {}
    ids = [] if new else [row["id"] for row in rows]  # new: written just now, held before by nobody
    if table.name in EFFECTIVE:  # the whole stored record: its reach depends on what changed
        for start in range(0, len(ids), 500):
            query = select(table).where(table.c.id.in_(ids[start : start + 500]))
            stored.update({r["id"]: dict(r) for r in uow.session.execute(query).mappings()})
    else:
        column = DATE_COLUMNS.get(table.name, "visit_id")
        for start in range(0, len(ids), 500):
            query = select(table.c.id, table.c[column]).where(table.c.id.in_(ids[start : start + 500]))
            stored.update({r[0]: {"id": r[0], column: r[1]} for r in uow.session.execute(query)})
    issues: list[Issue] = []
    refused = 0
    for row in rows:
        before = stored.get(row["id"])
        try:
            guard(table, before, row)
        except ValidationError as exc:
            refused += 1
            if len(issues) < MAX_ISSUES:
                issues.extend(exc.issues)
    if refused > len(issues):
        issues.append(Issue("closing.more_records", "", {"count": refused - len(issues)}))
    if issues:
        raise ValidationError(issues)


def closes_anything(uow: UnitOfWork) -> bool:
    """Whether any period is closed (then a merge must pass its rows through check_incoming_rows)."""
    guard = _closed_guard(uow)
    return guard is not None and bool(guard.spans())
