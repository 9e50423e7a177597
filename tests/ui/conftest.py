"""Fixtures of the ui tests: an isolated app data folder, settings file, and a signed-in AppContext."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from msfood.core.clock import FixedClock

ADMIN_PASSWORD = "admin-pass-1"  # tests/conftest.py make_station

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(HERE):
            item.add_marker(pytest.mark.gui)
            # The offscreen platform cannot resize windows to their size hints, raise a drop-down or let it
            # grab the keyboard (a picker's list); harmless there.
            item.add_marker(pytest.mark.qt_log_ignore(
                "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's data folder (settings, demo database, logs, backups) under tmp_path."""
    home = tmp_path / "home"
    monkeypatch.setenv("MSFOOD_HOME", str(home))
    for name in ("MSFOOD_USER", "MSFOOD_PASSWORD", "MSFOOD_LANG", "MSFOOD_PSEUDO_TRANSLATE", "MSFOOD_NOW"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def app(qapp):  # type: ignore[no-untyped-def]
    """The QApplication set up as the app does it (font, style, Chinese)."""
    from ui.app import create_app

    create_app(language="zh_CN")
    return qapp


@pytest.fixture
def app_settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    from ui.settings import AppSettings

    return AppSettings(tmp_path / "ui.ini")


@pytest.fixture
def make_context(app, app_settings, clock: FixedClock):  # type: ignore[no-untyped-def]
    """Open a database and sign in as admin: an AppContext, closed at the end of the test."""
    from msfood.services.setup.database import open_app_database
    from ui.context import AppContext
    from ui.login import sign_in
    from ui.startup import read_unit
    from ui.workers import wait_idle

    opened = []

    def make(path: Path, *, username: str = "admin", password: str = ADMIN_PASSWORD) -> AppContext:
        database = open_app_database(path)
        opened.append(database)
        actor = sign_in(database, username, password, clock)
        return AppContext(database, actor, clock, app_settings, read_unit(database))

    yield make
    wait_idle()
    for database in opened:
        database.close()


@pytest.fixture
def context(make_context, db_path: Path):  # type: ignore[no-untyped-def]
    return make_context(db_path)


@pytest.fixture
def wait_ops(qtbot):  # type: ignore[no-untyped-def]
    """Wait until every worker op delivered its result."""
    from ui import workers

    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: not workers.busy(), timeout=timeout)

    return wait


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Message boxes are recorded instead of shown: (title, text) per box."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    yield shown


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type text as an input method commits it (works for Chinese, unlike qtbot.keyClicks)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def type_chinese():  # type: ignore[no-untyped-def]
    return type_text


@pytest.fixture
def station_with_records(db_path: Path, clock: FixedClock) -> Path:
    """The station database filled with tests/list_data.py's small station (every record kind)."""
    from msfood.services.setup.database import open_app_database
    from tests import list_data

    database = open_app_database(db_path)
    try:
        list_data.build(database, clock)
    finally:
        database.close()
    return db_path
