"""Assigning cadres to businesses: warnings, ending, deleting, permissions."""

from __future__ import annotations

import datetime as dt

import pytest
from records_helpers import ADMIN, CADRE, E1, LIAISON, VIEWER, rows_of, seed_roster, write

from msfood.core.errors import NotFoundError, PermissionDenied, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import Assignment
from msfood.services.roster import assignments
from msfood.services.writing.transaction import unit_of_work

D = dt.date
BUSINESS_ID = natural_id("business", E1, "")
K1 = natural_id("cadre", "13700000001")
K3 = natural_id("cadre", "13700000003")


def act(db, clock, action, actor=ADMIN, **kwargs):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        return action(uow, **kwargs)


@pytest.fixture
def roster(db, clock):  # type: ignore[no-untyped-def]
    seed_roster(db, clock)  # K1 -> E1 from 2026-01-01
    write(db, clock, "cadre", [dict(CADRE, name="郑三", phone="13700000003", level="县级")])


def test_assign_with_natural_id_and_level_warning(db, clock, roster) -> None:
    saved = act(
        db,
        clock,
        assignments.assign,
        cadre_id=K3,
        business_id=BUSINESS_ID,
        start_date="2026-03-01",
        pledge_signed_on=D(2026, 3, 2),
    )
    assert saved.outcome == "new"
    assert saved.id == natural_id("assignment", K3, BUSINESS_ID, "2026-03-01")
    assert [w.code for w in saved.warnings] == ["warn.level_grade_mismatch"]
    assert saved.warnings[0].params["level"] == "县级"
    with db.sessions() as session:
        view = assignments.get_assignment(session, saved.id)
    assert view.cadre_name == "郑三" and view.business_name == "清水家常饭店"
    assert view.pledge_signed_on == D(2026, 3, 2) and view.end_date is None


def test_overlapping_assignment_of_the_same_cadre_is_warned(db, clock, roster) -> None:
    saved = act(db, clock, assignments.assign, cadre_id=K1, business_id=BUSINESS_ID, start_date="2026-06-01")
    assert [w.code for w in saved.warnings] == ["record.assignment_overlap"]


def test_end_assignment_needs_date_and_reason_and_checks_order(db, clock, roster) -> None:
    assignment_id = natural_id("assignment", K1, BUSINESS_ID, "2026-01-01")
    with pytest.raises(ValidationError) as caught:
        act(db, clock, assignments.end_assignment, assignment_id=assignment_id, end_date="", reason=" ")
    assert {i.field for i in caught.value.issues} == {"end_date", "end_reason"}
    with pytest.raises(ValidationError) as caught:
        act(
            db,
            clock,
            assignments.end_assignment,
            assignment_id=assignment_id,
            end_date="2025-12-31",
            reason="调离",
        )
    assert caught.value.issues[0].code == "value.end_before_start" and caught.value.field == "end_date"
    ended = act(
        db,
        clock,
        assignments.end_assignment,
        assignment_id=assignment_id,
        end_date="2026-06-30",
        reason="主体迁出",
    )
    assert ended.outcome == "updated" and ended.id == assignment_id
    (row,) = rows_of(db, Assignment.__table__)
    assert row["end_date"] == D(2026, 6, 30) and row["end_reason"] == "主体迁出"


def test_assign_validation_names_fields(db, clock, roster) -> None:
    with pytest.raises(ValidationError) as caught:
        act(db, clock, assignments.assign, cadre_id="nobody", business_id="nothing", start_date="someday")
    assert {i.field for i in caught.value.issues} == {"cadre_phone", "credit_code", "start_date"}


def test_delete_assignment_and_permissions(db, clock, roster) -> None:
    assignment_id = natural_id("assignment", K1, BUSINESS_ID, "2026-01-01")
    for actor in (VIEWER, LIAISON):
        with pytest.raises(PermissionDenied):
            act(db, clock, assignments.delete_assignment, actor=actor, assignment_id=assignment_id)
        with pytest.raises(PermissionDenied):
            act(
                db,
                clock,
                assignments.assign,
                actor=actor,
                cadre_id=K3,
                business_id=BUSINESS_ID,
                start_date="2026-03-01",
            )
    assert act(db, clock, assignments.delete_assignment, assignment_id=assignment_id).outcome == "deleted"
    with db.sessions() as session, pytest.raises(NotFoundError):
        assignments.get_assignment(session, assignment_id)
    again = act(db, clock, assignments.assign, cadre_id=K1, business_id=BUSINESS_ID, start_date="2026-01-01")
    assert again.id == assignment_id and again.outcome == "updated"
