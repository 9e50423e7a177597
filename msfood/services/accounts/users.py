"""Accounts: Argon2id password hashes, roles, sign-in with lock-out, and account management.

Managing accounts needs MANAGE_USERS, and nobody may create or manage an account whose role may do
more than their own (a station admin cannot make a bureau admin). The last active account that can
manage accounts cannot be disabled. Every change to an account writes an audit entry (never the hash).
Users are local to a database: they do not travel in bundles (their audit entries do).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from msfood.clock import Clock
from msfood.db.engine import Database
from msfood.db.models import User
from msfood.domain.enums import ROLE
from msfood.errors import (
    AuthenticationError,
    ConflictError,
    Issue,
    NotFoundError,
    NothingToDo,
    PermissionDenied,
    ValidationError,
)
from msfood.ids import new_id
from msfood.services.permissions import MANAGE_USERS, Actor, can_grant, permissions_of
from msfood.services.unit_of_work import UnitOfWork, table_of

_HASHER = PasswordHasher()  # Argon2id with the library's current recommended parameters
MIN_PASSWORD_LENGTH = 6
MAX_USERNAME_LENGTH = 64
MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 5


@dataclass(frozen=True)
class UserSummary:
    username: str
    display_name: str
    role: str
    disabled: bool


@dataclass(frozen=True)
class NewUser:
    """What a form or the CLI gives to add an account."""

    username: str
    password: str
    role: str
    display_name: str = ""


def _summary(user: User) -> UserSummary:
    return UserSummary(user.username, user.display_name, user.role, bool(user.disabled))


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _password_issues(password: str) -> list[Issue]:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        return [Issue("user.password_short", "password", {"min": MIN_PASSWORD_LENGTH})]
    return []


def validate_new_user(username: str, password: str, role: str) -> None:
    issues = []
    name = (username or "").strip()
    if not name:
        issues.append(Issue("value.required", "username"))
    elif len(name) > MAX_USERNAME_LENGTH:
        issues.append(Issue("value.too_long", "username", {"max": MAX_USERNAME_LENGTH}))
    elif any(ch.isspace() or not ch.isprintable() for ch in name):
        issues.append(Issue("user.name_chars", "username", {"value": name}))
    if role not in ROLE:
        issues.append(Issue("value.not_choice", "role", {"value": role, "choices": ", ".join(ROLE.codes)}))
    issues.extend(_password_issues(password))
    if issues:
        raise ValidationError(issues)


def create_user(
    session: Session, *, username: str, password: str, role: str, clock: Clock, display_name: str = ""
) -> UserSummary:
    """Make an account without a permission check: for set-up (the first admin) and add_user."""
    validate_new_user(username, password, role)
    name = username.strip()
    if session.scalar(select(User).where(User.username == name)) is not None:
        raise ConflictError("user.exists", username=name)
    user = User(
        id=new_id(),
        username=name,
        display_name=(display_name or "").strip() or name,
        role=role,
        password_hash=hash_password(password),
        disabled=False,
        failed_attempts=0,
        created_at=clock.now().astimezone(dt.UTC).replace(tzinfo=None),
    )
    session.add(user)
    session.flush()
    return _summary(user)


def _public(user: User) -> str:
    return json.dumps(
        {"username": user.username, "display_name": user.display_name, "role": user.role,
         "disabled": bool(user.disabled)},
        ensure_ascii=False,
        sort_keys=True,
    )


def _get(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == (username or "").strip()))
    if user is None:
        raise NotFoundError("user.unknown", username=username)
    return user


def _require_manage(actor: Actor, role: str) -> None:
    """MANAGE_USERS, and the account's role may not do more than the actor's."""
    actor.require(MANAGE_USERS)
    if not can_grant(actor, role):
        raise PermissionDenied("user.role_above_own", role=ROLE.label(role), own=ROLE.label(actor.role))


def add_user(uow: UnitOfWork, user: NewUser) -> UserSummary:
    """Add an account (needs MANAGE_USERS; a role no stronger than the actor's own)."""
    validate_new_user(user.username, user.password, user.role)
    _require_manage(uow.actor, user.role)
    summary = create_user(
        uow.session, username=user.username, password=user.password, role=user.role,
        clock=uow.clock, display_name=user.display_name,
    )
    created = _get(uow.session, summary.username)
    uow.audit_event("user_add", "users", created.id, after=_public(created))
    return summary


def list_users(session: Session, *, actor: Actor) -> list[UserSummary]:
    """Every account, by name (needs MANAGE_USERS)."""
    actor.require(MANAGE_USERS)
    return [_summary(u) for u in session.scalars(select(User).order_by(User.username))]


def _active_managers(session: Session) -> list[User]:
    users = session.scalars(select(User).where(User.disabled.is_(False)))
    return [u for u in users if MANAGE_USERS in permissions_of(u.role)]


def set_user_disabled(uow: UnitOfWork, *, username: str, disabled: bool) -> UserSummary:
    """Disable (or enable again) an account. The last active admin cannot be disabled."""
    user = _get(uow.session, username)
    _require_manage(uow.actor, user.role)
    if bool(user.disabled) == disabled:
        raise NothingToDo("user.already_disabled" if disabled else "user.already_enabled",
                          username=user.username)
    if disabled and MANAGE_USERS in permissions_of(user.role):
        others = [u for u in _active_managers(uow.session) if u.id != user.id]
        if not others:
            raise ConflictError("user.last_admin", username=user.username)
    before = _public(user)
    user.disabled = disabled
    user.failed_attempts = 0
    user.locked_until = None
    uow.session.flush()
    uow.audit_event("user_disable" if disabled else "user_enable", "users", user.id,
                    before=before, after=_public(user))
    return _summary(user)


def disable_user(uow: UnitOfWork, *, username: str) -> UserSummary:
    return set_user_disabled(uow, username=username, disabled=True)


def enable_user(uow: UnitOfWork, *, username: str) -> UserSummary:
    return set_user_disabled(uow, username=username, disabled=False)


def change_password(
    uow: UnitOfWork, *, username: str, new_password: str, old_password: str | None = None
) -> UserSummary:
    """Change a password. One's own needs the current password; another's needs MANAGE_USERS (and a
    role no stronger than the actor's). The new password is checked before anything is written."""
    issues = _password_issues(new_password)
    if issues:
        raise ValidationError(issues)
    user = _get(uow.session, username)
    if user.username == uow.actor.username:
        try:
            _HASHER.verify(user.password_hash, old_password or "")
        except (VerificationError, InvalidHashError):
            raise AuthenticationError("user.old_password_wrong") from None
        if old_password == new_password:
            raise ValidationError(Issue("user.password_same", "password"))
    else:
        _require_manage(uow.actor, user.role)
    user.password_hash = hash_password(new_password)
    user.failed_attempts = 0
    user.locked_until = None
    uow.session.flush()
    uow.audit_event("password", "users", user.id, after=json.dumps({"username": user.username}))
    return _summary(user)


def authenticate(session: Session, *, username: str, password: str, clock: Clock) -> Actor:
    """The actor for a user name and password, or AuthenticationError (same message either way).

    After MAX_FAILED_ATTEMPTS wrong passwords in a row the account is locked for LOCK_MINUTES; while
    locked even the right password is refused. The caller commits, so failures count.
    It is the three steps below in a row: begin_authentication, PasswordCheck.run, finish_authentication
    (the app runs the middle one, Argon2, on a thread of its own while its window is being prepared).
    """
    check = begin_authentication(session, username=username, clock=clock)
    return finish_authentication(session, check, password=password, verified=check.run(password), clock=clock)


@dataclass(frozen=True)
class PasswordCheck:
    """The middle step of a sign-in: Argon2 over the stored hash, and nothing else.

    `run` touches no database, imports nothing and spends its time in argon2's C code, which releases
    the GIL: the app runs it on a thread while the UI thread goes on starting up. For an unknown or
    disabled name it hashes the password instead, so that it takes as long (names are not revealed).
    """

    user_id: str | None
    password_hash: str | None

    def run(self, password: str) -> bool:
        if self.password_hash is None:
            _HASHER.hash(password or "-")
            return False
        return _verify(self.password_hash, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return bool(_HASHER.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def _utc_now(clock: Clock) -> dt.datetime:
    return clock.now().astimezone(dt.UTC).replace(tzinfo=None)


def _refuse_if_locked(locked_until: dt.datetime | None, now: dt.datetime) -> None:
    if locked_until is not None and locked_until > now:
        until = locked_until.replace(tzinfo=dt.UTC).astimezone(_china())
        raise AuthenticationError("user.locked", until=until.strftime("%Y-%m-%d %H:%M"))


def _account(session: Session, where):  # type: ignore[no-untyped-def]
    users = table_of(User)
    return session.execute(
        select(
            users.c.id,
            users.c.username,
            users.c.role,
            users.c.password_hash,
            users.c.disabled,
            users.c.failed_attempts,
            users.c.locked_until,
        ).where(where)
    ).first()


def begin_authentication(session: Session, *, username: str, clock: Clock) -> PasswordCheck:
    """Step 1: read the account (raises AuthenticationError "user.locked" at once while it is locked)."""
    row = _account(session, table_of(User).c.username == (username or "").strip())
    if row is None or row.disabled:
        return PasswordCheck(None, None)
    _refuse_if_locked(row.locked_until, _utc_now(clock))
    return PasswordCheck(row.id, row.password_hash)


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
    now = _utc_now(clock)
    _refuse_if_locked(row.locked_until, now)
    if row.password_hash != check.password_hash:
        verified = _verify(row.password_hash, password)
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
    if _HASHER.check_needs_rehash(row.password_hash):
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
        actor, changes = _decide(row, check, password=password, verified=verified, now=_utc_now(clock))
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
    from msfood.services.database import database_problem

    problem = database_problem(exc)
    return problem is not None and problem.code == "local.db_busy"


def _decide(  # type: ignore[no-untyped-def]
    row, check: PasswordCheck, *, password: str, verified: bool, now: dt.datetime
):
    """What finish_authentication would do, without writing: (the actor or None, whether it writes).
    Raises AuthenticationError("user.locked") while the account is locked."""
    if row is None or row.disabled:
        return None, False
    _refuse_if_locked(row.locked_until, now)
    if row.password_hash != check.password_hash:
        verified = _verify(row.password_hash, password)
    if not verified:
        return None, True
    writes = bool(row.failed_attempts or row.locked_until is not None)
    writes = writes or _HASHER.check_needs_rehash(row.password_hash)
    return Actor(row.username, row.role), writes


# --- unlocking -------------------------------------------------------------------------------------


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
    now = _utc_now(clock)
    return [
        AccountState(u.username, u.display_name, u.role, bool(u.disabled),
                     u.locked_until if u.locked_until is not None and u.locked_until > now else None)
        for u in session.scalars(select(User).order_by(User.username))
    ]


def unlock_user(uow: UnitOfWork, *, username: str) -> UserSummary:
    """Lift a lock-out at once and clear the count of wrong passwords (MANAGE_USERS, a role no
    stronger than the actor's own, as for the other account commands). Audited.
    NothingToDo when the account is neither locked nor counting wrong passwords."""
    user = _get(uow.session, username)
    _require_manage(uow.actor, user.role)
    locked = user.locked_until is not None and user.locked_until > uow.now
    if not locked and not user.failed_attempts:
        raise NothingToDo("local.not_locked", username=user.username)
    before = json.dumps(
        {"username": user.username, "failed_attempts": user.failed_attempts or 0,
         "locked_until": user.locked_until.isoformat() if user.locked_until else None},
        ensure_ascii=False, sort_keys=True,
    )
    user.failed_attempts = 0
    user.locked_until = None
    uow.session.flush()
    uow.audit_event("user_unlock", "users", user.id, before=before,
                    after=json.dumps({"username": user.username}, ensure_ascii=False))
    return _summary(user)


def _china() -> dt.tzinfo:
    from msfood.clock import CHINA

    return CHINA
