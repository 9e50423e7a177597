"""Drill-downs: the gap column says what is missing, a row opens the record it names, and the list copies,
prints (Chinese in the PDF) and exports (text that looks like a formula stays text)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from msfood.metrics import compute_stats
from tests.ui.typing_helpers import double_click_row
from tests.unit.reports_data import pdf_text


def activate(qtbot: Any, dialog: Any) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.table.setFocus()


@pytest.fixture
def window(qtbot: Any, make_context: Any, station_with_records: Any, wait_ops: Any) -> Any:
    from ui.main_window import MainWindow

    context = make_context(station_with_records)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page("dashboard")
    wait_ops()
    return window


def test_the_daily_gap_says_days_missing_with_present_and_required_in_the_tooltip(window: Any) -> None:
    page = window.page("dashboard")
    dialog = page.open_records("daily")
    with window.context.database.sessions() as session:
        stats = compute_stats(session, period="2026Q4", as_of=window.context.clock.today())
    gaps = [g for g in stats.selfcheck.gaps if g.kind == "daily"]
    assert dialog.model.rowCount() == len(gaps) > 0
    assert dialog.model.headerData(2, Qt.Orientation.Horizontal) == "缺少的记录"
    for row, gap in enumerate(gaps):
        present, required = (int(n) for n in gap.detail.split("/"))
        index = dialog.model.index(row, 2)
        assert index.data() == f"缺 {required - present} 天"
        assert index.data(Qt.ItemDataRole.ToolTipRole) == f"有记录 {present} 天，应有 {required} 天"
    dialog.close()


def test_weekly_and_platform_gaps_name_what_is_missing() -> None:
    from ui.pages.dashboard.records import gap_cell

    assert str(gap_cell("weekly", "2026-W47、2026-W48")) == "缺 2026-W47、2026-W48"
    assert gap_cell("weekly", "2026-W47、2026-W48").sort == 2
    assert str(gap_cell("monthly", "2026-11")) == "缺 2026-11"
    assert str(gap_cell("platform", "")) == "无任何自查记录"
    chained = gap_cell("daily", "3/20（应由总部“某连锁”记录）")
    assert str(chained) == "缺 17 天（应由总部“某连锁”记录）" and chained.sort == 17


def test_double_click_opens_the_business_the_row_names(qtbot: Any, window: Any, wait_ops: Any) -> None:
    dialog = window.page("dashboard").open_records("daily")
    activate(qtbot, dialog)
    name = dialog.table.model().index(0, 0).data()
    expected_id = dialog.target_at(0)[1]
    double_click_row(qtbot, dialog.table, 0)
    wait_ops()
    assert window.current_page_key() == "businesses"
    form = window.page("businesses").current_form
    assert form is not None and form.record_id == expected_id
    assert form.isVisible() and name
    form.close()
    dialog.close()


def test_enter_on_an_overdue_problem_opens_its_form(qtbot: Any, window: Any, wait_ops: Any) -> None:
    dialog = window.page("dashboard").open_records("overdue_problems")
    activate(qtbot, dialog)
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    wait_ops()
    visits = window.page("visits")
    assert window.current_page_key() == "visits" and visits.tabs.currentWidget() is visits.problems
    assert visits.problems.current_form is not None
    assert visits.problems.current_form.record_id == dialog.target_at(0)[1]
    visits.problems.current_form.close()
    dialog.close()


def small_dialog(qtbot: Any, app: Any) -> Any:
    from ui.models.rows_table import Shown
    from ui.pages.dashboard.drilldown import RecordsDialog

    rows = [("=HYPERLINK(\"http://x\",\"点我\")", 3, dt.date(2026, 11, 1),
             Shown("缺 2 天", "有记录 5 天，应有 7 天", 2)),
            ("海底捞火锅", 12, dt.date(2026, 10, 8), Shown("缺 1 天", "", 1))]  # fmt: skip
    headers = ["主体名称", "次数", "日期", "缺少的记录"]
    targets = [("businesses", "b1"), None]
    dialog = RecordsDialog("测试清单", headers, rows, note="统计期间 2026Q4", targets=targets)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_copy_print_and_export_of_a_drilldown(qtbot: Any, app: Any, tmp_path: Any, no_dialogs: Any) -> None:
    from openpyxl import load_workbook

    dialog = small_dialog(qtbot, app)
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().split("\n") == [
        "=HYPERLINK(\"http://x\",\"点我\")\t3\t2026-11-01\t缺 2 天", "海底捞火锅\t12\t2026-10-08\t缺 1 天"]
    dialog.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # the export follows the order shown
    target = tmp_path / "清单.xlsx"
    assert dialog.export(str(target)) == str(target)
    assert no_dialogs[-1][0] == "导出完成"
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[1]] == ["主体名称", "次数", "日期", "缺少的记录"]
    assert sheet["A2"].value == "海底捞火锅" and sheet["B2"].value == 12
    assert sheet["A3"].value == "=HYPERLINK(\"http://x\",\"点我\")" and sheet["A3"].data_type == "s"
    assert sheet["C3"].value.date() == dt.date(2026, 11, 1) and sheet["D3"].value == "缺 2 天"
    dialog.print_action.trigger()
    assert dialog.preview.isVisible() and "测试清单" in dialog.preview.windowTitle()
    dialog.preview.close()
    menu = dialog.context_menu()
    shown = {a.text(): a.shortcut().toString() for a in menu.actions()}
    assert shown["复制选中行"] == "Ctrl+C" and shown["打印…"] == "Ctrl+P" and shown["导出 Excel…"] == "Ctrl+E"
    assert dialog.findChild(type(dialog.table), "drilldownTable") is dialog.table
    from ui.pages.lists.actions import print_html_to_pdf

    pdf = print_html_to_pdf(dialog.html(), str(tmp_path / "清单.pdf"))
    text = pdf_text(Path(pdf))  # pdftotext: a test dependency dev.py installs
    squeezed = text.replace(" ", "")  # (pdftotext drops the spaces between Chinese and digits)
    assert "测试清单" in text and "海底捞火锅" in text
    assert "缺2天" in squeezed and "统计期间2026Q4" in squeezed


def test_a_row_without_a_record_opens_nothing(qtbot: Any, app: Any) -> None:
    dialog = small_dialog(qtbot, app)
    opened: list[tuple[str, str]] = []
    dialog.record_requested.connect(lambda kind, record_id: opened.append((kind, record_id)))
    assert not dialog.open_row(1) and dialog.open_row(0)
    assert opened == [("businesses", "b1")]
    activate(qtbot, dialog)
    dialog.table.selectRow(1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter on it neither opens anything nor closes the list
    assert opened == [("businesses", "b1")] and dialog.isVisible()
