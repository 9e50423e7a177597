"""督导记录 page: log visits in quick entry, add and close a problem, find, delete and undo."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from msfood.db.models import Problem, Visit
from tests import list_data
from tests.ui.list_pages import delete_selected, enter, open_page, stored, undo
from tests.ui.typing_helpers import choose, double_click_row, shown_column, type_text

TODAY = dt.date(2026, 11, 24)


def visits_today(context: Any) -> list[Visit]:
    with context.database.sessions() as session:
        return list(session.scalars(select(Visit).where(Visit.visit_date == TODAY, Visit.deleted.is_(False))))


def test_quick_entry_logs_visits_in_a_row(qtbot: Any, context: Any, clock: Any, wait_ops: Any) -> None:
    from ui.pages.records.visits import VisitsPage

    page = open_page(qtbot, context, clock, wait_ops, VisitsPage)
    visits = page.visits
    qtbot.mouseClick(visits.quick_button, Qt.MouseButton.LeftButton)
    form = visits.current_form
    assert form.quick and form.windowTitle() == "新增督导记录"
    cadre, business = form.fields["cadre_id"], form.fields["business_id"]
    qtbot.keyClicks(cadre.edit, "zy")
    enter(qtbot, cadre.edit)
    qtbot.keyClicks(business.edit, "hdl")
    enter(qtbot, business.edit)  # picks 海底捞火锅, focus moves on
    qtbot.keyClick(form.fields["mode"].combo, Qt.Key.Key_Down)  # 现场督导: nothing is chosen for the user
    enter(qtbot, form.fields["visit_date"].edit)  # saves; the form stays open for the next
    assert form.isVisible() and "已保存：海底捞火锅" in form.status.text()
    assert business.value() is None and cadre.value() == list_data.cid("13700000001")  # the cadre stays
    assert form.fields["visit_date"].value() == "2026-11-24"
    qtbot.keyClicks(business.edit, "qsjc")
    enter(qtbot, business.edit)
    enter(qtbot, form.fields["mode"].combo)
    assert {v.business_id for v in visits_today(context)} == {list_data.bid(1), list_data.bid(2)}
    assert {v.mode for v in visits_today(context)} == {"onsite"}
    form.reject()
    assert set(shown_column(visits.view, "visit_date")[:2]) == {"2026-11-24"}


def test_a_video_visit_to_a_high_risk_business_warns_in_place(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any
) -> None:
    from ui.pages.records.visits import VisitsPage

    page = open_page(qtbot, context, clock, wait_ops, VisitsPage)
    form = page.visits.new_record()
    form.fields["cadre_id"].choose_first("吴二")
    form.fields["business_id"].choose_first("txsx")
    choose(form.fields["mode"].combo, "视频督导")
    qtbot.waitUntil(lambda: "现场督导" in form.warnings.text())
    assert visits_today(context) == []  # the check wrote nothing


def test_add_close_find_delete_and_undo(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any
) -> None:
    from ui.pages.records.visits import VisitsPage

    page = open_page(qtbot, context, clock, wait_ops, VisitsPage)
    visits = page.visits
    qtbot.keyClicks(visits.search, "qsjc")
    qtbot.waitUntil(lambda: visits.model.rowCount() == 1)
    double_click_row(qtbot, visits.view, 0)
    form = visits.current_form
    assert form.windowTitle() == "修改督导记录"
    editor = form.fields["problems"]
    assert [p["description"] for p in editor.value()] == ["健康证过期", "留样不足"]
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.table.item(2, 0).setText("灭蝇灯损坏")
    editor.table.item(2, 1).setText("2026-12-10")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visits.current_form is None)
    visit_id = list_data.visit_id("13700000001", 2, "2026-10-08")
    problem = stored(context, Problem, visit_id=visit_id, seq=3)
    assert problem.description == "灭蝇灯损坏" and problem.status == "pending"
    assert shown_column(visits.view, "problems") == ["3"]

    page.tabs.setCurrentIndex(1)  # 整改问题
    problems = page.problems
    type_text(problems.search, "灭蝇灯")
    qtbot.waitUntil(lambda: problems.model.rowCount() == 1)
    form = problems.open_record(problems.model.row(0).id)
    choose(form.fields["status"].combo, "已销号")
    form.fields["closed_on"].edit.setText("2026-11-20")
    enter(qtbot, form.fields["closed_on"].edit)
    qtbot.waitUntil(lambda: problems.current_form is None)
    assert stored(context, Problem, id=problem.id).status == "closed"
    assert shown_column(problems.view, "status") == ["已销号"]

    page.tabs.setCurrentIndex(0)
    delete_selected(qtbot, visits, visit_id)
    assert stored(context, Visit, id=visit_id).deleted
    assert stored(context, Problem, id=problem.id).deleted
    qtbot.waitUntil(lambda: visits.model.rowCount() == 0)
    undo(qtbot, visits)
    assert not stored(context, Visit, id=visit_id).deleted
    assert not stored(context, Problem, id=problem.id).deleted
    qtbot.waitUntil(lambda: visits.model.rowCount() == 1)


def test_a_figure_opens_the_overdue_problems(qtbot: Any, context: Any, clock: Any, wait_ops: Any) -> None:
    from ui.pages.records.visits import VisitsPage

    page = open_page(qtbot, context, clock, wait_ops, VisitsPage)
    page.problems.show_filtered(status="overdue", period=None)
    assert shown_column(page.problems.view, "description") == ["健康证过期"]
    assert page.problems.filter_widgets[1].currentText() == "已逾期"
    # overdue rows are drawn in red
    assert page.problems.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    wait_ops()
    assert page.problems.count_label.text() == "共 1 条"


def test_the_checklist_is_answered_on_the_visit(qtbot: Any, context: Any, clock: Any, wait_ops: Any) -> None:
    from msfood.db.models import VisitAnswer
    from ui.pages.records.visits import VisitsPage

    page = open_page(qtbot, context, clock, wait_ops, VisitsPage)
    form = page.visits.new_record()
    form.fields["cadre_id"].choose_first("zy")
    form.fields["business_id"].choose_first("hdl")
    choose(form.fields["mode"].combo, "现场督导")
    checklist = form.fields["answers"]
    assert checklist.table.rowCount() == 9  # the national checklist: four task areas and five more
    assert checklist.table.item(4, 0).text() == "两员配备"
    choose(checklist.combo(0), "符合")
    choose(checklist.combo(4), "不符合")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.visits.current_form is None)
    visit = visits_today(context)[0]
    with context.database.sessions() as session:
        stored_answers = session.scalars(select(VisitAnswer).where(VisitAnswer.visit_id == visit.id))
        answers = {a.answer for a in stored_answers}
    assert answers == {"yes", "no"}
    form = page.visits.open_record(visit.id)
    assert form.fields["answers"].combo(4).currentText() == "不符合"
    assert form.fields["answers"].combo(1).currentText() == "（未填）"
