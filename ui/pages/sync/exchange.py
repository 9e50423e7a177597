"""数据同步 › 收发同步包: export a bundle to a folder or drive, import bundles and read the receipt."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msfood.services.writing.permissions import SYNC
from ui.context import AppContext
from ui.dialogs.common import start_folder
from ui.pages.sync.common import SyncState, kind_label, refusal_tip
from ui.pages.sync.models import RowsModel
from ui.pages.sync.receipt import RECEIPT_COLUMNS, changed_tables, gap_lines, receipt_tone
from ui.theme import gaps_style, keep_style, muted_text_style, panel_style
from ui.workers import Op, run_op


class ExchangeTab(QWidget):
    reload_requested = Signal()
    conflicts_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state: SyncState | None = None
        self.exported: Any = None  # ExportResult
        self.report: Any = None  # ImportReport
        may_sync = context.actor.can(SYNC)
        layout = QHBoxLayout(self)
        layout.addWidget(self._build_export(), 2)
        layout.addWidget(self._build_import(), 3)
        for button in (self.export_button, self.import_button):
            button.setEnabled(may_sync)
            if not may_sync:
                button.setToolTip(refusal_tip(context.actor, SYNC))

    # --- building

    def _build_export(self) -> QGroupBox:
        box = QGroupBox(self.tr("导出同步包（发给对方）"))
        layout = QVBoxLayout(box)
        form = QFormLayout()
        self.receiver_combo = QComboBox()
        self.receiver_combo.setObjectName("syncReceiver")
        self.receiver_combo.currentIndexChanged.connect(self._on_receiver_combo_changed)
        form.addRow(self.tr("发给"), self.receiver_combo)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(start_folder(self.context.settings, "sync"))
        self.folder_edit.setObjectName("syncFolder")
        self.folder_edit.setToolTip(self.tr("同步包写入的文件夹，可以是U盘"))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._on_browse_clicked)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("保存到"), folder_row)
        layout.addLayout(form)
        self.full_check = QCheckBox(self.tr("完整导出（连同对方已确认收到的数据）"))
        self.full_check.setObjectName("syncFull")
        self.full_check.setToolTip(self.tr("对方数据库重建或丢失数据时使用；平时只发送对方还没有的数据"))
        layout.addWidget(self.full_check)
        self.receiver_note = QLabel()
        self.receiver_note.setObjectName("syncReceiverNote")
        self.receiver_note.setWordWrap(True)
        keep_style(self.receiver_note, muted_text_style)
        layout.addWidget(self.receiver_note)
        self.export_button = QPushButton(self.tr("导出同步包"))
        self.export_button.setObjectName("exportBundle")
        self.export_button.clicked.connect(self._on_export_clicked)
        layout.addWidget(self.export_button)
        self.export_label = QLabel()
        self.export_label.setObjectName("exportResult")
        self.export_label.setWordWrap(True)
        self.export_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.export_label)
        self.open_folder_button = QPushButton(self.tr("打开所在文件夹"))
        self.open_folder_button.setObjectName("openBundleFolder")
        self.open_folder_button.clicked.connect(self._on_open_folder_clicked)
        self.open_folder_button.hide()
        layout.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        steps = QLabel(
            self.tr(
                "<b>如何同步</b><ol style='margin-left: -20px'>"
                "<li>第一次：在“信任的单位”中导出本单位登记文件交给对方，导入对方的登记文件，"
                "并互相电话核对密钥指纹。</li>"
                "<li>每次：导出同步包（可直接保存到U盘），交给对方导入；对方发来的同步包在右侧导入。</li>"
                "<li>同步包丢失不要紧：对方没有确认收到的数据会随下一个同步包再次发送。</li></ol>"
            )
        )
        steps.setObjectName("syncSteps")
        steps.setWordWrap(True)
        keep_style(steps, lambda: panel_style(" padding: 8px; border-radius: 4px;"))
        layout.addWidget(steps)
        return box

    def _build_import(self) -> QGroupBox:
        box = QGroupBox(self.tr("导入同步包（对方发来的）"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("导入同步包…"))
        self.import_button.setObjectName("importBundles")
        self.import_button.clicked.connect(self._on_import_clicked)
        hint = QLabel(self.tr("可一次选择多个文件；导入前会自动备份数据库，任何一个包校验不通过都不会写入。"))
        hint.setWordWrap(True)
        keep_style(hint, muted_text_style)
        row.addWidget(self.import_button)
        row.addWidget(hint, 1)
        layout.addLayout(row)
        self.receipt_label = QLabel(self.tr("尚未导入同步包。"))
        self.receipt_label.setObjectName("receiptSummary")
        self.receipt_label.setWordWrap(True)
        layout.addWidget(self.receipt_label)
        self.receipt_model = RowsModel(RECEIPT_COLUMNS, tone=receipt_tone, parent=self)
        self.receipt_table = QTableView()
        self.receipt_table.setObjectName("receiptTable")
        self.receipt_table.setModel(self.receipt_model)
        self.receipt_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.receipt_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.receipt_table.setWordWrap(True)
        self.receipt_table.verticalHeader().setVisible(False)
        header = self.receipt_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(RECEIPT_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.receipt_table, 1)
        self.gaps_label = QLabel()
        self.gaps_label.setObjectName("receiptGaps")
        self.gaps_label.setWordWrap(True)
        keep_style(self.gaps_label, gaps_style)
        self.gaps_label.hide()
        layout.addWidget(self.gaps_label)
        conflicts_row = QHBoxLayout()
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("receiptConflicts")
        self.conflicts_button = QPushButton(self.tr("查看冲突"))
        self.conflicts_button.clicked.connect(self.conflicts_requested.emit)
        conflicts_row.addWidget(self.conflicts_label, 1)
        conflicts_row.addWidget(self.conflicts_button)
        self.conflicts_label.hide()
        self.conflicts_button.hide()
        layout.addLayout(conflicts_row)
        return box

    # --- state

    def apply_state(self, state: SyncState) -> None:
        self.state = state
        current = self.receiver_combo.currentData()
        self.receiver_combo.blockSignals(True)
        self.receiver_combo.clear()
        active = state.active_peers()
        for peer in active:
            self.receiver_combo.addItem(
                self.tr("{name}（{code}，{kind}）").format(
                    name=peer.name, code=peer.code, kind=kind_label(peer.kind)
                ),
                peer.code,
            )
        if not active:
            self.receiver_combo.addItem(self.tr("未指定接收单位（完整导出，不加密）"), None)
        self.receiver_combo.setCurrentIndex(max(0, self.receiver_combo.findData(current)))
        self.receiver_combo.blockSignals(False)
        self._on_receiver_combo_changed()
        if self.report is not None:
            self._show_conflicts_note(state.open_conflicts)

    def _on_receiver_combo_changed(self, *_args: object) -> None:
        code = self.receiver_combo.currentData()
        peer = next((p for p in self.state.peers if p.code == code), None) if self.state else None
        if peer is None:
            self.receiver_note.setText(
                self.tr("尚未信任任何单位：导出的同步包不加密，任何信任本单位的单位都可导入。")
                if self.state is not None
                else ""
            )
            self.full_check.setChecked(True)
            self.full_check.setEnabled(False)
            return
        self.full_check.setEnabled(True)
        if peer.last_bundle_sent:
            text = self.tr("上次发给该单位的是第 {n} 号同步包；本次只发送对方尚未确认收到的数据。").format(
                n=peer.last_bundle_sent
            )
        else:
            text = self.tr("还没有向该单位发送过同步包；本次将发送其范围内的全部数据。")
        self.receiver_note.setText(text + self.tr("同步包会加密，只有该单位能打开。"))

    # --- export

    def _on_browse_clicked(self) -> None:
        title = self.tr("选择保存同步包的文件夹或U盘")
        typed = self.folder_edit.text().strip()
        start = typed if typed and Path(typed).is_dir() else start_folder(self.context.settings, "sync")
        chosen = QFileDialog.getExistingDirectory(self, title, start)
        if chosen:
            self.folder_edit.setText(chosen)

    def _on_export_clicked(self) -> None:
        self.export_to(Path(self.folder_edit.text().strip()))

    def export_to(self, folder: Path) -> Op | None:
        """Write a bundle for the chosen receiver into `folder` (named by sender, receiver and number)."""
        if not str(folder) or not folder.is_dir():
            QMessageBox.warning(
                self,
                self.tr("无法导出"),
                self.tr("文件夹不存在：{path}。请选择一个已有的文件夹或U盘。").format(path=folder),
            )
            return None
        from msfood.sync import export_bundle

        self.context.settings.sync_folder = str(folder)
        to, full = self.receiver_combo.currentData(), self.full_check.isChecked()
        context = self.context
        self.export_button.setEnabled(False)
        op = run_op(
            self,
            lambda: export_bundle(
                context.database, actor=context.actor, out=folder, clock=context.clock, to=to, full=full
            ),
            progress=self.tr("正在导出同步包"),
        )
        op.on_success(self._on_exported).on_failure(self._on_export_failed)
        return op

    def _on_export_failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        self.export_button.setEnabled(True)
        show_error(self, exc)

    def _on_exported(self, result: Any) -> None:
        self.export_button.setEnabled(True)
        self.exported = result
        receiver = result.receiver or self.tr("任何信任本单位的单位")
        text = self.tr("已导出：{path}\n发往 {receiver}，第 {n} 号，{rows} 条记录").format(
            path=result.path, receiver=receiver, n=result.sequence, rows=result.rows
        )
        if result.sealed:
            text += self.tr("，已加密")
        self.export_label.setText(text + self.tr("。请把此文件交给对方导入。"))
        self.open_folder_button.show()
        self.context.signals.bundle_changed.emit()
        self.reload_requested.emit()

    def _on_open_folder_clicked(self) -> None:
        if self.exported is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.exported.path).parent)))

    # --- import

    def _on_import_clicked(self) -> None:
        typed = self.folder_edit.text().strip()
        start = typed if typed and Path(typed).is_dir() else start_folder(self.context.settings, "sync")
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("选择要导入的同步包"), start, self.tr("同步包 (*.msfb);;所有文件 (*)")
        )
        if not files:
            return
        answer = QMessageBox.question(
            self,
            self.tr("导入同步包"),
            self.tr("导入选中的 {n} 个同步包？导入前会自动备份数据库。").format(n=len(files)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.import_files([Path(f) for f in files])

    def import_files(self, paths: list[Path]) -> Op:
        from msfood.sync import import_bundles

        if paths:
            self.context.settings.sync_folder = str(paths[0].parent)
        context = self.context
        self.import_button.setEnabled(False)
        op = run_op(
            self,
            lambda: import_bundles(context.database, actor=context.actor, paths=paths, clock=context.clock),
            progress=self.tr("正在导入同步包"),
        )
        op.on_success(self._on_imported).on_failure(self._on_import_failed)
        return op

    def _on_import_failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        self.import_button.setEnabled(True)
        show_error(self, exc)

    def _on_imported(self, report: Any) -> None:
        self.import_button.setEnabled(True)
        self.report = report
        self.receipt_model.set_rows(report.bundles)
        self.receipt_table.resizeRowsToContents()
        counts = {b.status: 0 for b in report.bundles}
        for outcome in report.bundles:
            counts[outcome.status] += 1
        self.receipt_label.setText(
            self.tr(
                "共 {files} 个文件：导入 {imported} 个，跳过 {already} 个，未导入 {refused} 个。"
                "新增 {new} 条，更新 {updated} 条，未变 {unchanged} 条，冲突 {conflicts} 处。"
            ).format(
                files=len(report.bundles),
                imported=counts.get("imported", 0),
                already=counts.get("already", 0),
                refused=counts.get("refused", 0),
                new=report.total("new"),
                updated=report.total("updated"),
                unchanged=report.total("unchanged"),
                conflicts=report.total("conflicts") + report.total("set_aside"),
            )
        )
        names = {p.code: p.name for p in self.state.peers} if self.state else {}
        gaps = gap_lines(report, names)
        self.gaps_label.setText("\n".join(gaps))
        self.gaps_label.setVisible(bool(gaps))
        tables = changed_tables(report)
        if tables:
            self.context.changed(tables)
        self.context.signals.bundle_changed.emit()
        self.reload_requested.emit()

    def _show_conflicts_note(self, waiting: int) -> None:
        self.conflicts_label.setText(self.tr("有 {n} 处冲突等待处理。").format(n=waiting))
        self.conflicts_label.setVisible(bool(waiting))
        self.conflicts_button.setVisible(bool(waiting))
