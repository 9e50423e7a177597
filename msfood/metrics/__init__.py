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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from msfood.metrics.results import Stats, Tally
    from msfood.metrics.stats import (
        compute_stats,
        region_children,
        supervision_by_cadre,
        supervision_by_region,
    )

__all__ = [
    "Stats",
    "Tally",
    "compute_stats",
    "supervision_by_cadre",
    "supervision_by_region",
    "region_children",
]

_HOMES = {
    "Stats": "msfood.metrics.results",
    "Tally": "msfood.metrics.results",
    "compute_stats": "msfood.metrics.stats",
    "supervision_by_cadre": "msfood.metrics.stats",
    "supervision_by_region": "msfood.metrics.stats",
    "region_children": "msfood.metrics.stats",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
