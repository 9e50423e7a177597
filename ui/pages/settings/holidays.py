"""设置 › 节假日与调休: the local holiday table for years the built-in calendar does not know yet.

The State Council publishes each year's holidays late in the year before; until an admin enters them
here (or a bureau's bundle brings them), deadlines count Monday to Friday as working days.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
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

from msfood.core.errors import ValidationError
from msfood.services import rules
from msfood.services.writing.permissions import EDIT_RULES
from msfood.services.writing.transaction import unit_of_work
from ui.context import AppContext
from ui.models.rows_table import RowsTableModel, qdate_to_date
from ui.theme import status_style
from ui.workers import run_op


class HolidaysBox(QGroupBox):
    def __init__(self, context: AppContext) -> None:
        super().__init__(QCoreApplication.translate("Settings", "节假日与调休"))
        self.context = context
        self.holidays: list[rules.HolidayView] = []
        layout = QVBoxLayout(self)
        note = QLabel(
            QCoreApplication.translate(
                "Settings",
                "软件已内置国务院公布的节假日安排。尚未内置的年份（例如明年）在此录入放假日和调休上班日，"
                "未录入前按周一至周五为工作日计算期限。",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        top = QHBoxLayout()
        top.addWidget(QLabel(QCoreApplication.translate("Settings", "年份")))
        self.year = QSpinBox()
        self.year.setObjectName("holidayYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(context.clock.today().year + 1)
        self.year.valueChanged.connect(lambda _v: self.load())
        top.addWidget(self.year)
        top.addStretch(1)
        layout.addLayout(top)
        self.model = RowsTableModel(
            [
                QCoreApplication.translate("Settings", "日期"),
                QCoreApplication.translate("Settings", "类型"),
                QCoreApplication.translate("Settings", "名称"),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("holidays")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(120)
        layout.addWidget(self.table)
        form = QHBoxLayout()
        self.day = QDateEdit()
        self.day.setObjectName("holidayDay")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        self.day.setDate(QDate(context.clock.today().year + 1, 1, 1))
        self.kind = QComboBox()
        self.kind.setObjectName("holidayKind")
        self.kind.addItem(QCoreApplication.translate("Settings", "放假"), False)
        self.kind.addItem(QCoreApplication.translate("Settings", "调休上班"), True)
        self.name = QLineEdit()
        self.name.setObjectName("holidayName")
        self.name.setPlaceholderText(QCoreApplication.translate("Settings", "例：元旦"))
        self.save_button = QPushButton(QCoreApplication.translate("Settings", "保存日期"))
        self.save_button.setObjectName("saveHoliday")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.delete_button = QPushButton(QCoreApplication.translate("Settings", "删除所选日期"))
        self.delete_button.setObjectName("deleteHoliday")
        self.delete_button.clicked.connect(self._on_delete_clicked)
        for widget in (self.day, self.kind, self.name):
            form.addWidget(widget)
        form.addStretch(1)
        form.addWidget(self.save_button)
        form.addWidget(self.delete_button)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("holidayError")
        self.error.setStyleSheet(status_style("bad"))
        self.error.hide()
        layout.addWidget(self.error)
        editable = context.actor.can(EDIT_RULES)
        widgets: tuple[QWidget, ...] = (self.day, self.kind, self.name, self.save_button, self.delete_button)
        for control in widgets:
            control.setEnabled(editable)

    def load(self) -> None:
        context, year = self.context, self.year.value()

        def fetch() -> list[rules.HolidayView]:
            with context.database.sessions() as session:
                return rules.list_holidays(session, year)

        run_op(self, fetch).on_success(self._show)

    def _show(self, holidays: list[rules.HolidayView]) -> None:
        self.holidays = holidays
        work = QCoreApplication.translate("Settings", "调休上班")
        off = QCoreApplication.translate("Settings", "放假")
        self.model.set_rows([(h.day, work if h.is_workday else off, h.name) for h in holidays])

    def _write(self, action: Any) -> None:
        context = self.context

        def work() -> Any:
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                return action(uow)

        run_op(self, work).on_success(self._on_written).on_failure(self._on_failed)

    def _on_save_clicked(self) -> None:
        day, workday, name = (
            qdate_to_date(self.day.date()),
            bool(self.kind.currentData()),
            self.name.text().strip(),
        )
        if day.year != self.year.value():
            self.year.setValue(day.year)
        self._write(lambda uow: rules.save_holiday(uow, day=day, is_workday=workday, name=name))

    def _on_delete_clicked(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.holidays):
            self._fail(QCoreApplication.translate("Settings", "请先在表中选择要删除的日期。"))
            return
        holiday_id = self.holidays[row].id
        self._write(lambda uow: rules.delete_holiday(uow, holiday_id=holiday_id))

    def _on_written(self, saved: Any) -> None:
        self.error.hide()
        self.name.clear()
        self.context.changed(saved.tables or {"holidays"})
        self.load()

    def _on_failed(self, exc: BaseException) -> None:
        from ui.errors import error_text, show_error

        if isinstance(exc, ValidationError):
            self._fail(error_text(exc))
        else:
            show_error(self, exc)

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
