"""Signing in: checking a password against its Argon2id hash, the lock-out after repeated wrong
passwords, and which accounts are locked now (for the account page).

A sign-in reads without the write lock and records its attempt in a short transaction of its own, so it
does not wait behind an import that holds the lock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from msfood.core.clock import Clock
from msfood.core.errors import AuthenticationError
from msfood.db.engine import Database
from msfood.db.models import User
from msfood.services.accounts.passwords import (
    ACCOUNT_COLUMNS,
    HASHER,
    PasswordCheck,
    check_for,
    decide,
    refuse_if_locked,
    utc_now,
    verify,
)
from msfood.services.accounts.users import hash_password
from msfood.services.writing.permissions import MANAGE_USERS, Actor
from msfood.services.writing.unit_of_work import table_of

MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 5


def authenticate(session: Session, *, username: str, password: str, clock: Clock) -> Actor:
    """The actor for a user name and password, or AuthenticationError (same message either way).

    After MAX_FAILED_ATTEMPTS wrong passwords in a row the account is locked for LOCK_MINUTES; while
    locked even the right password is refused. The caller commits, so failures count.
    It is the three steps below in a row: begin_authentication, PasswordCheck.run, finish_authentication
    (the app runs the middle one, Argon2, on a thread of its own while its window is being prepared).
    """
    check = begin_authentication(session, username=username, clock=clock)
    return finish_authentication(session, check, password=password, verified=check.run(password), clock=clock)


def _account(session: Session, where):  # type: ignore[no-untyped-def]
    users = table_of(User)
    return session.execute(select(*(users.c[name] for name in ACCOUNT_COLUMNS)).where(where)).first()


def begin_authentication(session: Session, *, username: str, clock: Clock) -> PasswordCheck:
    """Step 1: read the account (raises AuthenticationError "user.locked" at once while it is locked)."""
    row = _account(session, table_of(User).c.username == (username or "").strip())
    return check_for(row, utc_now(clock))


def finish_authentication(
    session: Session, check: PasswordCheck, *, password: str, verified: bool, clock: Clock
) -> Actor:
    """Step 3, with `verified` = check.run(password): count a failure (locking after the fifth) or reset
    the count, rehash when Argon2's parameters changed, and return the actor. The caller commits.

    Should the account have changed since step 1 (another session, between its transactions), what it
    is now decides: a new hash is checked again here, a disabled or locked account is refused.
    Steps 1 and 3 read and write through Core, not the ORM: signing in at start-up then does not pay
    for the ORM's one-off mapper set-up, which the first page's data do later, off the UI thread.
    """
    users = table_of(User)
    row = _account(session, users.c.id == check.user_id) if check.user_id is not None else None
    if row is None or row.disabled:
        raise AuthenticationError()
    now = utc_now(clock)
    refuse_if_locked(row.locked_until, now)
    if row.password_hash != check.password_hash:
        verified = verify(row.password_hash, password)
    changes: dict[str, object]
    if not verified:
        failed = (row.failed_attempts or 0) + 1
        changes = {"failed_attempts": failed}
        if failed >= MAX_FAILED_ATTEMPTS:
            changes = {"failed_attempts": 0, "locked_until": now + dt.timedelta(minutes=LOCK_MINUTES)}
        session.execute(update(users).where(users.c.id == row.id).values(**changes))
        raise AuthenticationError()
    changes = {}
    if row.failed_attempts or row.locked_until is not None:
        changes = {"failed_attempts": 0, "locked_until": None}
    if HASHER.check_needs_rehash(row.password_hash):
        changes["password_hash"] = hash_password(password)
    if changes:  # as the ORM did: nothing written (nor synced to disk) when nothing changed
        session.execute(update(users).where(users.c.id == row.id).values(**changes))
    return Actor(row.username, row.role)


# --- signing in without the write lock --------------------------------------------------------------

SIGN_IN_BUSY_MS = 2_000  # how long a sign-in waits to record an attempt while an import writes


def sign_in(database: Database, *, username: str, password: str, clock: Clock) -> Actor:
    """The actor for a user name and password, as `authenticate`, without holding up anybody.

    The account is read in a reader's transaction (no lock: a `stats` or a sign-in works during a
    long import), Argon2 runs outside any transaction, and only an attempt that changes the account
    (a failure, the success after failures, a rehash) writes, in a transaction of its own that waits
    at most SIGN_IN_BUSY_MS for the write lock. A failure that cannot be counted because the database
    is busy is refused with that reason; a success whose reset cannot be written still signs in (the
    counter is reset at the next sign-in).
    """
    check = read_sign_in(database, username=username, clock=clock)
    return record_sign_in(database, check, password=password, verified=check.run(password), clock=clock)


def read_sign_in(database: Database, *, username: str, clock: Clock) -> PasswordCheck:
    """Step 1 of `sign_in` in a reader's transaction (AuthenticationError while the account is locked)."""
    with database.readers() as session:
        return begin_authentication(session, username=username, clock=clock)


def record_sign_in(
    database: Database, check: PasswordCheck, *, password: str, verified: bool, clock: Clock
) -> Actor:
    """Step 3 of `sign_in`: decide on what the account is now (read without a lock) and write only
    when the attempt changes it, deciding again under the write lock."""
    with database.readers() as session:
        row = _account(session, table_of(User).c.id == check.user_id) if check.user_id else None
        actor, changes = decide(row, check, password=password, verified=verified, now=utc_now(clock))
    if not changes:
        if actor is None:
            raise AuthenticationError()
        return actor
    from sqlalchemy.exc import OperationalError

    try:
        with database.quick_writer(SIGN_IN_BUSY_MS).begin() as session:
            try:
                return finish_authentication(
                    session, check, password=password, verified=verified, clock=clock
                )
            except AuthenticationError as exc:
                failure = exc  # committed on leaving the block: the failure counts
    except OperationalError as exc:
        if not is_busy(exc):
            raise
        if actor is None:
            raise AuthenticationError("local.signin_busy") from None
        return actor
    raise failure


def is_busy(exc: BaseException) -> bool:
    """Whether a database error is SQLite's "database is locked" (another program holds the write lock)."""
    from msfood.db.problems import database_problem

    problem = database_problem(exc)
    return problem is not None and problem.code == "local.db_busy"


# --- who is locked out now ------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountState:
    """An account as the account page shows it: whether it is locked now, and until when (UTC)."""

    username: str
    display_name: str
    role: str
    disabled: bool
    locked_until: dt.datetime | None


def account_states(session: Session, *, actor: Actor, clock: Clock) -> list[AccountState]:
    """Every account with its lock (needs MANAGE_USERS); `locked_until` only while still locked."""
    actor.require(MANAGE_USERS)
    now = utc_now(clock)
    return [
        AccountState(u.username, u.display_name, u.role, bool(u.disabled),
                     u.locked_until if u.locked_until is not None and u.locked_until > now else None)
        for u in session.scalars(select(User).order_by(User.username))
    ]
