"""A figure on the dashboard: title, big value, a line of detail; click (or Enter) to see its records."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.theme import readable


class FigureTile(QFrame):
    activated = Signal()

    def __init__(self, title: str, *, object_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name or "figureTile")
        self.setProperty("tile", True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(140)
        self._colour: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("tileTitle")
        self.value_label = QLabel("…")
        self.value_label.setObjectName("tileValue")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value_label.setFont(font)
        self.detail_label = QLabel("")
        self.detail_label.setObjectName("tileDetail")
        self.detail_label.setWordWrap(True)
        for label in (self.title_label, self.value_label, self.detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)

    def set_figure(self, value: str, detail: str = "", *, colour: str | None = None) -> None:
        """`colour` (a status: red overdue, amber behind) is made to read on the tile's background,
        light or dark; without one the value takes the palette's text colour."""
        self.value_label.setText(value)
        self._colour = colour
        self._apply_colour()
        self.detail_label.setText(detail)
        self.setToolTip(detail)

    def _apply_colour(self) -> None:
        if not self._colour:
            self.value_label.setStyleSheet("")
            return
        background = self.palette().color(QPalette.ColorRole.Base)  # the tile's fill in style.qss
        self.value_label.setStyleSheet(f"color: {readable(QColor(self._colour), background).name()};")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_colour", None):
            self._apply_colour()  # light ↔ dark while shown

    def value(self) -> str:
        return self.value_label.text()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)
