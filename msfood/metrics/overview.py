"""What the dashboard and the reports show in one go: the figures, progress per region (the township
bars) and the pace still needed, from one scope, roster and set of duties.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from msfood.core.clock import Clock
from msfood.core.collector import paused_collector
from msfood.domain.identifiers import division_level
from msfood.domain.periods import Period, parse_period
from msfood.metrics.counts import record_counts
from msfood.metrics.figures import split_duties, stats_over
from msfood.metrics.overview_shape import Overview, RegionProgress
from msfood.metrics.progress import pace, progress_by_level
from msfood.metrics.results import Progress, RecordCounts, Tally
from msfood.metrics.sampling import work_calendar
from msfood.metrics.scope import Scope, load_scope
from msfood.metrics.supervision import Duty, Roster, duties

# the shapes live in overview_shape (light to import for the cached first paint); named here as before
__all__ = [
    "Overview", "RegionProgress", "compute_overview", "progress_by_region", "region_record_counts", "region_targets",
]


def _division_level(code: str) -> str | None:
    try:
        return division_level(code)
    except ValueError:
        return None


def region_targets(scope: Scope, level: str | None) -> list[str]:
    """The regions the bars are drawn for: every region of `level` inside the scope's region (by code
    length: township), or with None the regions directly under it."""
    tree = scope.tree
    parent = scope.region.id if scope.region else None
    if level is None:
        return list(tree.children.get(parent, []))
    inside = tree.subtree(parent) if parent else set(tree.nodes)
    found = [i for i in inside if _division_level(tree.nodes[i].code) == level]
    return sorted(found, key=lambda i: tree.nodes[i].code)


def progress_by_region(scope: Scope, found: list[Duty], targets: list[str]) -> list[RegionProgress]:
    """Each target region's progress and tally from the scope's duties, split by where each business is
    (a business counts under the first of its ancestors that is a target)."""
    tree = scope.tree
    target_set = set(targets)
    members: dict[str, set[str]] = {t: set() for t in targets}
    place: dict[str, str | None] = {}
    for business_id, business in scope.businesses.items():
        region_id = business.region_id
        if region_id not in place:
            place[region_id] = next((r for r in tree.ancestors(region_id) if r in target_set), None)
        target = place[region_id]
        if target is not None:
            members[target].add(business_id)
    rows = []
    for target in targets:
        own = split_duties(found, members[target])
        tally = sum((duty.tally() for duty in own), Tally())
        progress = sum(progress_by_level(own).values(), Progress())
        node = tree.nodes[target]
        rows.append(RegionProgress(node.code, node.name, progress, tally))
    return rows


def compute_overview(
    session: Session,
    *,
    period: str | Period,
    as_of: dt.date | None = None,
    region: str | None = None,
    level: str | None = "township",
    clock: Clock | None = None,
    records: bool = True,
) -> Overview:
    """compute_stats (with the drill-down rows) plus progress per region of `level` and the pace.
    Without `records` the self-check record counts are zero: count them with region_record_counts."""
    resolved = parse_period(period) if isinstance(period, str) else period
    day = as_of or (clock or Clock()).today()
    with paused_collector():
        scope = load_scope(session, region, names=True)
        roster = Roster(session)
        found = duties(session, scope, resolved, day, roster)
        stats = stats_over(session, scope, resolved, day, details=True, roster=roster, found=found, records=records)
        regions = progress_by_region(scope, found, region_targets(scope, level))
        if level is not None and not regions:  # no townships: the regions directly under
            regions = progress_by_region(scope, found, region_targets(scope, None))
    left = pace(stats.supervision.progress, resolved.end, day, work_calendar(session))
    return Overview(stats, tuple(regions), left, running=day < resolved.end)


def region_record_counts(
    session: Session, *, period: str | Period, as_of: dt.date, region: str | None = None
) -> RecordCounts:
    """The self-check record counts alone (what compute_overview(records=False) leaves out)."""
    resolved = parse_period(period) if isinstance(period, str) else period
    scope = load_scope(session, region, names=False)
    return record_counts(session, scope, resolved, as_of, split=False)
