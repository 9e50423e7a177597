"""What a peer may see (ARCHITECTURE.md "Sync"): everything, or an area and the shared tables.

A bureau's scope is everything its stations send, so a unit sending to a peer whose area holds its
own (its bureau, or a peer with no area) sends everything. A station's scope is its area:
- the businesses in regions under its region code (the region tree, or the division code's prefix:
  430200 covers 4302xx, 430204 covers its townships 430204xxx and their villages), and every record
  about them whoever wrote it (statuses, closures, assignments, visits and their answers and problems,
  self-checks, samplings, rapid tests), the sampling plans of its regions;
- the cadres of its regions or assigned to (or visiting) its businesses;
- the shared tables: units, regions, settings, visit rules, checklists, holidays, food categories,
  closed periods;
- the audit entries about any of those records.

Known limit: scope is computed from current data. A business moved into an area travels (its row
changed) but its older records do not; a `--full` bundle sends them. A business moved out stays at
its old station as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, Table, and_, false, or_, select, true

from msfood.db.models import synced_tables

SHARED = frozenset(
    {
        "units",
        "regions",
        "settings",
        "visit_rules",
        "checklist_items",
        "holidays",
        "food_categories",
        "closed_periods",
    }
)
BY_BUSINESS = frozenset(
    {
        "business_statuses",
        "business_closures",
        "assignments",
        "visits",
        "selfchecks",
        "samplings",
        "rapid_tests",
    }
)
BY_VISIT = frozenset({"visit_answers", "problems"})
BY_REGION = frozenset({"businesses", "sampling_plans"})


def area_prefix(code: str) -> str:
    """The division-code prefix of every region under `code` (430200 -> 4302, 430000 -> 43)."""
    code = code.strip()
    if len(code) == 6:
        for _ in range(2):
            if code.endswith("00") and len(code) > 2:
                code = code[:-2]
    return code


def contains(outer: str | None, inner: str | None) -> bool:
    """Whether the area of division code `outer` holds `inner` (no outer code: everything)."""
    if not outer:
        return True
    if not inner:
        return False
    return inner.startswith(area_prefix(outer))


@dataclass(frozen=True)
class Scope:
    """A peer's scope: everything, or the area under `region_code`."""

    region_code: str | None = None
    everything: bool = True

    @classmethod
    def area(cls, region_code: str) -> Scope:
        return cls(region_code=region_code, everything=False)


def scope_for_peer(*, own_region: str | None, peer_region: str | None, peer_kind: str) -> Scope:
    """Everything for a peer whose area holds ours (our bureau) or who has no area; else its area."""
    if not peer_region:
        return Scope()
    if peer_kind == "bureau" and (not own_region or contains(peer_region, own_region)):
        return Scope()
    return Scope.area(peer_region)


class ScopeQuery:
    """The SQL conditions selecting a scope's rows, table by table (optionally only changed rows)."""

    def __init__(self, scope: Scope, *, delta: dict[str, ColumnElement[bool]] | None = None) -> None:
        self.scope = scope
        self.tables = {t.name: t for t in synced_tables()}
        self.delta = delta or {}
        self._area: Select | None = None
        self._businesses: Select | None = None
        self._visits: Select | None = None

    # --- building blocks ------------------------------------------------------------------------

    def area_regions(self) -> Select:
        """Ids of the regions in the area: under the area's region in the tree, or by code prefix.
        Built once per query object: the statements that use it share one CTE."""
        if self._area is None:
            regions = self.tables["regions"]
            code = self.scope.region_code or ""
            tree = select(regions.c.id).where(regions.c.code == code).cte("area_tree", recursive=True)
            child = regions.alias("area_child")
            # UNION, not UNION ALL: a loop in the tree (refused by the merge, but one may be held
            # from before) ends the recursion instead of running forever.
            tree = tree.union(select(child.c.id).where(child.c.parent_id == tree.c.id))
            self._area = select(regions.c.id).where(
                or_(regions.c.code.like(area_prefix(code) + "%"), regions.c.id.in_(select(tree.c.id)))
            )
        return self._area

    def businesses(self) -> Select:
        if self._businesses is None:
            businesses = self.tables["businesses"]
            self._businesses = select(businesses.c.id).where(businesses.c.region_id.in_(self.area_regions()))
        return self._businesses

    def visits(self) -> Select:
        if self._visits is None:
            visits = self.tables["visits"]
            self._visits = select(visits.c.id).where(visits.c.business_id.in_(self.businesses()))
        return self._visits

    def cadres_in_scope(self) -> ColumnElement[bool]:
        cadres, assignments, visits = self.tables["cadres"], self.tables["assignments"], self.tables["visits"]
        in_area = self.businesses()
        return or_(
            cadres.c.region_id.in_(self.area_regions()),
            cadres.c.id.in_(select(assignments.c.cadre_id).where(assignments.c.business_id.in_(in_area))),
            cadres.c.id.in_(select(visits.c.cadre_id).where(visits.c.business_id.in_(in_area))),
        )

    # --- per table ------------------------------------------------------------------------------

    def in_scope(self, name: str) -> ColumnElement[bool]:
        """Rows of table `name` in the scope (whatever their change counter)."""
        if self.scope.everything or name in SHARED:
            return true()
        table = self.tables[name]
        if name in BY_REGION:
            return table.c.region_id.in_(self.area_regions())
        if name in BY_BUSINESS:
            return table.c.business_id.in_(self.businesses())
        if name in BY_VISIT:
            return table.c.visit_id.in_(self.visits())
        if name == "cadres":
            return self.cadres_in_scope()
        if name == "audit_log":
            return self._audit_in_scope(table)
        return false()

    def _audit_in_scope(self, audit: Table) -> ColumnElement[bool]:
        """Entries about shared records and about records of the area. Cadres count by their own region
        only here: a cadre that enters the scope by an assignment travels then, but its older entries
        (already acknowledged) would not, so counting them would make the two sides disagree."""
        parts: list[ColumnElement[bool]] = [audit.c.table_name.in_(sorted(SHARED))]
        for name, table in self.tables.items():
            if name in SHARED or name == "audit_log":
                continue
            if name == "cadres":
                condition = table.c.region_id.in_(self.area_regions())
            else:
                condition = self.in_scope(name)
            parts.append(
                and_(audit.c.table_name == name, audit.c.record_id.in_(select(table.c.id).where(condition)))
            )
        return or_(*parts)

    def condition(self, name: str) -> ColumnElement[bool]:
        """Rows to send: changed (per `delta`) and in scope; for cadres, also the cadres that changed
        assignments and visits point at (a cadre newly in scope must travel with them)."""
        table = self.tables[name]
        changed = self.delta.get(name, true())
        own = and_(changed, self.in_scope(name))
        if name != "cadres" or self.scope.everything:
            return own
        assignments, visits = self.tables["assignments"], self.tables["visits"]
        return or_(
            own,
            table.c.id.in_(
                select(assignments.c.cadre_id).where(
                    and_(self.delta.get("assignments", true()), self.in_scope("assignments"))
                )
            ),
            table.c.id.in_(
                select(visits.c.cadre_id).where(
                    and_(self.delta.get("visits", true()), self.in_scope("visits"))
                )
            ),
        )
