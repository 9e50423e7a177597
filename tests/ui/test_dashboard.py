"""工作台: the figures are msfood.metrics' own, each opens the records behind it, the chart per township."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from msfood.metrics import compute_stats
from ui.charts import percent


@pytest.fixture
def page(qtbot, make_context, station_with_records, wait_ops):  # type: ignore[no-untyped-def]
    from ui.pages.dashboard import DashboardPage

    context = make_context(station_with_records)
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    page.page_shown()
    assert page.is_busy()
    wait_ops()
    assert not page.is_busy()
    return page


def expected(page):  # type: ignore[no-untyped-def]
    with page.context.database.sessions() as session:
        return compute_stats(session, period="2026Q4", as_of=page.context.clock.today())


def test_figures_are_the_metrics(page):
    stats = expected(page)
    assert page.period_label.text() == "2026Q4（2026-10-01 至 2026-12-31，截至 2026-11-24）"
    t = stats.supervision.total
    assert t.due == 0  # the quarter has not ended: its obligations are still open
    running = [o for o in stats.supervision.obligations if not o.due]  # open: still short of the count
    assert len(running) == t.open
    # while the quarter runs the headline shows progress, labelled 进度, never a blank
    progress = stats.supervision.progress
    assert progress.total > 0
    assert page.tiles["supervision"].value() == f"进度 {percent(progress.rate)}"
    assert page.tiles["supervision"].detail_label.text().startswith(
        f"已完成 {progress.met} / 本期任务 {progress.total}\n剩余 37 天（工作日 "
    )
    for level in ("city", "county", "township", "village"):
        mine = stats.supervision.progress_by_level[level]
        tile = page.tiles[f"level_{level}"]
        if mine.total:
            assert tile.value() == f"进度 {percent(mine.rate)}"
            assert tile.detail_label.text() == f"已完成 {mine.met} / 本期任务 {mine.total}"
        else:
            assert (tile.value(), tile.detail_label.text()) == ("—", "本期没有该层级的督导任务")
    assert page.tiles["open"].value() == str(t.open)
    assert page.tiles["coverage"].value() == percent(stats.supervision.coverage.rate)
    assert page.tiles["daily"].value() == percent(stats.selfcheck.daily.rate)
    assert page.tiles["platform"].value() == percent(stats.selfcheck.platform_rate)
    assert page.tiles["overdue_problems"].value() == "1"  # 健康证过期, due 2026-11-01
    assert page.tiles["awaiting"].value() == "1"  # SF2026004, received 2026-11-01
    assert page.tiles["awaiting"].detail_label.text() == "最近一件剩余 67 天"


def test_a_figure_opens_the_records_behind_it(qtbot, page):
    tile = page.tiles["overdue_problems"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    dialog = page._dialogs[-1]
    assert dialog.windowTitle() == "逾期未整改的问题"
    model = dialog.model
    assert model.rowCount() == 1
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row == ["清水家常饭店", "周一", "2026-10-08", "健康证过期", "2026-11-01", "23", "待整改"]
    dialog.close()

    qtbot.keyClick(page.tiles["awaiting"], Qt.Key.Key_Return)
    cases = page._dialogs[-1]
    assert cases.windowTitle() == "不合格样品待处置"
    assert cases.model.data(cases.model.index(0, 0)) == "SF2026004"
    assert cases.model.data(cases.model.index(0, 6)) == "67"


def test_missed_obligations_match_the_metrics(qtbot, page):
    stats = expected(page)
    qtbot.mouseClick(page.tiles["supervision"], Qt.MouseButton.LeftButton)
    dialog = page._dialogs[-1]
    assert dialog.model.rowCount() == len(stats.supervision.missed())
    names = sorted(dialog.model.data(dialog.model.index(r, 0)) for r in range(dialog.model.rowCount()))
    assert names == sorted(o.business_name for o in stats.supervision.missed())


def test_chart_has_a_bar_per_township_and_opens_it(qtbot, page, wait_ops):
    bars = page.chart.bars()
    assert [(b.key, b.label) for b in bars] == [("430204001", "清水塘街道")]
    progress = page.towns[0].progress  # the quarter runs: the bars show progress
    assert progress.total > 0
    assert bars[0].rate == progress.rate and bars[0].note == f"{progress.met}/{progress.total}"
    assert page.chart_title.text().startswith("各乡镇（街道）督导进度")
    y = page.chart.GAP + page.chart.ROW // 2
    qtbot.mouseClick(page.chart, Qt.MouseButton.LeftButton, pos=QPoint(page.chart.width() // 2, y))
    wait_ops()
    dialog = page._dialogs[-1]
    assert dialog.windowTitle().endswith("— 清水塘街道")


def test_period_navigation_recomputes(qtbot, page, wait_ops):
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert page.stats is not None and page.stats.period == "2026Q3"
    t = page.stats.supervision.total
    assert t.due > 0
    assert (
        page.tiles["supervision"].detail_label.text() == f"应督导 {t.due}，已完成 {t.met}，未完成 {t.missed}"
    )
    assert page.next_button.isEnabled()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("month"))
    wait_ops()
    assert page.stats.period == "2026-07"  # the month holding the anchor (the first day of 2026Q3)
    assert page.context.settings.dashboard_period_kind == "month"
    qtbot.mouseClick(page.current_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert page.stats.period == "2026-11"
    assert not page.next_button.isEnabled()  # no figures for the future


def test_data_change_refreshes_when_visible(qtbot, page, wait_ops):
    page.context.changed({"visits"})
    assert page.is_busy()
    wait_ops()
    assert not page.is_busy()


def test_rows_model_passes_the_model_tester(qtmodeltester):
    import datetime as dt

    from ui.models.rows_table import SORT_ROLE, RowsTableModel

    model = RowsTableModel(["名称", "日期", "数量"])
    model.set_rows([("甲", dt.date(2026, 1, 2), 3), ("乙", None, 1)])
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, 1)) == ""
    assert model.data(model.index(0, 1), SORT_ROLE) == "2026-01-02"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "数量"


def test_figures_kept_in_lists_open_their_page(qtbot, page):
    with qtbot.waitSignal(page.context.signals.navigate, timeout=2000) as signal:
        qtbot.mouseClick(page.tiles["coverage"], Qt.MouseButton.LeftButton)
    assert signal.args == ["assignments"]
    with qtbot.waitSignal(page.context.signals.navigate, timeout=2000) as signal:
        qtbot.mouseClick(page.tiles["failure"], Qt.MouseButton.LeftButton)
    assert signal.args == ["sampling"]


def test_counts_tiles_are_the_metrics(page):
    stats = expected(page)
    counts = stats.selfcheck.counts
    assert page.tiles["visits"].value() == str(stats.supervision.visits) != "0"
    assert page.tiles["records_daily"].value() == str(counts.daily) != "0"
    assert page.tiles["records_weekly"].value() == str(counts.weekly)
    assert page.tiles["records_monthly"].value() == str(counts.monthly)
    assert page.tiles["issues_found"].value() == str(counts.issues_found)
    assert "2026-10-01 至 2026-11-24" in page.tiles["visits"].detail_label.text()


def test_pace_uses_the_working_days_left(page):
    from msfood.domain.calendar import WorkCalendar

    workdays = WorkCalendar().workdays_between(page.context.clock.today(), page.period().end)
    progress = page.stats.supervision.progress
    left = progress.total - progress.met
    detail = page.tiles["supervision"].detail_label.text()
    assert f"剩余 37 天（工作日 {workdays} 天），尚需 {left} 项，每个工作日约需 {left / workdays:.1f} 项" in detail
    assert page.overview.pace.workdays_left == workdays < 37


def test_an_ended_period_shows_the_final_rate(qtbot, page, wait_ops):
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    wait_ops()
    t = page.stats.supervision.total
    assert page.tiles["supervision"].value() == percent(t.rate) and not page.overview.running
    assert page.stats.supervision.progress.rate == t.rate
    assert page.chart_title.text() == "各乡镇（街道）督导完成率"


def test_ranking_tab_ranks_the_regions_below_the_unit(qtbot, page, wait_ops):
    from msfood.metrics.ranking import rank_regions

    view = page.ranking_view
    assert view.ranking is None  # computed when its tab is shown
    page.tabs.setCurrentWidget(view)
    assert view.is_busy()
    wait_ops()
    with page.context.database.sessions() as session:
        expected_rows = rank_regions(
            session, period="2026Q4", as_of=page.context.clock.today(), region=page.context.unit.region_code
        ).rows
    assert view.table.rowCount() == len(expected_rows) > 0
    for r, row in enumerate(expected_rows):
        cells = [view.table.item(r, c).text() for c in range(view.table.columnCount())]
        assert cells[1] == row.name and cells[2] == percent(row.rate)
        assert cells[3] == f"{row.numerator}/{row.denominator}"
    assert "督导进度" in view.title.text() and "上期 2026Q3" in view.title.text()
    view.figure_combo.setCurrentIndex(view.figure_combo.findData("daily"))
    wait_ops()
    assert view.ranking is not None and view.ranking.by == "daily"
    assert "日管控覆盖率" in view.title.text()
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)  # the tab follows the period
    wait_ops()
    assert view.ranking.period == "2026Q3" and view.ranking.by == "daily"


def test_change_text_marks_rises_and_falls():
    from ui.pages.dashboard.ranking import change_text

    assert (change_text(2), change_text(-1), change_text(0), change_text(None)) == ("↑2 进位", "↓1 退位", "持平", "—")


def test_trends_tab_draws_the_months_so_far(qtbot, page, wait_ops):
    from msfood.metrics.trends import monthly_trends

    view = page.trends_view
    assert view.points is None  # computed when its tab is shown
    page.tabs.setCurrentWidget(view)
    wait_ops()
    with page.context.database.sessions() as session:
        expected_points = monthly_trends(session, year=2026, as_of=page.context.clock.today())
    assert [p.month for p in view.points] == [f"2026-{m:02d}" for m in range(1, 12)]
    assert view.points == expected_points and view.chart.points == expected_points
    assert "2026 年各月指标（截至 2026-11-24）" in view.title.text()
    assert view.latest.text().startswith("本月较上月：督导进度（所在季度）")
    image = view.chart.grab().toImage()  # the lines are drawn: some pixels in the supervision colour
    blue = sum(
        1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).name() == "#1565c0"
    )
    assert blue > 20


def test_record_counts_arrive_with_the_other_tiles(qtbot, make_context, station_with_records, wait_ops):
    """The record counts come in the figures' own pass (issue 14: read from the rollups, no longer
    every record): the moment the figures arrive, their tiles show them too."""
    from ui.pages.dashboard import DashboardPage

    page = DashboardPage(make_context(station_with_records))
    qtbot.addWidget(page)
    page.show()
    page.page_shown()
    qtbot.waitUntil(lambda: page.overview is not None, timeout=20_000)
    counts = expected(page).selfcheck.counts
    assert page.stats.selfcheck.counts == counts and counts.daily > 0
    assert page.tiles["records_daily"].value() == str(counts.daily)  # at once: no second step
    assert page.tiles["issues_found"].value() == str(counts.issues_found)
    wait_ops()
    assert not page.is_busy()
    page.refresh()  # while computing, every tile says so
    assert page.tiles["records_daily"].value() == "…"
    wait_ops()
    assert page.tiles["records_daily"].value() == str(counts.daily)
