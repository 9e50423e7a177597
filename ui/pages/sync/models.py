"""The 数据同步 page's small tables (peers, bundle history, a receipt, conflicts, a conflict's fields).

Each is a `RowsModel` over a list of rows (STYLE.md 5, small tables: `set_rows` in a reset), with
columns that say how to read a value from a row. Headers are marked QT_TRANSLATE_NOOP("SyncColumns")
and translated when shown. A row may carry a tone (warn | bad | changed) that colours it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QWidget

from ui.pages.sync.common import local_time
from ui.theme import muted_text_colour, row_tint, row_tint_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself
Index = QModelIndex | QPersistentModelIndex

TONES = ("warn", "bad", "changed", "muted")  # colours in ui/theme.py, made for the palette in force


def show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return QCoreApplication.translate("SyncColumns", "是") if value else QCoreApplication.translate(
            "SyncColumns", "否"
        )
    if isinstance(value, dt.datetime):
        return local_time(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class Col:
    header: str  # a QT_TRANSLATE_NOOP("SyncColumns", ...) literal
    value: Callable[[Any], Any]
    text: Callable[[Any], str] = show
    numeric: bool = False
    mono: bool = False  # codes and fingerprints: a fixed-width face


class RowsModel(QAbstractTableModel):
    def __init__(
        self,
        columns: Sequence[Col],
        *,
        tone: Callable[[Any], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._tone = tone
        self._rows: list[Any] = []
        self._mono = QFont("monospace")
        self._mono.setStyleHint(QFont.StyleHint.TypeWriter)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, number: int) -> Any:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self.columns)

    def text(self, row: int, column: int) -> str:
        col = self.columns[column]
        return col.text(col.value(self._rows[row]))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self.columns)):
            return None
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return col.text(col.value(row))
        if role == SORT_ROLE:
            value = col.value(row)
            return "" if value is None else value if isinstance(value, int | float | str) else str(value)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            if col.mono:
                return self._mono
            if self._tone is not None and self._tone(row) == "changed":
                bold = QFont()
                bold.setBold(True)
                return bold
            return None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and self._tone:
            tone = self._tone(row) or ""
            if tone not in TONES:
                return None
            if tone == "muted":  # no fill: a grey that reads on the list's own base
                return QBrush(muted_text_colour()) if role == Qt.ItemDataRole.ForegroundRole else None
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(row_tint(tone, sync=True))
            return QBrush(row_tint_text(tone, sync=True))
        return None

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return QCoreApplication.translate("SyncColumns", self.columns[section].header)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return section + 1
        return None
