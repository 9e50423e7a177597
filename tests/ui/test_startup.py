"""From arguments to a window: the database chosen, recent databases remembered, reopening another
database, switching the language without a restart; each both ways the start can open a database
(MSFOOD_FIRST_PAINT: "plain", signed in and painted before SQLAlchemy opens it, msfood.services.setup.
first_paint; "usual", opened first). A wrong password and the sign-in dialog on a database not opened
yet."""

from __future__ import annotations

import shutil

import pytest

from msfood.core.errors import EnvironmentProblem


@pytest.fixture(autouse=True, params=["plain", "usual"])
def first_paint(request, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MSFOOD_FIRST_PAINT", request.param)
    return request.param


@pytest.fixture
def signed_in_env(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", "admin-pass-1")


@pytest.fixture
def controller(app, app_settings, clock, wait_ops):  # type: ignore[no-untyped-def]
    from ui.startup import AppController

    controller = AppController(app_settings, clock, headless=True)
    yield controller
    wait_ops()
    if controller.window is not None:
        controller.window.close()
    controller.shutdown()


def test_opens_the_named_database_and_remembers_it(qtbot, controller, db_path, signed_in_env, wait_ops):
    assert controller.start(str(db_path))
    wait_ops()
    assert controller.context is not None and controller.context.database.path == db_path.resolve()
    assert controller.context.actor.username == "admin"
    assert controller.settings.recent_databases == [str(db_path.resolve())]
    assert controller.settings.last_database == str(db_path.resolve())
    assert controller.initial_target(None) == (db_path.resolve(), False)  # next start opens it again


def test_missing_database_without_a_window_is_an_environment_problem(controller, tmp_path, signed_in_env):
    with pytest.raises(EnvironmentProblem) as caught:
        controller.start(str(tmp_path / "missing.sqlite"))
    assert caught.value.code == "db.missing"


def test_opening_another_database_swaps_window_and_closes_the_old(
    qtbot, controller, db_path, tmp_path, signed_in_env, wait_ops
):
    other = tmp_path / "other.sqlite"
    shutil.copyfile(db_path, other)
    assert controller.start(str(db_path))
    first_window, first_context = controller.window, controller.context
    wait_ops()
    first_window.open_database_requested.emit(other)
    wait_ops()
    assert controller.window is not first_window
    assert controller.context is not first_context
    assert controller.context.database.path == other.resolve()
    assert controller.settings.recent_databases == [str(other.resolve()), str(db_path.resolve())]


def test_language_switch_rebuilds_the_window(qtbot, controller, db_path, signed_in_env, wait_ops):
    from ui.i18n import install_translators, language

    assert controller.start(str(db_path))
    wait_ops()
    old = controller.window
    try:
        controller.context.signals.language_changed.emit("en")
        wait_ops()
        assert language() == "en"
        assert controller.window is not old
        assert controller.window.nav.item(0).text() == "Dashboard"
        assert controller.context.database.path == db_path.resolve()  # same database, still open
        with controller.context.database.sessions() as session:
            assert session.connection() is not None
    finally:
        install_translators("zh_CN")


def test_a_plain_start_opens_the_database_after_the_window_and_its_work_follows(
    qtbot, controller, db_path, signed_in_env, first_paint, wait_ops
):
    assert controller.start(str(db_path))
    database = controller.context.database
    assert getattr(database, "opened", True) is (first_paint == "usual")
    page = controller.window.show_page("dashboard")
    wait_ops()  # the window's first turn: the database opens, then the jobs that waited run
    assert getattr(database, "opened", True)
    assert page.stats is not None and not page.is_busy()
    assert controller.window.bundle_label.text()


def test_a_wrong_password_at_the_start_is_refused_and_counted(controller, db_path, monkeypatch, first_paint):
    from sqlalchemy import select

    from msfood.core.errors import AuthenticationError
    from msfood.db.engine import open_database
    from msfood.db.models import User

    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", "not-the-password")
    with pytest.raises(AuthenticationError):
        controller.start(str(db_path))
    assert controller.window is None
    database = open_database(db_path)
    try:
        with database.readers() as session:
            assert session.scalar(select(User.failed_attempts).where(User.username == "admin")) == 1
    finally:
        database.close()


def test_the_sign_in_dialog_signs_in_on_a_database_not_opened_yet(
    qtbot, app, app_settings, clock, db_path, monkeypatch, first_paint, wait_ops
):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.login import LoginDialog
    from ui.startup import AppController

    monkeypatch.delenv("MSFOOD_USER", raising=False)
    monkeypatch.delenv("MSFOOD_PASSWORD", raising=False)
    attempts: list[str] = []

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        password = "wrong-once" if not attempts else "admin-pass-1"
        attempts.append(password)
        dialog.username.setText("admin")
        dialog.password.setText(password)
        dialog.ok_button.click()  # as a person would: the 登录 button
        if dialog.isVisible():  # refused: the dialog stays, saying why
            assert dialog.message.text()
            QTimer.singleShot(20, answer)

    controller = AppController(app_settings, clock)
    QTimer.singleShot(20, answer)
    try:
        assert controller.start(str(db_path))
        assert attempts == ["wrong-once", "admin-pass-1"]  # the first refused, counted, the second in
        assert controller.context.actor.username == "admin"
        wait_ops()
        assert getattr(controller.context.database, "opened", True)
        with controller.context.database.readers() as session:
            from sqlalchemy import text

            assert session.execute(text("SELECT failed_attempts FROM users WHERE username = 'admin'")).scalar() == 0
    finally:
        wait_ops()
        if controller.window is not None:
            controller.window.close()
        controller.shutdown()


def test_a_window_closed_before_it_painted_leaves_nothing_waiting(controller, db_path, signed_in_env, first_paint):
    import time

    from ui.workers import busy

    assert controller.start(str(db_path))
    controller.window.close()
    controller.window.deleteLater()  # gone before its first turn: the database was never opened for it
    started = time.monotonic()
    controller.shutdown()
    assert not busy() and time.monotonic() - started < 10
