"""Migration 0005 (issue 14, speed): a database of revision 0004 full of self-check records goes up to
0005 with the same figures (the record counts now read from the rollups' new day columns and the
partial index of records with issues), and back to 0004 with the 0002 triggers still keeping its
rollups; the records written while at 0004 are counted once up again."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from test_migration_0003 import _columns, _counts, _migrate
from test_selfcheck_rollups import actual, expected, live_records

from msfood.core.ids import natural_id
from msfood.db.engine import open_database
from msfood.db.migrations.versions import HEAD
from msfood.db.models import SelfCheck
from msfood.domain.periods import period_key_for
from msfood.metrics import compute_stats
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests.scenario import Scenario, worked_example

WINDOWS = (("2026Q2", dt.date(2026, 6, 30)), ("2026-05", dt.date(2026, 5, 17)), ("2026", dt.date(2026, 11, 24)))


def _figures(path: Path) -> list[dict]:
    database = open_database(path)
    try:
        with database.sessions() as session:
            return [compute_stats(session, period=p, as_of=d, details=False).to_json() for p, d in WINDOWS]
    finally:
        database.close()


def _index_and_triggers(path: Path) -> tuple[set[str], int]:
    with sqlite3.connect(path) as conn:
        indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        triggers = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0]
    return indexes, triggers


def _write_issues(database, clock, code: str, days: list[str]) -> None:  # type: ignore[no-untyped-def]
    business_id = Scenario.bid(code)
    with unit_of_work(database.sessions, clock=clock) as uow:
        for i, day in enumerate(days):
            for kind in ("daily", "weekly"):
                key = period_key_for(kind, dt.date.fromisoformat(day))
                uow.upsert(table_of(SelfCheck), {
                    "id": natural_id("selfcheck", business_id, kind, key), "business_id": business_id, "kind": kind,
                    "record_date": dt.date.fromisoformat(day), "period_key": key, "issues_found": i + 1})


def test_0004_database_goes_up_with_the_same_figures_and_back(db_path: Path, clock: object) -> None:
    database = open_database(db_path)
    with unit_of_work(database.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    _write_issues(database, clock, "91430211000009523U", ["2026-05-04", "2026-05-17", "2026-06-30"])
    database.close()
    before, figures = _counts(db_path), _figures(db_path)
    assert figures[0]["selfcheck"]["issues_found"] == 1 + 2 + 3 + 1 + 2 + 3  # the test counts some

    _migrate(db_path, "0004", down=True)
    assert {"weekly", "monthly"}.isdisjoint(_columns(db_path, "selfcheck_days"))
    indexes, triggers = _index_and_triggers(db_path)
    assert "ix_selfchecks_issues" not in indexes and triggers == 3
    assert _counts(db_path) == before
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"
    # written at 0004 (as that app's forms would, here in plain SQL): the 0002 triggers keep the days
    business_id = Scenario.bid("91430211000009523U")  # no record on 2026-05-30 until this one
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO selfchecks (id, hlc, base_hlc, origin, deleted, entered_at, local_seq, business_id, kind,"
            " record_date, period_key, issues_found) SELECT :id, hlc, base_hlc, origin, 0, entered_at,"
            " (SELECT MAX(local_seq) + 1 FROM selfchecks), :b, 'monthly', '2026-05-30', '2026-05', 5"
            " FROM selfchecks WHERE business_id = :b LIMIT 1",
            {"id": natural_id("selfcheck", business_id, "monthly", "2026-05"), "b": business_id})
        dated = conn.execute("SELECT dated FROM selfcheck_days WHERE business_id = ? AND month = '2026-05'",
                             (business_id,)).fetchone()[0]
        assert dated & (1 << 29)  # the 30th, marked by the 0002 trigger

    database = open_database(db_path)  # an older app's file, opened by this one: upgraded to head
    try:
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD  # 0005 and on
            assert actual(conn) == expected(live_records(conn))  # the rollups rebuilt exactly
        indexes, triggers = _index_and_triggers(db_path)
        assert "ix_selfchecks_issues" in indexes and triggers == 3
        with database.sessions() as session:
            may = compute_stats(session, period="2026-05", as_of=dt.date(2026, 5, 31), details=False)
        assert may.selfcheck.counts.monthly == 3 and may.selfcheck.counts.issues_found == 1 + 1 + 2 + 2 + 5
    finally:
        database.close()
    with sqlite3.connect(db_path) as conn:  # the record written at 0004 goes; the figures are as before
        conn.execute("DELETE FROM selfchecks WHERE kind = 'monthly' AND record_date = '2026-05-30'")
    assert _figures(db_path) == figures
    assert {"weekly", "monthly"} <= _columns(db_path, "selfcheck_days")
