"""工作台: the current period's figures (msfood.metrics, computed off the UI thread), each clickable.

督导完成率 overall and by level (while the period runs: progress, with the days and working days left
and the pace needed), 督导次数, 包保覆盖率, 问题整改率, self-check coverage, the record counts and
平台应用率, failed samples awaiting handling (days left), overdue problems and cases, progress per
township, and a second tab ranking the regions below the unit's own (ui/pages/dashboard/ranking.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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
from msfood.domain.periods import Period, parse_period, period_of
from ui.charts import Bar, BarChart, percent, rate_colour
from ui.context import AppContext
from ui.i18n import is_english
from ui.pages.dashboard.ranking import RankingView
from ui.pages.dashboard.trends import TrendsView
from ui.pages.figure_tile import FigureTile
from ui.theme import STATUS_COLOURS
from ui.workers import run_op

if TYPE_CHECKING:  # msfood.metrics loads with the figures, on the worker: not on the start-up's path
    from msfood.metrics.overview import Overview, RegionProgress
    from msfood.metrics.results import Progress, Stats
    from ui.pages.dashboard.records import Rows
    from ui.pages.dashboard.drilldown import RecordsDialog, Target

BAD = STATUS_COLOURS["bad"]  # the tile makes it readable on its own fill, light or dark

PERIOD_KINDS = (
    ("month", QT_TRANSLATE_NOOP("Dashboard", "月度")),
    ("quarter", QT_TRANSLATE_NOOP("Dashboard", "季度")),
    ("half", QT_TRANSLATE_NOOP("Dashboard", "半年度")),
    ("year", QT_TRANSLATE_NOOP("Dashboard", "年度")),
)


def _fingerprint(session: Any, period: Period, as_of: dt.date) -> str:
    from msfood.metrics.figures_cache import fingerprint

    return fingerprint(session, period=period.key, as_of=as_of, region=None, level="township")


def load_cached(context: AppContext, period: Period, as_of: dt.date) -> Overview | None:
    """On the worker thread, first: the figures last computed, if nothing they read has changed since
    (msfood.metrics.figures_cache); a few milliseconds where computing them takes seconds."""
    from msfood.metrics import figures_cache

    path = context.database.path
    if path is None:
        return None
    with context.database.sessions() as session:
        key = _fingerprint(session, period, as_of)
    return figures_cache.load(figures_cache.cache_path(path), key)


def load_figures(context: AppContext, period: Period, as_of: dt.date) -> Overview:
    """On the worker thread: the stats with the record counts (a pass over the rollup rows the
    coverage reads already), progress per township and the pace (its own session); kept for the
    next start under the fingerprint read in the same transaction, before the figures."""
    from msfood.metrics import figures_cache
    from msfood.metrics.overview import compute_overview

    path = context.database.path
    with context.database.sessions() as session:
        key = _fingerprint(session, period, as_of) if path is not None else None
        overview = compute_overview(session, period=period, as_of=as_of, level="township")
    if path is not None and key is not None:
        figures_cache.store(figures_cache.cache_path(path), key, overview)
    return overview


def load_stats(context: AppContext, period: Period, as_of: dt.date, region: str) -> Stats:
    """On the worker thread: one region's figures with their drill-down rows (a township's bar)."""
    from msfood.metrics import compute_stats

    with context.database.sessions() as session:
        return compute_stats(session, period=period.key, as_of=as_of, region=region)


class DashboardPage(QWidget):
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
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._loading = True
        self.refresh_button.setEnabled(False)
        self._generation += 1
        generation = self._generation
        self.cached = None
        for tile in self.tiles.values():
            tile.set_figure("…", self.tr("正在计算"))
        period, as_of = self.period(), self.as_of()
        # the pool runs one job at a time, in order: the cached figures come first
        cached = run_op(self, lambda: load_cached(self.context, period, as_of))
        cached.on_success(lambda found: self._on_cached(found, generation))
        op = run_op(self, lambda: load_figures(self.context, period, as_of))
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

    def _progress_colour(self, progress: Progress, stats: Stats) -> str | None:
        """Progress against the time gone: on pace green, a little behind amber, far behind red."""
        if progress.rate is None:
            return None
        from ui.charts import FAIR, GOOD, POOR

        length = (stats.period_end - stats.period_start).days + 1
        gone = min(1.0, max(0.0, ((stats.as_of - stats.period_start).days + 1) / length))
        if progress.rate >= gone:
            return GOOD.name()
        return (FAIR if progress.rate >= 0.8 * gone else POOR).name()

    def _show_progress(self, overview: Overview) -> None:
        """While the period runs the headline tiles show progress, labelled 进度, never a blank."""
        if not overview.running:
            return
        from msfood.metrics.results import Progress

        stats, left = overview.stats, overview.pace
        sup = stats.supervision
        total = sup.progress
        if total.total:
            value = self.tr("进度 {rate}").format(rate=percent(total.rate))
            share = self.tr("已完成 {met} / 本期任务 {total}").format(met=total.met, total=total.total)
            if left.remaining <= 0:
                pace = self.tr("本期任务已全部完成")
            elif left.workdays_left and left.per_workday is not None:
                pace = self.tr("剩余 {days} 天（工作日 {workdays} 天），尚需 {n} 项，每个工作日约需 {pace} 项").format(
                    days=left.days_left, workdays=left.workdays_left, n=left.remaining,
                    pace=f"{left.per_workday:.1f}",
                )
            else:
                pace = self.tr("剩余 {days} 天，已无工作日，尚需 {n} 项").format(
                    days=left.days_left, n=left.remaining
                )
            self.tiles["supervision"].set_figure(
                value, f"{share}\n{pace}", colour=self._progress_colour(total, stats)
            )
        else:
            self.tiles["supervision"].set_figure("—", self.tr("本期没有督导任务"))
        for level in LEVEL_ORDER:
            progress = sup.progress_by_level.get(level, Progress())
            if progress.total:
                self.tiles[f"level_{level}"].set_figure(
                    self.tr("进度 {rate}").format(rate=percent(progress.rate)),
                    self.tr("已完成 {met} / 本期任务 {total}").format(met=progress.met, total=progress.total),
                    colour=self._progress_colour(progress, stats),
                )
            else:
                self.tiles[f"level_{level}"].set_figure("—", self.tr("本期没有该层级的督导任务"))

    def _show_counts(self, stats: Stats) -> None:
        """The counts bulletins publish: 督导次数, records of each kind, 自查发现问题数."""
        window = self.tr("{start} 至 {end}").format(
            start=stats.period_start, end=min(stats.period_end, stats.as_of)
        )
        self.tiles["visits"].set_figure(
            str(stats.supervision.visits), self.tr("{window} 的全部督导（不论是否计入完成率）").format(window=window)
        )
        counts = stats.selfcheck.counts
        for key, n in (("records_daily", counts.daily), ("records_weekly", counts.weekly),
                       ("records_monthly", counts.monthly)):
            self.tiles[key].set_figure(str(n), self.tr("{window}，辖区全部主体").format(window=window))
        self.tiles["issues_found"].set_figure(
            str(counts.issues_found), self.tr("{window} 自查记录中发现的问题数之和").format(window=window)
        )

    def _rate_tile(self, key: str, rate: float | None, detail: str) -> None:
        self.tiles[key].set_figure(
            percent(rate), detail, colour=rate_colour(rate).name() if rate is not None else None
        )

    def _progress(self, stats: Stats, level: str | None) -> str:
        """While no duty is due yet (its rule period runs past the as-of date): how many are still short
        (the open obligations, from the tally: the cached figures carry no obligation rows)."""
        from msfood.metrics.results import Tally

        sup = stats.supervision
        running = sup.total.open if level is None else sup.by_level.get(level, Tally()).open
        if not running:
            return self.tr("本期尚无到期的督导任务")
        return self.tr("周期未结束，{n} 个任务尚未达到次数").format(n=running)

    def _show_figures(self, stats: Stats) -> None:
        sup = stats.supervision
        t = sup.total
        if t.due:
            detail = self.tr("应督导 {due}，已完成 {met}，未完成 {missed}").format(
                due=t.due, met=t.met, missed=t.missed
            )
        else:
            detail = self._progress(stats, None)
        self._rate_tile("supervision", t.rate, detail)
        from msfood.metrics.results import Tally

        for level in LEVEL_ORDER:
            tally = sup.by_level.get(level, Tally())
            if tally.due:
                detail = self.tr("应督导 {due}，未完成 {missed}").format(due=tally.due, missed=tally.missed)
            else:
                detail = self._progress(stats, level)
            self._rate_tile(f"level_{level}", tally.rate, detail)
        self.tiles["open"].set_figure(str(t.open), self.tr("周期未结束、尚未达到次数"))
        cov = sup.coverage
        self._rate_tile(
            "coverage",
            cov.rate,
            self.tr("在营 {operating} 家，已包保 {guaranteed} 家").format(
                operating=cov.operating, guaranteed=cov.guaranteed
            ),
        )
        prob = sup.problems
        self._rate_tile(
            "problems",
            prob.rate,
            self.tr("到期 {due} 个，已销号 {closed} 个（本期发现 {found} 个）").format(
                due=prob.due, closed=prob.closed, found=prob.found
            ),
        )
        overdue = prob.due - prob.closed  # the overdue rows' count (the cached figures carry none)
        self.tiles["overdue_problems"].set_figure(
            str(overdue), self.tr("超过整改期限仍未销号"), colour=BAD if overdue else None
        )
        sc = stats.selfcheck
        self._rate_tile(
            "daily",
            sc.daily.rate,
            self.tr("应自查 {owing} 家，达标 {covered} 家；记录天数 {days}/{op}").format(
                owing=sc.daily.owing,
                covered=sc.daily.covered,
                days=sc.daily.record_days,
                op=sc.daily.operating_days,
            ),
        )
        self._rate_tile(
            "weekly",
            sc.weekly.rate,
            self.tr("适用 {n} 家，覆盖 {c} 家").format(n=sc.weekly.applicable, c=sc.weekly.covered),
        )
        self._rate_tile(
            "monthly",
            sc.monthly.rate,
            self.tr("适用 {n} 家，覆盖 {c} 家").format(n=sc.monthly.applicable, c=sc.monthly.covered),
        )
        self._rate_tile(
            "platform",
            sc.platform_rate,
            self.tr("应自查 {owing} 家，有记录 {active} 家").format(owing=sc.owing, active=sc.active),
        )
        disposal = stats.sampling.disposal
        waiting = [c for c in disposal.rows if c.closed_on is None]
        if waiting:
            soonest = min(c.days_left(stats.as_of) for c in waiting)
            detail = (
                self.tr("最近一件剩余 {days} 天").format(days=soonest)
                if soonest >= 0
                else self.tr("最早一件已逾期 {days} 天").format(days=-soonest)
            )
        else:
            detail = self.tr("没有待处置的不合格样品")
        self.tiles["awaiting"].set_figure(str(len(waiting)), detail, colour=BAD if waiting else None)
        self.tiles["overdue_cases"].set_figure(
            str(disposal.overdue),
            self.tr("本期收到结论 {n} 件，已处置 {c} 件").format(n=disposal.cases, c=disposal.closed),
            colour=BAD if disposal.overdue else None,
        )
        samp = stats.sampling
        self.tiles["sampling"].set_figure(
            percent(samp.plan_rate),
            self.tr("年度计划 {p} 批，累计 {d} 批").format(p=samp.planned, d=samp.year_to_date),
        )
        # The headline SAMR publishes: 监督抽检 alone; all types together are shown beside it.
        supervision, counts = samp.supervision_counts, samp.counts
        self.tiles["failure"].set_figure(
            percent(supervision.failure_rate),
            self.tr("监督抽检 {b} 批：合格 {ok}，不合格 {bad}，待检 {wait}；全部类型 {all} 批").format(
                b=supervision.batches, ok=supervision.passed, bad=supervision.failed,
                wait=supervision.pending, all=counts.batches,
            ),
        )

    # --- drill-downs

    def records_for(self, key: str) -> Rows | None:
        from ui.pages.dashboard import records as lists

        stats = self.stats
        if stats is None:
            return None
        if key == "supervision":
            return lists.missed(stats)
        if key.startswith("level_"):
            return lists.missed(stats, key.removeprefix("level_"))
        if key == "open":
            return lists.open_obligations(stats)
        if key in ("problems", "overdue_problems"):
            return lists.problems(
                self.tr("逾期未整改的问题"), stats.supervision.problems.overdue, stats.as_of
            )
        if key in ("daily", "weekly", "monthly"):
            return lists.gaps(stats, key)
        if key == "platform":
            return lists.gaps(stats, None)
        if key == "awaiting":
            return lists.awaiting(stats)
        if key == "overdue_cases":
            return lists.overdue_cases(stats)
        if key == "coverage":
            return None  # the roster pages list businesses without an assignment
        if key in ("sampling", "failure"):  # the sampling page lists the batches with their results
            self.context.signals.navigate.emit("sampling")
            return None
        return None

    def open_records(self, key: str) -> RecordsDialog | None:
        if key in ("records_daily", "records_weekly", "records_monthly", "issues_found"):
            self.context.signals.navigate.emit("selfchecks")
            return None
        if key == "visits":
            self.context.signals.navigate.emit("visits")
            return None
        if key == "coverage":
            self.context.signals.navigate.emit("assignments")
            return None
        rows = self.records_for(key)
        if rows is None:
            return None
        return self._show_dialog(*rows)

    def _show_dialog(
        self, title: str, headers: list[str], rows: list[tuple[Any, ...]], targets: Sequence[Target] = ()
    ) -> RecordsDialog:
        stats = self.stats
        note = (
            self.tr("统计期间 {key}，截至 {as_of}").format(key=stats.period, as_of=stats.as_of)
            if stats
            else ""
        )
        from ui.pages.dashboard.drilldown import RecordsDialog

        dialog = RecordsDialog(title, headers, rows, note=note, targets=targets, parent=self)
        dialog.record_requested.connect(self.context.signals.open_record)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._dialogs.remove(d) if d in self._dialogs else None)
        self._dialogs.append(dialog)
        dialog.show()
        return dialog

    def _on_chart_bar_activated(self, code: str) -> None:
        period, as_of = self.period(), self.as_of()
        name = next((r.name for r in self.towns if r.code == code), code)

        def show(stats: Stats) -> None:
            from ui.pages.dashboard.records import missed, open_obligations

            found = missed(stats) if stats.supervision.total.due else open_obligations(stats)
            title, headers, rows, targets = found
            self._show_dialog(f"{title} — {name}", headers, rows, targets)

        run_op(self, lambda: load_stats(self.context, period, as_of, code)).on_success(show)
