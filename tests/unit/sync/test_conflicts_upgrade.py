"""Resolving conflicts, records that claim a natural key twice, and bundles of an older schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import (
    ADMIN,
    BUREAU,
    S1,
    business_id,
    cadre_id,
    export,
    import_,
    meta_value,
    put_business,
    put_cadre,
    rewrite_bundle,
    seed_regions,
    table_rows,
    with_db,
    write,
)

from msfood.core.errors import PermissionDenied, ValidationError
from msfood.db.models import Business, Cadre, Conflict
from msfood.services.writing.permissions import Actor
from msfood.services.writing.unit_of_work import table_of
from msfood.sync import conflicts as conflict_service
from msfood.sync import upgrade


def concurrent_names(trio: dict[str, Path], tmp_path: Path) -> str:
    """The station and the bureau rename one business at once; both take the other's bundle."""
    write(trio[S1], S1, lambda uow: (seed_regions(uow), put_business(uow, "91430204MA4L000001", "430204001")))
    import_(trio[BUREAU], BUREAU, [export(trio[S1], S1, tmp_path, to=BUREAU)])  # type: ignore[list-item]
    business = business_id("91430204MA4L000001")
    write(trio[S1], S1, lambda uow: uow.upsert(table_of(Business), {"id": business, "name": "站里的名字"}))
    write(
        trio[BUREAU],
        BUREAU,
        lambda uow: uow.upsert(table_of(Business), {"id": business, "name": "市局的名字"}),
    )
    to_bureau = export(trio[S1], S1, tmp_path, to=BUREAU)
    to_station = export(trio[BUREAU], BUREAU, tmp_path, to=S1)
    import_(trio[BUREAU], BUREAU, [to_bureau])  # type: ignore[list-item]
    import_(trio[S1], S1, [to_station])  # type: ignore[list-item]
    return business


def listed(path: Path, **kwargs: Any) -> list[conflict_service.ConflictInfo]:
    def run(database):  # type: ignore[no-untyped-def]
        with database.sessions() as session:
            return conflict_service.list_conflicts(session, actor=ADMIN, **kwargs)

    return with_db(path, run)


def test_a_conflict_shows_both_versions_and_keeping_the_lost_one_wins_everywhere(
    trio: dict[str, Path], tmp_path: Path
) -> None:
    business = concurrent_names(trio, tmp_path)
    (info,) = listed(trio[S1])
    assert info.reason == "concurrent" and info.record_id == business
    assert {info.current["name"], info.lost["name"]} == {"站里的名字", "市局的名字"}  # type: ignore[index]
    assert info.differing == ("name",) and not info.can_keep_both
    lost_name = info.lost["name"]

    write(trio[S1], S1, lambda uow: conflict_service.resolve_conflict(uow, conflict_id=info.id, keep="lost"))
    import_(trio[BUREAU], BUREAU, [export(trio[S1], S1, tmp_path, to=BUREAU)])  # type: ignore[list-item]

    assert table_rows(trio[S1], Business)[business]["name"] == lost_name
    assert table_rows(trio[BUREAU], Business)[business]["name"] == lost_name
    assert listed(trio[S1]) == [] and len(listed(trio[S1], include_resolved=True)) == 1


def test_keeping_the_current_version_only_closes_the_conflict(trio: dict[str, Path], tmp_path: Path) -> None:
    business = concurrent_names(trio, tmp_path)
    before = table_rows(trio[BUREAU], Business)[business]
    (info,) = listed(trio[BUREAU])
    write(
        trio[BUREAU],
        BUREAU,
        lambda uow: conflict_service.resolve_conflict(uow, conflict_id=info.id, keep="current"),
    )
    assert table_rows(trio[BUREAU], Business)[business] == before
    (closed,) = listed(trio[BUREAU], include_resolved=True)
    assert closed.resolution == "current" and closed.resolved_at is not None
    with pytest.raises(ValidationError):
        write(
            trio[BUREAU],
            BUREAU,
            lambda uow: conflict_service.resolve_conflict(uow, conflict_id=info.id, keep="lost"),
        )


def test_keeping_both_needs_a_table_without_natural_key_and_rights(
    trio: dict[str, Path], tmp_path: Path
) -> None:
    concurrent_names(trio, tmp_path)
    (info,) = listed(trio[S1])
    with pytest.raises(ValidationError) as refused:
        write(
            trio[S1], S1, lambda uow: conflict_service.resolve_conflict(uow, conflict_id=info.id, keep="both")
        )
    assert refused.value.code == "conflict.both_needs_no_key"

    from msfood.services.writing.transaction import unit_of_work

    def as_viewer(database):  # type: ignore[no-untyped-def]
        with unit_of_work(database.sessions, actor=Actor("v", "viewer")) as uow:
            conflict_service.resolve_conflict(uow, conflict_id=info.id, keep="lost")

    with pytest.raises(PermissionDenied):
        with_db(trio[S1], as_viewer)


