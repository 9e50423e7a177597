"""The main window's hooks for the administration dialogs: 文件 → 导入 Excel… and the 管理 menu.

Each action is enabled only for a role that may use it (the services check the role again). The
import action is the window's `import_excel_action` (objectName "importExcelAction"), so other parts
(the empty dashboard's next steps) can trigger it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from msfood.services.writing.permissions import (
    BACKUP,
    CLOSE_PERIOD,
    EDIT_RECORDS,
    EDIT_ROSTER,
    READ,
    REOPEN_PERIOD,
    RESTORE,
)

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def install_admin_actions(window: MainWindow, file_menu: QMenu, before: QAction | None) -> QMenu:
    """Add 导入 Excel… to the file menu (before `before`) and the 管理 menu to the menu bar."""
    context = window.context
    can = context.actor.can
    action = QAction(QCoreApplication.translate("AdminMenu", "导入 Excel…"), window)
    action.setObjectName("importExcelAction")
    action.setEnabled(can(EDIT_RECORDS) or can(EDIT_ROSTER))  # as import_excel.may_import
    action.triggered.connect(lambda _checked=False: open_import_dialog(window))
    if before is not None:
        file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)
    else:
        file_menu.addAction(action)
    window.import_excel_action = action  # type: ignore[attr-defined]  # set here, read by other pages

    menu = window.menuBar().addMenu(QCoreApplication.translate("AdminMenu", "管理(&M)"))
    menu.setObjectName("adminMenu")
    backup = menu.addAction(QCoreApplication.translate("AdminMenu", "备份与恢复…"))
    backup.setObjectName("backupRestoreAction")
    backup.setEnabled(can(BACKUP) or can(RESTORE))
    backup.triggered.connect(lambda _checked=False: open_backup_dialog(window))
    periods = menu.addAction(QCoreApplication.translate("AdminMenu", "关闭与重新开放期间…"))
    periods.setObjectName("periodsAction")
    periods.setEnabled(can(CLOSE_PERIOD) or can(REOPEN_PERIOD))
    periods.triggered.connect(lambda _checked=False: open_periods_dialog(window))
    menu.addSeparator()
    papers = menu.addAction(QCoreApplication.translate("AdminMenu", "督导任务单与整改通知书…"))
    papers.setObjectName("papersAction")
    papers.setEnabled(can(READ))
    papers.triggered.connect(lambda _checked=False: open_papers_dialog(window))
    reminders = menu.addAction(QCoreApplication.translate("AdminMenu", "督导提醒与通报…"))
    reminders.setObjectName("remindersAction")
    reminders.setEnabled(can(READ))
    reminders.triggered.connect(lambda _checked=False: open_papers_dialog(window))
    schedule = menu.addAction(QCoreApplication.translate("AdminMenu", "督导排期…"))  # issue 14 item 6
    schedule.setObjectName("scheduleAction")
    schedule.setEnabled(can(READ))
    schedule.triggered.connect(lambda _checked=False: open_schedule(window))
    return menu


def open_schedule(window: MainWindow) -> Any:
    from ui.dialogs.schedule import open_schedule_dialog

    return open_schedule_dialog(window)


def _show(window: Any, dialog: Any) -> Any:
    window.admin_dialog = dialog  # kept for tests and so it is not collected while open
    dialog.open()
    return dialog


def open_import_dialog(window: MainWindow) -> Any:
    from ui.dialogs.import_excel import ImportExcelDialog

    dialog = ImportExcelDialog(window.context, window)
    dialog.undo_requested.connect(lambda path: open_backup_dialog(window).check_file(path))
    return _show(window, dialog)


def open_backup_dialog(window: MainWindow) -> Any:
    from ui.dialogs.backup_restore import BackupRestoreDialog

    dialog = BackupRestoreDialog(window.context, window)
    # reopen once the dialog's callback has returned: the window is replaced by the reopening
    dialog.restored.connect(
        lambda path: QTimer.singleShot(0, lambda: window.open_database_requested.emit(path))
    )
    return _show(window, dialog)


def open_periods_dialog(window: MainWindow) -> Any:
    from ui.dialogs.periods import PeriodsDialog

    return _show(window, PeriodsDialog(window.context, window))


def open_papers_dialog(window: Any, **kwargs: Any) -> Any:
    from ui.dialogs.papers import PapersDialog

    return _show(window, PapersDialog(window.context, parent=window, **kwargs))
