"""The parts the list specs are built from: the Spec shape, search terms, region trees, filters.

msfood.services.queries.kinds assembles one Spec per list; msfood.services.queries pages through them.
Conditions touch only the listed table's own columns or `IN (SELECT id ...)` sub-queries, so a count
never joins; joins serve the displayed names only.
Sort keys are non-null expressions (nullable columns are coalesced), so keyset comparisons are exact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Table,
    and_,
    false,
    func,
    literal,
    or_,
    select,
)

from msfood.db.models import (
    Assignment,
    Business,
    BusinessStatus,
    Cadre,
    Problem,
    RapidTest,
    Region,
    Sampling,
    SelfCheck,
    Visit,
)
from msfood.domain.periods import Period, parse_period

B: Table = Business.__table__  # type: ignore[assignment]
C: Table = Cadre.__table__  # type: ignore[assignment]
R: Table = Region.__table__  # type: ignore[assignment]
A: Table = Assignment.__table__  # type: ignore[assignment]
V: Table = Visit.__table__  # type: ignore[assignment]
P: Table = Problem.__table__  # type: ignore[assignment]
S: Table = SelfCheck.__table__  # type: ignore[assignment]
SA: Table = Sampling.__table__  # type: ignore[assignment]
RT: Table = RapidTest.__table__  # type: ignore[assignment]
ST: Table = BusinessStatus.__table__  # type: ignore[assignment]

OPEN_PROBLEM = ("pending", "in_progress")


@dataclass(frozen=True)
class Ctx:
    """What a query is built for: the filters (msfood.services.queries.lists.Filters) and the SQL dialect."""

    filters: Any
    dialect: str

    @property
    def as_of(self) -> dt.date | None:
        return self.filters.as_of

    @property
    def period(self) -> Period:
        return parse_period(self.filters.period)


Expr = ColumnElement[Any]
Cond = Callable[[Any, Ctx], Expr]
SortKey = Callable[[Ctx], "Expr | tuple[Expr, ...]"]


@dataclass(frozen=True)
class Spec:
    """One list: `columns(ctx)` are labelled like `row`'s fields; `sorts` maps a sort name to its key
    (one expression, or several compared in turn: names sort by pinyin initials, then by name)."""

    table: Table
    row: type
    columns: Callable[[Ctx], list[Expr]]
    joins: Callable[[], FromClause]
    sorts: dict[str, SortKey]
    default_sort: tuple[str, bool]
    search: Callable[[str], Expr]
    filters: dict[str, Cond]
    # Big tables (millions of rows): the index serving each sort, for choosing the plan per query.
    order_indexes: dict[str, str] = field(default_factory=dict)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self.row))


# --- helpers ------------------------------------------------------------------------------------


def alive(table: Table) -> Expr:
    return table.c.deleted.is_(False)


def nonnull(column: Any, blank: Any) -> Expr:
    """A nullable column as a sort key: NULL becomes `blank` (it sorts first ascending)."""
    return func.coalesce(column, literal(blank, column.type))


def by_pinyin(table: Any) -> tuple[Expr, Expr]:
    """Chinese names in (roughly) pinyin order: by their initials, then by the name itself."""
    return (table.c.name_initials, table.c.name)


def region_subtree(code: str) -> Any:
    """SELECT the ids of the region with this division code and of every region under it."""
    child = R.alias("region_child")
    tree = select(R.c.id).where(R.c.code == code).cte("region_tree", recursive=True)
    tree = tree.union_all(select(child.c.id).where(child.c.parent_id == tree.c.id))
    return select(tree.c.id)


def businesses_where(*conditions: Expr) -> Any:
    return select(B.c.id).where(*conditions)


def cadres_where(*conditions: Expr) -> Any:
    return select(C.c.id).where(*conditions)


def _terms(text: str) -> list[str]:
    return [t for t in text.split() if t]


def _asciiish(term: str) -> bool:
    return term.isascii() and term.replace("-", "").isalnum()


def text_match(term: str, *, names: tuple[Any, ...] = (), initials: tuple[Any, ...] = (),
               codes: tuple[Any, ...] = ()) -> Expr:
    """Names contain the term; for Latin letters and digits also pinyin initials and codes do."""
    parts: list[Expr] = [c.contains(term, autoescape=True) for c in names]
    if _asciiish(term):
        parts += [c.contains(term.lower(), autoescape=True) for c in initials]
        parts += [c.icontains(term, autoescape=True) for c in codes]
    return or_(*parts) if parts else false()


def business_term(term: str) -> Expr:
    return text_match(term, names=(B.c.name,), initials=(B.c.name_initials,),
                      codes=(B.c.credit_code, B.c.licence_no, B.c.phone))


def cadre_term(term: str) -> Expr:
    return text_match(
        term, names=(C.c.name, C.c.workplace), initials=(C.c.name_initials,), codes=(C.c.phone,)
    )


def all_terms(text: str, term_condition: Callable[[str], Expr]) -> Expr:
    """Every whitespace-separated term must match (typing "石峰 hdl" narrows twice)."""
    return and_(*[term_condition(t) for t in _terms(text)])


def in_period(column: Any, ctx: Ctx) -> Expr:
    period = ctx.period
    return column.between(period.start, period.end)


def active_assignment(table: Table, as_of: dt.date | None) -> Expr:
    if as_of is None:
        return table.c.end_date.is_(None)
    return and_(table.c.start_date <= as_of, or_(table.c.end_date.is_(None), table.c.end_date >= as_of))


def joined_names(column: Any, ctx: Ctx) -> Any:
    if ctx.dialect == "postgresql":
        return func.string_agg(column, literal("、"))
    return func.group_concat(column, literal("、"))


def region_join(base: Any, region_column: Any) -> Any:
    return base.outerjoin(R, R.c.id == region_column)


def by_business(column: Any) -> dict[str, Cond]:
    """Filters every record of a business supports, through its business_id column."""
    return {
        "region": lambda v, ctx: column.in_(businesses_where(B.c.region_id.in_(region_subtree(v)))),
        "grade": lambda v, ctx: column.in_(businesses_where(B.c.grade == v)),
        "business_id": lambda v, ctx: column == v,
    }


def by_cadre(column: Any) -> dict[str, Cond]:
    return {
        "level": lambda v, ctx: column.in_(cadres_where(C.c.level == v)),
        "cadre_id": lambda v, ctx: column == v,
    }
