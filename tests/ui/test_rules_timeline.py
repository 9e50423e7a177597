"""设置 › 督导频次规则: the timeline of rule versions and the one-click presets, driven as a person would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from msfood.services import rules
from msfood.services.periods.closing import close_period
from msfood.services.writing.transaction import unit_of_work

D = dt.date


@pytest.fixture
def page(qtbot, context, wait_ops):  # type: ignore[no-untyped-def]
    from ui.pages.settings.page import SettingsPage

    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.page_shown()
    wait_ops()
    return page


def stored(context):  # type: ignore[no-untyped-def]
    with context.database.sessions() as session:
        return [(r.level, r.effective_from, r.count, r.period_type) for r in rules.list_visit_rules(session)]


def pick_date_and_accept(qtbot, day: QDate):  # type: ignore[no-untyped-def]
    """A stand-in for PresetDialog.exec: type the start date into the dialog, press its OK button."""
    seen = []

    def run(dialog) -> QDialog.DialogCode:  # type: ignore[no-untyped-def]
        seen.append(dialog)
        dialog.start.setDate(day)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode(dialog.result())

    return run, seen


def test_the_timeline_shows_one_row_per_level(page):  # type: ignore[no-untyped-def]
    view = page.rules_box.timeline
    assert [line.level for line in view.timeline] == ["city", "county", "township", "village"]
    assert [(d.level, d.text, d.dates) for d in view.drawn] == [
        (level, "每季度 1 次", "2000-01-01 – 至今") for level in ("city", "county", "township", "village")
    ]
    assert view.height() >= 4 * 40
    tops = [d.rect.top() for d in view.drawn]
    assert tops == sorted(tops) and len(set(tops)) == 4  # one row each, city on top
    village = view.drawn[-1].rect.center()
    found = view.span_at(village.x(), village.y())
    assert found is not None and view.tooltip_for(found) == "村级 每季度 1 次\n2000-01-01 – 至今"
    assert view.span_at(5, 5) is None  # the axis, not a span


def test_half_yearly_preset_with_a_start_date(qtbot, page, wait_ops, monkeypatch):  # type: ignore[no-untyped-def]
    from ui.pages.settings import rules as settings_rules

    box = page.rules_box
    run, seen = pick_date_and_accept(qtbot, QDate(2027, 1, 1))
    monkeypatch.setattr(settings_rules.PresetDialog, "exec", run)
    qtbot.mouseClick(box.preset_buttons["half_yearly_no_village"], Qt.MouseButton.LeftButton)
    wait_ops()
    dialog = seen[0]
    assert "村级 不考核" in dialog.summary.text() and "市级 每半年 1 次" in dialog.summary.text()
    assert dialog.start.date() == QDate(2027, 1, 1)
    assert stored(page.context) == [
        ("city", D(2000, 1, 1), 1, "quarter"), ("city", D(2027, 1, 1), 1, "half"),
        ("county", D(2000, 1, 1), 1, "quarter"), ("county", D(2027, 1, 1), 1, "half"),
        ("township", D(2000, 1, 1), 1, "quarter"), ("township", D(2027, 1, 1), 1, "half"),
        ("village", D(2000, 1, 1), 1, "quarter"), ("village", D(2027, 1, 1), 0, "half"),
    ]  # fmt: skip
    assert box.message.isVisible() and "2027-01-01" in box.message.text()
    wait_ops()  # the page reloads on the change
    view = box.timeline
    city = [(d.text, d.dates) for d in view.drawn if d.level == "city"]
    assert city == [("每季度 1 次", "2000-01-01 – 2026-12-31"), ("每半年 1 次", "2027-01-01 – 至今")]
    village = [d for d in view.drawn if d.level == "village"]
    assert village[-1].text == "不考核" and not village[-1].span.assessed
    first, second = (d.rect for d in view.drawn if d.level == "city")
    assert first.right() <= second.left() and second.right() > second.left()  # consecutive spans
    assert view.first <= D(2025, 1, 1) and view.last >= D(2027, 12, 31)
    assert box.model.rowCount() == 8
    assert box.model.data(box.model.index(7, 2)) == "不考核"


def test_a_start_date_in_a_closed_period_is_refused_beside_the_timeline(qtbot, page, wait_ops, monkeypatch):  # type: ignore[no-untyped-def]
    from ui.pages.settings import rules as settings_rules

    context = page.context
    with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
        close_period(uow, period="2026Q2")
    page.reload()
    wait_ops()
    assert [c.period_key for c in page.rules_box.timeline.closed] == ["2026Q2"]
    run, _seen = pick_date_and_accept(qtbot, QDate(2026, 5, 1))
    monkeypatch.setattr(settings_rules.PresetDialog, "exec", run)
    qtbot.mouseClick(page.rules_box.preset_buttons["half_yearly"], Qt.MouseButton.LeftButton)
    wait_ops()
    error = page.rules_box.error
    assert error.isVisible() and "已关闭的期间 2026Q2" in error.text()
    assert len(stored(context)) == 4


def test_cancelling_the_dialog_changes_nothing(qtbot, page, wait_ops, monkeypatch):  # type: ignore[no-untyped-def]
    from ui.pages.settings import rules as settings_rules

    monkeypatch.setattr(settings_rules.PresetDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    qtbot.mouseClick(page.rules_box.preset_buttons["national_quarterly"], Qt.MouseButton.LeftButton)
    wait_ops()
    assert len(stored(page.context)) == 4 and not page.rules_box.message.isVisible()


def test_screenshot_of_the_rules_page(qtbot, page, wait_ops, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    """1366x768, for a person to look at (saved under MSFOOD_SHOTS when set)."""
    import os
    from pathlib import Path

    from ui.pages.settings import rules as settings_rules

    run, _seen = pick_date_and_accept(qtbot, QDate(2024, 7, 1))
    monkeypatch.setattr(settings_rules.PresetDialog, "exec", run)
    qtbot.mouseClick(page.rules_box.preset_buttons["half_yearly_no_village"], Qt.MouseButton.LeftButton)
    wait_ops()
    wait_ops()
    out = Path(os.environ.get("MSFOOD_SHOTS", tmp_path)) / "rules_page.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    assert page.grab().save(str(out))
    assert out.stat().st_size > 10_000


def test_the_rule_already_in_force_is_said_not_added(qtbot, page, wait_ops, monkeypatch):  # type: ignore[no-untyped-def]
    from ui.pages.settings import rules as settings_rules

    run, _seen = pick_date_and_accept(qtbot, QDate(2027, 1, 1))
    monkeypatch.setattr(settings_rules.PresetDialog, "exec", run)
    qtbot.mouseClick(page.rules_box.preset_buttons["national_quarterly"], Qt.MouseButton.LeftButton)
    wait_ops()
    assert page.rules_box.error.isVisible() and "无需新增版本" in page.rules_box.error.text()
    assert len(stored(page.context)) == 4
