"""Progress, the bulletin counts and the ranking, worked out by hand from DOMAIN.md section 3.

The default rules: every level visits each guaranteed business once a quarter.
"""

from __future__ import annotations

import datetime as dt

import pytest

from msfood.core.errors import ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import SelfCheck, Visit
from msfood.domain.periods import period_key_for
from msfood.metrics import compute_stats
from msfood.metrics.ranking import assign_ranks, rank_regions
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests.scenario import Scenario

D = dt.date.fromisoformat
B1, B2, B3, B4, B5 = (
    "91430211000009136F", "91430211000009267B", "914302110000093987", "91430211000009523U", "91430211MA4L0A0X8P",
)
K1, K2, K3, K4 = "13700000001", "13700000002", "13700000003", "13700000004"
T1, T2, T3, T4, T5 = (f"43020400{n}" for n in range(1, 6))


@pytest.fixture
def build(db, clock):  # type: ignore[no-untyped-def]
    def _build(fill):  # type: ignore[no-untyped-def]
        with unit_of_work(db.sessions, clock=clock) as uow:
            s = Scenario(uow)
            s.region("430204", "石峰区")
            for n, code in enumerate((T1, T2, T3, T4, T5), start=1):
                s.region(code, f"第{n}街道", "430204")
            fill(s, uow)
        return db

    return _build


def stats(db, period: str, as_of: str, region: str | None = None):  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return compute_stats(session, period=period, as_of=D(as_of), region=region, details=False).to_json()


def ranking(db, period: str, as_of: str, region: str | None = "430204", by: str = "supervision"):  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return rank_regions(session, period=period, as_of=D(as_of), region=region, by=by)


def progress_fill(s: Scenario, uow) -> None:  # type: ignore[no-untyped-def]
    s.business(B1, "甲饭店", region=T1)
    s.business(B2, "乙饭店", region=T1)
    s.business(B3, "丙超市", form="sales", region=T2)
    s.business(B4, "丁豆腐坊", form="workshop", region=T2)  # owes no self-checks
    s.cadre(K1, "村甲", "village", T1)
    s.cadre(K2, "村乙", "village", T2)
    s.cadre(K3, "县丙", "county", "430204")
    s.assign(K1, B1, "2026-01-01")
    s.assign(K1, B2, "2026-01-01")
    s.assign(K2, B3, "2026-01-01")
    s.assign(K3, B3, "2026-01-01")
    s.visit(K1, B1, "2026-04-20")  # met early
    s.visit(K2, B3, "2026-05-10")  # met once D reaches it
    s.visit(K3, B1, "2026-04-21")  # K3 is not B1's cadre: a visit (督导次数), counts toward nothing
    s.visit(K1, B1, "2026-03-31")  # Q1: not in the Q2 counts
    deleted = s.visit(K1, B2, "2026-04-22")
    uow.upsert(table_of(Visit), {"id": deleted, "cadre_id": s.cid(K1), "business_id": s.bid(B2),
                                 "visit_date": D("2026-04-22"), "mode": "onsite", "deleted": True})
    rows = []
    for code, kind, day, issues in (
        (B1, "daily", "2026-03-31", 5),  # before P
        (B1, "daily", "2026-04-01", 1),
        (B1, "daily", "2026-04-02", 0),
        (B1, "daily", "2026-05-20", 2),  # after the first as-of date
        (B1, "weekly", "2026-04-03", 3),
        (B1, "monthly", "2026-04-30", 0),
        (B4, "daily", "2026-04-01", 4),  # a workshop owes nothing, its records still count
        (B4, "weekly", "2026-04-10", 0),
    ):
        business_id, key = s.bid(code), period_key_for(kind, D(day))
        rows.append({"id": natural_id("selfcheck", business_id, kind, key), "business_id": business_id,
                     "kind": kind, "record_date": D(day), "period_key": key, "issues_found": issues})
    uow.upsert_many(table_of(SelfCheck), rows)


def test_progress_while_the_quarter_runs(build) -> None:  # type: ignore[no-untyped-def]
    db = build(progress_fill)
    data = stats(db, "2026Q2", "2026-05-15")
    sup = data["supervision"]
    # obligations: B1, B2 (village K1), B3 (village K2), B3 (county K3); met so far: B1, B3 village
    assert (sup["due"], sup["met"], sup["open"], sup["rate"]) == (0, 0, 2, None)
    assert sup["progress"] == {"total": 4, "met": 2, "rate": 0.5}
    assert sup["by_level"]["village"]["progress"] == {"total": 3, "met": 2, "rate": 2 / 3}
    assert sup["by_level"]["county"]["progress"] == {"total": 1, "met": 0, "rate": 0.0}
    assert sup["by_level"]["city"]["progress"] == {"total": 0, "met": 0, "rate": None}
    # visits dated 04-01..05-15, not deleted, whatever they count toward: 04-20, 04-21, 05-10
    assert sup["visits"] == 3


