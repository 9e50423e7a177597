"""From arguments to a window: the database chosen, recent databases remembered, reopening another
database, switching the language without a restart."""

from __future__ import annotations

import shutil

import pytest

from msfood.core.errors import EnvironmentProblem


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
