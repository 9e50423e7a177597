"""Visits as the forms record them: checklist answers, problems, closing them off, deleting."""

from __future__ import annotations

import datetime as dt

import pytest
from records_helpers import ADMIN, CADRE, E1, LIAISON, VIEWER, rows_of, seed_roster, write
from sqlalchemy import select

from msfood.core.errors import NotFoundError, PermissionDenied, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import AuditEntry, ChecklistItem, Problem, Visit, VisitAnswer
from msfood.services.work import visits
from msfood.services.work.visits import ProblemInput
from msfood.services.writing.transaction import unit_of_work

D = dt.date
BUSINESS_ID = natural_id("business", E1, "")
K1 = natural_id("cadre", "13700000001")


def act(db, clock, action, actor=ADMIN, **kwargs):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        return action(uow, **kwargs)


@pytest.fixture
def items(db, clock):  # type: ignore[no-untyped-def]
    seed_roster(db, clock)
    with db.sessions() as session:
        return list(session.scalars(select(ChecklistItem.id).order_by(ChecklistItem.position)))


def visit_kwargs(**changes):  # type: ignore[no-untyped-def]
    values = {"cadre_id": K1, "business_id": BUSINESS_ID, "visit_date": "2026-05-10", "mode": "现场督导"}
    values.update(changes)
    return values


def test_record_visit_with_answers_and_problems(db, clock, items) -> None:
    saved = act(db, clock, visits.record_visit, **visit_kwargs(
        remarks="整体较好",
        answers={items[0]: "符合", items[1]: ("不符合", "台账缺两天"), items[2]: "na"},
        problems=[ProblemInput("健康证过期", deadline="2026-06-15"),
                  {"description": "台账不全", "deadline": D(2026, 6, 1), "closed_on": "2026-05-30"}],
    ))  # fmt: skip
    assert saved.outcome == "new" and saved.warnings == ()
    assert saved.id == natural_id("visit", K1, BUSINESS_ID, "2026-05-10")
    assert {"visits", "visit_answers", "problems"} <= saved.tables
    with db.sessions() as session:
        view = visits.get_visit(session, saved.id)
    assert view.cadre_name == "周一" and view.business_name == "清水家常饭店" and view.mode == "onsite"
    assert [(a.answer, a.note) for a in view.answers] == [("yes", None), ("no", "台账缺两天"), ("na", None)]
    assert [(p.seq, p.status, p.closed_on) for p in view.problems] == [
        (1, "pending", None), (2, "closed", D(2026, 5, 30))]  # fmt: skip
    same = act(db, clock, visits.record_visit, **visit_kwargs(
        remarks="整体较好",
        answers={items[0]: "符合", items[1]: ("不符合", "台账缺两天"), items[2]: "na"},
        problems=[ProblemInput("健康证过期", deadline="2026-06-15"),
                  {"description": "台账不全", "deadline": D(2026, 6, 1), "closed_on": "2026-05-30"}],
    ))  # fmt: skip
    assert same.outcome == "unchanged"


def test_editing_a_visit_replaces_answers_and_problems_and_keeps_its_id(db, clock, items) -> None:
    saved = act(
        db,
        clock,
        visits.record_visit,
        **visit_kwargs(
            answers={items[0]: "符合", items[1]: "符合"}, problems=[ProblemInput("a"), ProblemInput("b")]
        ),
    )
    edited = act(
        db,
        clock,
        visits.record_visit,
        visit_id=saved.id,
        **visit_kwargs(visit_date="2026-05-11", answers={items[0]: "不符合"}, problems=[ProblemInput("a")]),
    )
    assert edited.id == saved.id and edited.outcome == "updated"
    with db.sessions() as session:
        view = visits.get_visit(session, saved.id)
    assert view.visit_date == D(2026, 5, 11)
    assert [a.answer for a in view.answers] == ["no"] and [p.description for p in view.problems] == ["a"]
    kept = act(db, clock, visits.record_visit, visit_id=saved.id, **visit_kwargs(visit_date="2026-05-11"))
    assert kept.outcome == "unchanged"  # answers and problems not given: kept


