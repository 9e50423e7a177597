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
    assert page.tiles["supervision"].value() == percent(t.rate)
    assert t.due == 0  # the quarter has not ended: its obligations are still open
    running = [o for o in stats.supervision.obligations if not o.due]  # open: still short of the count
    assert len(running) == t.open
    assert page.tiles["supervision"].detail_label.text() == f"周期未结束，{t.open} 个任务尚未达到次数"
    for level in ("city", "county", "township", "village"):
        mine = [o for o in running if o.level == level]
        text = page.tiles[f"level_{level}"].detail_label.text()
        assert text == (f"周期未结束，{len(mine)} 个任务尚未达到次数" if mine else "本期尚无到期的督导任务")
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
    tally = page.towns[0][2]
    assert bars[0].rate == tally.rate and bars[0].note == f"{tally.met}/{tally.due}"
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

    from ui.pages.drilldown import SORT_ROLE, RowsTableModel

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
