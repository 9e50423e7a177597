"""设置: edit a visit rule and a setting through the page; the database shows them. Accounts, language."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from msfood.services import accounts, rules
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work


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


def stored_rules(context):  # type: ignore[no-untyped-def]
    with context.database.sessions() as session:
        return [(r.level, r.effective_from, r.count, r.period_type) for r in rules.list_visit_rules(session)]


def select_row(qtbot, table, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_edit_a_visit_rule(qtbot, page, wait_ops, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def answer_yes(_parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer_yes))
    box = page.rules_box
    assert box.model.rowCount() == 4
    assert [box.model.data(box.model.index(r, 0)) for r in range(4)] == ["市级", "县级", "乡级", "村级"]
    select_row(qtbot, box.table, 2)  # 乡级, quarterly since 2000-01-01
    assert box.level.currentData() == "township"
    assert box.effective.date() == QDate(2000, 1, 1)
    box.count.setValue(2)
    box.period.setCurrentIndex(box.period.findData("month"))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    # the quarterly rule of 2000 judged every quarter up to 2026Q3: the admin was asked first
    assert len(asked) == 1 and "2026Q3" in asked[0] and "新增一个版本" in asked[0]
    assert ("township", dt.date(2000, 1, 1), 2, "month") in stored_rules(page.context)
    assert len(stored_rules(page.context)) == 4  # changed in place, not added
    row = [box.model.data(box.model.index(2, c)) for c in range(4)]
    assert row == ["乡级", "2000-01-01", "2", "月"]
    assert not box.error.isVisible()


def test_changing_a_used_rule_can_be_declined(qtbot, page, wait_ops, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: QMessageBox.StandardButton.No))
    box = page.rules_box
    select_row(qtbot, box.table, 0)  # 市级, quarterly since 2000-01-01
    box.period.setCurrentIndex(box.period.findData("half"))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert ("city", dt.date(2000, 1, 1), 1, "quarter") in stored_rules(page.context)  # unchanged
    # a version of 2024 that judged 2024H1 and later: deleting it is asked first, and declined here
    box.level.setCurrentIndex(box.level.findData("city"))
    box.effective.setDate(QDate(2024, 1, 1))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    row = next(
        i for i in range(box.model.rowCount()) if box.model.data(box.model.index(i, 1)) == "2024-01-01"
    )
    select_row(qtbot, box.table, row)
    qtbot.mouseClick(box.delete_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert ("city", dt.date(2024, 1, 1), 1, "half") in stored_rules(page.context)  # declined: still there


def test_add_a_rule_from_a_date_then_delete_it(qtbot, page, wait_ops):
    box = page.rules_box
    box.level.setCurrentIndex(box.level.findData("village"))
    box.effective.setDate(QDate(2027, 1, 1))
    box.count.setValue(1)
    box.period.setCurrentIndex(box.period.findData("half"))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert ("village", dt.date(2027, 1, 1), 1, "half") in stored_rules(page.context)
    assert box.model.rowCount() == 5
    select_row(qtbot, box.table, 4)
    qtbot.mouseClick(box.delete_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert ("village", dt.date(2027, 1, 1), 1, "half") not in stored_rules(page.context)
    assert box.model.rowCount() == 4


def test_the_last_rule_of_a_level_is_refused_beside_the_table(qtbot, page, wait_ops):
    box = page.rules_box
    select_row(qtbot, box.table, 0)
    qtbot.mouseClick(box.delete_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert box.error.isVisible() and "市级" in box.error.text()
    assert len(stored_rules(page.context)) == 4


def test_edit_settings(qtbot, page, wait_ops):
    box = page.settings_box
    assert box.spins["disposal_days"].value() == 90
    assert box.grade_combos["A"].currentData() == "city"
    box.spins["disposal_days"].setValue(60)
    box.grade_combos["D"].setCurrentIndex(box.grade_combos["D"].findData("township"))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    with page.context.database.sessions() as session:
        stored = rules.get_settings(session)
    assert stored["disposal_days"] == 60
    assert stored["grade_levels"] == {"A": "city", "B": "county", "C": "township", "D": "township"}
    assert box.message.text().startswith("已保存 2 项设置")


def test_add_and_disable_an_account(qtbot, page, wait_ops, monkeypatch):
    from ui.pages.settings import users as settings_users

    box = page.users_box
    assert box is not None
    assert [box.model.data(box.model.index(r, 0)) for r in range(box.model.rowCount())] == ["admin"]

    def fill_and_accept(dialog) -> QDialog.DialogCode:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.username, "liu")
        dialog.role.setCurrentIndex(dialog.role.findData("liaison"))
        qtbot.keyClicks(dialog.password, "liaison-pass")
        dialog._on_buttons_accepted()
        return dialog.result()

    monkeypatch.setattr(settings_users.NewUserDialog, "exec", fill_and_accept)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert box.message.text() == "已添加账号 liu。"
    assert box.model.rowCount() == 2
    select_row(qtbot, box.table, 1)
    qtbot.mouseClick(box.toggle_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert box.message.text() == "已停用账号 liu。"
    with page.context.database.sessions() as session:
        listed = {u.username: u for u in accounts.list_users(session, actor=page.context.actor)}
    assert listed["liu"].disabled and listed["liu"].role == "liaison"


def test_new_account_errors_show_in_the_dialog(qtbot, context):
    from ui.pages.settings.users import NewUserDialog

    dialog = NewUserDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "x")
    qtbot.keyClicks(dialog.password, "123")
    dialog._on_buttons_accepted()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "密码至少需要 6 个字符" in dialog.error.text()


def test_a_viewer_sees_but_cannot_change(qtbot, make_context, db_path, clock, wait_ops):
    from ui.pages.settings.page import SettingsPage

    admin = make_context(db_path)
    with unit_of_work(admin.database.sessions, actor=admin.actor, clock=clock) as uow:
        accounts.add_user(uow, accounts.NewUser("kan", "viewer-pass", "viewer"))
    viewer = make_context(db_path, username="kan", password="viewer-pass")
    assert viewer.actor == Actor("kan", "viewer")
    page = SettingsPage(viewer)
    qtbot.addWidget(page)
    page.show()
    page.page_shown()
    wait_ops()
    assert page.rules_box.model.rowCount() == 4
    assert not page.rules_box.save_button.isEnabled()
    assert not page.settings_box.save_button.isEnabled()
    assert page.users_box is None


def test_language_choice_is_kept_and_announced(qtbot, page):
    box = page.language_box
    box.combo.setCurrentIndex(box.combo.findData("en"))
    with qtbot.waitSignal(page.context.signals.language_changed, timeout=2000) as signal:
        box._on_apply_clicked()
    assert signal.args == ["en"]
    assert page.context.settings.language == "en"


def test_enter_next_years_holidays(qtbot, page, wait_ops, type_chinese):
    box = page.holidays_box
    assert box.year.value() == 2027 and box.model.rowCount() == 0
    box.day.setDate(QDate(2027, 1, 1))
    type_chinese(box.name, "元旦")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    box.day.setDate(QDate(2027, 2, 7))
    box.kind.setCurrentIndex(box.kind.findData(True))
    type_chinese(box.name, "春节调休")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    with page.context.database.sessions() as session:
        stored = [(h.day, h.is_workday, h.name) for h in rules.list_holidays(session, 2027)]
    assert stored == [(dt.date(2027, 1, 1), False, "元旦"), (dt.date(2027, 2, 7), True, "春节调休")]
    assert [box.model.data(box.model.index(1, c)) for c in range(3)] == ["2027-02-07", "调休上班", "春节调休"]
    select_row(qtbot, box.table, 0)
    qtbot.mouseClick(box.delete_button, Qt.MouseButton.LeftButton)
    wait_ops()
    with page.context.database.sessions() as session:
        assert [h.name for h in rules.list_holidays(session, 2027)] == ["春节调休"]
    assert box.model.rowCount() == 1
