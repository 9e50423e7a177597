"""The visit schedule's table (visit_plans) is the station's own working notes: a bundle never carries
it (it is not a synced table: no sync columns, no local_seq), the bureau never receives it, and the
workbook export leaves it out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from sync_helpers import (
    BUREAU,
    S1,
    export,
    import_,
    put_business,
    put_cadre,
    read_members,
    unseal,
    with_db,
    write,
)

from msfood.core.progress import drain
from msfood.db.models import VisitPlan
from tests.conftest import ADMIN


def test_a_plan_stays_at_the_station(trio: dict[str, Path], tmp_path: Path) -> None:
    def roster(uow):  # type: ignore[no-untyped-def]
        business = put_business(uow, "91430211000009136F", "430204001", name="甲饭店")
        cadre = put_cadre(uow, "13700000001", "430204001", name="王村官")
        uow.session.add(VisitPlan(
            id="plan-1", period_key="2026Q4", cadre_id=cadre, business_id=business, rule_period_key="2026Q4",
            plan_date=dt.date(2026, 12, 1), mode="onsite", note="带上检查表", edited=True,
            created_at=dt.datetime(2026, 11, 24),
        ))  # fmt: skip

    write(trio[S1], S1, roster)
    bundle = export(trio[S1], S1, tmp_path, to=BUREAU, full=True)
    assert bundle is not None
    members = read_members(unseal(bundle, trio[BUREAU], tmp_path / "plain.zip"))
    assert "data/businesses.jsonl" in members  # the roster travels
    assert not [name for name in members if "visit_plans" in name]
    assert all("带上检查表".encode() not in data for data in members.values())
    assert import_(trio[BUREAU], BUREAU, [bundle]).exit_code == 0

    def plans(database):  # type: ignore[no-untyped-def]
        with database.readers() as session:
            return session.query(VisitPlan).count()

    assert with_db(trio[S1], plans) == 1
    assert with_db(trio[BUREAU], plans) == 0

    def workbook(database):  # type: ignore[no-untyped-def]
        from msfood.workbook.export import export_workbook

        return drain(export_workbook(database, tmp_path / "all.xlsx", actor=ADMIN))

    with_db(trio[S1], workbook)
    book = load_workbook(tmp_path / "all.xlsx", read_only=True)
    cells = {str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row}
    book.close()
    assert "甲饭店" in cells and "带上检查表" not in cells and "plan-1" not in cells
