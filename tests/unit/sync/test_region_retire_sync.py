"""A region's end date (撤销, regions.retired_on, migration 0004) travels station → bureau, its undo
too; a bundle of schema 0003 (without the column) still merges, its regions taken as in use."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import (
    BUREAU,
    S1,
    export,
    import_,
    meta_value,
    put_region,
    region_id,
    rewrite_bundle,
    seed_regions,
    table_rows,
    write,
)

from msfood.db.models import Region
from msfood.services.roster.regions import retire_region
from msfood.sync import upgrade

VILLAGE = "430204001301"


def station_regions(uow) -> None:  # type: ignore[no-untyped-def]
    seed_regions(uow)
    put_region(uow, VILLAGE, "新建村", "430204001")


def test_the_end_date_and_its_undo_reach_the_bureau(trio: dict[str, Path], tmp_path: Path) -> None:
    write(trio[S1], S1, station_regions)
    write(trio[S1], S1, lambda uow: retire_region(uow, code=VILLAGE, retired_on=dt.date(2026, 6, 30)))
    bundle = export(trio[S1], S1, tmp_path, to=BUREAU)
    assert bundle is not None
    report = import_(trio[BUREAU], BUREAU, [bundle])
    assert report.exit_code == 0 and report.errors == []
    at_bureau = table_rows(trio[BUREAU], Region)
    assert at_bureau[region_id(VILLAGE)]["retired_on"] == table_rows(trio[S1], Region)[region_id(VILLAGE)][
        "retired_on"] == dt.date(2026, 6, 30)
    assert at_bureau[region_id("430204001")]["retired_on"] is None

    write(trio[S1], S1, lambda uow: retire_region(uow, code=VILLAGE, retired_on=None))  # undone
    again = export(trio[S1], S1, tmp_path / "second", to=BUREAU)
    assert again is not None
    assert import_(trio[BUREAU], BUREAU, [again]).exit_code == 0
    assert table_rows(trio[BUREAU], Region)[region_id(VILLAGE)]["retired_on"] is None


def test_a_bundle_of_schema_0003_merges_with_its_regions_in_use(
    trio: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(trio[S1], S1, station_regions)
    bundle = export(trio[S1], S1, tmp_path, to=BUREAU)
    assert bundle is not None

    def make_0003(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        manifest["schema"] = "0003"
        regions = manifest["tables"]["regions"]
        position = regions["columns"].index("retired_on")
        regions["columns"].pop(position)
        lines = [json.loads(line) for line in members["data/regions.jsonl"].splitlines()]
        for line in lines:
            line.pop(position)
        members["data/regions.jsonl"] = "".join(json.dumps(line) + "\n" for line in lines).encode()

    old = rewrite_bundle(bundle, tmp_path / "old.msfb", receiver_db=trio[BUREAU], change=make_0003,
                         sign_with=meta_value(trio[S1], "sign_private_key"))
    report = import_(trio[BUREAU], BUREAU, [old])
    assert report.exit_code == 0, report.as_json()
    at_bureau = table_rows(trio[BUREAU], Region)
    village = at_bureau[region_id(VILLAGE)]
    assert village["name"] == "新建村" and village["retired_on"] is None

    # the step registered for 0003 is what lets it in
    monkeypatch.delitem(upgrade.UPGRADES, "0003")
    again = rewrite_bundle(bundle, tmp_path / "old2.msfb", receiver_db=trio[BUREAU], change=make_0003,
                           sign_with=meta_value(trio[S1], "sign_private_key"))
    assert import_(trio[BUREAU], BUREAU, [again]).bundles[0].code == "bundle.schema_unknown"
