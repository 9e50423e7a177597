"""A lossless round trip: `export` then `import` into a new database gives the same records (counts per
record kind, and each record's content) and the same figures for every quarter and month of the year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from msfood.core.clock import CHINA, FixedClock
from msfood.core.progress import drain
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
from msfood.services.writing.permissions import Actor
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


# --- any small station: a property over generated data ------------------------------------------

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CODES = ["91430211000009136F", "91430211000009267B", "914302110000093987", "91430211000009523U"]
NAMES = ["清水家常饭店", "=HYPERLINK(\"http://x\",\"2\")", "+1", "-2", "@x", "䶮𠮷小吃", "田心生鲜超市"]
FORMS = ["catering", "sales", "production", "canteen", "workshop"]
START = dt.date(YEAR, 1, 1)


def day(offset: int) -> str:
    return (START + dt.timedelta(days=offset)).isoformat()


business_strategy = st.fixed_dictionaries(
    {
        "name": st.sampled_from(NAMES),
        "form": st.sampled_from(FORMS),
        "grade": st.sampled_from("ABCD"),
        "high_risk": st.booleans(),
        "rest_days": st.sampled_from(["", "67", "7"]),
        "statuses": st.lists(
            st.tuples(st.one_of(st.none(), st.integers(0, 360)), st.sampled_from(["operating", "suspended", "cancelled"])),
            max_size=3, unique_by=lambda s: s[0],
        ),
        "closure": st.one_of(st.none(), st.tuples(st.integers(0, 300), st.integers(0, 60))),
        "visits": st.lists(
            st.tuples(
                st.integers(0, 330),
                st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 30)), st.one_of(st.none(), st.integers(0, 40))),
                         max_size=3),
            ),
            max_size=3, unique_by=lambda v: v[0],
        ),
        "daily": st.lists(st.integers(0, 364), max_size=5, unique=True),
    }
)
station_strategy = st.fixed_dictionaries(
    {
        "businesses": st.lists(business_strategy, min_size=1, max_size=4),
        "holidays": st.lists(st.tuples(st.integers(0, 364), st.booleans()), max_size=3, unique_by=lambda h: h[0]),
    }
)


def build(database: Database, data: dict[str, Any], clock: FixedClock) -> None:
    from msfood.services.writing.transaction import unit_of_work
    from tests.scenario import Scenario

    with unit_of_work(database.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        s.region("430204001", "清水塘街道", "430204")
        s.cadre("13700000001", "周一", "village", "430204001")
        for code, b in zip(CODES, data["businesses"], strict=False):
            s.business(code, b["name"], form=b["form"], grade=b["grade"], region="430204001",
                       high_risk=b["high_risk"], rest_days=b["rest_days"])  # fmt: skip
            for since, status in b["statuses"]:
                s.status(code, status, day(since) if since is not None else None)
            if b["closure"] is not None:
                start, length = b["closure"]
                s.closure(code, day(start), day(start + length))
            s.assign("13700000001", code, day(0))
            for offset, problems in b["visits"]:
                s.visit("13700000001", code, day(offset), problems=[
                    (day(offset + d) if d is not None else None, day(offset + c) if c is not None else None)
                    for d, c in problems
                ])  # fmt: skip
            s.selfchecks(code, "daily", [day(d) for d in b["daily"]])
        for offset, workday in data["holidays"]:
            from msfood.core.ids import natural_id

            s._put(Holiday, {"id": natural_id("holiday", day(offset)), "day": START + dt.timedelta(days=offset),
                             "is_workday": workday, "name": "节日"})  # fmt: skip


@settings(max_examples=8, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(data=station_strategy)
def test_any_small_station_comes_back_whole(template_db: Path, data: dict[str, Any]) -> None:
    import shutil
    import tempfile

    clock = FixedClock(dt.datetime(YEAR, 12, 31, 10, 0, tzinfo=CHINA))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copyfile(template_db, root / "source.sqlite")
        source = open_database(root / "source.sqlite")
        try:
            build(source, data, clock)

            def fresh(path: Path) -> Database:
                shutil.copyfile(template_db, path)
                return open_database(path)

            target = round_trip(source, root, clock, fresh)
            try:
                assert counts(target) == counts(source)
                assert problem_rows(target) == problem_rows(source)
                assert history_rows(target) == history_rows(source)
                with source.sessions() as a, target.sessions() as b:
                    for period in (f"{YEAR}Q2", str(YEAR)):
                        assert compute_stats(b, period=period, as_of=AS_OF, details=False).to_json() == \
                            compute_stats(a, period=period, as_of=AS_OF, details=False).to_json()  # fmt: skip
            finally:
                target.close()
        finally:
            source.close()