def test_progress_before_a_visit_and_after_the_end(build) -> None:  # type: ignore[no-untyped-def]
    db = build(progress_fill)
    early = stats(db, "2026Q2", "2026-04-30")["supervision"]
    assert early["progress"] == {"total": 4, "met": 1, "rate": 0.25}  # B3's visit on 05-10 is after D
    assert early["visits"] == 2
    ended = stats(db, "2026Q2", "2026-07-15")["supervision"]
    assert (ended["due"], ended["met"]) == (4, 2)
    assert ended["progress"] == {"total": 4, "met": 2, "rate": 0.5}  # = the final figure
    for level, tally in ended["by_level"].items():
        assert tally["progress"]["total"] == tally["due"] and tally["progress"]["met"] == tally["met"], level


def test_record_counts_cover_every_business(build) -> None:  # type: ignore[no-untyped-def]
    db = build(progress_fill)
    checks = stats(db, "2026Q2", "2026-05-15")["selfcheck"]
    # dated 04-01..05-15: B1 daily 04-01, 04-02, weekly, monthly; B4 daily, weekly (owing or not)
    assert checks["records"] == {"daily": 3, "weekly": 2, "monthly": 1}
    assert checks["issues_found"] == 1 + 0 + 3 + 0 + 4 + 0
    later = stats(db, "2026Q2", "2026-06-30")["selfcheck"]
    assert later["records"]["daily"] == 4 and later["issues_found"] == 10
    own = stats(db, "2026Q2", "2026-06-30", region=T1)["selfcheck"]
    assert own["records"] == {"daily": 3, "weekly": 1, "monthly": 1} and own["issues_found"] == 6


def test_equal_rates_share_a_rank() -> None:
    shares = {"a": (1, 1), "b": (1, 2), "c": (2, 4), "d": (0, 1), "e": (0, 0)}
    assert assign_ranks(shares) == {"a": 1, "b": 2, "c": 2, "d": 4, "e": None}
    assert assign_ranks({"x": (1, 3), "y": (2, 6), "z": (3, 9)}) == {"x": 1, "y": 1, "z": 1}
    assert assign_ranks({}) == {}


def ranking_fill(s: Scenario, uow) -> None:  # type: ignore[no-untyped-def]
    """Q2 progress as of 05-15: T1 1/1, T2 1/2, T3 2/4, T4 0/1, T5 none.
    Q1 (as of 03-31): T4 1/1, T3 1/2 ... so the ranks move."""
    s.cadre(K1, "村甲", "village", "430204")
    plan = {
        T1: [("a", ["2026-04-10"], [])],
        T2: [("a", ["2026-04-11"], ["2026-02-01"]), ("b", [], [])],
        T3: [("a", ["2026-04-12"], ["2026-02-02"]), ("b", ["2026-05-01"], []), ("c", [], []), ("d", [], [])],
        T4: [("a", ["2026-05-16"], ["2026-03-01"])],  # visited the day after D: not yet met
    }
    codes = iter(
        ["91430211000009136F", "91430211000009267B", "914302110000093987", "91430211000009523U",
         "91430211MA4L0A0X8P", "92430211MA4L0A1Y5Q", "91430204MA4L0A2B3R", "91430204MA4L0A3C1T"]
    )
    for region, businesses in plan.items():
        for name, q2, q1 in businesses:
            code = next(codes)
            s.business(code, f"{region}{name}", region=region)
            s.assign(K1, code, "2026-01-01")
            for day in q1 + q2:
                s.visit(K1, code, day)


def test_ranking_ties_no_figure_previous_and_change(build) -> None:  # type: ignore[no-untyped-def]
    db = build(ranking_fill)
    result = ranking(db, "2026Q2", "2026-05-15")
    rows = {r.code: r for r in result.rows}
    assert [r.code for r in result.rows] == [T1, T2, T3, T4, T5]
    assert [(rows[c].rank, rows[c].rate) for c in (T1, T2, T3, T4, T5)] == [
        (1, 1.0), (2, 0.5), (2, 0.5), (4, 0.0), (None, None)
    ]
    # Q1 as of 03-31: T1 0/1, T2 1/2, T3 1/4, T4 1/1 -> T4 1, T2 2, T3 3, T1 4
    assert [(rows[c].previous_rank, rows[c].change) for c in (T1, T2, T3, T4, T5)] == [
        (4, 3), (2, 0), (3, 1), (1, -3), (None, None)
    ]
    assert result.previous_period == "2026Q1" and result.previous_as_of == D("2026-03-31")
    data = result.to_json()
    assert data["by"] == "supervision" and data["region"] == "430204"
    assert data["rows"][0]["change"] == 3 and data["rows"][-1]["rank"] is None


