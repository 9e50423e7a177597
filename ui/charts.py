"""Charts drawn with QPainter (no QtCharts): a horizontal bar chart of rates, e.g. 督导完成率 per township.

Horizontal bars leave room for long Chinese names. Each bar shows its rate and counts; clicking a bar
emits `bar_activated(key)`. A None rate (nothing due) draws no bar and says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.theme import readable

# Hues for a white chart; chart_colours() and the painters pass them through readable() for the palette.
GOOD = QColor("#2e7d32")
FAIR = QColor("#f9a825")
POOR = QColor("#c62828")
GRID = QColor("#d0d4da")
TEXT = QColor("#1f2933")
MUTED = QColor("#7b8794")


@dataclass(frozen=True)
class Bar:
    key: str  # what a click reports (e.g. a division code)
    label: str  # e.g. the township's name
    rate: float | None  # 0..1, None when nothing is due
    note: str = ""  # e.g. "35/40"


def chart_colours(palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """Text, muted text and grid lines that read on the palette's base (light, dark or high contrast)."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return text, readable(MUTED, base), readable(GRID, base, 1.5)


def rate_colour(rate: float, good: float = 0.9, fair: float = 0.6) -> QColor:
    return GOOD if rate >= good else FAIR if rate >= fair else POOR


def percent(rate: float | None) -> str:
    """A rate as a percentage rounded half-up to one decimal, "—" when there is none."""
    if rate is None:
        return "—"
    from decimal import ROUND_HALF_UP, Decimal

    return f"{(Decimal(repr(rate)) * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


class BarChart(QWidget):
    bar_activated = Signal(str)

    ROW = 30
    GAP = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._empty_text = ""
        self._hover = -1
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_bars(self, bars: list[Bar], *, empty_text: str = "") -> None:
        self._bars = list(bars)
        self._empty_text = empty_text
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        rows = max(1, len(self._bars))
        return QSize(480, 2 * self.GAP + rows * self.ROW + 24)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()

    def _geometry(self) -> tuple[float, float, float]:
        metrics = QFontMetrics(self.font())
        label_width = min(
            max((metrics.horizontalAdvance(b.label) for b in self._bars), default=60) + 16,
            self.width() * 0.35,
        )
        value_width = metrics.horizontalAdvance("100.0%（9999/9999）") + 12
        left = label_width
        right = max(left + 40, self.width() - value_width)
        return left, right, value_width

    def bar_at(self, y: float) -> int:
        index = int((y - self.GAP) // self.ROW)
        return index if 0 <= index < len(self._bars) else -1

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        ink, muted, grid = chart_colours(self.palette())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self._bars:
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        left, right, _value_width = self._geometry()
        span = right - left
        bottom = self.GAP + len(self._bars) * self.ROW
        painter.setPen(QPen(grid, 1, Qt.PenStyle.DashLine))
        metrics = QFontMetrics(self.font())
        for tick in (0, 0.25, 0.5, 0.75, 1.0):
            x = left + span * tick
            painter.drawLine(QPointF(x, self.GAP), QPointF(x, bottom))
        painter.setPen(muted)
        for tick in (0, 0.5, 1.0):
            x = left + span * tick
            text = f"{int(tick * 100)}%"
            painter.drawText(
                QPointF(x - metrics.horizontalAdvance(text) / 2, bottom + metrics.ascent() + 4), text
            )
        for index, bar in enumerate(self._bars):
            top = self.GAP + index * self.ROW
            row = QRectF(0, top, self.width(), self.ROW)
            if index == self._hover:
                painter.fillRect(row, QColor(0, 0, 0, 14))
            painter.setPen(ink)
            label_rect = QRectF(4, top, left - 12, self.ROW)
            painter.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, int(label_rect.width())),
            )
            if bar.rate is not None:
                width = max(1.0, span * min(1.0, max(0.0, bar.rate)))
                painter.fillRect(QRectF(left, top + 6, width, self.ROW - 12), rate_colour(bar.rate))
            painter.setPen(ink if bar.rate is not None else muted)
            value = percent(bar.rate)
            if bar.note:
                value = QCoreApplication.translate("BarChart", "{value}（{note}）").format(
                    value=value, note=bar.note
                )
            painter.drawText(
                QRectF(right + 8, top, self.width() - right - 8, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                value,
            )
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        index = self.bar_at(event.position().y())
        if index != self._hover:
            self._hover = index
            self.setCursor(Qt.CursorShape.PointingHandCursor if index >= 0 else Qt.CursorShape.ArrowCursor)
            self.update()

    def leaveEvent(self, _event: object) -> None:  # noqa: N802 (Qt override)
        self._hover = -1
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.bar_at(event.position().y())
            if index >= 0:
                self.bar_activated.emit(self._bars[index].key)
