"""List queries for every record kind, paged by keyset: never a whole table, never OFFSET.

A page is `WHERE (sort_key, id) > (:last) ORDER BY sort_key, id LIMIT n`; the page before a key is
the same query reversed, and so is the jump to the end (`at_end=True`). Ties in the sort key are broken
by the record id, so every row has exactly one place and no row is skipped or shown twice. A sort key
may have several parts (names sort by pinyin initials, then name): the row value just grows.

    page(session, "businesses", filters=Filters(region="430211"), search="hdl")
    -> Page(rows=[BusinessRow, ...], first_key, last_key, has_before, has_after)

Search matches as you type: names contain the text; Latin letters and digits also match pinyin
initials (海底捞 -> "hdl"), credit codes, licence numbers and phone numbers. Several words must all
match. Tombstoned records never appear.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, func, literal, select, tuple_
from sqlalchemy.orm import Session

from msfood.db.models import Region
from msfood.services.queries import rows as query_rows
from msfood.services.queries.kinds import SPECS
from msfood.services.queries.parts import Ctx, Spec, alive
from msfood.services.queries.rows import (
    AssignmentRow,
    BusinessRow,
    CadreRow,
    ProblemRow,
    RapidTestRow,
    RegionChoice,
    SamplingRow,
    SelfCheckRow,
    VisitRow,
)

__all__ = [
    "KINDS", "PAGE_SIZE", "AssignmentRow", "BusinessRow", "CadreRow", "Filters", "Key", "Page", "ProblemRow",
    "RapidTestRow", "RegionChoice", "SamplingRow", "SelfCheckRow", "Sort", "VisitRow", "count",
    "default_sort", "iterate", "page", "query_rows", "read_sessions", "region_choices", "row_of", "sortable",
    "supported_filters",
]

PAGE_SIZE = 200
KINDS: tuple[str, ...] = tuple(SPECS)

# A row's place in a list: (its sort key values..., its id).
Key = tuple[Any, ...]


@dataclass(frozen=True)
class Filters:
    """What to narrow a list to; None means "any". Each kind supports some (`supported_filters`).

    region: a division code, covering every region under it (regions.parent_id tree).
    grade / level / form / mode / kind / sampling_type: stored codes (msfood.domain.enums).
    status: businesses: operating/suspended/cancelled (as of `as_of`); assignments: active/ended;
      problems: a problem status code, "open" or "overdue"; samplings: "open_case" or "overdue".
    result: samplings: pending/pass/fail; rapid tests: positive/negative.
    period: a period key (msfood.domain.periods): the records dated in it (assignments: active in it;
      problems: deadline in it).
    as_of: the day "current" means (statuses, active assignments, overdue); None: no date limit.
    """

    region: str | None = None
    grade: str | None = None
    level: str | None = None
    status: str | None = None
    period: str | None = None
    result: str | None = None
    kind: str | None = None
    mode: str | None = None
    form: str | None = None
    sampling_type: str | None = None
    high_risk: bool | None = None
    business_id: str | None = None
    cadre_id: str | None = None
    visit_id: str | None = None
    record_id: str | None = None  # one record (every kind): a form or a refresh reads its row
    as_of: dt.date | None = None
    disposal_days: int = 90

    def active(self) -> dict[str, Any]:
        """The filters set (not None), without the settings that only qualify them."""
        skip = {"as_of", "disposal_days"}
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in skip and getattr(self, f.name) not in (None, "")}


@dataclass(frozen=True)
class Sort:
    column: str
    descending: bool = False


@dataclass(frozen=True)
class Page:
    """Rows in display order, the keys of the first and last, and whether rows lie beyond each end."""

    rows: list[Any]
    first_key: Key | None
    last_key: Key | None
    has_before: bool
    has_after: bool


def _spec(kind: str) -> Spec:
    try:
        return SPECS[kind]
    except KeyError:
        raise ValueError(f"unknown list kind {kind!r} (expected one of {', '.join(KINDS)})") from None


def sortable(kind: str) -> tuple[str, ...]:
    """The sort names a kind accepts (only those an index or a small table serves)."""
    return tuple(_spec(kind).sorts)


def default_sort(kind: str) -> Sort:
    column, descending = _spec(kind).default_sort
    return Sort(column, descending)


def supported_filters(kind: str) -> frozenset[str]:
    return frozenset(_spec(kind).filters) | {"record_id"}


def _context(session: Session, filters: Filters | None) -> Ctx:
    return Ctx(filters or Filters(), session.get_bind().dialect.name)


def _named_conditions(spec: Spec, ctx: Ctx, search: str) -> list[tuple[str, ColumnElement[Any]]]:
    """The WHERE terms of a list, each with the filter it comes from ("alive", a filter, "search")."""
    conditions: list[tuple[str, ColumnElement[Any]]] = [("alive", alive(spec.table))]
    for name, value in ctx.filters.active().items():
        if name == "record_id":
            conditions.append((name, spec.table.c.id == value))
            continue
        build = spec.filters.get(name)
        if build is None:
            raise ValueError(f"the {spec.table.name} list has no {name!r} filter")
        conditions.append((name, build(value, ctx)))
    if search and search.strip():
        conditions.append(("search", spec.search(search.strip())))
    return conditions


def _conditions(spec: Spec, ctx: Ctx, search: str) -> list[ColumnElement[Any]]:
    return [condition for _name, condition in _named_conditions(spec, ctx, search)]


def _sort_exprs(spec: Spec, sort: Sort, ctx: Ctx) -> list[ColumnElement[Any]]:
    if sort.column not in spec.sorts:
        raise ValueError(f"the {spec.table.name} list cannot be sorted by {sort.column!r}")
    exprs = spec.sorts[sort.column](ctx)
    return [*(exprs if isinstance(exprs, tuple) else (exprs,)), spec.table.c.id]


def _beyond(
    exprs: list[ColumnElement[Any]], key: Key, *, descending: bool, inclusive: bool = False
) -> ColumnElement[Any]:
    """Rows after `key` in the order of `exprs` (the last is the id), ascending or descending."""
    if len(key) != len(exprs):
        raise ValueError(f"a key of {len(key)} parts does not fit a sort of {len(exprs)}")
    mine = tuple_(*exprs)
    theirs = tuple_(*(literal(value, expr.type) for value, expr in zip(key, exprs, strict=True)))
    if inclusive:
        return mine <= theirs if descending else mine >= theirs
    return mine < theirs if descending else mine > theirs


PROBE_ROWS = 5000
BROAD = frozenset({"alive", "period", "kind"})  # terms the sort's date index serves, or nearly all rows pass


def _plan(session: Session, spec: Spec, ctx: Ctx, named: list[tuple[str, Any]], sort: Sort) -> str | None:
    """How a big table's page should be read: "order" (walk the sort's index, keeping the matching
    rows: fast when many match) or "records" (find the matching rows through their own indexes, then
    sort them: fast when few match). SQLite's planner has no statistics here and guesses wrong both
    ways (it walked a date index through millions of rows for a search that matched none, and sorted
    a whole county's records to show a hundred); a capped count decides instead.
    None: the planner's own choice is right (a small table, nothing narrowing, another dialect)."""
    if ctx.dialect != "sqlite" or sort.column not in spec.order_indexes:
        return None
    if all(name in BROAD for name, _condition in named):
        return None
    conditions = [condition for _name, condition in named]
    probe = select(literal(1)).select_from(spec.table).where(*conditions).limit(PROBE_ROWS + 1).subquery()
    found = session.execute(select(func.count()).select_from(probe)).scalar_one()
    return "records" if found <= PROBE_ROWS else "order"


def page(
    session: Session,
    kind: str,
    *,
    filters: Filters | None = None,
    search: str = "",
    sort: Sort | None = None,
    after: Key | None = None,
    before: Key | None = None,
    at_end: bool = False,
    start: Key | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """One page of a list: the first (no key), the one after `after`, the one before `before`, the
    last (`at_end`), or the one from `start` on, that row itself included (a list refreshing in
    place). Rows are always in display order."""
    if sum(x is not None for x in (after, before, start)) + at_end > 1:
        raise ValueError("page() takes one of `after`, `before`, `start` and `at_end`")
    if limit < 1:
        raise ValueError("limit must be at least 1")
    spec = _spec(kind)
    ctx = _context(session, filters)
    sort = sort or default_sort(kind)
    exprs = _sort_exprs(spec, sort, ctx)
    backwards = before is not None or at_end
    named = _named_conditions(spec, ctx, search)
    plan = _plan(session, spec, ctx, named, sort)
    if plan == "records":  # an expression no index serves: SQLite sorts the few matching rows
        exprs = [func.coalesce(e, e) for e in exprs]
    if plan == "order":  # likely(): the narrowing terms pass for most rows, so walk the sort's index
        named = [(n, c if n in BROAD else func.likely(c)) for n, c in named]
    conditions = [condition for _name, condition in named]
    if after is not None:
        conditions.append(_beyond(exprs, after, descending=sort.descending))
    if start is not None:
        conditions.append(_beyond(exprs, start, descending=sort.descending, inclusive=True))
    if before is not None:
        conditions.append(_beyond(exprs, before, descending=not sort.descending))
    descending = sort.descending != backwards
    order = [e.desc() if descending else e.asc() for e in exprs]
    key_labels = [f"_key{i}" for i in range(len(exprs))]
    statement = (
        select(*spec.columns(ctx), *(e.label(n) for e, n in zip(exprs, key_labels, strict=True)))
        .select_from(spec.joins())
        .where(*conditions)
        .order_by(*order)
        .limit(limit + 1)
    )
    result = session.execute(statement)
    columns = list(result.keys())
    fields_at = [columns.index(n) for n in spec.field_names]
    keys_at = [columns.index(n) for n in key_labels]
    fetched = result.all()
    more = len(fetched) > limit
    fetched = fetched[:limit]
    if backwards:
        fetched.reverse()
    found = [spec.row(*[row[i] for i in fields_at]) for row in fetched]
    keys = [tuple(row[i] for i in keys_at) for row in fetched]
    return Page(
        rows=found,
        first_key=keys[0] if keys else None,
        last_key=keys[-1] if keys else None,
        has_before=more if backwards else (after is not None or start is not None),
        has_after=before is not None if backwards else more,
    )


def iterate(
    session: Session,
    kind: str,
    *,
    filters: Filters | None = None,
    search: str = "",
    sort: Sort | None = None,
    chunk: int = 1000,
) -> Iterator[Any]:
    """Every row of a list in display order, read page by page (an export of what a list shows)."""
    after: Key | None = None
    while True:
        found = page(session, kind, filters=filters, search=search, sort=sort, after=after, limit=chunk)
        yield from found.rows
        if not found.has_after:
            return
        after = found.last_key


def region_choices(session: Session) -> list[RegionChoice]:
    """Every live region, each followed by the regions under it, ordered by code (a small table)."""
    t = Region.__table__
    found = session.execute(
        select(t.c.id, t.c.code, t.c.name, t.c.parent_id, t.c.retired_on)
        .where(t.c.deleted.is_(False))
        .order_by(t.c.code)
    ).all()
    known = {r.id for r in found}
    children: dict[str | None, list[Any]] = {}
    for r in found:
        children.setdefault(r.parent_id if r.parent_id in known else None, []).append(r)
    ordered: list[RegionChoice] = []
    stack = [(r, 0, None) for r in reversed(children.get(None, []))]
    seen: set[str] = set()
    while stack:
        r, depth, above = stack.pop()
        if r.id in seen:
            continue
        seen.add(r.id)
        retired = r.retired_on or above  # under a retired region is out of use too
        ordered.append(RegionChoice(r.id, r.code, r.name, depth, retired))
        stack.extend((c, depth + 1, retired) for c in reversed(children.get(r.id, [])))
    return ordered


def row_of(session: Session, kind: str, record_id: str, *, as_of: dt.date | None = None) -> Any | None:
    """The list row of one record (None when it is missing or deleted)."""
    found = page(session, kind, filters=Filters(record_id=record_id, as_of=as_of), limit=1)
    return found.rows[0] if found.rows else None


def read_sessions(database: Any) -> Any:
    """A session factory for the lists, figures and reports: reading only, never waiting for a writer
    (msfood.db.engine.Database.readers: a deferred transaction on SQLite's last committed snapshot)."""
    return database.readers


def count(session: Session, kind: str, filters: Filters | None = None, search: str = "") -> int:
    """How many records the list holds with these filters and this search (no joins)."""
    spec = _spec(kind)
    ctx = _context(session, filters)
    statement = select(func.count()).select_from(spec.table).where(*_conditions(spec, ctx, search))
    return int(session.execute(statement).scalar_one())
