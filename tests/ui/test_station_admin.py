"""Administration from the window (issue 13 items 2 and 3), driven as a person would: 文件 → 导入 Excel…
(a bad row first, then the fixed workbook), backup then restore, closing a quarter, a business's
history, and the 整改通知书 / 督导任务单 PDFs. Files are picked through a monkeypatched QFileDialog."""

from __future__ import annotations

import copy
import csv
import dataclasses
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu
from sqlalchemy import func, select

from msfood.core.ids import natural_id
from msfood.db.models import Assignment, AuditEntry, Business, Cadre, ClosedPeriod, Region, Visit
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests import list_data
from tests.ui.conftest import type_text
from tests.unit.reports_data import pdf_text, squeeze
from tests.workbook_example import E1, E2, worked_example, write_xlsx

ROSTER_SHEETS = ("区划", "包保主体", "包保干部", "包保关系", "督导记录")


def roster() -> dict[str, list[list[Any]]]:
    """The worked example's regions, businesses, cadres, assignments and visits."""
    sheets = worked_example()
    return {name: sheets[name] for name in ROSTER_SHEETS}


def count(context: Any, model: type) -> int:
    with context.database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False))))


def pick_open(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake(_parent, _title, start, _filter="", *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    return asked


def pick_save(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str = "") -> list[str]:
    asked: list[str] = []

    def fake(_parent, _title, start, _filter="", *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def show(qtbot: Any, widget: Any) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1366, 768) if widget.width() > 1366 else None
    widget.show()
    return widget


def click(qtbot: Any, button: Any) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- 文件 → 导入 Excel… ------------------------------------------------------------------------------


def test_import_shows_the_bad_row_writes_nothing_then_imports_the_fixed_workbook(
    qtbot: Any, context: Any, wait_ops: Any, no_dialogs: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ui.main_window import MainWindow

    good = roster()
    bad = copy.deepcopy(good)
    bad["包保主体"][2][1] = E2[:-1] + ("A" if E2[-1] != "A" else "B")  # row 3: a wrong check character
    book = write_xlsx(tmp_path / "名册.xlsx", bad)

    window = show(qtbot, MainWindow(context))
    action = window.import_excel_action
    assert action.objectName() == "importExcelAction" and action.isEnabled()
    assert action in window.menuBar().actions()[0].menu().actions()  # under 文件
    action.trigger()
    dialog = window.admin_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.import_button.isEnabled()

    # the template, saved where the person says
    template = tmp_path / "导入模板.xlsx"
    asked = pick_save(monkeypatch, template)
    click(qtbot, dialog.template_button)
    wait_ops()
    assert asked[0].endswith("导入模板.xlsx") and template.exists()
    from openpyxl import load_workbook

    assert {"包保主体", "包保干部", "包保关系"} <= set(load_workbook(template, read_only=True).sheetnames)

    # the dry run: the bad row listed, nothing written
    pick_open(monkeypatch, book)
    click(qtbot, dialog.pick_button)
    wait_ops(30_000)
    rows = dialog.problem_rows()
    assert ("包保主体", "3") in {(r[0], r[1]) for r in rows}, rows
    bad_row = next(r for r in rows if r[0] == "包保主体" and r[1] == "3")
    assert "信用代码" in bad_row[2] and bad_row[3] == "错误" and "校验位" in bad_row[4]
    assert "没有写入任何数据" in dialog.status_label.text()
    assert not dialog.import_button.isEnabled()
    assert count(context, Business) == 0 and count(context, Cadre) == 0

    # copy the selected problem with Ctrl+C, export the list as CSV
    row_index = rows.index(bad_row)
    dialog.table.selectRow(row_index)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().split("\t")[:2] == ["包保主体", "3"]
    exported = tmp_path / "问题清单.csv"
    pick_save(monkeypatch, exported, "CSV 文件 (*.csv)")
    click(qtbot, dialog.export_button)
    wait_ops()
    with open(exported, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["工作表", "行", "列", "类别", "原因"] and bad_row == tuple(table[row_index + 1])

    as_xlsx = tmp_path / "问题清单"
    pick_save(monkeypatch, as_xlsx, "Excel 工作簿 (*.xlsx)")
    click(qtbot, dialog.export_button)
    wait_ops()
    sheet = load_workbook(tmp_path / "问题清单.xlsx", read_only=True).worksheets[0]
    cells = [tuple("" if v is None else str(v) for v in row) for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == ("工作表", "行", "列", "类别", "原因") and bad_row in cells[1:]

    # the fixed workbook: checked clean, then imported after the confirmation
    write_xlsx(book, good)
    click(qtbot, dialog.check_button)
    wait_ops(30_000)
    assert "检查通过" in dialog.status_label.text(), dialog.status_label.text()
    assert count(context, Business) == 0  # the dry run wrote nothing
    with qtbot.waitSignal(dialog.imported, timeout=30_000) as imported:
        click(qtbot, dialog.import_button)
    assert any(title == "确认导入" for title, _text in no_dialogs)
    result = imported.args[0]
    assert (count(context, Business), count(context, Cadre), count(context, Assignment)) == (4, 3, 4)
    assert count(context, Visit) == 3 and result.new >= 4 + 3 + 4 + 3
    summary = dialog.summary_label.text()
    assert f"新增 {result.new} 条" in summary and "冲突 0 条" in summary
    assert result.backup and Path(result.backup).exists() and result.backup in summary
    assert not dialog.import_button.isEnabled()  # imported once

    # undoing it: the backup dialog opens on the automatic backup made before the import
    click(qtbot, dialog.undo_button)
    assert not dialog.isVisible()
    backups = window.admin_dialog
    assert backups.objectName() == "backupRestoreDialog"
    wait_ops()
    assert [b.path for b in backups.backups] == [Path(result.backup)]
    assert backups.backups_model.rows()[0][1] == "导入 Excel 前"
    assert backups.preview is not None and backups.preview.path == Path(result.backup)
    compare = {row[0]: row[1:] for row in backups.compare_model.rows()}
    assert compare["包保主体"] == ("4", "0") and backups.restore_button.isEnabled()


def test_a_cancelled_import_writes_nothing(
    qtbot: Any, context: Any, wait_ops: Any, no_dialogs: Any, tmp_path: Path
) -> None:
    from ui.dialogs.import_excel import ImportExcelDialog

    dialog = show(qtbot, ImportExcelDialog(context))
    dialog.choose(write_xlsx(tmp_path / "名册.xlsx", roster()))
    wait_ops(30_000)
    assert dialog.import_button.isEnabled()
    import threading

    from ui.workers import run_op

    gate = threading.Event()
    run_op(None, lambda: gate.wait(30))  # the one database thread is busy: the import waits its turn
    op = dialog.start_import()
    assert op.dialog is not None  # the progress dialog with its Cancel button
    from PySide6.QtWidgets import QPushButton

    cancel = next(b for b in op.dialog.findChildren(QPushButton) if b.text() == "取消")
    cancel.click()  # as the person clicks 取消
    gate.set()
    wait_ops(30_000)
    assert dialog.status_label.text() == "已取消，没有写入任何数据。"
    assert dialog.result is None and count(context, Business) == 0 and count(context, Region) == 0
    assert dialog.import_button.isEnabled()  # may try again


def test_the_text_table_model_is_a_sound_qt_model(qtmodeltester: Any) -> None:
    from ui.dialogs.common import TextTableModel

    model = TextTableModel(["工作表", "行", "原因"])
    model.set_rows([("包保主体", 3, "校验位错误"), ("包保干部", None, "缺少必填列")], ["bad", None])
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, 1).data() == "" and model.headerData(2, Qt.Orientation.Horizontal) == "原因"


def test_a_csv_folder_is_checked_like_a_workbook(
    qtbot: Any, context: Any, wait_ops: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.workbook_example import write_csv_folder
    from ui.dialogs.import_excel import ImportExcelDialog

    folder = write_csv_folder(tmp_path / "名册", roster(), encoding="gb18030")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    dialog = show(qtbot, ImportExcelDialog(context))
    click(qtbot, dialog.folder_button)
    wait_ops(30_000)
    assert dialog.file_edit.text() == str(folder)
    assert dialog.checked is not None and dialog.checked.new >= 4 + 3 + 4 + 3, dialog.status_label.text()
    assert dialog.import_button.isEnabled() and count(context, Business) == 0


def test_a_viewer_may_not_import_nor_administer(qtbot: Any, context: Any, wait_ops: Any) -> None:
    from ui.dialogs.backup_restore import BackupRestoreDialog
    from ui.dialogs.periods import PeriodsDialog
    from ui.main_window import MainWindow

    viewer = dataclasses.replace(context, actor=Actor("viewer", "viewer"))
    window = show(qtbot, MainWindow(viewer))
    assert not window.import_excel_action.isEnabled()
    admin = {a.objectName(): a for a in window.admin_menu.actions()}
    assert not admin["backupRestoreAction"].isEnabled() and not admin["periodsAction"].isEnabled()
    assert admin["papersAction"].isEnabled()  # reading is enough for the papers
    backups = show(qtbot, BackupRestoreDialog(viewer))
    periods = show(qtbot, PeriodsDialog(viewer))
    wait_ops()
    assert not backups.backup_button.isEnabled() and not backups.from_file_button.isEnabled()
    assert not periods.close_button.isEnabled() and not periods.reopen_button.isEnabled()


# --- backup and restore ----------------------------------------------------------------------------


def test_backup_then_restore_shows_before_and_after_and_reopens(
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
    regions_then = count(context, Region)
    window = show(qtbot, MainWindow(context))
    wait_ops()
    menu = {a.objectName(): a for a in window.admin_menu.actions()}
    menu["backupRestoreAction"].trigger()  # 管理 → 备份与恢复…
    dialog = window.admin_dialog
    wait_ops()
    out = tmp_path / "手动备份"
    pick_save(monkeypatch, out)
    click(qtbot, dialog.backup_button)
    wait_ops()
    backup = tmp_path / "手动备份.sqlite"
    assert backup.exists() and dialog.last_backup.path == backup
    assert str(backup) in dialog.status_label.text()

    # a change after the backup: a new township
    with unit_of_work(context.database.sessions, actor=context.actor, clock=clock) as uow:
        uow.upsert(
            table_of(Region),
            {
                "id": natural_id("region", "430204009"),
                "code": "430204009",
                "name": "新设街道",
                "parent_id": list_data.rid("430204"),
            },
        )
    assert count(context, Region) == regions_then + 1

    pick_open(monkeypatch, backup)
    click(qtbot, dialog.from_file_button)
    wait_ops()
    assert not dialog.restore_button.isEnabled() or dialog.preview is not None
    compare = {row[0]: row[1:] for row in dialog.compare_model.rows()}
    assert compare["单位"] == ("石峰区市场监管所（430204-01）", "石峰区市场监管所（430204-01）")
    assert compare["区划"] == (str(regions_then + 1), str(regions_then))
    assert compare["包保主体"][0] == compare["包保主体"][1] != "0"
    assert "检查通过" in dialog.preview_label.text()
    assert dialog.restore_button.isEnabled()

    with (
        qtbot.waitSignal(dialog.restored, timeout=30_000) as restored,
        qtbot.waitSignal(window.open_database_requested, timeout=30_000) as reopening,
    ):
        click(qtbot, dialog.restore_button)
    assert restored.args == [context.database.path] == reopening.args  # the app reopens the database
    assert not dialog.isVisible()
    titles = [title for title, _text in no_dialogs]
    assert titles == ["确认恢复", "恢复完成"], no_dialogs
    assert "区划" not in no_dialogs[0][1] and "包保主体" in no_dialogs[0][1]
    from msfood.services.setup.database import open_app_database

    reopened = open_app_database(context.database.path)
    try:
        with reopened.sessions() as session:
            assert session.get(Region, natural_id("region", "430204009")) is None
            assert session.scalar(select(func.count()).select_from(Region)) == regions_then
            assert (
                session.scalar(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(1))
                == "restore"
            )
    finally:
        reopened.close()


def test_a_file_that_is_no_backup_is_refused_before_anything_is_replaced(
    qtbot: Any, context: Any, wait_ops: Any, no_dialogs: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ui.dialogs.backup_restore import BackupRestoreDialog

    junk = tmp_path / "不是备份.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    dialog = show(qtbot, BackupRestoreDialog(context))
    wait_ops()
    pick_open(monkeypatch, junk)
    click(qtbot, dialog.from_file_button)
    wait_ops()
    assert dialog.preview is None and not dialog.restore_button.isEnabled()
    assert "不能恢复这个文件" in dialog.preview_label.text()
    assert no_dialogs and no_dialogs[0][0] == "输入有误"


# --- closing a period ------------------------------------------------------------------------------


def test_closing_a_quarter_refuses_a_later_edit_of_its_visits(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any
) -> None:
    from ui.dialogs.periods import PeriodsDialog
    from ui.pages.records.visits import VisitsPage

    list_data.build(context.database, clock)
    dialog = show(qtbot, PeriodsDialog(context))
    wait_ops()
    assert dialog.model.rows() == []
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("2026Q2"))
    click(qtbot, dialog.close_button)
    wait_ops()
    assert no_dialogs[0][0] == "确认关闭期间" and "2026-04-01 至 2026-06-30" in no_dialogs[0][1]
    assert dialog.model.rows() == [("2026Q2", "2026-04-01", "2026-06-30", "已关闭", "admin")]
    assert "已关闭期间 2026Q2" in dialog.status_label.text()
    with context.database.sessions() as session:
        closed = session.get(ClosedPeriod, natural_id("closed_period", "2026Q2"))
        assert closed is not None and closed.closed
    assert not dialog.reopen_button.isEnabled()  # a station admin may not reopen
    dialog.select_period("2026Q2")
    assert not dialog.reopen_button.isEnabled()

    # closing it twice is said, not done
    click(qtbot, dialog.close_button)
    wait_ops()
    assert "已经关闭" in dialog.status_label.text()

    # the visit of 2026-05-10 can no longer be changed
    page = show(qtbot, VisitsPage(context))
    wait_ops()
    visits = page.visits
    visit_id = list_data.visit_id("13700000001", 1, "2026-05-10")
    form = visits.open_record(visit_id)
    type_text(form.fields["remarks"].edit, "补记")
    click(qtbot, form.save_button)
    refusal = form.errors["visit_date"]  # said at the date that puts it in the closed quarter
    assert form.isVisible() and refusal.isVisible()
    assert "已关闭的期间 2026Q2" in refusal.text(), refusal.text()
    with context.database.sessions() as session:
        assert session.get(Visit, visit_id).remarks is None
    form.reject()


def test_a_bureau_admin_reopens_with_a_reason_written_to_the_history(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from msfood.services.periods.closing import close_period
    from ui.dialogs.periods import PeriodsDialog

    with unit_of_work(context.database.sessions, actor=context.actor, clock=clock) as uow:
        close_period(uow, period="2026Q3")
    bureau = dataclasses.replace(context, actor=Actor("bureau", "bureau-admin"))
    dialog = show(qtbot, PeriodsDialog(bureau))
    wait_ops()
    assert dialog.select_period("2026Q3") and dialog.reopen_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("上报数据有误，需更正", True)))
    click(qtbot, dialog.reopen_button)
    wait_ops()
    assert dialog.model.rows()[0][3] == "已重新开放"
    from ui.dialogs.history import HistoryDialog

    history = show(qtbot, HistoryDialog(bureau, natural_id("closed_period", "2026Q3")))
    wait_ops()
    rows = history.model.rows()
    assert [r[2] for r in rows if r[2]] == ["关闭期间", "重新开放期间", "重新开放原因"]
    assert ("原因", "", "上报数据有误，需更正") in {r[3:] for r in rows}


# --- a record's history ----------------------------------------------------------------------------


# the offscreen platform cannot raise a popup menu nor grab the keyboard for it; harmless there
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing",
    "This plugin does not support propagateSizeHints",
)
def test_right_click_history_of_an_edited_business(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any, tmp_path: Path
) -> None:
    from msfood.core.progress import drain
    from msfood.workbook.importer import import_workbook
    from ui.pages.roster.businesses import BusinessesPage

    book = write_xlsx(tmp_path / "名册.xlsx", roster())
    drain(import_workbook(context.database, book, actor=context.actor, clock=clock))
    with context.database.sessions() as session:
        business = session.scalar(select(Business.id).where(Business.credit_code == E1))
    page = show(qtbot, BusinessesPage(context))
    wait_ops()
    listing = page
    form = listing.open_record(business)
    form.fields["name"].edit.clear()
    type_text(form.fields["name"].edit, "清水家常饭店（总店）")
    click(qtbot, form.save_button)
    assert form.last_saved is not None and form.last_saved.id == business, form.general_error.text()
    form.reject()  # (it stays open when the save came with warnings to read)
    wait_ops()

    # right-click the row, choose 历史记录
    assert listing.view.select_id(business)
    rect = listing.view.visualRect(listing.view.currentIndex())
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, rect.center(), listing.view.viewport().mapToGlobal(rect.center())
    )
    QApplication.sendEvent(listing.view.viewport(), event)
    menu = next(m for m in listing.findChildren(QMenu, "rowMenu") if m.isVisible())
    history_action = next(a for a in menu.actions() if a.objectName() == "historyAction")
    assert history_action.text() == "历史记录"
    history_action.trigger()
    menu.close()
    dialog = listing.history_dialog
    wait_ops()
    assert dialog.windowTitle() == "历史记录 — 清水家常饭店（总店）"
    rows = dialog.model.rows()
    starts = [i for i, r in enumerate(rows) if r[2]]  # each entry's first row names its action
    entries = [rows[a:b] for a, b in zip(starts, [*starts[1:], len(rows)], strict=True)]
    assert [e[0][2] for e in entries] == ["新增", "修改"]
    created, edited = ({r[3]: (r[4], r[5]) for r in e} for e in entries)
    assert edited == {"名称": ("清水家常饭店", "清水家常饭店（总店）")}
    assert entries[1][0][1] == "admin" and entries[1][0][0].startswith("2026-11-24")
    assert entries[0][0][1] == "admin"  # the import, by whoever ran it
    assert created["名称"] == ("", "清水家常饭店")
    assert created["所属区划"] == ("", "清水社区（430204001001）")
    assert created["包保等级"] == ("", "D") and created["主体业态"] == ("", "餐饮服务")
    assert not {"hlc", "origin", "local_seq", "region_id"} & set(created)


# --- 督导任务单 and 整改通知书 -----------------------------------------------------------------------


def test_a_visits_notice_pdf_from_the_visits_page(
    qtbot: Any,
    context: Any,
    clock: Any,
    wait_ops: Any,
    no_dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from ui.pages.records.visits import VisitsPage

    list_data.build(context.database, clock)
    page = show(qtbot, VisitsPage(context))
    wait_ops()
    visits = page.visits
    assert visits.view.select_id(list_data.visit_id("13700000001", 2, "2026-10-08"))
    click(qtbot, visits.notice_button)
    dialog = visits.papers_dialog
    assert "发现问题 2 个" in dialog.visit_label.text() and dialog.notice_button.isEnabled()
    out = tmp_path / "通知书"
    asked = pick_save(monkeypatch, out)
    click(qtbot, dialog.notice_button)
    wait_ops(60_000)
    written = tmp_path / "通知书.pdf"
    assert dialog.written == written and written.exists()
    assert Path(asked[0]).name.startswith("整改通知书-") and asked[0].endswith("-2026-10-08.pdf")
    text = squeeze(pdf_text(written))
    assert "整改通知书" in text and "健康证过期" in text and "留样不足" in text
    assert f"已保存：{written}" == dialog.status_label.text()

    # a visit without problems has no notice to give
    assert visits.view.select_id(list_data.visit_id("13700000004", 1, "2026-10-08"))
    click(qtbot, visits.notice_button)
    assert not visits.papers_dialog.notice_button.isEnabled()


def test_the_task_lists_from_the_dashboard_default_to_documents(
    qtbot: Any,
    context: Any,
    clock: Any,
    wait_ops: Any,
    no_dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import QStandardPaths

    from ui.pages.dashboard import DashboardPage

    list_data.build(context.database, clock)
    page = show(qtbot, DashboardPage(context))
    wait_ops(30_000)
    click(qtbot, page.papers_button)
    dialog = page.admin_dialog
    assert dialog.period_filter.value() == page.period().key
    out = tmp_path / "任务单.pdf"
    asked = pick_save(monkeypatch, out)
    click(qtbot, dialog.tasks_button)
    wait_ops(60_000)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked[0] == str(Path(documents) / f"督导任务单-{page.period().key}.pdf")
    assert dialog.written == out and out.exists()
    text = squeeze(pdf_text(out))
    assert "督导任务单" in text and "周一" in text


# --- each new dialog at 1366x768 -------------------------------------------------------------------


def test_each_dialog_renders_at_1366x768(
    qtbot: Any,
    context: Any,
    clock: Any,
    wait_ops: Any,
    no_dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A picture of every new dialog in use (MSFOOD_SCREENSHOT_DIR keeps them for a person to look at)."""
    import os

    from PySide6.QtGui import QImage

    from msfood.core.progress import drain
    from msfood.services.backups.backup import backup_database
    from msfood.services.periods.closing import close_period
    from msfood.workbook.importer import import_workbook
    from ui.dialogs.backup_restore import BackupRestoreDialog
    from ui.dialogs.history import HistoryDialog
    from ui.dialogs.import_excel import ImportExcelDialog
    from ui.dialogs.papers import PapersDialog
    from ui.dialogs.periods import PeriodsDialog

    out_dir = Path(os.environ.get("MSFOOD_SCREENSHOT_DIR") or tmp_path / "shots")
    out_dir.mkdir(parents=True, exist_ok=True)
    good = roster()
    drain(import_workbook(context.database, write_xlsx(tmp_path / "名册.xlsx", good), actor=context.actor,
                          clock=clock))  # fmt: skip
    backup = backup_database(context.database, actor=context.actor, out=tmp_path / "备份.sqlite").path
    with unit_of_work(context.database.sessions, actor=context.actor, clock=clock) as uow:
        close_period(uow, period="2026Q2")
        business = uow.session.scalar(select(Business).where(Business.credit_code == E1))
        uow.upsert(table_of(Business), {"id": business.id, "name": "清水家常饭店（总店）", "grade": "C"})
    bad = copy.deepcopy(good)
    bad["包保主体"][2][1] = E2[:-1] + "A"
    bad["包保干部"][2][1] = "1370000"
    bad["包保关系"].append([13700000009, E1, None, "2026-02-30", None, None])
    broken = write_xlsx(tmp_path / "待导入名册.xlsx", bad)

    def shoot(name: str, dialog: Any) -> None:
        qtbot.addWidget(dialog)
        dialog.resize(1366, 768)
        dialog.show()
        wait_ops(30_000)
        target = out_dir / f"{name}.png"
        assert dialog.grab().save(str(target))
        image = QImage(str(target))
        # as large as asked, or as the test screen has room for (a dialog never exceeds its screen)
        assert (image.width(), image.height()) == (dialog.width(), dialog.height()), name
        assert dialog.screen().availableGeometry().contains(dialog.frameGeometry()), name
        assert len({image.pixel(x, y) for x in range(0, image.width(), 29)
                    for y in range(0, image.height(), 17)}) > 3, name  # fmt: skip

    importing = ImportExcelDialog(context)
    qtbot.addWidget(importing)
    importing.choose(broken)
    wait_ops(30_000)
    assert len(importing.problem_rows()) >= 3
    shoot("import_excel", importing)

    restoring = BackupRestoreDialog(context)
    qtbot.addWidget(restoring)
    restoring.check_file(backup)
    wait_ops()
    assert restoring.preview is not None
    shoot("backup_restore", restoring)

    shoot("periods", PeriodsDialog(context))
    history = HistoryDialog(context, business.id, title="清水家常饭店（总店）")
    shoot("history", history)
    assert history.entries and len(history.entries) == 2

    with context.database.sessions() as session:
        from msfood.services.queries import lists as queries
        from msfood.services.queries.lists import Filters

        visit = next(r for r in queries.iterate(session, "visits", filters=Filters(as_of=clock.today()))
                     if r.problems)  # fmt: skip
    shoot("papers", PapersDialog(context, visit=visit))


def test_after_a_restore_the_app_reopens_the_restored_database(
    qtbot: Any,
    app: Any,
    app_settings: Any,
    clock: Any,
    db_path: Path,
    wait_ops: Any,
    no_dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from msfood.services.backups.backup import backup_database
    from tests.ui.conftest import ADMIN_PASSWORD
    from ui.startup import AppController

    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", ADMIN_PASSWORD)
    controller = AppController(app_settings, clock, headless=True)
    try:
        assert controller.start(str(db_path))
        first_window, first_context = controller.window, controller.context
        wait_ops()
        backup = backup_database(first_context.database, actor=first_context.actor, out=tmp_path / "b.sqlite")
        with unit_of_work(first_context.database.sessions, actor=first_context.actor, clock=clock) as uow:
            uow.upsert(table_of(Region), {"id": natural_id("region", "430204009"), "code": "430204009",
                                          "name": "新设街道", "parent_id": None})  # fmt: skip
        assert count(first_context, Region) == 1
        {a.objectName(): a for a in first_window.admin_menu.actions()}["backupRestoreAction"].trigger()
        dialog = first_window.admin_dialog
        dialog.check_file(backup.path)
        wait_ops()
        click(qtbot, dialog.restore_button)
        qtbot.waitUntil(lambda: controller.window is not first_window, timeout=30_000)
        wait_ops()
        context = controller.context
        assert context is not first_context and context.database.path == db_path.resolve()
        assert context.actor.username == "admin"  # signed in again
        assert count(context, Region) == 0  # the township added after the backup is gone
    finally:
        wait_ops()
        if controller.window is not None:
            controller.window.close()
        controller.shutdown()
