"""包保干部 page: create, find, edit, undo and delete a cadre through the UI; screen and database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from msfood.db.models import Cadre
from tests.ui.list_pages import delete_selected, enter, open_page, stored, undo
from tests.ui.typing_helpers import choose, double_click_row, shown_column, type_text


def test_create_find_edit_undo_and_delete_a_cadre(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any
) -> None:
    from ui.pages.roster.cadres import CadresPage

    page = open_page(qtbot, context, clock, wait_ops, CadresPage)
    assert page.count_label.text() == "共 4 条"
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N: new
    form = page.current_form
    assert form is not None and form.windowTitle() == "新增包保干部"
    type_text(form.fields["name"].edit, "赵六")
    qtbot.keyClicks(form.fields["phone"].edit, "13800000006")
    choose(form.fields["level"].combo, "乡级")
    choose(form.fields["region_code"].combo, "清水塘街道")
    enter(qtbot, form.fields["phone"].edit)
    qtbot.waitUntil(lambda: page.current_form is None)
    cadre = stored(context, Cadre, phone="13800000006")
    assert cadre.name == "赵六" and cadre.level == "township" and cadre.name_initials == "zl"

    qtbot.keyClicks(page.search, "zl")
    qtbot.waitUntil(lambda: shown_column(page.view, "name") == ["赵六"])
    assert shown_column(page.view, "level") == ["乡级"]
    wait_ops()
    assert page.count_label.text() == "共 1 条"

    double_click_row(qtbot, page.view, 0)
    form = page.current_form
    type_text(form.fields["title"].edit, "副镇长")
    enter(qtbot, form.fields["title"].edit)
    qtbot.waitUntil(lambda: page.current_form is None)
    assert stored(context, Cadre, phone="13800000006").title == "副镇长"
    assert shown_column(page.view, "title") == ["副镇长"]

    undo(qtbot, page)
    assert stored(context, Cadre, phone="13800000006").title is None
    assert shown_column(page.view, "title") == [""]

    delete_selected(qtbot, page, cadre.id)
    assert stored(context, Cadre, phone="13800000006").deleted
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)

    undo(qtbot, page)  # the delete, undone: the same record is back
    back = stored(context, Cadre, phone="13800000006")
    assert back.id == cadre.id and not back.deleted
    qtbot.waitUntil(lambda: shown_column(page.view, "name") == ["赵六"])

