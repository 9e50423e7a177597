"""Undo of the last edits (QUndoStack): each command replays the kind's service, never raw writes.

A command is pushed after its action already succeeded, so its first redo does nothing. Undoing a new
record deletes it; undoing an edit saves the values it had before; undoing a delete saves the record
again under its natural key, which brings the same record (same id) back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from msfood.core.errors import MsfoodError
from msfood.services.writing.transaction import unit_of_work
from ui.forms.kinds import FormSpec


class RecordCommand(QUndoCommand):
    """Saved or deleted one record: `before` None means it was new, `after` None that it was deleted."""

    def __init__(
        self,
        context: Any,
        spec: FormSpec,
        record_id: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        what = QCoreApplication.translate("Forms", spec.title)  # a QT_TRANSLATE_NOOP literal
        if before is None:
            text = QCoreApplication.translate("Forms", "新增{0}").format(what)
        elif after is None:
            text = QCoreApplication.translate("Forms", "删除{0}").format(what)
        else:
            text = QCoreApplication.translate("Forms", "修改{0}").format(what)
        super().__init__(text)
        self.context, self.spec, self.record_id = context, spec, record_id
        self.before, self.after = before, after
        self._done = True  # pushed after the action succeeded
        self.error: MsfoodError | None = None

    def _run(self, action: Any) -> None:
        self.error = None
        try:
            with unit_of_work(self.context.database.sessions, actor=self.context.actor,
                              clock=self.context.clock) as uow:  # fmt: skip
                action(uow)
        except MsfoodError as error:
            self.error = error
            from ui.errors import show_error

            show_error(None, error)
            return
        self.context.changed(self.spec.tables)

    def _restore(self, values: dict[str, Any]) -> None:
        self._run(lambda uow: self.spec.save(uow, values, self.record_id))

    def _remove(self) -> None:
        delete = self.spec.delete
        if delete is not None:
            self._run(lambda uow: delete(uow, self.record_id))

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        if self.after is None:
            self._remove()
        elif self.before is None:
            self._restore_new(self.after)
        else:
            self._restore(self.after)

    def _restore_new(self, values: dict[str, Any]) -> None:
        def action(uow: Any) -> None:
            self.record_id = self.spec.save(uow, values, None).id  # brings the tombstoned record back

        self._run(action)

    def undo(self) -> None:
        if self.before is None:
            self._remove()
        elif self.after is None:
            self._restore_new(self.before)
        else:
            self._restore(self.before)
