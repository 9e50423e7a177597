"""管理 → 备份与恢复: a backup now to a chosen file, and a restore from a file or an automatic backup.

Restoring shows what changes before anything is replaced: the unit, when the data were last changed,
and the record counts of the current database beside the backup's (msfood.services.backups.summary),
after msfood.services.backups.restore.check_backup_file has accepted the file. Only on confirmation does
restore_database replace the database (it backs the current one up first); the dialog then emits
`restored`, and the main window reopens the database (signing in again: the restored file has its own
accounts). Backups need BACKUP, restores RESTORE (station admins), as `msfood backup` / `restore`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msfood.core.clock import CHINA
from msfood.services.writing.permissions import BACKUP, RESTORE
from ui.context import AppContext
from ui.dialogs.common import (
    CopyableTableView,
    TextTableModel,
    local_text,
    remember_chosen,
    start_folder,
    start_path,
)
from ui.dialogs.restore_preview import RestorePreview, preview_restore
from ui.screen_fit import fit_dialog
from ui.workers import Op, run_op

REASONS = {
    "import": QT_TRANSLATE_NOOP("BackupRestoreDialog", "导入 Excel 前"),
    "bundle": QT_TRANSLATE_NOOP("BackupRestoreDialog", "导入同步包前"),
    "migration": QT_TRANSLATE_NOOP("BackupRestoreDialog", "升级数据库前"),
    "restore": QT_TRANSLATE_NOOP("BackupRestoreDialog", "恢复前"),
}


def may_administer_backups(context: AppContext) -> bool:
    return context.actor.can(BACKUP) or context.actor.can(RESTORE)


def size_text(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} KB"


class BackupRestoreDialog(QDialog):
    restored = Signal(object)  # Path of the database, restored: reopen it

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("backupRestoreDialog")
        self.setWindowTitle(self.tr("备份与恢复"))
        self.preview: RestorePreview | None = None
        self.last_backup: Any = None
        self.op: Op | None = None
        self._running = False
        self.restore_result: Any = None
        self.backups: list[Any] = []
        self._build()
        self.load_backups()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        can_backup = self.context.actor.can(BACKUP)
        can_restore = self.context.actor.can(RESTORE)

        backup_box = QGroupBox(self.tr("备份"))
        backup_layout = QHBoxLayout(backup_box)
        note = QLabel(
            self.tr("把当前数据库完整复制到一个文件。备份文件含本单位的密钥，请存放在安全的位置，不要外传。")
        )
        note.setWordWrap(True)
        backup_layout.addWidget(note, 1)
        self.backup_button = QPushButton(self.tr("立即备份到文件…"))
        self.backup_button.setObjectName("backupButton")
        self.backup_button.setEnabled(can_backup)
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        backup_layout.addWidget(self.backup_button)
        layout.addWidget(backup_box)

        restore_box = QGroupBox(self.tr("恢复"))
        restore_layout = QVBoxLayout(restore_box)
        restore_layout.addWidget(QLabel(self.tr("自动备份（导入、同步、升级和恢复之前自动生成）：")))
        self.backups_model = TextTableModel(
            [self.tr("备份时间"), self.tr("原因"), self.tr("大小"), self.tr("文件")], self
        )
        self.backups_view = CopyableTableView()
        self.backups_view.setObjectName("backupsTable")
        self.backups_view.setSelectionMode(CopyableTableView.SelectionMode.SingleSelection)
        self.backups_view.setModel(self.backups_model)
        self.backups_view.setMaximumHeight(170)  # the before/after below matters more
        self.backups_view.setColumnWidth(0, 150)
        self.backups_view.setColumnWidth(1, 120)
        self.backups_view.setColumnWidth(2, 80)
        self.backups_view.doubleClicked.connect(lambda _index: self._on_from_list_button_clicked())
        restore_layout.addWidget(self.backups_view, 1)
        row = QHBoxLayout()
        self.from_list_button = QPushButton(self.tr("检查所选自动备份…"))
        self.from_list_button.setObjectName("fromListButton")
        self.from_list_button.clicked.connect(self._on_from_list_button_clicked)
        self.from_file_button = QPushButton(self.tr("从备份文件恢复…"))
        self.from_file_button.setObjectName("fromFileButton")
        self.from_file_button.clicked.connect(self._on_from_file_button_clicked)
        for button in (self.from_list_button, self.from_file_button):
            button.setEnabled(can_restore)
            row.addWidget(button)
        row.addStretch(1)
        restore_layout.addLayout(row)

        self.preview_label = QLabel(self.tr("选择一个备份后，这里列出恢复前后的对比。"))
        self.preview_label.setObjectName("previewLabel")
        self.preview_label.setWordWrap(True)
        restore_layout.addWidget(self.preview_label)
        self.compare_model = TextTableModel(
            [self.tr("项目"), self.tr("当前数据库（恢复前）"), self.tr("备份文件（恢复后）")], self
        )
        self.compare_view = CopyableTableView()
        self.compare_view.setObjectName("compareTable")
        self.compare_view.setModel(self.compare_model)
        self.compare_view.setColumnWidth(0, 160)
        self.compare_view.setColumnWidth(1, 330)
        restore_layout.addWidget(self.compare_view, 2)
        bottom = QHBoxLayout()
        self.other_unit_check = QCheckBox(self.tr("我确认要用其他单位的备份覆盖本单位的数据库"))
        self.other_unit_check.setObjectName("otherUnitCheck")
        self.other_unit_check.setVisible(False)
        bottom.addWidget(self.other_unit_check)
        bottom.addStretch(1)
        self.restore_button = QPushButton(self.tr("恢复此备份…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.other_unit_check.toggled.connect(lambda _on: self._update_restore_button())
        bottom.addWidget(self.restore_button)
        restore_layout.addLayout(bottom)
        layout.addWidget(restore_box, 1)

        if not (can_backup and can_restore):
            role_note = QLabel(self.tr("只有站点管理员可以备份和恢复数据库。"))
            role_note.setObjectName("roleNote")
            layout.addWidget(role_note)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        layout.addWidget(buttons)
        fit_dialog(self, preferred=QSize(980, 680))

    # --- automatic backups

    def load_backups(self) -> Op:
        database = self.context.database

        def work() -> list[Any]:
            from msfood.services.backups.backup import list_backups

            return list_backups(database)

        return run_op(self, work).on_success(self._show_backups)

    def _show_backups(self, backups: list[Any]) -> None:
        self.backups = backups
        self.backups_model.set_rows([
            (local_text(b.made_at), QCoreApplication.translate("BackupRestoreDialog", str(REASONS[b.reason]))
             if b.reason in REASONS else b.reason,
             size_text(b.size), b.path.name)
            for b in backups
        ])  # fmt: skip
        self.from_list_button.setEnabled(bool(backups) and self.context.actor.can(RESTORE))

    # --- backing up

    def _on_backup_button_clicked(self) -> None:
        stamp = self.context.clock.now().astimezone(CHINA).strftime("%Y%m%d-%H%M")
        name = self.tr("{code}-备份-{stamp}.sqlite").format(code=self.context.unit.code, stamp=stamp)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("备份到文件"), start_path(self.context.settings, "backup", name),
            self.tr("食安包保数据库 (*.sqlite)"),
        )  # fmt: skip
        if chosen:
            remember_chosen(self.context.settings, "backup", chosen)
            out = Path(chosen)
            if out.suffix.lower() != ".sqlite":
                out = out.with_name(out.name + ".sqlite")
            self.backup_to(out)

    def backup_to(self, out: Path) -> Op:
        """Back the database up to `out` (replacing it: the file dialog has asked already)."""
        database, actor = self.context.database, self.context.actor

        def work() -> Any:
            from msfood.services.backups.backup import backup_database

            return backup_database(database, actor=actor, out=out, overwrite=True)

        self._busy(True)
        self.op = run_op(self, work, progress=self.tr("正在备份"))
        self.op.on_success(self._on_backed_up).on_failure(self._on_failed)
        return self.op

    def _on_backed_up(self, result: Any) -> None:
        self._busy(False)
        self.last_backup = result
        self.status_label.setText(
            self.tr("已备份到 {path}（{size}）。").format(path=result.path, size=size_text(result.size))
        )

    # --- restoring

    def _on_from_list_button_clicked(self) -> None:
        index = self.backups_view.currentIndex()
        if index.isValid() and index.row() < len(self.backups) and self.context.actor.can(RESTORE):
            self.check_file(self.backups[index.row()].path)

    def _on_from_file_button_clicked(self) -> None:
        # The automatic backups are listed above; a file is one the person keeps elsewhere.
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择备份文件"), start_folder(self.context.settings, "backup"),
            self.tr("食安包保数据库 (*.sqlite);;所有文件 (*)"),
        )  # fmt: skip
        if chosen:
            remember_chosen(self.context.settings, "backup", chosen)
            self.check_file(Path(chosen))

    def check_file(self, path: Path) -> Op:
        """Check `path` as a restore would and show the before/after (nothing is replaced yet)."""
        current = self.context.database.path
        assert current is not None
        self.preview = None
        self.compare_model.set_rows([])
        self._update_restore_button()
        self.preview_label.setText(self.tr("正在检查 {name}……").format(name=path.name))
        self._busy(True)
        self.op = run_op(self, lambda: preview_restore(current, path), progress=self.tr("正在检查备份"))
        self.op.on_success(self._on_checked).on_failure(self._on_check_failed)
        return self.op

    def _on_check_failed(self, exc: BaseException) -> None:
        from ui.errors import error_text

        self.preview_label.setText(self.tr("不能恢复这个文件：{reason}").format(reason=error_text(exc)))
        self._on_failed(exc)

    def _on_checked(self, preview: RestorePreview) -> None:
        self._busy(False)
        self.preview = preview
        before, after = preview.current, preview.backup
        rows: list[tuple[str, str, str]] = [
            (
                self.tr("单位"),
                self.tr("{name}（{code}）").format(name=before.unit_name, code=before.unit_code),
                self.tr("{name}（{code}）").format(name=after.unit_name, code=after.unit_code),
            ),
            (self.tr("数据最后修改"), local_text(before.last_change), local_text(after.last_change)),
            (self.tr("文件时间"), local_text(before.modified), local_text(after.modified)),
        ]
        tones: list[str | None] = ["bad" if preview.other_unit else None, None, None]
        from msfood.i18n import t

        lang = "en" if self._english() else None
        for table, count in before.counts:
            other = after.count(table)
            rows.append((t(f"sync.table.{table}", lang), str(count), str(other)))
            tones.append("changed" if other != count else None)
        rows.append((self.tr("账号"), str(before.users), str(after.users)))
        tones.append("changed" if before.users != after.users else None)
        self.compare_model.set_rows(rows, tones)
        self.other_unit_check.setChecked(False)
        self.other_unit_check.setVisible(preview.other_unit)
        text = self.tr(
            "{name} 检查通过：完整的食安包保数据库。"
            "恢复后，当前数据库将被替换为此备份（恢复前会自动备份当前数据库）。"
        ).format(name=preview.path.name)
        if preview.other_unit:
            text += self.tr("注意：这是另一个单位（{code}）的备份。").format(code=preview.info.unit_code)
        self.preview_label.setText(text)
        self._update_restore_button()

    def _update_restore_button(self) -> None:
        preview = self.preview
        self.restore_button.setEnabled(
            preview is not None and not self._running and self.context.actor.can(RESTORE)
            and (not preview.other_unit or self.other_unit_check.isChecked())
        )  # fmt: skip

    def _on_restore_button_clicked(self) -> None:
        preview = self.preview
        if preview is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("确认恢复"),
            self.tr(
                "用 {name}（数据最后修改于 {when}）替换当前数据库？\n"
                "包保主体 {b0} → {b1}，督导记录 {v0} → {v1}。\n"
                "恢复前会自动备份当前数据库；恢复后需要重新登录。"
            ).format(
                name=preview.path.name, when=local_text(preview.backup.last_change),
                b0=preview.current.count("businesses"), b1=preview.backup.count("businesses"),
                v0=preview.current.count("visits"), v1=preview.backup.count("visits"),
            ),
        )  # fmt: skip
        if answer in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok):
            self.restore()

    def restore(self) -> Op:
        """Replace the database with the previewed backup (after the confirmation)."""
        preview = self.preview
        assert preview is not None
        database, actor, clock = self.context.database, self.context.actor, self.context.clock
        allow = preview.other_unit and self.other_unit_check.isChecked()

        def work() -> Any:
            from msfood.services.backups.restore import restore_database

            return restore_database(database, preview.path, actor=actor, clock=clock, allow_other_unit=allow)

        self._busy(True)
        self.op = run_op(self, work, progress=self.tr("正在恢复"))
        self.op.on_success(self._on_restored).on_failure(self._on_failed)
        return self.op

    def _on_restored(self, result: Any) -> None:
        self._busy(False)
        self.restore_result = result
        safety = result.safety_backup or "—"
        QMessageBox.information(
            self,
            self.tr("恢复完成"),
            self.tr(
                "已从 {name} 恢复数据库。\n恢复前的数据库已自动备份：{safety}\n"
                "现在重新打开数据库，请重新登录。"
            ).format(name=result.restored.path.name, safety=safety),
        )
        self.accept()
        self.restored.emit(self.context.database.path)

    # --- common

    def _busy(self, busy: bool) -> None:
        self._running = busy
        if not busy:
            self.op = None
        self.backup_button.setEnabled(not busy and self.context.actor.can(BACKUP))
        self.from_file_button.setEnabled(not busy and self.context.actor.can(RESTORE))
        self.from_list_button.setEnabled(not busy and bool(self.backups) and self.context.actor.can(RESTORE))
        self._update_restore_button()

    def _on_failed(self, exc: BaseException) -> None:
        from msfood.core.errors import Cancelled
        from ui.errors import error_text, show_error

        self._busy(False)
        if isinstance(exc, Cancelled):
            self.status_label.setText(self.tr("已取消。"))
            return
        self.status_label.setText(error_text(exc))
        show_error(self, exc)

    @staticmethod
    def _english() -> bool:
        from ui.i18n import is_english

        return is_english()
