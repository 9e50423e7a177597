"""The schedule's planned visits as a small table model (STYLE.md 5: set_rows in a reset).

The date and the note are editable: an edit does not change the row here, it asks (signals) for the
service to save it; the dialog reloads the schedule when the save is done, so the table always shows
what the database holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDateEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from msfood.domain.enums import WEEKDAYS_ZH
from ui.theme import status_colour

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2

CADRE, DATE, WEEKDAY, VILLAGE, BUSINESS, MODE, NOTE = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("ScheduleTableModel", "包保干部"),
    QT_TRANSLATE_NOOP("ScheduleTableModel", "日期"),
    QT_TRANSLATE_NOOP("ScheduleTableModel", "星期"),
    QT_TRANSLATE_NOOP("ScheduleTableModel", "村（社区）"),
    QT_TRANSLATE_NOOP("ScheduleTableModel", "包保主体"),
    QT_TRANSLATE_NOOP("ScheduleTableModel", "方式"),
    QT_TRANSLATE_NOOP("ScheduleTableModel", "备注"),
)
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class ScheduleTableModel(QAbstractTableModel):
    date_edited = Signal(str, object)  # plan id, datetime.date
    note_edited = Signal(str, str)  # plan id, note

    def __init__(self, parent: Any = None, *, editable: bool = True) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []  # msfood.planning.schedule.PlanEntry
        self.editable = editable

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def entry(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(HEADERS)

    def _text(self, entry: Any, column: int) -> str:
        from ui.i18n import is_english

        if column == CADRE:
            return self.tr("{name}（{phone}）").format(name=entry.cadre.name, phone=entry.cadre.phone)
        if column == DATE:
            return entry.day.isoformat()
        if column == WEEKDAY:
            return (WEEKDAYS_EN if is_english() else WEEKDAYS_ZH)[entry.day.weekday()]
        if column == VILLAGE:
            return entry.village_name
        if column == BUSINESS:
            return entry.business_name + (self.tr("（高风险）") if entry.high_risk else "")
        if column == MODE:
            mode = self.tr("集中督导") if entry.mode == "gathered" else self.tr("现场督导")
            return mode + (self.tr("（已调整）") if entry.edited else "")
        return entry.note

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(entry, column)
            if role == Qt.ItemDataRole.ToolTipRole and column == DATE and not entry.workday:
                return self.tr("{day} 不是工作日").format(day=text)
            return text
        if role == Qt.ItemDataRole.EditRole:
            if column == DATE:
                return QDate(entry.day.year, entry.day.month, entry.day.day)
            return entry.note if column == NOTE else None
        if role == SORT_ROLE:
            return entry.day.isoformat() if column == DATE else self._text(entry, column)
        if role == ENTRY_ROLE:
            return entry
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == DATE
            and (not entry.workday or not entry.counts)
        ):
            # a holiday or outside the window: it will not land the figure (red, readable on the list)
            return status_colour("bad", QApplication.palette().color(QPalette.ColorRole.Base))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.editable and index.isValid() and index.column() in (DATE, NOTE):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in (DATE, NOTE):
            return False
        entry = self._rows[index.row()]
        if index.column() == DATE:
            day = value.toPython() if isinstance(value, QDate) else value
            if not isinstance(day, dt.date) or day == entry.day:
                return False
            self.date_edited.emit(entry.id, day)
            return True
        text = str(value or "").strip()
        if text == entry.note:
            return False
        self.note_edited.emit(entry.id, text)
        return True

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(HEADERS):
            from PySide6.QtCore import QCoreApplication

            return QCoreApplication.translate("ScheduleTableModel", str(HEADERS[section]))
        return None


class DateDelegate(QStyledItemDelegate):
    """A date editor with a calendar for the date column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor = QDateEdit(parent)
        editor.setObjectName("planDateEdit")
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        return editor
