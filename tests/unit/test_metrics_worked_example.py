"""shared/WORKED_EXAMPLE.md, figure by figure, through compute_stats."""

from __future__ import annotations

import datetime as dt

import pytest

from msfood.metrics import compute_stats, supervision_by_cadre, supervision_by_region
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, worked_example


@pytest.fixture
def db(any_db):  # type: ignore[no-untyped-def]
    """Every test here runs on SQLite and on PostgreSQL (tests/conftest.py `database_url`)."""
    return any_db


@pytest.fixture
def example_db(db, clock):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    return db


def test_worked_example_json(example_db) -> None:  # type: ignore[no-untyped-def]
    with example_db.sessions() as session:
        stats = compute_stats(session, period="2026Q2", as_of=dt.date(2026, 6, 30))
    data = stats.to_json()
    sup = data["supervision"]
    assert (sup["due"], sup["met"], sup["missed"], sup["open"]) == (3, 2, 1, 0)
    assert sup["rate"] == pytest.approx(2 / 3)
    assert sup["by_level"]["village"] == {
        "due": 2, "met": 2, "missed": 0, "open": 0, "rate": 1.0, "progress": {"total": 2, "met": 2, "rate": 1.0}
    }
    assert sup["by_level"]["township"] == {
        "due": 1, "met": 0, "missed": 1, "open": 0, "rate": 0.0, "progress": {"total": 1, "met": 0, "rate": 0.0}
    }
    assert sup["progress"] == {"total": 3, "met": 2, "rate": pytest.approx(2 / 3)}  # P has ended: = the rate
    assert sup["visits"] == 3  # 05-10, 06-01 (video: counts toward nothing, still a visit), 06-30
    assert sup["by_level"]["county"]["due"] == 0 and sup["by_level"]["county"]["rate"] is None
    assert sup["by_level"]["city"]["rate"] is None
    assert sup["coverage"] == {"operating": 3, "guaranteed": 3, "rate": 1.0}
    assert sup["problems"] == {"found": 1, "due": 1, "closed": 1, "rate": 1.0}
    sc = data["selfcheck"]
    assert sc["owing"] == 3
    assert sc["daily"] == {"covered": 2, "rate": pytest.approx(2 / 3), "record_days": 230, "operating_days": 231}
    assert sc["weekly"] == {"applicable": 3, "covered": 2, "rate": pytest.approx(2 / 3)}
    assert sc["monthly"] == {"applicable": 3, "covered": 2, "rate": pytest.approx(2 / 3)}
    assert sc["platform_use"] == {"active": 3, "rate": 1.0}
    sa = data["sampling"]
    assert (sa["batches"], sa["passed"], sa["failed"], sa["pending"]) == (3, 1, 1, 1)
    assert sa["failure_rate"] == 0.5
    assert (sa["planned"], sa["plan_rate"]) == (12, 0.25)
    assert sa["disposal"] == {"cases": 1, "closed": 1, "closed_on_time": 1, "overdue": 0}
    # the headline 监督抽检不合格率: SF2026001 passed, SF2026002 failed; SF2026003 (风险监测) only by type
    assert sa["supervision"] == {"batches": 2, "passed": 1, "failed": 1, "pending": 0, "failure_rate": 0.5}
    assert data["rapid"] == {"batches": 8, "positive": 1}
    assert data["period"] == "2026Q2" and data["as_of"] == "2026-06-30" and data["region"] is None


def test_worked_example_drilldowns(example_db) -> None:  # type: ignore[no-untyped-def]
    with example_db.sessions() as session:
        stats = compute_stats(session, period="2026Q2", as_of=dt.date(2026, 6, 30))
        missed = stats.supervision.missed()
        assert [(o.business_name, o.level, [c.name for c in o.cadres]) for o in missed] == [
            ("田心生鲜超市", "township", ["吴二"])
        ]
        by_region = supervision_by_region(session, stats)
        assert [(code, t.due, t.met) for code, _name, t in by_region] == [("430204", 3, 2)]
        townships = supervision_by_region(session, stats, level="village")
        assert [(code, t.due, t.met) for code, _n, t in townships] == [
            ("430204001001", 2, 2),
            ("430204001002", 0, 0),
        ]
    cadres = {c.name: (t.due, t.met) for c, t in supervision_by_cadre(stats)}
    assert cadres == {"吴二": (1, 0), "周一": (2, 2)}
    case = stats.sampling.disposal.rows[0]
    assert case.deadline == dt.date(2026, 7, 30)
    # The 复检 window runs from the day the business received the result (送达), which the worked
    # example does not record: no deadline is guessed from the day the regulator got the result.
    assert case.served is None and case.retest_deadline is None


def test_worked_example_retest_from_the_served_date(example_db, clock) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from msfood.db.models import Sampling

    with example_db.sessions() as session, session.begin():
        session.execute(update(Sampling).where(Sampling.sample_no == "SF2026002").values(served_date=dt.date(2026, 5, 6)))
    with example_db.sessions() as session:
        case = compute_stats(session, period="2026Q2", as_of=dt.date(2026, 6, 30)).sampling.disposal.rows[0]
    # 7 working days from Wednesday 05-06 (after the Labour Day holiday 05-01..05-05; Saturday 05-09
    # is a make-up workday): 05-07, 05-08, 05-09, 05-11, 05-12, 05-13, 05-14.
    assert case.served == dt.date(2026, 5, 6) and case.retest_deadline == dt.date(2026, 5, 14)
    assert case.deadline == dt.date(2026, 7, 30)  # the 90 days still run from the result received


def test_region_filter_worked_example(example_db) -> None:  # type: ignore[no-untyped-def]
    with example_db.sessions() as session:
        village = compute_stats(session, period="2026Q2", as_of=dt.date(2026, 6, 30), region="430204001001")
        township = compute_stats(session, period="2026Q2", as_of=dt.date(2026, 6, 30), region="430204001")
    v = village.to_json()
    # E1 and E4 live in 清水社区: both village obligations met; only E1 owes self-checks.
    assert (v["supervision"]["due"], v["supervision"]["met"]) == (2, 2)
    assert v["selfcheck"]["owing"] == 1
    assert v["sampling"]["batches"] == 1 and v["sampling"]["planned"] == 0 and v["sampling"]["plan_rate"] is None
    assert v["rapid"]["batches"] == 0
    t = township.to_json()
    assert (t["supervision"]["due"], t["supervision"]["met"]) == (3, 2)
    assert t["sampling"]["batches"] == 3 and t["sampling"]["planned"] == 0
