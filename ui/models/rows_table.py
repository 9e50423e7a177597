"""A small table of plain values under fixed headers (STYLE.md 5, small tables: `set_rows` in a reset).

The drill-down's lists and the settings' tables (rules, holidays, users) show rows this way; a `Shown`
cell carries a text that is not its value (缺 11 天), with a tooltip and the value to sort by (SORT_ROLE).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class Shown(NamedTuple):
    """A cell whose text is not its value: 缺 11 天, with the days present/required in the tooltip."""

    text: str
    tooltip: str = ""
    sort: Any = None

    def __str__(self) -> str:
        return self.text


def qdate_to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("RowsTableModel", "是")
        return QCoreApplication.translate("RowsTableModel", "否")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Shown):
        return value.text
    return str(value)


class RowsTableModel(QAbstractTableModel):
    """Rows of plain values under fixed headers; SORT_ROLE gives the raw value for sorting."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[Any, ...]] = []

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self.endResetModel()

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell (a date, a number, a Shown), for the Excel export."""
        return self._rows[row][column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(value)
        if isinstance(value, Shown):
            if role == Qt.ItemDataRole.ToolTipRole:
                return value.tooltip or None
            if role == SORT_ROLE:
                return value.sort if value.sort is not None else value.text
            return None
        if role == SORT_ROLE:
            if value is None:
                return ""
            if isinstance(value, dt.date):
                return value.isoformat()
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None
