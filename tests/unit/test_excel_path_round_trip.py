"""A lossless round trip: `export` then `import` into a new database gives the same records (counts per
record kind, and each record's content) and the same figures for every quarter and month of the year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from msfood.clock import CHINA, FixedClock
from msfood.db.engine import Database, open_database
from msfood.db.models import (
    Assignment,
    Business,
    BusinessClosure,
    BusinessStatus,
    Cadre,
    Holiday,
    Problem,
    RapidTest,
    Region,
    Sampling,
    SamplingPlan,
    SelfCheck,
    Visit,
    VisitAnswer,
)
from msfood.metrics import compute_stats
from msfood.progress import drain
from msfood.services.permissions import Actor
from msfood.workbook.export import export_workbook
from msfood.workbook.importer import import_workbook

ADMIN = Actor("admin", "admin")
MODELS = (Region, Business, BusinessStatus, BusinessClosure, Cadre, Assignment, Visit, VisitAnswer, Problem,
          SelfCheck, Sampling, RapidTest, SamplingPlan, Holiday)  # fmt: skip
YEAR = 2026
AS_OF = dt.date(YEAR, 12, 31)


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))


def counts(database: Database) -> dict[str, int]:
    with database.sessions() as session:
        return {
            m.__tablename__: session.scalar(select(func.count()).select_from(m).where(m.deleted.is_(False))) or 0
            for m in MODELS
        }


def problem_rows(database: Database) -> list[tuple[Any, ...]]:
    """Each problem by what names it (its visit's cadre, business, date and its number) and its state."""
    with database.sessions() as session:
        rows = session.execute(
            select(Cadre.phone, Business.credit_code, Business.licence_no, Visit.visit_date, Problem.seq,
                   Problem.description, Problem.deadline, Problem.status, Problem.closed_on)  # fmt: skip
            .join(Visit, Visit.id == Problem.visit_id)
            .join(Cadre, Cadre.id == Visit.cadre_id)
            .join(Business, Business.id == Visit.business_id)
            .where(Problem.deleted.is_(False))
        ).all()
    return sorted(tuple(map(str, r)) for r in rows)


def history_rows(database: Database) -> list[tuple[Any, ...]]:
    with database.sessions() as session:
        statuses = session.execute(
            select(Business.credit_code, Business.licence_no, BusinessStatus.status, BusinessStatus.since)
            .join(Business, Business.id == BusinessStatus.business_id)
            .where(BusinessStatus.deleted.is_(False))
        ).all()
        closures = session.execute(
            select(Business.credit_code, Business.licence_no, BusinessClosure.start_date,
                   BusinessClosure.end_date, BusinessClosure.reason)  # fmt: skip
            .join(Business, Business.id == BusinessClosure.business_id)
            .where(BusinessClosure.deleted.is_(False))
        ).all()
        holidays = session.execute(select(Holiday.day, Holiday.is_workday, Holiday.name)).all()
    return sorted(("s", *map(str, r)) for r in statuses) + sorted(("c", *map(str, r)) for r in closures) + sorted(
        ("h", *map(str, r)) for r in holidays
    )


def figures(database: Database) -> dict[str, Any]:
    periods = [f"{YEAR}Q{q}" for q in range(1, 5)] + [f"{YEAR}-{m:02d}" for m in range(1, 13)] + [str(YEAR)]
    with database.sessions() as session:
        return {
            p: compute_stats(session, period=p, as_of=AS_OF, details=False).to_json() for p in periods
        }


def round_trip(source: Database, tmp_path: Path, clock: FixedClock, make: Any) -> Database:
    out = tmp_path / "export.xlsx"
    drain(export_workbook(source, out, actor=ADMIN))
    target = make(tmp_path / "copy.sqlite")
    drain(import_workbook(target, out, actor=ADMIN, clock=clock))
    return target


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from msfood.demo.generator import generate, prepare_demo_unit

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    clock = FixedClock(dt.datetime(YEAR, 12, 31, 10, 0, tzinfo=CHINA))
    database = open_database(path, create=True)
    try:
        prepare_demo_unit(database, scale="station", clock=clock)
        generate(database, scale="station", seed=1, year=YEAR, clock=clock)
    finally:
        database.close()
    return path


def new_demo_unit(path: Path) -> Database:
    from msfood.demo.generator import prepare_demo_unit

    database = open_database(path, create=True)
    prepare_demo_unit(database, scale="station", clock=FixedClock(dt.datetime(YEAR, 1, 1, tzinfo=CHINA)))
    return database


def test_the_station_demo_comes_back_whole(demo: Path, tmp_path: Path) -> None:
    clock = FixedClock(dt.datetime(YEAR + 1, 1, 5, 10, 0, tzinfo=CHINA))
    source = open_database(demo)
    try:
        target = round_trip(source, tmp_path, clock, new_demo_unit)
        try:
            before, after = counts(source), counts(target)
            assert before["business_statuses"] > 0 and before["business_closures"] > 0
            assert before["visit_answers"] > 0 and before["problems"] > 0
            assert after == before
            assert problem_rows(target) == problem_rows(source)
            assert history_rows(target) == history_rows(source)
            assert figures(target) == figures(source)
        finally:
            target.close()
    finally:
        source.close()
