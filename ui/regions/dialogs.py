"""The region editor's windows: the retire dialog (the end date), the editor as a dialog and its opener,
and the 区划管理 box of the settings page that opens it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.regions.editor import RegionEditor
from ui.screen_fit import fit_dialog


class RegionEditorDialog(QDialog):
    """区划管理 in a window of its own (from 设置 and the dashboard's first steps)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("区划管理"))
        self.setObjectName("regionEditorDialog")
        fit_dialog(self, preferred=QSize(1100, 700))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editor = RegionEditor(context, self)
        layout.addWidget(self.editor)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.setContentsMargins(12, 0, 12, 10)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.editor.reload()


def open_region_editor(context: AppContext, parent: QWidget | None) -> RegionEditorDialog:
    """Show 区划管理 (non-modal); the dialog deletes itself when closed."""
    dialog = RegionEditorDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class RegionsBox(QGroupBox):
    """设置 → 区划: how many regions there are, and the button that opens 区划管理."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(self.tr("区划"))
        self.context = context
        self.setObjectName("regionsBox")
        row = QHBoxLayout(self)
        text = QLabel(
            self.tr(
                "本单位的区划树：从国家统计局统计用区划代码载入，补充官方区划中没有的村（社区），改名或删除。"
            )
        )
        text.setWordWrap(True)
        self.open_button = QPushButton(self.tr("区划管理…"))
        self.open_button.setObjectName("openRegionEditor")
        self.open_button.clicked.connect(lambda: open_region_editor(self.context, self.window()))
        row.addWidget(text, 1)
        row.addWidget(self.open_button)
