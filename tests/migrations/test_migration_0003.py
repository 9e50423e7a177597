"""Migration 0003 (issue 15): a database of revision 0002 full of records goes up to 0003 and back
without losing a row, the new columns start empty, and the models match the migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from msfood.db.engine import alembic_config, make_engine, open_database
from msfood.db.migrations.versions import HEAD
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, worked_example

NEW_COLUMNS = {
    "businesses": {"chain_role", "chain_hq_id", "chain_branch_id"},
    "samplings": {"served_date", "extended_deadline", "extension_approver", "extension_approved_on"},
}
COUNTED = ("businesses", "samplings", "visits", "assignments", "selfchecks", "business_statuses")


def _columns(path: Path, table: str) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in COUNTED}


def _migrate(path: Path, revision: str, *, down: bool) -> None:
    from alembic import command

    engine = make_engine(f"sqlite:///{path}")
    try:
        (command.downgrade if down else command.upgrade)(alembic_config(engine), revision)
    finally:
        engine.dispose()


def test_0002_database_with_records_goes_up_and_down(db_path: Path, clock: object) -> None:
    database = open_database(db_path)
    with unit_of_work(database.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    database.close()
    before = _counts(db_path)
    assert before["visits"] == 3 and before["samplings"] == 3

    _migrate(db_path, "0002", down=True)
    for table, columns in NEW_COLUMNS.items():
        assert not columns & _columns(db_path, table)
    assert _counts(db_path) == before

    database = open_database(db_path)  # an older app's file, opened by this one: upgraded to head
    database.close()
    for table, columns in NEW_COLUMNS.items():
        assert columns <= _columns(db_path, table)
    assert _counts(db_path) == before
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
        assert conn.execute(
            "SELECT COUNT(*) FROM samplings WHERE served_date IS NOT NULL OR extended_deadline IS NOT NULL"
        ).fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM businesses WHERE chain_role IS NOT NULL").fetchone()[0] == 0
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # ids, not foreign keys: a chain's headquarters may never reach a station's database
        assert not {row[3] for row in conn.execute("PRAGMA foreign_key_list(businesses)")} & {
            "chain_hq_id", "chain_branch_id"}


def test_head_has_no_drift(tmp_path: Path) -> None:
    from alembic import command

    database = open_database(tmp_path / "new.sqlite", create=True)
    try:
        command.check(alembic_config(database.engine))  # raises when models and migrations differ
    finally:
        database.close()
