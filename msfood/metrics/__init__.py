"""The figures (DOMAIN.md section 3): every rate in the app, the CLI and the reports comes from here.

`compute_stats(session, period="2026Q2", as_of=date(2026, 6, 30), region="430204")` returns a Stats
whose `to_json()` is INTERFACES.md section 3 (msfood.metrics.stats). Region filters take a division
code and cover every region under it. Grades, the high-risk mark, regions and cadre levels are current
values.

The names below load on first use (PEP 562): the dashboard reads its cached figures before the first
paint through msfood.metrics.figures_cache, and importing this package must not pull in every
figure's module and SQLAlchemy's statements on that path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from msfood.core.lazy import lazy_attributes

if TYPE_CHECKING:
    from msfood.metrics.results import Stats, Tally
    from msfood.metrics.stats import (
        compute_stats,
        region_children,
        supervision_by_cadre,
        supervision_by_region,
    )

_LAZY = {
    "Stats": "msfood.metrics.results",
    "Tally": "msfood.metrics.results",
    "compute_stats": "msfood.metrics.stats",
    "supervision_by_cadre": "msfood.metrics.stats",
    "supervision_by_region": "msfood.metrics.stats",
    "region_children": "msfood.metrics.stats",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
