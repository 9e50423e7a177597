"""Generating the demo data into a fresh database, as one transaction, step by step with progress.

`generate_steps` is the long task (a generator of `Progress`, returning a `DemoSummary`); `generate`
runs it with an optional callback; `create_demo` makes the new database file, its unit and demo
accounts, then generates. The same seed, scale, year and clock give the same records.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import sessionmaker

from msfood.core.clock import Clock
from msfood.core.errors import EnvironmentProblem, Issue, ValidationError
from msfood.core.progress import Progress, drain
from msfood.db.engine import Database, open_database
from msfood.db.maintenance import refresh_statistics
from msfood.db.models import Business, ChecklistItem, Setting
from msfood.demo.businesses import make_businesses, write_businesses, write_regions
from msfood.demo.cadres import make_cadres_and_assignments, write_cadres
from msfood.demo.model import SCALES, SPECS, World, window_start
from msfood.demo.regions import build_regions
from msfood.demo.sampling import write_rapid_tests, write_sampling
from msfood.demo.selfchecks import write_selfchecks
from msfood.demo.visits import write_visits
from msfood.demo.writer import BulkWriter
from msfood.domain import defaults
from msfood.i18n import t
from msfood.services.setup.database import remove_database_file
from msfood.services.writing.permissions import SYSTEM
from msfood.services.writing.transaction import unit_of_work

# (user name, password, role): listed in the README; demo databases hold nothing secret
DEMO_ACCOUNTS = (
    ("admin", "demo-admin", "admin"),
    ("liaison", "demo-liaison", "liaison"),
    ("viewer", "demo-viewer", "viewer"),
    ("bureau", "demo-bureau", "bureau-admin"),
)
FIRST_YEAR = 2000
DEFAULT_GRADE_LEVELS = {"A": "city", "B": "county", "C": "township", "D": "village"}
# share of the progress bar each step takes (self-checks are most of the rows)
STEPS = (("regions", 1), ("businesses", 6), ("cadres", 3), ("visits", 15), ("selfchecks", 65),
         ("sampling", 5), ("rapid_tests", 5))  # fmt: skip
TOTAL = sum(weight for _step, weight in STEPS)
# Only for the demo's own connection, while it loads a brand-new file (nothing to lose on a crash)
FAST_PRAGMAS = {"synchronous": "OFF", "journal_mode": "MEMORY", "cache_size": "-1048576", "threads": "2"}


@dataclass(frozen=True)
class DemoSummary:
    scale: str
    seed: int
    year: int
    first_day: dt.date
    last_day: dt.date
    unit_code: str
    counts: dict[str, int] = field(default_factory=dict)  # rows written per table
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "scale": self.scale, "seed": self.seed, "year": self.year,
            "first_day": self.first_day.isoformat(), "last_day": self.last_day.isoformat(),
            "unit_code": self.unit_code, "counts": dict(self.counts), "total": self.total,
            "seconds": round(self.seconds, 1),
        }  # fmt: skip


def check_request(scale: str, year: int, clock: Clock) -> tuple[dt.date, dt.date]:
    """The first and last day of data for `year`; ValidationError for an unknown scale or a bad year."""
    issues = []
    if scale not in SCALES:
        issues.append(Issue("demo.scale", "", {"value": scale, "choices": ", ".join(SCALES)}))
    today = clock.today()
    if not FIRST_YEAR <= year <= today.year:
        params = {"value": year, "first": FIRST_YEAR, "last": today.year}
        issues.append(Issue("demo.year_range", "year", params))
    if issues:
        raise ValidationError(issues)
    return dt.date(year, 1, 1), (today if year == today.year else dt.date(year, 12, 31))


@contextmanager
def _fast_connection(database: Database) -> Iterator[Connection]:
    """One connection for the whole load; on SQLite with FAST_PRAGMAS, put back afterwards."""
    database.engine.dispose()  # journal_mode can only change when no other connection is open
    with database.engine.connect() as conn:
        raw: Any = conn.connection.dbapi_connection
        sqlite = conn.dialect.name == "sqlite"
        saved = {}
        if sqlite:
            for name, value in FAST_PRAGMAS.items():
                saved[name] = raw.execute(f"PRAGMA {name}").fetchone()[0]
                raw.execute(f"PRAGMA {name}={value}")
        try:
            yield conn
        finally:
            if sqlite:
                for name, value in saved.items():
                    raw.execute(f"PRAGMA {name}={value}")


def _world(session: Any, scale: str, seed: int, year: int, first: dt.date, last: dt.date) -> World:
    if session.scalar(select(func.count()).select_from(Business)):
        raise EnvironmentProblem("demo.not_empty")
    raw = session.scalar(select(Setting.value).where(Setting.key == "grade_levels"))
    grade_levels = json.loads(raw) if raw else dict(DEFAULT_GRADE_LEVELS)
    checklist = [
        (item_id, code)
        for item_id, code in session.execute(
            select(ChecklistItem.id, ChecklistItem.code)
            .where(ChecklistItem.version == defaults.CHECKLIST_VERSION, ChecklistItem.deleted.is_(False))
            .order_by(ChecklistItem.position, ChecklistItem.code)
        )
    ]
    world = World(
        scale, seed, year, first, last, window_start(first, last), SPECS[scale], grade_levels,
        city=build_regions(random.Random(f"msfood-demo:{seed}:{scale}:{year}:regions"), scale),
        checklist=checklist,
    )
    return world


def generate_steps(
    database: Database, *, scale: str, seed: int, year: int, clock: Clock
) -> Generator[Progress, None, DemoSummary]:
    """Fill an initialised database that holds no businesses yet with the demo data (one transaction).

    Rows are written in bulk by `msfood.demo.writer` (sync columns stamped from the unit of work; one
    audit event per table, not one per row). Cancelling (closing the generator) rolls everything back.
    """
    first, last = check_request(scale, year, clock)
    started = time.perf_counter()
    done = 0
    label = dict(STEPS)

    def step(name: str, fraction: float = 1.0) -> Progress:
        return Progress(min(TOTAL, done + round(label[name] * fraction)), TOTAL, t(f"demo.step.{name}"))

    with (
        _fast_connection(database) as conn,
        unit_of_work(sessionmaker(bind=conn), actor=SYSTEM, clock=clock) as uow,
    ):
        world = _world(uow.session, scale, seed, year, first, last)
        writer = BulkWriter(uow, note={"scale": scale, "seed": seed, "year": year})
        yield step("regions", 0)
        write_regions(world, writer)
        done += label["regions"]
        yield step("businesses", 0)
        make_businesses(world)
        write_businesses(world, writer)
        done += label["businesses"]
        yield step("cadres", 0)
        make_cadres_and_assignments(world)
        write_cadres(world, writer)
        done += label["cadres"]
        chains = max(1, len(world.assignments))
        for n in write_visits(world, writer):
            yield step("visits", n / chains)
        done += label["visits"]
        for n in write_selfchecks(world, writer):
            yield step("selfchecks", n / len(world.businesses))
        done += label["selfchecks"]
        yield step("sampling", 0)
        write_sampling(world, writer)
        done += label["sampling"]
        yield step("rapid_tests", 0)
        write_rapid_tests(world, writer)
        counts = writer.close()
        uow.audit_event("demo", "*", after=json.dumps({"scale": scale, "seed": seed, "year": year, **counts}))
        refresh_statistics(conn)
    yield Progress(TOTAL, TOTAL, t("demo.step.done"))
    return DemoSummary(scale, seed, year, first, last, uow.unit, counts, time.perf_counter() - started)


def generate(
    database: Database,
    *,
    scale: str,
    seed: int,
    year: int,
    clock: Clock,
    progress: Callable[[Progress], object] | None = None,
) -> DemoSummary:
    """`generate_steps` run to its end, each Progress handed to `progress` (the benchmarks' data source)."""
    task = generate_steps(database, scale=scale, seed=seed, year=year, clock=clock)
    if progress is None:
        return drain(task)
    while True:
        try:
            progress(next(task))
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]


