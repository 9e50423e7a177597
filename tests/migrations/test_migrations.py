"""Migrations: an empty file upgrades to head, the models and the migrations agree (no drift), and a
database from a newer app is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from msfood.core.errors import EnvironmentProblem
from msfood.db.engine import MIGRATIONS_DIR, alembic_config, head_revision, known_revisions, open_database


def test_known_revisions_match_the_files() -> None:
    files = {p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py")}
    assert files == known_revisions()
    assert head_revision() in files


def test_empty_file_upgrades_to_head_without_drift(tmp_path: Path) -> None:
    from alembic import command
    from alembic.util.exc import CommandError

    database = open_database(tmp_path / "new.sqlite", create=True)
    try:
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        try:
            command.check(alembic_config(database.engine))
        except CommandError as exc:  # pragma: no cover - the failure message is the point
            pytest.fail(f"models and migrations disagree: {exc}")
    finally:
        database.close()


def test_newer_database_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(EnvironmentProblem) as caught:
        open_database(db_path)
    assert caught.value.code == "db.too_new"
    assert "更新版本" in caught.value.message()


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(EnvironmentProblem) as caught:
        open_database(path)
    assert caught.value.code == "local.not_database"