def test_a_record_claiming_a_key_another_record_holds_is_set_aside(
    trio: dict[str, Path], tmp_path: Path
) -> None:
    # The station corrects a cadre's phone to a number the bureau has just entered for a new cadre.
    write(
        trio[S1], S1, lambda uow: (seed_regions(uow), put_cadre(uow, "13800000001", "430204001", name="李四"))
    )
    write(
        trio[S1],
        S1,
        lambda uow: uow.upsert(table_of(Cadre), {"id": cadre_id("13800000001"), "phone": "13800000002"}),
    )
    write(
        trio[BUREAU],
        BUREAU,
        lambda uow: (seed_regions(uow), put_cadre(uow, "13800000002", "430204001", name="李四")),
    )

    report = import_(trio[BUREAU], BUREAU, [export(trio[S1], S1, tmp_path, to=BUREAU)])  # type: ignore[list-item]

    assert report.exit_code == 0 and report.total("set_aside") == 1
    cadres = table_rows(trio[BUREAU], Cadre)
    assert set(cadres) == {cadre_id("13800000002")}
    (conflict,) = table_rows(trio[BUREAU], Conflict).values()
    assert conflict["reason"] == "duplicate" and conflict["other_id"] == cadre_id("13800000002")
    assert json.loads(conflict["lost_row"])["phone"] == "13800000002"
    (info,) = listed(trio[BUREAU])
    assert info.current is not None and info.current["id"] == cadre_id("13800000002")


def test_a_bundle_of_an_older_schema_is_upgraded(
    trio: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A synthetic older schema "0000" where cadres had `mobile` instead of `phone` and businesses had
    no `rest_days`: its bundle goes through the step registered for it, then merges."""

    def rows(table: str, row: dict[str, Any]) -> dict[str, Any]:
        if table == "cadres":
            row["phone"] = row.pop("mobile")
        return row

    def columns(table: str, names: list[str]) -> list[str]:
        return ["phone" if n == "mobile" else n for n in names]

    monkeypatch.setitem(
        upgrade.UPGRADES, "0000", upgrade.Upgrade("0000", upgrade.head_revision(), rows, columns)
    )
    write(
        trio[S1],
        S1,
        lambda uow: (
            seed_regions(uow),
            put_business(uow, "91430204MA4L000001", "430204001"),
            put_cadre(uow, "13800000001", "430204001"),
        ),
    )
    bundle = export(trio[S1], S1, tmp_path, to=BUREAU)

    def make_old(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        manifest["schema"] = "0000"
        cadres = manifest["tables"]["cadres"]
        cadres["columns"] = ["mobile" if c == "phone" else c for c in cadres["columns"]]
        business = manifest["tables"]["businesses"]
        position = business["columns"].index("rest_days")
        business["columns"].pop(position)
        lines = [json.loads(line) for line in members["data/businesses.jsonl"].splitlines()]
        for line in lines:
            line.pop(position)
        members["data/businesses.jsonl"] = "".join(json.dumps(line) + "\n" for line in lines).encode()

    old = rewrite_bundle(
        bundle,
        tmp_path / "old.msfb",
        receiver_db=trio[BUREAU],
        change=make_old,  # type: ignore[arg-type]
        sign_with=meta_value(trio[S1], "sign_private_key"),
    )

    report = import_(trio[BUREAU], BUREAU, [old])

    assert report.exit_code == 0, report.as_json()
    assert table_rows(trio[BUREAU], Cadre)[cadre_id("13800000001")]["phone"] == "13800000001"
    assert table_rows(trio[BUREAU], Business)[business_id("91430204MA4L000001")]["rest_days"] == ""

    monkeypatch.delitem(upgrade.UPGRADES, "0000")
    again = rewrite_bundle(
        bundle,
        tmp_path / "old2.msfb",
        receiver_db=trio[BUREAU],
        change=make_old,  # type: ignore[arg-type]
        sign_with=meta_value(trio[S1], "sign_private_key"),
    )
    without_step = import_(trio[BUREAU], BUREAU, [again])
    assert without_step.bundles[0].code == "bundle.schema_newer"


def test_upgrade_chain() -> None:
    assert upgrade.upgrade_chain(upgrade.head_revision()) == []
    assert upgrade.upgrade_chain("nonsense") is None
