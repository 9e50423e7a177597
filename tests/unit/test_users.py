"""Accounts: adding, listing, disabling, passwords, sign-in with lock-out (injected clock)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from msfood.core.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    NothingToDo,
    PermissionDenied,
    ValidationError,
)
from msfood.db.models import AuditEntry, User
from msfood.services.accounts.authentication import (
    LOCK_MINUTES,
    authenticate,
)
from msfood.services.accounts.users import (
    NewUser,
    add_user,
    change_password,
    disable_user,
    enable_user,
    list_users,
)
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work

ADMIN = Actor("admin", "admin")
PASSWORD = "admin-pass-1"


def _add(db, clock, user: NewUser, actor: Actor = ADMIN):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        return add_user(uow, user)


def _sign_in(db, clock, name: str, password: str) -> Actor:  # type: ignore[no-untyped-def]
    """As the app and the CLI do: the attempt is committed whether it succeeds or not."""
    with db.sessions.begin() as session:
        try:
            return authenticate(session, username=name, password=password, clock=clock)
        except AuthenticationError as exc:
            failure = exc
    raise failure


def test_admin_adds_a_liaison_who_can_sign_in(db, clock) -> None:
    summary = _add(db, clock, NewUser("li", "liaison-pass", "liaison", "李联络"))
    assert (summary.username, summary.role, summary.display_name, summary.disabled) == (
        "li", "liaison", "李联络", False
    )
    assert _sign_in(db, clock, "li", "liaison-pass") == Actor("li", "liaison")
    with db.sessions() as session:
        stored = session.scalar(select(User).where(User.username == "li"))
        assert stored.password_hash.startswith("$argon2id$")
        assert "liaison-pass" not in stored.password_hash
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "user_add"))
        assert entry.actor == "admin" and entry.record_id == stored.id
        assert json.loads(entry.after) == {"username": "li", "display_name": "李联络", "role": "liaison",
                                           "disabled": False}
        assert "argon2" not in entry.after


def test_new_accounts_are_validated(db, clock) -> None:
    with pytest.raises(ValidationError) as caught:
        _add(db, clock, NewUser(" ", "short", "chief"))
    assert {i.code for i in caught.value.issues} == {"value.required", "value.not_choice",
                                                      "user.password_short"}
    with pytest.raises(ValidationError) as caught:
        _add(db, clock, NewUser("two words", "long-enough", "viewer"))
    assert caught.value.issues[0].code == "user.name_chars"
    with pytest.raises(ConflictError):
        _add(db, clock, NewUser("admin", "long-enough", "viewer"))


def test_only_account_managers_add_and_never_above_their_own_role(db, clock) -> None:
    _add(db, clock, NewUser("li", "liaison-pass", "liaison"))
    for role in ("liaison", "viewer"):
        with pytest.raises(PermissionDenied):
            _add(db, clock, NewUser("x", "long-enough", "viewer"), actor=Actor("someone", role))
    with pytest.raises(PermissionDenied) as caught:
        _add(db, clock, NewUser("boss", "long-enough", "bureau-admin"))
    assert caught.value.code == "user.role_above_own"
    boss = _add(db, clock, NewUser("boss", "long-enough", "bureau-admin"), actor=Actor("b", "bureau-admin"))
    assert boss.role == "bureau-admin"
    with db.sessions() as session:
        assert [u.username for u in list_users(session, actor=ADMIN)] == ["admin", "boss", "li"]
        with pytest.raises(PermissionDenied):
            list_users(session, actor=Actor("li", "liaison"))


def test_the_last_active_admin_cannot_be_disabled(db, clock) -> None:
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow, pytest.raises(ConflictError) as caught:
        disable_user(uow, username="admin")
    assert caught.value.code == "user.last_admin"
    _add(db, clock, NewUser("admin2", "second-admin", "admin"))
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        assert disable_user(uow, username="admin").disabled is True
    with pytest.raises(AuthenticationError):
        _sign_in(db, clock, "admin", PASSWORD)
    second = Actor("admin2", "admin")
    with unit_of_work(db.sessions, actor=second, clock=clock) as uow, pytest.raises(ConflictError):
        disable_user(uow, username="admin2")
    with unit_of_work(db.sessions, actor=second, clock=clock) as uow:
        assert enable_user(uow, username="admin").disabled is False
    assert _sign_in(db, clock, "admin", PASSWORD).role == "admin"
    with unit_of_work(db.sessions, actor=second, clock=clock) as uow, pytest.raises(NothingToDo):
        enable_user(uow, username="admin")
    with unit_of_work(db.sessions, actor=second, clock=clock) as uow, pytest.raises(NotFoundError):
        disable_user(uow, username="nobody")
    with db.sessions() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.table_name == "users").order_by(AuditEntry.seq)
        ).all()
    assert actions == ["user_add", "user_disable", "user_enable"]


def test_a_station_admin_cannot_disable_a_bureau_admin(db, clock) -> None:
    _add(db, clock, NewUser("boss", "long-enough", "bureau-admin"), actor=Actor("b", "bureau-admin"))
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow, pytest.raises(PermissionDenied):
        disable_user(uow, username="boss")
    with unit_of_work(db.sessions, actor=Actor("li", "liaison"), clock=clock) as uow, pytest.raises(
        PermissionDenied
    ):
        disable_user(uow, username="admin")


def test_five_wrong_passwords_lock_the_account_for_five_minutes(db, clock) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationError) as caught:
            _sign_in(db, clock, "admin", "wrong")
        assert caught.value.code == "error.auth"
    assert _sign_in(db, clock, "admin", PASSWORD).username == "admin"  # a success resets the count
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            _sign_in(db, clock, "admin", "wrong")
    with pytest.raises(AuthenticationError) as caught:
        _sign_in(db, clock, "admin", PASSWORD)  # even the right password, while locked
    assert caught.value.code == "user.locked"
    assert caught.value.params["until"] == "2026-11-24 10:05"  # China time, as the user reads clocks
    clock.advance(minutes=LOCK_MINUTES - 1)
    with pytest.raises(AuthenticationError) as caught:
        _sign_in(db, clock, "admin", PASSWORD)
    assert caught.value.code == "user.locked"
    clock.advance(minutes=1)
    assert _sign_in(db, clock, "admin", PASSWORD).username == "admin"


def test_unknown_and_disabled_accounts_get_the_same_refusal(db, clock) -> None:
    _add(db, clock, NewUser("vi", "viewer-pass", "viewer"))
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        disable_user(uow, username="vi")
    for name, password in (("nobody", "whatever"), ("vi", "viewer-pass")):
        with pytest.raises(AuthenticationError) as caught:
            _sign_in(db, clock, name, password)
        assert caught.value.code == "error.auth"


def test_changing_ones_own_password_needs_the_current_one(db, clock) -> None:
    _add(db, clock, NewUser("li", "liaison-pass", "liaison"))
    li = Actor("li", "liaison")
    with unit_of_work(db.sessions, actor=li, clock=clock) as uow, pytest.raises(AuthenticationError):
        change_password(uow, username="li", old_password="wrong", new_password="new-secret")
    with unit_of_work(db.sessions, actor=li, clock=clock) as uow, pytest.raises(ValidationError):
        change_password(uow, username="li", old_password="liaison-pass", new_password="short")
    with unit_of_work(db.sessions, actor=li, clock=clock) as uow:
        change_password(uow, username="li", old_password="liaison-pass", new_password="new-secret")
    with pytest.raises(AuthenticationError):
        _sign_in(db, clock, "li", "liaison-pass")
    assert _sign_in(db, clock, "li", "new-secret") == li
    # Another's password: only an account manager, and not one above their role.
    with unit_of_work(db.sessions, actor=li, clock=clock) as uow, pytest.raises(PermissionDenied):
        change_password(uow, username="admin", new_password="taken-over")
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        change_password(uow, username="li", new_password="reset-by-admin")
    assert _sign_in(db, clock, "li", "reset-by-admin") == li
    with db.sessions() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "password")).all()
    assert [e.actor for e in entries] == ["li", "admin"]
    assert all("secret" not in (e.after or "") and "reset" not in (e.after or "") for e in entries)


def test_a_reset_password_also_lifts_a_lock(db, clock) -> None:
    _add(db, clock, NewUser("li", "liaison-pass", "liaison"))
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            _sign_in(db, clock, "li", "wrong")
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        change_password(uow, username="li", new_password="fresh-pass")
    assert _sign_in(db, clock, "li", "fresh-pass").username == "li"
