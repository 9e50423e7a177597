"""Ranking (排名, DOMAIN.md section 3, INTERFACES.md section 4): the regions one level below R ranked on
one figure, highest first, regions with no figure last; equal figures share a rank (1, 2, 2, 4).
While P runs, supervision ranks by progress (equal to the final rate once P has ended). Each region
also carries its rank on the same figure for the previous period of the same kind, judged as of that
period's end, and the change (previous rank - rank: positive is 进位).

One pass: R's scope, roster and duties are loaded once, every table is read once (read_once), and
split among the regions under R; each region's figures are then exactly `compute_stats` for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sqlalchemy.orm import Session

from msfood.core.clock import Clock
from msfood.core.collector import paused_collector
from msfood.core.errors import ValidationError
from msfood.domain.periods import Period, parse_period
from msfood.metrics.figures import read_once, split_duties, stats_over, sub_scopes
from msfood.metrics.progress import progress_by_level
from msfood.metrics.results import Progress, SelfChecks, Stats
from msfood.metrics.sampling import sampling
from msfood.metrics.scope import RegionNode, Scope, load_scope
from msfood.metrics.selfchecks import selfchecks
from msfood.metrics.supervision import Roster, coverage, duties

Share = tuple[int, int]  # (numerator, denominator) of the figure ranked on

# The figures a ranking may be on, and where each reads its numerator and denominator in a Stats.
FIGURES: dict[str, Callable[[Stats], Share]] = {
    "supervision": lambda s: (s.supervision.progress.met, s.supervision.progress.total),
    "coverage": lambda s: (s.supervision.coverage.guaranteed, s.supervision.coverage.operating),
    "daily": lambda s: (s.selfcheck.daily.covered, s.selfcheck.daily.owing),
    "weekly": lambda s: (s.selfcheck.weekly.covered, s.selfcheck.weekly.applicable),
    "monthly": lambda s: (s.selfcheck.monthly.covered, s.selfcheck.monthly.applicable),
    "platform_use": lambda s: (s.selfcheck.active, s.selfcheck.owing),
    "disposal": lambda s: (s.sampling.disposal.closed_on_time, s.sampling.disposal.cases),
}
# Which part of the figures each needs (the previous period computes that part alone).
PART = {
    "supervision": "supervision", "coverage": "coverage", "daily": "selfcheck", "weekly": "selfcheck",
    "monthly": "selfcheck", "platform_use": "selfcheck", "disposal": "sampling",
}


def check_figure(by: str) -> str:
    if by not in FIGURES:
        raise ValidationError("ranking.figure_unknown", "by", figure=by, figures=" | ".join(FIGURES))
    return by


@dataclass(frozen=True)
class RankedRegion:
    code: str
    name: str
    numerator: int
    denominator: int
    rank: int | None  # None: no figure (denominator 0)
    previous_rank: int | None
    stats: Stats | None  # the region's figures (None for the previous period's rows)

    @property
    def rate(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    @property
    def change(self) -> int | None:
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank

    def to_json(self) -> dict[str, Any]:
        return {
            "region": self.code,
            "name": self.name,
            "rate": self.rate,
            "rank": self.rank,
            "previous_rank": self.previous_rank,
            "change": self.change,
            "figures": self.stats.to_json() if self.stats is not None else None,
        }


@dataclass(frozen=True)
class Ranking:
    period: str
    as_of: dt.date
    region: str | None
    region_name: str | None
    by: str
    previous_period: str
    previous_as_of: dt.date
    rows: tuple[RankedRegion, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "as_of": self.as_of.isoformat(),
            "region": self.region,
            "by": self.by,
            "previous_period": self.previous_period,
            "previous_as_of": self.previous_as_of.isoformat(),
            "rows": [row.to_json() for row in self.rows],
        }


def assign_ranks(shares: dict[str, Share]) -> dict[str, int | None]:
    """Highest first; equal figures (as exact fractions) share a rank: 1, 2, 2, 4. No figure: None."""
    ranked = sorted(
        ((Fraction(n, d), key) for key, (n, d) in shares.items() if d), key=lambda pair: -pair[0]
    )
    ranks: dict[str, int | None] = {key: None for key, (_n, d) in shares.items() if not d}
    previous: Fraction | None = None
    rank = 0
    for position, (value, key) in enumerate(ranked, start=1):
        if value != previous:
            rank, previous = position, value
        ranks[key] = rank
    return ranks


def _children(scope: Scope) -> list[RegionNode]:
    parent = scope.region.id if scope.region else None
    return [scope.tree.nodes[i] for i in scope.tree.children.get(parent, [])]


def regional_stats(
    session: Session, scope: Scope, period: Period, as_of: dt.date, roster: Roster | None = None
) -> list[tuple[RegionNode, Stats]]:
    """Every region directly under the scope's region, with its whole figures, from one read."""
    children = _children(scope)
    with read_once(session):
        roster = roster or Roster(session)
        found = duties(session, scope, period, as_of, roster)
        result = []
        parts = sub_scopes(scope, children)
        for child in children:
            part = parts[child.id]
            own = split_duties(found, part.businesses.keys())
            result.append((child, stats_over(session, part, period, as_of, details=False, roster=roster, found=own)))
    return result


