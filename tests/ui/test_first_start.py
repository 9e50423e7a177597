"""First start: set up a station from the dialog, typing Chinese as an input method does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog


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
    for edit, text in ((dialog.code, code), (dialog.name, name), (dialog.region, region)):
        edit.clear()
        if text.isascii():
            qtbot.keyClicks(edit, text)
        else:  # keyClicks aborts on non-ASCII text
            type_chinese(edit, text)
    for edit, text in ((dialog.password, password), (dialog.password2, password if again is None else again)):
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_creates_a_station_database(qtbot, app, app_settings, clock, tmp_path, type_chinese):
    from msfood.services.database import open_app_database
    from msfood.services.users import authenticate
    from ui.first_start import FirstStartDialog
    from ui.startup import read_unit

    target = tmp_path / "new-station.sqlite"
    dialog = FirstStartDialog(app_settings, clock, target=target)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, type_chinese)
    assert dialog.name.text() == "天元区嵩山路市场监管所"
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice is not None and dialog.choice.path == target and not dialog.choice.demo
    database = open_app_database(target)
    try:
        unit = read_unit(database)
        assert (unit.code, unit.name, unit.region_code) == ("430211-01", "天元区嵩山路市场监管所", "430211")
        with database.sessions.begin() as session:
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
        ({"region": "43021"}, "region_code", "区划代码"),
        ({"password": "12345"}, "password", "密码至少需要 6 个字符"),
        ({"again": "other-pass"}, "password2", "两次输入的密码不一致"),
    ],
)
def test_refuses_bad_input_beside_the_field(
    qtbot, app, app_settings, clock, tmp_path, type_chinese, values, field, message
):
    from ui.first_start import FirstStartDialog

    target = tmp_path / "refused.sqlite"
    dialog = FirstStartDialog(app_settings, clock, target=target)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, type_chinese, **values)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
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
