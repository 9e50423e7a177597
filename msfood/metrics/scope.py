"""What a figure is computed over: the businesses of a region (and every region under it), their
operating calendars, the region tree, and the settings the rates read.

Businesses, regions and status changes are small tables (tens of thousands of rows at city scale) and
are loaded once; the big ones (visits, self-checks, samples) are only ever aggregated in SQL.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Integer, Row, cast, func, literal_column, null, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Executable

from msfood.core.errors import ValidationError
from msfood.db.models import Business, BusinessClosure, BusinessStatus, Region, Setting
from msfood.domain.defaults import DEFAULT_SETTINGS
from msfood.domain.enums import FORMS_OWING_SELFCHECKS
from msfood.domain.operating import STATUSES, OperatingCalendar, StatusChange

# name, credit code and address when the figures are asked for alone: constants in SQL
NO_NAMES: tuple[ColumnElement[Any], ...] = (literal_column("''"), null(), null())


READ_ONCE = "msfood.metrics.read_once"  # session.info key: see msfood.metrics.figures.read_once


def _read_once(session: Session, statement: Executable, kind: str, read: Any) -> Any:
    """`read()`, or inside read_once(session) the rows an identical statement returned before: the
    ranking computes the figures of every region under one from a single read of each table."""
    cache = session.info.get(READ_ONCE)
    if cache is None:
        return read()
    # SQLAlchemy's own statement cache key (the structure) and the values bound: cheaper than
    # compiling. A statement SQLAlchemy cannot key is simply read.
    cache_key = statement._generate_cache_key()  # type: ignore[attr-defined]
    if cache_key is None:
        return read()
    values = [bind.effective_value for bind in cache_key.bindparams]
    key = (kind, cache_key.key, tuple(tuple(v) if isinstance(v, list | set | frozenset) else v for v in values))
    found = cache.get(key)
    if found is None:
        found = cache[key] = read()
    return found


def fetch(session: Session, statement: Executable) -> Sequence[Row[Any]]:
    """Core rows in one fetch. The figures read whole tables at city scale: through the ORM, or
    row by row as iterating a result does, the rows cost more than the query."""
    return _read_once(session, statement, "rows", lambda: session.connection().execute(statement).all())  # type: ignore[no-any-return]


def fetch_plain(session: Session, statement: Executable) -> list[tuple[Any, ...]]:
    """The driver's own tuples, without SQLAlchemy's rows and result processing, which cost twice
    the read itself on the big tables. Only for columns both drivers return as the same Python
    type: text and integers (select booleans as integers; dates would be text on SQLite)."""

    def read() -> list[tuple[Any, ...]]:
        result = session.connection().execute(statement)
        try:
            return list(result.cursor.fetchall())
        finally:
            result.close()

    return _read_once(session, statement, "plain", read)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class RegionNode:
    id: str
    code: str
    name: str
    parent_id: str | None


class BusinessProfile(NamedTuple):
    """A tuple, not a dataclass: a city's figures make 50,000 of them on every run. The two marks
    are 1 or 0, as the database returns them."""

    id: str
    name: str
    credit_code: str | None
    address: str | None
    region_id: str
    form: str
    high_risk: int
    owes_selfchecks: int
    rest_days: str  # ISO weekday digits as stored ("67"); the calendar keeps the valid ones


@dataclass
class RegionTree:
    nodes: dict[str, RegionNode]
    children: dict[str | None, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> RegionTree:
        columns = select(Region.id, Region.code, Region.name, Region.parent_id)
        rows = fetch(session, columns.where(Region.deleted.is_(False)))
        nodes = {r.id: RegionNode(r.id, r.code, r.name, r.parent_id) for r in rows}
        children: dict[str | None, list[str]] = defaultdict(list)
        for node in nodes.values():
            parent = node.parent_id if node.parent_id in nodes else None
            children[parent].append(node.id)
        for ids in children.values():
            ids.sort(key=lambda i: nodes[i].code)
        return cls(nodes, dict(children))

    def by_code(self, code: str) -> RegionNode | None:
        return next((n for n in self.nodes.values() if n.code == code), None)

    def require(self, code: str) -> RegionNode:
        """The region with this division code; an unknown code is refused (`stats --region`)."""
        node = self.by_code(code.strip())
        if node is None:
            raise ValidationError("ref.region_unknown", "region_code", code=code)
        return node

    def subtree(self, region_id: str) -> set[str]:
        found, stack = set(), [region_id]
        while stack:
            current = stack.pop()
            if current in found:  # a cycle in bad data must not hang a report
                continue
            found.add(current)
            stack.extend(self.children.get(current, ()))
        return found

    def ancestors(self, region_id: str) -> list[str]:
        """The region and its ancestors, nearest first."""
        chain, current, seen = [], region_id, set()
        while current in self.nodes and current not in seen:
            seen.add(current)
            chain.append(current)
            current = self.nodes[current].parent_id  # type: ignore[assignment]
        return chain

    def child_under(self, parent_id: str | None, region_id: str) -> str | None:
        """Which child of `parent_id` (None: the roots) contains `region_id`."""
        for node_id in self.ancestors(region_id):
            parent = self.nodes[node_id].parent_id
            if (parent if parent in self.nodes else None) == parent_id:
                return node_id
        return None


def read_settings(session: Session) -> dict[str, object]:
    values: dict[str, object] = dict(DEFAULT_SETTINGS)
    for key, value in session.execute(
        select(Setting.key, Setting.value).where(Setting.deleted.is_(False))
    ):
        try:
            values[key] = json.loads(value)
        except ValueError:
            continue
    return values


class ChainLink(NamedTuple):
    """A chain member (SAMR Order No. 104): its role and the headquarters and branch it names."""

    role: str
    hq_id: str | None
    branch_id: str | None


@dataclass
class Scope:
    """The businesses a figure counts (current values: region, form, high-risk mark), and their days."""

    region: RegionNode | None
    tree: RegionTree
    businesses: dict[str, BusinessProfile]
    calendars: dict[str, OperatingCalendar]
    settings: dict[str, object]
    _shut: dict[dt.date, frozenset[str]] = field(default_factory=dict)
    # every chain member of the database (a store's headquarters may lie outside the region), and
    # the names of the businesses they name, for the drill-downs
    chains: dict[str, ChainLink] = field(default_factory=dict)
    chain_names: dict[str, str] = field(default_factory=dict)

    def providers(self, business_id: str) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
        """Whose records meet a business's weekly and monthly duties besides its own, as (business,
        "hq" or "branch"), or None: a store's weekly 排查 by its branch (or, with none, its
        headquarters), a store's or branch's monthly 调度 by the headquarters (Order No. 104)."""
        link = self.chains.get(business_id)
        if link is None or link.role == "hq":
            return None, None
        hq = link.hq_id
        if hq is None and link.branch_id is not None:  # a store naming its branch alone
            above = self.chains.get(link.branch_id)
            hq = above.hq_id if above is not None else None
        monthly = (hq, "hq") if hq is not None else None
        if link.role != "store":
            return None, monthly
        weekly = (link.branch_id, "branch") if link.branch_id is not None else monthly
        return weekly, monthly

    def shut_on(self, day: dt.date) -> frozenset[str]:
        """The businesses not 在营 by their status history on `day` (only those with a calendar of
        their own can be), kept per day: the obligations judged on D and the coverage on D ask alike.
        Rest days and dated closures do not count here (DOMAIN.md section 3: a school canteen resting
        on the Saturday a quarter ends still owes its visit); they shape the self-checks' days alone."""
        shut = self._shut.get(day)
        if shut is None:
            calendars = self.calendars
            shut = self._shut[day] = frozenset(b for b, c in calendars.items() if not c.in_business(day))
        return shut

    def __contains__(self, business_id: object) -> bool:
        return business_id in self.businesses


