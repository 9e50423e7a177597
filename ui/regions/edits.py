"""What the region editor writes: rename, delete, retire (with its dialog) and undo it, add a village or an
official division, load a division from the pickers; each through msfood.services.roster.regions in a unit of
work, then the tree reloads. A mixin of RegionEditor; its texts keep the editor's translation context.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msfood.core.errors import NothingToDo, ValidationError
from msfood.i18n import t
from msfood.services.roster.editing import delete_region
from msfood.services.roster.regions import (
    RegionNode,
    RegionsLoaded,
    add_region,
    load_official_regions,
    rename_region,
    retire_region,
)
from msfood.services.writing.transaction import unit_of_work
from ui.context import AppContext
from ui.errors import error_text, show_error
from ui.regions.picker import DivisionPicker
from ui.screen_fit import keep_on_screen
from ui.workers import run_op

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QComboBox, QTreeWidget

    class EditorParts(QWidget):
        """What the mixin reads of RegionEditor (for the type checker only)."""

        changed: SignalInstance
        context: AppContext
        may_edit: bool
        last_message: str
        retire_dialog: RetireDialog | None
        picker: DivisionPicker
        load_button: QPushButton
        name_edit: QLineEdit
        official_combo: QComboBox
        tree: QTreeWidget
        new_code: QLineEdit
        new_name: QLineEdit

        def selected(self) -> RegionNode | None: ...

        def reload(self) -> None: ...

        def _after_write_select(self, code: str) -> None: ...
else:
    EditorParts = object


class RegionEdits(EditorParts):
    def _write(self, action, **kwargs):  # type: ignore[no-untyped-def]
        with unit_of_work(
            self.context.database.sessions, actor=self.context.actor, clock=self.context.clock
        ) as uow:
            return action(uow, **kwargs)

    def _after_write(self) -> None:
        self.context.changed({"regions"})
        self.changed.emit()
        self.reload()

    def _on_rename_clicked(self) -> None:
        node = self.selected()
        if node is None or self.name_edit.text().strip() == node.name:
            return
        try:
            self._write(rename_region, region_id=node.id, name=self.name_edit.text())
        except Exception as exc:  # noqa: BLE001 (shown to the person, bugs logged by show_error)
            show_error(self, exc)
            return
        self._after_write()

    def _on_delete_clicked(self) -> None:
        node = self.selected()
        if node is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("RegionEditor", "删除区划"),
            QCoreApplication.translate("RegionEditor", "删除区划“{name}”（{code}）？").format(
                name=node.name, code=node.code
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._write(delete_region, region_id=node.id)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.tree.setCurrentItem(None)  # type: ignore[arg-type]
        self._after_write()

    def _on_retire_clicked(self) -> None:
        node = self.selected()
        if node is None:
            return
        self.retire_dialog = RetireDialog(node, node.retired_on or self.context.clock.today(), self)
        self.retire_dialog.accepted.connect(self._on_retire_accepted)
        self.retire_dialog.open()

    def _on_retire_accepted(self) -> None:
        dialog, self.retire_dialog = self.retire_dialog, None
        if dialog is None:
            return
        self._retire(dialog.node, dialog.day())
        dialog.deleteLater()

    def _on_unretire_clicked(self) -> None:
        node = self.selected()
        if node is None or node.retired_on is None:
            return
        answer = QMessageBox.question(
            self,
            t("region_retire.ui.undo_button"),
            t("region_retire.ui.undo_question", name=node.name, code=node.code),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._retire(node, None)

    def _retire(self, node: RegionNode, day: dt.date | None) -> None:
        try:
            result = self._write(retire_region, code=node.code, retired_on=day)
        except NothingToDo as exc:
            QMessageBox.information(self, t("region_retire.ui.title"), error_text(exc))
            return
        except ValidationError as exc:
            QMessageBox.warning(self, t("region_retire.ui.refused_title"), error_text(exc))
            return
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.last_message = result.sentence()
        self._after_write_select(node.code)

    def _on_add_clicked(self) -> None:
        node = self.selected()
        if node is None:
            return
        try:
            self._write(
                add_region, parent_code=node.code, code=self.new_code.text(), name=self.new_name.text()
            )
        except ValidationError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("RegionEditor", "无法新增"), error_text(exc))
            return
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        added = "".join(self.new_code.text().split())
        self.new_name.clear()
        self._after_write_select(added)

    def _on_add_official_clicked(self) -> None:
        code = self.official_combo.currentData()
        if code:
            self.load(str(code))

    def _on_load_clicked(self) -> None:
        code = self.picker.code()
        if code is None:
            QMessageBox.information(
                self,
                QCoreApplication.translate("RegionEditor", "载入官方区划"),
                QCoreApplication.translate("RegionEditor", "请先选择要载入的区划。"),
            )
            return
        self.load(code)

    def load(self, code: str) -> None:
        """Load a division, its ancestors and everything under it, off the UI thread."""
        context = self.context

        def work() -> RegionsLoaded:
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                return load_official_regions(uow, code=code)

        self.load_button.setEnabled(False)
        op = run_op(self, work, progress=QCoreApplication.translate("RegionEditor", "正在载入区划……"))
        op.on_success(self._on_official_loaded).on_failure(self._on_load_failed)

    def _on_official_loaded(self, result: RegionsLoaded) -> None:
        self.load_button.setEnabled(self.may_edit)
        self.last_message = result.sentence()
        QMessageBox.information(
            self, QCoreApplication.translate("RegionEditor", "载入官方区划"), self.last_message
        )
        self._after_write_select(result.code)

    def _on_load_failed(self, exc: BaseException) -> None:
        self.load_button.setEnabled(self.may_edit)
        if isinstance(exc, NothingToDo):
            self.last_message = error_text(exc)
            QMessageBox.information(
                self, QCoreApplication.translate("RegionEditor", "载入官方区划"), self.last_message
            )
            return
        show_error(self, exc)


class RetireDialog(QDialog):
    """撤销区划: the last day the region is in use (a window-modal date picker)."""

    def __init__(self, node: RegionNode, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # never taller than a 1366×768 screen at 125%
        self.node = node
        self.setObjectName("retireDialog")
        self.setWindowTitle(t("region_retire.ui.title"))
        layout = QVBoxLayout(self)
        text = QLabel(t("region_retire.ui.dialog_text", name=node.name, code=node.code))
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setObjectName("retiredOn")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow(t("region_retire.ui.last_day"), self.date_edit)
        layout.addLayout(form)
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok | cancel)
        buttons.button(ok).setText(t("region_retire.ui.retire_ok"))
        buttons.button(cancel).setText(t("region_retire.ui.cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def day(self) -> dt.date:
        value = self.date_edit.date()
        return dt.date(value.year(), value.month(), value.day())
