"""What a list page puts out: the selected rows copied (Ctrl+C), a print preview of the view (Ctrl+P),
the view exported to Excel (Ctrl+E). A mixin of ListPage, which supplies the model, view and filters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from msfood.errors import Cancelled
from msfood.services.queries import lists as queries
from ui.models.columns import Column
from ui.pages import table_actions as actions

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.models.lazy_table import LazyTableModel
    from ui.models.lazy_view import LazyTableView


def export_cell(column: Column, row: Any) -> Any:
    """What a cell holds in Excel: dates and numbers as themselves, codes as their labels."""
    from ui.models.columns import plain

    return column.value(row) if column.text is plain else column.display(row)


class ListOutput:
    """Copy, print and export for a ListPage (it is a QWidget with these attributes)."""

    model: LazyTableModel
    view: LazyTableView
    kind: str
    title: str
    reader: Callable[[], Any]
    filter_widgets: list[Any]

    # --- copy, print --------------------------------------------------------------------------------

    def copy_rows(self) -> str:
        """Ctrl+C: the selected rows as TSV on the clipboard (as the table shows them)."""
        return actions.copy_selected_rows(self.view)

    def print_list(self) -> Any:
        """Ctrl+P: a print preview of the view's rows (its filters, search and order), the first
        PRINT_LIMIT of them; the rows are read off the UI thread. Returns the op (tests wait on it)."""
        from ui.workers import run_op

        columns, kind = self.model.columns, self.kind
        filters, search, sort = self.model.filters, self.model.search, self.model.current_sort
        sessions, limit = self.reader, actions.PRINT_LIMIT

        def job() -> tuple[list[list[str]], int]:
            with sessions() as session:
                total = queries.count(session, kind, filters, search)
                rows: list[list[str]] = []
                for row in queries.iterate(session, kind, filters=filters, search=search, sort=sort):
                    if len(rows) >= limit:
                        break
                    rows.append([str(c.display(row) or "") for c in columns])
                return rows, total

        op = run_op(self._widget(), job, progress=QCoreApplication.translate("Lists", "正在准备打印……"))
        op.on_success(lambda found: self._show_print_preview(*found))
        return op

    def print_html(self, rows: list[list[str]], total: int) -> str:
        filters = "　".join(text for w in self.filter_widgets if (text := self._filter_text(w)))
        search = self.model.search
        note = "　".join(p for p in (filters, QCoreApplication.translate("Lists", "搜索：{0}").format(search)
                                     if search else "") if p)  # fmt: skip
        headers = [c.title for c in self.model.columns]
        return actions.table_html(self.title, headers, rows, note=note, total=total)

    @staticmethod
    def _filter_text(widget: Any) -> str:
        """What a filter is set to, as shown (nothing when it lets everything through)."""
        text = getattr(widget, "currentText", None)
        return str(text()) if callable(text) and widget.value() not in (None, "") else ""

    def _show_print_preview(self, rows: list[list[str]], total: int) -> None:
        self.last_print = self.print_html(rows, total)
        self.preview = actions.print_preview(self._widget(), self.last_print, self.title)

    # --- export -------------------------------------------------------------------------------------

    def export(self, path: str | None = None) -> None:
        if path is None:
            path = actions.ask_xlsx_path(self._widget(), self.title, getattr(self.context, "settings", None))
            if not path:
                return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        from ui.workers import run_op

        columns, kind = self.model.columns, self.kind
        filters, search, sort = self.model.filters, self.model.search, self.model.current_sort
        sessions, title = self.reader, self.title
        headers = [c.title for c in columns]
        holder: dict[str, Any] = {}

        def job() -> int:
            from msfood.workbook.export import export_view

            with sessions() as session:
                def rows() -> Any:
                    for row in queries.iterate(session, kind, filters=filters, search=search, sort=sort):
                        op = holder.get("op")
                        if op is not None and op.worker.cancelled:
                            raise Cancelled()  # before the file is moved into place: nothing is left
                        yield [export_cell(c, row) for c in columns]

                return export_view(rows(), headers, path, title=title)

        op = run_op(self._widget(), job, progress=QCoreApplication.translate("Lists", "正在导出……"))
        holder["op"] = op
        op.on_success(lambda n: self._on_exported(path, n))

    def _on_exported(self, path: str, rows: int) -> None:
        self.last_export = (path, rows)
        QMessageBox.information(
            self._widget(), QCoreApplication.translate("Lists", "导出完成"),
            QCoreApplication.translate("Lists", "已导出 {0} 条记录到\n{1}").format(rows, path))

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
