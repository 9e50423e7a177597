"""The visit rules as a timeline: one row per cadre level, each version a span from its start date to
the day before the next one, labelled 每季度 1 次 / 每半年 1 次 / 不考核, with the years along the top,
today as a red line and closed periods shaded. Drawn with QPainter (QtCharts is not shipped)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from msfood.domain.enums import LEVEL
from msfood.i18n import t
from msfood.services.periods.closing import ClosedPeriodInfo
from msfood.services.rules.visit_rules import LevelTimeline, RuleSpan
from ui.i18n import is_english
from ui.theme import TEXT_CONTRAST, readable

ROW_HEIGHT = 46
AXIS_HEIGHT = 26
LABEL_WIDTH = 64
RIGHT_PAD = 12
COLOURS = {
    "month": QColor("#e8a33d"),
    "quarter": QColor("#3d7be8"),
    "half": QColor("#2e9e6a"),
    "year": QColor("#8a5bd6"),
}
NOT_ASSESSED = QColor("#b8b8b8")


def _lang() -> str | None:
    return "en" if is_english() else None


@dataclass(frozen=True)
class DrawnSpan:
    level: str
    span: RuleSpan
    rect: QRectF
    text: str  # the label drawn in the bar
    dates: str  # drawn under it


class RuleTimelineView(QWidget):
    """Set the data with set_timeline(); `drawn` holds what was laid out (for tooltips and tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleTimeline")
        self.timeline: list[LevelTimeline] = []
        self.closed: list[ClosedPeriodInfo] = []
        self.today = dt.date.today()
        self.first, self.last = self.today, self.today
        self.drawn: list[DrawnSpan] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(480)

    def set_timeline(
        self, timeline: list[LevelTimeline], closed: list[ClosedPeriodInfo], today: dt.date
    ) -> None:
        self.timeline, self.closed, self.today = timeline, closed, today
        self.first, self.last = self._window()
        self.setFixedHeight(self.sizeHint().height())
        self._layout()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(900, AXIS_HEIGHT + ROW_HEIGHT * max(1, len(self.timeline)) + 6)

    # --- layout

    def _window(self) -> tuple[dt.date, dt.date]:
        """From two years before the earliest change (or today) to a year after the latest one."""
        changes = [s.effective_from for line in self.timeline for s in line.spans[1:]]
        earliest = min([*changes, self.today])
        latest = max([*changes, self.today])
        return dt.date(earliest.year - 2, 1, 1), dt.date(latest.year + 1, 12, 31)

    def _x(self, day: dt.date) -> float:
        width = max(1.0, self.width() - LABEL_WIDTH - RIGHT_PAD)
        total = (self.last - self.first).days or 1
        clamped = min(max(day, self.first), self.last)
        return LABEL_WIDTH + width * (clamped - self.first).days / total

    def _layout(self) -> None:
        lang = _lang()
        self.drawn = []
        for row, line in enumerate(self.timeline):
            top = AXIS_HEIGHT + row * ROW_HEIGHT + 4
            for span in line.spans:
                end = span.until or dt.date.max
                if end < self.first or span.effective_from > self.last:
                    continue
                left = self._x(span.effective_from)
                right = self._x(end) if span.until else self._x(self.last)
                rect = QRectF(left + 1, top, max(2.0, right - left - 2), 20)
                ends = span.until.isoformat() if span.until else t("rulever.open_end", lang)
                self.drawn.append(
                    DrawnSpan(
                        line.level,
                        span,
                        rect,
                        span.label(lang),
                        f"{span.effective_from.isoformat()} – {ends}",
                    )
                )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        self._layout()
        super().resizeEvent(event)

    # --- painting

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette_text = self.palette().text().color()
        base = self.palette().base().color()
        muted = readable(QColor("#555555"), base)  # dates under the spans, on light or dark
        bottom = AXIS_HEIGHT + ROW_HEIGHT * len(self.timeline)
        # closed periods: grey bands behind everything
        for closed in self.closed:
            left, right = self._x(closed.start_date), self._x(closed.end_date)
            painter.fillRect(QRectF(left, AXIS_HEIGHT - 4, max(1.0, right - left), bottom - AXIS_HEIGHT + 4),
                             QColor(128, 128, 128, 40))  # fmt: skip
        # the years along the top
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() - 1))
        painter.setFont(small)
        painter.setPen(QPen(readable(QColor("#9a9a9a"), base, TEXT_CONTRAST), 1))
        for year in range(self.first.year, self.last.year + 1):
            x = self._x(dt.date(year, 1, 1))
            painter.drawLine(QPointF(x, AXIS_HEIGHT - 6), QPointF(x, bottom))
            painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 10), str(year))
        # level names and row separators
        painter.setFont(self.font())
        for row, line in enumerate(self.timeline):
            top = AXIS_HEIGHT + row * ROW_HEIGHT
            painter.setPen(palette_text)
            painter.drawText(QRectF(0, top + 4, LABEL_WIDTH - 6, 20),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             LEVEL.label(line.level, _lang()))  # fmt: skip
        # the spans
        metrics = QFontMetrics(small)
        for drawn in self.drawn:
            colour = (
                COLOURS.get(drawn.span.period_type, NOT_ASSESSED) if drawn.span.assessed else NOT_ASSESSED
            )
            painter.setPen(QPen(colour.darker(130), 1))
            brush = QBrush(colour) if drawn.span.assessed else QBrush(colour, Qt.BrushStyle.BDiagPattern)
            painter.setBrush(brush)
            painter.drawRoundedRect(drawn.rect, 4, 4)
            painter.setFont(self.font())
            painter.setPen(QColor("white") if drawn.span.assessed else palette_text)
            inner = drawn.rect.adjusted(6, 0, -4, 0)
            text = QFontMetrics(self.font()).elidedText(
                drawn.text, Qt.TextElideMode.ElideRight, int(inner.width())
            )
            painter.drawText(inner, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
            painter.setFont(small)
            painter.setPen(muted)
            dates = metrics.elidedText(drawn.dates, Qt.TextElideMode.ElideRight, int(drawn.rect.width()))
            painter.drawText(
                QPointF(drawn.rect.left() + 2, drawn.rect.bottom() + metrics.ascent() + 2), dates
            )
        # today
        x = self._x(self.today)
        today_red = readable(QColor("#c62828"), base, 3.0)  # a graphic: 3:1 on light or dark
        painter.setPen(QPen(today_red, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, AXIS_HEIGHT - 6), QPointF(x, bottom))
        painter.end()

    # --- tooltips

    def span_at(self, x: float, y: float) -> DrawnSpan | None:
        for drawn in self.drawn:
            if drawn.rect.adjusted(0, 0, 0, 14).contains(QPointF(x, y)):
                return drawn
        return None

    def tooltip_for(self, drawn: DrawnSpan) -> str:
        return f"{LEVEL.label(drawn.level, _lang())} {drawn.text}\n{drawn.dates}"

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent):
            found = self.span_at(event.pos().x(), event.pos().y())
            if found is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(found), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
