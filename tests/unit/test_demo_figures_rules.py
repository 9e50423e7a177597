"""The demo shows the rules of issue 15: 送达 dates (some missing), one approved extension, a failed
风险监测 sample that opens no case, and a small chain (a headquarters, a branch, three stores)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from msfood.core.clock import CHINA, FixedClock
from msfood.db.engine import open_database
from msfood.demo import create_demo
from msfood.metrics import compute_stats
from msfood.metrics.scope import load_scope
from msfood.metrics.selfchecks import chain_met


def test_station_demo_has_served_dates_an_extension_and_a_chain(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    create_demo(path, scale="station", seed=1,
                clock=FixedClock(dt.datetime(2026, 11, 24, 10, 0, tzinfo=CHINA).astimezone(dt.UTC)))
    with sqlite3.connect(path) as con:
        known, served, extended = con.execute(
            "SELECT count(result_date), count(served_date), count(extended_deadline) FROM samplings").fetchone()
        assert 0 < served < known and extended == 1
        approver, approved, deadline, received = con.execute(
            "SELECT extension_approver, extension_approved_on, extended_deadline, result_date FROM samplings "
            "WHERE extended_deadline IS NOT NULL").fetchone()
        assert approver and received < approved < deadline
        monitoring_failures = con.execute(
            "SELECT count(*) FROM samplings WHERE result = 'fail' AND sampling_type = 'monitoring'").fetchone()[0]
        roles = dict(con.execute(
            "SELECT chain_role, count(*) FROM businesses WHERE chain_role IS NOT NULL GROUP BY 1").fetchall())
        stores = con.execute("SELECT id FROM businesses WHERE chain_role = 'store' ORDER BY id").fetchall()
    assert monitoring_failures == 1
    assert roles == {"hq": 1, "branch": 1, "store": 3}
    database = open_database(path)
    try:
        with database.sessions() as session:
            stats = compute_stats(session, period="2026", as_of=dt.date(2026, 11, 24))
            scope = load_scope(session, None)
            met = [chain_met(scope, store_id, "weekly") for (store_id,) in stores]
    finally:
        database.close()
    sampling = stats.sampling
    failed = sum(c.failed for c in sampling.by_type.values())
    # every failed 监督抽检 batch is a case; the 风险监测 failure is not
    assert sampling.disposal.cases == sampling.by_type["supervision"].failed == failed - 1
    assert sorted(m[2] for m in met if m) == ["由分支机构记录", "由分支机构记录", "由总部记录"]
