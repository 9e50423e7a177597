"""What the app's first paint needs, read with the standard library's sqlite3 before SQLAlchemy loads.

SQLAlchemy and the models take about half a second to import, as long as the rest of the app's start
(issue 14: the dashboard painted, with every tile, in under a second). So a start on a local database
signs in, reads the unit and the dashboard's cached figures through one plain connection, paints,
and only then opens the database for real (`DeferredDatabase.open`, on the UI thread).

Everything here decides as the usual way does, with the same functions (accounts.passwords,
setup.identity, metrics.figures_cache). What this way cannot settle by reading, it leaves to the usual
way: `defer_database` returns None for a database that is not a plain file at this app's schema (a
migration is due, it is not ours, it is PostgreSQL), and a sign-in that must write (a wrong password to
count, a lock-out to lift, a hash to renew) opens the database and records through
accounts.authentication.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from msfood.core.clock import Clock
from msfood.core.errors import AuthenticationError
from msfood.services.accounts.passwords import ACCOUNT_COLUMNS, PasswordCheck, check_for, decide, utc_now
from msfood.services.setup.identity import UNIT_KEYS, UnitIdentity, identity_from
from msfood.services.writing.permissions import Actor

if TYPE_CHECKING:
    from msfood.db.engine import Database

BUSY_TIMEOUT_S = 10.0  # as the engine's busy timeout: an import writing does not fail a start


class Account(NamedTuple):
    """A `users` row as a sign-in reads it (ACCOUNT_COLUMNS), typed as SQLAlchemy would give it."""

    id: str
    username: str
    role: str
    password_hash: str
    disabled: bool
    failed_attempts: int | None
    locked_until: dt.datetime | None


class DeferredDatabase:
    """The app's database before and after SQLAlchemy: `path` and `plain` (a read-only sqlite3
    connection) until `open()`, then every attribute of the opened msfood.db.engine.Database.

    `open()` runs on the main (UI) thread only: importing SQLAlchemy on another thread is what the app
    avoids (the work pool waits for it, ui.workers). Reading any other attribute opens it. A failed
    open is kept and raised again, never retried half-way.
    """

    def __init__(
        self, path: Path, connection: sqlite3.Connection, opener: Callable[[Path], Database]
    ) -> None:
        self.path = path
        self.plain: sqlite3.Connection | None = connection
        self._opener = opener
        self._database: Database | None = None
        self._failure: BaseException | None = None
        self._when_open: list[Callable[[], None]] = []

    @property
    def opened(self) -> bool:
        return self._database is not None

    def when_open(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the open has been tried (at once if it has)."""
        if self._database is not None or self._failure is not None:
            callback()
        else:
            self._when_open.append(callback)

    def open(self) -> Database:
        if self._database is not None:
            return self._database
        if self._failure is not None:
            raise self._failure
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("a deferred database is opened on the main thread only")
        try:
            self._database = self._opener(self.path)
        except BaseException as exc:
            self._failure = exc
            raise
        finally:
            self._close_plain()
            callbacks, self._when_open = self._when_open, []
            for callback in callbacks:
                callback()
        return self._database

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and the like: not the database's
            raise AttributeError(name)
        return getattr(self.open(), name)

    def close(self) -> None:
        self._close_plain()
        if self._database is not None:
            self._database.close()

    def _close_plain(self) -> None:
        if self.plain is not None:
            self.plain.close()
            self.plain = None

    def _connection(self) -> sqlite3.Connection:
        if self.plain is None:
            raise RuntimeError("the database is open: read it through its sessions")
        return self.plain


def plain_connection(database: object) -> sqlite3.Connection | None:
    """The plain connection of a database the start has not opened yet; None for one that is open
    (a DeferredDatabase after its open, or any Database)."""
    return database.plain if isinstance(database, DeferredDatabase) else None


def defer_database(path: Path) -> DeferredDatabase | None:
    """A local msfood database at this app's schema, ready to read before SQLAlchemy; None when the
    usual open must decide (no such file, not ours, a migration due, unreadable: it says why)."""
    from msfood.db.migrations.versions import HEAD
    from msfood.db.problems import refuse_foreign_file

    try:
        if not path.is_file():
            return None
        refuse_foreign_file(path)
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except Exception:  # noqa: BLE001 (the usual open reports it in plain words)
        return None
    try:
        connection.execute("PRAGMA query_only=ON")
        found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        found = []
    if found != [(HEAD,)]:
        connection.close()
        return None
    return DeferredDatabase(path.resolve(), connection, _open_app_database)


def _open_app_database(path: Path) -> Database:
    from msfood.services.setup.database import open_app_database  # SQLAlchemy loads here

    return open_app_database(path)


def read_unit(database: DeferredDatabase) -> UnitIdentity:
    """The unit's identity (EnvironmentProblem "db.not_initialised" as setup.new_unit.unit_identity)."""
    marks = ", ".join("?" * len(UNIT_KEYS))
    rows = database._connection().execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", UNIT_KEYS)
    return identity_from(rows.fetchall())


def read_account(
    database: DeferredDatabase, *, username: str | None = None, user_id: str | None = None
) -> Account | None:
    column, value = ("username", (username or "").strip()) if user_id is None else ("id", user_id)
    row = database._connection().execute(
        f"SELECT {', '.join(ACCOUNT_COLUMNS)} FROM users WHERE {column} = ?", (value,)
    ).fetchone()
    if row is None:
        return None
    user_id_, name, role, password_hash, disabled, failed, locked_until = row
    locked = dt.datetime.fromisoformat(locked_until) if locked_until else None
    return Account(user_id_, name, role, password_hash, bool(disabled), failed, locked)


def read_sign_in(database: DeferredDatabase, *, username: str, clock: Clock) -> PasswordCheck:
    """Step 1 of a sign-in (accounts.authentication.read_sign_in), read through the plain connection."""
    return check_for(read_account(database, username=username), utc_now(clock))


def record_sign_in(
    database: DeferredDatabase, check: PasswordCheck, *, password: str, verified: bool, clock: Clock
) -> Actor:
    """Step 3 (accounts.authentication.record_sign_in): decided on the account as it is now; an attempt
    that changes the account opens the database and is recorded the usual way (a failure counts)."""
    if database.plain is not None:  # (else opened meanwhile: the usual way)
        row = read_account(database, user_id=check.user_id) if check.user_id is not None else None
        actor, writes = decide(row, check, password=password, verified=verified, now=utc_now(clock))
        if not writes:
            if actor is None:
                raise AuthenticationError()
            return actor
    from msfood.services.accounts.authentication import record_sign_in as record_opened

    return record_opened(database.open(), check, password=password, verified=verified, clock=clock)
