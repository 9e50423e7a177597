"""compute_stats and the per-region and per-cadre splits of its figures (msfood.metrics names them).

`compute_stats(session, period="2026Q2", as_of=date(2026, 6, 30), region="430204")` returns a Stats
whose `to_json()` is INTERFACES.md section 3. Region filters take a division code and cover every
region under it. Grades, the high-risk mark, regions and cadre levels are current values.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy.orm import Session

from msfood.core.clock import Clock
from msfood.core.collector import paused_collector
from msfood.domain.periods import Period, parse_period
from msfood.metrics.figures import stats_over
from msfood.metrics.results import CadreRef, Obligation, Stats, Tally
from msfood.metrics.scope import RegionNode, RegionTree, load_scope
from msfood.metrics.supervision import tally

__all__ = [
    "Stats",
    "Tally",
    "compute_stats",
    "supervision_by_cadre",
    "supervision_by_region",
    "region_children",
]


def compute_stats(
    session: Session,
    *,
    period: str | Period,
    as_of: dt.date | None = None,
    region: str | None = None,
    clock: Clock | None = None,
    details: bool = True,
) -> Stats:
    """The figures for period P as of D (default: today in China) over a region (default: all).

    With `details` (the dashboard, the reports) the drill-down rows too: every due and open
    obligation, each business short of a self-check kind, the overdue problems. Without (`msfood
    stats`, whose JSON has none of them) those are empty and the businesses' names are not read.
    """
    resolved = parse_period(period) if isinstance(period, str) else period
    day = as_of or (clock or Clock()).today()
    with paused_collector():  # a city's figures hold a few hundred thousand objects at once
        scope = load_scope(session, region, names=details)
        return stats_over(session, scope, resolved, day, details=details)


def region_children(session: Session, region: str | None) -> list[RegionNode]:
    """The regions directly under `region` (the roots when None), by code."""
    scope_tree = RegionTree.load(session)
    parent = scope_tree.require(region).id if region else None
    return [scope_tree.nodes[i] for i in scope_tree.children.get(parent, [])]


def supervision_by_region(
    session: Session, stats: Stats, *, level: str | None = None
) -> list[tuple[str, str, Tally]]:
    """督导完成率 per region: the children of the stats' region, or every region at a division level
    ("county", "township", "village": by code length). Each business counts under the region that
    contains it; regions without obligations are listed with an empty tally."""
    from msfood.domain.identifiers import division_level

    tree = RegionTree.load(session)  # the businesses are already in the stats' obligations
    region = tree.by_code(stats.region) if stats.region else None
    parent = region.id if region else None
    if level is None:
        targets = list(tree.children.get(parent, []))
    else:
        inside = tree.subtree(parent) if parent else set(tree.nodes)
        targets = sorted(
            (i for i in inside if _level_of(division_level, tree.nodes[i].code) == level),
            key=lambda i: tree.nodes[i].code,
        )
    target_set = set(targets)
    grouped: dict[str, list[Obligation]] = defaultdict(list)
    for obligation in stats.supervision.obligations:
        for region_id in tree.ancestors(obligation.region_id):
            if region_id in target_set:
                grouped[region_id].append(obligation)
                break
    return [(tree.nodes[i].code, tree.nodes[i].name, tally(grouped.get(i, []))) for i in targets]


def _level_of(division_level, code: str) -> str | None:  # type: ignore[no-untyped-def]
    try:
        return division_level(code)
    except ValueError:
        return None


def supervision_by_cadre(stats: Stats) -> list[tuple[CadreRef, Tally]]:
    """Per cadre assigned at each obligation's judging day (an obligation shared by two cadres of one
    level counts for both)."""
    grouped: dict[CadreRef, list[Obligation]] = defaultdict(list)
    for obligation in stats.supervision.obligations:
        for cadre in obligation.cadres:
            grouped[cadre].append(obligation)
    rows = [(cadre, tally(items)) for cadre, items in grouped.items()]
    rows.sort(key=lambda pair: (-(pair[1].due - pair[1].met), pair[0].level, pair[0].name, pair[0].phone))
    return rows
