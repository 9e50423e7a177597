"""Bundles between a bureau and its stations: what travels, to whom, and what a merge keeps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sync_helpers import (
    BUREAU,
    S1,
    S2,
    business_id,
    export,
    import_,
    peer_row,
    put_business,
    put_cadre,
    put_region,
    put_visit,
    region_id,
    scope_rows,
    seed_regions,
    table_rows,
    write,
)

from msfood.db.models import Business, Cadre, Conflict, Region, Visit
from msfood.services.writing.unit_of_work import table_of
from msfood.sync.scope import Scope

DAY = dt.date(2026, 11, 20)


def station_roster(uow) -> None:  # type: ignore[no-untyped-def]
    seed_regions(uow)
    business = put_business(uow, "91430204MA4L000001", "430204001", name="清水塘饭店")
    cadre = put_cadre(uow, "13800000001", "430204001", name="张三")
    put_visit(uow, cadre, business, DAY, remarks="正常")


def send(paths: dict[str, Path], sender: str, receiver: str, folder: Path, **kwargs) -> Path | None:  # type: ignore[no-untyped-def]
    return export(paths[sender], sender, folder, to=receiver, **kwargs)


def test_a_station_bundle_reaches_the_bureau_with_its_stamps(trio: dict[str, Path], tmp_path: Path) -> None:
    write(trio[S1], S1, station_roster)
    bundle = send(trio, S1, BUREAU, tmp_path)
    assert bundle is not None and bundle.name == f"{S1}-to-{BUREAU}-00001.msfb"

    report = import_(trio[BUREAU], BUREAU, [bundle])

    assert report.exit_code == 0
    assert report.total("new") > 0 and report.errors == []
    at_station, at_bureau = table_rows(trio[S1], Visit), table_rows(trio[BUREAU], Visit)
    (visit_id,) = at_station
    for column in ("hlc", "base_hlc", "origin", "remarks", "visit_date", "entered_at", "deleted"):
        assert at_bureau[visit_id][column] == at_station[visit_id][column]
    assert at_bureau[visit_id]["origin"] == S1


def test_the_same_bundle_twice_is_reported_and_changes_nothing(trio: dict[str, Path], tmp_path: Path) -> None:
    write(trio[S1], S1, station_roster)
    bundle = send(trio, S1, BUREAU, tmp_path)
    assert bundle is not None
    import_(trio[BUREAU], BUREAU, [bundle])
    before = table_rows(trio[BUREAU], Business)

    report = import_(trio[BUREAU], BUREAU, [bundle])

    assert report.exit_code == 3
    assert [b.status for b in report.bundles] == ["already"]
    assert table_rows(trio[BUREAU], Business) == before


def test_a_station_gets_its_area_and_the_shared_tables_only(trio: dict[str, Path], tmp_path: Path) -> None:
    write(trio[S1], S1, station_roster)
    import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path)])  # type: ignore[list-item]
    write(trio[BUREAU], BUREAU, lambda uow: put_business(uow, "91430211MA4L000002", "430211001"))

    import_(trio[S2], S2, [send(trio, BUREAU, S2, tmp_path)])  # type: ignore[list-item]

    at_s2 = table_rows(trio[S2], Business)
    assert business_id("91430211MA4L000002") in at_s2
    assert business_id("91430204MA4L000001") not in at_s2  # S1's business is not S2's business
    assert table_rows(trio[S2], Visit) == {}
    assert region_id("430204001") in table_rows(trio[S2], Region)  # regions are shared


def test_a_relayed_change_reaches_the_other_station_and_is_not_echoed(
    trio: dict[str, Path], tmp_path: Path
) -> None:
    write(trio[S1], S1, station_roster)
    write(trio[S1], S1, lambda uow: put_region(uow, "430204002", "新街道", "430204"))
    import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path)])  # type: ignore[list-item]
    import_(trio[S2], S2, [send(trio, BUREAU, S2, tmp_path)])  # type: ignore[list-item]
    assert table_rows(trio[S2], Region)[region_id("430204002")]["origin"] == S1

    back = send(trio, S2, BUREAU, tmp_path)
    assert back is not None
    report = import_(trio[BUREAU], BUREAU, [back])

    regions = report.bundles[0].by_table.get("regions", {})
    assert regions.get("new", 0) == 0 and regions.get("updated", 0) == 0


def test_records_the_bureau_makes_about_a_station_business_reach_it(
    trio: dict[str, Path], tmp_path: Path
) -> None:
    write(trio[S1], S1, station_roster)
    import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path)])  # type: ignore[list-item]
    import_(trio[S1], S1, [send(trio, BUREAU, S1, tmp_path)])  # type: ignore[list-item]

    def county_visit(uow) -> None:  # type: ignore[no-untyped-def]
        cadre = put_cadre(uow, "13900000009", "430200", name="县级干部")  # not in S1's area
        put_visit(uow, cadre, business_id("91430204MA4L000001"), DAY + dt.timedelta(days=1))

    write(trio[BUREAU], BUREAU, county_visit)
    report = import_(trio[S1], S1, [send(trio, BUREAU, S1, tmp_path)])  # type: ignore[list-item]

    assert report.exit_code == 0
    assert len(table_rows(trio[S1], Visit)) == 2
    assert any(c["phone"] == "13900000009" for c in table_rows(trio[S1], Cadre).values())


def test_a_lost_bundle_costs_nothing_and_gaps_are_named(trio: dict[str, Path], tmp_path: Path) -> None:
    write(trio[S1], S1, station_roster)
    lost = send(trio, S1, BUREAU, tmp_path)
    assert lost is not None and lost.name.endswith("00001.msfb")
    write(trio[S1], S1, lambda uow: put_business(uow, "91430204MA4L000003", "430204001"))
    second = send(trio, S1, BUREAU, tmp_path)
    assert second is not None

    report = import_(trio[BUREAU], BUREAU, [second])

    assert report.bundles[0].gaps == [(1, 1)]
    assert {business_id("91430204MA4L000001"), business_id("91430204MA4L000003")} <= set(
        table_rows(trio[BUREAU], Business)
    )
    # The bureau's acknowledgement rides back; then the station has nothing more to send.
    reply = send(trio, BUREAU, S1, tmp_path)
    assert reply is not None
    import_(trio[S1], S1, [reply])
    assert peer_row(trio[S1], BUREAU)["acked_seq"] > 0
    leftover = send(trio, S1, BUREAU, tmp_path)
    if leftover is not None:  # at most the station's own import entry and its acknowledgement
        report = import_(trio[BUREAU], BUREAU, [leftover])
        assert report.total("updated") == 0 and set(report.bundles[0].by_table) <= {"audit_log"}
    # The late bundle still imports and changes nothing.
    late = import_(trio[BUREAU], BUREAU, [lost])
    assert late.total("new") == 0 and late.total("updated") == 0 and late.total("conflicts") == 0


def test_edits_one_after_another_make_no_conflict(trio: dict[str, Path], tmp_path: Path) -> None:
    write(trio[S1], S1, station_roster)
    import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path)])  # type: ignore[list-item]
    business = business_id("91430204MA4L000001")
    for grade in ("B", "A"):  # two edits at the station between bundles
        write(trio[S1], S1, lambda uow, g=grade: uow.upsert(table_of(Business), {"id": business, "grade": g}))
    import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path)])  # type: ignore[list-item]
    write(trio[BUREAU], BUREAU, lambda uow: uow.upsert(table_of(Business), {"id": business, "grade": "D"}))
    import_(trio[S1], S1, [send(trio, BUREAU, S1, tmp_path)])  # type: ignore[list-item]

    assert table_rows(trio[S1], Business)[business]["grade"] == "D"
    assert table_rows(trio[BUREAU], Conflict) == {} and table_rows(trio[S1], Conflict) == {}


def test_concurrent_edits_agree_and_keep_the_loser(trio: dict[str, Path], tmp_path: Path) -> None:
    write(trio[S1], S1, station_roster)
    import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path)])  # type: ignore[list-item]
    import_(trio[S1], S1, [send(trio, BUREAU, S1, tmp_path)])  # type: ignore[list-item]
    business = business_id("91430204MA4L000001")
    write(trio[S1], S1, lambda uow: uow.upsert(table_of(Business), {"id": business, "name": "站里改的名"}))
    write(
        trio[BUREAU],
        BUREAU,
        lambda uow: uow.upsert(table_of(Business), {"id": business, "name": "市局改的名"}),
    )
    to_bureau = send(trio, S1, BUREAU, tmp_path)
    to_station = send(trio, BUREAU, S1, tmp_path)

    import_(trio[BUREAU], BUREAU, [to_bureau])  # type: ignore[list-item]
    import_(trio[S1], S1, [to_station])  # type: ignore[list-item]

    final_s1, final_b = table_rows(trio[S1], Business)[business], table_rows(trio[BUREAU], Business)[business]
    assert final_s1["name"] == final_b["name"] and final_s1["hlc"] == final_b["hlc"]
    for path in (trio[S1], trio[BUREAU]):
        (conflict,) = table_rows(path, Conflict).values()
        assert conflict["record_id"] == business and conflict["reason"] == "concurrent"
        assert {"站里改的名", "市局改的名"} - {final_s1["name"]} == {
            __import__("json").loads(conflict["lost_row"])["name"]
        }


def test_records_stamped_years_ahead_are_refused(trio: dict[str, Path], tmp_path: Path) -> None:
    from sync_helpers import db_digest, now_clock

    future = now_clock()
    future.advance(days=3 * 365)
    write(trio[S1], S1, lambda uow: put_region(uow, "430204002", "未来街道"), clock=future)
    bundle = send(trio, S1, BUREAU, tmp_path, clock=future)
    before = db_digest(trio[BUREAU])

    report = import_(trio[BUREAU], BUREAU, [bundle])  # type: ignore[list-item]

    assert report.exit_code == 1
    assert report.bundles[0].code == "bundle.clock_ahead"
    assert "时钟" in (report.bundles[0].message or "")
    assert db_digest(trio[BUREAU]) == before


def test_a_full_bundle_after_sync_changes_nothing(trio: dict[str, Path], tmp_path: Path) -> None:
    write(trio[S1], S1, station_roster)
    import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path)])  # type: ignore[list-item]
    before = scope_rows(trio[BUREAU], Scope())

    report = import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path, full=True)])  # type: ignore[list-item]

    assert report.total("new") <= 1 and report.total("updated") == 0  # at most the station's export entry
    after = scope_rows(trio[BUREAU], Scope())
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"
    }


def test_the_core_merge_gives_what_the_sqlite_merge_gives(trio: dict[str, Path], tmp_path: Path) -> None:
    import shutil

    write(trio[S1], S1, station_roster)
    bundle = send(trio, S1, BUREAU, tmp_path)
    twin = tmp_path / "twin.sqlite"
    shutil.copyfile(trio[BUREAU], twin)

    fast = import_(trio[BUREAU], BUREAU, [bundle])  # type: ignore[list-item]
    core = import_(twin, BUREAU, [bundle], prefer_core=True)  # type: ignore[list-item]

    assert fast.as_json()["bundles"][0]["tables"] == core.as_json()["bundles"][0]["tables"]
    mine = {k: v for k, v in scope_rows(trio[BUREAU], Scope()).items() if k != "audit_log"}
    theirs = {k: v for k, v in scope_rows(twin, Scope()).items() if k != "audit_log"}
    assert mine == theirs and mine["visits"]


def test_a_sealed_export_leaves_only_the_sealed_file(trio: dict[str, Path], tmp_path: Path) -> None:
    from msfood.sync.crypto import is_sealed

    write(trio[S1], S1, station_roster)
    out = tmp_path / "stick"
    out.mkdir()
    bundle = send(trio, S1, BUREAU, out)
    assert bundle is not None and is_sealed(bundle)
    assert sorted(p.name for p in out.iterdir()) == [bundle.name]
    assert b"91430204MA4L000001" not in bundle.read_bytes()


def test_a_receiver_restored_from_an_old_backup_is_told_to_ask_for_a_full_bundle(
    trio: dict[str, Path], tmp_path: Path
) -> None:
    import shutil

    old = tmp_path / "bureau-before.sqlite"
    shutil.copyfile(trio[BUREAU], old)
    write(trio[S1], S1, station_roster)
    import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path)])  # type: ignore[list-item]
    import_(trio[S1], S1, [send(trio, BUREAU, S1, tmp_path)])  # type: ignore[list-item]
    shutil.copyfile(old, trio[BUREAU])  # the bureau goes back to its old backup
    # The station's acknowledgement came back; a change pointing at nothing the bureau lacks:
    write(trio[S1], S1, lambda uow: put_region(uow, "430299", "新区"))

    report = import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path)])  # type: ignore[list-item]

    assert report.exit_code == 0 and report.bundles[0].behind
    assert report.as_json()["bundles"][0]["behind"] is True
    assert business_id("91430204MA4L000001") not in table_rows(trio[BUREAU], Business)
    full = import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path, full=True)])  # type: ignore[list-item]
    assert not full.bundles[0].behind
    assert business_id("91430204MA4L000001") in table_rows(trio[BUREAU], Business)


def test_a_large_merge_refreshes_the_planner_statistics(
    trio: dict[str, Path], tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """After a merge that wrote at least BULK_ROWS records, ANALYZE ran (sqlite_stat1 filled); a
    smaller one leaves the statistics alone."""
    import sqlite3

    from msfood.sync import importer

    def analysed(path: Path) -> int:
        with sqlite3.connect(path) as conn:
            has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
            return conn.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] if has_table else 0

    write(trio[S1], S1, station_roster)
    first = send(trio, S1, BUREAU, tmp_path)
    assert first is not None
    monkeypatch.setattr(importer, "BULK_ROWS", 10**9)
    assert import_(trio[BUREAU], BUREAU, [first]).exit_code == 0
    assert analysed(trio[BUREAU]) == 0

    write(trio[S1], S1, lambda uow: put_business(uow, "91430204MA4L000028", "430204001", name="田心饭店"))
    second = send(trio, S1, BUREAU, tmp_path)
    assert second is not None
    monkeypatch.setattr(importer, "BULK_ROWS", 1)
    assert import_(trio[BUREAU], BUREAU, [second]).exit_code == 0
    assert analysed(trio[BUREAU]) > 0


def test_a_station_chain_cut_back_at_the_bureau_is_reported(trio: dict[str, Path], tmp_path: Path) -> None:
    """The merge records how much of each station's history the bureau holds, so `audit verify` at the
    bureau names a station chain that was later cut back there."""
    import sqlite3
    from contextlib import closing

    from sync_helpers import with_db

    from msfood.services.history.audit import verify_chain

    write(trio[S1], S1, station_roster)
    assert import_(trio[BUREAU], BUREAU, [send(trio, S1, BUREAU, tmp_path)]).exit_code == 0

    def verify(database):  # type: ignore[no-untyped-def]
        with database.readers() as session:
            return verify_chain(session)

    assert with_db(trio[BUREAU], verify).ok
    with closing(sqlite3.connect(trio[BUREAU])) as conn:  # the station's newest entry removed by hand
        (top,) = conn.execute("SELECT max(seq) FROM audit_log WHERE origin = ?", (S1,)).fetchone()
        conn.execute("DELETE FROM audit_log WHERE origin = ? AND seq = ?", (S1, top))
        conn.commit()
    broken = with_db(trio[BUREAU], verify).first_broken
    assert broken is not None and (broken.origin, broken.reason) == (S1, "cut_back")
