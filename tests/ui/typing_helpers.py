"""Driving list pages and forms as a person does: typing (Chinese too), Enter, double-clicks.

qtbot.keyClicks aborts on non-ASCII text, so Chinese goes in as key events that carry the text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into the focused editor `widget`, one key event per character."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def clear_and_type(widget: Any, text: str) -> None:
    widget.selectAll()
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Delete,
                                             Qt.KeyboardModifier.NoModifier))
    type_text(widget, text)


def choose(combo: QComboBox, label: str) -> None:
    """Pick the entry whose text contains `label`, as choosing it from the drop-down does."""
    load = getattr(combo, "ensure_loaded", None)
    if callable(load):
        load()  # opening the drop-down reads the entries of a box that reads them late (RegionFilter)
    for index in range(combo.count()):
        if label in combo.itemText(index):
            combo.setCurrentIndex(index)
            return
    raise AssertionError(f"{label!r} is not in {[combo.itemText(i) for i in range(combo.count())]}")


def double_click_row(qtbot: Any, view: Any, row: int, column: int = 0) -> None:
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shown_column(view: Any, field: str) -> list[str]:
    model = view.model()
    column = next(i for i, c in enumerate(model.columns) if c.field == field)
    return [model.index(r, column).data() for r in range(model.rowCount())]