def regional_shares(
    session: Session, scope: Scope, period: Period, as_of: dt.date, figures: tuple[str, ...],
    roster: Roster | None = None,
) -> dict[str, dict[str, Share]]:
    """Only the figures asked for (the previous period's ranks need nothing else), of every region
    directly under the scope's region: figure -> child region id -> (numerator, denominator)."""
    parts = {PART[by] for by in figures}
    shares: dict[str, dict[str, Share]] = {by: {} for by in figures}
    with read_once(session):
        roster = roster or Roster(session)
        found = duties(session, scope, period, as_of, roster) if "supervision" in parts else []
        children = _children(scope)
        scopes = sub_scopes(scope, children)
        for child in children:
            part = scopes[child.id]
            got: dict[str, Share] = {}
            if "supervision" in parts:
                levels = progress_by_level(split_duties(found, part.businesses.keys()))
                progress = sum(levels.values(), Progress())
                got["supervision"] = (progress.met, progress.total)
            if "coverage" in parts:
                cov = coverage(part, roster, as_of)
                got["coverage"] = (cov.guaranteed, cov.operating)
            if "selfcheck" in parts:
                checks = selfchecks(session, part, period, as_of, details=False)
                for by in ("daily", "weekly", "monthly", "platform_use"):
                    got[by] = _selfcheck_share(by, checks)
            if "sampling" in parts:
                disposal = sampling(session, part, period, as_of).disposal
                got["disposal"] = (disposal.closed_on_time, disposal.cases)
            for by in figures:
                shares[by][child.id] = got[by]
    return shares


def _selfcheck_share(by: str, checks: SelfChecks) -> Share:
    if by == "daily":
        return checks.daily.covered, checks.daily.owing
    if by == "weekly":
        return checks.weekly.covered, checks.weekly.applicable
    if by == "monthly":
        return checks.monthly.covered, checks.monthly.applicable
    return checks.active, checks.owing


def rank_regions(
    session: Session,
    *,
    period: str | Period,
    as_of: dt.date | None = None,
    region: str | None = None,
    by: str = "supervision",
    clock: Clock | None = None,
) -> Ranking:
    """The regions one level below `region` (None: the top of the region tree) ranked on `by`."""
    check_figure(by)
    return rank_all(session, period=period, as_of=as_of, region=region, figures=(by,), clock=clock)[by]


def rank_all(
    session: Session,
    *,
    period: str | Period,
    as_of: dt.date | None = None,
    region: str | None = None,
    figures: tuple[str, ...] = tuple(FIGURES),
    clock: Clock | None = None,
) -> dict[str, Ranking]:
    """rank_regions for several figures at once: the figures of P once, the previous period's parts once."""
    for by in figures:
        check_figure(by)
    resolved = parse_period(period) if isinstance(period, str) else period
    day = as_of or (clock or Clock()).today()
    previous = resolved.previous()
    with paused_collector():
        scope = load_scope(session, region, names=False)
        roster = Roster(session)  # who guaranteed whom and when: the same for both periods
        current = regional_stats(session, scope, resolved, day, roster)
        earlier = regional_shares(session, scope, previous, previous.end, figures, roster)
    result = {}
    for by in figures:
        read = FIGURES[by]
        shares = {child.id: read(stats) for child, stats in current}
        ranks = assign_ranks(shares)
        previous_ranks = assign_ranks(earlier[by])
        rows = [
            RankedRegion(child.code, child.name, *shares[child.id], ranks[child.id], previous_ranks.get(child.id), stats)
            for child, stats in current
        ]
        rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.code))
        result[by] = Ranking(
            period=resolved.key,
            as_of=day,
            region=scope.region.code if scope.region else None,
            region_name=scope.region.name if scope.region else None,
            by=by,
            previous_period=previous.key,
            previous_as_of=previous.end,
            rows=tuple(rows),
        )
    return result
