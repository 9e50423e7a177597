"""日管控/周排查/月调度 page: quick entry of a stack of daily checks, find, edit, undo, delete."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from msfood.db.models import SelfCheck
from tests import list_data
from tests.ui.list_pages import delete_selected, enter, open_page, stored, undo
from tests.ui.typing_helpers import choose, double_click_row, shown_column, type_text

TODAY = dt.date(2026, 11, 24)


def test_quick_entry_find_edit_undo_delete(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any
) -> None:
    from ui.pages.records.selfchecks import SelfChecksPage

    page = open_page(qtbot, context, clock, wait_ops, SelfChecksPage)
    assert page.filter_widgets[-1].value() == "2026-11"  # opens on this month
    assert page.count_label.text() == "共 9 条"
    qtbot.mouseClick(page.quick_button, Qt.MouseButton.LeftButton)
    form = page.current_form
    assert form.fields["kind"].value() is None and form.fields["record_date"].value() == "2026-11-24"
    qtbot.keyClick(form.fields["kind"].combo, Qt.Key.Key_Down)  # 日管控, chosen (sticky from then on)
    assert form.fields["kind"].value() == "daily"
    type_text(form.fields["recorder"].edit, "张安全")
    for initials in ("hdl", "qsjc", "txsx"):
        business = form.fields["business_id"]
        qtbot.keyClicks(business.edit, initials)
        enter(qtbot, business.edit)  # picks the business
        enter(qtbot, form.focusWidget())  # saves, ready for the next
        assert "已保存" in form.status.text()
    assert form.fields["recorder"].value() == "张安全"  # sticky
    form.reject()
    for n in (1, 2, 3):
        row = stored(context, SelfCheck, business_id=list_data.bid(n), record_date=TODAY)
        assert row.kind == "daily" and row.period_key == "2026-11-24" and row.recorder == "张安全"
    wait_ops()
    assert page.count_label.text() == "共 12 条"

    qtbot.keyClicks(page.search, "hdl")
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    assert shown_column(page.view, "record_date")[0] == "2026-11-24"
    assert shown_column(page.view, "kind")[0] == "日管控"
    double_click_row(qtbot, page.view, 0)
    form = page.current_form
    form.fields["issues_found"].spin.setValue(2)
    choose(form.fields["rectified"].combo, "是")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current_form is None)
    record = stored(context, SelfCheck, business_id=list_data.bid(1), record_date=TODAY)
    assert record.issues_found == 2 and record.rectified is True
    assert shown_column(page.view, "issues_found")[0] == "2"

    undo(qtbot, page)
    assert stored(context, SelfCheck, id=record.id).issues_found == 0
    delete_selected(qtbot, page, record.id)
    assert stored(context, SelfCheck, id=record.id).deleted
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    choose(page.filter_widgets[-1], "全部期间")
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)  # the October 月调度 too
