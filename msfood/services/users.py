"""Accounts: Argon2id password hashes, roles, sign-in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.clock import Clock
from msfood.db.models import User
from msfood.domain.enums import ROLE
from msfood.errors import AuthenticationError, ConflictError, Issue, ValidationError
from msfood.ids import new_id
from msfood.services.permissions import Actor

_HASHER = PasswordHasher()  # Argon2id with the library's current recommended parameters
MIN_PASSWORD_LENGTH = 6


@dataclass(frozen=True)
class UserSummary:
    username: str
    display_name: str
    role: str
    disabled: bool


def _summary(user: User) -> UserSummary:
    return UserSummary(user.username, user.display_name, user.role, user.disabled)


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def validate_new_user(username: str, password: str, role: str) -> None:
    issues = []
    if not username or not username.strip():
        issues.append(Issue("value.required", "username"))
    if role not in ROLE:
        issues.append(Issue("value.not_choice", "role", {"value": role, "choices": ", ".join(ROLE.codes)}))
    if len(password or "") < MIN_PASSWORD_LENGTH:
        issues.append(Issue("user.password_short", "password", {"min": MIN_PASSWORD_LENGTH}))
    if issues:
        raise ValidationError(issues)


def create_user(
    session: Session, *, username: str, password: str, role: str, clock: Clock, display_name: str = ""
) -> UserSummary:
    validate_new_user(username, password, role)
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise ConflictError("user.exists", username=username)
    user = User(
        id=new_id(),
        username=username.strip(),
        display_name=display_name or username.strip(),
        role=role,
        password_hash=hash_password(password),
        disabled=False,
        failed_attempts=0,
        created_at=clock.now().replace(tzinfo=None),
    )
    session.add(user)
    session.flush()
    return _summary(user)


def list_users(session: Session) -> list[UserSummary]:
    return [_summary(u) for u in session.scalars(select(User).order_by(User.username))]


def authenticate(session: Session, *, username: str, password: str, clock: Clock) -> Actor:
    """The actor for a user name and password, or AuthenticationError (same message either way)."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None or user.disabled:
        raise AuthenticationError()
    now = clock.now().astimezone(dt.UTC).replace(tzinfo=None)
    if user.locked_until is not None and user.locked_until > now:
        raise AuthenticationError("user.locked", until=user.locked_until.isoformat(timespec="minutes"))
    try:
        _HASHER.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_attempts += 1
        if user.failed_attempts >= 5:
            user.locked_until = now + dt.timedelta(minutes=5)
            user.failed_attempts = 0
        session.flush()
        raise AuthenticationError() from None
    user.failed_attempts = 0
    user.locked_until = None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.flush()
    return Actor(user.username, user.role)
