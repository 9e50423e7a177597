"""Authority in the merge: what a trusted peer may change (ARCHITECTURE.md "Authority").

A valid signature proves who sent a bundle, not that the sender may change what it carries: a
station's database file, and so its key, sits on an ordinary office PC. So before the merge writes a
row, this module asks whether the sender may make that change here. Only rows that would change
something are judged: a row the receiver holds at the same or a newer stamp is an echo (an honest
station sends back what its bureau relayed to it) and the merge reports it unchanged as before.

Who the sender is, seen from the receiver (peers table, set by enrolment):
- our **hub**: the peer enrolled as a bureau whose area holds ours (or that has no area). It sets
  the shared tables and relays the records of every unit in our scope: it may send anything, except
  entries of our own audit chain (which would stop our own audited writes, see below) and our own
  unit row (which only we change).
- anyone else (a **station**, or a county **hub** below us): its own ground only. Its area is the
  region subtree of the code it enrolled with; it may speak for its own origin and, when it enrolled
  as a bureau (a hub below us), for the units whose region lies in its area.

What happens to a row outside the sender's authority, and why:
- A row stamped with the **receiver's own origin** from anyone but our hub: **refused** (exit 1, the
  rows named). An honest peer never sends it (exports leave out the receiver's origin), so it can
  only be forged; refusing the whole bundle makes the sender's PC visible at once.
- An **audit entry of our own chain**, from anyone: refused from a station as above; from our hub
  (a `--full` bundle carries our entries back) set aside. Our chain is written only by us: an entry
  taken in would occupy the seq our next audited write needs.
- Everything else (another unit's origin, a record outside the sender's area or one that the
  receiver holds outside it, a shared table from a station, an audit entry changed after the fact, a
  region above the sender's area that the receiver holds already): **set aside** into the conflicts
  table with both versions (exit 0). Honest stations can send such rows in odd orders (a business
  moved out of their area while they edited it, an echo that crossed a newer version), so the rest of
  their bundle must still land; the row is never applied, the bureau therefore never relays it, and
  a person sees it in the conflicts view.
Rows pointing at a set-aside row the receiver does not hold are set aside with it (the merge's own
cascade). Values and closed periods are judged elsewhere (msfood.sync.rules, services.writing.guards).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select

from msfood.core.errors import Issue, ValidationError
from msfood.sync.scope import SHARED, area_prefix, contains

REFUSE, ASIDE = "refuse", "aside"
MAX_NAMED = 10
# Tables whose rows belong to an area through the named column, and what that column points at.
AREA_LINK = {
    "businesses": ("region_id", "region"),
    "sampling_plans": ("region_id", "region"),
    "cadres": ("region_id", "region"),
    "business_statuses": ("business_id", "business"),
    "business_closures": ("business_id", "business"),
    "assignments": ("business_id", "business"),
    "visits": ("business_id", "business"),
    "selfchecks": ("business_id", "business"),
    "samplings": ("business_id", "business"),
    "rapid_tests": ("business_id", "business"),
    "visit_answers": ("visit_id", "visit"),
    "problems": ("visit_id", "visit"),
}


@dataclass(frozen=True)
class Verdict:
    """One row the sender may not write here: the table, the record, and why (a message code)."""

    table: str
    record_id: str
    reason: str  # a short code (the conflict's reason; its text is authority.reason.<code>)
    action: str  # REFUSE or ASIDE


@dataclass
class Authority:
    """The receiver's view of one sender, for one merge (built by `for_sender`)."""

    own: str
    sender: str
    is_hub: bool
    area: str | None  # the sender's region code (None: no area, so no area-bound record)
    speaks_for: frozenset[str] = frozenset()
    child_hub: bool = False  # a bureau enrolled below us: relays the units of its area
    # fetch(table, columns, ids) -> {id: row}: the merge's own backend reader (raw cursor on SQLite)
    fetch: Any = None
    _all_regions: set[str] | None = None
    _all_businesses: set[str] | None = None
    _units_stale: bool = False
    _area_regions: set[str] | None = None
    _area_businesses: set[str] | None = None

    @classmethod
    def for_sender(cls, session: Any, *, own: str, own_region: str | None, peer: Any) -> Authority:
        kind, region = peer.kind, peer.region_code or None
        is_hub = kind == "bureau" and (not region or not own_region or contains(region, own_region))
        authority = cls(own=own, sender=peer.code, is_hub=is_hub, area=region)
        authority.child_hub = kind == "bureau" and not is_hub and bool(region)
        authority._read_units(session)
        return authority

    def _read_units(self, session: Any) -> None:
        """The origins the sender speaks for: itself, and for a hub below us the units in its area."""
        speaks = {self.sender}
        if self.child_hub:
            from msfood.db.models import Unit

            for code, unit_region in session.execute(select(Unit.code, Unit.region_code)):
                if unit_region and contains(self.area, unit_region):
                    speaks.add(code)
        speaks.discard(self.own)
        self.speaks_for = frozenset(speaks)
        self._units_stale = False

    def _joining(self, name: str, index: dict[str, int], row: Sequence[Any]) -> bool:
        """A hub below us relays the own record of a unit of its area that we do not know yet."""
        if not self.child_hub or name != "units":
            return False
        code, region = row[index["code"]], row[index["region_code"]] if "region_code" in index else None
        return (
            code == row[index["origin"]] and code != self.own and bool(region) and contains(self.area, region)
        )

    def merged(self, table_name: str) -> None:
        """The merge wrote rows of this table: area sets that depend on it are read again."""
        if table_name == "units":
            self._units_stale = self.child_hub
        elif table_name == "regions":
            self._area_regions = None
            self._area_businesses = None
        elif table_name == "businesses":
            self._area_businesses = None

    # --- the area ---------------------------------------------------------------------------------

    def _regions(self, session: Any) -> set[str]:
        if self._area_regions is None:
            from msfood.db.models import Region

            found: set[str] = set()
            rows = session.execute(select(Region.id, Region.code, Region.parent_id)).all()
            self._all_regions = {r[0] for r in rows}
            if self.area:
                prefix = area_prefix(self.area)
                children: dict[str | None, list[str]] = {}
                for rid, code, parent in rows:
                    children.setdefault(parent, []).append(rid)
                    if code.startswith(prefix):
                        found.add(rid)
                # and the tree under the area's own region (codes need not share the prefix)
                stack = [rid for rid, code, _ in rows if code == self.area]
                seen: set[str] = set()
                while stack:  # `seen` stops a loop in the tree (one held before it was refused)
                    rid = stack.pop()
                    if rid in seen:
                        continue
                    seen.add(rid)
                    found.add(rid)
                    stack.extend(children.get(rid, ()))
            self._area_regions = found
        return self._area_regions

    def _businesses(self, session: Any) -> set[str]:
        if self._area_businesses is None:
            from msfood.db.models import Business

            regions = self._regions(session)
            rows = session.execute(select(Business.id, Business.region_id)).all()
            self._all_businesses = {r[0] for r in rows}
            self._area_businesses = {bid for bid, rid in rows if rid in regions}
        return self._area_businesses

    def _in_area(self, session: Any, kind: str, values: set[Any]) -> tuple[set[Any], set[Any]]:
        """Which of these ids (regions, businesses or visits) lie in the sender's area, and which
        the receiver holds at all (a row pointing at nothing is the foreign-key check's to refuse)."""
        from msfood.db.models import Visit

        if kind == "region":
            regions = self._regions(session)
            known = values & (self._all_regions or set())
            return known & regions, known
        businesses = self._businesses(session)
        if kind == "business":
            known = values & (self._all_businesses or set())
            return known & businesses, known
        ids = sorted(v for v in values if isinstance(v, str))
        visits = self._fetch(session, Visit.__table__, ["id", "business_id"], ids)
        known = set(visits)
        return {vid for vid, row in visits.items() if row["business_id"] in businesses}, known

    # --- judging a chunk --------------------------------------------------------------------------

    def judge(
        self, session: Any, table: Table, index: dict[str, int], chunk: Sequence[Sequence[Any]]
    ) -> list[Verdict]:
        """The rows of `chunk` (as the merge holds them) the sender may not write here."""
        name = table.name
        if self._units_stale:
            self._read_units(session)
        i_id, i_hlc, i_origin = index["id"], index["hlc"], index["origin"]
        origins = {row[i_origin] for row in chunk}
        if self.is_hub and self.own not in origins and name not in ("units", "audit_log"):
            return []  # the usual bundle from our bureau: nothing to look up
        link = AREA_LINK.get(name)
        extra = [
            c for c in (link[0] if link else None, "code" if name in ("regions", "units") else None) if c
        ]
        if name == "regions":
            extra.append("parent_id")
        ids = [row[i_id] for row in chunk if isinstance(row[i_id], str)]
        held = self._fetch(session, table, ["id", "hlc", "origin", *extra], ids)
        judged = [row for row in chunk if row[i_id] not in held or row[i_hlc] > held[row[i_id]]["hlc"]]
        if not judged:
            return []
        verdicts: list[Verdict] = []

        def out(row: Sequence[Any], reason: str, action: str = ASIDE) -> None:
            verdicts.append(Verdict(name, str(row[i_id]), reason, action))

        if self.is_hub:
            for row in judged:
                mine = held.get(row[i_id])
                if name == "audit_log" and (row[i_origin] == self.own or mine is not None):
                    out(row, "own_chain" if row[i_origin] == self.own else "audit_changed")
                elif name == "units" and (
                    row[index["code"]] == self.own or (mine or {}).get("code") == self.own
                ):
                    out(row, "own_unit")
            return verdicts
        rest = []
        for row in judged:
            origin = row[i_origin]
            if origin == self.own:
                reason = "own_chain" if name == "audit_log" else "own_origin"
                out(row, reason, REFUSE)
            elif origin not in self.speaks_for and not self._joining(name, index, row):
                out(row, "other_origin")
            elif name == "audit_log" and row[i_id] in held:
                out(row, "audit_changed")
            else:
                rest.append(row)
        if not rest:
            return verdicts
        if name == "units":
            for row in rest:
                mine = held.get(row[i_id])
                codes = {row[index["code"]], (mine or {}).get("code", row[index["code"]])}
                if not codes <= self.speaks_for and not (mine is None and self._joining(name, index, row)):
                    out(row, "other_unit")
        elif name == "regions":
            regions = self._regions(session)
            prefix = area_prefix(self.area) if self.area else None
            new_ids = {r[i_id] for r in rest if prefix is not None and r[index["code"]].startswith(prefix)}
            for row in rest:
                code = row[index["code"]]
                mine = held.get(row[i_id])
                in_area = prefix is not None and code.startswith(prefix) or row[i_id] in regions
                held_in = mine is None or (prefix is not None and mine["code"].startswith(prefix))
                parent = row[index["parent_id"]] if "parent_id" in index else None
                if in_area and held_in:
                    if code != self.area and (parent is None or parent in regions or parent in new_ids):
                        continue  # inside the area, hung inside it
                    if code == self.area and (mine is None or mine.get("parent_id") == parent):
                        continue  # the area's own region, still hung where it was
                    out(row, "region_outside")  # would move (part of) the area elsewhere in the tree
                    continue
                above = self.area is not None and contains(code, self.area) and code != self.area
                if above and mine is None:
                    continue  # a missing region above the sender's area: needed for its tree, added
                out(row, "region_outside" if not above else "shared_down")
        elif name in SHARED or name == "closed_periods":
            for row in rest:
                out(row, "shared_down")
        elif link is not None:
            column, kind = link
            position = index.get(column)
            if position is None:
                return verdicts
            wanted = {row[position] for row in rest} | {
                m[column] for m in (held.get(row[i_id]) for row in rest) if m is not None
            }
            inside, known = self._in_area(session, kind, wanted)
            for row in rest:
                mine = held.get(row[i_id])
                if row[position] not in known and row[position] is not None:
                    continue  # points at nothing held: refused by the foreign-key check at the end
                if row[position] in inside and (mine is None or mine[column] in inside):
                    continue
                if name == "cadres" and (mine is None or mine["origin"] == self.sender):
                    continue  # a cadre of a higher level the station made (city cadres of its businesses)
                out(row, "outside_area")
        return verdicts

    def _fetch(
        self, session: Any, table: Any, columns: list[str], ids: list[str]
    ) -> dict[Any, dict[str, Any]]:
        """{id: row} of the records held among `ids` (the merge's reader, else through the session)."""
        found: dict[Any, dict[str, Any]] = {}
        for start in range(0, len(ids), 8000):
            part = ids[start : start + 8000]
            if self.fetch is not None:
                found.update(self.fetch(table, columns, part))
            else:
                query = select(*(table.c[c] for c in columns)).where(table.c.id.in_(part))
                found.update({r["id"]: dict(r) for r in session.execute(query).mappings()})
        return found


class NotAllowed(ValidationError):
    """A bundle refused for rows its sender may never write here (only forged bundles carry them),
    naming the records and why. Its text is built in the language asked for."""

    def __init__(self, file: str, verdicts: list[Verdict], total: int) -> None:
        issues = [Issue("authority.refused", "", {"file": file, "count": total})]
        issues += [
            Issue(f"authority.reason.{v.reason}", "", {"table": v.table, "record": v.record_id})
            for v in verdicts
        ]
        super().__init__(issues)
        self.code = "authority.refused"
        self.params = {"file": file, "count": total}
        self.file = file
        self.verdicts = verdicts
        self.total = total

    def message(self, lang: str | None = None) -> str:
        from msfood.i18n import t

        lines = [t("authority.refused", lang, file=self.file, count=self.total)]
        for v in self.verdicts:
            lines.append(
                t(
                    "authority.item",
                    lang,
                    table=t(f"sync.table.{v.table}", lang),
                    record=v.record_id,
                    why=t(f"authority.reason.{v.reason}", lang),
                )
            )
        if self.total > len(self.verdicts):
            lines.append(t("authority.more", lang, count=self.total - len(self.verdicts)))
        return "\n".join(lines)
