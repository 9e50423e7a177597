"""The main window's menus: 文件 (open, recent, new station, demo, the admin actions, quit), 记录 (new,
quick entry, refresh, print, export: routed to the current list whatever has the focus, issue #17), 转到
and 帮助 (usage, methodology, about). A mixin of MainWindow; its texts keep the "MainWindow" context.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from msfood.i18n import t
from ui.context import AppContext
from ui.pages.lists import actions as table_actions

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from ui.main_window import MainWindow
    from ui.pages.lists.page import ListPage

    class WindowParts(QMainWindow):
        """What the mixin reads of MainWindow (for the type checker only)."""

        open_database_requested: SignalInstance
        demo_requested: SignalInstance
        new_station_requested: SignalInstance
        context: AppContext
        page_actions: list[QAction]
        _pages: dict[str, QWidget]

        def current_list(self) -> ListPage | None: ...

        def current_page_key(self) -> str: ...

        def _may_leave(self, key: str) -> bool: ...
else:
    WindowParts = object


class WindowMenus(WindowParts):
    def _build_record_menu(self) -> None:
        menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "记录(&R)"))
        menu.setObjectName("recordMenu")

        def add(text: str, keys: QKeySequence, slot: Callable[[ListPage], object], name: str) -> QAction:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False: self._on_record_action(slot))
            return action

        key = table_actions.keys
        self.new_action = add(
            QCoreApplication.translate("MainWindow", "新增"),
            key("new"),
            lambda p: p.new_record(),
            "newAction",
        )
        self.quick_action = add(
            QCoreApplication.translate("MainWindow", "连续录入"),
            key("quick"),
            lambda p: p.quick_entry(),
            "quickAction",
        )
        menu.addSeparator()
        self.refresh_action = add(
            QCoreApplication.translate("MainWindow", "刷新"),
            key("refresh"),
            lambda p: p.refresh(),
            "refreshAction",
        )
        self.print_action = add(
            QCoreApplication.translate("MainWindow", "打印…"),
            key("print"),
            lambda p: p.print_list(),
            "printAction",
        )
        self.export_action = add(
            QCoreApplication.translate("MainWindow", "导出 Excel…"),
            key("export"),
            lambda p: p.export(),
            "exportAction",
        )
        go = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "转到(&G)"))
        go.setObjectName("goMenu")
        for action in self.page_actions:
            go.addAction(action)

    def _on_record_action(self, slot: Callable[[ListPage], object]) -> None:
        page = self.current_list()
        if page is not None:
            slot(page)
            return
        if self.sender() is self.refresh_action:  # F5 on a page that is no list: load it again
            shown = getattr(self._pages.get(self.current_page_key()), "page_shown", None)
            if callable(shown):
                shown()

    def _update_record_actions(self) -> None:
        """Grey out what the current page cannot do (the keys stay, doing nothing there)."""
        if not hasattr(self, "new_action"):
            return
        page = self.current_list()
        editable = page is not None and page.new_button.isVisibleTo(page)
        self.new_action.setEnabled(page is None or editable)
        self.quick_action.setEnabled(page is None or (editable and page.quick_button.isVisibleTo(page)))
        for action in (self.print_action, self.export_action):
            action.setEnabled(page is not None)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "文件(&F)"))
        open_action = menu.addAction(QCoreApplication.translate("MainWindow", "打开数据库…"))
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._on_open_triggered)
        self.recent_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("MainWindow", "新建站点数据库…")).triggered.connect(
            lambda: self._leaving_then(self.new_station_requested.emit)
        )
        menu.addAction(QCoreApplication.translate("MainWindow", "试用演示数据")).triggered.connect(
            lambda: self._leaving_then(self.demo_requested.emit)
        )
        menu.addSeparator()
        quit_action = menu.addAction(QCoreApplication.translate("MainWindow", "退出"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        from ui.dialogs.admin_menu import install_admin_actions  # 文件 → 导入 Excel…, 管理 (issue 13)

        self.admin_menu = install_admin_actions(cast("MainWindow", self), menu, quit_action)
        self._build_record_menu()
        help_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "帮助(&H)"))
        self.usage_action = help_menu.addAction(QCoreApplication.translate("MainWindow", "使用说明…"))
        self.usage_action.setObjectName("usageAction")
        self.usage_action.setShortcut(table_actions.keys("help"))
        self.usage_action.triggered.connect(self.show_help)
        self.methodology_action = help_menu.addAction(t("method.menu") + "…")
        self.methodology_action.triggered.connect(self.show_methodology)
        help_menu.addAction(QCoreApplication.translate("MainWindow", "关于食安包保")).triggered.connect(
            self._on_about_triggered
        )

    def show_help(self, tab: int = 0) -> QWidget:
        """帮助 (F1): one window with 使用说明 and 指标口径, raised again when already open."""
        from ui.help_window import HelpWindow

        shown = getattr(self, "help_window", None)
        if shown is None:
            shown = self.help_window = HelpWindow(self)
        shown.show_tab(tab)
        return shown

    def show_methodology(self) -> QWidget:
        """帮助 › 指标口径: the help window on its 指标口径 tab."""
        from ui.help_window import METHODOLOGY

        return self.show_help(METHODOLOGY).methodology  # type: ignore[attr-defined]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = str(self.context.database.path or "")
        for path in self.context.settings.recent_databases:
            if path == current:
                continue
            action = self.recent_menu.addAction(path)
            action.setEnabled(Path(path).exists())
            action.triggered.connect(
                lambda _checked=False, p=path: self._leaving_then(self.open_database_requested.emit, Path(p))
            )
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(QCoreApplication.translate("MainWindow", "（无）")).setEnabled(False)

    def _leaving_then(self, emit: Callable[..., None], *args: object) -> None:
        """Another database replaces this window: the page's unsaved edits are asked about first."""
        if self._may_leave(self.current_page_key()):
            emit(*args)

    def _on_open_triggered(self) -> None:
        from ui.dialogs.common import remember_chosen, start_folder

        start = start_folder(self.context.settings, "database")
        path, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "打开数据库"),
            start,
            QCoreApplication.translate("MainWindow", "食安包保数据库 (*.sqlite);;所有文件 (*)"),
        )
        if path:
            remember_chosen(self.context.settings, "database", path)
            self._leaving_then(self.open_database_requested.emit, Path(path))

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "关于食安包保"),
            QCoreApplication.translate(
                "MainWindow",
                "食安包保：食品安全“两个责任”包保工作台账。\n离线使用，数据通过同步包交换。\n"
                "界面字体：文泉驿微米黑（Apache-2.0）。",
            ),
        )
