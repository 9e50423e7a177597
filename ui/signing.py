"""Signing in with the password checked on a thread of its own, while the UI thread starts up.

Argon2 (msfood.services.accounts.users, parameters unchanged) takes a fifth of a second of C code that releases
the GIL. `start_sign_in` reads the account, starts that check on a thread and returns at once; the UI
thread reads the unit and imports the main window meanwhile, then `result()` waits for the check and
records it (a failure counts towards the lock-out, a success resets it). Nobody is signed in, and no
window is made for anyone, before `result()` has returned an actor.

The thread runs `PasswordCheck.run` only: no import, no Qt, no database (importing on a second thread
crashed PySide6). The database is read and written on the UI thread, as `msfood.services.accounts.authentication.sign_in`
does it in one go: the account is read without a lock, and only an attempt that changes it (a failure,
the success after failures) writes, waiting briefly for the write lock, so signing in works while an
import writes. On a database the start has not opened yet (msfood.services.setup.first_paint's
DeferredDatabase) the same steps read through its plain connection, and an attempt that writes opens it.
No QtWidgets here: the sign-in dialog is ui.login.
"""

from __future__ import annotations

import os
import threading
from types import ModuleType
from typing import TYPE_CHECKING

from msfood.core.clock import Clock
from msfood.core.errors import AuthenticationError
from msfood.services.setup import first_paint
from msfood.services.writing.permissions import Actor

if TYPE_CHECKING:
    from msfood.services.accounts.passwords import PasswordCheck
    from msfood.services.setup.database import Database


def _steps(database: Database) -> ModuleType:
    """The module whose read_sign_in/record_sign_in fit `database`: plain sqlite3 before it is opened."""
    if first_paint.plain_connection(database) is not None:
        return first_paint
    from msfood.services.accounts import authentication

    return authentication


class PendingSignIn:
    """One sign-in attempt under way. Call `result()` (or `cancel()`) exactly once, on the same thread."""

    def __init__(self, database: Database, username: str, password: str, clock: Clock) -> None:
        self._database = database
        self._steps = _steps(database)
        self._password = password
        self._clock = clock
        self._verified = False
        self._crash: BaseException | None = None
        self._refusal: AuthenticationError | None = None
        self._thread: threading.Thread | None = None
        self._check: PasswordCheck | None = None
        self._ended = False
        try:
            self._check = self._steps.read_sign_in(database, username=username, clock=clock)
        except AuthenticationError as exc:  # a locked account: refused at once, nothing to check
            self._refusal = exc
            self._ended = True
            return
        self._thread = threading.Thread(target=self._run, args=(self._check,), name="msfood-sign-in")
        self._thread.daemon = True
        self._thread.start()

    def _run(self, check: PasswordCheck) -> None:
        try:
            self._verified = check.run(self._password)
        except BaseException as exc:  # handed to result() on the UI thread
            self._crash = exc

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    @property
    def done(self) -> bool:
        return self._ended

    def result(self) -> Actor:
        """The signed-in actor, once the password check has finished; AuthenticationError if refused."""
        self._join()
        if self._refusal is not None:
            raise self._refusal
        if self._ended or self._check is None:
            raise RuntimeError("this sign-in has already ended")
        self._ended = True
        if self._crash is not None:
            raise self._crash
        try:
            return self._steps.record_sign_in(
                self._database, self._check, password=self._password, verified=self._verified,
                clock=self._clock,
            )
        except AuthenticationError as exc:
            self._refusal = exc  # the failed attempt is recorded (record_sign_in commits it)
            raise

    def cancel(self) -> None:
        """Give the attempt up (start-up failed meanwhile): wait for the thread, record nothing."""
        self._join()
        self._ended = True


def start_sign_in(database: Database, username: str, password: str, clock: Clock) -> PendingSignIn:
    return PendingSignIn(database, username, password, clock)


def sign_in(database: Database, username: str, password: str, clock: Clock) -> Actor:
    """Check a user's password; failed attempts are committed even though sign-in fails."""
    return start_sign_in(database, username, password, clock).result()


def env_credentials() -> tuple[str, str] | None:
    username = os.environ.get("MSFOOD_USER")
    password = os.environ.get("MSFOOD_PASSWORD")
    if not username or password is None:
        return None
    return username, password


def start_sign_in_from_env(database: Database, clock: Clock) -> PendingSignIn | None:
    """MSFOOD_USER / MSFOOD_PASSWORD, checked on a thread (None if unset)."""
    credentials = env_credentials()
    if credentials is None:
        return None
    return start_sign_in(database, credentials[0], credentials[1], clock)


def sign_in_from_env(database: Database, clock: Clock) -> Actor | None:
    """MSFOOD_USER / MSFOOD_PASSWORD sign in without the dialog (scripts, screenshots). None if unset."""
    pending = start_sign_in_from_env(database, clock)
    return pending.result() if pending is not None else None
