"""The parts of signing in that need no database library: the Argon2id hasher, the password check and
the decision on an account row (refused, locked, signed in, or an attempt that must be written).

Kept apart from authentication (which reads and writes accounts through SQLAlchemy) so that the app's
start can sign in from a plain sqlite3 read before SQLAlchemy loads (msfood.services.setup.first_paint):
both ways decide with these same functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from msfood.core.clock import Clock
from msfood.core.errors import AuthenticationError
from msfood.services.writing.permissions import Actor

HASHER = PasswordHasher()  # Argon2id with the library's current recommended parameters

# The account's columns a sign-in reads, in this order (both readers select exactly these).
ACCOUNT_COLUMNS = ("id", "username", "role", "password_hash", "disabled", "failed_attempts", "locked_until")


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
            HASHER.hash(password or "-")
            return False
        return verify(self.password_hash, password)


def verify(password_hash: str, password: str) -> bool:
    try:
        return bool(HASHER.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def utc_now(clock: Clock) -> dt.datetime:
    return clock.now().astimezone(dt.UTC).replace(tzinfo=None)


def refuse_if_locked(locked_until: dt.datetime | None, now: dt.datetime) -> None:
    if locked_until is not None and locked_until > now:
        from msfood.core.clock import CHINA

        until = locked_until.replace(tzinfo=dt.UTC).astimezone(CHINA)
        raise AuthenticationError("user.locked", until=until.strftime("%Y-%m-%d %H:%M"))


def check_for(row, now: dt.datetime) -> PasswordCheck:  # type: ignore[no-untyped-def]
    """Step 1 on the account row read (None: no such name): AuthenticationError "user.locked" at once
    while it is locked."""
    if row is None or row.disabled:
        return PasswordCheck(None, None)
    refuse_if_locked(row.locked_until, now)
    return PasswordCheck(row.id, row.password_hash)


def decide(  # type: ignore[no-untyped-def]
    row, check: PasswordCheck, *, password: str, verified: bool, now: dt.datetime
) -> tuple[Actor | None, bool]:
    """What finishing the sign-in would do, without writing: (the actor or None, whether it writes).
    Raises AuthenticationError("user.locked") while the account is locked."""
    if row is None or row.disabled:
        return None, False
    refuse_if_locked(row.locked_until, now)
    if row.password_hash != check.password_hash:
        verified = verify(row.password_hash, password)
    if not verified:
        return None, True
    writes = bool(row.failed_attempts or row.locked_until is not None)
    writes = writes or HASHER.check_needs_rehash(row.password_hash)
    return Actor(row.username, row.role), writes
