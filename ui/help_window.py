"""帮助 (F1): one window with two tabs, 使用说明 (resources/help/usage.md, with its images) and 指标口径.

The usage text is Markdown shown by QTextBrowser.setMarkdown; images are named relative to the help
folder (images/xxx.png), found through the browser's search paths. The main window keeps one help
window and raises it again.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from ui.methodology_window import MethodologyWindow
from ui.resources import resource_path

USAGE, METHODOLOGY = 0, 1


def usage_markdown() -> str:
    path = resource_path("help", "usage.md")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return "# msfood 使用说明\n\n" + str(path)


class HelpWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("帮助 — 食安包保"))
        self.resize(1000, 680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("helpTabs")
        self.usage = QTextBrowser()
        self.usage.setObjectName("usageText")
        self.usage.setOpenLinks(False)  # web links open in the browser, not in here
        self.usage.anchorClicked.connect(self._on_usage_anchor_clicked)
        help_folder = resource_path("help")
        self.usage.setSearchPaths([str(help_folder), str(help_folder / "images")])
        self.usage.document().setBaseUrl(QUrl.fromLocalFile(str(help_folder) + "/"))
        self.usage.setMarkdown(usage_markdown())
        self.methodology = MethodologyWindow()
        self.tabs.addTab(self.usage, self.tr("使用说明"))
        self.tabs.addTab(self.methodology, self.tr("指标口径"))
        layout.addWidget(self.tabs)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        page = self.tabs.widget(index)
        if page is not None:
            page.show()  # a tab someone closed on its own (Esc in it) shows again
        if self.isVisible():
            self.raise_()
            self.activateWindow()
        self.show()

    def _on_usage_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.usage.scrollToAnchor(url.fragment())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
