"""The self-check figures against a model written straight from DOMAIN.md section 3, day by day.

The figures read bit-set rollups and shift masks about (msfood.metrics.selfchecks); the model walks
every day of the window and asks the operating calendar about each one. Random businesses (statuses,
rest days, closures), random records of every kind and random periods and as-of dates around a new
year (ISO week 53 of 2026) must give the same numbers.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from msfood.domain.operating import OperatingCalendar, StatusChange
from msfood.domain.periods import parse_period, period_key_for, periods_ending_within
from msfood.metrics import compute_stats
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario

CODES = ("91430211000009136F", "91430211000009267B", "914302110000093987")
FIRST, LAST = dt.date(2026, 9, 20), dt.date(2027, 4, 10)
DAY = st.dates(min_value=FIRST, max_value=LAST)
STATUS = st.sampled_from(["operating", "suspended", "cancelled"])


@st.composite
def business(draw: st.DrawFn) -> dict:
    return {
        "statuses": draw(st.lists(st.tuples(st.one_of(st.none(), DAY), STATUS), max_size=3, unique_by=lambda s: s[0])),
        "rest": "".join(sorted(set(draw(st.lists(st.sampled_from("1234567"), max_size=3))))),
        "closures": draw(st.lists(st.tuples(DAY, st.integers(0, 30)), max_size=2, unique_by=lambda c: c[0])),
        "records": draw(st.lists(st.tuples(st.sampled_from(["daily", "weekly", "monthly"]), DAY), max_size=60)),
    }


def each_day(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def model(businesses: list[dict], period: str, as_of: dt.date, threshold: int) -> dict:
    resolved = parse_period(period)
    end = min(resolved.end, as_of)
    window = each_day(resolved.start, end) if end >= resolved.start else []
    weeks = periods_ending_within("week", resolved.start, end)
    months = periods_ending_within("month", resolved.start, end)
    out = dict.fromkeys(("owing", "covered", "record_days", "operating_days", "w_app", "w_cov", "m_app", "m_cov", "active"), 0)
    for b in businesses:
        calendar = OperatingCalendar(
            [StatusChange(since, status) for since, status in b["statuses"]], b["rest"],
            [(start, start + dt.timedelta(days=n)) for start, n in b["closures"]],
        )
        open_days = [d for d in window if calendar.is_operating(d)]
        if not open_days:
            continue
        out["owing"] += 1
        daily = {d for kind, d in b["records"] if kind == "daily"}
        record_days = sum(1 for d in open_days if d in daily)
        out["record_days"] += record_days
        out["operating_days"] += len(open_days)
        out["covered"] += record_days * 100 >= threshold * len(open_days)
        for kind, periods, app, cov in (("weekly", weeks, "w_app", "w_cov"), ("monthly", months, "m_app", "m_cov")):
            keys = {period_key_for(kind, d) for k, d in b["records"] if k == kind}
            applicable = [p for p in periods if any(calendar.is_operating(d) for d in each_day(p.start, p.end))]
            if applicable:
                out[app] += 1
                out[cov] += all(p.key in keys for p in applicable)
        out["active"] += any(resolved.start <= d <= end for _kind, d in b["records"])
    return out


def figures(data: dict) -> dict:
    s = data["selfcheck"]
    return {
        "owing": s["owing"], "covered": s["daily"]["covered"], "record_days": s["daily"]["record_days"],
        "operating_days": s["daily"]["operating_days"], "w_app": s["weekly"]["applicable"],
        "w_cov": s["weekly"]["covered"], "m_app": s["monthly"]["applicable"], "m_cov": s["monthly"]["covered"],
        "active": s["platform_use"]["active"],
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    businesses=st.lists(business(), min_size=1, max_size=len(CODES)),
    period=st.sampled_from(["2026Q4", "2026-12", "2027Q1", "2027-01", "2026"]),
    as_of=DAY,
    threshold=st.sampled_from([100, 80]),
)
def test_selfcheck_figures_match_the_day_by_day_model(db, clock, businesses, period, as_of, threshold) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:  # each example starts from an empty roster
        for table in ("selfchecks", "business_closures", "business_statuses", "businesses", "regions"):
            conn.execute(text(f"DELETE FROM {table}"))
    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        s.setting("daily_threshold_pct", str(threshold))
        for code, b in zip(CODES, businesses):
            s.business(code, "店", region="430204", rest_days=b["rest"], owes=True)
            for since, status in b["statuses"]:
                s.status(code, status, since.isoformat() if since else None)
            for start, n in b["closures"]:
                s.closure(code, start.isoformat(), (start + dt.timedelta(days=n)).isoformat())
            for kind in ("daily", "weekly", "monthly"):
                # one record per period key (the natural key): the last written wins, as in the app
                dates = {period_key_for(kind, d): d for k, d in b["records"] if k == kind}
                s.selfchecks(code, kind, dates.values())
                b["records"] = [r for r in b["records"] if r[0] != kind] + [(kind, d) for d in dates.values()]
    with db.sessions() as session:
        data = compute_stats(session, period=period, as_of=as_of).to_json()
    assert figures(data) == model(businesses, period, as_of, threshold)
