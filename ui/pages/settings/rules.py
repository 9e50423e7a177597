"""设置 › 督导规则: the visit rules table with its timeline and the presets, via msfood.services.rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msfood.core.errors import NothingToDo, ValidationError
from msfood.domain.enums import LEVEL, PERIOD_TYPE
from msfood.i18n import t
from msfood.services import rules
from msfood.services.periods.closing import list_closed_periods
from msfood.services.writing.permissions import EDIT_RULES
from msfood.services.writing.transaction import unit_of_work
from ui.context import AppContext
from ui.i18n import is_english
from ui.models.rows_table import RowsTableModel, qdate_to_date, to_qdate
from ui.pages.settings.timeline import RuleTimelineView
from ui.screen_fit import keep_on_screen
from ui.theme import status_style
from ui.workers import run_op


def _lang() -> str | None:
    return "en" if is_english() else None


def next_quarter_start(day: dt.date) -> dt.date:
    month = (day.month - 1) // 3 * 3 + 4
    return dt.date(day.year + (month > 12), (month - 1) % 12 + 1, 1)


class PresetDialog(QDialog):
    """Pick the start date of a preset's new versions; says what will be added and that earlier
    periods keep their rule."""

    def __init__(self, preset: str, start: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # never taller than a 1366×768 screen at 125%
        lang = _lang()
        self.preset = preset
        self.setObjectName("presetDialog")
        self.setWindowTitle(t("rulesui.preset_title", lang))
        layout = QVBoxLayout(self)
        heading = QLabel(t(f"rulever.preset_{preset}", lang))
        heading.setObjectName("presetName")
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        lines = [
            t(
                "rulever.describe",
                lang,
                level=LEVEL.label(level, lang),
                text=rules.RuleSpan("", level, start, None, count, period_type).label(lang),
            )  # fmt: skip
            for level, count, period_type in rules.RULE_PRESETS[preset]
        ]
        self.summary = QLabel("\n".join(lines))
        self.summary.setObjectName("presetSummary")
        layout.addWidget(self.summary)
        form = QFormLayout()
        self.start = QDateEdit()
        self.start.setObjectName("presetStart")
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setCalendarPopup(True)
        self.start.setDate(to_qdate(start))
        form.addRow(t("rulesui.preset_start", lang), self.start)
        layout.addLayout(form)
        note = QLabel(t("rulesui.preset_note", lang))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("rulesui.preset_apply", lang))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("rulesui.cancel", lang))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def start_date(self) -> dt.date:
        return qdate_to_date(self.start.date())


class VisitRulesBox(QGroupBox):
    """The rules table: pick a row to change it, or give a new effective date to add a rule from then."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(QCoreApplication.translate("Settings", "督导频次规则"))
        self.context = context
        self.rules: list[rules.VisitRuleView] = []
        layout = QVBoxLayout(self)
        note = QLabel(
            QCoreApplication.translate(
                "Settings",
                "每一层级的包保干部在每个周期内对每个包保主体至少督导的次数。"
                "规则自生效日期起适用，之前的周期仍按原规则计算。",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.timeline = RuleTimelineView()
        layout.addWidget(self.timeline)
        legend = QLabel(t("rulesui.legend", _lang()))
        legend.setObjectName("timelineLegend")
        legend.setStyleSheet(status_style("muted"))
        layout.addWidget(legend)
        presets = QHBoxLayout()
        presets.addWidget(QLabel(t("rulesui.presets", _lang())))
        self.preset_buttons: dict[str, QPushButton] = {}
        for preset in rules.RULE_PRESETS:
            button = QPushButton(t(f"rulever.preset_{preset}", _lang()) + "…")
            button.setObjectName(f"preset_{preset}")
            button.clicked.connect(lambda _checked=False, p=preset: self._on_preset_clicked(p))
            presets.addWidget(button)
            self.preset_buttons[preset] = button
        presets.addStretch(1)
        layout.addLayout(presets)
        self.message = QLabel()
        self.message.setObjectName("ruleMessage")
        self.message.hide()
        layout.addWidget(self.message)
        self.model = RowsTableModel(
            [
                QCoreApplication.translate("Settings", "包保层级"),
                QCoreApplication.translate("Settings", "生效日期"),
                QCoreApplication.translate("Settings", "次数"),
                QCoreApplication.translate("Settings", "周期"),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("visitRules")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(150)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        layout.addWidget(self.table)

        form = QHBoxLayout()
        self.level = QComboBox()
        self.level.setObjectName("ruleLevel")
        for choice in LEVEL.choices:
            self.level.addItem(choice.label(_lang()), choice.code)
        self.effective = QDateEdit()
        self.effective.setObjectName("ruleEffective")
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.effective.setCalendarPopup(True)
        self.effective.setDate(to_qdate(context.clock.today()))
        self.count = QSpinBox()
        self.count.setObjectName("ruleCount")
        self.count.setRange(0, 99)
        self.count.setSpecialValueText(t("rulever.not_assessed", _lang()))  # 0: the level is not assessed
        self.count.setValue(1)
        self.period = QComboBox()
        self.period.setObjectName("rulePeriod")
        for choice in PERIOD_TYPE.choices:
            self.period.addItem(choice.label(_lang()), choice.code)
        self.save_button = QPushButton(QCoreApplication.translate("Settings", "保存规则"))
        self.save_button.setObjectName("saveRule")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.delete_button = QPushButton(QCoreApplication.translate("Settings", "删除所选规则"))
        self.delete_button.setObjectName("deleteRule")
        self.delete_button.clicked.connect(self._on_delete_clicked)
        for label, widget in (
            (QCoreApplication.translate("Settings", "层级"), self.level),
            (QCoreApplication.translate("Settings", "生效日期"), self.effective),
            (QCoreApplication.translate("Settings", "每周期次数"), self.count),
            (QCoreApplication.translate("Settings", "周期"), self.period),
        ):
            form.addWidget(QLabel(label))
            form.addWidget(widget)
        form.addStretch(1)
        form.addWidget(self.save_button)
        form.addWidget(self.delete_button)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("ruleError")
        self.error.setStyleSheet(status_style("bad"))
        self.error.hide()
        layout.addWidget(self.error)
        editable = context.actor.can(EDIT_RULES)
        widgets: tuple[QWidget, ...] = (
            self.level,
            self.effective,
            self.count,
            self.period,
            self.save_button,
            self.delete_button,
            *self.preset_buttons.values(),
        )
        for control in widgets:
            control.setEnabled(editable)

    def load(self) -> None:
        sessions = self.context.database.sessions

        def fetch() -> tuple[list[rules.VisitRuleView], list[rules.LevelTimeline], list[Any]]:
            with sessions() as session:
                return (
                    rules.list_visit_rules(session),
                    rules.rule_timeline(session),
                    list_closed_periods(session),
                )

        run_op(self, fetch).on_success(self._show)

    def _show(self, loaded: tuple[list[rules.VisitRuleView], list[rules.LevelTimeline], list[Any]]) -> None:
        views, timeline, closed = loaded
        self.rules = views
        self.timeline.set_timeline(timeline, closed, self.context.clock.today())
        self.model.set_rows(
            [
                (
                    LEVEL.label(v.level, _lang()),
                    v.effective_from,
                    v.count if v.count else t("rulever.not_assessed", _lang()),
                    PERIOD_TYPE.label(v.period_type, _lang()),
                )
                for v in views
            ]
        )

    def _on_table_row_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid() or current.row() >= len(self.rules):
            return
        rule = self.rules[current.row()]
        self.level.setCurrentIndex(self.level.findData(rule.level))
        self.effective.setDate(to_qdate(rule.effective_from))
        self.count.setValue(rule.count)
        self.period.setCurrentIndex(self.period.findData(rule.period_type))

    def _write(self, action: Any) -> None:
        context = self.context

        def work() -> Any:
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                return action(uow)

        run_op(self, work).on_success(self._on_written).on_failure(self._on_failed)

    def _on_save_clicked(self) -> None:
        level, count = self.level.currentData(), self.count.value()
        period, start = self.period.currentData(), qdate_to_date(self.effective.date())
        if not self._rewrite_confirmed(level, start, count, period):
            return
        self._write(
            lambda uow: rules.save_visit_rule(
                uow, level=level, effective_from=start, count=count, period_type=period
            )
        )

    def _rewrite_confirmed(self, level: str, start: dt.date, count: int, period: str) -> bool:
        """Changing a version that already judged ended periods changes their figures: the admin is told
        so and asked, with adding a new dated version suggested instead (the default answer is no)."""
        span = next(
            (s for line in self.timeline.timeline if line.level == level for s in line.spans
             if s.effective_from == start),
            None,
        )  # fmt: skip
        if span is None or (span.count, span.period_type) == (count, period):
            return True
        judged = rules.last_judged(span, today=self.context.clock.today())
        if judged is None:
            return True
        lang = _lang()
        answer = QMessageBox.question(
            self,
            t("rulesui.rewrite_title", lang),
            t(
                "rulesui.rewrite_text",
                lang,
                level=LEVEL.label(level, lang),
                date=start.isoformat(),
                period=judged,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_delete_clicked(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.rules):
            self._fail(QCoreApplication.translate("Settings", "请先在表中选择要删除的规则。"))
            return
        rule_id = self.rules[row].id
        line = next(
            (line for line in self.timeline.timeline if any(s.id == rule_id for s in line.spans)), None
        )
        span = next(s for s in line.spans if s.id == rule_id) if line is not None else None
        # the last version of a level is refused by the service (with its own message): no question first
        judged = (
            rules.last_judged(span, today=self.context.clock.today())
            if span is not None and line is not None and len(line.spans) > 1
            else None
        )
        if span is not None and judged is not None:
            lang = _lang()
            answer = QMessageBox.question(
                self,
                t("rulesui.rewrite_title", lang),
                t(
                    "rulesui.delete_text",
                    lang,
                    level=LEVEL.label(span.level, lang),
                    date=span.effective_from.isoformat(),
                    period=judged,
                ),  # fmt: skip
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._write(lambda uow: rules.delete_visit_rule(uow, rule_id=rule_id))

    def _on_preset_clicked(self, preset: str) -> None:
        dialog = PresetDialog(preset, next_quarter_start(self.context.clock.today()), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        start = dialog.start_date()
        context = self.context

        def work() -> rules.PresetApplied:
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                return rules.apply_rule_preset(uow, preset=preset, effective_from=start)

        run_op(self, work).on_success(self._on_preset_applied).on_failure(self._on_failed)

    def _on_preset_applied(self, applied: rules.PresetApplied) -> None:
        self.error.hide()
        self.message.setText(
            t(
                "rulesui.preset_done",
                _lang(),
                preset=t(f"rulever.preset_{applied.preset}", _lang()),
                start=applied.effective_from.isoformat(),
            )  # fmt: skip
        )
        self.message.show()
        self.context.changed(applied.tables or {"visit_rules"})

    def _on_written(self, saved: Any) -> None:
        self.error.hide()
        self.context.changed(saved.tables or {"visit_rules"})  # the page reloads the rules

    def _on_failed(self, exc: BaseException) -> None:
        from ui.errors import error_text, show_error

        if isinstance(exc, ValidationError | NothingToDo):
            self._fail(error_text(exc))
        else:
            show_error(self, exc)

    def _fail(self, text: str) -> None:
        self.message.hide()
        self.error.setText(text)
        self.error.setWordWrap(True)
        self.error.show()
