"""A page of several lists in tabs (督导记录 + 整改问题, 抽检 + 快检)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.pages.lists.page import ListPage


class TabbedPage(QWidget):
    def __init__(self, name: str, tabs: list[tuple[str, ListPage]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.tabs = QTabWidget(self)
        self.lists = [page for _title, page in tabs]
        for title, page in tabs:
            self.tabs.addTab(page, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def current_list(self) -> ListPage:
        return self.lists[self.tabs.currentIndex()]

    def _on_tabs_current_changed(self, index: int) -> None:
        self.lists[index].page_shown()

    def page_shown(self) -> None:
        self.current_list().page_shown()

    def is_busy(self) -> bool:
        return any(page.is_busy() for page in self.lists)
