"""Sign-in in three steps (read the account, Argon2, record the outcome), as the app runs it at start-up.

authenticate() is the three in a row; these check that taken apart they keep its rules: lock-out
counting, a locked account refused before any Argon2, the same refusal for unknown and disabled names,
and an account that changed between the steps judged as it is now.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from msfood.core.errors import AuthenticationError
from msfood.db.models import User
from msfood.services.accounts.authentication import (
    MAX_FAILED_ATTEMPTS,
    PasswordCheck,
    begin_authentication,
    finish_authentication,
)
from msfood.services.accounts.users import (
    hash_password,
)
from msfood.services.writing.permissions import Actor

PASSWORD = "admin-pass-1"


def _steps(db, clock, name: str, password: str) -> Actor:  # type: ignore[no-untyped-def]
    """The app's way: begin, check (here on this thread), finish; the attempt is committed either way."""
    with db.sessions.begin() as session:
        try:
            check = begin_authentication(session, username=name, clock=clock)
            return finish_authentication(
                session, check, password=password, verified=check.run(password), clock=clock
            )
        except AuthenticationError as exc:
            failure = exc
    raise failure


def _account(db):  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        user = session.scalar(select(User).where(User.username == "admin"))
        return user.failed_attempts, user.locked_until, user.password_hash


def test_the_steps_sign_in_and_count_failures_until_the_lock(db, clock) -> None:
    assert _steps(db, clock, " admin ", PASSWORD) == Actor("admin", "admin")
    for attempt in range(1, MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError) as caught:
            _steps(db, clock, "admin", "wrong")
        assert caught.value.code == "error.auth"
        assert _account(db)[0] == attempt
    with pytest.raises(AuthenticationError):
        _steps(db, clock, "admin", "wrong")
    failed, locked_until, _hash = _account(db)
    assert failed == 0 and locked_until is not None
    with db.sessions.begin() as session, pytest.raises(AuthenticationError) as caught:
        begin_authentication(session, username="admin", clock=clock)  # refused before any Argon2
    assert caught.value.code == "user.locked"
    clock.advance(minutes=5)
    assert _steps(db, clock, "admin", PASSWORD).username == "admin"
    assert _account(db)[:2] == (0, None)


def test_a_sign_in_with_nothing_to_reset_writes_nothing(db, clock) -> None:
    before = _account(db)
    with db.sessions.begin() as session:
        check = begin_authentication(session, username="admin", clock=clock)

        def total() -> int:
            return int(session.connection().exec_driver_sql("SELECT total_changes()").scalar_one())

        written = total()
        finish_authentication(session, check, password=PASSWORD, verified=check.run(PASSWORD), clock=clock)
        assert total() == written
    assert _account(db) == before
    with db.sessions.begin() as session:  # whereas a count to reset is written
        session.execute(update(User).where(User.username == "admin").values(failed_attempts=2))
    assert _steps(db, clock, "admin", PASSWORD).username == "admin"
    assert _account(db)[0] == 0


def test_unknown_and_disabled_names_run_a_dummy_check_and_are_refused_alike(db, clock) -> None:
    with db.sessions.begin() as session:
        session.execute(update(User).where(User.username == "admin").values(disabled=True))
    for name in ("nobody", "admin"):
        with db.sessions.begin() as session:
            check = begin_authentication(session, username=name, clock=clock)
            assert check == PasswordCheck(None, None)
            assert check.run(PASSWORD) is False  # Argon2 over the password all the same
            with pytest.raises(AuthenticationError) as caught:
                finish_authentication(session, check, password=PASSWORD, verified=True, clock=clock)
            assert caught.value.code == "error.auth"


def test_an_account_changed_between_the_steps_is_judged_as_it_is_now(db, clock) -> None:
    with db.sessions.begin() as session:
        check = begin_authentication(session, username="admin", clock=clock)
        verified = check.run(PASSWORD)
        assert verified
        # the password changed meanwhile: the old one, checked against the old hash, is no longer enough
        new_hash = hash_password("new-pass-2")
        session.execute(update(User).where(User.username == "admin").values(password_hash=new_hash))
        with pytest.raises(AuthenticationError):
            finish_authentication(session, check, password=PASSWORD, verified=verified, clock=clock)
        actor = finish_authentication(session, check, password="new-pass-2", verified=False, clock=clock)
        assert actor.role == "admin"
    with db.sessions.begin() as session:
        check = begin_authentication(session, username="admin", clock=clock)
        session.execute(update(User).where(User.username == "admin").values(disabled=True))
        with pytest.raises(AuthenticationError) as caught:
            finish_authentication(session, check, password="new-pass-2", verified=True, clock=clock)
        assert caught.value.code == "error.auth"
