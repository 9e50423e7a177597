"""A bundle of schema 0004 (before migration 0005 gave the rollups their per-kind day columns) still
merges: its self-check records reach the bureau, whose rollups the triggers keep, so the bureau
counts them (records by kind, issues found) as the station does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import (
    BUREAU,
    S1,
    export,
    import_,
    meta_value,
    put_business,
    rewrite_bundle,
    seed_regions,
    write,
)

from msfood.core.ids import natural_id
from msfood.db.engine import open_database
from msfood.db.models import SelfCheck
from msfood.domain.periods import period_key_for
from msfood.metrics import compute_stats
from msfood.metrics.results import RecordCounts
from msfood.services.writing.unit_of_work import table_of
from msfood.sync import upgrade

CREDIT = "91430204MA4L000001"
RECORDS = (("daily", "2026-11-02", 1), ("daily", "2026-11-03", 0), ("weekly", "2026-11-03", 2),
           ("monthly", "2026-11-20", 3), ("daily", "2026-12-01", 9))  # the last is after the as-of date


def station_records(uow) -> None:  # type: ignore[no-untyped-def]
    seed_regions(uow)
    business_id = put_business(uow, CREDIT, "430204001")
    for kind, day, issues in RECORDS:
        key = period_key_for(kind, dt.date.fromisoformat(day))
        uow.upsert(table_of(SelfCheck), {
            "id": natural_id("selfcheck", business_id, kind, key), "business_id": business_id, "kind": kind,
            "record_date": dt.date.fromisoformat(day), "period_key": key, "issues_found": issues})


def counts_at(path: Path) -> RecordCounts:
    database = open_database(path)
    try:
        with database.sessions() as session:
            stats = compute_stats(session, period="2026Q4", as_of=dt.date(2026, 11, 24), region="430204",
                                  details=False)
        return stats.selfcheck.counts
    finally:
        database.close()


def make_0004(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
    manifest["schema"] = "0004"  # the synced tables are the same at 0004: only the version differs


def test_a_bundle_of_schema_0004_merges_and_its_records_are_counted(
    trio: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(trio[S1], S1, station_records)
    want = RecordCounts(daily=2, weekly=1, monthly=1, issues_found=1 + 2 + 3)
    assert counts_at(trio[S1]) == want
    bundle = export(trio[S1], S1, tmp_path, to=BUREAU)
    assert bundle is not None
    old = rewrite_bundle(bundle, tmp_path / "old.msfb", receiver_db=trio[BUREAU], change=make_0004,
                         sign_with=meta_value(trio[S1], "sign_private_key"))
    report = import_(trio[BUREAU], BUREAU, [old])
    assert report.exit_code == 0, report.as_json()
    assert counts_at(trio[BUREAU]) == want

    # the step registered for 0004 is what lets it in
    monkeypatch.delitem(upgrade.UPGRADES, "0004")
    again = rewrite_bundle(bundle, tmp_path / "old2.msfb", receiver_db=trio[BUREAU], change=make_0004,
                           sign_with=meta_value(trio[S1], "sign_private_key"))
    assert import_(trio[BUREAU], BUREAU, [again]).bundles[0].code == "bundle.schema_unknown"
