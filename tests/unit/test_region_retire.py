"""Retiring a region (撤销, issue 13): an end date instead of a deletion, refused while businesses
are registered in it or under it and inside a closed period, audited, undoable; forms stop offering
it for new businesses; the workbook's 区划 sheet carries the date both ways."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from records_helpers import ADMIN, BUSINESS, VIEWER
from sqlalchemy import select

from msfood.core.errors import NothingToDo, PermissionDenied, ValidationError
from msfood.db.models import AuditEntry, Business, Region
from msfood.services.periods.closing import close_period
from msfood.services.queries import lists as queries
from msfood.services.roster import editing as roster
from msfood.services.roster import regions
from msfood.services.writing.transaction import unit_of_work

JUNE_30 = dt.date(2026, 6, 30)


def act(db, clock, action, actor=ADMIN, **kwargs):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        return action(uow, **kwargs)


def retired(db) -> dict[str, dt.date | None]:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        rows = session.execute(select(Region.code, Region.retired_on).where(Region.deleted.is_(False)))
        return dict(rows.all())


@pytest.fixture
def township(db, clock):  # type: ignore[no-untyped-def]
    """清水塘街道 loaded with its villages, one business in 430204001002 (田心社区 in the 2023 set)."""
    act(db, clock, regions.load_official_regions, code="430204001")
    act(db, clock, roster.save_business, **{**BUSINESS, "region_code": "430204001002"})
    return db


def test_a_region_with_businesses_in_it_or_under_it_is_not_retired(township, clock) -> None:
    for code in ("430204001002", "430204001", "430204"):  # the village, its township, its county
        with pytest.raises(ValidationError) as caught:
            act(township, clock, regions.retire_region, code=code, retired_on=JUNE_30)
        issue = caught.value.issues[0]
        assert issue.code == "region_retire.has_businesses" and issue.params["count"] == 1
        message = caught.value.message()
        assert "1 个包保主体" in message and "请先把这些主体改到其他区划" in message
    assert all(day is None for day in retired(township).values())


def test_retire_audit_and_undo(township, clock) -> None:
    done = act(township, clock, regions.retire_region, code="430204001003", retired_on="2026-06-30")
    assert done.retired_on == JUNE_30 and "最后使用日 2026-06-30" in done.sentence()
    assert retired(township)["430204001003"] == JUNE_30
    with township.sessions() as session:
        node = next(n for n in regions.region_tree(session) if n.code == "430204001003")
        assert node.retired_on == JUNE_30  # still in the tree
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "region_retire")).one()
        assert entry.actor == "admin" and entry.table_name == "regions" and entry.record_id == node.id
        assert json.loads(entry.after or "{}")["retired_on"] == "2026-06-30"
    with pytest.raises(NothingToDo):  # the same date again: nothing to do, said so
        act(township, clock, regions.retire_region, code="430204001003", retired_on=JUNE_30)

    undone = act(township, clock, regions.retire_region, code="430204001003", retired_on=None)
    assert undone.retired_on is None and "重新可用" in undone.sentence()
    assert retired(township)["430204001003"] is None
    with township.sessions() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "region_unretire")).one()
        assert json.loads(entry.before or "{}")["retired_on"] == "2026-06-30"
    with pytest.raises(NothingToDo):
        act(township, clock, regions.retire_region, code="430204001003", retired_on=None)


def test_a_viewer_may_not_retire_and_a_bad_date_is_named(township, clock) -> None:
    with pytest.raises(PermissionDenied):
        act(township, clock, regions.retire_region, actor=VIEWER, code="430204001003", retired_on=JUNE_30)
    with pytest.raises(ValidationError) as caught:
        act(township, clock, regions.retire_region, code="430204001003", retired_on="2026-13-01")
    assert caught.value.issues[0].code == "region_retire.bad_date" and "2026-13-01" in caught.value.message()


def test_a_date_inside_a_closed_period_is_refused(township, clock) -> None:
    act(township, clock, close_period, period="2026Q2")
    with pytest.raises(ValidationError) as caught:
        act(township, clock, regions.retire_region, code="430204001003", retired_on=JUNE_30)
    assert caught.value.issues[0].code == "region_retire.closed_period"
    assert "2026Q2" in caught.value.message() and "2026-06-30" in caught.value.message()
    act(township, clock, regions.retire_region, code="430204001003", retired_on=dt.date(2026, 7, 1))
    assert retired(township)["430204001003"] == dt.date(2026, 7, 1)


def test_choices_mark_retired_regions_and_what_lies_under_them(township, clock) -> None:
    act(township, clock, regions.load_official_regions, code="430204002")  # no business there
    act(township, clock, regions.retire_region, code="430204002", retired_on=JUNE_30)
    act(township, clock, regions.retire_region, code="430204001003", retired_on=dt.date(2026, 5, 31))
    with township.sessions() as session:
        choices = {c.code: c for c in queries.region_choices(session)}
    # filters still list every region (history); forms leave out those marked retired
    assert choices["430204001003"].retired_on == dt.date(2026, 5, 31)
    assert choices["430204002"].retired_on == JUNE_30
    villages = [c for code, c in choices.items() if code.startswith("430204002") and len(code) == 12]
    assert villages and all(c.retired_on == JUNE_30 for c in villages)  # under a retired township
    assert choices["430204001002"].retired_on is None and choices["430204"].retired_on is None


def test_the_workbook_carries_the_end_date_both_ways(
    township, clock, template_db: Path, tmp_path: Path
) -> None:
    import shutil

    from openpyxl import load_workbook

    from msfood.core.progress import drain
    from msfood.db.engine import open_database
    from msfood.workbook.export import export_workbook
    from msfood.workbook.importer import import_workbook

    act(township, clock, regions.retire_region, code="430204001003", retired_on=JUNE_30)
    out = tmp_path / "roster.xlsx"
    drain(export_workbook(township, out, actor=ADMIN))
    sheet = load_workbook(out, read_only=True)["区划"]
    rows = list(sheet.iter_rows(values_only=True))
    header = [str(h or "").rstrip("*") for h in rows[0]]
    column = header.index("撤销日期")
    found = {str(r[0]): (r[column] if len(r) > column else None) for r in rows[1:] if r and r[0]}
    assert str(found["430204001003"])[:10] == "2026-06-30" and found["430204001002"] in (None, "")

    shutil.copyfile(template_db, tmp_path / "target.sqlite")  # another station, empty
    target = open_database(tmp_path / "target.sqlite")
    try:
        result = drain(import_workbook(target, out, actor=ADMIN, clock=clock))
        assert result.errors == ()
        assert retired(target)["430204001003"] == JUNE_30
        assert retired(target)["430204001002"] is None
    finally:
        target.close()


def test_the_business_form_service_refuses_a_retired_region_but_keeps_an_old_one(township, clock) -> None:
    act(township, clock, regions.load_official_regions, code="430204002")
    act(township, clock, regions.retire_region, code="430204002", retired_on=JUNE_30)
    village = next(code for code in retired(township) if code.startswith("430204002") and len(code) == 12)
    other = {**BUSINESS, "credit_code": "91430211000009136F", "name": "另一家"}
    for code in ("430204002", village):  # the township, or a village under it
        with pytest.raises(ValidationError) as caught:
            act(township, clock, roster.save_business, **{**other, "region_code": code})
        assert caught.value.issues[0].code == "region_retire.retired_region"
        assert "2026-06-30 撤销" in caught.value.message()
    # a business already registered in a region retired elsewhere (a bundle, a workbook) keeps it when
    # edited, and may not be moved into another retired one
    from msfood.services.writing.unit_of_work import table_of

    busy = region_id_of(township, "430204001002")
    with unit_of_work(township.sessions, actor=ADMIN, clock=clock) as uow:
        uow.upsert(table_of(Region), {"id": busy, "retired_on": JUNE_30})
    with township.sessions() as session:
        business_id = session.scalar(
            select(Business.id).where(Business.credit_code == BUSINESS["credit_code"]))
    edited = {**BUSINESS, "region_code": "430204001002", "name": "清水家常饭店（改）"}
    saved = act(township, clock, roster.save_business, **edited, business_id=business_id)
    assert saved.outcome == "updated"
    with pytest.raises(ValidationError):
        act(township, clock, roster.save_business, **{**BUSINESS, "region_code": village},
            business_id=business_id)


def region_id_of(db, code: str) -> str:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return str(session.scalar(select(Region.id).where(Region.code == code)))
