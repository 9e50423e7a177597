"""The roster services the forms call: regions, businesses, statuses, closures, cadres."""

from __future__ import annotations

import datetime as dt

import pytest
from records_helpers import ADMIN, BUSINESS, CADRE, E1, E2, LIAISON, REGIONS, VIEWER, rows_of, write

from msfood.core.errors import NotFoundError, PermissionDenied, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import Assignment, AuditEntry, Business, BusinessStatus, Cadre, Region
from msfood.services.roster import editing as roster
from msfood.services.writing.transaction import unit_of_work

D = dt.date


def act(db, clock, action, actor=ADMIN, **kwargs):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        return action(uow, **kwargs)


def business_kwargs(**changes):  # type: ignore[no-untyped-def]
    values = {k: v for k, v in BUSINESS.items()}
    values.update(changes)
    return values


@pytest.fixture
def regions(db, clock):  # type: ignore[no-untyped-def]
    write(db, clock, "region", REGIONS)


def test_save_region_infers_parent_and_form_clears_it(db, clock, regions) -> None:
    saved = act(db, clock, roster.save_region, code="430204002", name="铜塘湾街道")
    assert saved.outcome == "new" and saved.id == natural_id("region", "430204002")
    with db.sessions() as session:
        view = roster.get_region(session, saved.id)
    assert view.parent_code == "430204" and view.name == "铜塘湾街道"
    again = act(db, clock, roster.save_region, code="430204002", name="铜塘湾街道", region_id=saved.id)
    assert again.outcome == "updated"
    with db.sessions() as session:
        assert roster.get_region(session, saved.id).parent_id is None


def test_delete_region_refused_while_in_use(db, clock, regions) -> None:
    region_id = natural_id("region", "430204001")
    with pytest.raises(ValidationError) as caught:
        act(db, clock, roster.delete_region, region_id=region_id)
    assert caught.value.issues[0].code == "record.region_in_use"
    leaf = natural_id("region", "430204001002")
    assert act(db, clock, roster.delete_region, region_id=leaf).outcome == "deleted"
    with db.sessions() as session, pytest.raises(NotFoundError):
        roster.get_region(session, leaf)
    assert act(db, clock, roster.save_region, code="430204001002", name="田心社区").id == leaf


def test_save_business_and_view_it_back(db, clock, regions) -> None:
    saved = act(
        db,
        clock,
        roster.save_business,
        **business_kwargs(status="停业", since="2026-05-20", rest_days="周六、周日", scale="小型"),
    )
    assert saved.outcome == "new"
    assert {"businesses", "business_statuses"} <= saved.tables
    with db.sessions() as session:
        view = roster.get_business(session, saved.id)
    assert view.credit_code == E1 and view.form == "catering" and view.scale == "small"
    assert view.region_code == "430204001001" and view.rest_days == "67" and view.high_risk is False
    assert [(s.status, s.since) for s in view.statuses] == [("suspended", D(2026, 5, 20))]


def test_form_blank_clears_optional_fields_and_key_edit_keeps_id(db, clock, regions) -> None:
    saved = act(db, clock, roster.save_business, **business_kwargs(address="建设路 1 号", high_risk=True))
    edited = act(
        db,
        clock,
        roster.save_business,
        business_id=saved.id,
        **business_kwargs(credit_code=E2, address="", high_risk=None),
    )
    assert edited.id == saved.id and edited.outcome == "updated"
    (row,) = rows_of(db, Business.__table__)
    assert row["credit_code"] == E2 and row["address"] is None and row["high_risk"] is False
    other = act(db, clock, roster.save_business, **business_kwargs(name="另一家"))
    assert other.outcome == "new" and other.id != saved.id  # E1's natural id went with the first record
    with pytest.raises(ValidationError) as caught:
        act(db, clock, roster.save_business, business_id=saved.id, **business_kwargs())
    assert caught.value.issues[0].code == "record.key_taken"


def test_business_validation_names_every_field(db, clock, regions) -> None:
    with pytest.raises(ValidationError) as caught:
        act(
            db,
            clock,
            roster.save_business,
            name="",
            credit_code="123",
            form="餐馆",
            grade="Z",
            region_code="999999",
        )
    assert {i.field for i in caught.value.issues} == {"name", "credit_code", "form", "grade", "region_code"}


