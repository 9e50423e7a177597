"""抽检 and 快检 figures (DOMAIN.md section 3, "Sampling and rapid tests").

A result received after the as-of date is still pending then; a case closed after it is still open.
The headline failure rate (`sampling.supervision`) counts 监督抽检 alone; only the sampling types the
`case_sampling_types` setting names (default 监督抽检) open a 核查处置 case. A case's deadline is the
approved extension's when one was approved by the as-of date; the 复检 window runs from the 送达 date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from msfood.db.models import Holiday, RapidTest, Sampling, SamplingPlan
from msfood.domain.cases import case_deadline, case_types
from msfood.domain.periods import Period
from msfood.metrics.results import CaseRow, Disposal, Rapid, ResultCounts
from msfood.metrics.results import Sampling as SamplingFigures
from msfood.metrics.scope import RegionTree, Scope, fetch, fetch_plain


def work_calendar(session: Session):  # type: ignore[no-untyped-def]
    """The working-day calendar with the bureau's own holiday table for years the library lacks."""
    from msfood.domain.calendar import WorkCalendar

    overrides = {
        day: is_workday
        for day, is_workday in fetch(  # (read once for every region of a ranking)
            session, select(Holiday.day, Holiday.is_workday).where(Holiday.deleted.is_(False))
        )
    }
    return WorkCalendar(overrides)


def _add(counts: ResultCounts, result: str, n: int) -> ResultCounts:
    return ResultCounts(
        batches=counts.batches + n,
        passed=counts.passed + n * (result == "pass"),
        failed=counts.failed + n * (result == "fail"),
        pending=counts.pending + n * (result == "pending"),
    )


def planned_batches(session: Session, tree: RegionTree, region_id: str | None, year: int) -> int:
    """The plan set for the region itself; where it has none, the sum over the regions inside it."""
    plans = {
        region_id: planned
        for region_id, planned in fetch(
            session,
            select(SamplingPlan.region_id, SamplingPlan.planned).where(
                SamplingPlan.year == year, SamplingPlan.deleted.is_(False)
            ),
        )
    }

    def resolve(node: str | None, seen: frozenset[str]) -> int:
        if node is not None and node in plans:
            return int(plans[node])
        return sum(
            resolve(child, seen | {child}) for child in tree.children.get(node, ()) if child not in seen
        )

    return resolve(region_id, frozenset())


