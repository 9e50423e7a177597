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


def test_status_bar_shows_the_last_bundles_in_china_time(qtbot, context, wait_ops):
    import datetime as dt

    from msfood.db.models import BundleLog
    from ui.main_window import MainWindow

    with context.database.sessions.begin() as session:
        session.add_all([
            BundleLog(bundle_id="b1", direction="out", peer_code="430200", sequence=1,
                      at=dt.datetime(2026, 11, 20, 2, 0), file_name="a.msfood"),
            BundleLog(bundle_id="b2", direction="out", peer_code="430200", sequence=2,
                      at=dt.datetime(2026, 11, 23, 1, 30), file_name="b.msfood"),
            BundleLog(bundle_id="b3", direction="in", peer_code="430200", sequence=1,
                      at=dt.datetime(2026, 11, 22, 8, 15), file_name="c.msfood"),
        ])  # fmt: skip
    window = MainWindow(context)
    qtbot.addWidget(window)
    wait_ops()
    assert (
        window.bundle_label.text()
        == "最近发出：2026-11-23 09:30（430200）　最近收到：2026-11-22 16:15（430200）"
    )


def test_startup_leaves_heavy_libraries_unloaded(app, db_path, tmp_path):
    """Start to the main window imports no report, workbook, migration, pinyin or crypto library."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    probe = (
        "import json, sys\n"
        "from msfood.core.clock import clock_from_env\n"
        "from ui.app import create_app\n"
        "from ui.settings import AppSettings\n"
        "from ui.startup import AppController\n"
        "app = create_app()\n"
        "controller = AppController(AppSettings(), clock_from_env(), headless=True)\n"
        f"controller.start({str(db_path)!r})\n"
        "controller.window.show(); app.processEvents()\n"
        "heavy = ('reportlab', 'openpyxl', 'alembic', 'pypinyin', 'cryptography', 'xlrd')\n"
        "print(json.dumps(sorted(m for m in heavy if m in sys.modules)))\n"
        "controller.shutdown()\n"
    )
    env = {**os.environ, "MSFOOD_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen",
           "MSFOOD_USER": "admin", "MSFOOD_PASSWORD": "admin-pass-1"}  # fmt: skip
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", probe], cwd=root, env=env, capture_output=True, text=True,
                            timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_pages_can_ask_for_another_page(qtbot, context, wait_ops):
    from ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    context.signals.navigate.emit("visits")
    assert window.current_page_key() == "visits"
    wait_ops()
