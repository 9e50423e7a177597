"""历史记录: every change of one record (right-click → 历史记录 on a list page), as who, when, what was
done and each changed field's value before → after, in Chinese field names
(msfood.services.history.view, the entries `msfood audit history` prints). Needs READ."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.dialogs.common import CopyableTableView, TextTableModel, local_text
from ui.screen_fit import fit_dialog
from ui.workers import Op, run_op


class HistoryDialog(QDialog):
    def __init__(
        self, context: AppContext, record_id: str, *, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.record_id = record_id
        self.entries: list[Any] | None = None
        self.setObjectName("historyDialog")
        self.setWindowTitle(
            self.tr("历史记录 — {title}").format(title=title) if title else self.tr("历史记录")
        )
        layout = QVBoxLayout(self)
        self.caption = QLabel(self.tr("正在读取历史记录……"))
        self.caption.setObjectName("historyCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.model = TextTableModel(
            [
                self.tr("时间"),
                self.tr("操作人"),
                self.tr("操作"),
                self.tr("字段"),
                self.tr("修改前"),
                self.tr("修改后"),
            ],
            self,
        )
        self.table = CopyableTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        for column, width in enumerate((130, 90, 90, 130, 200)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        copy = QPushButton(self.tr("复制所选（Ctrl+C）"))
        copy.setObjectName("copyButton")
        copy.clicked.connect(self.table.copy_selection)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        fit_dialog(self, preferred=QSize(900, 520))
        self.op = self.load()

    def load(self) -> Op:
        from ui.i18n import is_english

        reader, record_id, actor = self.context.database.readers, self.record_id, self.context.actor
        lang = "en" if is_english() else None

        def work() -> list[Any]:
            from msfood.services.history.view import record_history_view

            with reader() as session:
                return record_history_view(session, record_id, actor=actor, lang=lang)

        return run_op(self, work).on_success(self._show).on_failure(self._on_failed)

    def _show(self, entries: list[Any]) -> None:
        self.entries = entries
        rows: list[tuple[str, ...]] = []
        tones: list[str | None] = []
        for entry in entries:
            tone = {"create": "changed", "delete": "bad"}.get(entry.action)
            head = (local_text(entry.when), entry.who, entry.action_label)
            if not entry.changes:
                rows.append((*head, "", "", ""))
                tones.append(tone)
            for index, change in enumerate(entry.changes):
                rows.append(
                    (*(head if index == 0 else ("", "", "")), change.label, change.before, change.after)
                )
                tones.append(tone)
        self.model.set_rows(rows, tones)
        if entries:
            self.caption.setText(
                self.tr("共 {n} 次操作，最早 {first}，最近 {last}（{table}）。").format(
                    n=len(entries), first=local_text(entries[0].when), last=local_text(entries[-1].when),
                    table=entries[-1].table_label,
                )
            )  # fmt: skip
        else:
            self.caption.setText(self.tr("这条记录没有历史记录。"))

    def _on_failed(self, exc: BaseException) -> None:
        from ui.errors import error_text

        self.entries = []
        self.caption.setText(error_text(exc))
