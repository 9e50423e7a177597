"""督导排期 (issue 14 item 6): plan the period's open visits, edit the plan, print it per cadre, export
a calendar. The same services as `msfood schedule` (msfood.planning); every read and write runs off
the UI thread (ui.workers.run_op). Needs READ to look, EDIT_RECORDS to plan and edit.

One dialog, one idea, a little over 400 lines: its choices, the table (ui.models.schedule_table) and
the file outputs all act on the same loaded schedule; splitting them would only pass it around."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msfood.domain.periods import period_of
from msfood.services.writing.permissions import EDIT_RECORDS
from ui.context import AppContext
from ui.dialogs.common import documents_folder
from ui.models.schedule_table import DATE, ENTRY_ROLE, DateDelegate, ScheduleTableModel
from ui.pages.lists.filters import PeriodFilter
from ui.workers import Op, run_op


def _lang() -> str | None:
    from ui.i18n import is_english

    return "en" if is_english() else None


class ScheduleDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.schedule: Any = None  # msfood.planning.schedule.Schedule, as last loaded
        self.op: Op | None = None
        self.written: Path | None = None
        self._defaults_shown = False
        self.may_edit = context.actor.can(EDIT_RECORDS)
        self.setObjectName("scheduleDialog")
        self.setWindowTitle(self.tr("督导排期"))
        layout = QVBoxLayout(self)

        today = context.clock.today()
        choices = QGridLayout()
        self.period_filter = PeriodFilter(today, default=period_of("quarter", today).key)
        self.period_filter.setObjectName("periodFilter")
        self.as_of_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.as_of_edit.setObjectName("asOfEdit")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.region_edit = QLineEdit()
        self.region_edit.setObjectName("regionEdit")
        self.region_edit.setPlaceholderText(self.tr("留空为全部；或填区划代码"))
        self.margin_spin = QSpinBox()
        self.margin_spin.setObjectName("marginSpin")
        self.margin_spin.setRange(0, 60)
        self.margin_spin.setValue(5)
        self.margin_spin.setSuffix(self.tr(" 个工作日"))
        self.per_day_spin = QSpinBox()
        self.per_day_spin.setObjectName("perDaySpin")
        self.per_day_spin.setRange(1, 50)
        self.per_day_spin.setValue(6)
        self.per_day_spin.setSuffix(self.tr(" 户"))
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("期间"), self.period_filter)
        left.addRow(self.tr("截至日期"), self.as_of_edit)
        left.addRow(self.tr("区划"), self.region_edit)
        right.addRow(self.tr("提前完成"), self.margin_spin)
        right.addRow(self.tr("每人每天最多"), self.per_day_spin)
        choices.addLayout(left, 0, 0)
        choices.addLayout(right, 0, 1)
        layout.addLayout(choices)

        actions = QHBoxLayout()
        self.generate_button = QPushButton(self.tr("生成排期"))
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setToolTip(self.tr("为未完成的督导排出日期；已手工调整的排期保留不变"))
        self.generate_button.clicked.connect(self._on_generate_button_clicked)
        actions.addWidget(self.generate_button)
        actions.addSpacing(16)
        actions.addWidget(QLabel(self.tr("干部")))
        self.cadre_combo = QComboBox()
        self.cadre_combo.setObjectName("cadreCombo")
        self.cadre_combo.setMinimumWidth(220)
        self.cadre_combo.currentIndexChanged.connect(self._on_cadre_combo_changed)
        actions.addWidget(self.cadre_combo)
        actions.addStretch(1)
        self.remove_button = QPushButton(self.tr("删除所选"))
        self.remove_button.setObjectName("removeButton")
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        actions.addWidget(self.remove_button)
        self.pdf_button = QPushButton(self.tr("打印（PDF）…"))
        self.pdf_button.setObjectName("pdfButton")
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        actions.addWidget(self.pdf_button)
        self.ics_button = QPushButton(self.tr("导出日历（.ics）…"))
        self.ics_button.setObjectName("icsButton")
        self.ics_button.clicked.connect(self._on_ics_button_clicked)
        actions.addWidget(self.ics_button)
        layout.addLayout(actions)

        self.landing_label = QLabel()
        self.landing_label.setObjectName("landingLabel")
        self.landing_label.setWordWrap(True)
        self.landing_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.landing_label)

        self.model = ScheduleTableModel(self, editable=self.may_edit)
        self.model.date_edited.connect(self._on_model_date_edited)
        self.model.note_edited.connect(self._on_model_note_edited)
        self.table = QTableView()
        self.table.setObjectName("scheduleTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(DATE, DateDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)

        self.unplanned_label = QLabel()
        self.unplanned_label.setObjectName("unplannedLabel")
        self.unplanned_label.setWordWrap(True)
        layout.addWidget(self.unplanned_label)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(
            self.reject
        )
        layout.addWidget(buttons)
        self.resize(1100, 640)
        self._update_buttons()
        self.reload()
        # another period, day or region shows its own saved plan
        self.period_filter.changed.connect(self._on_choice_changed)
        self.as_of_edit.dateChanged.connect(self._on_choice_changed)
        self.region_edit.editingFinished.connect(self._on_choice_changed)

    # --- what is asked

    def _period(self) -> str:
        return self.period_filter.value() or period_of("quarter", self.context.clock.today()).key

    def _as_of(self) -> dt.date:
        day = self.as_of_edit.date().toPython()
        assert isinstance(day, dt.date)
        return day

    def _region(self) -> str | None:
        return self.region_edit.text().strip() or None

    def _cadre_id(self) -> str | None:
        found = self.cadre_combo.currentData()
        return found if isinstance(found, str) else None

    # --- reading and planning

    def _on_choice_changed(self, *_args: Any) -> None:
        if self.op is None:
            self.reload()

    def reload(self) -> Op:
        context, period, as_of, region = self.context, self._period(), self._as_of(), self._region()

        def work() -> Any:
            from msfood.planning.service import load_schedule
            from msfood.services.queries import lists as queries

            with queries.read_sessions(context.database)() as session:
                return load_schedule(session, actor=context.actor, period=period, as_of=as_of, region=region)

        return self._run(work, None)

    def _on_generate_button_clicked(self) -> None:
        self.generate()

    def generate(self) -> Op:
        context, period, as_of, region = self.context, self._period(), self._as_of(), self._region()
        margin, per_day = self.margin_spin.value(), self.per_day_spin.value()

        def work() -> Any:
            from msfood.planning.service import make_schedule

            with context.database.sessions.begin() as session:
                return (yield from make_schedule(
                    session, actor=context.actor, period=period, as_of=as_of, now=context.clock.now(),
                    region=region, margin=margin, per_day=per_day,
                ))  # fmt: skip

        self._defaults_shown = True  # the spin boxes say what the plan used
        return self._run(work, self.tr("正在生成排期"))

    def _edit(self, change: Any) -> Op:
        """Save one edit off the UI thread, then read the schedule again."""
        context = self.context

        def work() -> Any:
            with context.database.sessions.begin() as session:
                return change(session, context)

        op = run_op(self, work)
        self.op = op
        op.on_success(lambda _result: self._after_edit()).on_failure(self._on_failed)
        self._update_buttons()
        return op

    def _after_edit(self) -> None:
        self.op = None
        self.reload()

    def _on_model_date_edited(self, plan_id: str, day: dt.date) -> None:
        from msfood.planning.service import move_planned_visit

        self._edit(
            lambda session, c: move_planned_visit(
                session, actor=c.actor, plan_id=plan_id, day=day, now=c.clock.now()
            )
        )

    def _on_model_note_edited(self, plan_id: str, note: str) -> None:
        from msfood.planning.service import note_planned_visit

        self._edit(
            lambda session, c: note_planned_visit(
                session, actor=c.actor, plan_id=plan_id, note=note, now=c.clock.now()
            )
        )

    def _on_remove_button_clicked(self) -> None:
        from msfood.planning.service import remove_planned_visit

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        ids = [self.model.data(index, ENTRY_ROLE).id for index in rows]

        def change(session: Any, c: AppContext) -> None:
            for plan_id in ids:
                remove_planned_visit(session, actor=c.actor, plan_id=plan_id)

        self._edit(change)

    # --- showing

    def _on_loaded(self, schedule: Any) -> None:
        from msfood.planning.output import landing_text, reason_text
        from msfood.reports.document.texts import Texts

        self.op = None
        self.schedule = schedule
        if not self._defaults_shown:
            self.margin_spin.setValue(schedule.margin)
            self.per_day_spin.setValue(schedule.per_day)
            self._defaults_shown = True
        chosen = self._cadre_id()
        self.cadre_combo.blockSignals(True)
        self.cadre_combo.clear()
        self.cadre_combo.addItem(self.tr("全部干部"), None)
        for cadre, _landing in schedule.by_cadre:
            self.cadre_combo.addItem(
                self.tr("{name}（{phone}）").format(name=cadre.name, phone=cadre.phone), cadre.id
            )
        found = self.cadre_combo.findData(chosen)
        self.cadre_combo.setCurrentIndex(max(found, 0))
        self.cadre_combo.blockSignals(False)
        shown = schedule.only(self._cadre_id())
        self.model.set_rows(list(shown.entries))
        tr = Texts(_lang())
        self.landing_label.setText(self.tr("完成情况：") + landing_text(shown.landing, tr))
        if shown.unplanned:
            names = self.tr("；").join(
                self.tr("{business}（{cadre}，{reason}）").format(
                    business=u.business_name, cadre=u.cadre.name, reason=reason_text(u, schedule, tr)
                )
                for u in shown.unplanned[:6]
            )
            more = self.tr("等") if len(shown.unplanned) > 6 else ""
            self.unplanned_label.setText(
                self.tr("排不下或未排期 {n} 项：").format(n=len(shown.unplanned)) + names + more
            )
        else:
            self.unplanned_label.setText(self.tr("所有未完成的督导都已排期。") if shown.entries else "")
        self.status_label.setText(
            self.tr("双击日期可改到另一天，双击备注可填写备注；重新生成排期时保留手工调整过的排期。")
            if self.may_edit
            else ""
        )
        if schedule.unknown_years:
            self.status_label.setText(
                self.tr("{years} 年的节假日尚未录入，按周一至周五为工作日排期。").format(
                    years="、".join(map(str, schedule.unknown_years))
                )
            )
        self._update_buttons()

    def _on_cadre_combo_changed(self, _index: int) -> None:
        if self.schedule is not None:
            self._on_loaded(self.schedule)

    def _update_buttons(self) -> None:
        idle = self.op is None
        has_plan = self.schedule is not None and bool(self.schedule.only(self._cadre_id()).entries)
        self.generate_button.setEnabled(idle and self.may_edit)
        self.remove_button.setEnabled(idle and self.may_edit and has_plan)
        self.pdf_button.setEnabled(idle and self.schedule is not None)
        self.ics_button.setEnabled(idle and has_plan)

    # --- files

    def _ask(self, name: str, title: str, pattern: str, suffix: str) -> Path | None:
        folder = self.context.settings.reports_folder
        start = str(Path(folder if folder and Path(folder).is_dir() else documents_folder()) / name)
        chosen, _filter = QFileDialog.getSaveFileName(self, title, start, pattern)
        if not chosen:
            return None
        out = Path(chosen)
        return out if out.suffix.lower() == suffix else out.with_name(out.name + suffix)

    def _file_stem(self) -> str:
        cadre = self.cadre_combo.currentText() if self._cadre_id() else ""
        safe = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in cadre)
        return self.tr("督导排期-{period}").format(period=self._period()) + (f"-{safe}" if safe else "")

    def _on_pdf_button_clicked(self) -> None:
        out = self._ask(self._file_stem() + ".pdf", self.tr("保存 PDF"), self.tr("PDF 文件 (*.pdf)"), ".pdf")
        if out is not None:
            self.print_pdf(out)

    def _on_ics_button_clicked(self) -> None:
        out = self._ask(self._file_stem() + ".ics", self.tr("导出日历"), self.tr("日历文件 (*.ics)"), ".ics")
        if out is not None:
            self.export_ics(out)

    def print_pdf(self, out: Path) -> Op:
        context, schedule, lang = self.context, self.schedule.only(self._cadre_id()), _lang()

        def work() -> Any:
            from msfood.planning.output import write_schedule_pdf
            from msfood.services.queries import lists as queries

            with queries.read_sessions(context.database)() as session:
                return (yield from write_schedule_pdf(session, schedule, out, clock=context.clock, lang=lang))

        return self._run(work, self.tr("正在生成排期表"), written=True)

    def export_ics(self, out: Path) -> Op:
        context, schedule, lang = self.context, self.schedule, _lang()
        cadre_id = self._cadre_id()

        def work() -> Any:
            from msfood.planning.output import write_schedule_ics

            return write_schedule_ics(schedule, out, now=context.clock.now(), lang=lang, cadre_id=cadre_id)

        return self._run(work, self.tr("正在导出日历"), written=True)

    # --- common

    def _run(self, work: Any, title: str | None, *, written: bool = False) -> Op:
        if title:
            self.status_label.setText(title + "……")
        op = run_op(self, work, progress=title)
        self.op = op
        op.on_success(self._on_written if written else self._on_loaded).on_failure(self._on_failed)
        self._update_buttons()
        return op

    def _on_written(self, path: Path) -> None:
        self.op = None
        self.written = path
        self.status_label.setText(self.tr("已保存：{path}").format(path=str(path)))
        self._update_buttons()

    def _on_failed(self, exc: BaseException) -> None:
        from msfood.core.errors import Cancelled
        from ui.errors import show_error

        self.op = None
        self._update_buttons()
        if isinstance(exc, Cancelled):
            self.status_label.setText(self.tr("已取消。"))
            return
        self.status_label.setText("")
        show_error(self, exc)
        if self.schedule is not None:
            self.reload()  # an edit refused: show what the database holds


def open_schedule_dialog(window: Any) -> ScheduleDialog:
    dialog = ScheduleDialog(window.context, window)
    window.admin_dialog = dialog  # kept for tests and so it is not collected while open
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.open()
    return dialog
