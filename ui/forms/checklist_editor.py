"""The visit checklist (督导检查表): each item answered 符合 / 不符合 / 不适用, or left blank.

Answered by keyboard: ↑↓ choose the item, 1 / 2 / 3 answer it (and move to the next item), 0 or Delete
clears it, Space steps through the answers. Tab leaves the table (it never walks its cells), and the
standard text of an item is read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msfood.domain.enums import ANSWER
from msfood.i18n import language
from ui.forms.fields import Field, FieldDecl, form_text
from ui.theme import keep_style, muted_text_style

HEADERS = (
    QT_TRANSLATE_NOOP("Forms", "检查项目"),
    QT_TRANSLATE_NOOP("Forms", "内容"),
    QT_TRANSLATE_NOOP("Forms", "结论"),
)


class ChecklistEditor(Field):
    """Gives {checklist item id: answer code} for the items answered."""

    def __init__(self, decl: FieldDecl, items: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([form_text(h) for h in HEADERS])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(160)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.installEventFilter(self)
        self._ids: list[str] = []
        self.hint = QLabel(QCoreApplication.translate(
            "Forms", "↑↓ 选择项目；按 1 符合、2 不符合、3 不适用，0 清除，空格键轮换"), self)
        self.hint.setObjectName("checklistHint")
        keep_style(self.hint, muted_text_style)  # a quiet grey that still reads (disabled grey did not)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        for item in items:
            self._add(item.id, item.area, item.text)
        self.setFocusProxy(self.table)

    def _add(self, item_id: str, area: str, text: str) -> QComboBox:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in ((0, area), (1, text)):
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)  # the standard's text
            self.table.setItem(row, column, cell)
        combo = QComboBox(self.table)
        combo.addItem(QCoreApplication.translate("Forms", "（未填）"), None)
        for choice in ANSWER.choices:
            combo.addItem(choice.label(language()), choice.code)
        combo.currentIndexChanged.connect(self.changed)
        combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table answers keys; a click still opens it
        self.table.setCellWidget(row, 2, combo)
        self._ids.append(item_id)
        return combo

    def combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def answer_current(self, key: int) -> bool:
        """1 / 2 / 3 answer the current item and step to the next; 0 or Delete clears; Space steps."""
        row = self.table.currentRow()
        if row < 0:
            if not self._ids:
                return False
            row = 0
            self.table.selectRow(0)
        combo = self.combo(row)
        digits = {getattr(Qt.Key, f"Key_{n}"): n for n in range(combo.count())}
        if key in digits:
            combo.setCurrentIndex(digits[key])
            if digits[key] and row + 1 < self.table.rowCount():
                self.table.selectRow(row + 1)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            combo.setCurrentIndex(0)
            return True
        if key == Qt.Key.Key_Space:
            combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.table:
            if event.type() == QEvent.Type.FocusIn and self.table.currentRow() < 0 and self._ids:
                self.table.selectRow(0)
            if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                    and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                    and self.answer_current(event.key())):
                return True
        return super().eventFilter(watched, event)

    def value(self) -> Any:
        answers = {}
        for row, item_id in enumerate(self._ids):
            code = self.combo(row).currentData()
            if code is not None:
                answers[item_id] = code
        return answers

    def set_value(self, value: Any, text: str | None = None) -> None:
        given = dict(value or {})
        for row, item_id in enumerate(self._ids):
            combo = self.combo(row)
            combo.setCurrentIndex(max(combo.findData(given.pop(item_id, None)), 0))
        for item_id, answer in given.items():  # answered on an older checklist version
            combo = self._add(item_id, "", item_id)
            combo.setCurrentIndex(max(combo.findData(answer), 0))
        self.changed.emit()
