"""区划管理 and the empty dashboard's first steps, driven as a station clerk would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from msfood.db.models import Region


def names(context) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with context.database.sessions() as session:
        return dict(session.execute(select(Region.code, Region.name).where(Region.deleted.is_(False))).all())


def click_item(qtbot, editor, code: str) -> None:  # type: ignore[no-untyped-def]
    item = next(i for i in editor.items.values() if i.text(1) == code)
    editor.tree.scrollToItem(item)
    rect = editor.tree.visualItemRect(item)
    qtbot.mouseClick(editor.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.selected() is not None and editor.selected().code == code


@pytest.fixture
def editor(qtbot, context, wait_ops):  # type: ignore[no-untyped-def]
    from ui.regions.dialogs import RegionEditorDialog

    dialog = RegionEditorDialog(context)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    wait_ops()
    yield dialog.editor  # the dialog stays referenced while the test runs
    wait_ops()


def load_shifeng(qtbot, editor, wait_ops, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    assert editor.picker.code() == "430204"  # the unit's own division, preset
    qtbot.mouseClick(editor.load_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: not editor.is_busy())
    wait_ops()


def test_load_the_units_division_and_see_the_tree(qtbot, editor, context, wait_ops, no_dialogs) -> None:
    assert editor.tree.topLevelItemCount() == 0 and "共 0 个区划" in editor.summary.text()
    load_shifeng(qtbot, editor, wait_ops, no_dialogs)
    assert no_dialogs[-1][0] == "载入官方区划" and "新增 79 个" in no_dialogs[-1][1]
    assert editor.tree.topLevelItem(0).text(0) == "湖南省"
    assert editor.selected() is not None and editor.selected().code == "430204"  # the loaded one
    assert "共 79 个区划；乡级 8 个，村级 68 个" in editor.summary.text()
    assert names(context)["430204102"] == "云田镇"
    qtbot.mouseClick(editor.load_button, Qt.MouseButton.LeftButton)  # again: nothing new, said so
    wait_ops()
    assert "没有新增" in no_dialogs[-1][1]


def test_add_a_village_rename_it_and_delete_it(qtbot, editor, context, wait_ops, no_dialogs, type_chinese,
                                               monkeypatch) -> None:
    load_shifeng(qtbot, editor, wait_ops, no_dialogs)
    click_item(qtbot, editor, "430204001")
    assert editor.new_code.text() == "430204001"  # the parent's code, three digits to add
    assert editor.official_combo.currentText() == "（官方区划已全部载入）"
    editor.new_code.setFocus()
    editor.new_code.end(False)
    qtbot.keyClicks(editor.new_code, "301")
    type_chinese(editor.new_name, "新建村")
    qtbot.keyClick(editor.new_name, Qt.Key.Key_Return)
    wait_ops()
    qtbot.waitUntil(lambda: not editor.is_busy())
    assert names(context)["430204001301"] == "新建村"
    assert editor.selected().code == "430204001301" and editor.selected().level == "village"
    # rename
    editor.name_edit.clear()
    type_chinese(editor.name_edit, "新建村委会")
    qtbot.mouseClick(editor.rename_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: not editor.is_busy())
    assert names(context)["430204001301"] == "新建村委会"
    # a code not under the parent is refused beside nothing written
    click_item(qtbot, editor, "430204001")
    editor.new_code.setText("430204002399")
    type_chinese(editor.new_name, "错村")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert no_dialogs[-1][0] == "无法新增" and "不在上级 430204001 之下" in no_dialogs[-1][1]
    assert "430204002399" not in names(context)
    # delete, after a yes
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    click_item(qtbot, editor, "430204001301")
    assert editor.delete_button.isEnabled()
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: not editor.is_busy())
    assert "430204001301" not in names(context)


def test_a_region_with_businesses_is_never_deleted_and_says_why(qtbot, editor, context, clock, wait_ops,
                                                                 no_dialogs) -> None:
    from msfood.services.roster import editing as roster
    from msfood.services.writing.transaction import unit_of_work

    load_shifeng(qtbot, editor, wait_ops, no_dialogs)
    with unit_of_work(context.database.sessions, actor=context.actor, clock=clock) as uow:
        roster.save_business(uow, name="清水家常饭店", credit_code="91430211000009136F", form="餐饮服务",
                             grade="D", region_code="430204001002")
    context.changed({"businesses"})
    editor.reload()
    wait_ops()
    qtbot.waitUntil(lambda: not editor.is_busy())
    click_item(qtbot, editor, "430204001002")
    assert not editor.delete_button.isEnabled()
    assert "登记有 1 个包保主体，不能删除" in editor.delete_reason.text()
    assert editor.items[editor.selected().id].text(3) == "1"
    click_item(qtbot, editor, "430204001")  # has villages under it
    assert not editor.delete_button.isEnabled() and "下级区划" in editor.delete_reason.text()


def test_an_official_division_the_database_lacks_is_offered_under_its_parent(
    qtbot, editor, context, clock, wait_ops, no_dialogs
) -> None:
    from msfood.core.ids import natural_id
    from msfood.services.roster import editing as roster
    from msfood.services.writing.transaction import unit_of_work

    load_shifeng(qtbot, editor, wait_ops, no_dialogs)
    with unit_of_work(context.database.sessions, actor=context.actor, clock=clock) as uow:
        roster.delete_region(uow, region_id=natural_id("region", "430204001009"))
    editor.reload()
    wait_ops()
    qtbot.waitUntil(lambda: not editor.is_busy())
    click_item(qtbot, editor, "430204001")
    assert editor.official_combo.currentText() == "田心村社区居委会（430204001009）"
    qtbot.mouseClick(editor.add_official_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: not editor.is_busy())
    assert names(context)["430204001009"] == "田心村社区居委会"
    assert "新增 1 个" in no_dialogs[-1][1]


def test_a_viewer_sees_the_tree_but_cannot_change_it(qtbot, make_context, db_path, clock, wait_ops) -> None:
    from msfood.db.engine import open_database
    from msfood.services.accounts.users import create_user
    from msfood.services.roster.regions import load_official_regions
    from msfood.services.writing.transaction import unit_of_work
    from tests.conftest import ADMIN
    from ui.regions.dialogs import RegionEditorDialog

    database = open_database(db_path)
    with database.sessions.begin() as session:
        create_user(session, username="vi", password="vi-pass-1", role="viewer", clock=clock)
    with unit_of_work(database.sessions, actor=ADMIN, clock=clock) as uow:
        load_official_regions(uow, code="430204001")
    database.close()
    context = make_context(db_path, username="vi", password="vi-pass-1")
    dialog = RegionEditorDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_ops()
    qtbot.waitUntil(lambda: not dialog.editor.is_busy())
    editor = dialog.editor
    assert "共 11 个区划" in editor.summary.text()
    click_item(qtbot, editor, "430204001002")
    for button in (editor.load_button, editor.rename_button, editor.delete_button, editor.add_button):
        assert not button.isEnabled()
    assert editor.findChild(type(editor.summary), "readOnlyNote") is not None


# --- the empty dashboard ---------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, context, wait_ops):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page("dashboard")
    wait_ops()
    return window


def panel_of(window, qtbot):  # type: ignore[no-untyped-def]
    panel = window.page("dashboard").getting_started
    qtbot.waitUntil(lambda: not panel.is_busy())
    return panel


def test_an_empty_dashboard_says_what_to_do_next(qtbot, window, wait_ops, no_dialogs) -> None:
    panel = panel_of(window, qtbot)
    assert panel.isVisible()
    steps = ("regions", "roster", "cadres", "assignments", "bureau")
    assert [panel.marks[k].text() for k in steps] == ["○"] * 5
    # 1. regions: the editor opens; loading there ticks the step
    qtbot.mouseClick(panel.buttons["regions"], Qt.MouseButton.LeftButton)
    editor = panel.region_editor.editor
    wait_ops()
    qtbot.mouseClick(editor.load_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: panel.marks["regions"].text() == "✓")
    assert "已有 79 个区划" in panel.details["regions"].text()
    panel.region_editor.close()
    # 3-5: the pages
    for key, page in (("cadres", "cadres"), ("assignments", "assignments"), ("bureau", "sync")):
        window.show_page("dashboard")
        qtbot.mouseClick(panel.buttons[key], Qt.MouseButton.LeftButton)
        assert window.current_page_key() == page
        wait_ops()


def test_the_import_step_opens_the_import_dialog(qtbot, window, wait_ops) -> None:
    from ui.dialogs.import_excel import ImportExcelDialog

    panel = panel_of(window, qtbot)
    action = panel.import_action()
    assert action is not None and action is window.import_excel_action
    triggered = []
    action.triggered.connect(lambda: triggered.append(True))
    qtbot.mouseClick(panel.buttons["roster"], Qt.MouseButton.LeftButton)
    assert triggered == [True] and window.current_page_key() == "dashboard"
    dialog = window.admin_dialog
    assert isinstance(dialog, ImportExcelDialog) and dialog.isVisible()
    dialog.close()
    wait_ops()


def test_a_dashboard_with_a_roster_shows_no_first_steps(qtbot, make_context, station_with_records,
                                                         wait_ops) -> None:
    from ui.pages.dashboard import DashboardPage

    context = make_context(station_with_records)
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    qtbot.waitUntil(lambda: not page.getting_started.is_busy())
    assert page.getting_started.progress is not None and not page.getting_started.progress.empty
    assert not page.getting_started.isVisible()


def test_the_new_windows_read_in_english(qtbot, app, context, wait_ops, app_settings, clock, tmp_path) -> None:
    import re

    from ui.first_start import FirstStartDialog
    from ui.i18n import install_translators
    from ui.pages.dashboard.getting_started import GettingStartedPanel
    from ui.regions.dialogs import RegionEditorDialog

    chinese = re.compile(r"[\u3400-\u9fff]")
    install_translators("en")
    try:
        dialog = RegionEditorDialog(context)
        qtbot.addWidget(dialog)
        wait_ops()
        editor = dialog.editor
        assert dialog.windowTitle() == "Regions"
        assert editor.load_button.text() == "Load the chosen division and everything under it"
        assert editor.source.text() == "Source: National Bureau of Statistics, 2023 statistical division codes"
        assert [editor.tree.headerItem().text(i) for i in range(4)] == ["Name", "Code", "Level", "Businesses"]
        panel = GettingStartedPanel(context)
        qtbot.addWidget(panel)
        wait_ops()
        first = FirstStartDialog(app_settings, clock, target=tmp_path / "en.sqlite")
        qtbot.addWidget(first)
        for root in (dialog, panel, first):
            from PySide6.QtWidgets import QAbstractButton, QLabel

            texts = [w.text() for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton)]
            texts = [text for text in texts if text and "石峰区市场监管所" not in text]
            assert not [text for text in texts if chinese.search(text)], root
    finally:
        install_translators("zh_CN")
