"""The 报表 page's period picker: a kind (日 ... 年度) and one of its recent periods, or any key typed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from msfood.core.errors import ValidationError
from msfood.domain.periods import Period, parse_period, period_of
from msfood.reports.document.model import period_label
from ui.i18n import is_english
from ui.theme import error_border_style

PERIOD_KINDS = (
    ("month", QT_TRANSLATE_NOOP("PeriodPicker", "月度")),
    ("quarter", QT_TRANSLATE_NOOP("PeriodPicker", "季度")),
    ("half", QT_TRANSLATE_NOOP("PeriodPicker", "半年度")),
    ("year", QT_TRANSLATE_NOOP("PeriodPicker", "年度")),
    ("week", QT_TRANSLATE_NOOP("PeriodPicker", "周")),
    ("day", QT_TRANSLATE_NOOP("PeriodPicker", "日")),
)
# How many periods of each kind the list offers, the current one first.
RECENT = {"day": 14, "week": 12, "month": 13, "quarter": 8, "half": 6, "year": 5}


def recent_periods(kind: str, today: dt.date) -> list[Period]:
    periods = [period_of(kind, today)]
    while len(periods) < RECENT[kind]:
        periods.append(periods[-1].previous())
    return periods


def describe(period: Period) -> str:
    """2026年第四季度（2026-10-01 至 2026-12-31）, or 2026Q4 (2026-10-01 to 2026-12-31) in English."""
    return period_label(period, "en" if is_english() else None)


class PeriodPicker(QWidget):
    """`changed` fires when the period is another one; `error` says why typed text names no period."""

    changed = Signal()
    error = Signal(str)  # "" when the text is fine again

    def __init__(self, today: dt.date, kind: str = "quarter", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("reportPeriodKind")
        for code, label in PERIOD_KINDS:
            self.kind_combo.addItem(QCoreApplication.translate("PeriodPicker", str(label)), code)
        self.value_combo = QComboBox()
        self.value_combo.setObjectName("reportPeriod")
        self.value_combo.setEditable(True)
        self.value_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.value_combo.setMinimumContentsLength(28)
        self.value_combo.lineEdit().setPlaceholderText(self.tr("或输入期间，如 2026Q4、2026-11、2026-W48"))
        self.value_combo.setToolTip(
            self.tr("从列表中选择，或输入期间代码：2026-11-24、2026-W48、2026-11、2026Q4、2026H2、2026")
        )
        row.addWidget(self.kind_combo)
        row.addWidget(self.value_combo, 1)
        self._period = period_of(kind, today)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self._fill(kind)
        self._select(self._period)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.value_combo.activated.connect(self._on_value_combo_activated)
        self.value_combo.lineEdit().editingFinished.connect(self._on_value_edit_finished)

    def period(self) -> Period:
        return self._period

    def set_key(self, text: str) -> None:
        """Choose the period a key names (as if typed); a bad key reports `error` and keeps the period."""
        self.value_combo.setEditText(text)
        self._on_value_edit_finished()

    # --- internals

    def _fill(self, kind: str) -> None:
        self.value_combo.blockSignals(True)
        self.value_combo.clear()
        for period in recent_periods(kind, self.today):
            self.value_combo.addItem(describe(period), period.key)
        self.value_combo.blockSignals(False)

    def _select(self, period: Period) -> None:
        self.value_combo.blockSignals(True)
        index = self.value_combo.findData(period.key)
        if index < 0:  # typed: a period older than the list (or in the future)
            self.value_combo.insertItem(0, describe(period), period.key)
            index = 0
        self.value_combo.setCurrentIndex(index)
        self.value_combo.blockSignals(False)

    def _set(self, period: Period) -> None:
        self.error.emit("")
        self.value_combo.setStyleSheet("")
        if period != self._period:
            self._period = period
            self.changed.emit()

    def _on_kind_combo_changed(self, _index: int) -> None:
        kind = str(self.kind_combo.currentData())
        self._fill(kind)
        # The period of the new kind holding the old one's last day (its own end, or today if sooner).
        period = period_of(kind, min(self._period.end, self.today))
        self._select(period)
        self._set(period)

    def _on_value_combo_activated(self, index: int) -> None:
        key = self.value_combo.itemData(index)
        if key:
            self._set(parse_period(str(key)))

    def _on_value_edit_finished(self) -> None:
        text = self.value_combo.currentText().strip()
        index = self.value_combo.findText(text)
        if index >= 0:
            self._on_value_combo_activated(index)
            return
        try:
            period = parse_period(text)
        except ValidationError as exc:
            self.value_combo.setStyleSheet(error_border_style("QComboBox"))
            self.error.emit(exc.message())
            return
        if period.kind != self.kind_combo.currentData():
            self.kind_combo.blockSignals(True)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(period.kind)))
            self.kind_combo.blockSignals(False)
            self._fill(period.kind)
        self._select(period)
        self._set(period)
