"""督导提醒 and 通报 from the window (issue 14 item 5): 管理 → 督导提醒与通报…, both PDFs written off the
UI thread into the folder picked (Documents by default), read back with pdftotext."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog

from tests import list_data
from tests.unit.reports_data import pdf_text, squeeze

pytestmark = pytest.mark.gui


def pick_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake(_parent, _title, start, _filter="", *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def click(qtbot: Any, button: Any) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_reminders_and_bulletin_from_the_admin_menu(
    qtbot: Any,
    context: Any,
    clock: Any,
    wait_ops: Any,
    no_dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from ui.main_window import MainWindow

    list_data.build(context.database, clock)
    window: Any = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    wait_ops(30_000)
    actions = {a.objectName(): a for a in window.admin_menu.actions()}
    assert actions["remindersAction"].isEnabled()
    actions["remindersAction"].trigger()
    dialog = window.admin_dialog
    assert dialog.period_filter.value() == "2026Q4"  # the clock's quarter, running on 2026-11-24

    dialog.grouping_combo.setCurrentIndex(dialog.grouping_combo.findData("township"))
    asked = pick_save(monkeypatch, tmp_path / "提醒")
    click(qtbot, dialog.reminders_button)
    assert not dialog.bulletin_button.isEnabled()  # one paper at a time
    wait_ops(60_000)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked[0] == str(Path(documents) / "督导提醒-2026Q4.pdf")
    written = tmp_path / "提醒.pdf"
    assert dialog.written == written and written.exists() and not no_dialogs
    text = squeeze(pdf_text(written))
    assert "督导提醒（" in text and "待督导" in text and "督导进度" in text and "reminders." not in text

    asked = pick_save(monkeypatch, tmp_path / "通报.pdf")
    click(qtbot, dialog.bulletin_button)
    wait_ops(60_000)
    assert Path(asked[0]).name == "督导通报-2026Q4.pdf"
    assert dialog.written == tmp_path / "通报.pdf"
    text = squeeze(pdf_text(tmp_path / "通报.pdf"))
    assert "关于2026年第四季度食品安全包保督导工作进展情况的通报" in text and "落后包保干部" in text
    assert f"已保存：{tmp_path / '通报.pdf'}" == dialog.status_label.text()

    shots = Path(os.environ.get("MSFOOD_SCREENSHOT_DIR") or tmp_path)
    dialog.resize(1366, 768)
    assert dialog.grab().save(str(shots / "reminders_dialog.png"))


def test_an_unknown_cadre_phone_is_a_clear_message(
    qtbot: Any,
    context: Any,
    clock: Any,
    wait_ops: Any,
    no_dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from ui.dialogs.papers import PapersDialog

    list_data.build(context.database, clock)
    dialog = PapersDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.cadre_edit.setText("13900000000")
    pick_save(monkeypatch, tmp_path / "x.pdf")
    click(qtbot, dialog.reminders_button)
    wait_ops(60_000)
    assert "13900000000" in dialog.status_label.text() and no_dialogs
    assert "Traceback" not in no_dialogs[0][1] and not (tmp_path / "x.pdf").exists()
    assert dialog.reminders_button.isEnabled()
