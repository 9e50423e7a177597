"""Settings that do not change by accident (issue #17): edits are marked unsaved, leaving asks.

`UnsavedTracker` watches a settings box's inputs against the values last loaded: while they differ the
box's title carries a "*", a 未保存 label shows and Save is enabled (only then). `ask_to_save` is the
question a page with unsaved edits asks before it is left: 保存 / 放弃 / 取消.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

UNSAVED_MARK = " *"


class UnsavedTracker(QObject):
    dirty_changed = Signal(bool)

    def __init__(
        self,
        box: QGroupBox,
        *,
        save_button: QPushButton,
        values: Callable[[], dict[str, Any]],
        editable: bool,
    ) -> None:
        super().__init__(box)
        self.box, self.save_button, self.values, self.editable = box, save_button, values, editable
        self.title = box.title()
        self.baseline: dict[str, Any] | None = None  # None until the values were loaded
        self.dirty = False
        self.label = QLabel(QCoreApplication.translate("Settings", "未保存"))
        self.label.setObjectName("unsavedLabel")
        self.label.setProperty("tone", "warn")  # style.qss colours it from the palette
        self.label.hide()
        self.save_button.setEnabled(False)

    def watch(self, widgets: Iterable[QWidget]) -> None:
        for widget in widgets:
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.refresh)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.refresh)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self.refresh)
            elif isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.refresh)
            elif isinstance(widget, QAbstractButton):
                widget.toggled.connect(self.refresh)

    def set_baseline(self, values: dict[str, Any]) -> None:
        """The values as saved (just loaded, or just written): nothing is unsaved."""
        self.baseline = _comparable(values)
        self.refresh()

    def changed_values(self) -> dict[str, Any]:
        if self.baseline is None:
            return {}
        baseline = self.baseline
        now = self.values()
        return {key: value for key, value in now.items() if baseline.get(key) != _comparable_value(value)}

    def refresh(self, *_args: object) -> None:
        dirty = bool(self.changed_values())
        self.box.setTitle(self.title + (UNSAVED_MARK if dirty else ""))
        self.label.setVisible(dirty)
        self.save_button.setEnabled(self.editable and dirty)
        if dirty != self.dirty:
            self.dirty = dirty
            self.dirty_changed.emit(dirty)


def _comparable_value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, dict):
        return _comparable(value)
    return value


def _comparable(values: dict[str, Any]) -> dict[str, Any]:
    return {key: _comparable_value(value) for key, value in values.items()}


def ask_to_save(parent: QWidget, what: str) -> QMessageBox.StandardButton:
    """保存 / 放弃 / 取消 for unsaved edits of `what` (Save is the default: Enter keeps the edits)."""
    save, discard = QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard
    cancel = QMessageBox.StandardButton.Cancel
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Settings", "未保存的修改"),
        QCoreApplication.translate("Settings", "“{what}”有未保存的修改。离开前要保存吗？").format(what=what),
        save | discard | cancel,
        parent,
    )
    box.setObjectName("unsavedQuestion")
    box.button(save).setText(QCoreApplication.translate("Settings", "保存"))
    box.button(discard).setText(QCoreApplication.translate("Settings", "放弃修改"))
    box.button(cancel).setText(QCoreApplication.translate("Settings", "取消"))
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    return QMessageBox.StandardButton(box.exec())
