"""One region's Stats from a loaded scope: what compute_stats returns, and what the ranking computes
for each region under one from a single read of the data (`read_once`, `sub_scope`).

The parts: supervision (with progress and 督导次数), the self-checks (with the record counts),
sampling and rapid tests. Every figure comes from the modules that define it; this module only
puts them together, so that `msfood stats --region R` and a ranking row for R cannot differ.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from msfood.domain.periods import Period
from msfood.metrics.counts import record_counts, visit_count
from msfood.metrics.progress import progress_by_level
from msfood.metrics.results import Stats
from msfood.metrics.sampling import rapid, sampling
from msfood.metrics.scope import READ_ONCE, RegionNode, Scope
from msfood.metrics.selfchecks import selfchecks
from msfood.metrics.supervision import Duty, Roster, duties, supervision


@contextlib.contextmanager
def read_once(session: Session) -> Iterator[None]:
    """Inside the block the figures' reads (msfood.metrics.scope.fetch) are kept and reused: a
    statement with the same SQL and parameters returns the rows it returned before. For computing
    several regions' figures over one snapshot; never across writes."""
    outer = session.info.get(READ_ONCE)
    if outer is not None:  # nested: the outer block owns the cache
        yield
        return
    session.info[READ_ONCE] = {}
    try:
        yield
    finally:
        session.info.pop(READ_ONCE, None)


def sub_scope(scope: Scope, region: RegionNode) -> Scope:
    """The part of a loaded scope inside `region` (and every region under it): what
    load_scope(session, region.code) would load, without reading anything again."""
    inside = scope.tree.subtree(region.id)
    businesses = {b: p for b, p in scope.businesses.items() if p.region_id in inside}
    calendars = {b: c for b, c in scope.calendars.items() if b in businesses}
    # every chain member of the database, as load_scope keeps them: a store's headquarters may lie
    # in another region, and its records still meet the store's duties
    return Scope(region, scope.tree, businesses, calendars, scope.settings, chains=scope.chains,
                 chain_names=scope.chain_names)


def sub_scopes(scope: Scope, regions: list[RegionNode]) -> dict[str, Scope]:
    """sub_scope for each of several regions that do not overlap (the children of one region), in one
    pass over the scope's businesses: the ranking's parts, without a pass per region."""
    tree = scope.tree
    wanted = {region.id for region in regions}
    owner: dict[str, str | None] = {}  # region id -> the wanted region containing it
    parts: dict[str, dict[str, Any]] = {region.id: {} for region in regions}
    for business_id, profile in scope.businesses.items():
        region_id = profile.region_id
        found = owner.get(region_id, "")
        if found == "":
            found = owner[region_id] = next((r for r in tree.ancestors(region_id) if r in wanted), None)
        if found is not None:
            parts[found][business_id] = profile
    return {
        region.id: Scope(
            region, tree, parts[region.id],
            {b: c for b, c in scope.calendars.items() if b in parts[region.id]}, scope.settings,
            chains=scope.chains, chain_names=scope.chain_names,
        )
        for region in regions
    }


def stats_over(
    session: Session,
    scope: Scope,
    period: Period,
    as_of: dt.date,
    *,
    details: bool = True,
    roster: Roster | None = None,
    found: list[Duty] | None = None,
    records: bool = True,
) -> Stats:
    """The figures of `scope` for P as of D. `roster` and `found` (the scope's duties) when the
    caller has them: the ranking reads the roster once and splits one region's duties. Without
    `records` the self-check record counts are left at zero (a caller that shows none of them)."""
    roster = roster or Roster(session)
    found = duties(session, scope, period, as_of, roster) if found is None else found
    figures = supervision(session, scope, period, as_of, details=details, roster=roster, found=found)
    figures = replace(
        figures, progress_by_level=progress_by_level(found),
        visits=visit_count(session, scope, period, as_of, log=roster.visit_log),
    )
    split = READ_ONCE in session.info  # inside the ranking's read_once: other regions reuse the rows
    with read_once(session):  # the coverage and the record counts read the same rollup rows
        checks = selfchecks(session, scope, period, as_of, details=details)
        if records:
            checks = replace(checks, counts=record_counts(session, scope, period, as_of, split=split))
    return Stats(
        period=period.key,
        period_start=period.start,
        period_end=period.end,
        as_of=as_of,
        region=scope.region.code if scope.region else None,
        region_name=scope.region.name if scope.region else None,
        supervision=figures,
        selfcheck=checks,
        sampling=sampling(session, scope, period, as_of),
        rapid=rapid(session, scope, period, as_of),
    )


def split_duties(found: list[Duty], businesses: set[str] | frozenset[str]) -> list[Duty]:
    """The duties of the businesses given (a region inside the one the duties were judged for): each
    obligation depends on its own business alone, so the part is what that region's own would be."""
    return [replace(duty, owed=duty.owed & businesses, early=duty.early & businesses) for duty in found]
