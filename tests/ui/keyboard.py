"""Driving a record form with the keyboard only, as a person does: every key goes to whatever has the
focus (or to the open drop-down), never to a widget the test picked; Chinese arrives as key events that
carry the text (as an input method commits it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests import list_data

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def target() -> QWidget:
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = NO, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(target(), key, modifier)


def type_keys(text: str) -> None:
    """One key event per character to the focused widget (Chinese too), as typing does."""
    for ch in text:
        code = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target(), QKeyEvent(kind, code, NO, ch))


def open_form(qtbot: Any, context: Any, clock: Any, spec: Any, **kwargs: Any) -> Any:
    """A record form over the small station of tests/list_data.py, shown, active, focus on its first field."""
    from ui.forms.record_form import RecordForm

    list_data.build(context.database, clock)
    form = RecordForm(context, spec, **kwargs)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.focus_first()
    return form


def focused_field(form: Any) -> str | None:
    """The name of the form field that holds the focus."""
    widget = QApplication.focusWidget()
    for name, editor in form.fields.items():
        if widget is not None and (widget is editor or editor.isAncestorOf(widget)):
            return str(name)
    return None
