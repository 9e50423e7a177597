"""A list page: search as you type, filters, the row count, export, and the record forms.

The list is a LazyTableModel (keyset pages in a bounded window); the count runs off the UI thread.
Double-click or Enter opens the record; Ctrl+N a new one; Delete removes it after asking; Ctrl+Z undoes
the last save or delete (through the services, QUndoStack). Export writes every row of the current view
(its filters, search and order) to an Excel file, page by page, in a worker with a progress dialog; print
shows a preview of the same rows (the first PRINT_LIMIT); Ctrl+C copies the selected rows as TSV.
In the main window, the window owns Ctrl+N, Ctrl+Shift+N, F5, Ctrl+P and Ctrl+E (its 记录 menu routes
them to the current list, whatever has the focus); a list on its own keeps them itself.

A little over 400 lines for one idea, the list itself: its output (copy, print, export) already lives in
ui.pages.lists.output and its actions in ui.pages.lists.actions; what is left is one widget's wiring.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msfood.core.errors import MsfoodError
from msfood.services.queries import lists as queries
from msfood.services.queries.lists import Filters
from ui.forms.fields import form_text
from ui.forms.kinds import FormSpec
from ui.models.columns import Column
from ui.models.lazy_table import LazyTableModel, Tone
from ui.models.lazy_view import LazyTableView
from ui.pages.lists import actions
from ui.pages.lists.output import ListOutput, export_cell  # noqa: F401 (export_cell: its old home)

if TYPE_CHECKING:  # the record form loads when a record is first opened, not with the list
    from ui.forms.record_form import RecordForm

SEARCH_DELAY_MS = 250


def _save_on_ctrl_s(form: Any) -> None:
    """Ctrl+S saves the form, unless the form already gives the key a meaning of its own."""
    from PySide6.QtGui import QShortcut

    save = QKeySequence(QKeySequence.StandardKey.Save)
    taken = any(s.key() == save for s in form.findChildren(QShortcut))
    taken = taken or any(a.shortcut() == save for a in form.findChildren(QAction))
    if not taken and callable(getattr(form, "save", None)):
        QShortcut(save, form, form.save)


class ListPage(ListOutput, QWidget):
    def __init__(
        self,
        context: Any,
        kind: str,
        columns: tuple[Column, ...],
        *,
        form: FormSpec | None,
        filters: Sequence[Any] = (),
        search_hint: str = "",
        title: str = "",
        permission: str | None = None,
        tone: Tone | None = None,
        tables: frozenset[str] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.kind, self.form_spec = context, kind, form
        self.title = title or kind
        self.setObjectName(f"list_{kind}")
        self.tables = tables | (form.tables if form else frozenset()) | {kind}
        self.filter_widgets = list(filters)
        self.undo_stack = QUndoStack(self)
        self.current_form: RecordForm | None = None
        self.total: int | None = None
        self._count_token = 0
        self._counting = False
        self.editable = form is not None and (permission is None or context.actor.can(permission))
        self.reader = queries.read_sessions(context.database)
        self.model = LazyTableModel(self.reader, kind, columns, filters=self.current_filters(),
                                    tone=tone, parent=self)  # fmt: skip
        self._build(search_hint)
        self.model.query_changed.connect(self.recount)
        context.signals.data_changed.connect(self._on_data_changed)
        self.recount()

    # --- building -----------------------------------------------------------------------------------

    def _build(self, search_hint: str) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(search_hint or QCoreApplication.translate("Lists", "搜索"))
        self.search.setMinimumWidth(160)
        self.search.setMaximumWidth(420)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._apply_search)
        top.addWidget(self.search, 1)
        top.addStretch(0)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("rowCount")
        top.addWidget(self.count_label)
        layout.addLayout(top)
        if self.filter_widgets:  # a row of their own: a narrow window still shows every filter
            row = QHBoxLayout()
            for widget in self.filter_widgets:
                widget.changed.connect(self._on_filter_changed)
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        buttons = QHBoxLayout()
        self.new_button = self._button(
            QCoreApplication.translate("Lists", "新增"), self.new_record, "newButton")
        self.quick_button = self._button(
            QCoreApplication.translate("Lists", "连续录入"), self.quick_entry, "quickButton")
        self.edit_button = self._button(
            QCoreApplication.translate("Lists", "打开"), self.open_current, "openButton")
        self.delete_button = self._button(
            QCoreApplication.translate("Lists", "删除"), self.delete_current, "deleteButton")
        self.undo_button = self._button(
            QCoreApplication.translate("Lists", "撤销"), self.undo_stack.undo, "undoButton")
        self.export_button = self._button(
            QCoreApplication.translate("Lists", "导出 Excel"), self.export, "exportButton")
        self.print_button = self._button(
            QCoreApplication.translate("Lists", "打印…"), self.print_list, "printButton")
        for button in (self.new_button, self.quick_button, self.edit_button, self.delete_button,
                       self.undo_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        key = actions.keys
        button_keys = ((self.new_button, key("new")), (self.quick_button, key("quick")),
                       (self.edit_button, QKeySequence(Qt.Key.Key_Return)),
                       (self.delete_button, QKeySequence(Qt.Key.Key_Delete)),
                       (self.undo_button, QKeySequence(QKeySequence.StandardKey.Undo)),
                       (self.print_button, key("print")), (self.export_button, key("export")))
        for button, keys in button_keys:  # the key in the tooltip: 新增（Ctrl+N）
            button.setToolTip(actions.with_shortcut(button.text().rstrip("…"), keys))
        layout.addLayout(buttons)
        can_create = self.editable and self.form_spec is not None and self.form_spec.can_create
        self.new_button.setVisible(can_create)
        self.quick_button.setVisible(can_create and bool(self.form_spec and self.form_spec.quick))
        self.delete_button.setVisible(self.editable and bool(self.form_spec and self.form_spec.delete))
        self.undo_button.setVisible(self.editable)
        self.edit_button.setVisible(self.form_spec is not None)
        self.undo_button.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        undo_tip = self.undo_button.toolTip()
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_button.setToolTip(
                QCoreApplication.translate("Lists", "撤销：{0}").format(text) if text else undo_tip))
        self.view = LazyTableView(self)
        self.view.setObjectName("table")
        self.view.setModel(self.model)
        self.view.setSelectionMode(LazyTableView.SelectionMode.ExtendedSelection)  # copy several rows
        self.view.activated_id.connect(self.open_record)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.button_row = buttons  # pages may add their own buttons here
        layout.addWidget(self.view, 1)
        self._action(QKeySequence.StandardKey.Undo, self.undo_stack.undo)
        self._action(QKeySequence(Qt.Key.Key_Delete), self.delete_current)
        self._action(QKeySequence.StandardKey.Find, self.search.setFocus)
        key, make = actions.keys, actions.make_action  # (translate() by its full name: lupdate reads it)
        copy_text = QCoreApplication.translate("Lists", "复制选中行")
        print_text = QCoreApplication.translate("Lists", "打印…")
        export_text = QCoreApplication.translate("Lists", "导出 Excel…")
        self.copy_action = make(self, copy_text, key("copy"), self.copy_rows, name="copyAction")
        self.print_action = make(self, print_text, key("print"), self.print_list, name="printAction")
        self.export_action = make(self, export_text, key("export"), self.export, name="exportAction")
        # the keys the main window takes over (hand_shortcuts_to_window): one owner, no ambiguity
        self.window_keys = {
            "new": actions.make_action(self, "", actions.keys("new"), self.new_record),
            "quick": actions.make_action(self, "", actions.keys("quick"), self.quick_entry),
            "refresh": actions.make_action(self, "", actions.keys("refresh"), self.refresh),
            "print": self.print_action,
            "export": self.export_action,
        }

    def hand_shortcuts_to_window(self) -> None:
        """The main window's 记录 menu carries these keys for whichever list is current: drop ours (two
        actions on one key in one window make Qt fire neither). The menus still show the keys."""
        for action in self.window_keys.values():
            action.setShortcut(QKeySequence())

    def _button(self, text: str, slot: Any, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _action(self, keys: QKeySequence | QKeySequence.StandardKey, slot: Any) -> None:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)

    # --- the query ----------------------------------------------------------------------------------

    def current_filters(self) -> Filters:
        values = {w.name: w.value() for w in self.filter_widgets}
        return Filters(**values, **self.fixed_filters(), as_of=self.context.clock.today())

    def fixed_filters(self) -> dict[str, Any]:
        """Filter settings a page adds itself (the sampling list: the handling deadline's days)."""
        return {}

    def show_filtered(self, *, search: str | None = None, **values: Any) -> None:
        """Set filters (and the search) at once, e.g. when a figure opens the records behind it."""
        for widget in self.filter_widgets:
            if widget.name in values:
                widget.blockSignals(True)
                widget.set_value(values[widget.name])
                widget.blockSignals(False)
        if search is not None:
            self.search.blockSignals(True)
            self.search.setText(search)
            self.search.blockSignals(False)
        self.model.set_query(filters=self.current_filters(),
                             search=search if search is not None else self.model.search)

    def _on_filter_changed(self) -> None:
        self.model.set_filters(self.current_filters())

    def _apply_search(self) -> None:
        self._search_timer.stop()
        if self.search.text().strip() != self.model.search:
            self.model.set_search(self.search.text().strip())

    def recount(self) -> None:
        from ui.workers import run_op

        self._count_token += 1
        token, kind = self._count_token, self.kind
        filters, search = self.model.filters, self.model.search
        sessions = self.reader
        self._counting = True
        self.count_label.setText(QCoreApplication.translate("Lists", "正在计数……"))

        def count() -> int:
            with sessions() as session:
                return queries.count(session, kind, filters, search)

        run_op(self, count).on_success(lambda n: self._on_counted(token, n)).on_failure(
            lambda exc: self._on_counted(token, None))

    def _on_counted(self, token: int, total: int | None) -> None:
        if token != self._count_token:
            return
        self._counting = False
        self.total = total
        self.count_label.setText(
            QCoreApplication.translate("Lists", "共 {0} 条").format(total) if total is not None else "")

    def _on_data_changed(self, tables: frozenset[str]) -> None:
        if tables & self.tables:
            self.refresh()

    def refresh(self) -> None:
        current = self.view.current_id()
        self.model.refresh()
        if current:
            self.view.select_id(current)
        self.recount()

    # --- what the main window calls -----------------------------------------------------------------

    def page_shown(self) -> None:
        self.refresh()

    def is_busy(self) -> bool:
        return self._counting

    # --- records ------------------------------------------------------------------------------------

    def _form(self, **kwargs: Any) -> RecordForm | None:
        if self.form_spec is None:
            return None
        from ui.forms.record_form import RecordForm

        if self.current_form is not None:
            self.current_form.close()
        form = RecordForm(self.context, self.form_spec, undo_stack=self.undo_stack if self.editable else None,
                          parent=self, **kwargs)  # fmt: skip
        form.save_button.setEnabled(self.editable)
        form.finished.connect(lambda _result: self._on_form_finished(form))
        _save_on_ctrl_s(form)
        self.current_form = form
        form.open()
        return form

    def _on_form_finished(self, form: RecordForm) -> None:
        if form.last_saved is not None:
            self.view.select_id(form.last_saved.id)
        if self.current_form is form:
            self.current_form = None

    def new_record(self, preset: dict[str, Any] | None = None) -> RecordForm | None:
        if not (self.editable and self.form_spec and self.form_spec.can_create):
            return None
        return self._form(preset=preset)

    def quick_entry(self) -> RecordForm | None:
        if not (self.editable and self.form_spec and self.form_spec.quick):
            return None
        return self._form(quick=True)

    def open_record(self, record_id: str) -> RecordForm | None:
        try:
            return self._form(record_id=record_id)
        except MsfoodError as error:
            from ui.errors import show_error

            show_error(self, error)
            self.refresh()
            return None

    def open_current(self) -> RecordForm | None:
        record_id = self.view.current_id()
        return self.open_record(record_id) if record_id else None

    def delete_current(self) -> bool:
        spec, record_id = self.form_spec, self.view.current_id()
        if not (self.editable and spec and spec.delete and record_id):
            return False
        row = self.model.row(self.view.currentIndex().row())
        shown = getattr(row, "name", None) or getattr(row, "business_name", None) or ""
        answer = QMessageBox.question(
            self, QCoreApplication.translate("Lists", "删除记录"),
            QCoreApplication.translate("Lists", "确定删除这条{0}记录吗？{1}").format(
                form_text(spec.title), shown))
        if answer not in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok):
            return False
        from msfood.services.writing.transaction import unit_of_work

        try:
            with self.reader() as session:
                before = spec.load(session, record_id)
            with unit_of_work(self.context.database.sessions, actor=self.context.actor,
                              clock=self.context.clock) as uow:  # fmt: skip
                result = spec.delete(uow, record_id)
        except MsfoodError as error:
            from ui.errors import show_error

            show_error(self, error)
            return False
        from ui.forms.undo import RecordCommand

        self.undo_stack.push(RecordCommand(self.context, spec, record_id, before, None))
        self.context.changed(result.tables or spec.tables)
        return True

    # --- right-click: open, 历史记录 (issue 13) ------------------------------------------------------

    def context_menu(self, record_id: str) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("rowMenu")
        if self.form_spec is not None:
            menu.addAction(QCoreApplication.translate("Lists", "打开")).triggered.connect(
                lambda _checked=False: self.open_record(record_id))
        history = menu.addAction(QCoreApplication.translate("Lists", "历史记录"))
        history.setObjectName("historyAction")
        history.triggered.connect(lambda _checked=False: self.show_history(record_id))
        menu.addSeparator()
        key = actions.keys
        for action, keys in ((self.copy_action, key("copy")), (self.print_action, key("print")),
                             (self.export_action, key("export"))):  # fmt: skip
            actions.menu_entry(menu, action.text(), keys, action.trigger)
        return menu

    def _on_view_context_menu_requested(self, pos: Any) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        if not self.view.selectionModel().isRowSelected(index.row(), index.parent()):
            self.view.setCurrentIndex(index)
        record_id = self.view.current_id()
        if record_id:
            self.context_menu(record_id).popup(self.view.viewport().mapToGlobal(pos))

    def show_history(self, record_id: str | None = None) -> Any:
        """The history dialog of a record (default: the current row's)."""
        from ui.dialogs.history import HistoryDialog

        record_id = record_id or self.view.current_id()
        if not record_id:
            return None
        row = self.model.row(self.view.currentIndex().row()) if self.view.currentIndex().isValid() else None
        shown = getattr(row, "name", None) or getattr(row, "business_name", None) or self.title
        self.history_dialog = HistoryDialog(self.context, record_id, title=str(shown), parent=self)
        self.history_dialog.open()
        return self.history_dialog
