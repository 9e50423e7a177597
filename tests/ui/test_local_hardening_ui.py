"""Issue 12, local hardening in the app: the account page lifts a lock-out, and the app refuses a file
that is not its database in the same plain words as the CLI, leaving the file as it was."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from msfood.core.errors import AuthenticationError
from msfood.services import accounts
from msfood.services.writing.transaction import unit_of_work
from tests.conftest import ADMIN_PASSWORD


@pytest.fixture
def page(qtbot, context, wait_ops):  # type: ignore[no-untyped-def]
    from ui.pages.settings.page import SettingsPage

    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 1400)
    page.show()
    page.page_shown()
    wait_ops()
    return page


def _select(qtbot, table, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _lock(context, username: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            accounts.sign_in(context.database, username=username, password="wrong-one", clock=context.clock)


def test_the_account_page_unlocks_a_locked_account(qtbot, page, context, wait_ops):
    with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
        accounts.add_user(uow, accounts.NewUser("li", "li-pass-1", "liaison"))
    _lock(context, "li")
    with pytest.raises(AuthenticationError) as refused:
        accounts.sign_in(context.database, username="li", password="li-pass-1", clock=context.clock)
    assert refused.value.code == "user.locked"
    box = page.users_box
    box.load()
    wait_ops()
    rows = {box.model.data(box.model.index(r, 0)): r for r in range(box.model.rowCount())}
    assert box.model.data(box.model.index(rows["li"], 3)) == "已锁定（至 10:05）"
    _select(qtbot, box.table, rows["admin"])
    assert not box.unlock_button.isEnabled()  # admin is not locked: nothing to lift
    _select(qtbot, box.table, rows["li"])
    assert box.unlock_button.isEnabled() and box.unlock_button.text() == "解除锁定"
    qtbot.mouseClick(box.unlock_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert box.message.text() == "已解除账号 li 的锁定。"
    assert box.model.data(box.model.index(rows["li"], 3)) == "正常"
    actor = accounts.sign_in(context.database, username="li", password="li-pass-1", clock=context.clock)
    assert actor.username == "li"
    with context.database.readers() as session:
        from msfood.services.history.audit import verify_chain

        assert verify_chain(session).ok
        entries = session.execute(
            text("SELECT actor, action, after FROM audit_log WHERE action = 'user_unlock'")
        ).all()
    assert [(e.actor, e.action, json.loads(e.after)["username"]) for e in entries] == [
        ("admin", "user_unlock", "li")
    ]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_app_refuses_another_programs_database_in_plain_words(
    app, app_settings, clock, tmp_path: Path, no_dialogs
) -> None:  # type: ignore[no-untyped-def]
    from ui.startup import AppController

    files = tmp_path / "files"
    files.mkdir()
    other = files / "账本.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount REAL)")
        conn.execute("INSERT INTO ledger VALUES (1, 9.5)")
        conn.commit()
    before = _sha(other), other.stat().st_mtime_ns
    random_bytes = files / "random.sqlite"
    random_bytes.write_bytes(bytes(range(256)) * 64)
    controller = AppController(app_settings, clock, headless=False)
    offered: list[Path] = []
    controller.first_start = lambda target: offered.append(target) or False  # type: ignore[method-assign]
    try:
        assert controller.open(other) is False
        assert controller.open(random_bytes) is False
    finally:
        controller.shutdown()
    texts = [text for _title, text in no_dialogs]
    assert f"{other} 是其他软件的数据库，不是食安包保的数据库；未做任何改动。" in texts
    assert any(text.startswith(f"{random_bytes} 不是数据库文件") for text in texts)
    assert len(offered) == 2  # then the first-start dialog is offered, as for any unusable file
    assert (_sha(other), other.stat().st_mtime_ns) == before
    assert sorted(p.name for p in files.iterdir()) == ["random.sqlite", "账本.db"]  # no -wal, no -shm


@pytest.fixture
def held_write(db_path: Path):  # type: ignore[no-untyped-def]
    """A long import in another program: a write transaction held open."""
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=1)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE meta SET value = value WHERE key = 'unit_code'")
    yield conn
    conn.rollback()
    conn.close()


def test_signing_in_to_the_app_works_while_another_program_writes(
    qtbot, make_context, db_path: Path, clock, held_write
) -> None:  # type: ignore[no-untyped-def]
    from msfood.services.setup.database import open_app_database
    from ui.login import LoginDialog

    context = make_context(db_path)  # opened and signed in while the write is held
    assert context.actor.username == "admin"
    database = open_app_database(db_path)
    try:
        dialog = LoginDialog(database, clock)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.username, "admin")
        qtbot.keyClicks(dialog.password, "wrong-password")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.message.text() == "数据库正被其他程序写入，这次登录尝试无法记录，请稍候再试。"
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.actor is not None and dialog.actor.username == "admin"
    finally:
        database.close()


def test_a_busy_database_in_the_app_is_said_plainly(  # type: ignore[no-untyped-def]
    context, held_write, no_dialogs
) -> None:
    from ui.errors import show_error

    quick = context.database.quick_writer(100)
    with pytest.raises(Exception) as caught, \
            unit_of_work(quick, actor=context.actor, clock=context.clock) as uow:
        accounts.add_user(uow, accounts.NewUser("wang", "wang-pass-1", "viewer"))
    show_error(None, caught.value)
    busy = "数据库正被其他程序（或本软件的另一个窗口、另一条命令）写入，请稍候再试。数据未改动。"
    assert no_dialogs == [("无法继续", busy)]
