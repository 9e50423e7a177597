"""The problems found on a visit (清单制): one line each, with deadline, status and closing date (销号制)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msfood.domain.enums import PROBLEM_STATUS
from msfood.i18n import language
from ui.forms.fields import Field, FieldDecl, form_text

HEADERS = (
    QT_TRANSLATE_NOOP("Forms", "问题描述"),
    QT_TRANSLATE_NOOP("Forms", "整改期限"),
    QT_TRANSLATE_NOOP("Forms", "整改状态"),
    QT_TRANSLATE_NOOP("Forms", "整改完成日期"),
)
DESCRIPTION, DEADLINE, STATUS, CLOSED_ON = range(4)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


class ProblemsEditor(Field):
    """Gives a list of {description, deadline, status, closed_on} (text as typed, status as a code)."""

    def __init__(self, decl: FieldDecl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([form_text(h) for h in HEADERS])
        self.table.horizontalHeader().setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(self.changed)
        self.add_button = QPushButton(QCoreApplication.translate("Forms", "添加问题"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("Forms", "删除所选问题"), self)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def add_problem(self, description: str = "", deadline: Any = None, status: str | None = None,
                    closed_on: Any = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in ((DESCRIPTION, description), (DEADLINE, deadline), (CLOSED_ON, closed_on)):
            self.table.setItem(row, column, QTableWidgetItem(_text(value)))
        combo = QComboBox(self.table)
        combo.addItem(QCoreApplication.translate("Forms", "（按完成日期）"), None)
        for choice in PROBLEM_STATUS.choices:
            combo.addItem(choice.label(language()), choice.code)
        combo.setCurrentIndex(max(combo.findData(status), 0))
        combo.currentIndexChanged.connect(self.changed)
        self.table.setCellWidget(row, STATUS, combo)
        self.changed.emit()
        return row

    def _on_add_button_clicked(self) -> None:
        row = self.add_problem()
        self.table.setCurrentCell(row, DESCRIPTION)
        self.table.editItem(self.table.item(row, DESCRIPTION))

    def _on_remove_button_clicked(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows or ([self.table.rowCount() - 1] if self.table.rowCount() else []):
            self.table.removeRow(row)
        self.changed.emit()

    def value(self) -> Any:
        problems = []
        for row in range(self.table.rowCount()):
            cells = {}
            for column in (DESCRIPTION, DEADLINE, CLOSED_ON):
                item = self.table.item(row, column)
                cells[column] = item.text().strip() if item is not None else ""
            combo = self.table.cellWidget(row, STATUS)
            status = combo.currentData() if isinstance(combo, QComboBox) else None
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
