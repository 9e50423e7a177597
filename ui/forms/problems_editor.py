"""The problems found on a visit (清单制): one line each, with deadline, status and closing date (销号制).

Kept by keyboard: Alt+A (or Insert in the table) adds a line and starts typing its description, Tab
goes cell by cell and leaves the table after the last cell (Ctrl+Tab leaves at once), Space or 0-4
set the status, Alt+D (or Ctrl+Delete in the table) removes the current line.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msfood.domain.enums import PROBLEM_STATUS
from msfood.i18n import language
from ui.forms.fields import Field, FieldDecl, form_text
from ui.theme import keep_style, muted_text_style

HEADERS = (
    QT_TRANSLATE_NOOP("Forms", "问题描述"),
    QT_TRANSLATE_NOOP("Forms", "整改期限"),
    QT_TRANSLATE_NOOP("Forms", "整改状态"),
    QT_TRANSLATE_NOOP("Forms", "整改完成日期"),
)
DESCRIPTION, DEADLINE, STATUS, CLOSED_ON = range(4)
CODE = Qt.ItemDataRole.UserRole
KEYPAD = Qt.KeyboardModifier.KeypadModifier


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def status_choices() -> list[tuple[str | None, str]]:
    """(code, label): first "by the closing date" (no status given), then the statuses."""
    return [(None, QCoreApplication.translate("Forms", "（按完成日期）")),
            *((c.code, c.label(language())) for c in PROBLEM_STATUS.choices)]


class CellDelegate(QStyledItemDelegate):
    """Enter in a cell being edited ends that edit only: it must not reach the form and save it."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        enter = (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                 and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~KEYPAD)
        if enter and isinstance(editor, QWidget):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class StatusDelegate(CellDelegate):
    """The status cell edited with a drop-down (a double-click); the keyboard sets it in place."""

    def createEditor(  # noqa: N802 (Qt override)
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for code, label in status_choices():
            combo.addItem(label, code)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(CODE)), 0))

    def setModelData(  # noqa: N802 (Qt override)
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), CODE)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class ProblemsTable(QTableWidget):
    """Tab walks the cells and leaves after the last one instead of wrapping round (no Tab trap)."""

    def _step(self, forward: bool) -> bool:
        row, column = self.currentRow(), self.currentColumn()
        if row < 0:
            return False
        cell = row * self.columnCount() + max(column, 0) + (1 if forward else -1)
        if not 0 <= cell < self.rowCount() * self.columnCount():
            return False
        self.setCurrentCell(*divmod(cell, self.columnCount()))
        return True

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt override)
        return self._step(next) or super().focusNextPrevChild(next)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        step = {QAbstractItemDelegate.EndEditHint.EditNextItem: True,
                QAbstractItemDelegate.EndEditHint.EditPreviousItem: False}.get(hint)
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if step is not None else hint)
        if step is not None and not self._step(step):
            super().focusNextPrevChild(step)  # past the last cell: on to the next field

    def set_status(self, row: int, code: str | None) -> None:
        item = self.item(row, STATUS)
        if item is None:
            return
        labels = dict(status_choices())
        item.setData(CODE, code)
        item.setText(labels.get(code, labels[None]))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_Tab and modifiers & Qt.KeyboardModifier.ControlModifier:
            super().focusNextPrevChild(not modifiers & Qt.KeyboardModifier.ShiftModifier)
            return
        row = self.currentRow()
        if self.currentColumn() == STATUS and row >= 0 and not modifiers & ~KEYPAD:
            codes = [code for code, _label in status_choices()]
            digits = {getattr(Qt.Key, f"Key_{n}"): n for n in range(len(codes))}
            if key in digits:
                self.set_status(row, codes[digits[key]])
                return
            if key == Qt.Key.Key_Space:
                now = codes.index(self.item(row, STATUS).data(CODE)) if self.item(row, STATUS) else 0
                self.set_status(row, codes[(now + 1) % len(codes)])
                return
        super().keyPressEvent(event)


class ProblemsEditor(Field):
    """Gives a list of {description, deadline, status, closed_on} (text as typed, status as a code)."""

    def __init__(self, decl: FieldDecl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = ProblemsTable(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([form_text(h) for h in HEADERS])
        self.table.horizontalHeader().setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(True)
        self.table.setTabKeyNavigation(False)  # ProblemsTable walks the cells itself
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        self.table.setItemDelegate(CellDelegate(self.table))
        self.table.setItemDelegateForColumn(STATUS, StatusDelegate(self.table))
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(self.changed)
        self.add_button = QPushButton(QCoreApplication.translate("Forms", "添加问题（Alt+A）"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("Forms", "删除当前问题（Alt+D）"), self)
        self.add_button.setAutoDefault(False)  # Enter on the form still saves
        self.remove_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        # shortcuts of the whole form, not mnemonics (those are off on some platforms)
        QShortcut(QKeySequence("Alt+A"), self, activated=self._on_add_button_clicked)
        QShortcut(QKeySequence("Alt+D"), self, activated=self._on_remove_button_clicked)
        self.hint = QLabel(QCoreApplication.translate(
            "Forms", "Tab 逐格移动，最后一格后离开表格；整改状态格按空格键切换；Insert 添加，Ctrl+Delete 删除"),
            self)
        self.hint.setObjectName("problemsHint")
        self.hint.setWordWrap(True)
        keep_style(self.hint, muted_text_style)  # a quiet grey that still reads (disabled grey did not)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.table.installEventFilter(self)
        self.setFocusProxy(self.table)

    def focus_chain(self) -> list[QWidget]:
        return [self.table, self.add_button, self.remove_button]

    def add_problem(self, description: str = "", deadline: Any = None, status: str | None = None,
                    closed_on: Any = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in ((DESCRIPTION, description), (DEADLINE, deadline), (CLOSED_ON, closed_on)):
            self.table.setItem(row, column, QTableWidgetItem(_text(value)))
        self.table.setItem(row, STATUS, QTableWidgetItem())
        self.table.set_status(row, status if status in dict(status_choices()) else None)
        self.changed.emit()
        return row

    def _on_add_button_clicked(self) -> None:
        row = self.add_problem()
        self.table.setFocus()
        self.table.setCurrentCell(row, DESCRIPTION)
        self.table.editItem(self.table.item(row, DESCRIPTION))

    def _on_remove_button_clicked(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), DESCRIPTION)
        self.table.setFocus()
        self.changed.emit()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt override)
        if watched is self.table and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Insert:
                self._on_add_button_clicked()
                return True
            if event.key() == Qt.Key.Key_Delete and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._on_remove_button_clicked()
                return True
        return super().eventFilter(watched, event)

    def value(self) -> Any:
        problems = []
        for row in range(self.table.rowCount()):
            cells = {}
            for column in (DESCRIPTION, DEADLINE, CLOSED_ON):
                item = self.table.item(row, column)
                cells[column] = item.text().strip() if item is not None else ""
            status_item = self.table.item(row, STATUS)
            status = status_item.data(CODE) if status_item is not None else None
            if not any(cells.values()) and status is None:
                continue  # a blank line left over
            problems.append({"description": cells[DESCRIPTION], "deadline": cells[DEADLINE] or None,
                             "status": status, "closed_on": cells[CLOSED_ON] or None})
        return problems

    def set_value(self, value: Any, text: str | None = None) -> None:
        self.table.setRowCount(0)
        for problem in value or ():
            given = problem if isinstance(problem, dict) else vars(problem)
            self.add_problem(given.get("description") or "", given.get("deadline"), given.get("status"),
                             given.get("closed_on"))
        self.changed.emit()