def test_status_changes_and_closures(db, clock, regions) -> None:
    business_id = act(db, clock, roster.save_business, **business_kwargs()).id
    first = act(
        db, clock, roster.set_business_status, business_id=business_id, status="停业", since="2026-05-20"
    )
    assert first.outcome == "new"
    assert (
        act(
            db,
            clock,
            roster.set_business_status,
            business_id=business_id,
            status="suspended",
            since=D(2026, 5, 20),
        ).outcome
        == "unchanged"
    )
    with pytest.raises(ValidationError) as caught:
        act(db, clock, roster.set_business_status, business_id=business_id, status="关门", since="不知道")
    assert {i.field for i in caught.value.issues} == {"status", "since"}
    closure = act(
        db,
        clock,
        roster.add_closure,
        business_id=business_id,
        start_date="2026-07-01",
        end_date="2026-08-31",
        reason="暑假",
    )
    with pytest.raises(ValidationError) as caught:
        act(
            db,
            clock,
            roster.add_closure,
            business_id=business_id,
            start_date="2026-08-01",
            end_date="2026-09-10",
        )
    assert caught.value.issues[0].code == "record.closure_overlap"
    with pytest.raises(ValidationError) as caught:
        act(
            db,
            clock,
            roster.add_closure,
            business_id=business_id,
            start_date="2026-10-05",
            end_date="2026-10-01",
        )
    assert caught.value.field == "end_date"
    with db.sessions() as session:
        view = roster.get_business(session, business_id)
    assert [(c.start_date, c.reason) for c in view.closures] == [(D(2026, 7, 1), "暑假")]
    act(db, clock, roster.delete_closure, closure_id=closure.id)
    act(db, clock, roster.delete_business_status, status_id=first.id)
    with db.sessions() as session:
        view = roster.get_business(session, business_id)
    assert view.closures == () and view.statuses == ()


def test_delete_business_tombstones_it_and_its_assignments_then_recreate(db, clock, regions) -> None:
    business_id = act(db, clock, roster.save_business, **business_kwargs()).id
    write(db, clock, "cadre", [CADRE])
    write(
        db,
        clock,
        "assignment",
        [{"cadre_phone": "13700000001", "credit_code": E1, "start_date": "2026-01-01"}],
    )
    deleted = act(db, clock, roster.delete_business, business_id=business_id)
    assert deleted.outcome == "deleted"
    assert rows_of(db, Business.__table__)[0]["deleted"] is True
    assert all(a["deleted"] for a in rows_of(db, Assignment.__table__))
    with db.sessions() as session, pytest.raises(NotFoundError):
        roster.get_business(session, business_id)
    actions = [e["action"] for e in rows_of(db, AuditEntry.__table__, record_id=business_id)]
    assert actions == ["create", "delete"]
    again = act(db, clock, roster.save_business, **business_kwargs())
    assert again.id == business_id and again.outcome == "updated"
    assert rows_of(db, Business.__table__)[0]["deleted"] is False


def test_delete_business_refused_while_it_has_records(db, clock, regions) -> None:
    business_id = act(db, clock, roster.save_business, **business_kwargs()).id
    write(db, clock, "selfcheck", [{"credit_code": E1, "kind": "日管控", "record_date": "2026-05-01"}])
    with pytest.raises(ValidationError) as caught:
        act(db, clock, roster.delete_business, business_id=business_id)
    assert caught.value.issues[0].code == "record.business_has_records"
    assert caught.value.issues[0].params == {"count": 1}


def test_cadres_save_view_delete(db, clock, regions) -> None:
    saved = act(
        db,
        clock,
        roster.save_cadre,
        name="周一",
        phone=13700000001.0,
        level="村级",
        region_code="430204001001",
        title="村支书",
    )
    with db.sessions() as session:
        view = roster.get_cadre(session, saved.id)
    assert view.phone == "13700000001" and view.level == "village" and view.title == "村支书"
    edited = act(
        db,
        clock,
        roster.save_cadre,
        name="周一",
        phone="13700000011",
        level="村级",
        region_code="430204001001",
        cadre_id=saved.id,
    )
    assert edited.id == saved.id
    (row,) = rows_of(db, Cadre.__table__)
    assert row["phone"] == "13700000011" and row["title"] is None and row["name_initials"] == "zy"
    assert act(db, clock, roster.delete_cadre, cadre_id=saved.id).outcome == "deleted"
    with pytest.raises(NotFoundError):
        act(db, clock, roster.delete_cadre, cadre_id=saved.id)


def test_roster_is_refused_to_viewers_and_liaisons(db, clock, regions) -> None:
    for actor in (VIEWER, LIAISON):
        with pytest.raises(PermissionDenied):
            act(db, clock, roster.save_business, actor=actor, **business_kwargs())
        with pytest.raises(PermissionDenied):
            act(db, clock, roster.save_region, actor=actor, code="430204002", name="x")
        with pytest.raises(PermissionDenied):
            act(db, clock, roster.delete_region, actor=actor, region_id=natural_id("region", "430204001002"))
    assert rows_of(db, Business.__table__) == []
    assert len(rows_of(db, Region.__table__)) == 4
    assert rows_of(db, BusinessStatus.__table__) == []
