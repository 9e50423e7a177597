"""督导任务单, 督导提醒, 通报 and 整改通知书 as PDF, from the visits page, the dashboard and the 管理 menu:
the same services as `msfood report --kind tasks | reminders | bulletin` and `msfood notice`
(msfood.reports.write_tasks / write_reminders / write_bulletin / write_notice), written off the UI thread
to a file the person picks (by default in their Documents folder). Needs READ."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msfood.domain.periods import Period, period_of
from ui.context import AppContext
from ui.dialogs.common import start_path
from ui.pages.lists.filters import PeriodFilter
from ui.screen_fit import fit_dialog
from ui.workers import Op, run_op


def _lang() -> str | None:
    from ui.i18n import is_english

    return "en" if is_english() else None


def _safe(text: str) -> str:
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in text).strip() or "-"


class PapersDialog(QDialog):
    """The period's 督导任务单 (every cadre, or one by phone), and a selected visit's 整改通知书."""

    def __init__(
        self,
        context: AppContext,
        *,
        period: Period | None = None,
        visit: Any = None,  # a VisitRow of the visits list, or None
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.visit = visit
        self.written: Path | None = None
        self.op: Op | None = None
        self.setObjectName("papersDialog")
        self.setWindowTitle(self.tr("督导任务单与整改通知书"))
        layout = QVBoxLayout(self)

        tasks = QGroupBox(self.tr("督导任务单"))
        form = QFormLayout(tasks)
        tasks_note = QLabel(self.tr("每名包保干部在所选期间应完成的督导任务，每人一页，可打印后下发。"))
        tasks_note.setWordWrap(True)
        form.addRow(tasks_note)
        today = context.clock.today()
        self.period_filter = PeriodFilter(today, default=(period or period_of("quarter", today)).key)
        self.period_filter.setObjectName("periodFilter")
        form.addRow(self.tr("期间"), self.period_filter)
        self.cadre_edit = QLineEdit()
        self.cadre_edit.setObjectName("cadreEdit")
        self.cadre_edit.setPlaceholderText(self.tr("留空为全部干部；或填一名干部的手机号"))
        form.addRow(self.tr("干部手机号"), self.cadre_edit)
        self.tasks_button = QPushButton(self.tr("生成督导任务单 PDF…"))
        self.tasks_button.setObjectName("tasksButton")
        self.tasks_button.clicked.connect(self._on_tasks_button_clicked)
        button_row = QHBoxLayout()
        button_row.addWidget(self.tasks_button)
        button_row.addStretch(1)
        form.addRow("", button_row)
        layout.addWidget(tasks)
        layout.addWidget(self._reminders_box())

        notice = QGroupBox(self.tr("整改通知书"))
        notice_layout = QHBoxLayout(notice)
        if visit is not None:
            text = self.tr(
                "{date} 包保干部{cadre}督导{business}：发现问题 {n} 个，未销号 {open} 个。"
            ).format(
                date=visit.visit_date.isoformat(), cadre=visit.cadre_name, business=visit.business_name,
                n=visit.problems, open=visit.open_problems,
            )  # fmt: skip
        else:
            text = self.tr("在“督导记录”列表中选中一条发现问题的督导记录，再点“整改通知书”。")
        self.visit_label = QLabel(text)
        self.visit_label.setObjectName("visitLabel")
        self.visit_label.setWordWrap(True)
        notice_layout.addWidget(self.visit_label, 1)
        self.notice_button = QPushButton(self.tr("生成整改通知书 PDF…"))
        self.notice_button.setObjectName("noticeButton")
        self.notice_button.clicked.connect(self._on_notice_button_clicked)
        notice_layout.addWidget(self.notice_button)
        layout.addWidget(notice)

        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(
            self.reject
        )
        layout.addWidget(buttons)
        fit_dialog(self, preferred=QSize(720, 560))
        self._update_buttons()

    def _reminders_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("督导提醒与通报"))
        form = QFormLayout(box)
        note = QLabel(self.tr(
            "督导提醒：每名干部（或每个乡镇）尚未完成的督导任务，含主体地址和电话；已全部完成的干部不列入。"
            "通报：本期督导进度、各乡镇排名、落后乡镇和干部。期间和干部手机号同上。"
        ))  # fmt: skip
        note.setWordWrap(True)
        form.addRow(note)
        self.grouping_combo = QComboBox()
        self.grouping_combo.setObjectName("groupingCombo")
        self.grouping_combo.addItem(self.tr("每名干部一页"), "cadre")
        self.grouping_combo.addItem(self.tr("每个乡镇一组"), "township")
        form.addRow(self.tr("提醒分组"), self.grouping_combo)
        self.reminders_button = QPushButton(self.tr("生成督导提醒 PDF…"))
        self.reminders_button.setObjectName("remindersButton")
        self.reminders_button.clicked.connect(self._on_reminders_button_clicked)
        self.bulletin_button = QPushButton(self.tr("生成通报 PDF…"))
        self.bulletin_button.setObjectName("bulletinButton")
        self.bulletin_button.clicked.connect(self._on_bulletin_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.reminders_button)
        row.addWidget(self.bulletin_button)
        row.addStretch(1)
        form.addRow("", row)
        return box

    def _update_buttons(self) -> None:
        idle = self.op is None
        self.reminders_button.setEnabled(idle)
        self.bulletin_button.setEnabled(idle)
        self.tasks_button.setEnabled(idle)
        self.notice_button.setEnabled(idle and self.visit is not None and self.visit.problems > 0)
        if self.visit is not None and self.visit.problems == 0:
            self.notice_button.setToolTip(self.tr("这次督导没有发现问题，无需整改通知书"))

    # --- 督导任务单

    def _period(self) -> str:
        return self.period_filter.value() or period_of("quarter", self.context.clock.today()).key

    def _on_tasks_button_clicked(self) -> None:
        name = self.tr("督导任务单-{period}.pdf").format(period=self._period())
        out = self._ask(name)
        if out is not None:
            self.write_tasks(out)

    def write_tasks(self, out: Path) -> Op:
        context, period = self.context, self._period()
        phone = self.cadre_edit.text().strip() or None
        lang = _lang()

        def work() -> Any:
            from msfood.reports import write_tasks
            from msfood.services.queries import lists as queries

            with queries.read_sessions(context.database)() as session:
                return (yield from write_tasks(
                    session, actor=context.actor, period=period, out=out, cadre_phone=phone,
                    clock=context.clock, lang=lang,
                ))  # fmt: skip

        return self._run(work, self.tr("正在生成督导任务单"))

    # --- 督导提醒 and 通报

    def _on_reminders_button_clicked(self) -> None:
        out = self._ask(self.tr("督导提醒-{period}.pdf").format(period=self._period()))
        if out is not None:
            self.write_reminders(out)

    def write_reminders(self, out: Path) -> Op:
        context, period, lang = self.context, self._period(), _lang()
        phone = self.cadre_edit.text().strip() or None
        by = self.grouping_combo.currentData()

        def work() -> Any:
            from msfood.reports import write_reminders
            from msfood.services.queries import lists as queries

            with queries.read_sessions(context.database)() as session:
                return (yield from write_reminders(
                    session, actor=context.actor, period=period, out=out, by=by, cadre_phone=phone,
                    clock=context.clock, lang=lang,
                ))  # fmt: skip

        return self._run(work, self.tr("正在生成督导提醒"))

    def _on_bulletin_button_clicked(self) -> None:
        out = self._ask(self.tr("督导通报-{period}.pdf").format(period=self._period()))
        if out is not None:
            self.write_bulletin(out)

    def write_bulletin(self, out: Path) -> Op:
        context, period, lang = self.context, self._period(), _lang()

        def work() -> Any:
            from msfood.reports import write_bulletin
            from msfood.services.queries import lists as queries

            with queries.read_sessions(context.database)() as session:
                return (yield from write_bulletin(
                    session, actor=context.actor, period=period, out=out, clock=context.clock, lang=lang
                ))  # fmt: skip

        return self._run(work, self.tr("正在生成通报"))

    # --- 整改通知书

    def _on_notice_button_clicked(self) -> None:
        if self.visit is None:
            return
        name = self.tr("整改通知书-{business}-{date}.pdf").format(
            business=_safe(self.visit.business_name), date=self.visit.visit_date.isoformat()
        )
        out = self._ask(name)
        if out is not None:
            self.write_notice(out)

    def write_notice(self, out: Path) -> Op:
        assert self.visit is not None
        context, visit_id, lang = self.context, self.visit.id, _lang()

        def work() -> Any:
            from msfood.reports import write_notice
            from msfood.services.queries import lists as queries

            with queries.read_sessions(context.database)() as session:
                return (yield from write_notice(
                    session, actor=context.actor, visit_id=visit_id, out=out, clock=context.clock, lang=lang
                ))  # fmt: skip

        return self._run(work, self.tr("正在生成整改通知书"))

    # --- common

    def _ask(self, name: str) -> Path | None:
        start = start_path(self.context.settings, "reports", name)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("保存 PDF"), start, self.tr("PDF 文件 (*.pdf)")
        )
        if not chosen:
            return None
        out = Path(chosen)
        return out if out.suffix.lower() == ".pdf" else out.with_name(out.name + ".pdf")

    def _run(self, work: Any, title: str) -> Op:
        self.status_label.setText(title + "……")
        self.op = run_op(self, work, progress=title)
        self.op.on_success(self._on_written).on_failure(self._on_failed)
        self._update_buttons()
        return self.op

    def _on_written(self, path: Path) -> None:
        self.op = None
        self.written = Path(path)
        self.context.settings.reports_folder = str(self.written.parent)
        self.status_label.setText(self.tr("已保存：{path}").format(path=path))
        self._update_buttons()

    def _on_failed(self, exc: BaseException) -> None:
        from msfood.core.errors import Cancelled
        from ui.errors import error_text, show_error

        self.op = None
        self._update_buttons()
        if isinstance(exc, Cancelled):
            self.status_label.setText(self.tr("已取消。"))
            return
        self.status_label.setText(error_text(exc))
        show_error(self, exc)
