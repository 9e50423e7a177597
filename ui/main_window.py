"""The main window: navigation built from ui.pages.PAGES, pages made on first show, a status bar.

The status bar names the station, the database file, who is signed in and the last bundle sent and
received. Geometry, dock state and the last page are remembered (ui.settings).

The window owns the keys that act on the current page whatever has the focus (issue #17): the 记录 menu
(Ctrl+N, Ctrl+Shift+N, F5, Ctrl+P, Ctrl+E) routes them to the current list, 转到 (Ctrl+1..) switches
page, 帮助 (F1) opens the help window. Menus show every key.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QRect, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from msfood.core.clock import CHINA
from msfood.domain.enums import ROLE
from ui.after_paint import AfterFirstPaint
from ui.context import AppContext
from ui.i18n import is_english
from ui.pages import PAGES
from ui.pages.lists.actions import with_shortcut
from ui.screen_fit import FRAME_ALLOWANCE, available_geometry, fit_to_screen, fitting_size, frame_margins
from ui.window_menus import WindowMenus
from ui.workers import run_op

if TYPE_CHECKING:  # the list module loads with the first list page, not with the window
    from msfood.services.setup.status import BundleMark, StationStatus
    from ui.pages.lists.page import ListPage

KEY_ROLE = Qt.ItemDataRole.UserRole
PREFERRED_SIZE = QSize(1280, 800)
# which page lists a record kind (a drill-down's row opens there)
RECORD_PAGES = {"businesses": "businesses", "cadres": "cadres", "assignments": "assignments",
                "visits": "visits", "problems": "visits", "selfchecks": "selfchecks",
                "samplings": "sampling", "rapid_tests": "sampling"}  # fmt: skip


def lists_of(page: QWidget) -> list[ListPage]:
    """The lists a page holds: itself, or its tabs'."""
    if _is_list(page):
        return [page]  # type: ignore[list-item]
    return [each for each in getattr(page, "lists", []) if _is_list(each)]


def _is_list(widget: object) -> bool:
    return hasattr(widget, "hand_shortcuts_to_window") and hasattr(widget, "open_record")


def _fmt_mark(mark: BundleMark | None) -> str:
    if mark is None:
        return QCoreApplication.translate("MainWindow", "无")
    at = mark.at if mark.at.tzinfo else mark.at.replace(tzinfo=dt.UTC)  # stored as naive UTC
    local = at.astimezone(CHINA)
    text = QCoreApplication.translate("MainWindow", "{at}（{peer}）")
    return text.format(at=f"{local:%Y-%m-%d %H:%M}", peer=mark.peer_code)


def broken_page(key: str, exc: BaseException) -> QWidget:
    """Stands in for a page that failed to build: says so plainly (details go to the log)."""
    from ui.errors import error_text

    widget = QWidget()
    widget.setObjectName(f"page_{key}")
    layout = QHBoxLayout(widget)
    label = QLabel(
        QCoreApplication.translate("MainWindow", "此页面暂时无法打开：{reason}").format(
            reason=error_text(exc)
        )
    )
    label.setObjectName("brokenPage")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(label)
    return widget


