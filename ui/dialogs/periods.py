"""管理 → 关闭期间: the closed periods, closing one (station admins, CLOSE_PERIOD) after a confirmation,
and reopening one with a reason (bureau admins, REOPEN_PERIOD), as `msfood period close|reopen|list`.

A closed period freezes the records dated in it (msfood.services.writing.guards refuses later edits). The
reopening's reason is written to the period's history in the same transaction as the reopening.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msfood.core.errors import MsfoodError
from msfood.domain.periods import Period, parse_period, period_of
from msfood.services.writing.permissions import CLOSE_PERIOD, REOPEN_PERIOD
from ui.context import AppContext
from ui.dialogs.common import CopyableTableView, TextTableModel
from ui.screen_fit import fit_dialog
from ui.workers import Op, run_op


def recent_periods(today: Any) -> list[Period]:
    """Ended periods people close most: the last four quarters, the last three months, the last half
    year and the last year, newest first within each kind."""
    found: list[Period] = []
    quarter = period_of("quarter", today).previous()
    for _ in range(4):
        found.append(quarter)
        quarter = quarter.previous()
    month = period_of("month", today).previous()
    for _ in range(3):
        found.append(month)
        month = month.previous()
    found.append(period_of("half", today).previous())
    found.append(period_of("year", today).previous())
    return found


class PeriodsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("periodsDialog")
        self.setWindowTitle(self.tr("关闭与重新开放期间"))
        self.periods: list[Any] = []
        self.op: Op | None = None
        self._build()
        self.load()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "期间数据上报后应关闭该期间：关闭后，日期在该期间内的督导、自查、抽检和快检记录不能再新增、修改或删除，"
                "统计数字保持不变。只有市局管理员可以重新开放已关闭的期间，并须说明原因。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        close_box = QGroupBox(self.tr("关闭期间"))
        row = QHBoxLayout(close_box)
        row.addWidget(QLabel(self.tr("期间")))
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setEditable(True)
        self.period_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.period_combo.setMinimumContentsLength(16)
        for period in recent_periods(self.context.clock.today()):
            self.period_combo.addItem(
                self.tr("{key}（{start} 至 {end}）").format(
                    key=period.key, start=period.start.isoformat(), end=period.end.isoformat()
                ),
                period.key,
            )
        line = self.period_combo.lineEdit()
        assert isinstance(line, QLineEdit)
        line.setPlaceholderText(self.tr("如 2026Q3、2026-09、2026H1、2026"))
        row.addWidget(self.period_combo, 1)
        self.close_button = QPushButton(self.tr("关闭此期间…"))
        self.close_button.setObjectName("closePeriodButton")
        self.close_button.setEnabled(self.context.actor.can(CLOSE_PERIOD))
        self.close_button.clicked.connect(self._on_close_button_clicked)
        row.addWidget(self.close_button)
        layout.addWidget(close_box)

        layout.addWidget(QLabel(self.tr("已关闭和重新开放过的期间：")))
        self.model = TextTableModel(
            [self.tr("期间"), self.tr("开始"), self.tr("结束"), self.tr("状态"), self.tr("关闭人")], self
        )
        self.table = CopyableTableView()
        self.table.setObjectName("periodsTable")
        self.table.setSelectionMode(CopyableTableView.SelectionMode.SingleSelection)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.reopen_button = QPushButton(self.tr("重新开放…"))
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)
        if not self.context.actor.can(REOPEN_PERIOD):
            self.reopen_button.setToolTip(self.tr("只有市局管理员可以重新开放期间"))
        bottom.addWidget(self.reopen_button)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        bottom.addWidget(self.status_label, 1)
        layout.addLayout(bottom)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭窗口"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_dialog(self, preferred=QSize(820, 560))
        self._update_buttons()

    # --- the list

    def load(self) -> Op:
        reader = self.context.database.readers

        def work() -> list[Any]:
            from msfood.services.periods.closing import list_closed_periods

            with reader() as session:
                return list_closed_periods(session, include_reopened=True)

        return run_op(self, work).on_success(self._show)

    def _show(self, periods: list[Any]) -> None:
        self.periods = periods
        closed, reopened = self.tr("已关闭"), self.tr("已重新开放")
        rows = [
            (p.period_key, p.start_date.isoformat(), p.end_date.isoformat(), closed if p.closed else reopened,
             p.closed_by)
            for p in periods
        ]  # fmt: skip
        self.model.set_rows(rows, ["warn" if p.closed else None for p in periods])
        self._update_buttons()

    def selected(self) -> Any:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if not rows or not index.isValid() or index.row() >= len(self.periods):
            return None
        return self.periods[index.row()]

    def select_period(self, key: str) -> bool:
        for row, period in enumerate(self.periods):
            if period.period_key == key:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.reopen_button.setEnabled(
            self.op is None and chosen is not None and chosen.closed and self.context.actor.can(REOPEN_PERIOD)
        )
        self.close_button.setEnabled(self.op is None and self.context.actor.can(CLOSE_PERIOD))

    # --- closing

    def chosen_period(self) -> Period | None:
        index = self.period_combo.currentIndex()
        text = self.period_combo.currentText().strip()
        key = (
            self.period_combo.itemData(index)
            if index >= 0 and self.period_combo.itemText(index) == text
            else text
        )
        try:
            return parse_period(str(key))
        except MsfoodError:  # a typo: said in the status line
            self.status_label.setText(
                self.tr("“{text}”不是有效的期间，例如 2026Q3、2026-09、2026H1、2026。").format(text=text)
            )
            return None

    def _on_close_button_clicked(self) -> None:
        period = self.chosen_period()
        if period is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("确认关闭期间"),
            self.tr(
                "关闭 {key}（{start} 至 {end}）？\n关闭后，日期在此期间内的记录不能再新增、修改或删除；"
                "只有市局管理员可以重新开放。"
            ).format(key=period.key, start=period.start.isoformat(), end=period.end.isoformat()),
        )
        if answer in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok):
            self.close_period(period)

    def close_period(self, period: Period) -> Op:
        context = self.context

        def work() -> Any:
            from msfood.services.periods.closing import close_period
            from msfood.services.writing.transaction import unit_of_work

            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                return close_period(uow, period=period)

        return self._write(work, self.tr("已关闭期间 {key}。"))

    # --- reopening

    def _on_reopen_button_clicked(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.closed:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("重新开放期间"),
            self.tr("重新开放 {key} 的原因（将记入历史记录）：").format(key=chosen.period_key),
        )  # fmt: skip
        if not ok:
            return
        if not reason.strip():
            self.status_label.setText(self.tr("请填写重新开放的原因。"))
            return
        self.reopen_period(chosen.period_key, reason.strip())

    def reopen_period(self, key: str, reason: str) -> Op:
        context = self.context

        def work() -> Any:
            from msfood.core.ids import natural_id
            from msfood.services.periods.closing import reopen_period
            from msfood.services.writing.transaction import unit_of_work

            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                info = reopen_period(uow, period=key)
                uow.audit_event(
                    "reopen_reason", "closed_periods", natural_id("closed_period", info.period_key),
                    after=json.dumps({"period_key": info.period_key, "reason": reason}, ensure_ascii=False),
                )  # fmt: skip
                return info

        return self._write(work, self.tr("已重新开放期间 {key}。"))

    # --- common

    def _write(self, work: Any, done: str) -> Op:
        self.op = run_op(self, work)
        self.op.on_success(lambda info: self._on_written(info, done)).on_failure(self._on_failed)
        self._update_buttons()
        return self.op

    def _on_written(self, info: Any, done: str) -> None:
        self.op = None
        self.status_label.setText(done.format(key=info.period_key))
        self.context.changed({"closed_periods"})
        self.load()

    def _on_failed(self, exc: BaseException) -> None:
        from ui.errors import error_text, show_error

        self.op = None
        self._update_buttons()
        self.status_label.setText(error_text(exc))
        show_error(self, exc)
