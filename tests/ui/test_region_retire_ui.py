"""区划管理 → 撤销（停用）…: a clerk retires a village with an end date, sees it greyed with its date,
is told why a region with businesses cannot be retired, and undoes it; the business form no longer
offers the retired village, except to a business already registered there."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select
from test_region_editor import click_item, load_shifeng

from msfood.db.models import Region

EMPTY, BUSY = "430204001003", "430204001002"  # a village with no business, one with a business


def retired_on(context, code: str) -> dt.date | None:  # type: ignore[no-untyped-def]
    with context.database.sessions() as session:
        return session.scalar(select(Region.retired_on).where(Region.code == code))


def settle(qtbot, editor, wait_ops) -> None:  # type: ignore[no-untyped-def]
    wait_ops()
    qtbot.waitUntil(lambda: not editor.is_busy())
    wait_ops()


@pytest.fixture
def editor(qtbot, context, clock, wait_ops, no_dialogs):  # type: ignore[no-untyped-def]
    from msfood.services.roster import editing as roster
    from msfood.services.writing.transaction import unit_of_work
    from ui.regions.dialogs import RegionEditorDialog

    dialog = RegionEditorDialog(context)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    wait_ops()
    editor = dialog.editor
    load_shifeng(qtbot, editor, wait_ops, no_dialogs)
    with unit_of_work(context.database.sessions, actor=context.actor, clock=clock) as uow:
        roster.save_business(uow, name="清水家常饭店", credit_code="91430211000009136F", form="餐饮服务",
                             grade="D", region_code=BUSY)
    editor.reload()
    settle(qtbot, editor, wait_ops)
    yield editor
    wait_ops()


def retire_through_the_dialog(qtbot, editor, day: QDate) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(editor.retire_button, Qt.MouseButton.LeftButton)
    dialog = editor.retire_dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "撤销区划"
    dialog.date_edit.setFocus()
    dialog.date_edit.setDate(day)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "撤销"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_retire_a_village_see_it_greyed_and_undo(qtbot, editor, context, wait_ops, no_dialogs,
                                                monkeypatch, tmp_path: Path) -> None:
    # a village with a business: neither retired nor deleted, and the editor says why
    click_item(qtbot, editor, BUSY)
    assert not editor.retire_button.isEnabled() and not editor.delete_button.isEnabled()
    reason = editor.retire_reason.text()
    assert "1 个包保主体" in reason and "请先把这些主体改到其他区划" in reason
    assert "不能删除" in editor.delete_reason.text()
    click_item(qtbot, editor, "430204001")  # its township: the business under it counts too
    assert not editor.retire_button.isEnabled() and "1 个包保主体" in editor.retire_reason.text()

    # an empty village: retired through the date dialog
    click_item(qtbot, editor, EMPTY)
    assert editor.retire_button.isEnabled() and not editor.unretire_button.isEnabled()
    retire_through_the_dialog(qtbot, editor, QDate(2026, 6, 30))
    settle(qtbot, editor, wait_ops)
    assert retired_on(context, EMPTY) == dt.date(2026, 6, 30)
    assert editor.selected() is not None and editor.selected().code == EMPTY  # still in the tree
    item = editor.items[editor.selected().id]
    assert item.text(0).endswith("（已撤销 2026-06-30）")
    grey = editor.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert item.foreground(0).color() == grey and item.foreground(1).color() == grey
    assert "已撤销，最后使用日 2026-06-30" in editor.chosen_label.text()
    assert editor.unretire_button.isEnabled()

    shots = Path(os.environ.get("MSFOOD_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    for name, code in (("region_editor_retired", EMPTY), ("region_editor_retired_greyed", BUSY)):
        click_item(qtbot, editor, code)
        qtbot.wait(50)  # the side box's layout settles on the next turns of the event loop
        out = shots / f"{name}.png"
        assert editor.window().grab().save(str(out))
        image = QImage(str(out))
        window = editor.window()  # as large as asked, or as the test screen has room for
        assert (image.width(), image.height()) == (window.width(), window.height())
        assert window.screen().availableGeometry().contains(window.frameGeometry())
    click_item(qtbot, editor, EMPTY)

    # the business form offers every village but the retired one
    from ui.forms.field_editors import make
    from ui.forms.kinds import BUSINESS

    decl = next(d for d in BUSINESS.fields if d.name == "region_code")
    field = make(decl, context)
    qtbot.addWidget(field)
    offered = [field.combo.itemData(i) for i in range(field.combo.count())]
    assert BUSY in offered and EMPTY not in offered
    field.set_value(EMPTY)  # a business already registered there keeps it, marked
    assert field.value() == EMPTY and "（已撤销 2026-06-30）" in field.combo.currentText()
    field.set_value(None)  # the next new record does not see it
    assert EMPTY not in [field.combo.itemData(i) for i in range(field.combo.count())]

    # undo, after a yes
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(editor.unretire_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor, wait_ops)
    assert retired_on(context, EMPTY) is None
    assert editor.items[editor.selected().id].text(0) == editor.selected().name
    assert editor.retire_button.isEnabled() and not editor.unretire_button.isEnabled()


def test_a_date_in_a_closed_period_is_refused_in_plain_words(qtbot, editor, context, clock, wait_ops,
                                                            no_dialogs) -> None:
    from msfood.services.periods.closing import close_period
    from msfood.services.writing.transaction import unit_of_work

    with unit_of_work(context.database.sessions, actor=context.actor, clock=clock) as uow:
        close_period(uow, period="2026Q2")
    click_item(qtbot, editor, EMPTY)
    retire_through_the_dialog(qtbot, editor, QDate(2026, 5, 31))
    wait_ops()
    assert no_dialogs[-1][0] == "无法撤销" and "已关账的期间 2026Q2" in no_dialogs[-1][1]
    assert retired_on(context, EMPTY) is None
