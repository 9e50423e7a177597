"""Every record form completes by keyboard alone (issue #17): Tab in order, Enter in a picker takes the
choice and moves on once, Ctrl+Enter / Ctrl+S save, Esc asks before losing changes. The saved record
is read back from the database."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from msfood.db.models import Problem, Visit, VisitAnswer
from tests import list_data
from tests.ui.keyboard import ALT, CTRL, focused_field, open_form, press, type_keys

TODAY = dt.date(2026, 11, 24)
K = Qt.Key


class Answers:
    """The replies QMessageBox.question gives (first to last; "no" once they run out), and what it asked."""

    def __init__(self) -> None:
        self.replies: list[str] = []
        self.asked: list[str] = []

    def append(self, reply: str) -> None:
        self.replies.append(reply)

    def question(self, _parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        self.asked.append(text)
        reply = self.replies.pop(0) if self.replies else "no"
        return QMessageBox.StandardButton.Yes if reply == "yes" else QMessageBox.StandardButton.No


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Never a real question box (one would wait for a click forever, even when qtbot closes a form)."""
    given = Answers()
    monkeypatch.setattr(QMessageBox, "question", given.question)
    return given


def test_a_visit_with_two_problems_by_keyboard_alone(qtbot: Any, context: Any, clock: Any) -> None:
    from ui.forms.kinds import VISIT

    form = open_form(qtbot, context, clock, VISIT)
    assert focused_field(form) == "cadre_id"
    type_keys("zy")
    press(qtbot, K.Key_Down)  # highlight 周一 in the drop-down
    press(qtbot, K.Key_Return)
    assert form.fields["cadre_id"].value() == list_data.cid("13700000001")
    assert focused_field(form) == "business_id"  # moved on once: not past the business to 督导日期
    type_keys("hdl")
    press(qtbot, K.Key_Return)  # the only match
    assert form.fields["business_id"].value() == list_data.bid(1)
    assert focused_field(form) == "visit_date"
    assert form.fields["visit_date"].value() == "2026-11-24"  # the initials did not land here
    press(qtbot, K.Key_Tab)
    assert focused_field(form) == "mode"
    press(qtbot, K.Key_Down)  # 现场督导
    press(qtbot, K.Key_Tab)
    assert focused_field(form) == "answers"
    checklist = form.fields["answers"]
    type_keys("12")  # item 1 符合, item 2 不符合
    press(qtbot, K.Key_Tab)  # leaves the checklist at once
    assert focused_field(form) == "problems"
    assert checklist.table.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags

    problems = form.fields["problems"]
    for description, deadline in (("健康证过期", "2026-12-01"), ("留样不足", "2026-12-05"), ("多余一行", "")):
        press(qtbot, K.Key_A, ALT)  # 添加问题（Alt+A）: a new line, typing its description
        type_keys(description)
        press(qtbot, K.Key_Tab)
        type_keys(deadline)
        press(qtbot, K.Key_Tab)
    assert problems.table.rowCount() == 3
    problems.table.setFocus()  # back on the table (where Tab left it: the status of line 3)
    press(qtbot, K.Key_D, ALT)  # 删除当前问题（Alt+D）
    assert problems.table.rowCount() == 2
    press(qtbot, K.Key_Tab, CTRL)  # out of the table
    assert focused_field(form) == "problems" and QApplication.focusWidget() is problems.add_button
    press(qtbot, K.Key_Tab, times=2)
    assert focused_field(form) == "remarks"
    type_keys("复查")
    press(qtbot, K.Key_S, CTRL)

    qtbot.waitUntil(lambda: form.last_saved is not None)
    with context.database.sessions() as session:
        visit = session.scalars(select(Visit).where(Visit.visit_date == TODAY)).one()
        of_visit = select(Problem).where(Problem.visit_id == visit.id).order_by(Problem.seq)
        stored = session.scalars(of_visit).all()
        answers = session.scalars(select(VisitAnswer).where(VisitAnswer.visit_id == visit.id))
        answered = {a.answer for a in answers}
    assert (visit.cadre_id, visit.business_id, visit.mode, visit.remarks) == (
        list_data.cid("13700000001"), list_data.bid(1), "onsite", "复查")
    assert [(p.description, str(p.deadline)) for p in stored] == [("健康证过期", "2026-12-01"),
                                                                 ("留样不足", "2026-12-05")]
    assert answered == {"yes", "no"}


def test_problems_table_tab_walks_then_leaves(qtbot: Any, context: Any, clock: Any) -> None:
    from ui.forms.kinds import VISIT

    form = open_form(qtbot, context, clock, VISIT)
    problems = form.fields["problems"]
    problems.set_value([{"description": "甲"}, {"description": "乙"}])
    problems.table.setFocus()
    problems.table.setCurrentCell(0, 0)
    press(qtbot, K.Key_Tab, times=7)  # eight cells: the last one
    assert QApplication.focusWidget() is problems.table and problems.table.currentRow() == 1
    press(qtbot, K.Key_Tab)
    assert QApplication.focusWidget() is problems.add_button
    problems.table.setFocus()
    problems.table.setCurrentCell(1, 2)
    press(qtbot, K.Key_Space)  # the status steps from 按完成日期 to the first status
    assert problems.value()[1]["status"] == "pending"
    press(qtbot, K.Key_Insert)  # a third line, typing its description
    type_keys("丙")
    press(qtbot, K.Key_Return)  # ends the cell's edit, and only that: the form is not saved
    assert form.last_saved is None and form.general_error.isHidden()
    problems.table.setCurrentCell(0, 0)
    press(qtbot, K.Key_Delete, CTRL)
    assert [p["description"] for p in problems.value()] == ["乙", "丙"]


def test_esc_with_changes_asks_and_keeps_the_form(qtbot: Any, context: Any, clock: Any, answers: Any) -> None:
    from ui.forms.kinds import SELFCHECK

    form = open_form(qtbot, context, clock, SELFCHECK)
    press(qtbot, K.Key_Escape)  # nothing typed: closes without asking
    assert not form.isVisible() and answers.asked == []

    form = open_form(qtbot, context, clock, SELFCHECK)
    type_keys("hdl")
    press(qtbot, K.Key_Return)
    answers.append("no")
    press(qtbot, K.Key_Escape)
    assert form.isVisible() and len(answers.asked) == 1
    assert form.fields["business_id"].value() == list_data.bid(1)  # kept as it was
    answers.append("yes")
    qtbot.mouseClick(form.close_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible() and len(answers.asked) == 2
