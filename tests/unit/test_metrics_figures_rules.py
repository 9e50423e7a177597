"""The corrected figures of issue 15, worked out by hand from DOMAIN.md section 3 and INTERFACES.md
section 3: obligations and 包保覆盖率 by 在营 status only (a weekend quarter end, a summer closure at a
month-rule's end, 停业 by status), the 监督抽检 headline and the case-opening types, a late 送达 date,
an approved extension, and a chain of three stores (SAMR Order No. 104)."""

from __future__ import annotations

import datetime as dt

import pytest

from msfood.metrics import compute_stats
from msfood.metrics.scope import load_scope
from msfood.metrics.selfchecks import chain_met
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, days

D = dt.date.fromisoformat
B1, B2, B3 = "91430211000009136F", "91430211000009267B", "914302110000093987"
B4, B5 = "91430211000009523U", "91430204MA0000001X"
K1, K2 = "13700000001", "13700000002"


@pytest.fixture
def db(any_db):  # type: ignore[no-untyped-def]
    """SQLite, and PostgreSQL when a server is given (tests/conftest.py `database_url`)."""
    return any_db


@pytest.fixture
def build(db, clock):  # type: ignore[no-untyped-def]
    def _build(fill):  # type: ignore[no-untyped-def]
        with unit_of_work(db.sessions, clock=clock) as uow:
            s = Scenario(uow)
            s.region("430204", "石峰区")
            s.region("430204001", "清水塘街道", "430204")
            fill(s)
        return db

    return _build


def stats(db, period: str, as_of: str):  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return compute_stats(session, period=period, as_of=D(as_of)).to_json()


def sup(data):  # type: ignore[no-untyped-def]
    s = data["supervision"]
    return s["due"], s["met"], s["missed"], s["open"]


# --- obligations and 包保覆盖率 by 在营 status -----------------------------------------------------


def test_weekend_resting_canteen_owes_its_q3_2028_visit(build) -> None:  # type: ignore[no-untyped-def]
    """2028Q3 ends on Saturday 09-30. A school canteen resting at weekends still owes its quarter's
    visit, and the figures run on the Saturday and the Sunday are those of the Friday's business."""

    def fill(s: Scenario) -> None:
        s.business(B1, "一中食堂", form="canteen", region="430204001", rest_days="67")
        s.business(B2, "甲饭店", region="430204001")
        s.cadre(K1, "甲", "village", "430204001")
        s.assign(K1, B1, "2028-01-01")
        s.assign(K1, B2, "2028-01-01")
        s.visit(K1, B2, "2028-08-10")

    db = build(fill)
    friday = stats(db, "2028Q3", "2028-09-29")
    # Friday: the quarter runs; the canteen's visit is open, the restaurant's met (progress, not due).
    assert sup(friday) == (0, 0, 0, 1)
    saturday = stats(db, "2028Q3", "2028-09-30")
    # Saturday, the quarter's last day, a rest day of the canteen: both obligations due (not 1 of 1).
    assert sup(saturday) == (2, 1, 1, 0)
    assert saturday["supervision"]["by_level"]["village"]["rate"] == 0.5
    sunday = stats(db, "2028Q3", "2028-10-01")
    assert sup(sunday) == (2, 1, 1, 0)
    for data in (friday, saturday, sunday):
        # 包保覆盖率: both 在营 and guaranteed, whatever the day of the week (denominator 2, not 1).
        assert data["supervision"]["coverage"] == {"operating": 2, "guaranteed": 2, "rate": 1.0}
    # The canteen's self-checks still count only the days it operates: 13 weeks * 5 = 65 days.
    assert saturday["selfcheck"]["daily"]["operating_days"] == 65 + 92


