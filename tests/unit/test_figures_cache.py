"""The dashboard's figures cache (msfood.metrics.figures_cache): any write the figures could read changes
the fingerprint (a visit, a self-check, a setting, a merged bundle, a workbook import), so cached figures
are never shown as current after one; an entry is read back only under its own fingerprint."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from sqlalchemy import select, text

from msfood.core.progress import drain
from msfood.db.engine import Database, open_database
from msfood.db.models import Business, Cadre, synced_tables
from msfood.metrics import figures_cache
from msfood.metrics.overview import compute_overview
from msfood.services.rules.settings import set_setting
from msfood.services.work.selfchecks import record_selfcheck
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.workbook.importer import import_workbook
from tests.unit.sync import sync_helpers as sh
from tests.workbook_example import worked_example, write_xlsx

ADMIN = Actor("admin", "admin")
AS_OF = dt.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))


def fp(database: Database, *, period: str = "2026Q4", as_of: dt.date = AS_OF) -> str:
    with database.sessions() as session:
        return figures_cache.fingerprint(session, period=period, as_of=as_of, region=None, level="township")


def test_every_kind_of_write_changes_the_fingerprint(
    tmp_path: Path, db: Database, clock  # type: ignore[no-untyped-def]
) -> None:
    seen = [fp(db)]
    assert fp(db) == seen[0]  # reading changes nothing

    drain(import_workbook(db, write_xlsx(tmp_path / "e.xlsx", worked_example()), actor=ADMIN, clock=clock))
    seen.append(fp(db))
    with db.sessions() as session:
        business = session.scalars(select(Business.id).order_by(Business.id)).first()
        cadre = session.scalars(select(Cadre.id).order_by(Cadre.id)).first()
    assert business and cadre

    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        record_selfcheck(uow, business_id=business, kind="daily", record_date=dt.date(2026, 11, 20))
    seen.append(fp(db))
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        sh.put_visit(uow, cadre, business, dt.date(2026, 11, 21))
    seen.append(fp(db))
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        set_setting(uow, key="daily_threshold_pct", value=80)
    seen.append(fp(db))
    assert len(set(seen)) == len(seen), "a write left the fingerprint as it was"
    # the question asked is part of it too
    assert len({fp(db), fp(db, period="2026-11"), fp(db, as_of=dt.date(2026, 11, 25))}) == 3


def test_a_merged_bundle_changes_the_fingerprint(tmp_path: Path) -> None:
    paths = sh.make_trio(tmp_path / "trio")
    sh.write(paths[sh.S1], sh.S1, lambda uow: sh.put_business(uow, "91430204MA4L000001", "430204"))
    bundle = sh.export(paths[sh.S1], sh.S1, tmp_path, to=sh.BUREAU)
    assert bundle is not None
    before = sh.with_db(paths[sh.BUREAU], fp)
    assert sh.import_(paths[sh.BUREAU], sh.BUREAU, [bundle]).exit_code == 0
    assert sh.with_db(paths[sh.BUREAU], fp) != before


def test_figures_are_read_back_under_their_own_fingerprint_only(tmp_path: Path, db: Database) -> None:
    with db.sessions() as session:
        overview = compute_overview(session, period="2026Q4", as_of=AS_OF)
    path = figures_cache.cache_path(tmp_path / "unit.sqlite")
    assert figures_cache.load(path, "nothing yet") is None
    figures_cache.store(path, "key-1", overview)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # the figures name businesses' regions
    kept = figures_cache.load(path, "key-1")
    assert kept is not None and kept.stats.to_json() == overview.stats.to_json()
    assert kept.stats.supervision.obligations == () and kept.regions == overview.regions
    assert figures_cache.load(path, "key-2") is None  # changed data: not shown
    path.write_bytes(b"not a pickle")
    assert figures_cache.load(path, "key-1") is None  # a damaged file is a miss, not an error


PLANTED_RAN: list[bool] = []


class Planted:
    """Unpickled, it would run code: here, append to PLANTED_RAN."""

    def __reduce__(self) -> tuple[object, ...]:
        return (PLANTED_RAN.append, (True,))


def test_a_figures_file_this_user_did_not_write_is_never_unpickled(tmp_path: Path, db: Database) -> None:
    """A `.figures` file planted beside a database (a shared folder, a file sent by mail) is a pickle: it
    must not run. Only entries sealed with this user's own key are read."""
    import pickle

    with db.sessions() as session:
        overview = compute_overview(session, period="2026Q4", as_of=AS_OF)
    path = figures_cache.cache_path(tmp_path / "unit.sqlite")
    figures_cache.store(path, "key-1", overview)
    sealed = path.read_bytes()
    payload = sealed[figures_cache.SEAL:]

    path.write_bytes(b"\0" * figures_cache.SEAL + pickle.dumps(("key-1", Planted())))
    assert figures_cache.load(path, "key-1") is None and PLANTED_RAN == []
    path.write_bytes(sealed[: figures_cache.SEAL] + payload[:-1] + b"x")  # altered after sealing
    assert figures_cache.load(path, "key-1") is None
    path.write_bytes(sealed)
    assert figures_cache.load(path, "key-1") is not None


def test_the_fingerprint_statement_made_once_reads_each_database_its_own(
    tmp_path: Path, db: Database, db_path: Path, clock  # type: ignore[no-untyped-def]
) -> None:
    """The fingerprint's one statement is made once per process (per dialect) and serves every database
    opened after: each gets its own tables' counters, and every synced table and the unit's facts are in it."""
    other_path = tmp_path / "other.sqlite"
    other_path.write_bytes(db_path.read_bytes())
    other = open_database(other_path)
    try:
        first, second = fp(db), fp(other)
        assert first == second  # two copies of one database: the same counters
        drain(import_workbook(other, write_xlsx(tmp_path / "e.xlsx", worked_example()), actor=ADMIN, clock=clock))
        assert fp(other) != second and fp(db) == first  # a write to one changes that one's alone
        with other.sessions() as session:
            rows = dict(session.execute(text(figures_cache._probe_sql(session))).all())
        assert {t.name for t in synced_tables()} | {"meta:unit_code"} <= rows.keys()
        assert rows["businesses"] is not None and int(rows["businesses"]) > 0
    finally:
        other.close()
