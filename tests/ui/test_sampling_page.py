"""抽检与快检 page: a failed sample with its deadlines in place, its case closed; a rapid test."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from msfood.db.models import RapidTest, Sampling
from tests import list_data
from tests.ui.list_pages import delete_selected, enter, open_page, stored, undo
from tests.ui.typing_helpers import choose, double_click_row, shown_column, type_text


def test_record_a_failed_sample_and_close_its_case(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any
) -> None:
    from ui.pages.records.sampling import SamplingPage

    page = open_page(qtbot, context, clock, wait_ops, SamplingPage)
    samplings = page.samplings
    assert samplings.count_label.text() == "共 4 条"
    form = samplings.new_record()
    qtbot.keyClicks(form.fields["sample_no"].edit, "SF2026100")
    form.fields["business_id"].choose_first("hdl")
    form.fields["sample_date"].edit.clear()
    qtbot.keyClicks(form.fields["sample_date"].edit, "2026-11-18")
    choose(form.fields["sampling_type"].combo, "监督抽检")  # nothing is chosen for the user
    type_text(form.fields["food_category"].combo.lineEdit(), "餐饮食品")
    type_text(form.fields["sample_name"].edit, "凉拌黄瓜")
    choose(form.fields["result"].combo, "不合格")
    qtbot.keyClicks(form.fields["result_date"].edit, "2026-11-20")
    type_text(form.fields["failed_items"].edit, "大肠菌群")
    # the deadlines show while typing, before anything is saved; the 复检 window runs from the day the
    # business received the result (送达), not guessed while that date is missing
    qtbot.waitUntil(lambda: "送达日期未录入" in form.warnings.text())
    assert "申请复检" not in form.warnings.text()
    qtbot.keyClicks(form.fields["served_date"].edit, "2026-11-20")
    qtbot.waitUntil(lambda: "申请复检" in form.warnings.text())
    assert "2026-12-01" in form.warnings.text() and "2027-02-18" in form.warnings.text()
    assert stored(context, Sampling, sample_no="SF2026100") is None
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: samplings.current_form is None)
    sample = stored(context, Sampling, sample_no="SF2026100")
    assert sample.result == "fail" and sample.failed_items == "大肠菌群"
    assert sample.food_category == "餐饮食品"

    choose(samplings.filter_widgets[3], "待处置")
    qtbot.waitUntil(lambda: set(shown_column(samplings.view, "sample_no")) == {"SF2026100", "SF2026004",
                                                                               "SF2026002"})
    assert shown_column(samplings.view, "result") == ["不合格"] * 3
    samplings.view.select_id(sample.id)
    double_click_row(qtbot, samplings.view, samplings.view.currentIndex().row())
    form = samplings.current_form
    assert "核查处置应在 2027-02-18 前完成" in form.warnings.text()
    type_text(form.fields["disposal"].edit, "下架召回")
    qtbot.keyClicks(form.fields["disposal_closed_on"].edit, "2026-11-23")
    enter(qtbot, form.fields["disposal_closed_on"].edit)
    qtbot.waitUntil(lambda: samplings.current_form is None)
    assert str(stored(context, Sampling, id=sample.id).disposal_closed_on) == "2026-11-23"
    qtbot.waitUntil(lambda: "SF2026100" not in shown_column(samplings.view, "sample_no"))

    undo(qtbot, samplings)  # the case is open again
    assert stored(context, Sampling, id=sample.id).disposal_closed_on is None
    qtbot.waitUntil(lambda: "SF2026100" in shown_column(samplings.view, "sample_no"))
    delete_selected(qtbot, samplings, sample.id)
    assert stored(context, Sampling, id=sample.id).deleted


def test_an_overdue_case_says_so_when_opened(qtbot: Any, context: Any, clock: Any, wait_ops: Any) -> None:
    from ui.pages.records.sampling import SamplingPage

    page = open_page(qtbot, context, clock, wait_ops, SamplingPage)
    form = page.samplings.open_record(stored(context, Sampling, sample_no="SF2026002").id)
    assert form.warnings.isVisible() and "已逾期 117 天" in form.warnings.text()


def test_rapid_tests_create_find_and_delete(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any
) -> None:
    from ui.pages.records.sampling import SamplingPage

    page = open_page(qtbot, context, clock, wait_ops, SamplingPage)
    page.tabs.setCurrentIndex(1)
    rapid = page.rapid
    form = rapid.new_record()
    form.fields["business_id"].choose_first("txsx")
    type_text(form.fields["sample_name"].edit, "豆芽")
    type_text(form.fields["item"].combo.lineEdit(), "二氧化硫")
    form.fields["batches"].spin.setValue(3)
    form.fields["positives"].spin.setValue(4)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["positives"].isVisible()  # more positives than batches
    form.fields["positives"].spin.setValue(1)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rapid.current_form is None)
    test = stored(context, RapidTest, sample_name="豆芽")
    assert (test.business_id, test.batches, test.positives) == (list_data.bid(3), 3, 1)
    choose(rapid.filter_widgets[1], "有阳性")
    qtbot.waitUntil(lambda: set(shown_column(rapid.view, "sample_name")) == {"豆芽", "小白菜"})
    delete_selected(qtbot, rapid, test.id)
    assert stored(context, RapidTest, id=test.id).deleted
    qtbot.waitUntil(lambda: shown_column(rapid.view, "sample_name") == ["小白菜"])
    undo(qtbot, rapid)
    assert not stored(context, RapidTest, id=test.id).deleted


def test_overdue_cases_follow_the_handling_days_setting(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any
) -> None:
    from msfood.services.rules.settings import set_setting
    from msfood.services.writing.transaction import unit_of_work
    from ui.pages.records.sampling import SamplingPage

    page = open_page(qtbot, context, clock, wait_ops, SamplingPage)
    choose(page.samplings.filter_widgets[3], "处置逾期")
    assert shown_column(page.samplings.view, "sample_no") == ["SF2026002"]  # 90 days from 2026-05-01
    with unit_of_work(context.database.sessions, actor=context.actor, clock=clock) as uow:
        set_setting(uow, key="disposal_days", value=250)
    page = SamplingPage(context)  # a page opened after the change
    qtbot.addWidget(page)
    choose(page.samplings.filter_widgets[3], "处置逾期")
    assert shown_column(page.samplings.view, "sample_no") == []  # 250 days: due 2027-01-06