def sampling(session: Session, scope: Scope, period: Period, as_of: dt.date) -> SamplingFigures:
    window_end = min(period.end, as_of)
    year_start = dt.date(period.year, 1, 1)
    disposal_days = int(scope.settings.get("disposal_days", 90))  # type: ignore[call-overload]
    retest_days = int(scope.settings.get("retest_workdays", 7))  # type: ignore[call-overload]
    counts = ResultCounts()
    by_type: dict[str, ResultCounts] = defaultdict(ResultCounts)
    by_category: dict[str, ResultCounts] = defaultdict(ResultCounts)
    year_to_date = 0
    if window_end >= year_start:
        year_to_date = sum(
            n
            for business_id, n in fetch_plain(
                session,
                select(Sampling.business_id, func.count())
                .where(
                    Sampling.deleted.is_(False),
                    Sampling.sample_date >= year_start,
                    Sampling.sample_date <= window_end,
                )
                .group_by(Sampling.business_id)
            )
            if business_id in scope.businesses
        )
    if window_end >= period.start:
        known = and_(
            Sampling.result.in_(("pass", "fail")),
            or_(Sampling.result_date.is_(None), Sampling.result_date <= as_of),
        )
        result = case((known, Sampling.result), else_="pending")
        rows = fetch_plain(  # text and counts: the driver's tuples do
            session,
            select(Sampling.business_id, Sampling.sampling_type, Sampling.food_category, result, func.count())
            .where(
                Sampling.deleted.is_(False),
                Sampling.sample_date >= period.start,
                Sampling.sample_date <= window_end,
            )
            .group_by(Sampling.business_id, Sampling.sampling_type, Sampling.food_category, result)
        )
        for business_id, sampling_type, category, outcome, n in rows:
            if business_id not in scope.businesses:
                continue
            counts = _add(counts, outcome, n)
            by_type[sampling_type] = _add(by_type[sampling_type], outcome, n)
            by_category[category] = _add(by_category[category], outcome, n)

    cases: list[CaseRow] = []
    calendar = None
    if window_end >= period.start:
        case_rows = session.execute(
            select(Sampling).where(
                Sampling.deleted.is_(False),
                Sampling.result == "fail",
                Sampling.sampling_type.in_(case_types(scope.settings)),
                Sampling.result_date >= period.start,
                Sampling.result_date <= window_end,
            )
        ).scalars()
        for batch in case_rows:
            business = scope.businesses.get(batch.business_id)
            if business is None:
                continue
            calendar = calendar or work_calendar(session)
            received = batch.result_date
            closed = batch.disposal_closed_on if (batch.disposal_closed_on or dt.date.max) <= as_of else None
            served = batch.served_date if (batch.served_date or dt.date.max) <= as_of else None
            approved_on = batch.extension_approved_on
            in_force = batch.extended_deadline is not None and (approved_on is None or approved_on <= as_of)
            cases.append(
                CaseRow(
                    sampling_id=batch.id,
                    sample_no=batch.sample_no,
                    business_id=batch.business_id,
                    business_name=business.name,
                    sample_name=batch.sample_name,
                    failed_items=batch.failed_items or "",
                    received=received,
                    deadline=case_deadline(
                        received, disposal_days, batch.extended_deadline, approved_on, as_of
                    ),
                    retest_deadline=calendar.add_workdays(served, retest_days) if served else None,
                    closed_on=closed,
                    disposal=batch.disposal or "",
                    served=served,
                    base_deadline=received + dt.timedelta(days=disposal_days),
                    extension_approver=(batch.extension_approver or "") if in_force else "",
                    extension_approved_on=approved_on if in_force else None,
                )
            )
    cases.sort(key=lambda c: (c.closed_on is not None, c.deadline, c.sample_no))
    disposal = Disposal(
        cases=len(cases),
        closed=sum(1 for c in cases if c.closed_on is not None),
        closed_on_time=sum(1 for c in cases if c.closed_on is not None and c.closed_on <= c.deadline),
        overdue=sum(1 for c in cases if c.closed_on is None and c.deadline < as_of),
        rows=tuple(cases),
    )
    planned = planned_batches(session, scope.tree, scope.region.id if scope.region else None, period.year)
    return SamplingFigures(
        counts=counts,
        planned=planned,
        year_to_date=year_to_date,
        disposal=disposal,
        by_type=dict(by_type),
        by_category=dict(by_category),
    )


def rapid(session: Session, scope: Scope, period: Period, as_of: dt.date) -> Rapid:
    window_end = min(period.end, as_of)
    # Summed per business and item in SQL (a city has tens of thousands of tests a quarter), then
    # over the scope's businesses here, which are the live ones of the region: no join with the
    # businesses in SQL (a lookup per test, twice the read). The same statement for every region,
    # so that the ranking reads it once for all of them (read_once).
    query = (
        select(RapidTest.business_id, RapidTest.item, func.sum(RapidTest.batches), func.sum(RapidTest.positives))
        .where(RapidTest.deleted.is_(False), RapidTest.test_date >= period.start, RapidTest.test_date <= window_end)
        .group_by(RapidTest.business_id, RapidTest.item)
    )
    inside = scope.businesses
    by_item: dict[str, tuple[int, int]] = {}
    for business_id, item, batches, positive in fetch_plain(session, query):
        if business_id not in inside:
            continue
        before = by_item.get(item, (0, 0))
        by_item[item] = (before[0] + int(batches or 0), before[1] + int(positive or 0))
    by_item = dict(sorted(by_item.items()))  # by item, as GROUP BY item gave them
    return Rapid(
        batches=sum(b for b, _ in by_item.values()),
        positive=sum(p for _, p in by_item.values()),
        by_item=by_item,
    )
