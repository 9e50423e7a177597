"""排名 on the dashboard: the regions one level below the unit's region ranked on a chosen figure, with
last period's rank and the change (↑ 进位, ↓ 退位), from msfood.metrics.ranking (`msfood ranking`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msfood.domain.periods import Period
from ui.charts import GOOD, MUTED, POOR, percent
from ui.context import AppContext
from ui.theme import readable
from ui.workers import run_op

if TYPE_CHECKING:
    from msfood.metrics.ranking import Ranking

FIGURES = (
    ("supervision", QT_TRANSLATE_NOOP("Ranking", "督导完成率（进行中按进度）")),
    ("coverage", QT_TRANSLATE_NOOP("Ranking", "包保覆盖率")),
    ("daily", QT_TRANSLATE_NOOP("Ranking", "日管控覆盖率")),
    ("weekly", QT_TRANSLATE_NOOP("Ranking", "周排查覆盖率")),
    ("monthly", QT_TRANSLATE_NOOP("Ranking", "月调度覆盖率")),
    ("platform_use", QT_TRANSLATE_NOOP("Ranking", "平台应用率")),
    ("disposal", QT_TRANSLATE_NOOP("Ranking", "核查处置按时完成率")),
)
HEADERS = (
    QT_TRANSLATE_NOOP("Ranking", "排名"),
    QT_TRANSLATE_NOOP("Ranking", "区域"),
    QT_TRANSLATE_NOOP("Ranking", "指标值"),
    QT_TRANSLATE_NOOP("Ranking", "完成/应完成"),
    QT_TRANSLATE_NOOP("Ranking", "上期排名"),
    QT_TRANSLATE_NOOP("Ranking", "升降"),
)


def load_ranking(context: AppContext, period: Period, as_of: dt.date, by: str) -> Ranking:
    """On the worker thread, with its own session."""
    from msfood.metrics.ranking import rank_regions

    with context.database.sessions() as session:
        return rank_regions(session, period=period, as_of=as_of, region=context.unit.region_code, by=by)


def change_text(change: int | None) -> str:
    if change is None:
        return "—"
    if change > 0:
        return QCoreApplication.translate("Ranking", "↑{n} 进位").format(n=change)
    if change < 0:
        return QCoreApplication.translate("Ranking", "↓{n} 退位").format(n=-change)
    return QCoreApplication.translate("Ranking", "持平")


class RankingView(QWidget):
    """A figure to rank on, the table of regions, a line saying what is ranked and as of when."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("rankingView")
        self.ranking: Ranking | None = None
        self._loading = False
        self._wanted: tuple[Period, dt.date] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("排名指标")))
        self.figure_combo = QComboBox()
        self.figure_combo.setObjectName("rankingFigure")
        for code, label in FIGURES:
            self.figure_combo.addItem(QCoreApplication.translate("Ranking", str(label)), code)
        self.figure_combo.currentIndexChanged.connect(self._on_figure_combo_changed)
        row.addWidget(self.figure_combo)
        row.addStretch(1)
        layout.addLayout(row)
        self.title = QLabel()
        self.title.setObjectName("rankingTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("rankingTable")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("Ranking", str(h)) for h in HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.note = QLabel()
        self.note.setObjectName("rankingNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

    def figure(self) -> str:
        return str(self.figure_combo.currentData())

    def is_busy(self) -> bool:
        return self._loading

    def load(self, period: Period, as_of: dt.date) -> None:
        self._wanted = (period, as_of)
        self._loading = True
        self.title.setText(self.tr("正在计算排名…"))
        by = self.figure()
        op = run_op(self, lambda: load_ranking(self.context, period, as_of, by))
        op.on_success(self._on_loaded).on_failure(self._on_failed)

    def _on_figure_combo_changed(self, _index: int) -> None:
        if self._wanted is not None:
            self.load(*self._wanted)

    def _on_failed(self, exc: BaseException) -> None:
        from ui.errors import error_text

        self._loading = False
        self.table.setRowCount(0)
        self.title.setText(self.tr("无法计算排名：{reason}").format(reason=error_text(exc)))

    def _on_loaded(self, ranking: Ranking) -> None:
        if ranking.by != self.figure():  # a later choice is on its way
            return
        self._loading = False
        self.ranking = ranking
        running = ranking.as_of < self._period_end(ranking)
        figure = self.figure_combo.currentText()
        if ranking.by == "supervision" and running:
            figure = self.tr("督导进度（本期进行中，已完成/本期全部任务）")
        where = (
            self.tr("{name}（{code}）").format(name=ranking.region_name, code=ranking.region)
            if ranking.region
            else self.tr("全部辖区")
        )
        self.title.setText(
            self.tr("{where}下一级区域按{figure}排名：{period}，截至 {as_of}；上期 {previous}（截至 {previous_as_of}）").format(
                where=where, figure=figure, period=ranking.period, as_of=ranking.as_of,
                previous=ranking.previous_period, previous_as_of=ranking.previous_as_of,
            )
        )
        self.table.setRowCount(len(ranking.rows))
        for r, row in enumerate(ranking.rows):
            cells = (
                str(row.rank) if row.rank is not None else "—",
                row.name,
                percent(row.rate),
                f"{row.numerator}/{row.denominator}",
                str(row.previous_rank) if row.previous_rank is not None else "—",
                change_text(row.change),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 1:
                    item.setToolTip(row.code)
                base = self.table.palette().color(QPalette.ColorRole.Base)  # a table made in dark mode reads
                if c == 5 and row.change:
                    item.setForeground(readable(GOOD if row.change > 0 else POOR, base))
                if row.rank is None:
                    item.setForeground(readable(QColor(MUTED), base))
                self.table.setItem(r, c, item)
        if not ranking.rows:
            self.note.setText(self.tr("{where}下没有下一级区域，无法排名。").format(where=where))
        elif any(row.rank is None for row in ranking.rows):
            self.note.setText(self.tr("“—”：该区域此项指标没有应完成的任务（分母为 0），排在最后。"))
        else:
            self.note.setText(self.tr("升降 = 上期排名 − 本期排名：↑ 进位，↓ 退位。"))

    @staticmethod
    def _period_end(ranking: Ranking) -> dt.date:
        from msfood.domain.periods import parse_period

        return parse_period(ranking.period).end
