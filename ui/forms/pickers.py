"""Picking a business or a cadre by typing: name, pinyin initials (hdl) or full pinyin (haidilao), a
credit code or a phone. The drop-down shows what tells records apart (township, address; the form's
cadre's own businesses first, marked ★).

A picker never resolves to a record the user did not see: Enter takes the highlighted entry, or the only
match; with several matches and none highlighted it opens the list and says to choose. Enter then moves
on to the next field (once: the completer's own handling of the same key is not run as well). Text that
is not a choice says "请从下拉列表中选择" when the field is left, and "无匹配" shows when nothing matches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ui.forms.fields import Field, FieldDecl, _row, form_text

if TYPE_CHECKING:
    from msfood.services.queries.pickers import Choice

Search = Callable[[str, "str | None"], "list[Choice]"]  # (text, the form's cadre id) -> choices
POPUP_MIN_WIDTH = 560
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def business_searcher(sessions: Callable[[], Any], today: Callable[[], Any]) -> Search:
    def search(text: str, cadre_id: str | None) -> list[Choice]:
        from msfood.services.queries.pickers import pick_businesses

        with sessions() as session:
            return pick_businesses(session, text=text, cadre_id=cadre_id, today=today())

    return search


def cadre_searcher(sessions: Callable[[], Any]) -> Search:
    def search(text: str, _cadre_id: str | None) -> list[Choice]:
        from msfood.services.queries.pickers import pick_cadres

        with sessions() as session:
            return pick_cadres(session, text=text)

    return search


def shown_text(choice: Choice) -> str:
    """One line of the drop-down: name (code) · township · address, the cadre's own marked ★."""
    parts = [choice.chosen_text, *(p for p in (choice.place, choice.detail) if p)]
    line = " · ".join(parts)
    if choice.own:
        line = "★ " + line + QCoreApplication.translate("Forms", "（该干部包保）")
    return line


