"""The start's reads before SQLAlchemy (msfood.services.setup.first_paint): the same answers as the usual
way, on real database files, and everything that must write or migrate left to the usual way.

Sign-in: the right password signs in without opening the database; a wrong one is counted (the database
opens for that write), the fifth locks the account, a locked account is refused at once, and the success
after failures resets the count. The unit, the account row and the cached figures' fingerprint read
through the plain connection equal what SQLAlchemy reads.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text, update

from msfood.core.errors import AuthenticationError, EnvironmentProblem
from msfood.db.engine import open_database
from msfood.db.models import User
from msfood.domain.periods import period_of
from msfood.metrics import figures_cache
from msfood.metrics.overview import compute_overview
from msfood.services.accounts.authentication import MAX_FAILED_ATTEMPTS, _account
from msfood.services.setup import first_paint
from msfood.services.setup.new_unit import unit_identity
from msfood.services.writing.permissions import Actor
from tests.conftest import ADMIN_PASSWORD

AS_OF = dt.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))


@pytest.fixture
def deferred(db_path: Path):  # type: ignore[no-untyped-def]
    database = first_paint.defer_database(db_path)
    assert database is not None
    yield database
    database.close()


def sign_in(database: first_paint.DeferredDatabase, name: str, password: str, clock) -> Actor:  # type: ignore[no-untyped-def]
    check = first_paint.read_sign_in(database, username=name, clock=clock)
    return first_paint.record_sign_in(database, check, password=password, verified=check.run(password), clock=clock)


def stored_account(db_path: Path):  # type: ignore[no-untyped-def]
    database = open_database(db_path)
    try:
        with database.readers() as session:
            return _account(session, User.__table__.c.username == "admin")
    finally:
        database.close()


# --- when the quick way applies


def test_a_current_msfood_database_is_deferred_and_others_are_left_to_the_usual_open(tmp_path: Path, db_path: Path) -> None:
    assert first_paint.defer_database(tmp_path / "missing.sqlite") is None
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("not a database")
    assert first_paint.defer_database(text_file) is None
    assert first_paint.defer_database(tmp_path) is None  # a folder
    foreign = tmp_path / "other.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    assert first_paint.defer_database(foreign) is None
    older = tmp_path / "older.sqlite"
    shutil.copyfile(db_path, older)
    with sqlite3.connect(older) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0005'")  # a migration is due
    assert first_paint.defer_database(older) is None
    before = db_path.read_bytes()
    database = first_paint.defer_database(db_path)
    assert database is not None and not database.opened and database.path == db_path.resolve()
    database.close()
    assert db_path.read_bytes() == before  # only read


def test_the_plain_reads_equal_sqlalchemy_s(deferred: first_paint.DeferredDatabase, db_path: Path) -> None:
    database = open_database(db_path)
    try:
        with database.readers() as session:
            assert first_paint.read_unit(deferred) == unit_identity(session)
            database_row = _account(session, User.__table__.c.username == "admin")
    finally:
        database.close()
    plain_row = first_paint.read_account(deferred, username=" admin ")
    assert plain_row is not None and tuple(plain_row) == tuple(database_row)
    assert first_paint.read_account(deferred, username="nobody") is None


def test_a_locked_until_is_read_as_the_datetime_sqlalchemy_gives(deferred: first_paint.DeferredDatabase, db_path: Path) -> None:
    until = dt.datetime(2026, 11, 24, 3, 4, 5, 678000)
    database = open_database(db_path)
    try:
        with database.sessions.begin() as session:
            session.execute(update(User).where(User.username == "admin").values(locked_until=until, failed_attempts=2))
    finally:
        database.close()
    row = first_paint.read_account(deferred, username="admin")
    assert row is not None and row.locked_until == until and row.failed_attempts == 2 and row.disabled is False


# --- signing in


def test_the_right_password_signs_in_without_opening_the_database(deferred: first_paint.DeferredDatabase, clock) -> None:  # type: ignore[no-untyped-def]
    assert sign_in(deferred, "admin", ADMIN_PASSWORD, clock) == Actor("admin", "admin")
    assert not deferred.opened


def test_a_wrong_password_is_counted_through_the_opened_database(deferred, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthenticationError) as caught:
        sign_in(deferred, "admin", "wrong", clock)
    assert caught.value.code == "error.auth"
    assert deferred.opened  # the failure had to be written
    assert stored_account(db_path).failed_attempts == 1


def test_unknown_names_are_refused_like_wrong_passwords_and_write_nothing(deferred, clock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthenticationError) as caught:
        sign_in(deferred, "nobody", ADMIN_PASSWORD, clock)
    assert caught.value.code == "error.auth" and not deferred.opened


def test_the_lock_out_holds_and_the_success_after_failures_resets_the_count(db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    for attempt in range(1, MAX_FAILED_ATTEMPTS + 1):
        database = first_paint.defer_database(db_path)
        assert database is not None
        with pytest.raises(AuthenticationError):
            sign_in(database, "admin", "wrong", clock)
        database.close()
    account = stored_account(db_path)
    assert account.failed_attempts == 0 and account.locked_until is not None  # locked after the fifth
    database = first_paint.defer_database(db_path)
    assert database is not None
    with pytest.raises(AuthenticationError) as caught:
        first_paint.read_sign_in(database, username="admin", clock=clock)  # refused before any Argon2
    assert caught.value.code == "user.locked" and not database.opened
    database.close()
    opened = open_database(db_path)  # an administrator unlocks, after two more failures
    with opened.sessions.begin() as session:
        session.execute(update(User).where(User.username == "admin").values(locked_until=None, failed_attempts=2))
    opened.close()
    database = first_paint.defer_database(db_path)
    assert database is not None
    assert sign_in(database, "admin", ADMIN_PASSWORD, clock) == Actor("admin", "admin")
    assert database.opened  # the reset is a write
    database.close()
    assert stored_account(db_path).failed_attempts == 0


def test_an_account_changed_between_the_steps_is_judged_as_it_is_now(deferred, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    check = first_paint.read_sign_in(deferred, username="admin", clock=clock)
    verified = check.run(ADMIN_PASSWORD)
    opened = open_database(db_path)
    with opened.sessions.begin() as session:
        session.execute(update(User).where(User.username == "admin").values(disabled=True))
    opened.close()
    with pytest.raises(AuthenticationError):
        first_paint.record_sign_in(deferred, check, password=ADMIN_PASSWORD, verified=verified, clock=clock)


# --- the deferred database


def test_the_database_opens_on_the_main_thread_only_and_tells_who_waits(deferred: first_paint.DeferredDatabase) -> None:
    told: list[bool] = []
    deferred.when_open(lambda: told.append(deferred.opened))
    failures: list[BaseException] = []
    worker = threading.Thread(target=lambda: _catch(deferred.open, failures))
    worker.start()
    worker.join()
    assert isinstance(failures[0], RuntimeError) and not deferred.opened and told == []
    with deferred.readers() as session:  # any attribute of the database opens it
        assert session.execute(text("SELECT COUNT(*) FROM users")).scalar() == 1
    assert deferred.opened and deferred.plain is None and told == [True]
    later: list[str] = []
    deferred.when_open(lambda: later.append("at once"))
    assert later == ["at once"]


def test_a_failed_open_is_kept_and_waiters_are_still_told(tmp_path: Path, db_path: Path) -> None:
    database = first_paint.defer_database(db_path)
    assert database is not None
    told: list[str] = []
    database.when_open(lambda: told.append("tried"))
    database._opener = _refusing  # the file became unreadable between the reads and the open
    with pytest.raises(EnvironmentProblem):
        database.open()
    assert told == ["tried"] and database.plain is None
    with pytest.raises(EnvironmentProblem):  # the same failure, not a second try half-way
        database.sessions  # noqa: B018


def _refusing(path: Path):  # type: ignore[no-untyped-def]
    raise EnvironmentProblem("local.unreadable", path=str(path))


def _catch(fn, failures: list[BaseException]) -> None:  # type: ignore[no-untyped-def]
    try:
        fn()
    except BaseException as exc:  # noqa: BLE001
        failures.append(exc)


# --- the cached figures


def test_the_cached_figures_read_through_the_plain_connection_match_and_go_stale_alike(db_path: Path) -> None:
    period = period_of("quarter", AS_OF)
    cache = figures_cache.cache_path(db_path)
    database = open_database(db_path)
    try:
        with database.sessions() as session:
            key = figures_cache.fingerprint(session, period=period.key, as_of=AS_OF, region=None, level="township")
            overview = compute_overview(session, period=period, as_of=AS_OF, level="township")
        figures_cache.store(cache, key, overview)
        deferred = first_paint.defer_database(db_path)
        assert deferred is not None and deferred.plain is not None
        kept = figures_cache.load_plain(cache, deferred.plain, period=period.key, as_of=AS_OF, region=None, level="township")
        assert kept == figures_cache.load(cache, key) and kept is not None
        assert kept.stats.supervision == figures_cache.tiles_only(overview).stats.supervision
        # another day, another period: a miss
        assert figures_cache.load_plain(cache, deferred.plain, period=period.key, as_of=AS_OF + dt.timedelta(days=1),
                                        region=None, level="township") is None  # fmt: skip
        with database.sessions.begin() as session:  # any write (a synced table's counter moves): a miss both ways
            session.execute(text("UPDATE units SET local_seq = local_seq + 1000"))
        with database.sessions() as session:
            fresh = figures_cache.fingerprint(session, period=period.key, as_of=AS_OF, region=None, level="township")
        assert figures_cache.load(cache, fresh) is None
        assert figures_cache.load_plain(cache, deferred.plain, period=period.key, as_of=AS_OF, region=None,
                                        level="township") is None  # fmt: skip
        deferred.close()
    finally:
        database.close()
    with sqlite3.connect(db_path) as conn:  # the tables probed are the synced ones, as plain str
        entry = figures_cache._entry(cache)
        assert entry is not None and all(type(name) is str for name in entry[1])
        assert {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} >= set(entry[1])