def prepare_demo_unit(database: Database, *, scale: str, clock: Clock) -> None:
    """The demo unit of `scale` and the demo accounts, in a new database: what `generate_steps`
    fills with data (create_demo, and the app's first-start dialog)."""
    from msfood.services.accounts.users import create_user
    from msfood.services.setup.new_unit import initialise

    spec = SPECS[scale]
    initialise(database, code=spec.unit_code, name=spec.unit_name, clock=clock,
               region_code=spec.region_code, bureau=spec.bureau)  # fmt: skip
    with database.sessions.begin() as session:
        for username, password, role in DEMO_ACCOUNTS:
            create_user(session, username=username, password=password, role=role, clock=clock,
                        display_name=t(f"demo.account.{username}"))  # fmt: skip


def _is_new_file(path: Path) -> bool:
    return not path.exists() or (path.is_file() and path.stat().st_size == 0)


def create_demo(
    db: str | Path,
    *,
    scale: str = "station",
    seed: int = 1,
    year: int | None = None,
    clock: Clock,
    progress: Callable[[Progress], object] | None = None,
) -> DemoSummary:
    """A new database file `db` with the demo unit, the demo accounts and the demo data.

    Refuses any file that already holds something (demo data never goes into a station's database);
    when anything fails, the half-made file is removed again.
    """
    if "://" in str(db):
        raise EnvironmentProblem("demo.needs_file", path=str(db))
    path = Path(db).expanduser()
    if not _is_new_file(path):
        raise EnvironmentProblem("demo.db_exists", path=str(path))
    year = clock.today().year if year is None else year
    check_request(scale, year, clock)
    database = open_database(path, create=True)
    try:
        prepare_demo_unit(database, scale=scale, clock=clock)
        return generate(database, scale=scale, seed=seed, year=year, clock=clock, progress=progress)
    except BaseException:
        database.close()
        remove_database_file(path)
        raise
    finally:
        database.close()