def test_every_row_equals_stats_for_its_region(build) -> None:  # type: ignore[no-untyped-def]
    db = build(lambda s, uow: (progress_fill(s, uow), ranking_fill(s, uow)))
    for period, as_of in (("2026Q2", "2026-05-15"), ("2026Q2", "2026-06-30"), ("2026-04", "2026-04-30"),
                          ("2026", "2026-05-15"), ("2026Q1", "2026-05-15")):
        for by in ("supervision", "coverage", "daily", "platform_use", "disposal"):
            result = ranking(db, period, as_of, by=by)
            assert len(result.rows) == 5
            for row in result.rows:
                own = stats(db, period, as_of, region=row.code)
                assert row.to_json()["figures"] == own, (period, as_of, by, row.code)
                if by == "supervision":
                    assert row.rate == own["supervision"]["progress"]["rate"]


def test_ranking_from_the_top_and_unknown_figures(build) -> None:  # type: ignore[no-untyped-def]
    db = build(ranking_fill)
    top = ranking(db, "2026Q2", "2026-05-15", region=None)
    assert [r.code for r in top.rows] == ["430204"] and top.rows[0].rate == 4 / 8
    leaf = ranking(db, "2026Q2", "2026-05-15", region=T1)
    assert leaf.rows == ()
    with pytest.raises(ValidationError):
        ranking(db, "2026Q2", "2026-05-15", by="speed")


def test_rank_all_equals_rank_regions_figure_by_figure(build) -> None:  # type: ignore[no-untyped-def]
    from msfood.metrics.ranking import FIGURES, rank_all

    db = build(lambda s, uow: (progress_fill(s, uow), ranking_fill(s, uow)))
    with db.sessions() as session:
        together = rank_all(session, period="2026Q2", as_of=D("2026-05-15"), region="430204")
    assert set(together) == set(FIGURES)
    for by, ranked in together.items():
        alone = ranking(db, "2026Q2", "2026-05-15", by=by)
        assert ranked.to_json() == alone.to_json(), by


def test_monthly_trends_are_the_figures_of_each_month(build) -> None:  # type: ignore[no-untyped-def]
    from msfood.metrics.trends import monthly_trends

    db = build(lambda s, uow: (progress_fill(s, uow), ranking_fill(s, uow)))
    with db.sessions() as session:
        points = monthly_trends(session, year=2026, as_of=D("2026-05-15"))
    assert [p.month for p in points] == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
    assert points[-1].as_of == D("2026-05-15") and points[0].as_of == D("2026-01-31")
    for point in points:
        day = point.as_of.isoformat()
        quarter = f"2026Q{(int(point.month[5:]) - 1) // 3 + 1}"
        assert point.rates["supervision"] == stats(db, quarter, day)["supervision"]["progress"]["rate"], point.month
        own = stats(db, point.month, day)
        assert point.rates["coverage"] == own["supervision"]["coverage"]["rate"]
        for key in ("daily", "weekly", "monthly", "platform_use"):
            assert point.rates[key] == own["selfcheck"][key]["rate"], (point.month, key)
    # the quarter's progress climbs: March (Q1's end) above January; April starts Q2 again
    assert points[2].rates["supervision"] > points[0].rates["supervision"] == 0.0
    assert points[3].rates["supervision"] is not None and points[3].rates["daily"] is not None


def test_a_chain_store_ranked_as_stats_counts_it(build) -> None:  # type: ignore[no-untyped-def]
    """A store's weekly 排查 met by its headquarters' records in another township (Order No. 104):
    the ranking's row for the store's township counts it covered, as `stats --region` does."""
    weeks = [D("2026-09-28") + dt.timedelta(weeks=i) for i in range(9)]  # W40 to W48

    def fill(s: Scenario, _uow) -> None:  # type: ignore[no-untyped-def]
        s.business(B1, "总部", region=T2, chain="hq")
        s.business(B2, "门店", region=T1, chain="store", hq=B1)
        s.selfchecks(B1, "weekly", weeks)

    db = build(fill)
    row = next(r for r in ranking(db, "2026Q4", "2026-11-30", by="weekly").rows if r.code == T1)
    weekly = stats(db, "2026Q4", "2026-11-30", region=T1)["selfcheck"]["weekly"]
    assert weekly["covered"] == weekly["applicable"] == 1  # the headquarters' weeks count for the store
    assert (row.numerator, row.denominator) == (1, 1)
    assert row.stats is not None and row.stats.selfcheck.weekly.covered == 1
