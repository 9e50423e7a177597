"""包保主体 page: create, find, edit, undo and delete a business through the UI; screen and database."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from msfood.db.models import Business, Region
from tests import list_data
from tests.ui.typing_helpers import choose, clear_and_type, double_click_row, shown_column, type_text

CODE = "91430211MA4L9X0J85"


@pytest.fixture
def page(qtbot, context, clock, wait_ops):  # type: ignore[no-untyped-def]
    list_data.build(context.database, clock)
    from ui.pages.roster.businesses import BusinessesPage

    widget = BusinessesPage(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    wait_ops()
    return widget


def stored(context: Any, name: str) -> Business | None:
    with context.database.sessions() as session:
        return session.scalars(select(Business).where(Business.name == name)).first()


def test_create_find_edit_undo_and_delete_a_business(
    qtbot: Any, page: Any, context: Any, wait_ops: Any, no_dialogs: Any
) -> None:
    assert page.count_label.text() == "共 16 条"
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.current_form
    assert form is not None and form.windowTitle() == "新增包保主体"
    type_text(form.fields["name"].edit, "湘江渔港酒楼")
    qtbot.keyClicks(form.fields["credit_code"].edit, CODE)
    choose(form.fields["form"].combo, "餐饮服务")
    choose(form.fields["grade"].combo, "C")
    choose(form.fields["region_code"].combo, "清水社区")
    type_text(form.fields["principal"].edit, "李四")
    qtbot.keyClick(form.fields["principal"].edit, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: page.current_form is None)
    business = stored(context, "湘江渔港酒楼")
    assert business is not None and business.credit_code == CODE and business.name_initials == "xjygjl"
    assert business.grade == "C" and business.form == "catering" and business.principal == "李四"
    wait_ops()
    assert page.count_label.text() == "共 17 条"

    qtbot.keyClicks(page.search, "xjyg")  # pinyin initials find it
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert shown_column(page.view, "name") == ["湘江渔港酒楼"]
    assert shown_column(page.view, "form") == ["餐饮服务"]
    wait_ops()
    assert page.count_label.text() == "共 1 条"

    double_click_row(qtbot, page.view, 0)
    form = page.current_form
    assert form is not None and form.windowTitle() == "修改包保主体"
    assert form.fields["name"].value() == "湘江渔港酒楼"
    clear_and_type(form.fields["principal"].edit, "王五")
    qtbot.keyClick(form.fields["principal"].edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.current_form is None)
    assert stored(context, "湘江渔港酒楼").principal == "王五"
    assert shown_column(page.view, "principal") == ["王五"]

    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the edit
    assert stored(context, "湘江渔港酒楼").principal == "李四"
    qtbot.waitUntil(lambda: shown_column(page.view, "principal") == ["李四"])

    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert no_dialogs and no_dialogs[-1][0] == "删除记录"
    assert stored(context, "湘江渔港酒楼").deleted
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    wait_ops()
    assert page.count_label.text() == "共 0 条"


def test_errors_show_beside_their_fields_in_chinese(
    qtbot: Any, page: Any, context: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes)
    form = page.new_record()
    qtbot.keyClicks(form.fields["credit_code"].edit, "123")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.errors["name"].isVisible() and "必填" in form.errors["name"].text()
    assert form.errors["credit_code"].isVisible()
    assert form.errors["region_code"].isVisible()
    assert not form.errors["address"].isVisible()
    assert stored(context, "") is None
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # Esc cancels, once the typed changes may be discarded
    assert not form.isVisible() and asked == ["表单中有尚未保存的修改。放弃这些修改吗？"]


def test_delete_in_the_search_box_edits_the_text(
    qtbot: Any, page: Any, context: Any, no_dialogs: Any
) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.view.selectRow(0)
    record_id = page.view.current_id()
    qtbot.keyClicks(page.search, "hdlx")
    qtbot.keyClick(page.search, Qt.Key.Key_Left)
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)
    assert page.search.text() == "hdl" and no_dialogs == []
    assert not stored_by_id(context, record_id).deleted


def stored_by_id(context: Any, record_id: str) -> Business:
    with context.database.sessions() as session:
        return session.get(Business, record_id)


def test_filters_narrow_the_list(qtbot: Any, page: Any, wait_ops: Any) -> None:
    choose(page.filter_widgets[0], "田心社区")
    assert set(shown_column(page.view, "name")) == {"田心生鲜超市", "同名小吃店"}
    choose(page.filter_widgets[1], "C")
    assert set(shown_column(page.view, "name")) == {"田心生鲜超市", "同名小吃店"}
    wait_ops()
    assert page.count_label.text() == "共 3 条"  # 田心生鲜超市 and two 同名小吃店 of grade C
    choose(page.filter_widgets[0], "全部区划")
    choose(page.filter_widgets[1], "全部等级")
    choose(page.filter_widgets[3], "停业")
    assert shown_column(page.view, "name") == ["石峰面包厂"]


def test_a_viewer_can_look_but_not_change(
    qtbot: Any, make_context: Any, db_path: Any, clock: Any
) -> None:
    from msfood.services.accounts.users import create_user
    from msfood.services.writing.transaction import unit_of_work
    from tests.conftest import ADMIN

    admin = make_context(db_path)
    list_data.build(admin.database, clock)
    with unit_of_work(admin.database.sessions, actor=ADMIN, clock=clock) as uow:
        create_user(uow.session, username="guest", password="guest-pass-1", role="viewer", clock=clock)
    viewer = make_context(db_path, username="guest", password="guest-pass-1")
    from ui.pages.roster.businesses import BusinessesPage

    page = BusinessesPage(viewer)
    qtbot.addWidget(page)
    assert not page.new_button.isVisibleTo(page) and not page.delete_button.isVisibleTo(page)
    assert page.new_record() is None
    form = page.open_record(list_data.bid(1))
    assert form is not None and not form.save_button.isEnabled()
    with admin.database.sessions() as session:
        assert session.scalar(select(Region.code).where(Region.code == "430204")) == "430204"


def test_export_writes_the_current_view(
    qtbot: Any, page: Any, tmp_path: Any, wait_ops: Any, no_dialogs: Any
) -> None:
    from openpyxl import load_workbook

    choose(page.filter_widgets[0], "田心社区")
    target = tmp_path / "主体.xlsx"
    page.export(str(target))
    wait_ops()
    assert no_dialogs[-1][0] == "导出完成" and page.last_export == (str(target), 11)
    sheet = load_workbook(target, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("主体名称", "统一社会信用代码", "许可证编号", "主体业态")
    assert [r[0] for r in rows[1:]] == shown_column(page.view, "name")
    assert {r[3] for r in rows[1:]} == {"餐饮服务"}
