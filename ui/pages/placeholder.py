"""A page not yet written: it says so plainly instead of showing an empty frame."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import AppContext


class PlaceholderPage(QWidget):
    def __init__(self, context: AppContext, key: str) -> None:
        super().__init__()
        self.setObjectName(f"page_{key}")
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("此页面正在建设中，敬请期待。"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("placeholderLabel")
        layout.addWidget(label)
