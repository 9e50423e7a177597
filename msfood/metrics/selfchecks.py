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
from msfood.metrics.scope import READ_ONCE, Scope, fetch_plain

Bits = dict[str, dict[str, int]]  # year -> business id -> bit set
RowOfMonth = tuple[str, int, int, int, int]  # business id, daily, dated, weekly, monthly


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
    owing: set[str],
    kind: str,
    periods: list[Period],
    have: Bits,
    open_days: tuple[dt.date, dict[str, int]],
    gaps: list[SelfCheckGap] | None,
) -> KindCoverage:
    """Weekly or monthly: covered when every period the business operated in has a record."""
    if not periods:
        return KindCoverage()
    placed = [(p.key, *period_bit(kind, p.key)) for p in periods]
    everything: dict[str, int] = {}
    for _key, year, bit in placed:
        everything[year] = everything.get(year, 0) | bit
    # A business open every day owes every period: covered when its bits hold them all. As sets,
    # so that only the businesses short of a period take a Python step.
    origin, open_bits = open_days
    plain = owing - open_bits.keys()
    for year, mask in everything.items():
        found = have.get(year, {})
        if len(plain) * 2 < len(found):  # a region's part: look its businesses up
            plain = {business_id for business_id in plain if found.get(business_id, 0) & mask == mask}
        else:
            plain &= {business_id for business_id, bits in found.items() if bits & mask == mask}
    short = sorted(owing - open_bits.keys() - plain)
    applicable, covered = len(owing) - len(open_bits), len(plain)
    # where each period sits in the operating-day bits of a business with a calendar of its own
    windows = [((p.start - origin).days, (1 << ((p.end - p.start).days + 1)) - 1) for p in periods]
    for business_id in sorted(owing & open_bits.keys()):
        open_on = open_bits[business_id]
        needed = [entry for entry, (at, width) in zip(placed, windows, strict=True) if open_on >> at & width]
        if not needed:
            continue
        applicable += 1
        if all(have.get(year, {}).get(business_id, 0) & bit for _key, year, bit in needed):
            covered += 1
        else:
            short.append(business_id)
    if gaps is None:  # the figures alone
        return KindCoverage(applicable=applicable, covered=covered)
    short.sort()
    # The missing periods depend only on the business's bits: many businesses share a pattern.
    missing_by_pattern: dict[tuple[int, ...], str] = {}
    years = [(have.get(year, {}), year) for year in everything]
    for business_id in short:
        own = open_bits.get(business_id)
        pattern = tuple(found.get(business_id, 0) for found, _year in years)
        if own is not None:  # the periods it did not operate in are not owed
            pattern += (own,)
        missing = missing_by_pattern.get(pattern)
        if missing is None:
            bits_of = {year: bits for (_found, year), bits in zip(years, pattern, strict=False)}
            missing = "、".join(
                key for (key, year, bit), (at, width) in zip(placed, windows, strict=True)
                if not bits_of[year] & bit and (own is None or own >> at & width)
            )
            missing_by_pattern[pattern] = missing
        business = scope.businesses[business_id]
        gaps.append(SelfCheckGap(business_id, business.name, business.region_id, kind, missing))
    return KindCoverage(applicable=applicable, covered=covered)


