"""What the administration dialogs share: a small text table model, a table view whose Ctrl+C copies
the selected rows, and the default folder for files people save (their Documents)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QStandardPaths, Qt
from PySide6.QtGui import QBrush, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from msfood.core.clock import CHINA
from ui.settings import AppSettings, FolderKind
from ui.theme import ROW_TINTS, row_tint, row_tint_text

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
TONES = frozenset(ROW_TINTS)


class TextTableModel(QAbstractTableModel):
    """Rows of display texts under fixed headers (small tables: a reset per change). A row may carry
    a tone (bad | warn | changed) that colours it."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self._rows: list[tuple[str, ...]] = []
        self._tones: list[str | None] = []

    def set_rows(self, rows: Sequence[Sequence[Any]], tones: Sequence[str | None] | None = None) -> None:
        self.beginResetModel()
        self._rows = [tuple("" if v is None else str(v) for v in row) for row in rows]
        self._tones = list(tones) if tones is not None else [None] * len(self._rows)
        self.endResetModel()

    def rows(self) -> list[tuple[str, ...]]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return row[index.column()] if index.column() < len(row) else ""
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            tone = self._tones[index.row()]
            if tone not in TONES:
                return None
            # a light tint needs dark text, also under a dark palette (whose text is light)
            return QBrush(row_tint(tone) if role == Qt.ItemDataRole.BackgroundRole else row_tint_text(tone))
        return None

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


def selected_text(view: QTableView) -> str:
    """The selected rows (or the current one), tab-separated, one line each: ready for Excel."""
    model = view.model()
    rows = sorted({i.row() for i in view.selectionModel().selectedRows()}) if view.selectionModel() else []
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    lines = []
    for r in rows:
        cells = [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        lines.append("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in cells))
    return "\n".join(lines)


class CopyableTableView(QTableView):
    """A read-only table of whole-row selection; Ctrl+C copies the selected rows as text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)  # one line a row; the whole text is in the tooltip
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def copy_selection(self) -> str:
        text = selected_text(self)
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)


def documents_folder() -> str:
    """Where files people save go by default: their Documents folder (文档), made when the platform
    names one that is not there yet; the home folder without one. Never the program's own folder or
    the working directory."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents:
        try:
            Path(documents).mkdir(parents=True, exist_ok=True)
        except OSError:
            return str(Path.home())
        return documents
    return str(Path.home())


def start_folder(settings: AppSettings | None, kind: FolderKind) -> str:
    """Where a file dialog for this kind of file opens: the folder last used for it, else Documents."""
    remembered = settings.last_folder(kind) if settings is not None else ""
    return remembered if remembered and Path(remembered).is_dir() else documents_folder()


def start_path(settings: AppSettings | None, kind: FolderKind, name: str = "") -> str:
    """The start folder with a suggested file name in it (what a save dialog is given)."""
    folder = start_folder(settings, kind)
    return str(Path(folder) / name) if name else folder


def remember_chosen(settings: AppSettings | None, kind: FolderKind, chosen: str | Path) -> None:
    """Remember the folder of a chosen file (or the chosen folder itself) for the next dialog."""
    if settings is None or not str(chosen):
        return
    path = Path(chosen)
    settings.remember_folder(kind, path if path.is_dir() else path.parent)


def local_text(moment: dt.datetime | None) -> str:
    """A stored time (UTC; naive means UTC) as China time to the minute, or — when there is none."""
    if moment is None:
        return "—"
    at = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return f"{at.astimezone(CHINA):%Y-%m-%d %H:%M}"
