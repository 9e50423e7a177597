"""The main window on a station database: every page opens, the status bar, remembered state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from ui.pages import PAGES


def test_every_page_opens_from_the_navigation(qtbot, context, wait_ops):
    from ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "工作台",
        "包保主体",
        "包保干部",
        "包保关系",
        "督导记录",
        "日管控/周排查/月调度",
        "抽检与快检",
        "报表",
        "数据同步",
        "设置",
    ]
    for row, (key, _title, _factory) in enumerate(PAGES):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page_key() == key
        assert window.stack.currentWidget() is window.page(key)
        assert window.stack.currentWidget().objectName() == f"page_{key}"
        assert window.stack.currentWidget().findChild(QLabel, "brokenPage") is None, key
    wait_ops()


def test_status_bar_names_station_database_user_and_bundles(qtbot, context, wait_ops):
    from ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    wait_ops()
    assert window.station_label.text() == "站点：石峰区市场监管所（430204-01）"
    assert str(context.database.path) in window.db_label.text()
    assert window.user_label.text() == "用户：admin（站点管理员）"
    assert window.bundle_label.text() == "最近发出：无　最近收到：无"
    assert "石峰区市场监管所" in window.windowTitle()


def test_keyboard_shortcut_switches_page(qtbot, context, wait_ops):
    from ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "dashboard"
    wait_ops()


def test_window_remembers_page_and_size(qtbot, context, wait_ops):
    from ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.resize(780, 500)
    window.show_page("cadres")
    window.close()
    wait_ops()
    assert context.settings.last_page == "cadres"

    again = MainWindow(context)
    qtbot.addWidget(again)
    again.show()
    assert again.current_page_key() == "cadres"
    assert (again.width(), again.height()) == (780, 500)
    wait_ops()


def test_a_page_that_fails_to_build_says_so(qtbot, context, wait_ops, monkeypatch):
    import ui.pages as pages
    from ui.main_window import MainWindow

    def broken(_context):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(pages, "PAGES", [*pages.PAGES[:-1], ("settings", "设置", broken)])
    monkeypatch.setattr("ui.main_window.PAGES", pages.PAGES)
    window = MainWindow(context)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    label = page.findChild(QLabel, "brokenPage")
    assert label is not None and "此页面暂时无法打开" in label.text()
    assert "boom" not in label.text()  # never a traceback, the log has it
    wait_ops()


def test_a_station_database_shows_no_demo_banner(qtbot, context, wait_ops):
    from ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    wait_ops()
    assert not context.demo
    assert window.findChild(QLabel, "demoBanner") is None
    assert "演示" not in window.windowTitle()