def test_summer_closure_at_a_month_rules_end(build) -> None:  # type: ignore[no-untyped-def]
    """A monthly village rule from 2026-07; a canteen closed for the summer 07-10 .. 08-31 (both
    months end inside the closure) still owes July's and August's visits; 停业 by status removes."""

    def fill(s: Scenario) -> None:
        s.rule("village", "2026-07-01", 1, "month")
        s.business(B1, "一中食堂", form="canteen", region="430204001")
        s.closure(B1, "2026-07-10", "2026-08-31")
        s.business(B3, "乙面包厂", form="production", region="430204001")
        s.status(B3, "suspended", "2026-07-15")  # 停业 by status: no obligation, not in coverage
        s.cadre(K1, "甲", "village", "430204001")
        s.assign(K1, B1, "2026-01-01")
        s.assign(K1, B3, "2026-01-01")
        s.visit(K1, B1, "2026-07-05")  # before the closure
        s.selfchecks(B1, "daily", days("2026-07-01", "2026-07-09"))

    db = build(fill)
    july = stats(db, "2026-07", "2026-07-31")
    # Judged on 07-31 (closed for the holiday): the canteen owes July's visit and has it; the
    # suspended bakery owes nothing.
    assert sup(july) == (1, 1, 0, 0)
    assert july["supervision"]["coverage"] == {"operating": 1, "guaranteed": 1, "rate": 1.0}
    # Self-checks: the closure still takes days off the canteen's own duty: 9 operating days in July
    # (the bakery, owing too, operated 07-01 .. 07-14 and kept no record).
    assert july["selfcheck"]["daily"] == {"covered": 1, "rate": 0.5, "record_days": 9, "operating_days": 9 + 14}
    august = stats(db, "2026-08", "2026-08-31")
    # Closed the whole month, but 在营: August's visit is owed and missed.
    assert sup(august) == (1, 0, 1, 0)
    assert august["supervision"]["coverage"] == {"operating": 1, "guaranteed": 1, "rate": 1.0}
    assert august["selfcheck"]["owing"] == 0  # no operating day in August: no self-check duty
    q3 = stats(db, "2026Q3", "2026-09-30")
    # Q3 under the monthly rule: Jul (met), Aug (missed), Sep (missed); the bakery none.
    assert sup(q3) == (3, 1, 2, 0)


# --- sampling ---------------------------------------------------------------------------------------


def _samples(s: Scenario) -> None:
    s.business(B1, "甲饭店", region="430204001")
    s.sample("S1", B1, "2026-04-08", result="fail", received="2026-04-20", sampling_type="supervision")
    s.sample("S2", B1, "2026-04-09", result="pass", received="2026-04-20", sampling_type="supervision")
    s.sample("S3", B1, "2026-04-10", result="fail", received="2026-04-21", sampling_type="monitoring")
    s.sample("S4", B1, "2026-04-11", result="fail", received="2026-04-22", sampling_type="evaluation")
    s.sample("S5", B1, "2026-04-12", result="pass", received="2026-04-22", sampling_type="monitoring")
    s.sample("S6", B1, "2026-06-20", sampling_type="supervision")  # pending


def test_headline_is_supervision_sampling_and_a_risk_monitoring_failure_opens_no_case(build) -> None:  # type: ignore[no-untyped-def]
    db = build(_samples)
    data = stats(db, "2026Q2", "2026-06-30")["sampling"]
    # All types: 6 batches, 2 passed, 3 failed, 1 pending -> 3/5.
    assert (data["batches"], data["passed"], data["failed"], data["pending"]) == (6, 2, 3, 1)
    assert data["failure_rate"] == pytest.approx(3 / 5)
    # The headline 监督抽检不合格率: S1 failed, S2 passed, S6 pending -> 1/2.
    assert data["supervision"] == {"batches": 3, "passed": 1, "failed": 1, "pending": 1, "failure_rate": 0.5}
    # Only S1 opens a case: S3 (风险监测) and S4 (评价性抽检) are followed up otherwise.
    assert data["disposal"] == {"cases": 1, "closed": 0, "closed_on_time": 0, "overdue": 0}


