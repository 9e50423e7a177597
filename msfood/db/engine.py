"""Opening a database: the engine with its pragmas, the schema check and the migrations.

A station's database is an SQLite file (WAL, synchronous=FULL, foreign keys on); a bureau may point
the same code at PostgreSQL with a SQLAlchemy URL. Alembic is imported only when a migration is due.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from msfood.core.errors import EnvironmentProblem
from msfood.core.private_files import create_private_file, make_private_folder, private_companions

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000


def database_url(db: str | os.PathLike[str]) -> str:
    text_db = str(db)
    if "://" in text_db:
        return text_db
    return f"sqlite:///{Path(text_db).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///"))
    return None


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # Let SQLAlchemy own transactions (pysqlite's own BEGIN handling is off: see SA docs "Serializable
    # isolation / Savepoints / Transactional DDL").
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA cache_size=-65536")
    # temp_store stays at its default (a temporary file, cached, rarely written): with MEMORY, the
    # GROUP BY of a city's daily self-checks (2 million index entries) took 65% longer.
    cursor.close()


READER = "msfood_reader"
BUSY_MS = "msfood_busy_ms"  # an execution option: this transaction's busy timeout (ms), else BUSY_TIMEOUT_MS


def _begin_sqlite(conn) -> None:  # type: ignore[no-untyped-def]
    # Writers take the write lock at the start (IMMEDIATE), so two writers queue instead of failing
    # mid-way. Readers (Database.readers) begin DEFERRED: in WAL mode they read the last committed
    # snapshot, consistent across the transaction, while a writer works.
    # query_only makes a reader's mistake to write an error instead of a silent lock.
    options = conn.get_execution_options()
    reader = options.get(READER, False)
    conn.exec_driver_sql(f"PRAGMA query_only={'ON' if reader else 'OFF'}")
    # A short wait for a write that must not hold people up (the sign-in's lock-out counter); every
    # other transaction puts the default back on its pooled connection.
    conn.exec_driver_sql(f"PRAGMA busy_timeout={int(options.get(BUSY_MS, BUSY_TIMEOUT_MS))}")
    conn.exec_driver_sql("BEGIN DEFERRED" if reader else "BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True)


def engine_over(connection: sqlite3.Connection) -> Engine:
    """An engine on one open sqlite3 connection (a restore's private staging copy), with the same
    transaction handling as every other engine; disposing of it leaves the connection open."""
    from sqlalchemy.pool import StaticPool

    class _Kept:  # the pool's close() must not close the caller's connection
        def __init__(self, conn: sqlite3.Connection) -> None:
            self._conn = conn

        def close(self) -> None:
            pass

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(self._conn, name)

        def __setattr__(self, name: str, value: object) -> None:
            if name == "_conn":
                object.__setattr__(self, name, value)
            else:
                setattr(self._conn, name, value)

    engine = create_engine("sqlite://", creator=lambda: _Kept(connection), poolclass=StaticPool)

    def pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    event.listen(engine, "connect", pragmas)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def head_revision() -> str:
    """The newest migration this app knows, read from the versions folder without importing Alembic."""
    from msfood.db.migrations.versions import HEAD

    return HEAD


def known_revisions() -> set[str]:
    from msfood.db.migrations.versions import KNOWN

    return set(KNOWN)


def current_revision(engine: Engine) -> str | None:
    # A reader's transaction: opening a database must not wait for (or take) the write lock.
    with engine.execution_options(**{READER: True}).connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


@dataclass
class Database:
    """An open database: its engine and session factories. Close it when done.

    `sessions` are for units of work (they take the write lock at once); `readers` only read and never
    wait behind a writer (lists, figures, reports).
    """

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    readers: sessionmaker[Session]

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def quick_writer(self, busy_ms: int) -> sessionmaker[Session]:
        """Units of work that wait at most `busy_ms` for the write lock (then SQLite says "busy")."""
        return sessionmaker(self.engine.execution_options(**{BUSY_MS: busy_ms}), expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    db: str | os.PathLike[str],
    *,
    create: bool = False,
    backup: Callable[[Database], object] | None = None,
) -> Database:
    """Open (or with create=True make) a database and bring its schema to this app's version.

    A database from a newer app is refused; an older one is backed up (through `backup`), then migrated.
    """
    url = database_url(db)
    path = sqlite_path(url)
    if path is not None:
        if not create and not path.exists():
            raise EnvironmentProblem("db.missing", path=str(path))
        if not create or (path.exists() and path.stat().st_size > 0):
            from msfood.db.problems import refuse_foreign_file

            refuse_foreign_file(path)  # before any connection: a file not ours stays as it was
        if create:
            make_private_folder(path.parent)
            create_private_file(path)
    engine = make_engine(url)
    database = Database(
        url,
        engine,
        sessionmaker(engine, expire_on_commit=False),
        sessionmaker(engine.execution_options(**{READER: True}), expire_on_commit=False),
    )
    shown = str(path) if path is not None else _safe_url(url)
    try:
        current = current_revision(engine)
        if current is None and not create:
            raise EnvironmentProblem("db.not_msfood", path=shown)
        if current is not None and current not in known_revisions():
            raise EnvironmentProblem("db.too_new", path=shown, revision=current)
        if current != head_revision():
            if current is not None and backup is not None:
                _backup_before_migration(backup, database, shown)
            upgrade(engine)
    except EnvironmentProblem:
        engine.dispose()
        raise
    except Exception as exc:  # sqlite3.DatabaseError "file is not a database", permissions, ...
        engine.dispose()
        from msfood.db.problems import database_problem

        problem = database_problem(exc, path)
        if problem is not None:
            raise problem from exc
        raise EnvironmentProblem("local.unreadable", path=shown) from exc
    if path is not None:
        private_companions(path)
    return database


def _backup_before_migration(backup: Callable[[Database], object], database: Database, shown: str) -> None:
    """The backup a migration waits for; its failure stops the migration, in plain words."""
    try:
        backup(database)
    except EnvironmentProblem:
        raise
    except Exception as exc:
        from msfood.db.problems import database_problem

        problem = database_problem(exc)
        if problem is not None and problem.code == "local.db_busy":
            raise problem from exc
        reason = problem.message() if problem is not None else ""
        raise EnvironmentProblem("local.migration_backup_failed", path=shown, reason=reason) from exc


def _safe_url(url: str) -> str:
    """A database URL without its password, for a message."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: say nothing of it
        return "-"


def copy_sqlite_file(source: Path, target: Path) -> None:
    create_private_file(target)
    shutil.copyfile(source, target)
