"""What the dashboard paints, as plain frozen shapes: the overview, a region's progress and the pace.

Kept apart from the code that computes them (msfood.metrics.overview, .progress) so that reading the
cached figures before the first paint (msfood.metrics.figures_cache, unpickling these) imports only
this module and msfood.metrics.results, not SQLAlchemy's statements and every figure's module.
"""

from __future__ import annotations

from dataclasses import dataclass

from msfood.metrics.results import Progress, Stats, Tally


@dataclass(frozen=True)
class Pace:
    """What is left of a running period as of D: days (after D up to P's end), working days among
    them, obligations still to meet, and how many a working day that asks for."""

    days_left: int
    workdays_left: int
    remaining: int

    @property
    def per_workday(self) -> float | None:
        if self.remaining <= 0:
            return 0.0
        return self.remaining / self.workdays_left if self.workdays_left else None


@dataclass(frozen=True)
class RegionProgress:
    """A region's 督导 progress (the final figure once P has ended) and its tally of due obligations."""

    code: str
    name: str
    progress: Progress
    tally: Tally


@dataclass(frozen=True)
class Overview:
    stats: Stats
    regions: tuple[RegionProgress, ...]
    pace: Pace  # of the whole progress: days, working days and obligations left
    running: bool  # P has not ended by D
