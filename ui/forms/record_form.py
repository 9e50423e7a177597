"""The form of one record, for every kind (FormSpec): errors beside their fields, warnings in place.

Keyboard first: Tab walks the fields in order, Enter in a picker takes the choice and moves on, Enter
elsewhere or Ctrl+Enter / Ctrl+S saves, Esc closes but asks first when something was changed, Ctrl+N starts
a new record. Quick entry keeps the form open after each save,
keeps the fields marked sticky (the cadre, the date, the kind) and goes back to the business picker,
so a stack of paper forms is typed in without the mouse. While fields change, the services check the
record in a transaction that is rolled back, so their warnings (a cadre level that does not match the
business grade, a visit by video to a high-risk business) show before saving.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from msfood.core.errors import Issue, MsfoodError, ValidationError
from msfood.services.records.saving import Saved
from ui.forms import field_editors, notices
from ui.forms.fields import Field, form_text
from ui.forms.kinds import FormSpec
from ui.forms.pickers import RecordPicker
from ui.forms.undo import RecordCommand
from ui.screen_fit import fit_dialog
from ui.theme import keep_style, status_style, warning_panel_style

ERROR_STYLE = partial(status_style, "bad")  # made when the label is, and again when the palette changes
WARNING_STYLE = warning_panel_style
PREVIEW_DELAY_MS = 400


def issue_text(issue: Issue) -> str:
    text = issue.message()
    number = issue.params.get("problem")
    return QCoreApplication.translate("Forms", "第 {0} 个问题：").format(number) + text if number else text


class RecordForm(QDialog):
    saved = Signal(object)  # Saved

    def __init__(
        self,
        context: Any,
        spec: FormSpec,
        *,
        record_id: str | None = None,
        preset: dict[str, Any] | None = None,
        quick: bool = False,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.spec, self.undo_stack = context, spec, undo_stack
        self.record_id = record_id
        self.before: dict[str, Any] | None = None
        self.fields: dict[str, Field] = {}
        self.errors: dict[str, QLabel] = {}
        self.last_saved: Saved | None = None
        self._loading = False
        self._baseline: dict[str, Any] = {}  # the values as loaded or last saved: changed since asks on Esc
        self.setObjectName(f"form_{spec.kind}")
        self._build(quick)
        fit_dialog(self, preferred=QSize(780, 700), minimum=QSize(620, 360))  # 1366×768 at 125% (#17)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.preview)
        if record_id is not None:
            self.load(record_id)
        else:
            self.new_record(preset=preset)

    # --- building -----------------------------------------------------------------------------------

    def _build(self, quick: bool) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("formHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(self.heading)
        self.general_error = self._label(ERROR_STYLE, "generalError")
        self.warnings = self._label(WARNING_STYLE, "formWarnings")
        layout.addWidget(self.general_error)
        layout.addWidget(self.warnings)
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        previous: QWidget | None = None
        for decl in self.spec.fields:
            editor = field_editors.make(decl, self.context)
            editor.setObjectName(f"field_{decl.name}")
            editor.changed.connect(self._on_field_changed)
            if isinstance(editor, RecordPicker):
                editor.message.connect(lambda text, name=decl.name: self._show_note(name, text))
            error = self._label(ERROR_STYLE, f"error_{decl.name}")
            error.setMaximumWidth(280)
            row = QHBoxLayout()
            row.addWidget(editor, 1)
            row.addWidget(error)
            label = form_text(decl.label) + ("*" if decl.required else "")
            form.addRow(label, row)
            self.fields[decl.name] = editor
            self.errors[decl.name] = error
            for target in editor.focus_chain():
                if previous is not None:
                    QWidget.setTabOrder(previous, target)
                previous = target
        cadre, business = self.fields.get("cadre_id"), self.fields.get("business_id")
        if isinstance(cadre, RecordPicker) and isinstance(business, RecordPicker):
            business.cadre_source = cadre.value  # the cadre's own businesses are offered first
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        self.quick_box = QCheckBox(
            QCoreApplication.translate("Forms", "连续录入（保存后留在此表单，录入下一条）"), self)
        self.quick_box.setChecked(quick and self.spec.quick)
        self.quick_box.setVisible(self.spec.quick)
        self.status = QLabel(self)
        self.status.setObjectName("formStatus")
        layout.addWidget(self.quick_box)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            QCoreApplication.translate("Forms", "保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.close_button = self.buttons.addButton(
            QCoreApplication.translate("Forms", "关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        if previous is not None:
            QWidget.setTabOrder(previous, self.quick_box)
            QWidget.setTabOrder(self.quick_box, self.save_button)
            QWidget.setTabOrder(self.save_button, self.close_button)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self._on_new_shortcut_activated)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, activated=self._on_save_shortcut_activated)

    def _label(self, style: Callable[[], str], name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        keep_style(label, style)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    # --- values -------------------------------------------------------------------------------------

    def _reader(self) -> Any:
        from msfood.services.queries.lists import read_sessions

        return read_sessions(self.context.database)()

    @property
    def quick(self) -> bool:
        return self.quick_box.isChecked()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, editor in self.fields.items():
            values[name] = editor.value()
            if hasattr(editor, "text") and callable(editor.text) and editor.value() is not None:
                values[f"{name}_text"] = editor.text()
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            for name, editor in self.fields.items():
                if name in values:
                    editor.set_value(values[name], values.get(f"{name}_text"))
        finally:
            self._loading = False

    def _title(self) -> str:
        what = form_text(self.spec.title)
        if self.record_id:
            return QCoreApplication.translate("Forms", "修改{0}").format(what)
        return QCoreApplication.translate("Forms", "新增{0}").format(what)

    def load(self, record_id: str) -> None:
        with self._reader() as session:
            values = self.spec.load(session, record_id)
        self.record_id = record_id
        self.before = values
        self.set_values(values)
        self._baseline = self.values()
        self._refresh_title()
        self.clear_messages()
        self.show_warnings(self.notes(values))
        self._preview_timer.start()

    def new_record(self, *, preset: dict[str, Any] | None = None, keep_sticky: bool = False) -> None:
        """Empty the form for a new record (quick entry keeps the sticky fields)."""
        sticky = {d.name for d in self.spec.fields if d.sticky} if keep_sticky else set()
        kept = {k: v for k, v in self.values().items() if k.split("_text")[0] in sticky}
        self._loading = True
        try:
            for decl in self.spec.fields:
                if decl.name in sticky:
                    continue
                editor = self.fields[decl.name]
                editor.set_value(self.context.clock.today() if decl.today else None)
        finally:
            self._loading = False
        self.set_values({**kept, **(preset or {})})
        self.record_id, self.before = None, None
        self._baseline = self.values()
        self._refresh_title()
        self.clear_messages()
        self.focus_first(skip_sticky=keep_sticky)

    def focus_first(self, *, skip_sticky: bool = False) -> None:
        for decl in self.spec.fields:
            if skip_sticky and decl.sticky:
                continue
            self.fields[decl.name].setFocus()
            return

    def _refresh_title(self) -> None:
        self.setWindowTitle(self._title())
        self.heading.setText(self._title())

    # --- messages -----------------------------------------------------------------------------------

    def clear_messages(self) -> None:
        for label in (self.general_error, self.warnings, *self.errors.values()):
            label.clear()
            label.hide()

    def _field_for(self, name: str) -> str | None:
        if name in self.fields:
            return name
        for decl in self.spec.fields:
            if name in decl.aliases:
                return decl.name
        return None

    def _show_note(self, name: str, text: str) -> None:
        """A picker's own note beside it ("请从下拉列表中选择", "无匹配", how many match)."""
        label = self.errors[name]
        label.setText(text)
        label.setVisible(bool(text))

    def show_errors(self, issues: list[Issue], notes: dict[str, str] | None = None) -> None:
        """The service's issues beside their fields; `notes` (the form's own) replace a field's issues."""
        notes = notes or {}
        for label in (self.general_error, *self.errors.values()):
            label.clear()
            label.hide()
        general: list[str] = []
        first: str | None = None
        for name in self.fields:  # in the order of the form
            if name in notes:
                self._show_note(name, notes[name])
                first = first or name
        for issue in issues:
            target = self._field_for(issue.field)
            if target is None:
                general.append(issue_text(issue))
                continue
            if target in notes:
                continue
            label = self.errors[target]
            label.setText("\n".join(filter(None, [label.text(), issue_text(issue)])))
            label.show()
            first = first or target
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        if first is not None:
            self.fields[first].setFocus()

    def show_warnings(self, issues: tuple[Issue, ...] | list[Issue]) -> None:
        texts = [issue_text(i) for i in issues]
        self.warnings.setText("\n".join(f"⚠ {t}" for t in texts))
        self.warnings.setVisible(bool(texts))

    # --- checking and saving ------------------------------------------------------------------------

    def notes(self, values: dict[str, Any]) -> list[Issue]:
        """Deadlines to show for these values (a failed sample's retest and case, an overdue problem)."""
        from msfood.services.records.deadlines import record_notes

        with self._reader() as session:
            return record_notes(session, self.spec.kind, values, self.context.clock.today())

    def _on_field_changed(self) -> None:
        if not self._loading:
            self._preview_timer.start()

    def preview(self) -> None:
        """Ask the service what it would say (warnings only), writing nothing."""
        from ui import workers

        if workers.busy():
            return  # a long job holds the database: check on save instead
        from ui.forms.dry_run import dry_run

        values = self.values()
        result = dry_run(self.context, self.spec, values, self.record_id)
        warnings = list(result.warnings) if result is not None else []
        self.show_warnings(warnings + self.notes(values))

    def save(self) -> bool:
        from msfood.services.writing.transaction import unit_of_work

        self._preview_timer.stop()
        values = self.values()
        notes = notices.unchosen(self.spec, self.fields)
        if notes:
            from ui.forms.dry_run import service_issues

            self.show_errors(service_issues(self.context, self.spec, values, self.record_id), notes)
            return False
        try:
            with unit_of_work(self.context.database.sessions, actor=self.context.actor,
                              clock=self.context.clock) as uow:  # fmt: skip
                result = self.spec.save(uow, values, self.record_id)
        except ValidationError as error:
            self.show_errors(error.issues)
            return False
        except MsfoodError as error:
            self.general_error.setText(error.message())
            self.general_error.show()
            return False
        self._after_save(result, values)
        return True

    def _after_save(self, result: Saved, values: dict[str, Any]) -> None:
        outcome = notices.outcome_text(result, new=self.record_id is None)
        self.last_saved = result
        if self.undo_stack is not None and result.outcome != "unchanged":
            self.undo_stack.push(RecordCommand(self.context, self.spec, result.id, self.before, values))
        self.context.changed(result.tables or self.spec.tables)
        self.saved.emit(result)
        self.clear_messages()
        shown_warnings = [*result.warnings, *self.notes(values)]
        if self.quick:
            shown = values.get("business_id_text") or values.get("name") or ""
            if outcome and result.outcome == "updated":
                done = QCoreApplication.translate("Forms", "已更新：{0}（已有同一条记录）。请录入下一条。")
            elif outcome:
                done = QCoreApplication.translate("Forms", "已有同一条记录：{0}，内容相同，未作修改。请录入下一条。")
            else:
                done = QCoreApplication.translate("Forms", "已保存：{0}。请录入下一条。")
            self.status.setText(done.format(shown))
            self.new_record(keep_sticky=True)
            self.show_warnings(shown_warnings)
            return
        self.show_warnings(shown_warnings)
        self.record_id = result.id
        with self._reader() as session:
            self.before = self.spec.load(session, result.id)
        self._baseline = self.values()
        self._refresh_title()
        if result.warnings or outcome:  # stay open so the note is read
            self.status.setText(outcome or QCoreApplication.translate("Forms", "已保存。请留意上面的提示。"))
            return
        self.accept()

    def _on_new_shortcut_activated(self) -> None:
        if self.spec.can_create and (not self.has_changes() or notices.discard_confirmed(self)):
            self.new_record(keep_sticky=self.quick)

    def _on_save_shortcut_activated(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    # --- closing ------------------------------------------------------------------------------------

    def has_changes(self) -> bool:
        return self.values() != self._baseline

    def reject(self) -> None:
        """Esc, 关闭 or the window's close button: a half-filled form is never lost without asking."""
        if self.has_changes() and not notices.discard_confirmed(self):
            return
        super().reject()
