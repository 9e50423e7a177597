"""设置 › 其他设置: which level guarantees each grade, and the thresholds and deadlines of DOMAIN.md.

Saved through msfood.services.rules like the visit rules, but a box of its own: plain values, no versions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from msfood.core.clock import CHINA
from msfood.domain.defaults import DEFAULT_SETTINGS
from msfood.domain.enums import GRADE, LEVEL, SAMPLING_TYPE
from msfood.services import rules
from msfood.services.writing.permissions import EDIT_RULES
from msfood.services.writing.transaction import unit_of_work
from ui.context import AppContext
from ui.errors import show_error
from ui.i18n import is_english
from ui.pages.settings.unsaved import UnsavedTracker
from ui.workers import run_op

NUMBER_SETTINGS = {
    "daily_threshold_pct": (QT_TRANSLATE_NOOP("Settings", "日管控达标比例（%）"), 1, 100),
    "disposal_days": (QT_TRANSLATE_NOOP("Settings", "不合格样品处置期限（自然日）"), 1, 3650),
    "retest_workdays": (QT_TRANSLATE_NOOP("Settings", "复检申请期限（工作日）"), 1, 365),
    "lab_delivery_workdays": (QT_TRANSLATE_NOOP("Settings", "样品送达检验机构期限（工作日）"), 1, 365),
    "lab_report_workdays": (QT_TRANSLATE_NOOP("Settings", "检验机构出具报告期限（工作日）"), 1, 365),
    "backups_kept": (QT_TRANSLATE_NOOP("Settings", "保留的自动备份份数"), 1, 1000),
    "schedule_margin_workdays": (QT_TRANSLATE_NOOP("Settings", "排期提前完成的工作日数"), 0, 60),
    "schedule_visits_per_day": (QT_TRANSLATE_NOOP("Settings", "排期每名干部每天最多督导户数"), 1, 50),
}


def _lang() -> str | None:
    return "en" if is_english() else None


class DomainSettingsBox(QGroupBox):
    """Which cadre level guarantees each grade, and the thresholds and deadlines of DOMAIN.md."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(QCoreApplication.translate("Settings", "其他设置"))
        self.context = context
        self.loaded: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.grade_combos: dict[str, QComboBox] = {}
        for grade in GRADE.codes:
            combo = QComboBox()
            combo.setObjectName(f"grade_{grade}")
            for choice in LEVEL.choices:
                combo.addItem(choice.label(_lang()), choice.code)
            self.grade_combos[grade] = combo
            form.addRow(
                QCoreApplication.translate("Settings", "{grade} 级主体由哪一层级包保").format(grade=grade),
                combo,
            )
        self.spins: dict[str, QSpinBox] = {}
        for key, (label, low, high) in NUMBER_SETTINGS.items():
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(low, high)
            spin.setMinimumWidth(120)
            self.spins[key] = spin
            form.addRow(QCoreApplication.translate("Settings", str(label)), spin)
        # which sampling types' failures open a 核查处置 case (default 监督抽检 only)
        self.case_types: dict[str, QCheckBox] = {}
        types_row = QHBoxLayout()
        for choice in SAMPLING_TYPE.choices:
            box = QCheckBox(choice.label(_lang()))
            box.setObjectName(f"case_type_{choice.code}")
            self.case_types[choice.code] = box
            types_row.addWidget(box)
        types_row.addStretch(1)
        form.addRow(QCoreApplication.translate("Settings", "开启核查处置的抽检类型"), types_row)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.save_button = QPushButton(QCoreApplication.translate("Settings", "保存设置"))
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.defaults_button = QPushButton(QCoreApplication.translate("Settings", "恢复全国默认值"))
        self.defaults_button.clicked.connect(self._on_defaults_clicked)
        editable = context.actor.can(EDIT_RULES)
        # Save only while something is unsaved; the box title and a label say so (issue #17)
        self.unsaved = UnsavedTracker(
            self, save_button=self.save_button, values=self.values, editable=editable
        )
        row.addWidget(self.unsaved.label)
        row.addWidget(self.message, 1)
        row.addWidget(self.defaults_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        inputs: list[QWidget] = [*self.grade_combos.values(), *self.spins.values(), *self.case_types.values()]
        for widget in [*inputs, self.defaults_button]:
            widget.setEnabled(editable)
        self.unsaved.watch(inputs)

    def load(self) -> None:
        sessions = self.context.database.sessions

        def fetch() -> dict[str, Any]:
            with sessions() as session:
                return rules.get_settings(session)

        run_op(self, fetch).on_success(self._show)

    def _show(self, values: dict[str, Any]) -> None:
        """The values as stored; edits not yet saved stay on screen (now measured against these)."""
        self.loaded = dict(values)
        if not self.unsaved.dirty:
            self._fill(values)
        self.unsaved.set_baseline(self.loaded)

    def _fill(self, values: dict[str, Any]) -> None:
        for grade, combo in self.grade_combos.items():
            combo.setCurrentIndex(combo.findData(values["grade_levels"].get(grade)))
        for key, spin in self.spins.items():
            spin.setValue(int(values[key]))
        chosen = set(values.get("case_sampling_types") or ())
        for code, box in self.case_types.items():
            box.setChecked(code in chosen)

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {"grade_levels": {g: c.currentData() for g, c in self.grade_combos.items()}}
        result.update({key: spin.value() for key, spin in self.spins.items()})
        result["case_sampling_types"] = [code for code, box in self.case_types.items() if box.isChecked()]
        return result

    def _on_defaults_clicked(self) -> None:
        self._fill({**DEFAULT_SETTINGS})  # shown, marked unsaved, written only by Save

    def discard(self) -> None:
        """放弃: back to the values as stored."""
        self._fill(self.loaded)

    def _on_save_clicked(self) -> None:
        self.save()

    def save(self) -> None:
        changed = self.unsaved.changed_values()
        if not changed:
            self.message.setText(QCoreApplication.translate("Settings", "没有修改。"))
            return
        context = self.context

        def work() -> set[str]:
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                for key, value in changed.items():
                    rules.set_setting(uow, key=key, value=value)
                return set(uow.changed_tables)

        def done(tables: set[str]) -> None:
            self.message.setText(
                QCoreApplication.translate("Settings", "已保存 {n} 项设置（{time}）。").format(
                    n=len(changed), time=context.clock.now().astimezone(CHINA).strftime("%H:%M")
                )
            )
            context.changed(tables or {"settings"})  # the page reloads the settings

        def failed(exc: BaseException) -> None:
            self.unsaved.set_baseline(before)  # still unsaved
            show_error(self, exc)

        # saved as far as leaving the page (or closing the window) goes; marked unsaved again on failure
        before = dict(self.loaded)
        self.loaded.update(changed)
        self.unsaved.set_baseline(self.loaded)
        run_op(self, work).on_success(done).on_failure(failed)
