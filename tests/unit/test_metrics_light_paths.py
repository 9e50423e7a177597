"""The shortcuts speed4 took keep every figure and name as it was: the cached first paint reads the
figures' shapes without loading the code that computes them, msfood.metrics still names what it did,
and the whole database's record counts summed straight from the rows equal the per-business tables
the ranking splits among its regions."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from msfood.core.ids import natural_id
from msfood.db.models import SelfCheck
from msfood.domain.periods import parse_period, period_key_for
from msfood.metrics.counts import record_counts, records_by_business
from msfood.metrics.figures import read_once
from msfood.metrics.results import RecordCounts
from msfood.metrics.scope import load_scope
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests.scenario import Scenario

ROOT = Path(__file__).resolve().parents[2]


def test_reading_cached_figures_does_not_load_the_figures_code() -> None:
    """What the dashboard imports before its first paint (figures_cache, and unpickling an Overview)
    leaves every figure's module and the database models unloaded."""
    probe = (
        "import sys, pickle\n"
        "from msfood.metrics import figures_cache\n"
        "from msfood.metrics.overview_shape import Overview, Pace\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('msfood.metrics.'))\n"
        "print(' '.join(loaded))\n"
        "print('models' if 'msfood.db.models' in sys.modules else 'no-models')\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    ).stdout.split("\n")
    loaded = set(shown[0].split())
    assert loaded == {"msfood.metrics.figures_cache", "msfood.metrics.overview_shape", "msfood.metrics.results"}
    assert shown[1] == "no-models"


def test_msfood_metrics_still_names_what_it_did() -> None:
    import msfood.metrics as metrics
    from msfood.metrics import Stats, Tally, compute_stats, region_children, supervision_by_cadre
    from msfood.metrics.overview import Overview, RegionProgress
    from msfood.metrics.overview_shape import Overview as Shape
    from msfood.metrics.progress import Pace
    from msfood.metrics.stats import compute_stats as home

    assert compute_stats is home and metrics.supervision_by_region.__module__ == "msfood.metrics.stats"
    assert Stats.__name__ == "Stats" and Tally().due == 0 and callable(region_children)
    assert callable(supervision_by_cadre) and Overview is Shape and RegionProgress.__name__ == "RegionProgress"
    try:
        metrics.no_such_figure  # noqa: B018
    except AttributeError as error:
        assert "no_such_figure" in str(error)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
    # a cached entry names the shapes' light home, so reading it back loads nothing more
    assert b"msfood.metrics.overview_shape" in pickle.dumps(Pace(3, 2, 10))


def _write(db, clock) -> None:  # type: ignore[no-untyped-def]
    """Two businesses in two counties and one deleted, with records of every kind and some issues."""
    businesses = (("91430211000009136F", "430204"), ("91430211000009267B", "430211"),
                  ("914302110000093987", "430211"))
    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        s.region("430211", "天元区")
        for code, region in businesses:
            s.business(code, "甲饭店", region=region)
        table = table_of(SelfCheck)
        for n, (code, _region) in enumerate(businesses):
            business_id = Scenario.bid(code)
            for kind, day, issues in (("daily", "2026-10-02", n), ("daily", "2026-11-24", 1),
                                      ("daily", "2026-11-25", 5), ("weekly", "2026-10-11", 2),
                                      ("monthly", "2026-10-31", 0)):
                date = dt.date.fromisoformat(day)
                key = period_key_for(kind, date)
                uow.upsert(table, {"id": natural_id("selfcheck", business_id, kind, key), "business_id": business_id,
                                   "kind": kind, "record_date": date, "period_key": key, "issues_found": issues})
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE businesses SET deleted = :t WHERE id = :id"),
                     {"t": True, "id": Scenario.bid(businesses[2][0])})


def test_whole_database_counts_equal_the_per_business_tables(db, clock) -> None:  # type: ignore[no-untyped-def]
    _write(db, clock)
    period, as_of = parse_period("2026Q4"), dt.date(2026, 11, 24)
    with db.sessions() as session:
        whole = load_scope(session, None, names=False)
        summed = record_counts(session, whole, period, as_of, split=False)  # straight from the rows
        county_summed = record_counts(session, load_scope(session, "430204", names=False), period, as_of,
                                      split=False)
        with read_once(session):  # the ranking's way: the per-business tables, kept and split
            records_by_business(session, period, as_of)
            split = record_counts(session, whole, period, as_of)
            county = record_counts(session, load_scope(session, "430204", names=False), period, as_of)
    # two live businesses: 2 daily records each up to 11-24 (11-25 is after D), a weekly and a monthly;
    # issues 0+1+2 and 1+1+2 (the deleted business's records do not count)
    assert summed == RecordCounts(daily=4, weekly=2, monthly=2, issues_found=7)
    assert split == summed
    assert county == county_summed == RecordCounts(daily=2, weekly=1, monthly=1, issues_found=3)


def test_visit_count_from_the_duties_visits_equals_its_own_query(db, clock) -> None:  # type: ignore[no-untyped-def]
    """督导次数 counted from the visits the duties read (no second read of the table) equals the count
    from its own query: every visit of P up to D, whoever made it, of the live businesses in scope."""
    from msfood.metrics.counts import visit_count
    from msfood.metrics.supervision import Roster, duties

    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        s.region("430211", "天元区")
        for code, region in (("91430211000009136F", "430204"), ("91430211000009267B", "430211"),
                             ("914302110000093987", "430211")):
            s.business(code, "甲饭店", region=region)
        s.cadre("13800000001", "张三", "township", "430204")
        s.cadre("13800000002", "李四", "village", "430211")
        s.assign("13800000001", "91430211000009136F", "2026-01-01")
        s.assign("13800000002", "91430211000009267B", "2026-01-01")
        for phone, code, day in (
            ("13800000001", "91430211000009136F", "2026-09-30"),  # the day before the quarter
            ("13800000001", "91430211000009136F", "2026-10-01"),
            ("13800000001", "91430211000009136F", "2026-11-24"),  # D itself
            ("13800000001", "91430211000009136F", "2026-11-25"),  # after D
            ("13800000001", "91430211000009267B", "2026-10-15"),  # not assigned: still a visit
            ("13800000002", "91430211000009267B", "2026-11-02"),
            ("13800000002", "914302110000093987", "2026-11-03"),  # of the business deleted below
        ):
            s.visit(phone, code, day)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE businesses SET deleted = :t WHERE id = :id"),
                     {"t": True, "id": Scenario.bid("914302110000093987")})
    period, as_of = parse_period("2026Q4"), dt.date(2026, 11, 24)
    with db.sessions() as session:
        for region, want in ((None, 4), ("430204", 2), ("430211", 2)):
            scope = load_scope(session, region, names=False)
            roster = Roster(session)
            duties(session, scope, period, as_of, roster)
            log = roster.visit_log
            assert log is not None and log.first <= period.start and as_of <= log.last
            assert visit_count(session, scope, period, as_of, log=log) == want, region
            assert visit_count(session, scope, period, as_of) == want, region
        # a log that does not cover the window is not used: the query counts
        assert visit_count(session, load_scope(session, None, names=False), parse_period("2026Q3"), as_of,
                           log=log) == 1