def test_case_opening_types_are_a_setting(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        _samples(s)
        s.setting("case_sampling_types", '["supervision", "monitoring"]')

    db = build(fill)
    data = stats(db, "2026Q2", "2026-06-30")["sampling"]
    assert data["disposal"]["cases"] == 2  # S1 and S3
    assert data["supervision"]["failure_rate"] == 0.5  # the headline does not depend on it


def test_odd_case_types_setting_falls_back_to_the_default(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        _samples(s)
        s.setting("case_sampling_types", '"nonsense"')

    db = build(fill)
    assert stats(db, "2026Q2", "2026-06-30")["sampling"]["disposal"]["cases"] == 1


def test_late_served_date_moves_the_retest_window(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001")
        # The regulator got the result on Wed 05-06; the business received it only on Mon 06-01.
        s.sample("S1", B1, "2026-04-20", result="fail", received="2026-05-06", served="2026-06-01")
        s.sample("S2", B1, "2026-04-21", result="fail", received="2026-05-06")  # 送达 not entered

    db = build(fill)
    with db.sessions() as session:
        rows = compute_stats(session, period="2026Q2", as_of=D("2026-06-30")).sampling.disposal.rows
        before = compute_stats(session, period="2026Q2", as_of=D("2026-05-31")).sampling.disposal.rows
    cases = {c.sample_no: c for c in rows}
    # 7 working days from 06-01: 06-02, 03, 04, 05, 08, 09, 10 (not 7 from 05-06, which ended 05-15).
    assert cases["S1"].served == D("2026-06-01") and cases["S1"].retest_deadline == D("2026-06-10")
    assert cases["S2"].served is None and cases["S2"].retest_deadline is None  # not guessed
    # The 90 days of 核查处置 still run from the day the result was received.
    assert cases["S1"].deadline == cases["S2"].deadline == D("2026-08-04")
    # As of 05-31 the business had not received it yet: no window either.
    assert all(c.retest_deadline is None for c in before)


def test_an_approved_extension_moves_the_deadline_from_its_approval(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        s.business(B1, "甲饭店", region="430204001")
        # received 04-10: deadline 07-09; extended to 09-30, approved 07-20 by 张科长; closed 09-15.
        s.sample("S1", B1, "2026-04-01", result="fail", received="2026-04-10", closed="2026-09-15",
                 served="2026-04-13", extended=("2026-09-30", "张科长", "2026-07-20"))
        # the same case without an extension, for comparison
        s.sample("S2", B1, "2026-04-01", result="fail", received="2026-04-10", closed="2026-09-15")

    db = build(fill)
    # 07-15: the extension is not approved yet, both cases are past 07-09.
    assert stats(db, "2026", "2026-07-15")["sampling"]["disposal"] == {
        "cases": 2, "closed": 0, "closed_on_time": 0, "overdue": 2}
    # 07-25: S1's deadline is 09-30 now.
    assert stats(db, "2026", "2026-07-25")["sampling"]["disposal"] == {
        "cases": 2, "closed": 0, "closed_on_time": 0, "overdue": 1}
    # Year end: both closed 09-15, S1 within its extended deadline, S2 late.
    assert stats(db, "2026", "2026-12-31")["sampling"]["disposal"] == {
        "cases": 2, "closed": 2, "closed_on_time": 1, "overdue": 0}
    with db.sessions() as session:
        rows = compute_stats(session, period="2026", as_of=D("2026-12-31")).sampling.disposal.rows
    s1 = next(c for c in rows if c.sample_no == "S1")
    assert (s1.deadline, s1.base_deadline, s1.extended) == (D("2026-09-30"), D("2026-07-09"), True)
    assert (s1.extension_approver, s1.extension_approved_on) == ("张科长", D("2026-07-20"))


# --- chain stores (SAMR Order No. 104) --------------------------------------------------------------

HQ, BRANCH, STORE1, STORE2, STORE3 = B1, B2, B3, B4, B5


def chain(s: Scenario) -> None:
    """A headquarters (its own self-check duty switched off: the per-business override stays), one
    branch and three stores: two under the branch, one straight under the headquarters."""
    s.business(HQ, "连锁总部", form="sales", region="430204001", chain="hq", owes=False)
    s.business(BRANCH, "石峰分公司", form="sales", region="430204001", chain="branch", hq=HQ)
    s.business(STORE1, "一号店", form="sales", region="430204001", chain="store", hq=HQ, branch=BRANCH)
    s.business(STORE2, "二号店", form="sales", region="430204001", chain="store", hq=HQ, branch=BRANCH)
    s.business(STORE3, "三号店", form="sales", region="430204001", chain="store", hq=HQ)
    june = days("2026-06-01", "2026-06-30")
    mondays = ["2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22"]  # W23 .. W26
    s.selfchecks(BRANCH, "weekly", mondays)  # the branch reviews every week
    s.selfchecks(HQ, "weekly", mondays[:2])  # the headquarters only W23 and W24
    s.selfchecks(HQ, "monthly", ["2026-06-15"])  # the headquarters' monthly meeting
    s.selfchecks(STORE1, "daily", june)
    s.selfchecks(STORE2, "daily", june[:-1])  # one day short: the daily duty stays the store's own
    s.selfchecks(STORE3, "daily", june)


def test_a_chain_of_three_stores(build) -> None:  # type: ignore[no-untyped-def]
    db = build(chain)
    data = stats(db, "2026-06", "2026-06-30")["selfcheck"]
    # Owing: the branch and the three stores (the headquarters is switched off).
    assert data["owing"] == 4
    # Weekly W23-W26: the branch by its own records; stores 1 and 2 by the branch's; store 3 by the
    # headquarters', which lack W25 and W26.
    assert data["weekly"] == {"applicable": 4, "covered": 3, "rate": 0.75}
    # Monthly: the branch and every store by the headquarters' June meeting.
    assert data["monthly"] == {"applicable": 4, "covered": 4, "rate": 1.0}
    # Daily stays each business's own: stores 1 and 3; the branch has none, store 2 is a day short.
    assert data["daily"] == {"covered": 2, "rate": 0.5, "record_days": 89, "operating_days": 120}
    assert data["platform_use"] == {"active": 4, "rate": 1.0}


def test_chain_drilldown_says_whose_records_count(build) -> None:  # type: ignore[no-untyped-def]
    db = build(chain)
    with db.sessions() as session:
        result = compute_stats(session, period="2026-06", as_of=D("2026-06-30"))
        scope = load_scope(session, None)
    gaps = {(g.business_name, g.kind): g.detail for g in result.selfcheck.gaps}
    assert gaps[("三号店", "weekly")] == "2026-W25、2026-W26（应由总部“连锁总部”记录）"
    assert ("一号店", "weekly") not in gaps and ("一号店", "monthly") not in gaps
    assert gaps[("二号店", "daily")] == "29/30"
    bid = Scenario.bid
    assert chain_met(scope, bid(STORE1), "weekly") == (bid(BRANCH), "石峰分公司", "由分支机构记录")
    assert chain_met(scope, bid(STORE3), "weekly") == (bid(HQ), "连锁总部", "由总部记录")
    assert chain_met(scope, bid(BRANCH), "monthly") == (bid(HQ), "连锁总部", "由总部记录")
    assert chain_met(scope, bid(BRANCH), "weekly") is None  # the branch's own duty
    assert chain_met(scope, bid(STORE1), "daily") is None


def test_without_the_chain_every_store_would_miss_its_weekly_and_monthly(build) -> None:  # type: ignore[no-untyped-def]
    def fill(s: Scenario) -> None:
        chain(s)
        for code in (BRANCH, STORE1, STORE2, STORE3):  # the same businesses, named no chain
            s.business(code, "店", form="sales", region="430204001")

    db = build(fill)
    data = stats(db, "2026-06", "2026-06-30")["selfcheck"]
    assert data["weekly"] == {"applicable": 4, "covered": 1, "rate": 0.25}
    assert data["monthly"] == {"applicable": 4, "covered": 0, "rate": 0.0}