class RecordPicker(Field):
    """Gives the chosen record's id (None until one is chosen)."""

    message = Signal(str)  # a note for beside the field; "" clears it

    def __init__(self, decl: FieldDecl, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.cadre_source: Callable[[], str | None] | None = None  # the form's cadre, to rank by
        self._id: str | None = None
        self._chosen_text = ""
        self._matches: list[Choice] = []
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(form_text(decl.placeholder) if decl.placeholder else "")
        self.edit.setClearButtonEnabled(True)
        self._model = QStandardItemModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.edit)
        self.completer.setMaxVisibleItems(10)
        self.completer.activated[QModelIndex].connect(self._on_completer_activated)  # a click
        popup = self.completer.popup()
        popup.setMinimumWidth(POPUP_MIN_WIDTH)
        popup.setObjectName("pickerPopup")
        popup.installEventFilter(self)  # after the completer's own filter, so it runs first
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.installEventFilter(self)
        _row(self).addWidget(self.edit)
        self.setFocusProxy(self.edit)

    # --- value --------------------------------------------------------------------------------------

    def value(self) -> Any:
        return self._id

    def text(self) -> str:
        return self.edit.text()

    def set_value(self, value: Any, text: str | None = None) -> None:
        self._id = value
        self._chosen_text = text or ""
        self.edit.setText(self._chosen_text if value else "")
        self.message.emit("")
        self.changed.emit()

    def unresolved(self) -> bool:
        """Text typed that is not a choice (saving it would lose what the user meant)."""
        return self._id is None and bool(self.edit.text().strip())

    def matches(self) -> list[Choice]:
        return list(self._matches)

    def popup_lines(self) -> list[str]:
        return [self._model.item(r).text() for r in range(self._model.rowCount())]

    # --- searching ----------------------------------------------------------------------------------

    def _on_edit_text_edited(self, text: str) -> None:
        if self._id is not None and text != self._chosen_text:
            self._id = None
            self.changed.emit()
        self.message.emit("")
        self._refresh(text)

    def _refresh(self, text: str) -> None:
        self._matches = self._search(text, self._cadre()) if text.strip() else []
        self._model.clear()
        for choice in self._matches:
            self._model.appendRow(QStandardItem(shown_text(choice)))
        if not text.strip():
            self.completer.popup().hide()
            return
        if not self._matches:
            nothing = QStandardItem(QCoreApplication.translate("Forms", "无匹配"))
            nothing.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, never chosen
            self._model.appendRow(nothing)
        if self.edit.hasFocus():
            self.completer.complete()

    # --- choosing -----------------------------------------------------------------------------------

    def _take(self, row: int) -> bool:
        if not 0 <= row < len(self._matches):
            return False
        choice = self._matches[row]
        self.completer.popup().hide()
        self.set_value(choice.id, choice.chosen_text)
        return True

    def _highlighted_row(self) -> int:
        popup = self.completer.popup()
        if not popup.isVisible():
            return -1
        selected = popup.selectionModel().selectedIndexes()  # highlighted by the user (the current row
        if not selected:  # alone is set by the completer itself, unseen)
            return -1
        index = selected[0]
        source = self.completer.completionModel().mapToSource(index)  # type: ignore[attr-defined]
        return source.row()

    def _on_completer_activated(self, index: QModelIndex) -> None:
        source = self.completer.completionModel().mapToSource(index)  # type: ignore[attr-defined]
        if self._take(source.row()):
            self.edit.setFocus()

    def _resolve(self) -> bool:
        """Enter: take the highlighted or only match; say what to do otherwise. True when resolved."""
        if self._take(self._highlighted_row()):
            return True
        text = self.edit.text()
        if not text.strip() or (self._id is not None and text == self._chosen_text):
            return True  # nothing to choose, or already chosen
        self._refresh(text)  # the matches as they are now, shown
        if len(self._matches) == 1:
            return self._take(0)
        if self._matches:
            self.message.emit(QCoreApplication.translate(
                "Forms", "有 {0} 个匹配，请用 ↓ 键选择后按回车").format(len(self._matches)))
        else:
            self.message.emit(QCoreApplication.translate("Forms", "无匹配"))
        return False

    def _cadre(self) -> str | None:
        return self.cadre_source() if self.cadre_source is not None else None

    def _move_on(self, forward: bool = True) -> None:
        self.completer.popup().hide()
        if forward:
            self.edit.focusNextChild()
        else:
            self.edit.focusPreviousChild()

    def _on_key(self, event: QKeyEvent) -> bool:
        """Keys on the field or its open drop-down; True when handled here."""
        key, popup = event.key(), self.completer.popup()
        plain = not (event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in ENTER_KEYS and plain:
            if self._resolve():
                self._move_on()
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            if not self._take(self._highlighted_row()) and self.unresolved() and len(self._matches) == 1:
                self._take(0)  # the only match: Tab means it
            backwards = key == Qt.Key.Key_Backtab or event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self._move_on(forward=not backwards)
            return True
        if key == Qt.Key.Key_Escape and popup.isVisible():
            popup.hide()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not popup.isVisible() and self.unresolved():
            self._refresh(self.edit.text())
            return True
        return False

    def _on_focus_out(self, event: QFocusEvent) -> None:
        if event.reason() == Qt.FocusReason.PopupFocusReason or self.completer.popup().isVisible():
            return
        if self.unresolved():
            self.message.emit(QCoreApplication.translate("Forms", "请从下拉列表中选择"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched in (self.edit, self.completer.popup()):
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._on_key(event):
                return True
            focus_out = isinstance(event, QFocusEvent) and event.type() == QEvent.Type.FocusOut
            if watched is self.edit and focus_out:
                self._on_focus_out(event)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def choose_first(self, text: str) -> bool:
        """Search `text` and take the first match (a shortcut for tests and presets, not the keyboard)."""
        self.edit.setText(text)
        self._on_edit_text_edited(text)
        self._take(0)
        return self._id is not None
