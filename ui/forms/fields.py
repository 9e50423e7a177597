"""The editors a record form is made of. Each gives `value()` in the shape the service takes (text,
a code, a date, a bool, a record id) and takes `set_value()`; the services parse and check them.

Dates are typed as text (2026-11-24, 2026/11/24, 20261124 ... as the services accept) with a calendar
button beside; choices show labels and give codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from msfood.domain.enums import Enum
from msfood.i18n import language, t


def form_text(text: str) -> str:
    """Translate a label declared with QT_TRANSLATE_NOOP("Forms", ...)."""
    return QCoreApplication.translate("Forms", text)


@dataclass(frozen=True)
class FieldDecl:
    """One field of a form. `name` is the service's keyword; `aliases` are other field names the
    service's issues may use for it (a business picker answers for credit_code and licence_no)."""

    name: str
    label: str  # a QT_TRANSLATE_NOOP("Forms", ...) literal
    kind: str  # text, date, choice, combo, bool, check, int, float, region, business, cadre, problems
    required: bool = False
    enum: Enum | None = None
    options: tuple[str, ...] = ()  # the list of an editable combo (food categories, rapid test items)
    sticky: bool = False  # kept when quick entry clears the form for the next record
    today: bool = False  # a new record starts with today's date
    aliases: tuple[str, ...] = ()
    placeholder: str = ""


class Field(QWidget):
    """Base of the editors: `changed` fires on every edit."""

    changed = Signal()

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any, text: str | None = None) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self

    def focus_chain(self) -> list[QWidget]:
        """The widgets Tab visits in this field, in order (a table and its buttons, say)."""
        return [self.focusProxy() or self]


def _row(parent: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    return layout


class TextField(Field):
    def __init__(self, decl: FieldDecl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(form_text(decl.placeholder) if decl.placeholder else "")
        self.edit.textChanged.connect(self.changed)
        _row(self).addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def value(self) -> Any:
        return self.edit.text().strip() or None

    def set_value(self, value: Any, text: str | None = None) -> None:
        self.edit.setText("" if value is None else str(value))


class DateField(TextField):
    """A date typed as text, or picked from the calendar button beside it."""

    def __init__(self, decl: FieldDecl, parent: QWidget | None = None) -> None:
        super().__init__(decl, parent)
        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setToolTip(QCoreApplication.translate("Forms", "从日历选择"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar = QCalendarWidget()
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.layout().addWidget(self.button)  # type: ignore[union-attr]

    def set_value(self, value: Any, text: str | None = None) -> None:
        if isinstance(value, dt.date):
            value = value.isoformat()
        self.edit.setText("" if value is None else str(value))

    def _on_menu_about_to_show(self) -> None:
        try:
            day = dt.date.fromisoformat(self.edit.text().strip())
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        except ValueError:
            pass

    def _on_calendar_clicked(self, day: QDate) -> None:
        self.edit.setText(dt.date(day.year(), day.month(), day.day()).isoformat())
        menu = self.button.menu()
        if menu is not None:
            menu.hide()


class ChoiceField(Field):
    """A closed list: shows labels, gives codes. An optional field starts with a blank entry, a required
    one with "请选择" (no entry chosen)."""

    def __init__(self, decl: FieldDecl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.required = decl.required
        if not decl.required:
            self.combo.addItem("", None)
        for code, label in self.choices(decl):
            self.combo.addItem(label, code)
        if decl.required:  # nothing chosen for the user: a skipped choice must not become the first one
            self.combo.setPlaceholderText(QCoreApplication.translate("Forms", "请选择"))
            self.combo.setCurrentIndex(-1)
        self.combo.currentIndexChanged.connect(self.changed)
        _row(self).addWidget(self.combo)
        self.setFocusProxy(self.combo)

    @staticmethod
    def choices(decl: FieldDecl) -> Sequence[tuple[Any, str]]:
        assert decl.enum is not None
        return [(c.code, c.label(language())) for c in decl.enum.choices]

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any, text: str | None = None) -> None:
        index = self.combo.findData(value) if value is not None else -1
        self.combo.setCurrentIndex(index if self.required else max(index, 0))


class BoolChoiceField(ChoiceField):
    """Yes / no / not said."""

    @staticmethod
    def choices(decl: FieldDecl) -> Sequence[tuple[Any, str]]:
        return [(True, QCoreApplication.translate("Forms", "是")),
                (False, QCoreApplication.translate("Forms", "否"))]


class ComboField(Field):
    """An open list: pick one of the usual values or type another."""

    def __init__(self, decl: FieldDecl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.addItems(["", *decl.options])
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.editTextChanged.connect(self.changed)
        _row(self).addWidget(self.combo)
        self.setFocusProxy(self.combo)

    def value(self) -> Any:
        return self.combo.currentText().strip() or None

    def set_value(self, value: Any, text: str | None = None) -> None:
        self.combo.setEditText("" if value is None else str(value))


class CheckField(Field):
    def __init__(self, decl: FieldDecl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.box.toggled.connect(self.changed)
        _row(self).addWidget(self.box)
        self.setFocusProxy(self.box)

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any, text: str | None = None) -> None:
        self.box.setChecked(bool(value))


class IntField(Field):
    def __init__(self, decl: FieldDecl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QSpinBox(self)
        self.spin.setRange(0, 1_000_000)
        self.spin.valueChanged.connect(self.changed)
        _row(self).addWidget(self.spin)
        self.setFocusProxy(self.spin)

    def value(self) -> Any:
        return self.spin.value()

    def set_value(self, value: Any, text: str | None = None) -> None:
        self.spin.setValue(int(value or 0))


class RegionField(Field):
    """A region from the tree, shown indented under its parent; gives the division code.

    A retired region (撤销, issue 13) is not offered, except as the record's current value."""

    def __init__(self, decl: FieldDecl, regions: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.regions = list(regions)
        self.retired = {r.code for r in self.regions if getattr(r, "retired_on", None) is not None}
        self.combo = QComboBox(self)
        self.kept: Any = None  # the retired region shown because it is the record's own
        self._fill(None)
        self.combo.currentIndexChanged.connect(self.changed)
        _row(self).addWidget(self.combo)
        self.setFocusProxy(self.combo)

    def _fill(self, keep: Any) -> None:
        blocked = self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("", None)
        for region in self.regions:
            retired = getattr(region, "retired_on", None)
            if retired is not None and region.code != keep:
                continue
            label = f"{'　' * region.depth}{region.name}（{region.code}）"
            if retired is not None:
                label += t("region_retire.ui.retired_suffix", date=retired.isoformat())
            self.combo.addItem(label, region.code)
        self.combo.blockSignals(blocked)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any, text: str | None = None) -> None:
        keep = value if value in self.retired else None
        if keep != self.kept:  # a record already in a retired region keeps it; no other record sees it
            self.kept = keep
            self._fill(keep)
        self.combo.setCurrentIndex(max(self.combo.findData(value), 0))
