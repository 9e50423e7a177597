"""The counts bulletins publish (DOMAIN.md section 3, INTERFACES.md section 3): 督导次数 (visits dated
in P up to D, whatever they count toward) and self-check records of each kind dated in P up to D with
the sum of their 发现问题数 (自查发现问题数), over every business in the region, owing or not.

Each is one GROUP BY business query, summed over the scope's businesses in Python (as sets: a
business's count is looked up only when it is in the scope), so that the ranking can split the same
rows among the regions under one without reading them again.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msfood.db.models import SelfCheck, Visit
from msfood.domain.periods import Period
from msfood.metrics.results import RecordCounts
from msfood.metrics.scope import READ_ONCE, Scope, fetch_plain

KINDS = ("daily", "weekly", "monthly")


def visits_by_business(session: Session, period: Period, as_of: dt.date) -> dict[str, int]:
    """Visits not deleted dated in P up to D, per business (the covering date index alone)."""
    window_end = min(period.end, as_of)
    if window_end < period.start:
        return {}
    rows = fetch_plain(
        session,
        select(Visit.business_id, func.count())
        .where(Visit.deleted.is_(False), Visit.visit_date >= period.start, Visit.visit_date <= window_end)
        .group_by(Visit.business_id),
    )
    return dict(rows)  # type: ignore[arg-type]


def visit_count(session: Session, scope: Scope, period: Period, as_of: dt.date) -> int:
    counts = visits_by_business(session, period, as_of)
    return sum(counts[b] for b in counts.keys() & scope.businesses.keys())


def records_by_business(session: Session, period: Period, as_of: dt.date) -> dict[str, RecordCounts]:
    """Self-check records not deleted dated in P up to D, per business: each kind and the issues."""
    cache = session.info.get(READ_ONCE)  # the ranking asks once per region: count them once
    key = ("records_by_business", period.key, as_of)
    if cache is not None and key in cache:
        return cache[key]  # type: ignore[no-any-return]
    found = _records_by_business(session, period, as_of)
    if cache is not None:
        cache[key] = found
    return found


def _records_by_business(session: Session, period: Period, as_of: dt.date) -> dict[str, RecordCounts]:
    window_end = min(period.end, as_of)
    if window_end < period.start:
        return {}
    rows = fetch_plain(
        session,
        select(
            SelfCheck.business_id, SelfCheck.kind, func.count(), func.coalesce(func.sum(SelfCheck.issues_found), 0)
        )
        .where(
            SelfCheck.deleted.is_(False), SelfCheck.record_date >= period.start, SelfCheck.record_date <= window_end
        )
        .group_by(SelfCheck.business_id, SelfCheck.kind),
    )
    found: dict[str, list[int]] = {}
    for business_id, kind, n, issues in rows:
        counts = found.get(business_id)
        if counts is None:
            counts = found[business_id] = [0, 0, 0, 0]
        if kind in KINDS:
            counts[KINDS.index(kind)] += int(n)
        counts[3] += int(issues or 0)
    return {business_id: RecordCounts(*counts) for business_id, counts in found.items()}


def record_counts(session: Session, scope: Scope, period: Period, as_of: dt.date) -> RecordCounts:
    counts = records_by_business(session, period, as_of)
    return sum((counts[b] for b in counts.keys() & scope.businesses.keys()), RecordCounts())
