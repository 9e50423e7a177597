"""包保关系 page: assign a cadre by typing (pickers), see the level warning in place, find, edit, delete."""

from __future__ import annotations

from typing import Any

from msfood.db.models import Assignment
from tests import list_data
from tests.ui.list_pages import delete_selected, enter, open_page, stored, undo
from tests.ui.typing_helpers import shown_column, type_text


def test_assign_find_end_and_delete(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any
) -> None:
    from ui.pages.roster.assignments import AssignmentsPage

    page = open_page(qtbot, context, clock, wait_ops, AssignmentsPage)
    assert page.count_label.text() == "共 5 条"
    form = page.new_record()
    cadre, business = form.fields["cadre_id"], form.fields["business_id"]
    qtbot.keyClicks(cadre.edit, "zy")  # 周一 by pinyin initials
    enter(qtbot, cadre.edit)  # takes the first match, moves on
    assert cadre.value() == list_data.cid("13700000001") and "周一" in cadre.text()
    assert form.isVisible() and page.current_form is form
    type_text(business.edit, "田心")
    assert [c.chosen_text for c in business.matches()] == [f"田心生鲜超市（{list_data.credit(3)}）"]
    enter(qtbot, business.edit)
    assert business.value() == list_data.bid(3)
    assert form.fields["start_date"].value() == "2026-11-24"  # today by default
    # 周一 is a village cadre, 田心生鲜超市 is grade C (township): the service warns before saving
    qtbot.waitUntil(lambda: form.warnings.isVisible())
    assert "层级" in form.warnings.text()
    enter(qtbot, form.fields["start_date"].edit)  # saves; the warning keeps the form open
    qtbot.waitUntil(lambda: form.status.text() != "")
    assert form.status.text() == "已保存。请留意上面的提示。"
    new = stored(context, Assignment, cadre_id=list_data.cid("13700000001"), business_id=list_data.bid(3))
    assert new is not None and str(new.start_date) == "2026-11-24"
    assert form.windowTitle() == "修改包保关系"
    type_text(form.fields["end_date"].edit, "2026-12-31")
    type_text(form.fields["end_reason"].edit, "调整分工")
    enter(qtbot, form.fields["end_reason"].edit)
    assert str(stored(context, Assignment, id=new.id).end_date) == "2026-12-31"
    form.reject()

    qtbot.keyClicks(page.search, "txsx")
    qtbot.waitUntil(lambda: sorted(shown_column(page.view, "cadre_name")) == ["吴二", "周一"])
    assert page.view.select_id(new.id)
    row = page.model.row(page.view.currentIndex().row())
    assert row.end_reason == "调整分工"

    undo(qtbot, page)  # the end date, undone
    assert stored(context, Assignment, id=new.id).end_date is None
    delete_selected(qtbot, page, new.id)
    assert stored(context, Assignment, id=new.id).deleted
    qtbot.waitUntil(lambda: shown_column(page.view, "cadre_name") == ["吴二"])
