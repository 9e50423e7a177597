"""Scenarios worked out by hand from DOMAIN.md section 3: period edges, handovers, closures,
high-risk businesses, as-of dates, rule changes and region filters."""

from __future__ import annotations

import datetime as dt

import pytest

from msfood.metrics import compute_stats, supervision_by_cadre
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, days

D = dt.date.fromisoformat
B1, B2, B3 = "91430211000009136F", "91430211000009267B", "914302110000093987"
K1, K2, K3 = "13700000001", "13700000002", "13700000003"


@pytest.fixture
def db(any_db):  # type: ignore[no-untyped-def]
    """Every test here runs on SQLite and on PostgreSQL (tests/conftest.py `database_url`)."""
    return any_db


@pytest.fixture
def build(db, clock):  # type: ignore[no-untyped-def]
    def _build(fill):  # type: ignore[no-untyped-def]
        with unit_of_work(db.sessions, clock=clock) as uow:
            s = Scenario(uow)
            s.region("430204", "石峰区")
            s.region("430204001", "清水塘街道", "430204")
            s.region("430204002", "田心街道", "430204")
            fill(s)
        return db

    return _build


def stats(db, period: str, as_of: str, region: str | None = None):  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return compute_stats(session, period=period, as_of=D(as_of), region=region).to_json()


def sup(data):  # type: ignore[no-untyped-def]
    s = data["supervision"]
    return s["due"], s["met"], s["missed"], s["open"]