class MainWindow(WindowMenus, QMainWindow):
    open_database_requested = Signal(object)  # Path: the controller reopens the app on it
    demo_requested = Signal()
    new_station_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("MainWindow")
        # The first page's data and the status bar load once the window has painted (fast start).
        self.after_paint = AfterFirstPaint(self)
        self._pages: dict[str, QWidget] = {}
        self._index: dict[str, int] = {}
        self._update_title()
        self.resize(fitting_size(self, PREFERRED_SIZE))

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if context.demo:
            banner = QLabel(
                self.tr("演示数据：此数据库只供试用，数据均为虚构。请勿录入真实数据，也不要与市局同步。")
            )
            banner.setObjectName("demoBanner")
            banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            outer.addWidget(banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        outer.addLayout(layout, 1)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(180 if not is_english() else 210)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.page_actions: list[QAction] = []  # 转到: Ctrl+1.. in the menu and the navigation's tooltips
        for position, (key, title, _factory) in enumerate(PAGES):
            item = QListWidgetItem(QCoreApplication.translate("Pages", title))
            item.setData(KEY_ROLE, key)
            item.setSizeHint(QSize(0, 40))
            self.nav.addItem(item)
            holder = QWidget()  # replaced by the page on first show
            self._index[key] = self.stack.addWidget(holder)
            if position < 10:
                shortcut = QAction(QCoreApplication.translate("Pages", title), self)
                shortcut.setShortcut(QKeySequence(f"Ctrl+{(position + 1) % 10}"))
                shortcut.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
                self.addAction(shortcut)
                self.page_actions.append(shortcut)
                item.setToolTip(with_shortcut(item.text(), shortcut.shortcut()))
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentItemChanged.connect(self._on_nav_current_item_changed)

        self._build_menu()
        self._build_status_bar()
        context.signals.bundle_changed.connect(self.refresh_status)
        context.signals.navigate.connect(self.show_page)
        context.signals.open_record.connect(self.open_record)
        self._restore_state()
        self.refresh_status()

    # --- pages

    def page_keys(self) -> list[str]:
        return [key for key, _title, _factory in PAGES]

    def current_page_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def page(self, key: str) -> QWidget:
        """The page widget for `key`, made now if it was never shown."""
        if key not in self._pages:
            factory = next(f for k, _t, f in PAGES if k == key)
            try:
                widget = factory(self.context)
            except Exception as exc:  # one broken page must not take the window down
                widget = broken_page(key, exc)
            widget.setObjectName(widget.objectName() or f"page_{key}")
            for each in lists_of(widget):
                each.hand_shortcuts_to_window()  # the 记录 menu's actions carry them now
            index = self._index[key]
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            unsaved = getattr(widget, "unsaved_changed", None)
            if unsaved is not None:  # 设置 *: the page holds edits not yet saved
                unsaved.connect(lambda dirty, k=key: self._mark_unsaved(k, dirty))
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._pages[key] = widget
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        if key not in self._index:
            key = PAGES[0][0]
        row = list(self._index).index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # -> _on_nav_current_item_changed
        return self.page(key)

    def _on_nav_current_item_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if current is None:
            return
        if previous is not None and not self._may_leave(str(previous.data(KEY_ROLE))):
            with QSignalBlocker(self.nav):  # stay: the page keeps its unsaved edits
                self.nav.setCurrentItem(previous)
            return
        key = str(current.data(KEY_ROLE))
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        self.context.settings.last_page = key
        shown = getattr(widget, "page_shown", None)
        if callable(shown):
            self.after_paint.call(shown)
        self._update_record_actions()

    def current_list(self) -> ListPage | None:
        """The list the 记录 menu acts on: the current page, or its current tab."""
        page = self._pages.get(self.current_page_key())
        if _is_list(page):
            return page  # type: ignore[return-value]
        current = getattr(page, "current_list", None)
        found = current() if callable(current) else None
        return found if _is_list(found) else None

    def open_record(self, kind: str, record_id: str) -> object | None:
        """Show the page that lists `kind` and open the record's form there (a drill-down's row)."""
        key = RECORD_PAGES.get(kind)
        if key is None:
            return None
        page = self.show_page(key)
        for each in lists_of(page):
            if each.kind == kind:
                tabs = getattr(page, "tabs", None)
                if tabs is not None:
                    tabs.setCurrentWidget(each)
                return each.open_record(record_id)
        return None

    def _mark_unsaved(self, key: str, dirty: bool) -> None:
        item = self.nav.item(list(self._index).index(key))
        title = next(t for k, t, _f in PAGES if k == key)
        item.setText(QCoreApplication.translate("Pages", title) + (" *" if dirty else ""))

    def _may_leave(self, key: str) -> bool:
        """A page with unsaved edits asks 保存/放弃/取消 before it is left (`confirm_leave`)."""
        confirm = getattr(self._pages.get(key), "confirm_leave", None)
        return bool(confirm()) if callable(confirm) else True

    # --- status bar

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.station_label = QLabel()
        self.station_label.setObjectName("statusStation")
        self.db_label = QLabel()
        self.db_label.setObjectName("statusDatabase")
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.bundle_label = QLabel()
        self.bundle_label.setObjectName("statusBundles")
        for label in (self.station_label, self.user_label, self.bundle_label):
            bar.addPermanentWidget(label)
        for label in (self.db_label, self.bundle_label):
            label.setMinimumWidth(1)  # may be clipped on a narrow window rather than widen it
        bar.addWidget(self.db_label, 1)
        unit = self.context.unit
        self.station_label.setText(self.tr("站点：{name}（{code}）").format(name=unit.name, code=unit.code))
        path = self.context.database.path
        self.db_label.setText(self.tr("数据库：{path}").format(path=path or self.context.database.url))
        self.db_label.setToolTip(str(path or ""))
        role = ROLE.label(self.context.actor.role, "en" if is_english() else None)
        self.user_label.setText(
            self.tr("用户：{user}（{role}）").format(user=self.context.actor.username, role=role)
        )

    def refresh_status(self) -> None:
        self.after_paint.call(self._load_status)

    def _load_status(self) -> None:
        context = self.context

        def load() -> StationStatus:  # (the database is read on the worker: it may open after the paint)
            from msfood.services.setup.status import station_status

            with context.database.sessions() as session:
                return station_status(session)

        run_op(self, load).on_success(self._show_status)

    def _show_status(self, status: StationStatus) -> None:
        self.bundle_label.setText(
            self.tr("最近发出：{sent}　最近收到：{received}").format(
                sent=_fmt_mark(status.last_sent), received=_fmt_mark(status.last_received)
            )
        )

    def _update_title(self) -> None:
        title = self.tr("食安包保 — {name}").format(name=self.context.unit.name)
        if self.context.demo:
            title += self.tr("【演示数据】")
        self.setWindowTitle(title)

    # --- state

    def _restore_state(self) -> None:
        settings = self.context.settings
        if not settings.window_geometry.isEmpty():
            self._restore_fitting_geometry(settings.window_geometry)
        else:
            self._fit_first_start()
        if not settings.window_state.isEmpty():
            self.restoreState(settings.window_state)
        self.show_page(settings.last_page)

    def _restore_fitting_geometry(self, saved: QByteArray) -> None:
        """The saved geometry, made to fit this screen (it may come from a larger monitor, or from before
        the scaling went up to 125%): a window larger than the screen starts afresh."""
        if not self.restoreGeometry(saved) or self.isMaximized():
            return
        room = available_geometry(self).marginsRemoved(frame_margins(self)).size()
        if self.width() > room.width() or self.height() > room.height():
            self.setGeometry(QRect(self.pos(), PREFERRED_SIZE))
            self._fit_first_start()
        else:
            fit_to_screen(self)  # the right size, but (partly) off this screen: moved back on

    def _fit_first_start(self) -> None:
        """1280×800 centred where it fits; on a smaller screen (1366×768, 125%) as large as it fits."""
        area = available_geometry(self)
        self.resize(fitting_size(self, PREFERRED_SIZE))
        frame = self.frameGeometry().marginsAdded(FRAME_ALLOWANCE)
        frame.moveCenter(area.center())
        self.move(frame.topLeft())  # move() places the frame
        fit_to_screen(self)

    def save_state(self) -> None:
        settings = self.context.settings
        settings.window_geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        settings.last_page = self.current_page_key()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._may_leave(self.current_page_key()):
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)
