"""A database from a newer version is refused; an older one is backed up, then migrated.

There is only one real revision so far, so the "older database" test adds a second one: it copies the
migrations into a temporary folder, adds revision 9001 on top of the real head (it creates a table),
and points the engine at that folder and revision list. The database at the real head is then older
than the app, and open_database must back it up through the hook before migrating it for real.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from msfood.cli.common import open_db
from msfood.core.errors import EnvironmentProblem
from msfood.db import engine as engine_module
from msfood.db.engine import head_revision, open_database
from msfood.services.backups.backup import automatic_backups

NEXT = "9001"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _revision(path: Path) -> str:
    with closing(sqlite3.connect(str(path))) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def _tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(str(path))) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_database_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    with closing(sqlite3.connect(str(db_path))) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
        conn.commit()
    before = db_path.read_bytes()
    called: list[object] = []
    with pytest.raises(EnvironmentProblem) as caught:
        open_database(db_path, backup=called.append)
    assert caught.value.code == "db.too_new" and caught.value.exit_code == 2
    assert caught.value.params["revision"] == "zzzz"
    assert "更新版本" in caught.value.message()
    assert called == [] and db_path.read_bytes() == before


def test_a_file_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(str(other))) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(EnvironmentProblem) as caught:
        open_database(other)
    assert caught.value.code == "local.foreign_sqlite"  # refused before anything wrote to it
    text = tmp_path / "text.sqlite"
    text.write_text("hello, not a database at all" * 100)
    with pytest.raises(EnvironmentProblem) as caught:
        open_database(text)
    assert caught.value.code == "local.not_database"


def test_a_database_at_the_head_is_opened_without_a_backup(db_path: Path, home: Path) -> None:
    called: list[object] = []
    open_database(db_path, backup=called.append).close()
    assert called == []


@pytest.fixture
def newer_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """This app, one migration ahead of the databases made so far."""
    migrations = tmp_path / "migrations"
    shutil.copytree(engine_module.MIGRATIONS_DIR, migrations,
                    ignore=shutil.ignore_patterns("__pycache__"))
    old_head = head_revision()
    (migrations / "versions" / f"{NEXT}_probe.py").write_text(
        f'''"""probe table (test only)"""
from alembic import op
import sqlalchemy as sa

revision = "{NEXT}"
down_revision = "{old_head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_probe", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("upgrade_probe")
''',
        encoding="utf-8",
    )
    from msfood.db.migrations import versions

    monkeypatch.setattr(engine_module, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(versions, "KNOWN", (*versions.KNOWN, NEXT))
    monkeypatch.setattr(versions, "HEAD", NEXT)
    return old_head


def test_an_older_database_is_backed_up_then_migrated(db_path: Path, newer_app: str, home: Path) -> None:
    import argparse

    assert _revision(db_path) == newer_app != head_revision() == NEXT
    database = open_db(argparse.Namespace(db=str(db_path)))  # as every command opens it
    database.close()
    assert _revision(db_path) == NEXT and "upgrade_probe" in _tables(db_path)
    backups = automatic_backups(db_path)
    assert len(backups) == 1 and backups[0].name.endswith("-migration.sqlite")
    assert _revision(backups[0]) == newer_app and "upgrade_probe" not in _tables(backups[0])
    with closing(sqlite3.connect(str(backups[0]))) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    open_database(db_path, backup=lambda _db: pytest.fail("no second backup")).close()


def test_a_failed_backup_stops_the_migration(db_path: Path, newer_app: str) -> None:
    def failing(_database: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(EnvironmentProblem) as caught:
        open_database(db_path, backup=failing)
    assert caught.value.code == "local.migration_backup_failed"
    assert "备份没有成功" in caught.value.message() and "磁盘空间已满" in caught.value.message()
    assert _revision(db_path) == newer_app and "upgrade_probe" not in _tables(db_path)
