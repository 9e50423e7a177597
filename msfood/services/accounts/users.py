"""Accounts: Argon2id password hashes, roles, and account management (signing in is authentication.py).

Managing accounts needs MANAGE_USERS, and nobody may create or manage an account whose role may do
more than their own (a station admin cannot make a bureau admin). The last active account that can
manage accounts cannot be disabled. Every change to an account writes an audit entry (never the hash).
Users are local to a database: they do not travel in bundles (their audit entries do).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.clock import Clock
from msfood.core.errors import (
    AuthenticationError,
    ConflictError,
    Issue,
    NotFoundError,
    NothingToDo,
    PermissionDenied,
    ValidationError,
)
from msfood.core.ids import new_id
from msfood.db.models import User
from msfood.domain.enums import ROLE
from msfood.services.accounts.passwords import HASHER as _HASHER  # one hasher for hashing and checking
from msfood.services.writing.permissions import MANAGE_USERS, Actor, can_grant, permissions_of
from msfood.services.writing.unit_of_work import UnitOfWork

MIN_PASSWORD_LENGTH = 6
MAX_USERNAME_LENGTH = 64


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