def test_every_bad_field_of_a_visit_is_named(db, clock, items) -> None:
    with pytest.raises(ValidationError) as caught:
        act(db, clock, visits.record_visit, **visit_kwargs(
            mode="电话", visit_date="2026-05-10",
            answers={items[0]: "也许", "no-such-item": "符合"},
            problems=[ProblemInput("", deadline="2026-05-01"), ProblemInput("x", status="已销号")],
        ))  # fmt: skip
    found = {(i.field, i.code) for i in caught.value.issues}
    assert found == {
        ("mode", "value.not_choice"), ("answers", "value.not_choice"),
        ("answers", "record.answer_item_unknown"),
        ("description", "value.required"), ("deadline", "record.date_before"),
        ("closed_on", "record.problem_closed_needs_date"),
    }  # fmt: skip
    assert rows_of(db, Visit.__table__) == []


def test_unassigned_cadre_visit_is_stored_with_a_warning(db, clock, items) -> None:
    write(db, clock, "cadre", [dict(CADRE, name="吴二", phone="13700000002", level="乡级")])
    saved = act(db, clock, visits.record_visit, **visit_kwargs(cadre_id=natural_id("cadre", "13700000002")))
    assert saved.outcome == "new"
    assert [w.code for w in saved.warnings] == ["record.visit_unassigned"]


def test_update_problem_moves_it_on_and_closes_it_off(db, clock, items) -> None:
    saved = act(db, clock, visits.record_visit, **visit_kwargs(problems=[ProblemInput("健康证过期")]))
    problem_id = natural_id("problem", saved.id, 1)
    assert act(db, clock, visits.update_problem, problem_id=problem_id, status="整改中").outcome == "updated"
    with pytest.raises(ValidationError) as caught:
        act(db, clock, visits.update_problem, problem_id=problem_id, status="已销号")
    assert caught.value.field == "closed_on"
    with pytest.raises(ValidationError) as caught:
        act(db, clock, visits.update_problem, problem_id=problem_id, closed_on="2026-05-01")
    assert caught.value.issues[0].code == "record.date_before"
    act(
        db, clock, visits.update_problem, problem_id=problem_id, closed_on="2026-06-20", deadline="2026-06-15"
    )
    (row,) = rows_of(db, Problem.__table__)
    assert (row["status"], row["closed_on"], row["deadline"]) == ("closed", D(2026, 6, 20), D(2026, 6, 15))
    act(db, clock, visits.update_problem, problem_id=problem_id, status="移交监管所")
    (row,) = rows_of(db, Problem.__table__)
    assert (row["status"], row["closed_on"]) == ("transferred", None)


def test_delete_visit_tombstones_answers_and_problems_and_audits(db, clock, items) -> None:
    saved = act(db, clock, visits.record_visit,
                **visit_kwargs(answers={items[0]: "符合"}, problems=[ProblemInput("a")]))  # fmt: skip
    for actor in (VIEWER,):
        with pytest.raises(PermissionDenied):
            act(db, clock, visits.delete_visit, actor=actor, visit_id=saved.id)
    assert act(db, clock, visits.delete_visit, actor=LIAISON, visit_id=saved.id).outcome == "deleted"
    for table in (Visit.__table__, VisitAnswer.__table__, Problem.__table__):
        assert all(r["deleted"] for r in rows_of(db, table))
    with db.sessions() as session, pytest.raises(NotFoundError):
        visits.get_visit(session, saved.id)
    audit = {(e["table_name"], e["action"]) for e in rows_of(db, AuditEntry.__table__)}
    assert {("visits", "delete"), ("problems", "delete"), ("visit_answers", "delete")} <= audit


def test_viewer_may_not_record_a_visit(db, clock, items) -> None:
    with pytest.raises(PermissionDenied):
        act(db, clock, visits.record_visit, actor=VIEWER, **visit_kwargs())
    assert act(db, clock, visits.record_visit, actor=LIAISON, **visit_kwargs()).outcome == "new"
