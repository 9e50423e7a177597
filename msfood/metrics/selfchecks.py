"""日管控、周排查、月调度 coverage and 平台应用率 (DOMAIN.md section 3, "Self-checks").

Record counts come from SQL, grouped by business. Only for the few businesses whose operating days do
not fill the window (status changes, rest days, closures) are record dates fetched, to drop records
made on days the business was closed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msfood.db.models import SelfCheck
from msfood.domain.enums import SELFCHECK_KIND
from msfood.domain.periods import Period, periods_ending_within
from msfood.metrics.results import DailyCoverage, KindCoverage, SelfCheckGap, SelfChecks
from msfood.metrics.scope import Scope

# Businesses per key lookup. Each lookup may scan the kind's whole key range (the planner prefers the
# (kind, period_key) index to seeking each id), so fewer, larger lookups: 500 made a city's figures
# spend 5 s here, 5,000 half that. Well under SQLite's and PostgreSQL's limits on bound values.
CHUNK = 5000


def _counts(session: Session, kind: str, column, lo: str | dt.date, hi: str | dt.date) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = session.execute(
        select(SelfCheck.business_id, func.count())
        .where(SelfCheck.kind == kind, column >= lo, column <= hi, SelfCheck.deleted.is_(False))
        .group_by(SelfCheck.business_id)
    )
    return {business_id: n for business_id, n in rows}


def _keys(session: Session, kind: str, business_ids: list[str], lo: str, hi: str) -> dict[str, set[str]]:
    """The period keys of `kind` records in [lo, hi] for a few businesses."""
    found: dict[str, set[str]] = defaultdict(set)
    for start in range(0, len(business_ids), CHUNK):
        rows = session.execute(
            select(SelfCheck.business_id, SelfCheck.period_key).where(
                SelfCheck.kind == kind,
                SelfCheck.business_id.in_(business_ids[start : start + CHUNK]),
                SelfCheck.period_key >= lo,
                SelfCheck.period_key <= hi,
                SelfCheck.deleted.is_(False),
            )
        )
        for business_id, key in rows:
            found[business_id].add(key)
    return found


def _full(scope: Scope, business_id: str, start: dt.date, end: dt.date) -> bool:
    """Operating every day of [start, end]; most businesses have no calendar of their own (always
    open), and asking a shared one 50,000 times costs a city's figures a second."""
    calendar = scope.calendars.get(business_id)
    return calendar is None or calendar.is_full(start, end)


def _periodic(
    session: Session,
    scope: Scope,
    owing: list[str],
    kind: str,
    periods: list[Period],
    gaps: list[SelfCheckGap],
) -> KindCoverage:
    """Weekly or monthly: covered when every period the business operated in has a record."""
    if not periods:
        return KindCoverage()
    keys = [p.key for p in periods]
    lo, hi = keys[0], keys[-1]
    counts = _counts(session, kind, SelfCheck.period_key, lo, hi)
    span_start, span_end = periods[0].start, periods[-1].end
    # Businesses open every day of the span owe every period: a full count proves them covered. The
    # rest (irregular, or short of records) are looked at period by period.
    regular_covered = {
        b for b in owing if counts.get(b, 0) >= len(keys) and _full(scope, b, span_start, span_end)
    }
    looked_at = [b for b in owing if b not in regular_covered]
    have = _keys(session, kind, looked_at, lo, hi) if looked_at else {}
    applicable = covered = 0
    for business_id in owing:
        if business_id in regular_covered:
            applicable += 1
            covered += 1
            continue
        calendar = scope.calendars.get(business_id)
        needed = keys if calendar is None else [p.key for p in periods if calendar.any(p.start, p.end)]
        if not needed:
            continue
        applicable += 1
        missing = [k for k in needed if k not in have.get(business_id, set())]
        if missing:
            business = scope.businesses[business_id]
            gaps.append(SelfCheckGap(business_id, business.name, business.region_id, kind, "、".join(missing)))
        else:
            covered += 1
    return KindCoverage(applicable=applicable, covered=covered)


def selfchecks(session: Session, scope: Scope, period: Period, as_of: dt.date) -> SelfChecks:
    window_end = min(period.end, as_of)
    if window_end < period.start:
        return SelfChecks(0, DailyCoverage(), KindCoverage(), KindCoverage(), 0)
    start = period.start
    full_days = (window_end - start).days + 1
    owing: list[str] = []
    operating_days: dict[str, int] = {}
    for business_id, business in scope.businesses.items():
        if not business.owes_selfchecks:
            continue
        calendar = scope.calendars.get(business_id)
        days = full_days if calendar is None else calendar.count(start, window_end)
        if days > 0:
            owing.append(business_id)
            operating_days[business_id] = days
    owing.sort()
    gaps: list[SelfCheckGap] = []

    # 日管控: distinct operating days with a record (the natural key makes one record per day).
    daily = _counts(session, "daily", SelfCheck.record_date, start, window_end)
    irregular = [b for b in owing if not _full(scope, b, start, window_end)]
    record_days = {b: daily.get(b, 0) for b in owing}
    if irregular:
        keys = _keys(session, "daily", irregular, start.isoformat(), window_end.isoformat())
        for business_id in irregular:
            calendar = scope.calendar(business_id)
            record_days[business_id] = sum(
                1 for key in keys.get(business_id, ()) if calendar.is_operating(dt.date.fromisoformat(key))
            )
    threshold = float(scope.settings.get("daily_threshold_pct", 100))  # type: ignore[arg-type]
    covered = 0
    for business_id in owing:
        if record_days[business_id] * 100 >= threshold * operating_days[business_id]:
            covered += 1
        else:
            business = scope.businesses[business_id]
            gaps.append(
                SelfCheckGap(
                    business_id, business.name, business.region_id, "daily",
                    f"{record_days[business_id]}/{operating_days[business_id]}",
                )
            )
    daily_coverage = DailyCoverage(
        owing=len(owing),
        covered=covered,
        record_days=sum(record_days.values()),
        operating_days=sum(operating_days.values()),
    )

    weeks = periods_ending_within("week", start, window_end)
    months = periods_ending_within("month", start, window_end)
    weekly = _periodic(session, scope, owing, "weekly", weeks, gaps)
    monthly = _periodic(session, scope, owing, "monthly", months, gaps)

    # 平台应用率: any self-check record dated in P up to D. The other kinds are named (not `!= daily`)
    # so that the (kind, record_date, business_id) covering index serves the query.
    active_ids = {b for b in owing if daily.get(b)}
    rest = session.scalars(
        select(SelfCheck.business_id)
        .where(
            SelfCheck.kind.in_([k for k in SELFCHECK_KIND.codes if k != "daily"]),
            SelfCheck.record_date >= start,
            SelfCheck.record_date <= window_end,
            SelfCheck.deleted.is_(False),
        )
        .distinct()
    )
    owing_set = set(owing)
    active_ids.update(b for b in rest if b in owing_set)
    for business_id in owing:
        if business_id not in active_ids:  # not a single record: the 平台应用率 drill-down
            business = scope.businesses[business_id]
            gaps.append(SelfCheckGap(business_id, business.name, business.region_id, "platform", ""))
    return SelfChecks(
        owing=len(owing),
        daily=daily_coverage,
        weekly=weekly,
        monthly=monthly,
        active=len(active_ids),
        gaps=tuple(gaps),
    )
