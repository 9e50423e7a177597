"""设置 does not change by accident (issue #17): the wheel needs focus, edits are marked, leaving asks."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QScrollArea, QSpinBox

from msfood.services import rules


def wheel(widget: Any, notches: int) -> None:
    """Turn the mouse wheel over the middle of `widget` (as the spin box gets it from its line edit)."""
    target = widget
    centre = QPointF(target.rect().center())
    event = QWheelEvent(
        centre, QPointF(target.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(target, event)


def stored(context: Any, key: str) -> Any:
    with context.database.sessions() as session:
        return rules.get_settings(session)[key]


@pytest.fixture
def window(qtbot, context, wait_ops):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(context)  # closed here, not by qtbot: its close would ask about unsaved edits
    window.resize(1100, 640)  # the settings page scrolls
    window.show()
    window.show_page("settings")
    wait_ops()
    yield window
    window.page("settings").settings_box.discard()
    window.close()
    window.deleteLater()
    wait_ops()


class Answers(list):  # type: ignore[type-arg]
    """The answers the unsaved-edits question gets, in turn; `asked` keeps each question's text."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()

    def answer(box: QMessageBox) -> int:
        given.asked.append(box.text())
        return int(given.pop(0).value)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return given


def disposal_spin(window: Any) -> QSpinBox:
    page = window.page("settings")
    spin = page.settings_box.spins["disposal_days"]
    page.findChild(QScrollArea).ensureWidgetVisible(spin)
    return spin  # type: ignore[no-any-return]


def test_the_wheel_over_an_unfocused_setting_scrolls_the_page_not_the_value(qtbot, window, context):
    spin = disposal_spin(window)
    page = window.page("settings")
    assert spin.value() == 90 and not spin.hasFocus()
    scroll_bar = page.findChild(QScrollArea).verticalScrollBar()
    scroll_bar.setValue(0)
    before = scroll_bar.value()
    wheel(spin, 3)
    assert spin.value() == 90
    assert scroll_bar.value() != before  # the wheel went to the page
    assert not page.has_unsaved_changes()
    assert page.settings_box.save_button.isEnabled() is False
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not give it focus either
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin, 3)  # clicked into: now the wheel is meant for it
    assert spin.value() == 87
    assert page.has_unsaved_changes()


def test_an_edit_is_marked_unsaved_and_leaving_asks(qtbot, window, context, wait_ops, answers):
    page = window.page("settings")
    box = page.settings_box
    spin = disposal_spin(window)
    title = box.title()
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert spin.value() == 89
    assert box.title() == title + " *"
    assert box.unsaved.label.isVisible() and box.unsaved.label.text() == "未保存"
    assert box.save_button.isEnabled()
    settings_row = window.page_keys().index("settings")
    assert window.nav.item(settings_row).text() == "设置 *"

    answers.append(QMessageBox.StandardButton.Cancel)  # 取消: stay with the edit
    window.show_page("dashboard")
    assert answers.asked and "其他设置" in answers.asked[-1] and "未保存" in answers.asked[-1]
    assert window.current_page_key() == "settings" and window.stack.currentWidget() is page
    assert spin.value() == 89

    answers.append(QMessageBox.StandardButton.Discard)  # 放弃: back to the stored value
    window.show_page("dashboard")
    assert window.current_page_key() == "dashboard"
    assert spin.value() == 90 and not page.has_unsaved_changes()
    assert box.title() == title and window.nav.item(settings_row).text() == "设置"

    window.show_page("settings")
    wait_ops()
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    answers.append(QMessageBox.StandardButton.Save)  # 保存: written, then the page is left
    window.show_page("dashboard")
    wait_ops()
    assert window.current_page_key() == "dashboard"
    assert stored(context, "disposal_days") == 91
    assert len(answers.asked) == 3 and not page.has_unsaved_changes()

    window.show_page("dashboard")  # nothing unsaved: no question
    assert len(answers.asked) == 3


def test_closing_with_unsaved_settings_asks_first(qtbot, window, context, wait_ops, answers):
    spin = disposal_spin(window)
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Down)
    answers.append(QMessageBox.StandardButton.Cancel)
    assert window.close() is False
    assert window.isVisible() and len(answers.asked) == 1
    answers.append(QMessageBox.StandardButton.Save)
    assert window.close() is True
    wait_ops()
    assert stored(context, "disposal_days") == 89


def test_restoring_the_defaults_is_unsaved_until_saved(qtbot, window, context, wait_ops):
    page = window.page("settings")
    box = page.settings_box
    box.spins["disposal_days"].setValue(120)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert stored(context, "disposal_days") == 120 and not page.has_unsaved_changes()
    assert not box.save_button.isEnabled()
    qtbot.mouseClick(box.defaults_button, Qt.MouseButton.LeftButton)
    assert box.spins["disposal_days"].value() == 90 and page.has_unsaved_changes()
    assert stored(context, "disposal_days") == 120
