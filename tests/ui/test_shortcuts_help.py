"""Keys that work whatever has the focus on a page, menus that show them, F1's help window, and the
second app on the same database refused (with the first one asked to come to the front)."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@pytest.fixture
def window(qtbot: Any, make_context: Any, station_with_records: Any, wait_ops: Any) -> Any:
    from ui.main_window import MainWindow

    window = MainWindow(make_context(station_with_records))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    wait_ops()
    return window


def menu(window: Any, title: str) -> Any:
    return next(a.menu() for a in window.menuBar().actions() if a.text() == title)


def test_ctrl_n_right_after_ctrl_5_opens_the_new_form_there(qtbot: Any, window: Any, wait_ops: Any) -> None:
    window.nav.setFocus()  # the focus stays in the navigation, as after a click on it
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "visits"
    wait_ops()
    qtbot.keyClick(window.nav, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    visits = window.page("visits").visits
    form = visits.current_form
    assert form is not None and form.isVisible() and form.record_id is None
    assert form.objectName() == "form_visits"
    form.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # and on a list page whose table has the focus, Ctrl+N still fires once (no ambiguous double binding)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    wait_ops()
    businesses = window.page("businesses")
    businesses.view.setFocus()
    qtbot.keyClick(businesses.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert businesses.current_form is not None and businesses.current_form.objectName() == "form_businesses"
    businesses.current_form.close()


def test_f5_refreshes_and_ctrl_shift_n_starts_quick_entry(qtbot: Any, window: Any, wait_ops: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)  # 抽检与快检
    wait_ops()
    samplings = window.page("sampling").samplings
    qtbot.keyClick(window.nav, Qt.Key.Key_F5)
    assert samplings.count_label.text() == "正在计数……"
    wait_ops()
    assert samplings.count_label.text().startswith("共 ")
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.nav, Qt.Key.Key_N, control_shift)
    form = samplings.current_form
    if samplings.quick_button.isVisibleTo(samplings):
        assert form is not None and form.quick
        form.close()
    else:
        assert form is None


def test_menus_and_navigation_show_the_keys(window: Any) -> None:
    records = {a.objectName(): a.shortcut().toString()
               for a in menu(window, "记录(&R)").actions() if a.text()}  # fmt: skip
    assert records == {"newAction": "Ctrl+N", "quickAction": "Ctrl+Shift+N", "refreshAction": "F5",
                       "printAction": "Ctrl+P", "exportAction": "Ctrl+E"}  # fmt: skip
    go = [(a.text(), a.shortcut().toString()) for a in menu(window, "转到(&G)").actions()]
    assert go[0] == ("工作台", "Ctrl+1") and go[4] == ("督导记录", "Ctrl+5") and go[9] == ("设置", "Ctrl+0")
    assert window.nav.item(4).toolTip() == "督导记录（Ctrl+5）"
    helps = {a.text(): a.shortcut().toString() for a in menu(window, "帮助(&H)").actions()}
    assert helps["使用说明…"] == "F1" and "指标口径…" in helps


@pytest.mark.qt_log_ignore("This plugin does not support raise",  # offscreen: raising the open window
                           "This plugin does not support propagateSizeHints")  # fmt: skip
def test_f1_opens_help_with_usage_and_methodology(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from ui.help_window import HelpWindow
    from ui.methodology_window import MethodologyWindow

    qtbot.keyClick(window, Qt.Key.Key_F1)
    shown = window.findChild(HelpWindow)
    assert shown is not None and shown.isVisible()
    assert [shown.tabs.tabText(i) for i in range(shown.tabs.count())] == ["使用说明", "指标口径"]
    assert shown.tabs.currentIndex() == 0
    assert shown.usage.toPlainText().startswith("msfood 使用说明")
    assert isinstance(shown.tabs.widget(1), MethodologyWindow)
    menu(window, "帮助(&H)").actions()[1].trigger()  # 指标口径…: the same window, on its second tab
    assert window.findChildren(HelpWindow) == [shown] and shown.tabs.currentIndex() == 1
    shown.resize(1366, 768)
    out = Path(os.environ.get("MSFOOD_SHOTS", tmp_path)) / "help_usage.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    shown.tabs.setCurrentIndex(0)
    assert shown.grab().save(str(out))
    qtbot.keyClick(shown.usage, Qt.Key.Key_Escape)
    assert not shown.isVisible()


def test_help_shows_the_usage_images(
    qtbot: Any, app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QColor, QImage

    import ui.help_window as help_window

    folder = tmp_path / "resources" / "help"
    (folder / "images").mkdir(parents=True)
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("#c62828"))
    assert picture.save(str(folder / "images" / "list.png"))
    (folder / "usage.md").write_text("# msfood 使用说明\n\n列表页：\n\n![列表页](images/list.png)\n", "utf-8")
    monkeypatch.setattr(help_window, "resource_path", lambda *parts: tmp_path / "resources" / Path(*parts))
    shown = help_window.HelpWindow()
    qtbot.addWidget(shown)
    resource = shown.usage.document().resource(3, "images/list.png")  # QTextDocument.ImageResource
    assert resource is not None and not resource.isNull()


# --- one app per database file -------------------------------------------------------------------------


def test_a_second_app_on_the_same_database_is_refused_and_the_first_raised(
    qtbot: Any, app: Any, app_settings: Any, clock: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    import subprocess
    import sys

    from PySide6.QtNetwork import QLocalServer

    from msfood.core.instance_lock import instance_key, lock_path
    from ui import startup

    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])  # "the first app"
    heard: list[bytes] = []
    server = QLocalServer()
    QLocalServer.removeServer(instance_key(db_path))
    assert server.listen(instance_key(db_path))

    def on_connection() -> None:
        connection = server.nextPendingConnection()
        connection.readyRead.connect(lambda: heard.append(bytes(connection.readAll().data())))

    server.newConnection.connect(on_connection)
    shown: list[str] = []
    monkeypatch.setattr(startup, "show_error", lambda _parent, exc: shown.append(exc.message()))
    try:
        held = {"pid": running.pid, "host": socket.gethostname(), "started": "2026-11-24T01:30:00+00:00"}
        lock_path(db_path).write_text(json.dumps(held), "utf-8")
        controller = startup.AppController(app_settings, clock)
        assert controller.open(db_path) is False
        qtbot.waitUntil(lambda: heard == [b"raise\n"], timeout=5000)
    finally:
        running.kill()
        running.wait()
        server.close()
    assert controller.window is None and controller.context is None
    assert len(shown) == 1 and "此数据库已在另一个食安包保窗口中打开" in shown[0]
    assert f"进程 {running.pid}" in shown[0] and "2026-11-24 09:30" in shown[0]


def test_a_stale_lock_is_taken_over_and_released_at_the_end(
    qtbot: Any, app: Any, app_settings: Any, clock: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    import subprocess
    import sys

    from msfood.core.instance_lock import lock_path, read_lock
    from tests.ui.conftest import ADMIN_PASSWORD
    from ui import startup

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    lock_path(db_path).write_text(json.dumps({"pid": gone.pid, "host": socket.gethostname(),
                                              "started": "2026-11-20T01:30:00+00:00"}), "utf-8")  # fmt: skip
    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", ADMIN_PASSWORD)
    controller = startup.AppController(app_settings, clock)
    try:
        assert controller.open(db_path) is True
        assert controller.window is not None
        qtbot.addWidget(controller.window)
        held = read_lock(lock_path(db_path))
        assert held is not None and held.pid == os.getpid()
    finally:
        controller.shutdown()
    assert not lock_path(db_path).exists()
