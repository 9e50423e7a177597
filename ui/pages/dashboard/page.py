"""工作台: the current period's figures (msfood.metrics, computed off the UI thread), each clickable.

督导完成率 overall and by level (while the period runs: progress, with the days and working days left
and the pace needed), 督导次数, 包保覆盖率, 问题整改率, self-check coverage, the record counts and
平台应用率, failed samples awaiting handling (days left), overdue problems and cases, progress per
township, and a second tab ranking the regions below the unit's own (ui/pages/dashboard/ranking.py).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from msfood.domain.enums import LEVEL, LEVEL_ORDER
from msfood.domain.periods import Period, period_of
from ui.charts import Bar, BarChart
from ui.context import AppContext
from ui.i18n import is_english
from ui.pages.dashboard import figures
from ui.pages.dashboard.figure_records import FigureRecords
from ui.pages.dashboard.ranking import RankingView
from ui.pages.dashboard.tiles import TileTexts
from ui.pages.dashboard.trends import TrendsView
from ui.pages.figure_tile import FigureTile
from ui.workers import run_op

if TYPE_CHECKING:  # msfood.metrics loads with the figures, on the worker: not on the start-up's path
    from msfood.metrics.overview import Overview, RegionProgress
    from msfood.metrics.results import Stats
    from ui.pages.dashboard.drilldown import RecordsDialog

PERIOD_KINDS = (
    ("month", QT_TRANSLATE_NOOP("Dashboard", "月度")),
    ("quarter", QT_TRANSLATE_NOOP("Dashboard", "季度")),
    ("half", QT_TRANSLATE_NOOP("Dashboard", "半年度")),
    ("year", QT_TRANSLATE_NOOP("Dashboard", "年度")),
)


class DashboardPage(TileTexts, FigureRecords, QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("page_dashboard")
        self.stats: Stats | None = None
        self.overview: Overview | None = None
        self.towns: list[RegionProgress] = []
        self._loading = False
        self._stale = True
        self._generation = 0  # the refresh whose results may still be shown (older ones are dropped)
        self.cached: Overview | None = None  # figures from the cache, shown until the fresh ones arrive
        self._anchor = context.clock.today()
        self._dialogs: list[RecordsDialog] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.addLayout(self._build_toolbar())
        self.message = QLabel()
        self.message.setObjectName("dashboardMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        from ui.pages.dashboard.getting_started import GettingStartedPanel  # station-regions: the first steps

        self.getting_started = GettingStartedPanel(context, self)
        outer.addWidget(self.getting_started)

        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 8, 0)
        self.tiles: dict[str, FigureTile] = {}
        self._section(
            self.tr("督导（属地管理责任）"),
            [
                ("supervision", self.tr("督导完成率")),
                *[
                    (
                        f"level_{lvl}",
                        self.tr("{level}督导完成率").format(level=LEVEL.label(lvl, self._lang())),
                    )
                    for lvl in LEVEL_ORDER
                ],
                ("open", self.tr("进行中的督导任务")),
                ("visits", self.tr("督导次数")),
                ("coverage", self.tr("包保覆盖率")),
                ("problems", self.tr("问题整改率")),
                ("overdue_problems", self.tr("逾期未整改问题")),
            ],
        )
        self._section(
            self.tr("企业自查（主体责任）"),
            [
                ("daily", self.tr("日管控覆盖率")),
                ("weekly", self.tr("周排查覆盖率")),
                ("monthly", self.tr("月调度覆盖率")),
                ("platform", self.tr("平台应用率")),
                ("records_daily", self.tr("日管控记录数")),
                ("records_weekly", self.tr("周排查记录数")),
                ("records_monthly", self.tr("月调度记录数")),
                ("issues_found", self.tr("自查发现问题数")),
            ],
        )
        self._section(
            self.tr("抽检与处置"),
            [
                ("awaiting", self.tr("不合格待处置")),
                ("overdue_cases", self.tr("逾期未处置")),
                ("sampling", self.tr("抽检计划完成率")),
                ("failure", self.tr("监督抽检不合格率")),
            ],
        )
        self.chart_title = chart_title = QLabel(self.tr("各乡镇（街道）督导完成率"))
        chart_title.setObjectName("sectionTitle")
        self.body_layout.addWidget(chart_title)
        self.chart = BarChart()
        self.chart.setObjectName("townshipChart")
        self.chart.bar_activated.connect(self._on_chart_bar_activated)
        self.body_layout.addWidget(self.chart)
        self.body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.ranking_view = RankingView(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboardTabs")
        self.tabs.addTab(scroll, self.tr("指标"))
        self.tabs.addTab(self.ranking_view, self.tr("排名"))
        self.trends_view = TrendsView(context)
        self.tabs.addTab(self.trends_view, self.tr("趋势"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        outer.addWidget(self.tabs, 1)

        for key, tile in self.tiles.items():
            tile.activated.connect(lambda k=key: self.open_records(k))
        context.signals.data_changed.connect(self._on_signals_data_changed)
        self._update_period_label()
        self._primed: tuple[Period, dt.date] | None = None  # the cached figures painted before the first refresh
        self._prime_from_cache()

    def _prime_from_cache(self) -> None:
        """Before the first paint, the figures last computed if still current: one statement and a small
        file (a few milliseconds), so that the window opens with a value in every tile (issue 14); the
        fresh figures are computed after the paint (refresh) and replace them. Without a cache file
        nothing is imported here: a station's first start pays nothing."""
        path = self.context.database.path
        if path is None or not path.with_name(path.name + ".figures").exists():  # figures_cache.cache_path
            return
        period, as_of = self.period(), self.as_of()
        try:
            found = figures.load_cached(self.context, period, as_of)
        except Exception:  # noqa: BLE001 (a cache is a shortcut: the refresh reads and reports for real)
            return
        if found is None:
            return
        self._primed = (period, as_of)
        self.cached = found
        self._show_overview(found)
        self.message.setText(self.tr("正在更新…"))
        self.message.show()

    @staticmethod
    def _lang() -> str | None:
        return "en" if is_english() else None

    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("统计期间")))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("periodKind")
        for code, label in PERIOD_KINDS:
            self.kind_combo.addItem(QCoreApplication.translate("Dashboard", str(label)), code)
        self.kind_combo.setCurrentIndex(
            max(0, self.kind_combo.findData(self.context.settings.dashboard_period_kind))
        )
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        row.addWidget(self.kind_combo)
        self.prev_button = QPushButton(self.tr("◀ 上一期"))
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.period_label.setMinimumWidth(1)  # clipped on a narrow window instead of widening it
        self.next_button = QPushButton(self.tr("下一期 ▶"))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.current_button = QPushButton(self.tr("本期"))
        self.current_button.clicked.connect(self._on_current_button_clicked)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("refreshDashboard")
        self.refresh_button.clicked.connect(self.refresh)
        for widget in (self.prev_button, self.next_button, self.current_button):
            row.addWidget(widget)
        row.addSpacing(8)
        row.addWidget(self.period_label, 1)
        self.papers_button = QToolButton()  # issue 13: the period's 督导任务单 as PDF (compact: fits 780 px)
        self.papers_button.setText(self.tr("任务单…"))
        self.papers_button.setToolTip(self.tr("督导任务单（PDF）"))
        self.papers_button.setObjectName("papersButton")
        self.papers_button.clicked.connect(self._on_papers_button_clicked)
        row.addWidget(self.papers_button)
        row.addWidget(self.refresh_button)
        return row

    def _on_papers_button_clicked(self) -> None:
        from ui.dialogs.admin_menu import open_papers_dialog

        open_papers_dialog(self, period=self.period())

    def _section(self, title: str, tiles: list[tuple[str, str]]) -> None:
        label = QLabel(title)
        label.setObjectName("sectionTitle")
        self.body_layout.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(10)
        columns = 4
        for i, (key, tile_title) in enumerate(tiles):
            tile = FigureTile(tile_title, object_name=f"tile_{key}")
            self.tiles[key] = tile
            grid.addWidget(tile, i // columns, i % columns)
        for column in range(columns):  # equal columns, whatever the length of a tile's detail
            grid.setColumnStretch(column, 1)
        self.body_layout.addLayout(grid)

    # --- period

    def period(self) -> Period:
        return period_of(str(self.kind_combo.currentData()), self._anchor)

    def as_of(self) -> dt.date:
        """Today, for past periods too: the figures `msfood stats --period P` prints by default."""
        return self.context.clock.today()

    def _update_period_label(self) -> None:
        period = self.period()
        self.period_label.setText(
            self.tr("{key}（{start} 至 {end}，截至 {as_of}）").format(
                key=period.key, start=period.start, end=period.end, as_of=self.as_of()
            )
        )
        self.next_button.setEnabled(period.end < self.context.clock.today())

    def _on_kind_combo_changed(self, _index: int) -> None:
        self.context.settings.dashboard_period_kind = str(self.kind_combo.currentData())
        self._update_period_label()
        self.refresh()

    def _step(self, direction: int) -> None:
        period = self.period()
        self._anchor = (period.next() if direction > 0 else period.previous()).start
        self._update_period_label()
        self.refresh()

    def _on_current_button_clicked(self) -> None:
        self._anchor = self.context.clock.today()
        self._update_period_label()
        self.refresh()

    # --- loading

    def page_shown(self) -> None:
        if self._stale:
            self.refresh()

    def is_busy(self) -> bool:
        return self._loading or self.ranking_view.is_busy() or self.trends_view.is_busy()

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.ranking_view:
            self._load_ranking()
        elif self.tabs.widget(index) is self.trends_view:
            self._load_trends()

    def _load_trends(self) -> None:
        """The year of the period shown, up to the as-of date (the months so far)."""
        wanted = (self.period().start.year, min(self.as_of(), dt.date(self.period().start.year, 12, 31)))
        if self.trends_view.points is None or self.trends_view.wanted() != wanted:
            self.trends_view.load(*wanted)

    def _load_ranking(self) -> None:
        """The ranking is computed when its tab is shown (or the period changes while it is)."""
        wanted = (self.period(), self.as_of())
        if self.ranking_view.ranking is None or self.ranking_view._wanted != wanted:
            self.ranking_view.load(*wanted)

    def _on_signals_data_changed(self, _tables: frozenset[str]) -> None:
        self._stale = True
        self._primed = None
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._loading = True
        self.refresh_button.setEnabled(False)
        self._generation += 1
        generation = self._generation
        period, as_of = self.period(), self.as_of()
        primed, self._primed = self._primed == (period, as_of) and self.cached is not None, None
        if not primed:  # (primed: the cached figures already show, read before the first paint)
            self.cached = None
            for tile in self.tiles.values():
                tile.set_figure("…", self.tr("正在计算"))
            # the pool runs one job at a time, in order: the cached figures come first
            cached = run_op(self, lambda: figures.load_cached(self.context, period, as_of))
            cached.on_success(lambda found: self._on_cached(found, generation))
        op = run_op(self, lambda: figures.load_figures(self.context, period, as_of))
        op.on_success(lambda overview: self._on_loaded(overview, generation))
        op.on_failure(lambda exc: self._on_load_failed(exc, generation))
        if self.tabs.currentWidget() is self.ranking_view:
            self.ranking_view.load(period, as_of)
        else:
            self.ranking_view.ranking = None  # out of date: computed again when its tab is shown
        if self.tabs.currentWidget() is self.trends_view:
            self._load_trends()
        else:
            self.trends_view.points = None

    def _on_cached(self, overview: Overview | None, generation: int) -> None:
        """The last figures, still current (same fingerprint), painted while the fresh ones compute;
        the drill-downs wait for those."""
        if overview is None or generation != self._generation or not self._loading:
            return
        self.cached = overview
        self._show_overview(overview)
        self.message.setText(self.tr("正在更新…"))
        self.message.show()

    def _on_load_failed(self, exc: BaseException, generation: int | None = None) -> None:
        from ui.errors import error_text

        if generation is not None and generation != self._generation:
            return
        self._loading = False
        self.refresh_button.setEnabled(True)
        for tile in self.tiles.values():
            tile.set_figure("—", "")
        self.message.setText(self.tr("无法计算统计数据：{reason}").format(reason=error_text(exc)))
        self.message.show()

    def _on_loaded(self, overview: Overview, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return  # a later refresh is under way: its figures will be shown
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.message.hide()
        self.overview, self.stats, self.towns = overview, overview.stats, list(overview.regions)
        self._show_overview(overview)

    def _show_overview(self, overview: Overview) -> None:
        """The tiles and the township bars (from the figures alone: no drill-down row is read)."""
        self._show_figures(overview.stats)
        self._show_progress(overview)
        self._show_counts(overview.stats)
        self.chart_title.setText(
            self.tr("各乡镇（街道）督导进度（本期进行中：已完成/本期全部任务）")
            if overview.running
            else self.tr("各乡镇（街道）督导完成率")
        )
        self.chart.set_bars(
            [Bar(r.code, r.name, r.progress.rate, f"{r.progress.met}/{r.progress.total}") for r in overview.regions],
            empty_text=self.tr("尚未建立乡镇（街道）区划，或本期没有督导任务。"),
        )
