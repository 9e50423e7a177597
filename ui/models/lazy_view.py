"""The table view for a LazyTableModel: keeps its place while pages come and go, jumps to either end.

Scrolling to the top loads the page before the window; Ctrl+End / Ctrl+Home jump to the table's real
last / first row (the reverse keyset query), not just the window's.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.lazy_table import ID_ROLE, LazyTableModel


class LazyTableView(QTableView):
    """Sorting by header click re-queries; double-click or Enter emits `activated_id`."""

    activated_id = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._on_header_section_clicked)
        self.doubleClicked.connect(self._on_self_double_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)

    def lazy_model(self) -> LazyTableModel:
        model = self.model()
        assert isinstance(model, LazyTableModel)
        return model

    def setModel(self, model: LazyTableModel) -> None:  # type: ignore[override]  # noqa: N802
        super().setModel(model)
        model.rows_dropped_front.connect(self._on_model_rows_dropped_front)
        model.rows_added_front.connect(self._on_model_rows_added_front)
        model.modelReset.connect(self._show_sort_indicator)
        self._show_sort_indicator()
        self.size_columns()

    def size_columns(self) -> None:
        model = self.lazy_model()
        char = self.fontMetrics().horizontalAdvance("汉")
        for section, column in enumerate(model.columns):
            title = self.fontMetrics().horizontalAdvance(column.title) + 36
            self.setColumnWidth(section, max(title, column.width * char))

    # --- sorting ------------------------------------------------------------------------------------

    def _show_sort_indicator(self) -> None:
        model = self.lazy_model()
        header = self.horizontalHeader()
        order = Qt.SortOrder.DescendingOrder if model.current_sort.descending else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)
        header.setSortIndicator(model.sort_column(), order)
        header.blockSignals(False)

    def _on_header_section_clicked(self, section: int) -> None:
        model = self.lazy_model()
        if model.columns[section].sort is None:
            self._show_sort_indicator()
            return
        descending = not model.current_sort.descending if section == model.sort_column() else False
        model.sort(section, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self._show_sort_indicator()

    # --- keeping the place --------------------------------------------------------------------------

    def _on_model_rows_dropped_front(self, count: int) -> None:
        self._shift(-count)

    def _on_model_rows_added_front(self, count: int) -> None:
        self._shift(count)

    def _shift(self, rows: int) -> None:
        """Keep showing the same records while rows come or go above them (not a user's scroll)."""
        bar = self.verticalScrollBar()
        self._shifting = True
        try:
            bar.setValue(max(bar.minimum(), bar.value() + rows))
        finally:
            self._shifting = False

    def _on_scroll_value_changed(self, value: int) -> None:
        model = self.model()
        if getattr(self, "_shifting", False) or not isinstance(model, LazyTableModel):
            return
        if value == self.verticalScrollBar().minimum() and model.has_before:
            model.fetch_previous()

    def jump_to_end(self) -> None:
        model = self.lazy_model()
        if model.has_after:
            model.jump_to_end()
        if model.rowCount():
            self.selectRow(model.rowCount() - 1)
        self.scrollToBottom()

    def jump_to_start(self) -> None:
        model = self.lazy_model()
        if model.has_before:
            model.jump_to_start()
        if model.rowCount():
            self.selectRow(0)
        self.scrollToTop()

    # --- opening a record ---------------------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_id(self, record_id: str) -> bool:
        row = self.lazy_model().row_of(record_id)
        if row < 0:
            return False
        self.selectRow(row)
        self.scrollTo(self.model().index(row, 0))
        return True

    def _on_self_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated_id.emit(index.data(ID_ROLE))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if control and event.key() == Qt.Key.Key_End:
            self.jump_to_end()
            return
        if control and event.key() == Qt.Key.Key_Home:
            self.jump_to_start()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_id.emit(self.currentIndex().data(ID_ROLE))
            return
        super().keyPressEvent(event)
