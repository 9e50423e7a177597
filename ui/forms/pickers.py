"""Picking a business or a cadre by typing: name, pinyin initials (hdl -> 海底捞), credit code or phone.

The completer lists the matches of msfood.services.queries as the user types; Enter takes the first
match when none was chosen and moves on to the next field, so "hdl" + Enter picks 海底捞 and a second
Enter saves (quick entry never needs the mouse).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from msfood.services import queries
from ui.forms.fields import Field, FieldDecl, _row, form_text

Search = Callable[[str], list[tuple[str, str]]]  # text -> [(record id, what to show)]
MATCHES = 12


def business_text(row: Any) -> str:
    code = row.credit_code or row.licence_no or ""
    return f"{row.name}（{code}）" if code else row.name


def cadre_text(row: Any) -> str:
    return f"{row.name}（{row.phone}）"


def searcher(sessions: Callable[[], Any], kind: str, as_text: Callable[[Any], str]) -> Search:
    """Find records of `kind` for a picker: the first matches of the list query's search."""

    def search(text: str) -> list[tuple[str, str]]:
        if not text.strip():
            return []
        with sessions() as session:
            found = queries.page(session, kind, search=text, limit=MATCHES)
        return [(row.id, as_text(row)) for row in found.rows]

    return search


class RecordPicker(Field):
    """Gives the chosen record's id (None until one is chosen)."""

    def __init__(self, decl: FieldDecl, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._id: str | None = None
        self._chosen_text = ""
        self._matches: list[tuple[str, str]] = []
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(form_text(decl.placeholder) if decl.placeholder else "")
        self.edit.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(self.edit)
        self.completer.activated.connect(self._on_completer_activated)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.returnPressed.connect(self._on_edit_return_pressed)
        self.edit.installEventFilter(self)
        _row(self).addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def value(self) -> Any:
        return self._id

    def text(self) -> str:
        return self.edit.text()

    def set_value(self, value: Any, text: str | None = None) -> None:
        self._id = value
        self._chosen_text = text or ""
        self.edit.setText(self._chosen_text if value else "")
        self.changed.emit()

    def matches(self) -> list[tuple[str, str]]:
        return list(self._matches)

    def _on_edit_text_edited(self, text: str) -> None:
        if self._id is not None and text != self._chosen_text:
            self._id = None
            self.changed.emit()
        self._matches = self._search(text)
        self._model.setStringList([shown for _id, shown in self._matches])
        if self._matches and self.edit.hasFocus():
            self.completer.complete()

    def _on_completer_activated(self, text: str) -> None:
        for record_id, shown in self._matches:
            if shown == text:
                self.set_value(record_id, shown)
                self.edit.focusNextChild()
                return

    def _take_first(self) -> bool:
        if self._id is not None or not self._matches:
            return False
        self.completer.popup().hide()
        self.set_value(*self._matches[0])
        self.edit.focusNextChild()
        return True

    def _on_edit_return_pressed(self) -> None:
        self._take_first()  # Enter while the list was open (the completer passes it on)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Enter with a match not yet taken takes it instead of saving the form."""
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self._take_first()
        ):
            return True
        return super().eventFilter(watched, event)

    def choose_first(self, text: str) -> bool:
        """Search `text` and take the first match (what typing it and pressing Enter does)."""
        self.edit.setText(text)
        self._on_edit_text_edited(text)
        self._take_first()
        return self._id is not None
