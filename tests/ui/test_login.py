"""Signing in: a wrong password is refused in plain words; five wrong ones lock the account."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from msfood.core.errors import AuthenticationError


@pytest.fixture
def database(db_path):  # type: ignore[no-untyped-def]
    from msfood.services.setup.database import open_app_database

    database = open_app_database(db_path)
    yield database
    database.close()


def attempt(qtbot, dialog, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_wrong_password_is_refused_then_locks_after_five(qtbot, database, clock):
    from ui.login import LoginDialog

    dialog = LoginDialog(database, clock, unit_name="石峰区市场监管所")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    for _ in range(5):
        attempt(qtbot, dialog, "not-the-password")
        assert dialog.message.isVisible()
        assert dialog.message.text() == "用户名或密码不正确。"
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.actor is None
    attempt(qtbot, dialog, "admin-pass-1")  # right password, but the account is locked now
    assert dialog.actor is None
    assert "账号已锁定" in dialog.message.text()
    clock.advance(minutes=6)
    attempt(qtbot, dialog, "admin-pass-1")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.username == "admin"


def test_empty_user_name_is_asked_for(qtbot, database, clock):
    from ui.login import LoginDialog

    dialog = LoginDialog(database, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.message.text() == "请输入用户名。"
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_environment_signs_in_without_the_dialog(database, clock, monkeypatch):
    from ui.login import sign_in_from_env

    assert sign_in_from_env(database, clock) is None
    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", "admin-pass-1")
    actor = sign_in_from_env(database, clock)
    assert actor is not None and (actor.username, actor.role) == ("admin", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", "wrong")
    with pytest.raises(AuthenticationError):
        sign_in_from_env(database, clock)