def _day_of(value: Any) -> Any:
    """A date column's value from fetch_plain as a date (SQLite keeps dates as ISO text); None stays."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


# Calendars by what they are made of, kept for the process: a calendar never changes once made, and
# most businesses keep theirs from one figure to the next (the dashboard, the ranking, the reports),
# so only a changed status, closure or rest day makes a new one. Bounded: the least used go first.
@functools.lru_cache(maxsize=200_000)
def _calendar(
    statuses: tuple[tuple[dt.date | None, str], ...], rest_days: str, closures: tuple[tuple[dt.date, dt.date], ...]
) -> OperatingCalendar:
    return OperatingCalendar([StatusChange(since, status) for since, status in statuses], rest_days, closures)


def load_scope(session: Session, region_code: str | None, *, names: bool = True) -> Scope:
    """The businesses in the region; without `names` their name, credit code and address are left
    empty (the figures alone never show them: reading them is a third of the scope's cost)."""
    tree = RegionTree.load(session)
    region = None
    allowed: set[str] | None = None
    if region_code:
        region = tree.require(region_code)
        allowed = tree.subtree(region.id)
    # The self-check duty defaults to the form's (a NULL owes_selfchecks) in SQL, so that each row
    # is a BusinessProfile as the driver returns it: 50,000 at city scale, one C-level step each.
    owes = func.coalesce(Business.owes_selfchecks, Business.form.in_(sorted(FORMS_OWING_SELFCHECKS)))
    live = [Business.deleted.is_(False)]
    if allowed is not None:
        live.append(Business.region_id.in_(sorted(allowed)))
    rows = fetch_plain(
        session,
        select(
            Business.id, *((Business.name, Business.credit_code, Business.address) if names else NO_NAMES),
            Business.region_id, Business.form, cast(Business.high_risk, Integer), cast(owes, Integer),
            func.coalesce(Business.rest_days, ""),
        ).where(*live),
    )
    make = tuple.__new__  # BusinessProfile._make is a Python frame per business
    businesses = {row[0]: make(BusinessProfile, row) for row in rows}
    # Forms and imports store ISO weekday digits; a bundle from elsewhere might not: keep the digits
    # that mean a weekday, so one odd record cannot stop every figure.
    rest_days = {
        business.id: "".join(ch for ch in business.rest_days if ch in "1234567")
        for business in businesses.values()
        if business.rest_days
    }
    # the driver's tuples, dates made dates here (SQLAlchemy's rows cost more than the reads)
    day = _day_of
    statuses: dict[str, list[tuple[dt.date | None, str]]] = defaultdict(list)
    for business_id, since, status in fetch_plain(
        session,
        select(BusinessStatus.business_id, BusinessStatus.since, BusinessStatus.status).where(
            BusinessStatus.deleted.is_(False)
        )
    ):
        if business_id in businesses and status in STATUSES:
            statuses[business_id].append((day(since), status))
    closures: dict[str, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for business_id, start, end in fetch_plain(
        session,
        select(BusinessClosure.business_id, BusinessClosure.start_date, BusinessClosure.end_date).where(
            BusinessClosure.deleted.is_(False)
        )
    ):
        if business_id in businesses:
            closures[business_id].append((day(start), day(end)))
    calendars: dict[str, OperatingCalendar] = {}
    for business_id in set(statuses) | set(closures) | set(rest_days):
        calendar = _calendar(
            tuple(statuses.get(business_id, ())), rest_days.get(business_id, ""), tuple(closures.get(business_id, ()))
        )
        if not calendar.is_trivial:
            calendars[business_id] = calendar
    chains = {
        row.id: ChainLink(row.chain_role, row.chain_hq_id, row.chain_branch_id)
        for row in fetch(
            session,
            select(Business.id, Business.chain_role, Business.chain_hq_id, Business.chain_branch_id).where(
                Business.deleted.is_(False), Business.chain_role.is_not(None)
            ),
        )
    }
    named = {i for link in chains.values() for i in (link.hq_id, link.branch_id) if i is not None}
    chain_names: dict[str, str] = {}
    if named and names:
        of_named = select(Business.id, Business.name).where(Business.id.in_(sorted(named)))
        chain_names = {row.id: row.name for row in fetch(session, of_named)}
    return Scope(
        region, tree, businesses, calendars, read_settings(session), chains=chains, chain_names=chain_names
    )
