"""Shared fixtures. Qt runs offscreen; a template database is set up once and copied per test."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tempfile  # noqa: E402

import pytest  # noqa: E402
from platformdirs import user_data_dir  # noqa: E402


def _snapshot(folder: Path) -> dict[str, tuple[int, int]] | None:
    if not folder.exists():
        return None
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# No test may write into the user's real data folder (their database, backups and keys live there):
# every run gets its own MSFOOD_HOME, and the run fails if the real folder changed all the same.
REAL_DATA_DIR = Path(user_data_dir("msfood", appauthor=False))
_REAL_DATA_BEFORE = _snapshot(REAL_DATA_DIR)
# This module is imported twice (as pytest's conftest and as tests.conftest): make the folder once per
# process (xdist workers are processes of their own and get theirs).
if os.environ.get("MSFOOD_TEST_HOME_PID") != str(os.getpid()):
    os.environ["MSFOOD_TEST_HOME_PID"] = str(os.getpid())
    os.environ["MSFOOD_HOME"] = tempfile.mkdtemp(prefix="msfood-test-home-")

from msfood.core.clock import CHINA, FixedClock  # noqa: E402
from msfood.db.engine import open_database  # noqa: E402
from msfood.services.writing.permissions import Actor  # noqa: E402

ADMIN = Actor("admin", "admin")
ADMIN_PASSWORD = "admin-pass-1"


def make_station(
    path: Path | str, *, clock: FixedClock, code: str = "430204-01", bureau: bool = False
) -> None:
    from msfood.services.setup.new_unit import initialise

    database = open_database(path, create=True)
    try:
        initialise(
            database,
            code=code,
            name="石峰区市场监管所" if not bureau else "株洲市市场监督管理局",
            clock=clock,
            region_code="430204",
            bureau=bureau,
            admin_username="admin",
            admin_password=ADMIN_PASSWORD,
        )
    finally:
        database.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 11, 24, 10, 0, tzinfo=CHINA).astimezone(dt.UTC))


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "station.sqlite"
    make_station(path, clock=FixedClock(dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "station.sqlite"
    shutil.copyfile(template_db, target)
    return target


@pytest.fixture
def db(db_path: Path):  # type: ignore[no-untyped-def]
    database = open_database(db_path)
    yield database
    database.close()


# --- both backends (tests/pg.py): SQLite always, PostgreSQL when MSFOOD_TEST_PG_URL names a server ---


@pytest.fixture(scope="session")
def pg_templates(worker_id: str):  # type: ignore[no-untyped-def]
    from tests.pg import Templates

    templates = Templates(worker_id)
    yield templates
    templates.drop_all()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of an initialised station database (admin / ADMIN_PASSWORD) on each backend."""
    from msfood.db.engine import database_url as url_of
    from tests import pg

    if request.param == "sqlite":
        yield url_of(request.getfixturevalue("db_path"))
        return
    if not pg.PG_URL:
        pytest.skip(reason="no PostgreSQL server to test against: set MSFOOD_TEST_PG_URL (scripts/pg_test_server.sh)")
    templates = request.getfixturevalue("pg_templates")
    template = templates.get(
        "station", lambda url: make_station(url, clock=FixedClock(dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    )
    with pg.fresh_copy(template) as url:
        yield url


@pytest.fixture
def any_db(database_url: str):  # type: ignore[no-untyped-def]
    """An open station database on SQLite and on PostgreSQL; a test module runs on both by
    overriding `db` with it (see tests/unit/test_metrics_scenarios.py)."""
    database = open_database(database_url)
    yield database
    database.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _snapshot(REAL_DATA_DIR) != _REAL_DATA_BEFORE:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print(f"\nA test wrote into the real data folder {REAL_DATA_DIR}: tests must keep to their tmp_path.")
    shutil.rmtree(os.environ["MSFOOD_HOME"], ignore_errors=True)


@pytest.fixture(autouse=True)
def _chinese_by_default() -> Iterator[None]:
    """Each test starts in Chinese, the default, whatever language an earlier test (or --lang en) left."""
    from msfood.i18n import set_language

    set_language("zh_CN")
    yield
    set_language("zh_CN")
