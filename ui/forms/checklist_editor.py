"""The visit checklist (督导检查表): each item answered 符合 / 不符合 / 不适用, or left blank."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from msfood.domain.enums import ANSWER
from msfood.i18n import language
from ui.forms.fields import Field, FieldDecl, form_text

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
        self._ids: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        for item in items:
            self._add(item.id, item.area, item.text)
        self.setFocusProxy(self.table)

    def _add(self, item_id: str, area: str, text: str) -> QComboBox:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in ((0, area), (1, text)):
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)
            self.table.setItem(row, column, cell)
        combo = QComboBox(self.table)
        combo.addItem(QCoreApplication.translate("Forms", "（未填）"), None)
        for choice in ANSWER.choices:
            combo.addItem(choice.label(language()), choice.code)
        combo.currentIndexChanged.connect(self.changed)
        self.table.setCellWidget(row, 2, combo)
        self._ids.append(item_id)
        return combo

    def combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 2)
        assert isinstance(widget, QComboBox)
        return widget

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
