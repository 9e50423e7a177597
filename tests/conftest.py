"""Shared fixtures. Qt runs offscreen; a template database is set up once and copied per test."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from msfood.clock import CHINA, FixedClock  # noqa: E402
from msfood.db.engine import open_database  # noqa: E402
from msfood.services.permissions import Actor  # noqa: E402

ADMIN = Actor("admin", "admin")
ADMIN_PASSWORD = "admin-pass-1"


def make_station(path: Path, *, clock: FixedClock, code: str = "430204-01", bureau: bool = False) -> None:
    from msfood.services.setup import initialise

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
