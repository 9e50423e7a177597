"""Migration 0006 (issue 14 item 6): the local visit_plans table. A database of revision 0005 full of
records goes up and back without losing a row; a plan saved at 0006 goes away with its table; and a
bundle of schema 0004 still merges (its chain of upgrades reaches head)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from test_migration_0003 import _counts, _migrate

from msfood.core.progress import drain
from msfood.db.engine import open_database
from msfood.db.migrations.versions import HEAD
from msfood.planning.service import make_schedule
from msfood.services.writing.transaction import unit_of_work
from msfood.sync.upgrade import upgrade_chain
from tests.conftest import ADMIN
from tests.scenario import Scenario
from tests.schedule_data import schedule_station


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_0005_database_goes_up_to_0006_and_back(db_path: Path, clock: object) -> None:
    database = open_database(db_path)
    with unit_of_work(database.sessions, clock=clock) as uow:
        schedule_station(Scenario(uow))
    database.close()
    before = _counts(db_path)
    assert before["businesses"] == 4

    _migrate(db_path, "0005", down=True)
    assert "visit_plans" not in _tables(db_path)
    assert _counts(db_path) == before

    database = open_database(db_path)  # an older app's file, opened by this one: upgraded to head
    try:
        assert "visit_plans" in _tables(db_path)
        with database.sessions.begin() as session:
            saved = drain(
                make_schedule(
                    session,
                    actor=ADMIN,
                    period="2026Q4",
                    as_of=dt.date(2026, 11, 24),
                    now=dt.datetime(2026, 11, 24, 2, tzinfo=dt.UTC),
                )
            )
        assert len(saved.entries) == 4
    finally:
        database.close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
        assert conn.execute("SELECT COUNT(*) FROM visit_plans").fetchone()[0] == 4
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    _migrate(db_path, "0005", down=True)
    assert "visit_plans" not in _tables(db_path)
    assert _counts(db_path) == before


def test_a_bundle_of_schema_0004_upgrades_to_head() -> None:
    chain = upgrade_chain("0004")
    assert chain is not None and chain[-1].to_version == HEAD
