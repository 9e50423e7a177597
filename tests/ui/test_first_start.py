"""First start: set up a station from the dialog, typing Chinese as an input method does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel


def fill(
    qtbot,
    dialog,
    type_chinese,
    *,
    code="430211-01",
    name="天元区嵩山路市场监管所",
    region="430211",
    password="station-pass",
    again=None,
):  # type: ignore[no-untyped-def]
    assert dialog.picker.set_code(region)
    for edit, text in ((dialog.code, code), (dialog.name, name)):
        edit.clear()
        if text.isascii():
            qtbot.keyClicks(edit, text)
        else:  # keyClicks aborts on non-ASCII text
            type_chinese(edit, text)
    for edit, text in ((dialog.password, password), (dialog.password2, password if again is None else again)):
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_creates_a_station_database(qtbot, app, app_settings, clock, tmp_path, type_chinese, wait_ops):
    from msfood.services.accounts.authentication import authenticate
    from msfood.services.roster.regions import region_tree
    from msfood.services.setup.database import open_app_database
    from ui.first_start import FirstStartDialog
    from ui.startup import read_unit

    target = tmp_path / "new-station.sqlite"
    dialog = FirstStartDialog(app_settings, clock, target=target)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, type_chinese)
    assert dialog.name.text() == "天元区嵩山路市场监管所"
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice is not None and dialog.choice.path == target and not dialog.choice.demo
    assert target.stat().st_mode & 0o777 == 0o600  # it holds the unit's private key (issue 12)
    database = open_app_database(target)
    try:
        unit = read_unit(database)
        assert (unit.code, unit.name, unit.region_code) == ("430211-01", "天元区嵩山路市场监管所", "430211")
        with database.sessions.begin() as session:
            names = {node.code: node.name for node in region_tree(session)}
            assert names["430000"] == "湖南省" and names["430211"] == "天元区"
            assert names["430211001"] == "嵩山路街道"  # the official townships and villages under it
            assert sum(1 for code in names if len(code) == 12) > 50
            assert (
                authenticate(session, username="admin", password="station-pass", clock=clock).role == "admin"
            )
    finally:
        database.close()


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"code": "天元 01"}, "code", "单位代码只能由字母、数字和“-”组成"),
        ({"name": ""}, "name", "必填"),
        ({"password": "12345"}, "password", "密码至少需要 6 个字符"),
        ({"again": "other-pass"}, "password2", "两次输入的密码不一致"),
    ],
)
def test_refuses_bad_input_beside_the_field(
    qtbot, app, app_settings, clock, tmp_path, type_chinese, values, field, message, wait_ops
):
    from ui.first_start import FirstStartDialog

    target = tmp_path / "refused.sqlite"
    dialog = FirstStartDialog(app_settings, clock, target=target)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, type_chinese, **values)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dialog.result() != QDialog.DialogCode.Accepted
    error = dialog.errors[field]
    assert error.isVisible() and message in error.text()
    others = [k for k, label in dialog.errors.items() if label.isVisible() and k != field]
    assert others == []
    assert not target.exists()


def test_recent_databases_are_offered(qtbot, app, app_settings, clock, tmp_path, db_path):
    from ui.first_start import FirstStartDialog

    app_settings.add_recent_database(db_path)
    app_settings.add_recent_database(tmp_path / "gone.sqlite")  # missing files are not offered
    dialog = FirstStartDialog(app_settings, clock, target=tmp_path / "x.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.recent.item(i).text() for i in range(dialog.recent.count())] == [str(db_path.resolve())]
    item = dialog.recent.item(0)
    dialog.recent.itemDoubleClicked.emit(item)
    assert dialog.choice is not None and dialog.choice.path == db_path.resolve()


def test_try_the_demo_makes_a_separate_file(
    qtbot, app, app_settings, clock, tmp_path, isolated_home, wait_ops, monkeypatch
):
    from msfood.core.config import demo_db_path
    from msfood.demo import SPECS
    from msfood.services.queries.lists import count
    from msfood.services.setup.database import open_app_database
    from ui.first_start import FirstStartDialog, demo_admin
    from ui.login import sign_in
    from ui.startup import read_unit

    station = tmp_path / "station.sqlite"
    dialog = FirstStartDialog(app_settings, clock, target=station)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    wait_ops(timeout=300_000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice is not None and dialog.choice.demo
    assert dialog.choice.path == demo_db_path() and demo_db_path().is_relative_to(isolated_home)
    assert not station.exists()  # the station's own file got no demo rows: it was never made
    assert not demo_db_path().with_name(demo_db_path().name + ".partial").exists()
    assert demo_db_path().stat().st_mode & 0o777 == 0o600  # owner-only, as every database
    assert demo_db_path().parent.stat().st_mode & 0o777 == 0o700
    database = open_app_database(demo_db_path())
    try:
        assert read_unit(database).code == SPECS["station"].unit_code
        with database.sessions() as session:
            assert count(session, "businesses") > 50
            assert count(session, "visits") > 0
        username, password = demo_admin()
        assert sign_in(database, username, password, clock).role == "admin"
    finally:
        database.close()

    # Copied anywhere, a demo database is still known as one (its demo unit code): the window says so.
    import shutil

    from ui.startup import AppController

    elsewhere = tmp_path / "copied.sqlite"
    shutil.copyfile(demo_db_path(), elsewhere)
    monkeypatch.setenv("MSFOOD_USER", username)
    monkeypatch.setenv("MSFOOD_PASSWORD", password)
    controller = AppController(app_settings, clock, headless=True)
    try:
        assert controller.open(elsewhere)
        assert controller.context is not None and controller.context.demo
        banner = controller.window.findChild(QLabel, "demoBanner")
        assert banner is not None and banner.text().startswith("演示数据")
        assert controller.window.windowTitle().endswith("【演示数据】")
        wait_ops()
    finally:
        controller.window.close()
        controller.shutdown()


def test_cancelling_the_demo_leaves_no_file(qtbot, app, app_settings, clock, tmp_path, wait_ops, no_dialogs):
    from PySide6.QtWidgets import QPushButton

    from msfood.core.config import demo_db_path
    from ui.first_start import FirstStartDialog

    dialog = FirstStartDialog(app_settings, clock, target=tmp_path / "station.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    cancelled = []

    from ui import workers

    original = workers.Op._on_worker_progress_changed
    partial = demo_db_path().with_name(demo_db_path().name + ".partial")

    def spy(self, step):  # type: ignore[no-untyped-def]
        original(self, step)
        if not cancelled and step.total is not None:  # the data steps: the temporary file exists
            cancelled.append(partial.exists())
            self.dialog.findChild(QPushButton).click()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workers.Op, "_on_worker_progress_changed", spy)
        qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
        wait_ops(timeout=300_000)
    assert cancelled == [True]
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.choice is None
    assert dialog.demo_button.isEnabled()
    assert no_dialogs == []  # a cancel is not an error
    assert not demo_db_path().exists() and not partial.exists()


@pytest.mark.qt_log_ignore("This plugin does not support")  # the completer popup, offscreen
def test_set_up_by_keyboard_from_the_township_in_well_under_a_minute(
    qtbot, app, app_settings, clock, tmp_path, type_chinese, wait_ops
):
    """Province, city, county and township typed as pinyin; the unit code follows the division."""
    import time

    from PySide6.QtWidgets import QApplication

    from msfood.services.roster.regions import region_tree
    from msfood.services.setup.database import open_app_database
    from ui.first_start import FirstStartDialog
    from ui.startup import read_unit

    started = time.perf_counter()
    target = tmp_path / "by-keyboard.sqlite"
    dialog = FirstStartDialog(app_settings, clock, target=target)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    picker = dialog.picker
    assert QApplication.focusWidget() is picker.province  # the first thing asked
    for combo, letters in ((picker.province, "hun"), (picker.city, "zzs"), (picker.county, "sfq"),
                           (picker.township, "txjd")):
        assert QApplication.focusWidget() is combo
        qtbot.keyClicks(combo.lineEdit(), letters)
        popup = combo.completer().popup()
        qtbot.waitUntil(popup.isVisible)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Tab)
    assert picker.code() == "430204001"
    assert "湖南省 株洲市 石峰区 田心街道" in dialog.loads.text() and "7 个区划" in dialog.loads.text()
    assert dialog.code.text() == "430204001-01"
    type_chinese(dialog.name, "田心市场监管所")
    for edit in (dialog.password, dialog.password2):
        edit.setFocus()
        qtbot.keyClicks(edit, "station-pass")
    qtbot.keyClick(dialog.password2, Qt.Key.Key_Return)
    wait_ops()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert time.perf_counter() - started < 60
    database = open_app_database(target)
    try:
        assert read_unit(database).region_code == "430204001"
        with database.sessions() as session:
            names = {node.code: node.name for node in region_tree(session)}
    finally:
        database.close()
    assert len(names) == 3 + 1 + 7 and names["430204001002"] == "叫鸡岭社区居委会"
