"""The dashboard's figures, loaded on the worker thread: the cached ones first (if nothing they read has
changed), then the fresh ones (kept for the next start), and one region's figures for a township's bar.

msfood.metrics is imported inside each function: it loads on the worker, not on the start-up's path.
The page calls these through the module (figures.load_figures) so a test can hold the computation back.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from msfood.domain.periods import Period
from msfood.services.setup.first_paint import plain_connection
from ui.context import AppContext

if TYPE_CHECKING:
    from msfood.metrics.overview import Overview
    from msfood.metrics.results import Stats


def _fingerprint(session: Any, period: Period, as_of: dt.date) -> str:
    from msfood.metrics.figures_cache import fingerprint

    return fingerprint(session, period=period.key, as_of=as_of, region=None, level="township")


def load_cached(context: AppContext, period: Period, as_of: dt.date) -> Overview | None:
    """On the worker thread, first: the figures last computed, if nothing they read has changed since
    (msfood.metrics.figures_cache); a few milliseconds where computing them takes seconds. The
    dashboard also calls it on the UI thread before its first paint, when it reads through the
    database's plain sqlite3 connection if SQLAlchemy has not loaded yet."""
    from msfood.metrics import figures_cache

    path = context.database.path
    if path is None:
        return None
    plain = plain_connection(context.database)
    if plain is not None:  # before the first paint, the database not opened yet (setup.first_paint)
        return figures_cache.load_plain(
            figures_cache.cache_path(path), plain, period=period.key, as_of=as_of, region=None, level="township"
        )
    with context.database.sessions() as session:
        key = _fingerprint(session, period, as_of)
    return figures_cache.load(figures_cache.cache_path(path), key)


def load_figures(context: AppContext, period: Period, as_of: dt.date) -> Overview:
    """On the worker thread: the stats with the record counts (a pass over the rollup rows the
    coverage reads already), progress per township and the pace (its own session); kept for the
    next start under the fingerprint read in the same transaction, before the figures."""
    from msfood.metrics import figures_cache
    from msfood.metrics.overview import compute_overview

    path = context.database.path
    with context.database.sessions() as session:
        key = _fingerprint(session, period, as_of) if path is not None else None
        overview = compute_overview(session, period=period, as_of=as_of, level="township")
    if path is not None and key is not None:
        figures_cache.store(figures_cache.cache_path(path), key, overview)
    return overview


def load_stats(context: AppContext, period: Period, as_of: dt.date, region: str) -> Stats:
    """On the worker thread: one region's figures with their drill-down rows (a township's bar)."""
    from msfood.metrics import compute_stats

    with context.database.sessions() as session:
        return compute_stats(session, period=period.key, as_of=as_of, region=region)
