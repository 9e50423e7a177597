"""Authority around the merge: re-enrolment that changes a unit's area or trusts a revoked key asks
for confirmation; closed periods freeze effective-dated records by hand too; a bundle from the
bureau still sets the shared tables; honest station edits of its own area land."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sync_helpers import (
    ADMIN,
    BUREAU,
    BUREAU_ADMIN,
    S1,
    export,
    import_,
    now_clock,
    put_business,
    put_cadre,
    table_rows,
    with_db,
    write,
)

from msfood.core.errors import ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import Conflict, VisitRule
from msfood.services.writing.transaction import unit_of_work


def _enrolment(source: Path, out: Path, **changes: object) -> object:
    """The enrolment file of `source`, re-signed with its own key after `changes` (as a unit that
    re-enrols with another area would send)."""
    from msfood.core.keys import b64, canonical_json, sign
    from msfood.services.writing.unit_of_work import read_meta
    from msfood.sync.peers import enrolment_document, read_enrolment

    def run(database):  # type: ignore[no-untyped-def]
        with database.sessions() as session:
            document = enrolment_document(session, actor=ADMIN, clock_now=now_clock().now())
            key = read_meta(session)["sign_private_key"]
        body = {k: v for k, v in document.items() if k != "signature"}
        body.update(changes)
        body["signature"] = b64(sign(key, canonical_json(body)))
        out.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        return read_enrolment(out)

    return with_db(source, run)


def _trust(target: Path, enrolment: object, **flags: bool) -> object:
    from msfood.sync.peers import trust_peer

    def run(database):  # type: ignore[no-untyped-def]
        with unit_of_work(database.sessions, actor=BUREAU_ADMIN, clock=now_clock()) as uow:
            return trust_peer(uow, enrolment=enrolment, **flags)  # type: ignore[arg-type]

    return with_db(target, run)


def test_re_enrolment_with_a_wider_area_needs_confirmation_naming_it(
    trio: dict[str, Path], tmp_path: Path
) -> None:
    wider = _enrolment(trio[S1], tmp_path / "s1.json", region_code="430200")
    with pytest.raises(ValidationError) as refused:
        _trust(trio[BUREAU], wider)
    message = refused.value.message()
    assert refused.value.code == "authority.trust_area_change"
    assert "430204" in message and "430200" in message and "--confirm-area-change" in message
    peer = _trust(trio[BUREAU], wider, confirm_area_change=True)
    assert peer.region_code == "430200"  # type: ignore[attr-defined]


def test_the_same_enrolment_again_needs_no_confirmation(trio: dict[str, Path], tmp_path: Path) -> None:
    same = _enrolment(trio[S1], tmp_path / "s1.json")
    assert _trust(trio[BUREAU], same).region_code == "430204"  # type: ignore[attr-defined]


def test_trusting_a_revoked_unit_again_needs_confirmation(trio: dict[str, Path], tmp_path: Path) -> None:
    from msfood.sync.peers import revoke_peer

    def revoke(uow):  # type: ignore[no-untyped-def]
        revoke_peer(uow, code=S1)

    write(trio[BUREAU], BUREAU, revoke)
    again = _enrolment(trio[S1], tmp_path / "s1.json")
    with pytest.raises(ValidationError) as refused:
        _trust(trio[BUREAU], again)
    assert refused.value.code == "authority.trust_revoked" and "--confirm-retrust" in refused.value.message()
    assert _trust(trio[BUREAU], again, confirm_retrust=True).active  # type: ignore[attr-defined]


def test_the_cli_asks_for_the_flag(
    trio: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sync_helpers import PASSWORD

    from msfood.cli import main

    _enrolment(trio[S1], tmp_path / "s1.json", region_code="430200")
    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", PASSWORD)
    args = ["keys", "trust", "--db", str(trio[BUREAU]), str(tmp_path / "s1.json")]
    assert main(args) == 1
    assert "--confirm-area-change" in capsys.readouterr().err
    assert main([*args, "--confirm-area-change"]) == 0


# --- closed periods freeze effective-dated records, by hand too ---------------------------------------


def _roster(uow) -> None:  # type: ignore[no-untyped-def]
    from msfood.db.models import Assignment

    business = put_business(uow, "91430204MA4L000001", "430204001")
    cadre = put_cadre(uow, "13800000001", "430204001")
    uow.upsert(
        Assignment.__table__,
        {
            "id": natural_id("assignment", cadre, business, "2026-01-01"),
            "cadre_id": cadre,
            "business_id": business,
            "start_date": dt.date(2026, 1, 1),
        },
    )


def _close_q3(uow) -> None:  # type: ignore[no-untyped-def]
    from msfood.services.periods.closing import close_period

    close_period(uow, period="2026Q3")


def _assignment_id() -> str:
    from sync_helpers import business_id, cadre_id

    return natural_id("assignment", cadre_id("13800000001"), business_id("91430204MA4L000001"), "2026-01-01")


@pytest.mark.parametrize(
    ("end", "allowed"),
    [
        (dt.date(2026, 12, 1), True),
        (dt.date(2026, 10, 1), True),
        (dt.date(2026, 9, 15), False),
        (dt.date(2026, 2, 1), False),
    ],
)
def test_ending_an_assignment_reaching_into_a_closed_quarter(
    trio: dict[str, Path], end: dt.date, allowed: bool
) -> None:
    from msfood.db.models import Assignment

    write(trio[S1], S1, _roster)
    write(trio[S1], S1, _close_q3)

    def end_it(uow):  # type: ignore[no-untyped-def]
        uow.upsert(Assignment.__table__, {"id": _assignment_id(), "end_date": end})

    if allowed:
        write(trio[S1], S1, end_it)
        assert table_rows(trio[S1], Assignment)[_assignment_id()]["end_date"] == end
    else:
        with pytest.raises(ValidationError) as refused:
            write(trio[S1], S1, end_it)
        assert refused.value.issues[0].code == "closing.record_frozen"


@pytest.mark.parametrize(
    ("since", "allowed"), [(dt.date(2026, 10, 8), True), (dt.date(2026, 8, 1), False), (None, False)]
)
def test_a_status_dated_into_a_closed_quarter_is_refused(trio: dict[str, Path], since, allowed: bool) -> None:  # type: ignore[no-untyped-def]
    from sync_helpers import business_id

    from msfood.db.models import BusinessStatus

    write(trio[S1], S1, _roster)
    write(trio[S1], S1, _close_q3)
    business = business_id("91430204MA4L000001")

    def status(uow):  # type: ignore[no-untyped-def]
        uow.upsert(
            BusinessStatus.__table__,
            {
                "id": natural_id("business_status", business, str(since)),
                "business_id": business,
                "status": "suspended",
                "since": since,
            },
        )

    if allowed:
        write(trio[S1], S1, status)
    else:
        with pytest.raises(ValidationError):
            write(trio[S1], S1, status)


def test_a_visit_rule_effective_inside_a_closed_quarter_is_refused_a_later_one_taken(
    trio: dict[str, Path],
) -> None:
    write(trio[S1], S1, _close_q3)

    def rule(day: dt.date):  # type: ignore[no-untyped-def]
        return lambda uow: uow.upsert(
            VisitRule.__table__,
            {
                "id": natural_id("visit_rule", "village", day.isoformat()),
                "level": "village",
                "effective_from": day,
                "count": 2,
                "period_type": "quarter",
            },
        )

    with pytest.raises(ValidationError):
        write(trio[S1], S1, rule(dt.date(2026, 7, 1)))
    write(trio[S1], S1, rule(dt.date(2027, 1, 1)))


# --- the bureau sets the shared tables -------------------------------------------------------------------


def test_a_rule_from_the_bureau_reaches_the_station_but_the_stations_rule_stays_home(
    trio: dict[str, Path], tmp_path: Path
) -> None:
    def rule(count: int):  # type: ignore[no-untyped-def]
        return lambda uow: uow.upsert(
            VisitRule.__table__,
            {
                "id": natural_id("visit_rule", "city", "2027-01-01"),
                "level": "city",
                "effective_from": dt.date(2027, 1, 1),
                "count": count,
                "period_type": "quarter",
            },
        )

    rule_id = natural_id("visit_rule", "city", "2027-01-01")
    write(trio[BUREAU], BUREAU, rule(2))
    assert import_(trio[S1], S1, [export(trio[BUREAU], BUREAU, tmp_path, to=S1)]).exit_code == 0  # type: ignore[list-item]
    assert table_rows(trio[S1], VisitRule)[rule_id]["count"] == 2

    write(trio[S1], S1, rule(3), clock=_later())
    report = import_(
        trio[BUREAU], BUREAU, [export(trio[S1], S1, tmp_path, to=BUREAU, clock=_later())], clock=_later()
    )  # type: ignore[list-item]
    assert report.exit_code == 0 and report.total("set_aside") == 1
    assert table_rows(trio[BUREAU], VisitRule)[rule_id]["count"] == 2
    (conflict,) = table_rows(trio[BUREAU], Conflict).values()
    assert conflict["reason"] == "shared_down" and json.loads(conflict["lost_row"])["count"] == 3


def _later():  # type: ignore[no-untyped-def]
    clock = now_clock()
    clock.advance(minutes=5)
    return clock


def test_export_never_writes_a_value_import_would_refuse(trio: dict[str, Path], tmp_path: Path) -> None:
    """A description saved before the limits (written here by hand) stops the export with a message
    naming the record, rather than making a bundle the bureau can never take in."""
    import sqlite3

    from sync_helpers import business_id, cadre_id, put_visit

    def visit(uow):  # type: ignore[no-untyped-def]
        _roster(uow)
        put_visit(uow, cadre_id("13800000001"), business_id("91430204MA4L000001"), dt.date(2026, 11, 20))

    write(trio[S1], S1, visit)
    with sqlite3.connect(trio[S1]) as connection:
        connection.execute("UPDATE visits SET remarks = ?", ("很" * (4 << 20),))
    out = tmp_path / "stick"
    out.mkdir()
    with pytest.raises(ValidationError) as refused:
        export(trio[S1], S1, out, to=BUREAU)
    assert refused.value.code == "authority.export_too_long" and "2000" in refused.value.message()
    assert list(out.iterdir()) == []


# --- hubs chain: station -> county bureau -> city bureau -------------------------------------------------


def _unit(path: Path, code: str, region: str, *, bureau: bool) -> Path:
    from sync_helpers import PASSWORD

    from msfood.db.engine import open_database
    from msfood.services.setup.new_unit import initialise

    database = open_database(path, create=True)
    try:
        initialise(database, code=code, name=code, clock=now_clock(), region_code=region, bureau=bureau,
                   admin_username="admin", admin_password=PASSWORD)  # fmt: skip
    finally:
        database.close()
    return path


def test_a_county_hub_relays_the_records_of_its_stations_to_the_city(tmp_path: Path) -> None:
    from sync_helpers import business_id, enrol, seed_regions

    from msfood.db.models import Business

    hub, station = "430204-H", "430204-77"
    city = _unit(tmp_path / "city.sqlite", BUREAU, "430200", bureau=True)
    county = _unit(tmp_path / "county.sqlite", hub, "430204", bureau=True)
    town = _unit(tmp_path / "town.sqlite", station, "430204001", bureau=False)
    for source, target in ((county, city), (city, county), (town, county), (county, town)):
        enrol(source, target, tmp_path)
    out = tmp_path / "stick"
    out.mkdir()

    def send(src: Path, code: str, dst: Path, dst_code: str):  # type: ignore[no-untyped-def]
        bundle = export(src, code, out, to=dst_code)
        assert bundle is not None
        report = import_(dst, dst_code, [bundle])
        assert report.exit_code == 0, report.as_json()
        return report

    write(city, BUREAU, seed_regions)
    send(city, BUREAU, county, hub)
    send(county, hub, town, station)
    write(town, station, lambda uow: put_business(uow, "91430204MA4L000077", "430204001", name="镇上饭店"))
    send(town, station, county, hub)
    report = send(county, hub, city, BUREAU)

    assert report.total("set_aside") == 0, report.as_json()
    row = table_rows(city, Business)[business_id("91430204MA4L000077")]
    assert row["origin"] == station and row["name"] == "镇上饭店"
    assert table_rows(city, Conflict) == {}
