"""The start-up's sign-in: Argon2 on a thread of its own while the UI thread reads the unit meanwhile."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from msfood.core.errors import AuthenticationError, EnvironmentProblem
from msfood.db.models import User
from msfood.services.writing.permissions import Actor
from tests.ui.conftest import ADMIN_PASSWORD


@pytest.fixture
def database(db_path):  # type: ignore[no-untyped-def]
    from msfood.services.setup.database import open_app_database

    database = open_app_database(db_path)
    yield database
    database.close()


@pytest.fixture
def controller(app, app_settings, clock):  # type: ignore[no-untyped-def]
    from ui.startup import AppController

    controller = AppController(app_settings, clock, headless=True)
    yield controller
    controller.shutdown()


def failed_attempts(database) -> int:  # type: ignore[no-untyped-def]
    with database.readers() as session:
        return int(session.scalar(select(User.failed_attempts).where(User.username == "admin")) or 0)


def sign_in_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "msfood-sign-in"]


def test_the_check_runs_on_its_thread_while_the_unit_is_read(database, clock) -> None:
    from ui.signing import start_sign_in
    from ui.startup import read_unit

    pending = start_sign_in(database, "admin", ADMIN_PASSWORD, clock)
    assert not pending.done
    assert sign_in_threads()  # Argon2 under way
    unit = read_unit(database)  # a reader: not held up by the sign-in's write lock
    assert unit.code
    assert pending.result() == Actor("admin", "admin")
    assert pending.done and not sign_in_threads()
    with pytest.raises(RuntimeError):
        pending.result()  # one attempt, one outcome


def test_a_wrong_password_is_refused_and_counted(database, clock) -> None:
    from ui.signing import start_sign_in

    pending = start_sign_in(database, "admin", "not-the-password", clock)
    with pytest.raises(AuthenticationError) as caught:
        pending.result()
    assert caught.value.code == "error.auth"
    assert failed_attempts(database) == 1


def test_a_locked_account_is_refused_without_a_check(database, clock) -> None:
    from ui.signing import sign_in, start_sign_in

    for _ in range(5):
        with pytest.raises(AuthenticationError):
            sign_in(database, "admin", "wrong", clock)
    pending = start_sign_in(database, "admin", ADMIN_PASSWORD, clock)
    assert pending.done and not sign_in_threads()
    with pytest.raises(AuthenticationError) as caught:
        pending.result()
    assert caught.value.code == "user.locked"


def test_a_cancelled_attempt_records_nothing(database, clock) -> None:
    from ui.signing import start_sign_in

    pending = start_sign_in(database, "admin", "not-the-password", clock)
    pending.cancel()
    assert pending.done and not sign_in_threads()
    assert failed_attempts(database) == 0
    pending.cancel()  # twice is harmless


def test_the_environment_starts_the_check_only_when_set(database, clock, monkeypatch) -> None:
    from ui.signing import start_sign_in_from_env

    assert start_sign_in_from_env(database, clock) is None
    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", ADMIN_PASSWORD)
    pending = start_sign_in_from_env(database, clock)
    assert pending is not None and pending.result().username == "admin"


def test_a_failed_start_up_gives_the_attempt_up(controller, tmp_path, clock, monkeypatch) -> None:
    """Opening something that is not a station (no unit) fails while the check runs: nothing is left."""
    from msfood.services.setup.database import open_app_database

    path = tmp_path / "empty.sqlite"
    open_app_database(path, create=True).close()  # an msfood schema, never set up
    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", ADMIN_PASSWORD)
    with pytest.raises(EnvironmentProblem) as caught:
        controller.open(path)
    assert caught.value.code == "db.not_initialised"
    assert not sign_in_threads()
    assert controller.window is None