def test_handover_does_not_restart_the_quarter(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001")
        s.cadre(K1, "甲", "village", "430204001")
        s.cadre(K2, "乙", "village", "430204001")
        s.assign(K1, B1, "2026-01-01", "2026-05-15")
        s.assign(K2, B1, "2026-05-16")
        s.visit(K1, B1, "2026-04-20")  # by the cadre who handed over: still counts

    db = build(fill)
    data = stats(db, "2026Q2", "2026-06-30")
    assert sup(data) == (1, 1, 0, 0)
    with db.sessions() as session:
        result = compute_stats(session, period="2026Q2", as_of=D("2026-06-30"))
    # The obligation belongs to the cadre assigned at the quarter's end.
    assert [(c.name, t.due, t.met) for c, t in supervision_by_cadre(result)] == [("乙", 1, 1)]


def test_visits_that_do_not_count(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001")  # village level, by K1 from 05-01
        s.business(B2, "乙超市", region="430204001", grade="C", high_risk=True)  # township, K2
        s.cadre(K1, "甲", "village", "430204001")
        s.cadre(K2, "乙", "township", "430204001")
        s.cadre(K3, "丙", "village", "430204001")
        s.assign(K1, B1, "2026-05-01")
        s.visit(K1, B1, "2026-04-20")  # before K1 was assigned: does not count
        s.visit(K3, B1, "2026-05-20")  # K3 never guaranteed B1: does not count
        s.assign(K2, B2, "2026-01-01")
        s.visit(K2, B2, "2026-05-05", "gathered")  # high-risk: only on-site visits count
        s.visit(K2, B2, "2026-06-05", "report")

    db = build(fill)
    data = stats(db, "2026Q2", "2026-06-30")
    assert sup(data) == (2, 0, 2, 0)
    assert data["supervision"]["by_level"]["township"]["rate"] == 0.0


def test_as_of_inside_the_quarter_gives_open_obligations(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001")
        s.business(B2, "乙饭店", region="430204001")
        s.cadre(K1, "甲", "village", "430204001")
        s.assign(K1, B1, "2026-01-01")
        s.assign(K1, B2, "2026-01-01")
        s.visit(K1, B1, "2026-05-10")
        s.visit(K1, B2, "2026-06-10")  # after the as-of date: not yet happened

    db = build(fill)
    mid = stats(db, "2026Q2", "2026-05-31")
    # B1 already met: neither due nor open. B2 unmet and still running: open.
    assert sup(mid) == (0, 0, 0, 1)
    assert mid["supervision"]["rate"] is None
    end = stats(db, "2026Q2", "2026-06-30")
    assert sup(end) == (2, 2, 0, 0)


def test_year_period_counts_each_quarter_and_month_periods_only_their_quarter_end(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001")
        s.cadre(K1, "甲", "village", "430204001")
        s.assign(K1, B1, "2026-01-01")
        s.visit(K1, B1, "2026-02-01")
        s.visit(K1, B1, "2026-08-01")

    db = build(fill)
    year = stats(db, "2026", "2026-11-24")
    # Q1 met, Q2 missed, Q3 met; Q4 still running and unmet -> open.
    assert sup(year) == (3, 2, 1, 1)
    assert sup(stats(db, "2026-06", "2026-11-24")) == (1, 0, 1, 0)  # Q2 ends in June
    assert sup(stats(db, "2026-05", "2026-11-24")) == (0, 0, 0, 0)  # no quarter ends in May
    assert sup(stats(db, "2026H1", "2026-11-24")) == (2, 1, 1, 0)


def test_rule_change_keeps_old_periods_on_the_old_rule(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001")
        s.cadre(K1, "甲", "village", "430204001")
        s.assign(K1, B1, "2025-01-01")
        s.rule("village", "2026-01-01", 2, "half")  # twice a half-year from 2026
        s.visit(K1, B1, "2025-11-01")
        s.visit(K1, B1, "2026-03-01")
        s.visit(K1, B1, "2026-05-01")
        s.visit(K1, B1, "2026-08-01")

    db = build(fill)
    # 2025 keeps the quarterly rule: Q4 met, Q1-Q3 missed.
    assert sup(stats(db, "2025", "2026-11-24")) == (4, 1, 3, 0)
    # 2026: H1 needs two visits (03-01, 05-01) -> met; H2 has one so far -> open.
    assert sup(stats(db, "2026", "2026-11-24")) == (1, 1, 0, 1)
    assert sup(stats(db, "2026Q2", "2026-11-24")) == (1, 1, 0, 0)  # H1 ends in Q2


def test_business_status_on_the_judging_day(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "注销饭店", region="430204001")
        s.status(B1, "cancelled", "2026-06-30")  # deregistered on the last day: no obligation
        s.business(B2, "新开饭店", region="430204001")
        s.status(B2, "operating", "2026-06-01")  # opened in June: operating on 06-30
        s.business(B3, "复业面包厂", region="430204001", form="production")
        s.status(B3, "suspended", "2026-04-01")
        s.status(B3, "operating", "2026-06-15")
        s.cadre(K1, "甲", "village", "430204001")
        for code in (B1, B2, B3):
            s.assign(K1, code, "2026-01-01")

    db = build(fill)
    data = stats(db, "2026Q2", "2026-06-30")
    assert sup(data) == (2, 0, 2, 0)
    assert data["supervision"]["coverage"] == {"operating": 2, "guaranteed": 2, "rate": 1.0}
    q1 = stats(db, "2026Q1", "2026-03-31")
    # B2 was not open yet on 03-31 (its first status marks the opening day).
    assert sup(q1) == (2, 0, 2, 0)


def test_ended_assignment_and_coverage(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001")
        s.business(B2, "乙饭店", region="430204002")
        s.cadre(K1, "甲", "village", "430204001")
        s.assign(K1, B1, "2026-01-01", "2026-06-29")  # ended before the quarter's end
        s.assign(K1, B2, "2026-01-01")

    db = build(fill)
    data = stats(db, "2026Q2", "2026-06-30")
    assert sup(data) == (1, 0, 1, 0)
    assert data["supervision"]["coverage"] == {"operating": 2, "guaranteed": 1, "rate": 0.5}
    # As of 06-29 B1 was still guaranteed.
    assert stats(db, "2026Q2", "2026-06-29")["supervision"]["coverage"]["guaranteed"] == 2


def test_problems_closed_after_the_as_of_date_are_open(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001")
        s.cadre(K1, "甲", "village", "430204001")
        s.assign(K1, B1, "2026-01-01")
        s.visit(K1, B1, "2026-03-20", problems=[("2026-04-10", "2026-04-09"), ("2026-05-01", "2026-07-02")])
        s.visit(K1, B1, "2026-06-20", problems=[("2026-07-20", None), (None, None)])

    db = build(fill)
    problems = stats(db, "2026Q2", "2026-06-30")["supervision"]["problems"]
    # found: the two on the 06-20 visit; due: deadlines 04-10 and 05-01; closed by 06-30: one.
    assert problems == {"found": 2, "due": 2, "closed": 1, "rate": 0.5}
    assert stats(db, "2026Q2", "2026-04-30")["supervision"]["problems"] == {
        "found": 0, "due": 1, "closed": 1, "rate": 1.0,
    }


def test_selfchecks_with_rest_days_threshold_and_override(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        # A school canteen resting at weekends, records on every day (weekend ones do not count).
        s.business(B1, "学校食堂", form="canteen", region="430204001", rest_days="67")
        s.selfchecks(B1, "daily", days("2026-06-01", "2026-06-30"))
        # A workshop that opted in, records on 27 of 30 days (90%).
        s.business(B2, "豆腐坊", form="workshop", region="430204001", owes=True)
        s.selfchecks(B2, "daily", days("2026-06-01", "2026-06-27"))
        # A stall owes nothing.
        s.business(B3, "摊贩", form="stall", region="430204001")
        s.selfchecks(B3, "daily", days("2026-06-01", "2026-06-30"))

    db = build(fill)
    june = stats(db, "2026-06", "2026-06-30")["selfcheck"]
    # June 2026: 30 days, 8 weekend days -> the canteen operates 22 and has 22 counted records.
    assert june["owing"] == 2
    assert june["daily"] == {"covered": 1, "rate": 0.5, "record_days": 22 + 27, "operating_days": 22 + 30}
    assert june["platform_use"] == {"active": 2, "rate": 1.0}
    # Weekly: weeks ending in June up to 06-30 are W23-W26 (W27 ends 07-05); nobody has weekly records.
    assert june["weekly"] == {"applicable": 2, "covered": 0, "rate": 0.0}
    assert june["monthly"] == {"applicable": 2, "covered": 0, "rate": 0.0}


def test_daily_threshold_setting(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B2, "豆腐坊", form="workshop", region="430204001", owes=True)
        s.selfchecks(B2, "daily", days("2026-06-01", "2026-06-27"))
        s.setting("daily_threshold_pct", "90")

    db = build(fill)
    assert stats(db, "2026-06", "2026-06-30")["selfcheck"]["daily"]["covered"] == 1


def test_weekly_and_monthly_as_of_mid_period(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001")
        s.selfchecks(B1, "weekly", ["2026-04-01", "2026-04-08"])  # W14, W15
        s.selfchecks(B1, "monthly", ["2026-04-30"])

    db = build(fill)
    # As of Wed 2026-04-15: weeks ending in Q2 by then are W14 (04-05) and W15 (04-12); no month ended.
    data = stats(db, "2026Q2", "2026-04-15")["selfcheck"]
    assert data["weekly"] == {"applicable": 1, "covered": 1, "rate": 1.0}
    assert data["monthly"] == {"applicable": 0, "covered": 0, "rate": None}
    assert data["daily"] == {"covered": 0, "rate": 0.0, "record_days": 0, "operating_days": 15}
    assert data["platform_use"]["active"] == 1


def test_sampling_as_of_plans_and_cases(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001")
        s.business(B2, "乙超市", region="430204002")
        s.plan("430204001", 2026, 10)
        s.plan("430204002", 2026, 30)
        s.sample("S1", B1, "2026-01-10", result="pass", received="2026-01-20")
        s.sample("S2", B1, "2026-04-10", result="fail", received="2026-04-20", closed="2026-08-01")
        s.sample("S3", B2, "2026-05-10", result="fail", received="2026-07-05")
        s.sample("S4", B2, "2026-06-10", result="fail", received="2026-06-20", closed="2026-06-30")
        s.rapid(B1, "2026-06-30", 5, 2)
        s.rapid(B2, "2026-07-01", 9, 0)

    db = build(fill)
    data = stats(db, "2026Q2", "2026-06-30")["sampling"]
    # S3's result arrived after the as-of date: still pending then.
    assert (data["batches"], data["passed"], data["failed"], data["pending"]) == (3, 0, 2, 1)
    assert data["failure_rate"] == 1.0
    # The district has no plan of its own: the sum of its townships' plans (10 + 30); 4 batches this year.
    assert (data["planned"], data["plan_rate"]) == (40, 0.1)
    # Cases received in Q2 up to 06-30: S2 (open on 06-30, deadline 07-19), S4 (closed in time).
    assert data["disposal"] == {"cases": 2, "closed": 1, "closed_on_time": 1, "overdue": 0}
    late = stats(db, "2026", "2026-11-24")["sampling"]["disposal"]
    # S2 closed 08-01 after its deadline 07-19; S3 (received 07-05, deadline 10-03) still open: overdue.
    assert late == {"cases": 3, "closed": 2, "closed_on_time": 1, "overdue": 1}
    township = stats(db, "2026Q2", "2026-06-30", region="430204001")
    assert (township["sampling"]["planned"], township["sampling"]["batches"]) == (10, 1)
    assert township["rapid"] == {"batches": 5, "positive": 2}
    assert stats(db, "2026Q3", "2026-11-24")["rapid"] == {"batches": 9, "positive": 0}


def test_unknown_region_is_refused(build) -> None:  # type: ignore[no-untyped-def]
    from msfood.core.errors import ValidationError

    db = build(lambda s: None)
    with pytest.raises(ValidationError):
        stats(db, "2026Q2", "2026-06-30", region="999999")


def test_odd_values_from_elsewhere_do_not_stop_the_figures(build) -> None:  # type: ignore[no-untyped-def]
    """A trusted peer's bundle may carry values the forms would refuse (a rest day 周八, an unknown
    status): the figures skip what they cannot read instead of failing for everyone."""

    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001", rest_days="8x7")
        s.status(B1, "paused", "2026-06-10")
        s.selfchecks(B1, "daily", days("2026-06-01", "2026-06-30"))

    db = build(fill)
    daily = stats(db, "2026-06", "2026-06-30")["selfcheck"]["daily"]
    # Sundays (7) are rest days; the unknown status is ignored: 30 - 4 Sundays = 26 operating days.
    assert daily == {"covered": 1, "rate": 1.0, "record_days": 26, "operating_days": 26}
