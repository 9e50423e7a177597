"""趋势 on the dashboard: each figure month by month for the year so far (msfood.metrics.trends), drawn
with QPainter as a small line chart, one line per figure, so a chief sees whether the pace is rising."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.charts import chart_colours, percent
from ui.context import AppContext
from ui.theme import readable
from ui.workers import run_op

if TYPE_CHECKING:
    from msfood.metrics.trends import TrendPoint

LINES = (
    ("supervision", QT_TRANSLATE_NOOP("Trends", "督导进度（所在季度）"), "#1565c0"),
    ("coverage", QT_TRANSLATE_NOOP("Trends", "包保覆盖率"), "#6a1b9a"),
    ("daily", QT_TRANSLATE_NOOP("Trends", "日管控覆盖率"), "#2e7d32"),
    ("weekly", QT_TRANSLATE_NOOP("Trends", "周排查覆盖率"), "#ef6c00"),
    ("monthly", QT_TRANSLATE_NOOP("Trends", "月调度覆盖率"), "#00838f"),
    ("platform_use", QT_TRANSLATE_NOOP("Trends", "平台应用率"), "#c62828"),
)


def line_colour(colour: str, base: QColor) -> QColor:
    """A line's hue, lightened on a dark chart so it stands out from the fill (3:1, as for graphics)."""
    return readable(QColor(colour), base, 3.0)


def load_trends(context: AppContext, year: int, as_of: dt.date) -> list[TrendPoint]:
    """On the worker thread, with its own session: the whole of the unit's data, as the tiles."""
    from msfood.metrics.trends import monthly_trends

    with context.database.sessions() as session:
        return monthly_trends(session, year=year, as_of=as_of)


class LineChart(QWidget):
    """Months along the bottom, 0-100% up the side, a line and dots per figure, a legend above."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[TrendPoint] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_points(self, points: list[TrendPoint]) -> None:
        self.points = list(points)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(640, 320)

    def plot_rect(self) -> QRectF:
        metrics = QFontMetrics(self.font())
        top = 2 * metrics.height() + 12  # the legend
        left = metrics.horizontalAdvance("100%") + 12
        return QRectF(left, top, max(10.0, self.width() - left - 16), max(10.0, self.height() - top - metrics.height() - 12))

    def x_of(self, index: int) -> float:
        rect = self.plot_rect()
        count = max(1, len(self.points) - 1)
        return rect.left() + rect.width() * (index / count if len(self.points) > 1 else 0.5)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        ink, muted, grid = chart_colours(self.palette())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        rect = self.plot_rect()
        # legend
        x, y = 8.0, 4.0
        base = self.palette().color(QPalette.ColorRole.Base)
        for _key, label, colour in LINES:
            text = QCoreApplication.translate("Trends", str(label))
            width = metrics.horizontalAdvance(text) + 30
            if x + width > self.width():
                x, y = 8.0, y + metrics.height() + 4
            painter.fillRect(QRectF(x, y + metrics.height() / 2 - 2, 16, 4), line_colour(colour, base))
            painter.setPen(ink)
            painter.drawText(QPointF(x + 20, y + metrics.ascent()), text)
            x += width + 8
        # grid
        for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
            gy = rect.bottom() - rect.height() * tick
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(rect.left(), gy), QPointF(rect.right(), gy))
            painter.setPen(muted)
            painter.drawText(QPointF(4, gy + metrics.ascent() / 2), f"{int(tick * 100)}%")
        if not self.points:
            painter.setPen(muted)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("Trends", "本年尚无数据"))
            painter.end()
            return
        for index, point in enumerate(self.points):
            label = QCoreApplication.translate("Trends", "{m}月").format(m=point.month[5:])
            painter.setPen(muted)
            painter.drawText(
                QPointF(self.x_of(index) - metrics.horizontalAdvance(label) / 2, rect.bottom() + metrics.ascent() + 6),
                label,
            )
        for key, _label, colour in LINES:
            pen = QPen(line_colour(colour, base), 2)
            painter.setPen(pen)
            previous: QPointF | None = None
            for index, point in enumerate(self.points):
                rate = point.rates.get(key)
                if rate is None:
                    previous = None  # a gap where nothing was due
                    continue
                here = QPointF(self.x_of(index), rect.bottom() - rect.height() * min(1.0, max(0.0, rate)))
                if previous is not None:
                    painter.drawLine(previous, here)
                painter.setBrush(line_colour(colour, base))
                painter.drawEllipse(here, 3, 3)
                previous = here
        painter.end()


class TrendsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("trendsView")
        self.points: list[TrendPoint] | None = None
        self._wanted: tuple[int, dt.date] | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("trendsTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.chart = LineChart()
        self.chart.setObjectName("trendsChart")
        layout.addWidget(self.chart, 1)
        self.latest = QLabel()
        self.latest.setObjectName("trendsLatest")
        self.latest.setWordWrap(True)
        layout.addWidget(self.latest)

    def is_busy(self) -> bool:
        return self._loading

    def wanted(self) -> tuple[int, dt.date] | None:
        return self._wanted

    def load(self, year: int, as_of: dt.date) -> None:
        self._wanted = (year, as_of)
        self._loading = True
        self.title.setText(self.tr("正在计算各月趋势…"))
        run_op(self, lambda: load_trends(self.context, year, as_of)).on_success(self._on_loaded).on_failure(
            self._on_failed
        )

    def _on_failed(self, exc: BaseException) -> None:
        from ui.errors import error_text

        self._loading = False
        self.title.setText(self.tr("无法计算趋势：{reason}").format(reason=error_text(exc)))

    def _on_loaded(self, points: list[TrendPoint]) -> None:
        self._loading = False
        self.points = points
        year, as_of = self._wanted or (0, dt.date.min)
        self.title.setText(
            self.tr("{year} 年各月指标（截至 {as_of}）：督导为所在季度的进度，自查为当月覆盖率").format(
                year=year, as_of=as_of
            )
        )
        self.chart.set_points(points)
        if len(points) >= 2:
            last, before = points[-1], points[-2]
            parts = []
            for key, label, _colour in LINES:
                now, then = last.rates.get(key), before.rates.get(key)
                arrow = "" if now is None or then is None else ("↑" if now > then else "↓" if now < then else "→")
                parts.append(f"{QCoreApplication.translate('Trends', str(label))} {percent(now)}{arrow}")
            self.latest.setText(self.tr("本月较上月：") + QCoreApplication.translate("Trends", "；").join(parts))
        else:
            self.latest.setText("")