def _chain_records(
    scope: Scope, owing: set[str], week_bits: Bits, month_bits: Bits
) -> dict[tuple[str, str], tuple[str, str]]:
    """Chain stores (SAMR Order No. 104): a store's weekly 排查 is met by its branch's records (or, with
    no branch, its headquarters'), a store's or branch's monthly 调度 by its headquarters'; the daily
    管控 stays each business's own. Adds the provider's weeks and months to the member's bits (the
    member's own records count too) and returns, per (member, kind), whose records meet it."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    if not scope.chains:
        return found
    copied: set[tuple[int, str]] = set()  # the year tables may be shared (read_once): changed on copies
    for business_id in owing & scope.chains.keys():
        weekly, monthly = scope.providers(business_id)
        for kind, provider, bits in (("weekly", weekly, week_bits), ("monthly", monthly, month_bits)):
            if provider is None:
                continue
            found[(business_id, kind)] = provider
            for year, by_business in list(bits.items()):
                extra = by_business.get(provider[0], 0)
                if extra:
                    if (id(bits), year) not in copied:
                        by_business = bits[year] = dict(by_business)
                        copied.add((id(bits), year))
                    by_business[business_id] = by_business.get(business_id, 0) | extra
    return found


def chain_met(scope: Scope, business_id: str, kind: str) -> tuple[str, str, str] | None:
    """How a chain member's weekly or monthly duty is met, for the drill-downs: (provider id, its
    name, "由总部记录" or "由分支机构记录" in the current language); None: by its own records."""
    from msfood.i18n import t

    weekly, monthly = scope.providers(business_id)
    provider = weekly if kind == "weekly" else monthly if kind == "monthly" else None
    if provider is None:
        return None
    return provider[0], scope.chain_names.get(provider[0], ""), t(f"figures_rules.met_by_{provider[1]}")


def _period_bits(session: Session, years: set[str]) -> tuple[Bits, Bits]:
    """The weeks and months of each year, by business (kept inside read_once: every region of a
    ranking asks; the tables are shared then, so change them only on copies)."""
    cache = session.info.get(READ_ONCE)
    key = ("period_bits", tuple(sorted(years)))
    if cache is not None and key in cache:
        weeks, months = cache[key]
        return dict(weeks), dict(months)
    weeks: Bits = {}
    months: Bits = {}
    for year in sorted(years):
        rows = fetch_plain(
            session,
            select(SelfCheckPeriods.business_id, SelfCheckPeriods.weeks, SelfCheckPeriods.months)
            .where(SelfCheckPeriods.year == year),
        )
        weeks[year] = {business_id: week_bits for business_id, week_bits, _months in rows}
        months[year] = {business_id: month_bits for business_id, _weeks, month_bits in rows}
    if cache is not None:
        cache[key] = (weeks, months)
        return dict(weeks), dict(months)
    return weeks, months


def _month_index(session: Session, month: str, rows: list[RowOfMonth]) -> dict[str, RowOfMonth]:
    """A month's rollup rows by business, made once inside read_once (every region of a ranking)."""
    cache = session.info.get(READ_ONCE)
    key = ("month_index", month)
    if cache is not None and key in cache:
        return cache[key]  # type: ignore[no-any-return]
    index = {row[0]: row for row in rows}
    if cache is not None:
        cache[key] = index
    return index


def month_rows(session: Session, month: str) -> list[RowOfMonth]:
    """A month's rollup rows: (business id, daily, dated, weekly, monthly). The coverage and the
    record counts (msfood.metrics.counts) ask for the same rows: inside read_once they are read once."""
    return fetch_plain(
        session,
        select(
            SelfCheckDays.business_id, SelfCheckDays.daily, SelfCheckDays.dated, SelfCheckDays.weekly,
            SelfCheckDays.monthly,
        ).where(SelfCheckDays.month == month),
    )


