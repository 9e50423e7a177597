"""Issue 15 in the app: the sampling types that open a case in 设置, the 送达 date and extension of a
sample in its form and its list ("送达日期未录入" where a failed sample lacks it), a chain in the
business form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import update

from msfood.db.models import Business, Sampling
from msfood.domain.identifiers import make_credit_code
from msfood.services import rules
from tests.ui.list_pages import open_page, stored
from tests.ui.typing_helpers import choose, shown_column, type_text


def test_case_sampling_types_are_a_setting(qtbot: Any, context: Any, wait_ops: Any) -> None:
    from ui.pages.settings.page import SettingsPage

    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.page_shown()
    wait_ops()
    box = page.settings_box
    assert [code for code, b in box.case_types.items() if b.isChecked()] == ["supervision"]
    qtbot.mouseClick(box.case_types["monitoring"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    with context.database.sessions() as session:
        assert rules.get_setting(session, "case_sampling_types") == ["supervision", "monitoring"]
    assert box.message.text().startswith("已保存 1 项设置")


def test_served_date_and_extension_in_the_sample_form_and_list(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any
) -> None:
    from ui.pages.records.sampling import SamplingPage

    page = open_page(qtbot, context, clock, wait_ops, SamplingPage)
    samplings = page.samplings
    sample = stored(context, Sampling, sample_no="SF2026002")  # failed, its case overdue
    # the list says the 送达 date is missing for the failed samples
    assert "送达日期未录入" in shown_column(samplings.view, "served_shown")
    form = samplings.open_record(sample.id)
    assert "送达日期未录入" in form.warnings.text()
    qtbot.keyClicks(form.fields["served_date"].edit, "2026-05-06")
    qtbot.keyClicks(form.fields["extended_deadline"].edit, "2026-12-31")
    type_text(form.fields["extension_approver"].edit, "张科长")
    qtbot.keyClicks(form.fields["extension_approved_on"].edit, "2026-07-20")
    qtbot.waitUntil(lambda: "延期至 2026-12-31" in form.warnings.text())
    assert "已逾期" not in form.warnings.text()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: samplings.current_form is None)
    saved = stored(context, Sampling, id=sample.id)
    assert str(saved.served_date) == "2026-05-06" and saved.extension_approver == "张科长"
    assert str(saved.extended_deadline) == "2026-12-31" and str(saved.extension_approved_on) == "2026-07-20"


def test_chain_role_in_the_business_form(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any
) -> None:
    from ui.pages.roster.businesses import BusinessesPage

    page = open_page(qtbot, context, clock, wait_ops, BusinessesPage)
    businesses = getattr(page, "businesses", page)
    row = stored(context, Business, name="清水家常饭店")
    with context.database.sessions() as session, session.begin():  # the list data's codes are made up
        session.execute(update(Business).where(Business.id == row.id).values(
            credit_code=make_credit_code("91430204MA0000002")))
    form = businesses.open_record(row.id)
    choose(form.fields["chain_role"].combo, "门店")
    form.fields["chain_hq_id"].choose_first("田心")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    # saved (the form stays open to show the made-up code's organisation-code warning)
    qtbot.waitUntil(lambda: stored(context, Business, id=row.id).chain_role == "store")
    saved = stored(context, Business, id=row.id)
    hq = stored(context, Business, name="田心生鲜超市")
    assert (saved.chain_role, saved.chain_hq_id) == ("store", hq.id)
