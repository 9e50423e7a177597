"""The new columns of issue 15 travel in bundles: a store's chain (its headquarters in another
station's area, which never reaches this station: an id, not a foreign key), a sample's 送达 date and
its case's approved extension; the bureau computes the station's figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sync_helpers import (
    BUREAU,
    S1,
    business_id,
    export,
    import_,
    put_business,
    seed_regions,
    table_rows,
    with_db,
    write,
)

from msfood.core.ids import natural_id
from msfood.db.models import Business, Sampling
from msfood.metrics import compute_stats
from msfood.services.writing.unit_of_work import table_of

STORE, HQ = "91430204MA4L000001", "91430211MA4L000002"


def station_records(uow) -> None:  # type: ignore[no-untyped-def]
    seed_regions(uow)
    store = put_business(uow, STORE, "430204001", name="一号店")
    uow.upsert(table_of(Business), {
        "id": store, "name": "一号店", "credit_code": STORE, "licence_no": "", "form": "sales", "grade": "C",
        "region_id": natural_id("region", "430204001"), "chain_role": "store", "chain_hq_id": business_id(HQ)})
    uow.upsert(table_of(Sampling), {
        "id": natural_id("sampling", "JD1"), "sample_no": "JD1", "business_id": store,
        "sample_date": dt.date(2026, 4, 1), "sampling_type": "supervision", "food_category": "餐饮食品",
        "sample_name": "米饭", "result": "fail", "result_date": dt.date(2026, 4, 10),
        "served_date": dt.date(2026, 4, 13), "extended_deadline": dt.date(2026, 9, 30),
        "extension_approver": "张科长", "extension_approved_on": dt.date(2026, 7, 1)})


def test_chain_served_date_and_extension_reach_the_bureau(trio: dict[str, Path], tmp_path: Path) -> None:
    write(trio[S1], S1, station_records)
    bundle = export(trio[S1], S1, tmp_path, to=BUREAU)
    assert bundle is not None
    report = import_(trio[BUREAU], BUREAU, [bundle])
    assert report.exit_code == 0 and report.errors == []
    for model, columns in ((Business, ("chain_role", "chain_hq_id", "chain_branch_id")),
                           (Sampling, ("served_date", "extended_deadline", "extension_approver",
                                       "extension_approved_on"))):
        at_station, at_bureau = table_rows(trio[S1], model), table_rows(trio[BUREAU], model)
        assert at_station
        for record_id, row in at_station.items():
            assert {c: at_bureau[record_id][c] for c in columns} == {c: row[c] for c in columns}
    assert table_rows(trio[BUREAU], Business)[business_id(STORE)]["chain_hq_id"] == business_id(HQ)

    def figures(database):  # type: ignore[no-untyped-def]
        with database.sessions() as session:
            return compute_stats(session, period="2026", as_of=dt.date(2026, 8, 1), region="430204").to_json()

    station, bureau = with_db(trio[S1], figures), with_db(trio[BUREAU], figures)
    assert station == bureau
    # the extension approved 07-01 holds on 08-01: the case is not overdue (its 90 days ended 07-09)
    assert bureau["sampling"]["disposal"] == {"cases": 1, "closed": 0, "closed_on_time": 0, "overdue": 0}
