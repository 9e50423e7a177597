"""The records behind a figure: a dialog listing rows (missed obligations, overdue problems, cases...).

These lists are small (what one figure counts), so they use a set_rows table model and may sort
through a proxy (STYLE.md 5: small tables). Each row may name the record it is about (a business, a
problem, a sampling): double-click or Enter opens it on its page. Ctrl+C copies the selected rows, Ctrl+P
prints the list with a preview, Ctrl+E exports it to Excel (also from the right-click menu and buttons).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.rows_table import SORT_ROLE, RowsTableModel, Shown, display
from ui.pages.lists import actions
from ui.screen_fit import fit_dialog

Target = tuple[str, str] | None  # (record kind, id), e.g. ("businesses", "…"): what a row opens


class RecordsDialog(QDialog):
    record_requested = Signal(str, str)  # (kind, id): open that record on its page

    def __init__(
        self,
        title: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        note: str = "",
        targets: Sequence[Target] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.title, self.note = title, note
        self.targets = list(targets)
        fit_dialog(self, preferred=QSize(980, 560))
        layout = QVBoxLayout(self)
        self.count_label = QLabel(self.tr("共 {n} 条").format(n=len(rows)) + (f"　{note}" if note else ""))
        self.count_label.setObjectName("drilldownCount")
        layout.addWidget(self.count_label)
        self.model = RowsTableModel(headers, self)
        self.model.set_rows(rows)
        self.proxy = proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("drilldownTable")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        if not rows:
            self.table.hide()
            empty = QLabel(self.tr("没有需要列出的记录。"))
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(empty, 1)
        layout.addWidget(self.table, 1)
        self.open_action = actions.make_action(
            self, self.tr("打开"), None, self.open_current, name="openAction")
        self.copy_action = actions.make_action(
            self, self.tr("复制选中行"), actions.keys("copy"), self.copy_rows, name="copyAction")
        self.print_action = actions.make_action(
            self, self.tr("打印…"), actions.keys("print"), self.print_list, name="printAction")
        self.export_action = actions.make_action(
            self, self.tr("导出 Excel…"), actions.keys("export"), self.export, name="exportAction")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        for action, name in ((self.print_action, "printButton"), (self.export_action, "exportButton")):
            button = QPushButton(action.text(), self)
            button.setObjectName(name)
            button.setToolTip(actions.with_shortcut(action.text().rstrip("…"), action.shortcut()))
            button.setAutoDefault(False)
            button.clicked.connect(action.trigger)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # --- opening the record a row names ---------------------------------------------------------------

    def target_at(self, view_row: int) -> Target:
        source = self.proxy.mapToSource(self.proxy.index(view_row, 0)).row()
        return self.targets[source] if 0 <= source < len(self.targets) else None

    def open_row(self, view_row: int) -> bool:
        target = self.target_at(view_row)
        if target is None:
            return False
        self.record_requested.emit(*target)
        return True

    def open_current(self) -> bool:
        index = self.table.currentIndex()
        return index.isValid() and self.open_row(index.row())

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.open_current()  # a row that names no record: nothing (Enter must not close the list)
            return
        super().keyPressEvent(event)

    def _on_table_context_menu_requested(self, pos: Any) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.selectRow(index.row())
        self.context_menu().popup(self.table.viewport().mapToGlobal(pos))

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("rowMenu")
        index = self.table.currentIndex()
        if index.isValid() and self.target_at(index.row()) is not None:
            menu.addAction(self.open_action)
        for action in (self.copy_action, self.print_action, self.export_action):
            menu.addAction(action)
        return menu

    # --- copy, print, export --------------------------------------------------------------------------

    def copy_rows(self) -> str:
        return actions.copy_selected_rows(self.table)

    def shown_rows(self) -> list[list[str]]:
        """The rows in the order the table shows them now, as texts."""
        return actions.visible_rows(self.proxy)

    def html(self) -> str:
        headers = actions.headers_of(self.proxy)
        return actions.table_html(self.title, headers, self.shown_rows(), note=self.note)

    def print_list(self) -> Any:
        self.preview = actions.print_preview(self, self.html(), self.title)
        return self.preview

    def export(self, path: str | None = None) -> str | None:
        """Write the rows as shown (order and all) to an .xlsx file: numbers and dates stay themselves,
        text stays text even when it looks like a formula."""
        path = path or actions.ask_xlsx_path(self, self.title)
        if not path:
            return None
        from msfood.core.errors import MsfoodError
        from msfood.workbook.export import export_view

        rows = []
        for view_row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(view_row, 0)).row()
            rows.append([_export_value(self.model.value(source, c)) for c in range(self.model.columnCount())])
        try:
            export_view(rows, actions.headers_of(self.proxy), path, title=self.title)
        except (MsfoodError, OSError) as error:
            from ui.errors import show_error

            show_error(self, error)
            return None
        self.last_export = path
        done = self.tr("已导出 {n} 条记录到\n{path}").format(n=len(rows), path=path)
        QMessageBox.information(self, self.tr("导出完成"), done)
        return path


def _export_value(value: Any) -> Any:
    if isinstance(value, Shown):
        return value.text
    if isinstance(value, bool):
        return display(value)
    return value
