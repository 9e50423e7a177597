"""Deadlines the forms show in place: retest and handling of a failed sample, overdue problems."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msfood.services.record_notes import problem_notes, record_notes, visit_notes

TODAY = dt.date(2026, 11, 24)


def codes(notes: list[Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(n.code, n.field, n.params) for n in notes]


def test_a_fresh_failure_shows_the_retest_and_case_deadlines(db: Any) -> None:
    with db.sessions() as session:
        notes = record_notes(session, "samplings", {"result": "fail", "result_date": "2026-11-20"}, TODAY)
    # 7 working days after Friday 2026-11-20: Mon 23 ... Tue 12-01; 90 days: 2027-02-18
    assert codes(notes) == [
        ("note.retest_deadline", "result_date", {"date": "2026-12-01", "days": 7, "left": 7}),
        ("note.case_deadline", "disposal_closed_on", {"date": "2027-02-18", "left": 86}),
    ]
    assert notes[0].message() == "企业可在 2026-12-01 前申请复检（收到结论后 7 个工作日内，还剩 7 天）"


def test_an_old_open_case_is_overdue_and_a_closed_one_is_not(db: Any) -> None:
    with db.sessions() as session:
        old = {"result": "fail", "result_date": dt.date(2026, 5, 1)}
        assert codes(record_notes(session, "samplings", old, TODAY)) == [
            ("note.case_overdue", "disposal_closed_on", {"date": "2026-07-30", "late": 117})]
        assert record_notes(session, "samplings", {**old, "disposal_closed_on": "2026-06-20"}, TODAY) == []
        passed = {"result": "pass", "result_date": "2026-11-20"}
        assert record_notes(session, "samplings", passed, TODAY) == []
        assert record_notes(session, "samplings", {"result": "fail", "result_date": "bad"}, TODAY) == []


def test_open_problems_past_their_deadline() -> None:
    assert codes(problem_notes({"status": "pending", "deadline": "2026-11-01"}, TODAY)) == [
        ("note.problem_overdue", "deadline", {"date": "2026-11-01", "late": 23})]
    assert problem_notes({"status": "closed", "deadline": "2026-11-01"}, TODAY) == []
    assert problem_notes({"status": "pending", "deadline": "2026-11-24"}, TODAY) == []
    problems = [
        {"status": "pending", "deadline": "2026-12-01"},
        {"status": "in_progress", "deadline": "2026-11-20"},
    ]
    assert [n.params["problem"] for n in visit_notes({"problems": problems}, TODAY)] == [2]
