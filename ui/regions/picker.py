"""Cascading pickers over the official division codes: province → city → county → township.

Each level is an editable combo box with a completer that matches a part of the name, the pinyin
initials or the start of the full pinyin ("sf", "shif" and "石峰" all offer 石峰区), so a clerk types a
few letters, picks with the arrow keys and Enter, and Tab goes on to the next level. A city without
counties (东莞市) offers its townships at once. The data come from msfood.regions.official (Qt-free).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QGridLayout, QLabel, QWidget

from msfood.regions.official import Division, DivisionSet, divisions

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # what the completer matches: "name initials pinyin"
LEVELS = ("province", "city", "county", "township")


class PinyinCompleter(QCompleter):
    """Matches on KEY_ROLE, but puts the name (not the search key) into the line edit."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 (Qt override)
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class LevelCombo(QComboBox):
    """One level of the picker; currentIndex -1 means nothing chosen."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setMinimumContentsLength(8)
        self.items = QStandardItemModel(self)
        self.setModel(self.items)
        self.finder = PinyinCompleter(self.items, self)
        self.finder.setCompletionRole(KEY_ROLE)
        self.finder.setFilterMode(Qt.MatchFlag.MatchContains)
        self.finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.finder.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.finder.setMaxVisibleItems(12)
        self.setCompleter(self.finder)
        self.finder.popup().installEventFilter(self)  # after the completer's: sees keys first
        line = self.lineEdit()
        line.setPlaceholderText(placeholder)
        line.editingFinished.connect(self._on_line_editing_finished)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Tab in the completer's list takes the highlighted offer (or what was typed) and moves on,
        as it does when the list is closed."""
        if (
            watched is self.finder.popup()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            current = self.finder.popup().currentIndex()
            self.finder.popup().hide()
            if current.isValid():
                self.select_code(str(current.data(CODE_ROLE)))
            else:
                self._choose_typed()
            if event.key() == Qt.Key.Key_Tab:
                self.focusNextChild()
            else:
                self.focusPreviousChild()
            return True
        return super().eventFilter(watched, event)

    def set_divisions(self, found: list[Division]) -> None:
        self.blockSignals(True)
        self.items.clear()
        for division in found:
            item = QStandardItem(division.name)
            item.setData(division.code, CODE_ROLE)
            item.setData(f"{division.name} {division.initials} {division.pinyin}", KEY_ROLE)
            item.setToolTip(division.code)
            self.items.appendRow(item)
        self.setCurrentIndex(-1)
        self.setEditText("")
        self.blockSignals(False)
        self.setEnabled(bool(found))

    def code(self) -> str | None:
        index = self.currentIndex()
        if index < 0:
            return None
        return str(self.itemData(index, CODE_ROLE))

    def select_code(self, code: str) -> bool:
        index = self.findData(code, CODE_ROLE)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0

    def _on_line_editing_finished(self) -> None:
        """Return or leaving the level: a name typed in full, or the one offer left for what was typed,
        chooses; anything else leaves the level unchosen. (While the completer's list has a current
        entry, Return is the completer's: it chooses that entry right after.)"""
        popup = self.finder.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            return
        self._choose_typed()

    def _choose_typed(self) -> None:
        text = self.currentText().strip()
        if not text:
            if self.currentIndex() >= 0:
                self.setCurrentIndex(-1)
            return
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index < 0:
            self.finder.setCompletionPrefix(text)
            offered = self.finder.completionModel()
            if offered.rowCount() == 1:
                index = self.findData(offered.index(0, 0).data(CODE_ROLE), CODE_ROLE)
        self.finder.popup().hide()
        if index >= 0:
            if index != self.currentIndex():
                self.setCurrentIndex(index)
            else:
                self.setEditText(self.itemText(index))
        else:
            self.setCurrentIndex(-1)
            self.setEditText("")


class DivisionPicker(QWidget):
    """Four combos; `code()` is the deepest chosen division (None when no province is chosen)."""

    changed = Signal(object)  # the chosen code (str) or None

    def __init__(self, parent: QWidget | None = None, *, year: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("divisionPicker")
        self.official: DivisionSet = divisions(year)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        titles = (self.tr("省级"), self.tr("地级"), self.tr("县级"), self.tr("乡级（乡镇、街道）"))
        hint = self.tr("输入名称或拼音")
        self.combos: list[LevelCombo] = []
        for column, (level, title) in enumerate(zip(LEVELS, titles, strict=True)):
            label = QLabel(title)
            label.setObjectName(f"{level}Label")
            combo = LevelCombo(hint, self)
            combo.setObjectName(f"{level}Combo")
            label.setBuddy(combo)
            layout.addWidget(label, 0, column)
            layout.addWidget(combo, 1, column)
            combo.currentIndexChanged.connect(lambda _i, c=column: self._on_level_changed(c))
            layout.setColumnStretch(column, 1)
            self.combos.append(combo)
        self.province, self.city, self.county, self.township = self.combos
        self.province.set_divisions(self.official.children())
        for combo in self.combos[1:]:
            combo.set_divisions([])

    def code(self) -> str | None:
        for combo in reversed(self.combos):
            if combo.isEnabled() and combo.code():
                return combo.code()
        return None

    def division(self) -> Division | None:
        code = self.code()
        return self.official.get(code) if code else None

    def set_code(self, code: str | None) -> bool:
        """Choose a division and its ancestors (False when the set has no such code)."""
        if not code:
            self.province.setCurrentIndex(-1)
            return True
        found = self.official.get(code)
        if found is None or found.level == "village":
            return False
        for step in [*self.official.ancestors(found.code), found]:
            combo = self.combos[LEVELS.index(step.level)]
            if not combo.select_code(step.code):
                return False
        return True

    def _on_level_changed(self, column: int) -> None:
        chosen = self.combos[column].code()
        for deeper in self.combos[column + 1 :]:
            deeper.set_divisions([])
        if chosen is not None:
            children = self.official.children(chosen)
            if children and children[0].level in LEVELS:
                target = self.combos[LEVELS.index(children[0].level)]
                target.set_divisions(children)
                if len(children) == 1:  # 北京市 → 市辖区: nothing to choose
                    target.setCurrentIndex(0)
        self.changed.emit(self.code())
