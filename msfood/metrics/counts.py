"""The counts bulletins publish (DOMAIN.md section 3, INTERFACES.md section 3): 督导次数 (visits dated
in P up to D, whatever they count toward) and self-check records of each kind dated in P up to D with
the sum of their 发现问题数 (自查发现问题数), over every business in the region, owing or not.

Each is read per business, summed over the scope's businesses in Python (as sets: a business's count
is looked up only when it is in the scope), so that the ranking can split the same rows among the
regions under one without reading them again. The records are not read: a business has at most one
record of a kind a day, so each kind's count is a masked bit count of the rollup (selfcheck_days,
msfood.db.rollups), and the issues come from a partial index of the few records that found any.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, KeysView
from operator import itemgetter
from typing import TYPE_CHECKING

from sqlalchemy import false, func, literal_column, select
from sqlalchemy.orm import Session

from msfood.db.models import SelfCheck, Visit
from msfood.domain.periods import Period
from msfood.metrics.results import RecordCounts
from msfood.metrics.scope import READ_ONCE, Scope, fetch_plain
from msfood.metrics.selfchecks import day_mask, month_pieces, month_rows

if TYPE_CHECKING:
    from msfood.metrics.supervision import VisitLog


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


def visit_count(
    session: Session, scope: Scope, period: Period, as_of: dt.date, *, log: VisitLog | None = None
) -> int:
    """督导次数 over the scope. From `log` (the visits the duties read) when it covers P up to D: the
    same table is then not read twice; else from its own per-business query."""
    window_end = min(period.end, as_of)
    if log is not None and log.first <= period.start and window_end <= log.last:
        if window_end < period.start:
            return 0
        inside = scope.businesses
        rows, by_date = log.rows, itemgetter(0)  # (date order: the window is one slice)
        window = rows[bisect_left(rows, period.start, key=by_date) : bisect_right(rows, window_end, key=by_date)]
        return sum(1 for _day, business_id, _cadre, _mode in window if business_id in inside)
    counts = visits_by_business(session, period, as_of)
    return sum(counts[b] for b in counts.keys() & scope.businesses.keys())


def records_by_business(session: Session, period: Period, as_of: dt.date) -> list[dict[str, int]]:
    """Self-check records not deleted dated in P up to D, per business, packed (see FIELD, `unpack`):
    one table per month of the window and one of the issues, a business's counts being their sum."""
    cache = session.info.get(READ_ONCE)  # the ranking asks once per region: count them once
    key = _tables_key(period, as_of)
    if cache is not None and key in cache:
        return cache[key]  # type: ignore[no-any-return]
    found = _records_by_business(session, period, as_of)
    if cache is not None:
        cache[key] = found
    return found


# A business's four counts as one integer, so that adding months and summing a region's businesses
# are plain additions (a city's 50,000 businesses: a tuple per business costs several times more).
# The three record counts take 32 bits each: a region's sum stays below 2**32 up to 11 million
# businesses recording every day of a year. The issues take the bits above, without a limit.
FIELD = 32
ISSUES_AT = 3 * FIELD
_FIELD_MASK = (1 << FIELD) - 1


def unpack(value: int) -> RecordCounts:
    return RecordCounts(
        daily=value & _FIELD_MASK,
        weekly=value >> FIELD & _FIELD_MASK,
        monthly=value >> 2 * FIELD & _FIELD_MASK,
        issues_found=value >> ISSUES_AT,
    )


def _tables_key(period: Period, as_of: dt.date) -> tuple[str, str, dt.date]:
    return ("records_by_business", period.key, as_of)


def _records_by_business(session: Session, period: Period, as_of: dt.date) -> list[dict[str, int]]:
    window_end = min(period.end, as_of)
    if window_end < period.start:
        return []
    # The tables are kept apart: a scope's sum is a sum over each, cheaper than merging them into
    # one table per business first (a dict step per business and month).
    pieces = month_pieces(period.start, window_end)
    found = [dict(_packed_month(session, month, first, last)) for month, first, last in pieces]
    # (a record of no known kind has no day column: its issues count all the same)
    found.append({b: int(n) << ISSUES_AT for b, n in _issues_by_business(session, period.start, window_end)})
    return found


def _packed_month(session: Session, month: str, first: dt.date, last: dt.date) -> Iterator[tuple[str, int]]:
    """Each business with a record in the month's days `first`..`last`, with its counts packed (see
    FIELD): a Python step per business, not per record. Both ways of counting read it."""
    mask = day_mask(first, last)
    return (
        (business_id, (daily & mask).bit_count() | (weekly & mask).bit_count() << FIELD
         | (monthly & mask).bit_count() << 2 * FIELD)
        for business_id, daily, _dated, weekly, monthly in month_rows(session, month)
        if (daily | weekly | monthly) & mask
    )


def _issues_by_business(session: Session, start: dt.date, end: dt.date) -> list[tuple[str, int]]:
    """The issues found by the live records dated in [start, end], per business (issues are never
    negative). The literal terms are the partial index's own (ix_selfchecks_issues): SQLite uses an
    index of this kind only when the query names its terms."""
    return fetch_plain(
        session,
        select(SelfCheck.business_id, func.sum(SelfCheck.issues_found))
        .where(
            SelfCheck.deleted == false(),
            SelfCheck.issues_found > literal_column("0"),
            SelfCheck.record_date >= start,
            SelfCheck.record_date <= end,
        )
        .group_by(SelfCheck.business_id),
    )


def record_counts(
    session: Session, scope: Scope, period: Period, as_of: dt.date, *, split: bool = True
) -> RecordCounts:
    """The scope's counts. `split`: other regions will count from the same rows (the ranking, inside
    read_once); without it (`msfood stats`, the dashboard) the rows are summed as they come instead of
    building per-business tables first (half the work), unless those tables are already kept."""
    businesses = scope.businesses
    cache = session.info.get(READ_ONCE)
    kept = cache is not None and _tables_key(period, as_of) in cache
    if not split and not kept:
        return unpack(_total_over(session, businesses.keys(), period, as_of))
    total = 0
    for counts in records_by_business(session, period, as_of):  # (set and map: C steps, no Python frame)
        total += sum(map(counts.__getitem__, counts.keys() & businesses.keys()))
    return unpack(total)


def _total_over(session: Session, inside: KeysView[str], period: Period, as_of: dt.date) -> int:
    """The packed counts (see FIELD) of the businesses `inside`, summed: records_by_business's tables
    added up over them, without the tables."""
    window_end = min(period.end, as_of)
    if window_end < period.start:
        return 0
    total = 0
    for month, first, last in month_pieces(period.start, window_end):
        packed = _packed_month(session, month, first, last)
        total += sum(counts for business_id, counts in packed if business_id in inside)
    issues = sum(int(n) for business_id, n in _issues_by_business(session, period.start, window_end)
                 if business_id in inside)
    return total + (issues << ISSUES_AT)