def selfchecks(
    session: Session, scope: Scope, period: Period, as_of: dt.date, *, details: bool = True
) -> SelfChecks:
    """The figures; with `details`, also each owing business short of a kind (the drill-downs)."""
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
    at, width = (start - origin).days, (1 << full_days) - 1
    owing = {business_id for business_id, business in scope.businesses.items() if business.owes_selfchecks}
    own_days: dict[str, int] = {}  # operating days in the window, of the businesses with a calendar
    open_bits: dict[str, int] = {}
    for business_id in owing & scope.calendars.keys():
        bits = scope.calendars[business_id].bits(origin, last_day)
        days = (bits >> at & width).bit_count()
        if days:
            own_days[business_id] = days
            open_bits[business_id] = bits
        else:  # not a single operating day in the window: owes nothing
            owing.discard(business_id)
    gaps: list[SelfCheckGap] | None = [] if details else None

    # 日管控: operating days with a daily record (one record per day by the natural key). A business
    # with a calendar of its own counts only the days it was open. One query per month, the rollup's
    # key order; per-month dicts built in comprehensions, Python steps only for the exceptions.
    record_days: dict[str, int] = {}
    active: set[str] = set()  # 平台应用率: a record of any kind dated in P up to D
    for month, first, last in month_pieces(start, window_end):
        mask = day_mask(first, last)
        rows = month_rows(session, month)
        if len(owing) * 2 < len(rows):  # a region's part of the whole rollup (the ranking's regions)
            by_business = _month_index(session, month, rows)
            rows = [by_business[business_id] for business_id in owing & by_business.keys()]
        active.update({business_id for business_id, _daily, dated, _w, _m in rows if dated & mask} & owing)
        daily_bits = {business_id: daily for business_id, daily, _dated, _w, _m in rows if daily}
        month_days = {business_id: (daily & mask).bit_count() for business_id, daily in daily_bits.items()}
        offset, span, shift = (first - origin).days, (1 << ((last - first).days + 1)) - 1, first.day - 1
        for business_id in daily_bits.keys() & open_bits.keys():  # their open days of this month only
            own = (open_bits[business_id] >> offset & span) << shift
            month_days[business_id] = (daily_bits[business_id] & own).bit_count()
        if not record_days:
            record_days = {business_id: n for business_id, n in month_days.items() if business_id in owing}
        else:  # a comprehension over the owing: cheaper than adding month by month in a loop
            before, this = record_days.get, month_days.get
            record_days = {b: before(b, 0) + this(b, 0) for b in owing}

    threshold = float(scope.settings.get("daily_threshold_pct", 100))  # type: ignore[arg-type]
    short = [
        business_id for business_id in owing
        if record_days.get(business_id, 0) * 100 < threshold * own_days.get(business_id, full_days)
    ]
    if gaps is not None:
        for business_id in sorted(short):
            business = scope.businesses[business_id]
            detail = f"{record_days.get(business_id, 0)}/{own_days.get(business_id, full_days)}"
            gaps.append(SelfCheckGap(business_id, business.name, business.region_id, "daily", detail))
    daily_coverage = DailyCoverage(
        owing=len(owing),
        covered=len(owing) - len(short),
        record_days=sum(record_days.values()),
        operating_days=full_days * (len(owing) - len(own_days)) + sum(own_days.values()),
    )

    years = {p.key[:4] for p in weeks + months}
    week_bits, month_bits = _period_bits(session, years) if years else ({}, {})
    notes = _chain_records(scope, owing, week_bits, month_bits)
    weekly = _periodic(scope, owing, "weekly", weeks, week_bits, (origin, open_bits), gaps)
    monthly = _periodic(scope, owing, "monthly", months, month_bits, (origin, open_bits), gaps)
    if gaps is not None and notes:  # a chain member short of a kind: say whose records it waits for
        from msfood.i18n import t

        for i, gap in enumerate(gaps):
            provider = notes.get((gap.business_id, gap.kind))
            if provider is not None:
                who = t(f"figures_rules.who_{provider[1]}")
                name = scope.chain_names.get(provider[0], "")
                detail = t("figures_rules.missing_with_provider", missing=gap.detail, who=who, name=name)
                gaps[i] = gap._replace(detail=detail)

    if gaps is not None:  # not a single record: the 平台应用率 drill-down
        for business_id in sorted(owing - active):
            business = scope.businesses[business_id]
            gaps.append(SelfCheckGap(business_id, business.name, business.region_id, "platform", ""))
    return SelfChecks(
        owing=len(owing),
        daily=daily_coverage,
        weekly=weekly,
        monthly=monthly,
        active=len(active),
        gaps=tuple(gaps or ()),
    )
