"""督导排期 as a person uses it: generate, change one date with the date editor, export a calendar and
print; the table model passes the model tester."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QFileDialog

from msfood.db.engine import open_database
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario
from tests.schedule_data import LI, schedule_station
from tests.unit.reports_data import pdf_text, squeeze
from tests.unit.test_schedule_service import parse_ics
from ui.dialogs.schedule import ScheduleDialog
from ui.models.schedule_table import BUSINESS, CADRE, DATE, MODE


@pytest.fixture
def dialog(make_context, db_path: Path, clock, qtbot, wait_ops):  # type: ignore[no-untyped-def]
    database = open_database(db_path)
    with unit_of_work(database.sessions, clock=clock) as uow:
        schedule_station(Scenario(uow))
    database.close()
    shown = ScheduleDialog(make_context(db_path))
    qtbot.addWidget(shown)
    shown.resize(1366, 720)
    shown.show()
    wait_ops()
    return shown


def row_of(dialog: ScheduleDialog, cadre: str, business: str) -> int:
    model = dialog.model
    for row in range(model.rowCount()):
        if cadre in model.index(row, CADRE).data() and model.index(row, BUSINESS).data().startswith(business):
            return row
    raise AssertionError(f"{cadre} {business} not in the table")


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_generate_edit_a_date_and_export(
    dialog: ScheduleDialog,
    qtbot,
    wait_ops,
    qtmodeltester,  # type: ignore[no-untyped-def]
    monkeypatch,
    tmp_path: Path,
    db_path: Path,
    no_dialogs,
) -> None:
    assert dialog.model.rowCount() == 0 and not dialog.ics_button.isEnabled()
    assert (dialog.margin_spin.value(), dialog.per_day_spin.value()) == (5, 6)  # the settings' defaults
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dialog.model.rowCount() == 4
    assert "5/5（100.0%）" in dialog.landing_label.text()
    assert "所有未完成的督导都已排期" in dialog.unplanned_label.text()
    qtmodeltester.check(dialog.model)
    shot = Path(os.environ.get("MSFOOD_SHOTS", str(tmp_path))) / "schedule-dialog.png"
    assert dialog.grab().save(str(shot))

    # change 王村官's visit to 甲饭店 to 10 December with the date editor, as a person does
    row = row_of(dialog, "王村官", "甲饭店")
    assert dialog.model.index(row, MODE).data() == "集中督导"
    index = dialog.model.index(row, DATE)
    dialog.table.setCurrentIndex(index)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.findChild(QDateEdit, "planDateEdit")
    assert editor is not None and editor.date() == QDate(2026, 11, 25)
    editor.setDate(QDate(2026, 12, 10))
    with qtbot.waitSignal(dialog.model.date_edited, timeout=5000) as edited:  # the delegate commits queued
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert edited.args[1].isoformat() == "2026-12-10"
    wait_ops()
    wait_ops()  # the save, then the reload it starts
    row = row_of(dialog, "王村官", "甲饭店")
    assert dialog.model.index(row, DATE).data() == "2026-12-10"
    assert "已调整" in dialog.model.index(row, MODE).data()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT plan_date, edited FROM visit_plans WHERE edited = 1").fetchall() == [
            ("2026-12-10", 1)
        ]

    # planning again keeps the edited date
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dialog.model.index(row_of(dialog, "王村官", "甲饭店"), DATE).data() == "2026-12-10"

    # the whole calendar, then one cadre's
    everyone = tmp_path / "all.ics"
    save_as(monkeypatch, everyone)
    qtbot.mouseClick(dialog.ics_button, Qt.MouseButton.LeftButton)
    wait_ops()
    events = parse_ics(everyone.read_bytes())
    assert sorted(e["DTSTART;VALUE=DATE"] for e in events) == ["20261125", "20261125", "20261125", "20261210"]
    dialog.cadre_combo.setCurrentIndex(
        dialog.cadre_combo.findData(next(c.id for c in dialog.schedule.cadres() if c.phone == LI))
    )
    assert dialog.model.rowCount() == 1
    one = tmp_path / "li"  # no suffix typed: .ics is added
    save_as(monkeypatch, one)
    qtbot.mouseClick(dialog.ics_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert [e["SUMMARY"] for e in parse_ics(one.with_suffix(".ics").read_bytes())] == ["督导：甲饭店"]

    pdf = tmp_path / "li.pdf"
    save_as(monkeypatch, pdf)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    wait_ops()
    text = squeeze(pdf_text(pdf))
    assert "督导排期表" in text and "李乡长" in text and "王村官" not in text
    assert str(pdf) in dialog.status_label.text()
    assert no_dialogs == []


def test_a_date_outside_the_period_is_refused_in_words(
    dialog: ScheduleDialog, qtbot, wait_ops, no_dialogs
) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    wait_ops()
    index = dialog.model.index(0, DATE)
    assert dialog.model.setData(index, QDate(2027, 1, 4))
    wait_ops()
    wait_ops()
    assert no_dialogs and "不在期间 2026Q4" in no_dialogs[0][1]
    assert dialog.model.index(0, DATE).data() == "2026-11-25"


def test_another_period_shows_its_own_plan(dialog: ScheduleDialog, qtbot, wait_ops) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dialog.model.rowCount() == 4
    dialog.as_of_edit.setDate(QDate(2026, 12, 31))  # the quarter is over: nothing open, the plan is history
    wait_ops()
    assert "1/5（20.0%）" in dialog.landing_label.text()
    assert dialog.model.rowCount() == 4  # still saved; shown, but it no longer counts
    assert all(not dialog.model.entry(row).counts for row in range(4))
