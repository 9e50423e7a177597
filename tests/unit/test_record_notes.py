"""Deadlines the forms show in place: retest and handling of a failed sample, overdue problems."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msfood.services.records.deadlines import problem_notes, record_notes, visit_notes

TODAY = dt.date(2026, 11, 24)


def codes(notes: list[Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(n.code, n.field, n.params) for n in notes]


def test_a_fresh_failure_shows_the_retest_and_case_deadlines(db: Any) -> None:
    with db.sessions() as session:
        fresh = {"result": "fail", "result_date": "2026-11-20", "sampling_type": "supervision"}
        notes = record_notes(session, "samplings", fresh, TODAY)
        # No 送达 date yet: the retest window is not guessed from the day the regulator got the result.
        assert codes(notes) == [
            ("figures_rules.served_missing", "served_date", {}),
            ("note.case_deadline", "disposal_closed_on", {"date": "2027-02-18", "left": 86}),
        ]
        assert notes[0].message().startswith("送达日期未录入")
        served = record_notes(session, "samplings", {**fresh, "served_date": "2026-11-20"}, TODAY)
    # 7 working days after Friday 2026-11-20 (the day the business received it): Mon 23 ... Tue 12-01
    assert codes(served) == [
        ("figures_rules.retest_deadline", "served_date", {"date": "2026-12-01", "days": 7, "left": 7}),
        ("note.case_deadline", "disposal_closed_on", {"date": "2027-02-18", "left": 86}),
    ]
    assert served[0].message() == "企业可在 2026-12-01 前申请复检（送达后 7 个工作日内，还剩 7 天）"


def test_an_old_open_case_is_overdue_and_a_closed_one_is_not(db: Any) -> None:
    with db.sessions() as session:
        old = {"result": "fail", "result_date": dt.date(2026, 5, 1), "served_date": "2026-05-06"}
        assert codes(record_notes(session, "samplings", old, TODAY)) == [
            ("note.case_overdue", "disposal_closed_on", {"date": "2026-07-30", "late": 117})]
        assert record_notes(session, "samplings", {**old, "disposal_closed_on": "2026-06-20"}, TODAY) == []
        passed = {"result": "pass", "result_date": "2026-11-20"}
        assert record_notes(session, "samplings", passed, TODAY) == []
        assert record_notes(session, "samplings", {"result": "fail", "result_date": "bad"}, TODAY) == []


def test_an_extension_moves_the_case_deadline(db: Any) -> None:
    with db.sessions() as session:
        extended = {"result": "fail", "result_date": dt.date(2026, 5, 1), "served_date": "2026-05-06",
                    "extended_deadline": "2026-12-31", "extension_approver": "李局长",
                    "extension_approved_on": "2026-07-20"}
        assert codes(record_notes(session, "samplings", extended, TODAY)) == [
            ("figures_rules.extended", "extended_deadline",
             {"date": "2026-12-31", "approver": "李局长", "approved": "2026-07-20"}),
            ("note.case_deadline", "disposal_closed_on", {"date": "2026-12-31", "left": 37}),
        ]


def test_a_failed_risk_monitoring_sample_opens_no_case(db: Any) -> None:
    with db.sessions() as session:
        monitoring = {"result": "fail", "result_date": "2026-11-20", "served_date": "2026-11-20",
                      "sampling_type": "monitoring"}
        notes = record_notes(session, "samplings", monitoring, TODAY)
    assert [n.code for n in notes] == ["figures_rules.retest_deadline", "figures_rules.not_a_case"]
    assert notes[1].message() == "风险监测不合格不开启核查处置（按设置只有监督抽检开启），依规告知并跟踪"


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
