"""A bureau on SQLite or on PostgreSQL (tests/pg.py): a station's bundle merges the same way
(INSERT ... ON CONFLICT on both), newer versions win, concurrent ones are kept, a replay changes
nothing, and the bureau's own bundle back reads its rows in id order whatever the server's locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import (
    BUREAU,
    S1,
    S2,
    actor_for,
    export,
    import_,
    make_unit,
    now_clock,
    put_business,
    put_cadre,
    put_visit,
    seed_regions,
    table_rows,
    write,
)

from msfood.db.engine import open_database
from msfood.db.models import Business, Conflict, Visit
from msfood.services.writing.transaction import unit_of_work
from tests import pg

DAY = dt.date(2026, 11, 20)
CREDIT, PHONE = "91430204MA4L000001", "13800000001"


def _enrol(source: str, target: str, file: Path) -> None:
    """`target` trusts `source`."""
    from msfood.sync.peers import read_enrolment, trust_peer, write_enrolment

    code = {S1: S1, S2: S2}
    database = open_database(source)
    try:
        with database.sessions() as session:
            unit = write_enrolment(session, actor=actor_for(""), out=file, clock_now=now_clock().now()).code
    finally:
        database.close()
    database = open_database(target)
    try:
        with unit_of_work(database.sessions, actor=actor_for(BUREAU), clock=now_clock()) as uow:
            trust_peer(uow, enrolment=read_enrolment(file))
    finally:
        database.close()
    assert unit in (BUREAU, *code)


@pytest.fixture
def units(
    request: pytest.FixtureRequest, database_url: str, tmp_path: Path, pg_templates: pg.Templates
) -> Iterator[dict[str, str]]:
    """Station S1 and S2 on SQLite; the bureau on the backend of `database_url`, each trusting the
    other side of its link."""
    if database_url.startswith("sqlite"):
        bureau = f"sqlite:///{tmp_path / 'bureau.sqlite'}"
        make_unit(tmp_path / "bureau.sqlite", BUREAU)
        copy = None
    else:
        template = pg_templates.get("bureau", lambda url: make_unit(url, BUREAU))  # type: ignore[arg-type]
        copy = pg.fresh_copy(template)
        bureau = copy.__enter__()
    paths = {BUREAU: bureau}
    write(bureau, BUREAU, seed_regions)  # type: ignore[arg-type]  # the tree above the stations is the bureau's
    for station in (S1, S2):
        make_unit(tmp_path / f"{station}.sqlite", station)
        paths[station] = f"sqlite:///{tmp_path / f'{station}.sqlite'}"
        _enrol(paths[station], bureau, tmp_path / f"{station}.json")
        _enrol(bureau, paths[station], tmp_path / f"bureau-for-{station}.json")
    try:
        yield paths
    finally:
        if copy is not None:
            copy.__exit__(None, None, None)


def roster(uow) -> None:  # type: ignore[no-untyped-def]
    seed_regions(uow)
    business = put_business(uow, CREDIT, "430204001", name="清水塘饭店")
    cadre = put_cadre(uow, PHONE, "430204001", name="张三")
    put_visit(uow, cadre, business, DAY, remarks="正常")


def test_a_station_bundle_merges_into_the_bureau(units: dict[str, str], tmp_path: Path) -> None:
    write(units[S1], S1, roster)  # type: ignore[arg-type]
    bundle = export(units[S1], S1, tmp_path, to=BUREAU)  # type: ignore[arg-type]
    assert bundle is not None

    report = import_(units[BUREAU], BUREAU, [bundle])  # type: ignore[arg-type]

    assert report.exit_code == 0 and report.errors == []
    assert report.total("new") > 0 and report.total("conflicts") == 0
    at_station = table_rows(units[S1], Visit)  # type: ignore[arg-type]
    at_bureau = table_rows(units[BUREAU], Visit)  # type: ignore[arg-type]
    (visit_id,) = at_station
    for column in ("hlc", "base_hlc", "origin", "remarks", "visit_date", "entered_at", "deleted"):
        assert at_bureau[visit_id][column] == at_station[visit_id][column]
    again = import_(units[BUREAU], BUREAU, [bundle])  # type: ignore[arg-type]
    assert [b.status for b in again.bundles] == ["already"]


def test_newer_wins_and_concurrent_versions_are_kept(units: dict[str, str], tmp_path: Path) -> None:
    bureau, station = units[BUREAU], units[S1]
    write(station, S1, roster)  # type: ignore[arg-type]
    import_(bureau, BUREAU, [export(station, S1, tmp_path, to=BUREAU)])  # type: ignore[arg-type,list-item]
    (visit_id,) = table_rows(station, Visit)  # type: ignore[arg-type]
    later = now_clock()
    later.advance(minutes=5)

    def remark(text: str):  # type: ignore[no-untyped-def]
        return lambda uow: uow.upsert(Visit.__table__, {"id": visit_id, "remarks": text})

    write(bureau, BUREAU, remark("市局改"))  # type: ignore[arg-type]
    write(station, S1, remark("所里改"), clock=later)  # type: ignore[arg-type]
    bundle = export(station, S1, tmp_path, to=BUREAU, clock=later)  # type: ignore[arg-type]

    report = import_(bureau, BUREAU, [bundle], clock=later)  # type: ignore[arg-type,list-item]

    assert report.total("updated") == 1 and report.total("conflicts") == 1
    assert table_rows(bureau, Visit)[visit_id]["remarks"] == "所里改"  # type: ignore[arg-type]
    (conflict,) = table_rows(bureau, Conflict).values()  # type: ignore[arg-type]
    assert conflict["record_id"] == visit_id and "市局改" in conflict["lost_row"]


def test_the_bureau_bundle_back_reads_in_id_order(units: dict[str, str], tmp_path: Path) -> None:
    """Many records (ids of every shape) go up from a station and down from the bureau: the export
    orders by id in SQL, the merge checks that order in Python. (A station sends only its own area:
    S2's businesses come from S2, or, here, from the bureau.)"""

    def many(uow) -> None:  # type: ignore[no-untyped-def]
        seed_regions(uow)
        for n in range(300):
            put_business(uow, f"91430211MA4L{n:06d}", "430211001", name=f"主体{n}")

    def mine(uow) -> None:  # type: ignore[no-untyped-def]
        seed_regions(uow)
        for n in range(300):
            put_business(uow, f"91430204MA4L{n:06d}", "430204001", name=f"所里{n}")

    write(units[S1], S1, mine)  # type: ignore[arg-type]
    up = import_(units[BUREAU], BUREAU, [export(units[S1], S1, tmp_path, to=BUREAU)])  # type: ignore[arg-type,list-item]
    assert up.exit_code == 0 and up.total("new") >= 300
    write(units[BUREAU], BUREAU, many)  # type: ignore[arg-type]
    down = export(units[BUREAU], BUREAU, tmp_path, to=S2)  # type: ignore[arg-type]
    assert down is not None

    report = import_(units[S2], S2, [down])  # type: ignore[arg-type]

    assert report.exit_code == 0, report.errors
    assert len(table_rows(units[S2], Business)) == 300  # type: ignore[arg-type]
