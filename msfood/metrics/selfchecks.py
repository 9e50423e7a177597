"""日管控、周排查、月调度 coverage and 平台应用率 (DOMAIN.md section 3, "Self-checks").

Read from the rollups the database keeps beside the records (msfood.db.rollups): per business, the
days of each month with a daily record or with a record of any kind, and the weeks and months of
each year with a weekly or monthly record, as bit sets. A window's record days are then a masked
bit count, and a business's closed days (status changes, rest days, closures) simply another mask.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.db.models import SelfCheckDays, SelfCheckPeriods
from msfood.domain.periods import Period, periods_ending_within
from msfood.metrics.results import DailyCoverage, KindCoverage, SelfCheckGap, SelfChecks
from msfood.metrics.scope import Scope, fetch

Bits = dict[str, dict[str, int]]  # year -> business id -> bit set


def month_pieces(start: dt.date, end: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """[start, end] cut at month ends: (month key, first day, last day) of each piece."""
    pieces = []
    first = start
    while first <= end:
        next_month = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        last = min(end, next_month - dt.timedelta(days=1))
        pieces.append((f"{first.year:04d}-{first.month:02d}", first, last))
        first = next_month
    return pieces


def day_mask(first: dt.date, last: dt.date) -> int:
    """The days [first, last] of one month as rollup bits (bit d-1: day d)."""
    return ((1 << ((last - first).days + 1)) - 1) << (first.day - 1)


def period_bit(kind: str, key: str) -> tuple[str, int]:
    """Where a weekly ("2026-W05") or monthly ("2026-11") key sits in selfcheck_periods."""
    number = int(key[6:8]) if kind == "weekly" else int(key[5:7])
    return key[:4], 1 << (number - 1)


def _periodic(
    scope: Scope,
    owing: list[str],
    kind: str,
    periods: list[Period],
    have: Bits,
    open_days: tuple[dt.date, dict[str, int]],
    gaps: list[SelfCheckGap],
) -> KindCoverage:
    """Weekly or monthly: covered when every period the business operated in has a record."""
    if not periods:
        return KindCoverage()
    placed = [(p, *period_bit(kind, p.key)) for p in periods]
    everything: dict[str, int] = {}
    for _period, year, bit in placed:
        everything[year] = everything.get(year, 0) | bit
    checks = [(have.get(year, {}), mask) for year, mask in everything.items()]
    # where each period sits in the operating-day bits of a business with a calendar of its own
    origin, open_bits = open_days
    windows = [((p.start - origin).days, (1 << ((p.end - p.start).days + 1)) - 1) for p in periods]
    applicable = covered = 0
    for business_id in owing:
        own = open_bits.get(business_id)
        if own is None:  # open every day: owes every period
            for found, mask in checks:
                if found.get(business_id, 0) & mask != mask:
                    break
            else:
                applicable += 1
                covered += 1
                continue
            needed = placed
        else:
            needed = [entry for entry, (at, width) in zip(placed, windows, strict=True) if own >> at & width]
            if not needed:
                continue
        applicable += 1
        missing = [p.key for p, year, bit in needed if not have.get(year, {}).get(business_id, 0) & bit]
        if missing:
            business = scope.businesses[business_id]
            gaps.append(SelfCheckGap(business_id, business.name, business.region_id, kind, "、".join(missing)))
        else:
            covered += 1
    return KindCoverage(applicable=applicable, covered=covered)


def _period_bits(session: Session, years: set[str]) -> tuple[Bits, Bits]:
    weeks: Bits = {year: {} for year in years}
    months: Bits = {year: {} for year in years}
    for year, business_id, week_bits, month_bits in fetch(
        session,
        select(SelfCheckPeriods.year, SelfCheckPeriods.business_id, SelfCheckPeriods.weeks, SelfCheckPeriods.months)
        .where(SelfCheckPeriods.year.in_(sorted(years))),
    ):
        weeks[year][business_id] = week_bits
        months[year][business_id] = month_bits
    return weeks, months


def selfchecks(session: Session, scope: Scope, period: Period, as_of: dt.date) -> SelfChecks:
    window_end = min(period.end, as_of)
    if window_end < period.start:
        return SelfChecks(0, DailyCoverage(), KindCoverage(), KindCoverage(), 0)
    start = period.start
    full_days = (window_end - start).days + 1
    weeks = periods_ending_within("week", start, window_end)
    months = periods_ending_within("month", start, window_end)
    # A business with a calendar of its own: its open days once, as bits over every day any figure
    # looks at (a week ending in P may start before it), cut into the window, months and periods.
    origin = min([start] + [p.start for p in weeks[:1] + months[:1]])
    last_day = max([window_end] + [p.end for p in weeks[-1:] + months[-1:]])
    in_window = (start - origin).days, (1 << full_days) - 1
    owing: list[str] = []
    operating_days: dict[str, int] = {}
    open_bits: dict[str, int] = {}
    for business_id, business in scope.businesses.items():
        if not business.owes_selfchecks:
            continue
        calendar = scope.calendars.get(business_id)
        bits = None if calendar is None else calendar.bits(origin, last_day)
        days = full_days if bits is None else (bits >> in_window[0] & in_window[1]).bit_count()
        if days > 0:
            owing.append(business_id)
            operating_days[business_id] = days
            if bits is not None:
                open_bits[business_id] = bits
    owing.sort()
    gaps: list[SelfCheckGap] = []

    # 日管控: operating days with a daily record (one record per day by the natural key). A business
    # with a calendar of its own counts only the days it was open.
    pieces = month_pieces(start, window_end)
    window = {month: day_mask(first, last) for month, first, last in pieces}
    cuts = [(month, (first - origin).days, (last - first).days + 1, first.day - 1) for month, first, last in pieces]
    own_masks = {
        business_id: {month: (bits >> at & (1 << width) - 1) << day for month, at, width, day in cuts}
        for business_id, bits in open_bits.items()
    }
    record_days = dict.fromkeys(owing, 0)
    active: set[str] = set()  # 平台应用率: a record of any kind dated in P up to D
    rows = fetch(
        session,
        select(SelfCheckDays.month, SelfCheckDays.business_id, SelfCheckDays.daily, SelfCheckDays.dated)
        .where(SelfCheckDays.month >= pieces[0][0], SelfCheckDays.month <= pieces[-1][0]),
    )
    for month, business_id, daily, dated in rows:
        days = record_days.get(business_id)
        if days is None:  # not owing, or outside the region
            continue
        mask = window[month]
        if dated & mask:
            active.add(business_id)
        if daily:
            own = own_masks.get(business_id)
            record_days[business_id] = days + (daily & (mask if own is None else own[month])).bit_count()

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

    years = {p.key[:4] for p in weeks + months}
    week_bits, month_bits = _period_bits(session, years) if years else ({}, {})
    weekly = _periodic(scope, owing, "weekly", weeks, week_bits, (origin, open_bits), gaps)
    monthly = _periodic(scope, owing, "monthly", months, month_bits, (origin, open_bits), gaps)

    for business_id in owing:
        if business_id not in active:  # not a single record: the 平台应用率 drill-down
            business = scope.businesses[business_id]
            gaps.append(SelfCheckGap(business_id, business.name, business.region_id, "platform", ""))
    return SelfChecks(
        owing=len(owing),
        daily=daily_coverage,
        weekly=weekly,
        monthly=monthly,
        active=len(active),
        gaps=tuple(gaps),
    )
