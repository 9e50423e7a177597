"""The same migrations on SQLite and on PostgreSQL: an empty database upgrades to head with no drift
from the models, the sync columns compare byte by byte, and a newer database is refused."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from msfood.core.errors import EnvironmentProblem
from msfood.db.engine import alembic_config, head_revision, open_database
from tests import pg


@pytest.fixture(params=pg.BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'new.sqlite'}"
        return
    if not pg.PG_URL:
        pytest.skip(reason="no PostgreSQL server to test against: set MSFOOD_TEST_PG_URL (scripts/pg_test_server.sh)")
    name = f"msfood_t_{uuid.uuid4().hex[:16]}"
    url = pg.create_database(name)
    try:
        yield url
    finally:
        pg.drop_database(name)


def test_empty_database_upgrades_to_head_without_drift(empty_url: str) -> None:
    from alembic import command
    from alembic.util.exc import CommandError

    database = open_database(empty_url, create=True)
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        try:
            command.check(alembic_config(database.engine))
        except CommandError as exc:  # pragma: no cover - the failure message is the point
            pytest.fail(f"models and migrations disagree on {database.engine.dialect.name}: {exc}")
    finally:
        database.close()
    again = open_database(empty_url)  # at head: nothing to do
    again.close()


def test_sync_columns_sort_byte_by_byte(empty_url: str) -> None:
    """Ids and stamps are compared as bytes in Python (a merge refuses rows out of id order), so the
    database must sort them the same way whatever its locale: COLLATE "C" on PostgreSQL."""
    database = open_database(empty_url, create=True)
    ids = ["a-b", "a_b", "aB", "ab", "A-b", "0-1", "0_1"]
    try:
        with database.engine.begin() as conn:
            for n, record_id in enumerate(ids):
                conn.execute(
                    text(
                        "INSERT INTO regions (id, hlc, base_hlc, origin, deleted, entered_at, local_seq, code, name)"
                        " VALUES (:id, :hlc, '', 'X', false, '2026-01-01 00:00:00', :n, :code, 'r')"
                    ),
                    {"id": record_id, "hlc": f"{record_id}X", "n": n, "code": str(n)},
                )
            by_id = [r[0] for r in conn.execute(text("SELECT id FROM regions ORDER BY id"))]
            by_hlc = [r[0] for r in conn.execute(text("SELECT hlc FROM regions ORDER BY hlc"))]
    finally:
        database.close()
    assert by_id == sorted(ids)
    assert by_hlc == sorted(f"{i}X" for i in ids)


def test_newer_database_is_refused(empty_url: str) -> None:
    database = open_database(empty_url, create=True)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    database.close()
    with pytest.raises(EnvironmentProblem) as caught:
        open_database(empty_url)
    assert caught.value.code == "db.too_new"
