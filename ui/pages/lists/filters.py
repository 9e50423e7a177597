"""The filter widgets above a list: a choice, the region tree, a period. Each gives one Filters field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget

from msfood.core.errors import ValidationError
from msfood.domain.enums import Enum
from msfood.domain.periods import period_of
from msfood.i18n import language
from ui.theme import error_border_style


class ChoiceFilter(QComboBox):
    """「全部…」 or one code. `name` is the Filters field it sets."""

    changed = Signal()

    def __init__(self, name: str, everything: str, choices: Sequence[tuple[Any, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"filter_{name}")
        self.addItem(everything, None)
        for code, label in choices:
            self.addItem(label, code)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentIndexChanged.connect(self.changed)

    @classmethod
    def of_enum(cls, name: str, everything: str, enum: Enum, parent: QWidget | None = None) -> ChoiceFilter:
        return cls(name, everything, [(c.code, c.label(language())) for c in enum.choices], parent)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        self.setCurrentIndex(max(self.findData(value), 0))


class RegionFilter(ChoiceFilter):
    """A region and everything under it, picked from the tree (indented by depth).

    `regions` may be a function giving them: the tree (a city has over a thousand regions) is then
    read when the user first opens or scrolls the box, not when the page opens.
    """

    def __init__(
        self, regions: Sequence[Any] | Callable[[], Sequence[Any]], parent: QWidget | None = None
    ) -> None:
        super().__init__("region", QCoreApplication.translate("Lists", "全部区划"), [], parent)
        # region names run long: the box stays narrow, the list drops down as wide as it needs
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self._regions: Callable[[], Sequence[Any]] | None = regions if callable(regions) else None
        if not callable(regions):
            self._fill(regions)

    def _fill(self, regions: Sequence[Any]) -> None:
        self.blockSignals(True)  # the current choice (全部区划) stays: nothing changed
        try:
            for r in regions:
                self.addItem(f"{'　' * r.depth}{r.name}", r.code)
        finally:
            self.blockSignals(False)
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)

    def ensure_loaded(self) -> None:
        if self._regions is not None:
            load, self._regions = self._regions, None
            self._fill(load())

    def set_value(self, value: Any) -> None:
        self.ensure_loaded()
        super().set_value(value)

    def showPopup(self) -> None:  # noqa: N802 (Qt override)
        self.ensure_loaded()
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        self.ensure_loaded()
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        self.ensure_loaded()
        super().wheelEvent(event)


class PeriodFilter(QComboBox):
    """A period: the usual ones to pick (本月, 本季度, ...) or any key typed (2026Q4, 2026-11, 2026-W48)."""

    changed = Signal()
    name = "period"

    def __init__(self, today: dt.date, parent: QWidget | None = None, *, default: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter_period")
        self.setEditable(True)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(13)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem(QCoreApplication.translate("Lists", "全部期间"), None)
        last_month = period_of("month", today.replace(day=1) - dt.timedelta(days=1))
        quarter = period_of("quarter", today)
        for label, key in (
            (QCoreApplication.translate("Lists", "本月"), period_of("month", today).key),
            (QCoreApplication.translate("Lists", "上月"), last_month.key),
            (QCoreApplication.translate("Lists", "本季度"), quarter.key),
            (QCoreApplication.translate("Lists", "上季度"), quarter.previous().key),
            (QCoreApplication.translate("Lists", "本年"), period_of("year", today).key),
        ):
            text = QCoreApplication.translate("Lists", "{label}（{key}）")
            self.addItem(text.format(label=label, key=key), key)
        self.lineEdit().setPlaceholderText(QCoreApplication.translate("Lists", "期间，如 2026Q4"))
        self._value: str | None = None
        self.currentIndexChanged.connect(self._on_current_index_changed)
        self.lineEdit().editingFinished.connect(self._on_line_edit_editing_finished)
        if default is not None:
            self.set_value(default)

    def value(self) -> str | None:
        return self._value

    def set_value(self, key: str | None) -> None:
        index = self.findData(key)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(key or "")
            self._on_line_edit_editing_finished()

    def _on_current_index_changed(self, index: int) -> None:
        self._set(self.itemData(index))

    def _on_line_edit_editing_finished(self) -> None:
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            self._set(self.itemData(index))
            return
        if not text:
            self._set(None)
            return
        from msfood.domain.periods import parse_period

        try:
            key = parse_period(text).key
        except ValidationError as error:
            self.setStyleSheet(error_border_style("QComboBox"))
            self.setToolTip(error.issues[0].message())
            return
        self._set(key)

    def _set(self, key: str | None) -> None:
        self.setStyleSheet("")
        self.setToolTip("")
        if key != self._value:
            self._value = key
            self.changed.emit()
