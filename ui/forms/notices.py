"""What a record form says on its own, before or after the service: a choice not made, a record that
was already kept, a question before losing changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from msfood.services.records.saving import Saved
from ui.forms.fields import ChoiceField, Field, form_text
from ui.forms.kinds import FormSpec
from ui.forms.pickers import RecordPicker


def unchosen(spec: FormSpec, fields: dict[str, Field]) -> dict[str, str]:
    """Fields whose choice is missing, with what to say: text typed in a picker that is not one of its
    choices (the service would only see a blank), a required list left at 请选择."""
    notes: dict[str, str] = {}
    for decl in spec.fields:
        editor = fields[decl.name]
        if isinstance(editor, RecordPicker) and editor.unresolved():
            notes[decl.name] = QCoreApplication.translate("Forms", "请从下拉列表中选择")
        elif isinstance(editor, ChoiceField) and decl.required and editor.value() is None:
            notes[decl.name] = QCoreApplication.translate("Forms", "请选择{0}").format(form_text(decl.label))
    return notes


def outcome_text(result: Saved, *, new: bool) -> str:
    """What happened, when a new record turned out to be one already kept (its natural key)."""
    if not new:
        return ""
    if result.outcome == "updated":
        return QCoreApplication.translate("Forms", "已有同一条记录，已更新该记录。")
    if result.outcome == "unchanged":
        return QCoreApplication.translate("Forms", "已有同一条记录，内容相同，未作修改。")
    return ""


def discard_confirmed(parent: QWidget) -> bool:
    """Asked before a form with changes closes or starts over; No (the default) keeps the form."""
    answer: Any = QMessageBox.question(
        parent, QCoreApplication.translate("Forms", "放弃修改"),
        QCoreApplication.translate("Forms", "表单中有尚未保存的修改。放弃这些修改吗？"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return bool(answer == QMessageBox.StandardButton.Yes)
