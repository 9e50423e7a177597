"""Migration 0004 (issue 13): a database of revision 0003 full of records goes up to 0004 and back
without losing a row; regions.retired_on starts empty (every region in use) and a date written at
0004 goes away cleanly on the way down."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from test_migration_0003 import _columns, _counts, _migrate

from msfood.db.engine import open_database
from msfood.db.migrations.versions import HEAD
from msfood.services.roster.regions import add_region, retire_region
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, worked_example


def _regions(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT COUNT(*) FROM regions").fetchone()[0]


def test_0003_database_with_records_goes_up_and_down(db_path: Path, clock: object) -> None:
    database = open_database(db_path)
    with unit_of_work(database.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    database.close()
    before, regions = _counts(db_path), _regions(db_path)
    assert before["businesses"] > 0 and regions > 0

    _migrate(db_path, "0003", down=True)
    assert "retired_on" not in _columns(db_path, "regions")
    assert _counts(db_path) == before and _regions(db_path) == regions
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0003"

    database = open_database(db_path)  # an older app's file, opened by this one: upgraded to head
    try:
        assert "retired_on" in _columns(db_path, "regions")
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD  # 0004 and on
            in_use = conn.execute("SELECT COUNT(*) FROM regions WHERE retired_on IS NULL").fetchone()[0]
            assert in_use == regions
            town = conn.execute(
                "SELECT code FROM regions WHERE length(code) = 9 ORDER BY code LIMIT 1").fetchone()[0]
        empty = town + "999"  # a village no business is registered in
        with unit_of_work(database.sessions, clock=clock) as uow:
            add_region(uow, parent_code=town, code=empty, name="新建村")
            retire_region(uow, code=empty, retired_on=dt.date(2026, 6, 30))
    finally:
        database.close()
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute("SELECT retired_on FROM regions WHERE code = ?", (empty,)).fetchone()[0]
        assert stored == "2026-06-30"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    _migrate(db_path, "0003", down=True)  # a date written at 0004 goes with its column
    assert "retired_on" not in _columns(db_path, "regions")
    assert _counts(db_path) == before and _regions(db_path) == regions + 1
