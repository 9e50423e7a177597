"""Adversarial suite (issue 12): a station's PC is misused. Its real signing key, read from its
database file, signs bundles that try to change what the station does not own; or the station's file
is edited by hand and exported the ordinary way. For every case: no traceback; exit 0 with the rows
set aside (in the conflicts view) or exit 1 refused naming them; the bureau's records and figures as
they were; the bureau still writes locally, its history verifies, it exports to every station; and
the victim station's own copy is unchanged after the relay."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msfood.core.ids import natural_id
from tests.e2e.hostile_peers import (
    B1,
    B2,
    C1,
    Q3_VISIT,
    Q4_VISIT,
    RAPID,
    S2_VISIT,
    audit_ok,
    build_world,
    edited,
    figures,
    forge,
    fresh,
    records_digest,
    row_of,
    stamp,
    stolen_key,
)
from tests.unit.sync.sync_helpers import (
    BUREAU,
    S1,
    S2,
    export,
    import_,
    put_business,
    put_visit,
    region_id,
    with_db,
    write,
)

SET_ASIDE, REFUSED = 0, 1


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("MSFOOD_HOME", str(home))
    return home


@pytest.fixture(scope="module")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    import os

    folder = tmp_path_factory.mktemp("hostile")
    previous = os.environ.get("MSFOOD_HOME")
    os.environ["MSFOOD_HOME"] = str(folder / "home")
    try:
        return build_world(folder / "dbs")
    finally:
        if previous is None:
            os.environ.pop("MSFOOD_HOME", None)
        else:
            os.environ["MSFOOD_HOME"] = previous


@pytest.fixture
def world(world_template: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "dbs"
    folder.mkdir()
    out = {}
    for code, path in world_template.items():
        out[code] = folder / path.name
        shutil.copyfile(path, out[code])
    return out


def attack(
    world: dict[str, Path], tmp_path: Path, bundle: Path, expected: int, *, genuine: bool = False
) -> Any:
    """Import a hostile bundle at the bureau and check everything the issue asks of it (`genuine`: a
    real export, which also carries the station's own new history entries)."""
    bureau, victim = world[BUREAU], world[S2]
    skip = None if genuine else BUREAU
    before = records_digest(bureau, skip_origin=skip)
    before_figures = figures(bureau)
    victim_before = records_digest(victim)

    report = import_(bureau, BUREAU, [bundle])

    outcome = report.bundles[0]
    text = outcome.message or ""
    assert "Traceback" not in text and "sqlalchemy" not in text.lower()
    assert report.exit_code == expected, (outcome.status, outcome.code, text, outcome.counts)
    if expected == REFUSED:
        assert outcome.status == "refused" and outcome.code and text
    else:
        assert outcome.counts.get("set_aside", 0) >= 1, outcome.counts
    assert records_digest(bureau, skip_origin=skip) == before
    assert figures(bureau) == before_figures
    still_works(world, tmp_path)
    assert records_digest(victim) == victim_before  # after the relay: nothing of it changed
    return report


def _victim_rows(database: Any) -> Any:
    from sqlalchemy import select

    from msfood.db.models import Business, Visit

    with database.sessions() as session:
        businesses = {
            r.id: (r.name, r.deleted, r.region_id, r.hlc) for r in session.scalars(select(Business))
        }
        visits = {r.id: (r.remarks, r.deleted, r.hlc) for r in session.scalars(select(Visit))}
    return businesses, visits


def still_works(world: dict[str, Path], tmp_path: Path) -> None:
    """The bureau writes locally (an audited write), verifies its history, exports to every station,
    and each station takes the bundle in; the victim's own records stay as they were."""
    bureau = world[BUREAU]
    victim_rows = with_db(world[S2], _victim_rows)
    write(bureau, BUREAU, lambda uow: put_business(uow, "91430200MA4L000099", "430200", name="市局直管"))
    assert audit_ok(bureau)
    for station in (S1, S2):
        out = tmp_path / f"down-{station}-{len(list(tmp_path.iterdir()))}"
        out.mkdir()
        bundle = export(bureau, BUREAU, out, to=station)
        assert bundle is not None
        report = import_(world[station], station, [bundle])
        assert report.exit_code == 0, report.as_json()
        assert audit_ok(world[station])
    assert with_db(world[S2], _victim_rows) == victim_rows


def key(world: dict[str, Path]) -> str:
    return stolen_key(world[S1])


# --- another station's records -----------------------------------------------------------------------


def test_renaming_another_stations_business_is_set_aside_with_both_versions(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from msfood.sync.conflicts import list_conflicts
    from tests.unit.sync.sync_helpers import ADMIN

    row = edited(world[BUREAU], "businesses", B2, name="被改的名字")  # as held at the bureau
    attack(world, tmp_path, forge(tmp_path, key(world), {"businesses": [row]}), SET_ASIDE)

    conflicts = with_db(world[BUREAU], lambda db: _conflicts(db, list_conflicts, ADMIN))
    (info,) = [c for c in conflicts if c.record_id == B2]
    assert info.reason == "outside_area"
    assert info.lost["name"] == "被改的名字" and info.current["name"] == "嵩山路餐馆"  # both versions


def _conflicts(database: Any, list_conflicts: Callable[..., Any], actor: Any) -> Any:
    with database.sessions() as session:
        return list_conflicts(session, actor=actor)


def test_tombstoning_another_stations_business_is_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = edited(world[BUREAU], "businesses", B2, deleted=True)
    visit = edited(world[BUREAU], "visits", S2_VISIT, deleted=True)
    attack(world, tmp_path, forge(tmp_path, key(world), {"businesses": [row], "visits": [visit]}), SET_ASIDE)


def test_rows_stamped_as_the_other_station_are_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = edited(world[BUREAU], "businesses", B2, origin=S2, name="冒名修改")
    attack(world, tmp_path, forge(tmp_path, key(world), {"businesses": [row]}), SET_ASIDE)


def test_moving_another_stations_business_into_ones_own_area_is_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = edited(world[BUREAU], "businesses", B2, region_id=region_id("430204001"))
    attack(world, tmp_path, forge(tmp_path, key(world), {"businesses": [row]}), SET_ASIDE)


def test_a_region_outside_the_area_is_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    new = fresh(
        "regions", id=region_id("430211002"), code="430211002", name="伪造街道", parent_id=region_id("430211")
    )
    renamed = edited(world[BUREAU], "regions", region_id("430211"), name="伪造区")
    attack(world, tmp_path, forge(tmp_path, key(world), {"regions": [new, renamed]}), SET_ASIDE)


def test_a_row_claiming_the_bureaus_own_origin_is_refused(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = edited(world[BUREAU], "businesses", B1, origin=BUREAU, name="冒充市局")
    report = attack(world, tmp_path, forge(tmp_path, key(world), {"businesses": [row]}), REFUSED)
    assert B1 in report.bundles[0].message


def test_another_units_own_record_is_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    unit = row_of(world[BUREAU], "units", natural_id("unit", S2))
    unit.update(name="被改的所", hlc=stamp(S1), origin=S1, base_hlc=unit["hlc"])
    attack(world, tmp_path, forge(tmp_path, key(world), {"units": [unit]}), SET_ASIDE)


# --- shared tables set by the bureau --------------------------------------------------------------------


def test_visit_rules_set_to_zero_are_refused(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from msfood.db.models import VisitRule

    ids = with_db(world[BUREAU], lambda db: _ids(db, select(VisitRule.id)))
    rows = [edited(world[BUREAU], "visit_rules", i, count=0) for i in ids]
    report = attack(world, tmp_path, forge(tmp_path, key(world), {"visit_rules": rows}), REFUSED)
    assert "1 到 99" in report.bundles[0].message


def test_a_valid_rule_change_from_a_station_is_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from msfood.db.models import VisitRule

    ids = with_db(world[BUREAU], lambda db: _ids(db, select(VisitRule.id)))
    rows = [edited(world[BUREAU], "visit_rules", i, count=9) for i in ids]
    attack(world, tmp_path, forge(tmp_path, key(world), {"visit_rules": rows}), SET_ASIDE)


def _ids(database: Any, query: Any) -> list[str]:
    with database.sessions() as session:
        return list(session.scalars(query))


@pytest.mark.parametrize("value", ['"abc"', "{not json", "0", "-5", "[1, 2]"])
def test_an_unreadable_setting_is_refused(world, tmp_path, value: str) -> None:  # type: ignore[no-untyped-def]
    setting = natural_id("setting", "daily_threshold_pct")
    row = edited(world[BUREAU], "settings", setting, value=value)
    attack(world, tmp_path, forge(tmp_path, key(world), {"settings": [row]}), REFUSED)


def test_an_edited_rule_in_the_stations_own_file_exported_as_usual(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The station's file edited by hand (a rule to 0, another station's region renamed), then an
    ordinary, genuinely signed and sealed `bundle export`."""
    station = world[S1]
    with sqlite3.connect(station) as connection:
        seq = int(connection.execute("SELECT value FROM meta WHERE key='local_seq'").fetchone()[0])
        connection.execute(
            "UPDATE visit_rules SET count = 0, hlc = ?, origin = ?, local_seq = ? WHERE level = 'village'",
            (stamp(S1), S1, seq + 1),
        )
        connection.execute("UPDATE meta SET value = ? WHERE key = 'local_seq'", (str(seq + 1),))
    out = tmp_path / "stick"
    out.mkdir()
    bundle = export(station, S1, out, to=BUREAU)
    assert bundle is not None
    attack(world, tmp_path, bundle, REFUSED, genuine=True)


def test_a_region_of_another_area_renamed_in_the_file_and_exported(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    station = world[S1]
    with sqlite3.connect(station) as connection:
        seq = int(connection.execute("SELECT value FROM meta WHERE key='local_seq'").fetchone()[0])
        connection.execute(
            "UPDATE regions SET name = '伪造区', hlc = ?, origin = ?, local_seq = ? WHERE code = '430211'",
            (stamp(S1), S1, seq + 1),
        )
        connection.execute("UPDATE meta SET value = ? WHERE key = 'local_seq'", (str(seq + 1),))
    out = tmp_path / "stick"
    out.mkdir()
    bundle = export(station, S1, out, to=BUREAU)
    assert bundle is not None
    attack(world, tmp_path, bundle, SET_ASIDE, genuine=True)


# --- closed periods --------------------------------------------------------------------------------


def test_closing_the_year_from_a_station_is_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = fresh(
        "closed_periods",
        id=natural_id("closed_period", "2026"),
        period_key="2026",
        start_date="2026-01-01",
        end_date="2026-12-31",
        closed=True,
        closed_by="admin",
    )
    attack(world, tmp_path, forge(tmp_path, key(world), {"closed_periods": [row]}), SET_ASIDE)
    # 2026 is open at the bureau: its own visit of today is written.
    write(world[BUREAU], BUREAU, lambda uow: put_visit(uow, C1, B1, dt.date(2026, 11, 23)))


def test_reopening_a_closed_quarter_is_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = edited(world[BUREAU], "closed_periods", natural_id("closed_period", "2026Q3"), closed=False)
    attack(world, tmp_path, forge(tmp_path, key(world), {"closed_periods": [row]}), SET_ASIDE)


def test_reopening_a_closed_quarter_and_editing_it_is_refused(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    reopen = edited(world[BUREAU], "closed_periods", natural_id("closed_period", "2026Q3"), closed=False)
    visit = edited(world[BUREAU], "visits", Q3_VISIT, deleted=True)
    bundle = forge(tmp_path, key(world), {"closed_periods": [reopen], "visits": [visit]})
    attack(world, tmp_path, bundle, REFUSED)


def test_an_assignment_moved_into_a_closed_quarter_is_refused(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assignment = natural_id("assignment", C1, B1, "2026-01-01")
    row = edited(world[BUREAU], "assignments", assignment, end_date="2026-08-01")
    attack(world, tmp_path, forge(tmp_path, key(world), {"assignments": [row]}), REFUSED)


def test_a_closure_reaching_into_a_closed_quarter_is_refused(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = fresh(
        "business_closures",
        id=natural_id("business_closure", B1, "2026-09-01"),
        business_id=B1,
        start_date="2026-09-01",
        end_date="2026-11-30",
        reason="装修",
    )
    attack(world, tmp_path, forge(tmp_path, key(world), {"business_closures": [row]}), REFUSED)


# --- values the forms refuse ---------------------------------------------------------------------


def test_negative_counts_are_refused(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = edited(world[BUREAU], "rapid_tests", RAPID, batches=-6, positives=0)
    report = attack(world, tmp_path, forge(tmp_path, key(world), {"rapid_tests": [row]}), REFUSED)
    assert "-6" in report.bundles[0].message


def test_more_positives_than_batches_are_refused(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = edited(world[BUREAU], "rapid_tests", RAPID, batches=2, positives=3)
    attack(world, tmp_path, forge(tmp_path, key(world), {"rapid_tests": [row]}), REFUSED)


def test_a_closure_from_0001_to_9999_is_refused(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = fresh(
        "business_closures",
        id=natural_id("business_closure", B1, "0001-01-01"),
        business_id=B1,
        start_date="0001-01-01",
        end_date="9999-12-31",
        reason="永久",
    )
    report = attack(world, tmp_path, forge(tmp_path, key(world), {"business_closures": [row]}), REFUSED)
    assert "0001-01-01" in report.bundles[0].message


def test_a_closure_ending_before_it_starts_is_refused(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = fresh(
        "business_closures",
        id=natural_id("business_closure", B1, "2026-12-20"),
        business_id=B1,
        start_date="2026-12-20",
        end_date="2026-12-01",
        reason="",
    )
    attack(world, tmp_path, forge(tmp_path, key(world), {"business_closures": [row]}), REFUSED)


def test_control_characters_are_refused(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    row = edited(world[BUREAU], "businesses", B1, name="清水塘\x07饭店\x1b[2J")
    report = attack(world, tmp_path, forge(tmp_path, key(world), {"businesses": [row]}), REFUSED)
    assert "\\x07" in report.bundles[0].message and "\x07" not in report.bundles[0].message


def test_a_loop_in_the_region_tree_is_refused(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Within the station's own area: a village under the township, and the township under the village."""
    township, village = region_id("430204001"), region_id("430204001001")
    below = fresh("regions", id=village, code="430204001001", name="环形村", parent_id=township)
    looped = edited(world[BUREAU], "regions", township, parent_id=village)
    report = attack(world, tmp_path, forge(tmp_path, key(world), {"regions": [below, looped]}), REFUSED)
    assert "430204001" in report.bundles[0].message and "循环" in report.bundles[0].message


def test_a_loop_already_held_does_not_hang_the_export(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A loop in the tree from before this release (written by hand): the export still ends."""
    with sqlite3.connect(world[BUREAU]) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(
            "UPDATE regions SET parent_id = ? WHERE code = '430204'", (region_id("430204001"),)
        )
    out = tmp_path / "out"
    out.mkdir()
    assert export(world[BUREAU], BUREAU, out, to=S1, full=True) is not None


def test_a_four_mebibyte_description_is_refused_whole(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    problem = natural_id("problem", Q4_VISIT, 1)
    row = edited(world[BUREAU], "problems", problem, description="很" * (4 << 20))
    attack(world, tmp_path, forge(tmp_path, key(world), {"problems": [row]}), REFUSED)


def test_a_long_description_cannot_be_saved_so_the_station_keeps_syncing(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from msfood.core.errors import ValidationError
    from msfood.services.work.visits import record_visit

    def save(text: str) -> Callable[[Any], Any]:
        return lambda uow: record_visit(
            uow,
            cadre_id=C1,
            business_id=B1,
            visit_date=dt.date(2026, 11, 20),
            mode="onsite",
            problems=[{"description": text}],
        )

    with pytest.raises(ValidationError) as refused:
        write(world[S1], S1, save("很" * (4 << 20)))
    assert refused.value.issues[0].code == "value.too_long"
    write(world[S1], S1, save("很" * 2000))  # the longest a bundle takes: it travels
    out = tmp_path / "up"
    out.mkdir()
    report = import_(world[BUREAU], BUREAU, [export(world[S1], S1, out, to=BUREAU)])  # type: ignore[list-item]
    assert report.exit_code == 0, report.as_json()


# --- history ------------------------------------------------------------------------------------------


def _bureau_head(db: Path) -> tuple[int, str]:
    with sqlite3.connect(db) as connection:
        meta = dict(connection.execute("SELECT key, value FROM meta"))
    return int(meta["audit_seq"]), meta["audit_head"]


def _chained_entry(origin: str, seq: int, prev: str, *, stamp_origin: str) -> dict[str, Any]:
    from msfood.services.writing.audit_chain import chain_hash

    at = "2026-11-24 02:01:00.000000"
    values = (origin, seq, "admin", dt.datetime(2026, 11, 24, 2, 1), "update", "businesses", B1, None, "{}")
    row = fresh(
        "audit_log",
        origin=stamp_origin,
        seq=seq,
        actor="admin",
        at=at,
        action="update",
        table_name="businesses",
        record_id=B1,
        before=None,
        after="{}",
        prev_hash=prev,
        hash=chain_hash(prev, values),
    )
    row["origin"] = origin
    row["hlc"] = stamp(origin)
    return row


def test_an_entry_in_the_bureaus_own_chain_is_refused_and_never_blocks_its_writes(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    seq, head = _bureau_head(world[BUREAU])
    entry = _chained_entry(BUREAU, seq + 1, head, stamp_origin=BUREAU)
    report = attack(world, tmp_path, forge(tmp_path, key(world), {"audit_log": [entry]}), REFUSED)
    assert report.bundles[0].code == "authority.refused"


def test_well_hashed_fake_entries_in_another_stations_chain_are_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with sqlite3.connect(world[BUREAU]) as connection:
        seq, head = connection.execute(
            "SELECT seq, hash FROM audit_log WHERE origin = ? ORDER BY seq DESC LIMIT 1", (S2,)
        ).fetchone()
    entry = _chained_entry(S2, seq + 1, head, stamp_origin=S2)
    attack(world, tmp_path, forge(tmp_path, key(world), {"audit_log": [entry]}), SET_ASIDE)


def test_an_entry_clashing_with_one_held_is_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with sqlite3.connect(world[BUREAU]) as connection:
        (prev,) = connection.execute(
            "SELECT prev_hash FROM audit_log WHERE origin = ? AND seq = 2", (S1,)
        ).fetchone()
    entry = _chained_entry(S1, 2, prev, stamp_origin=S1)  # a second entry 2 of S1's own chain
    attack(world, tmp_path, forge(tmp_path, key(world), {"audit_log": [entry]}), SET_ASIDE)


def test_an_entry_changed_after_the_fact_is_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with sqlite3.connect(world[BUREAU]) as connection:
        (entry_id,) = connection.execute(
            "SELECT id FROM audit_log WHERE origin = ? AND seq = 3", (S1,)
        ).fetchone()
    row = edited(world[BUREAU], "audit_log", entry_id, after='{"name": "改写历史"}')
    attack(world, tmp_path, forge(tmp_path, key(world), {"audit_log": [row]}), SET_ASIDE)


# --- an honest bundle still lands --------------------------------------------------------------------


def test_an_honest_edit_beside_the_attacks_still_lands(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    mine = edited(world[BUREAU], "businesses", B1, name="清水塘饭店（新）")
    theirs = edited(world[BUREAU], "businesses", B2, name="被改")
    report = import_(world[BUREAU], BUREAU, [forge(tmp_path, key(world), {"businesses": [mine, theirs]})])
    assert report.exit_code == 0 and report.total("set_aside") == 1 and report.total("updated") == 1
    assert row_of(world[BUREAU], "businesses", B1)["name"] == "清水塘饭店（新）"
    assert row_of(world[BUREAU], "businesses", B2)["name"] == "嵩山路餐馆"
    still_works(world, tmp_path)


# --- random hostile rows -------------------------------------------------------------------------------

TARGETS = [
    ("businesses", B2, ["name", "grade", "deleted", "region_id"]),
    ("businesses", B1, ["name", "grade", "rest_days", "credit_code"]),
    ("visits", S2_VISIT, ["remarks", "mode", "visit_date", "deleted"]),
    ("visits", Q4_VISIT, ["remarks", "visit_date", "mode"]),
    ("rapid_tests", RAPID, ["batches", "positives", "test_date", "item"]),
    ("regions", region_id("430211"), ["name", "parent_id", "code"]),
    ("regions", region_id("430204"), ["parent_id", "name"]),
]
hostile_value = st.one_of(
    st.integers(-(10**12), 10**12),
    st.text(max_size=20),
    st.sampled_from(["0001-01-01", "9999-12-31", "2026-08-10", "2026-02-30", "", "\x00", "A", "ZZ"]),
    st.booleans(),
    st.none(),
    st.sampled_from([B1, B2, region_id("430204001"), region_id("430211001"), region_id("430200")]),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    target=st.sampled_from(TARGETS),
    data=st.data(),
    origin=st.sampled_from([S1, S2, BUREAU]),
)
def test_random_hostile_rows_change_nothing_outside_the_senders_ground(  # type: ignore[no-untyped-def]
    world_template, tmp_path_factory, target, data, origin
) -> None:
    folder = tmp_path_factory.mktemp("random")
    world = {}
    for code, path in world_template.items():
        world[code] = folder / path.name
        shutil.copyfile(path, world[code])
    table, record, columns = target
    changes = {
        c: data.draw(hostile_value, label=c)
        for c in data.draw(st.lists(st.sampled_from(columns), min_size=1, max_size=3, unique=True))
    }
    row = edited(world[BUREAU], table, record, origin=origin, **changes)
    protected_before = _protected(world[BUREAU])
    report = import_(world[BUREAU], BUREAU, [forge(folder, key(world), {table: [row]})])
    text = report.bundles[0].message or ""
    assert report.exit_code in (0, 1) and "Traceback" not in text, text
    assert _protected(world[BUREAU]) == protected_before
    assert audit_ok(world[BUREAU])
    write(world[BUREAU], BUREAU, lambda uow: put_business(uow, "91430200MA4L000098", "430200", name="市局"))
    out = folder / "down"
    out.mkdir()
    for station in (S1, S2):
        assert export(world[BUREAU], BUREAU, out, to=station) is not None


def _protected(db: Path) -> Any:
    """What S1 may never change at the bureau: S2's records, the regions outside S1's area, the
    bureau's own chain (which grows by the import's own entry when the bundle is taken in)."""
    with sqlite3.connect(db) as connection:
        return (
            connection.execute("SELECT * FROM businesses WHERE id = ?", (B2,)).fetchall(),
            connection.execute("SELECT * FROM visits WHERE business_id = ?", (B2,)).fetchall(),
            connection.execute("SELECT * FROM regions WHERE code NOT LIKE '430204%' ORDER BY id").fetchall(),
            # the bureau's own chain: only its own entries (one more for an import), checked by audit_ok
            connection.execute(
                "SELECT count(*) FROM audit_log WHERE origin = ? AND action != 'bundle_import'", (BUREAU,)
            ).fetchall(),
        )


def test_hanging_ones_area_under_another_district_is_set_aside(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The area's own region moved under 天元区 would count the station's businesses as the other
    district's in every figure by region."""
    row = edited(world[BUREAU], "regions", region_id("430204"), parent_id=region_id("430211"))
    attack(world, tmp_path, forge(tmp_path, key(world), {"regions": [row]}), SET_ASIDE)


def test_as_people_run_it_the_cli_refuses_with_a_plain_message(world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The forged entry into the bureau's chain through `msfood bundle import`: exit 1, a plain
    message naming the record, no traceback; then `stats`, `audit verify` and `bundle export` work."""
    from tests.e2e.test_cli_sync import runner

    run = runner(tmp_path / "cli-home")
    seq, head = _bureau_head(world[BUREAU])
    entry = _chained_entry(BUREAU, seq + 1, head, stamp_origin=BUREAU)
    bundle = forge(tmp_path, key(world), {"audit_log": [entry]})
    db = str(world[BUREAU])

    done = run("bundle", "import", "--db", db, str(bundle))
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout
    assert entry["id"] in done.stderr + done.stdout and "审计记录" in done.stderr + done.stdout
    stats = run("stats", "--db", db, "--period", "2026Q4", "--as-of", "2026-11-24", "--json")
    assert stats.returncode == 0, stats.stderr
    verify = run("audit", "verify", "--db", db)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    (tmp_path / "out").mkdir()
    for station in (S1, S2):
        sent = run("bundle", "export", "--db", db, "--out", str(tmp_path / "out"), "--to", station)
        assert sent.returncode == 0, sent.stderr
