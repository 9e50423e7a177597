"""数据同步: carry data between this unit and the others in signed bundles (ARCHITECTURE.md).

Four tabs: 收发同步包 (export to a folder or drive, import with a receipt), 往来记录 (per peer: bundles
received and sent, missing numbers), 信任的单位 (fingerprints, trusting an enrolment file, revoking,
our own enrolment file) and 冲突 (both versions side by side). Everything is read in one go off the UI
thread (sync_common.load_state) and handed to the tabs; every action asks for a fresh read after.
Buttons a role may not use are disabled; the msfood.sync services refuse them anyway.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.pages.sync.common import SyncState, load_state
from ui.pages.sync.conflicts import ConflictsTab
from ui.pages.sync.exchange import ExchangeTab
from ui.pages.sync.history import HistoryTab
from ui.pages.sync.trust import TrustTab
from ui.theme import keep_style, status_style
from ui.workers import Op, run_op


class SyncPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("page_sync")
        self.state: SyncState | None = None
        self._loading = False
        self._stale = True
        self._again = False  # asked to reload while loading: load once more when done
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        self.message = QLabel()
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)
        keep_style(self.message, lambda: status_style("bad"))
        self.message.hide()
        layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        self.exchange = ExchangeTab(context)
        self.history = HistoryTab()
        self.trust = TrustTab(context)
        self.conflicts = ConflictsTab(context)
        self.tabs.addTab(self.exchange, self.tr("收发同步包"))
        self.tabs.addTab(self.history, self.tr("往来记录"))
        self.tabs.addTab(self.trust, self.tr("信任的单位"))
        self.tabs.addTab(self.conflicts, self.tr("冲突"))
        layout.addWidget(self.tabs, 1)
        for tab in (self.exchange, self.trust, self.conflicts):
            tab.reload_requested.connect(self.reload)
        self.exchange.conflicts_requested.connect(lambda: self.tabs.setCurrentWidget(self.conflicts))
        context.signals.bundle_changed.connect(self._on_signals_bundle_changed)

    def page_shown(self) -> None:
        if self._stale:
            self.reload()

    def is_busy(self) -> bool:
        return self._loading

    def _on_signals_bundle_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> Op | None:
        if self._loading:
            self._again = True
            return None
        self._stale = False
        self._loading = True
        context = self.context
        include_resolved = self.conflicts.include_resolved()
        op = run_op(
            self, lambda: load_state(context.database, context.actor, include_resolved=include_resolved)
        )
        op.on_success(self._on_loaded).on_failure(self._on_load_failed)
        return op

    def _done(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()

    def _on_load_failed(self, exc: BaseException) -> None:
        from ui.errors import error_text

        self.message.setText(self.tr("无法读取同步信息：{reason}").format(reason=error_text(exc)))
        self.message.show()
        self._done()

    def _on_loaded(self, state: SyncState) -> None:
        self.message.hide()
        self.state = state
        for tab in (self.exchange, self.history, self.trust, self.conflicts):
            tab.apply_state(state)
        waiting = state.open_conflicts
        index = self.tabs.indexOf(self.conflicts)
        self.tabs.setTabText(index, self.tr("冲突（{n}）").format(n=waiting) if waiting else self.tr("冲突"))
        self._done()
