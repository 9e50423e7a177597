"""文件 → 导入 Excel…: the import template, a dry run listing every problem, then the import itself.

The same service as `msfood import` (msfood.workbook.importer.import_workbook), so the same rules:
all or nothing, every refused cell listed as (sheet, row, column, reason), an automatic backup before
anything is written (its file is named in the summary; the 备份与恢复 dialog restores it). Both runs go
through ui.workers with a progress dialog and Cancel; a cancelled import rolls back whole.

One dialog, one idea, a little over 400 lines: template, dry run, import, undo and the problem list are
the steps of one workflow over the same chosen file and result.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msfood.services.writing.permissions import EDIT_RECORDS, EDIT_ROSTER, RESTORE
from ui.context import AppContext
from ui.dialogs.common import CopyableTableView, TextTableModel, remember_chosen, start_folder, start_path
from ui.screen_fit import fit_dialog
from ui.workers import Op, run_op

# The tables a workbook may write: pages showing them refresh after an import.
IMPORTED_TABLES = frozenset({
    "regions", "businesses", "business_statuses", "cadres", "assignments", "visits", "problems",
    "selfchecks", "samplings", "rapid_tests", "sampling_plans",
})  # fmt: skip


def may_import(context: AppContext) -> bool:
    """Whether the signed-in user may import anything (each sheet's own role is checked by the service)."""
    return context.actor.can(EDIT_RECORDS) or context.actor.can(EDIT_ROSTER)


class ImportExcelDialog(QDialog):
    """Pick a workbook, check it (nothing written), then import it with one confirmation."""

    imported = Signal(object)  # the ImportResult of a finished import
    undo_requested = Signal(object)  # Path of the backup made before the import: offer to restore it

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("importExcelDialog")
        self.setWindowTitle(self.tr("导入 Excel"))
        self.path: Path | None = None
        self.checked: Any = None  # the dry run's ImportResult when it found no error
        self.result: Any = None  # the import's ImportResult
        self.problems: list[Any] = []  # RowIssue, errors first
        self.op: Op | None = None
        self._build()
        self._update_buttons()

    # --- building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "从 Excel 工作簿（.xlsx、.xls）或 CSV 文件夹导入区划、包保主体、干部、包保关系和各类记录。"
                "先检查，没有问题才写入；有任何问题则一条也不写入。导入前自动备份数据库。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        template_row = QHBoxLayout()
        template_row.addWidget(QLabel(self.tr("第一步：按导入模板整理数据。")))
        self.template_button = QPushButton(self.tr("保存导入模板…"))
        self.template_button.setObjectName("templateButton")
        self.template_button.clicked.connect(self._on_template_button_clicked)
        template_row.addWidget(self.template_button)
        template_row.addStretch(1)
        layout.addLayout(template_row)

        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("第二步：选择文件")))
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("fileEdit")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("尚未选择文件"))
        file_row.addWidget(self.file_edit, 1)
        self.pick_button = QPushButton(self.tr("选择工作簿…"))
        self.pick_button.setObjectName("pickFileButton")
        self.pick_button.clicked.connect(self._on_pick_button_clicked)
        file_row.addWidget(self.pick_button)
        self.folder_button = QPushButton(self.tr("选择 CSV 文件夹…"))
        self.folder_button.setObjectName("pickFolderButton")
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        file_row.addWidget(self.folder_button)
        layout.addLayout(file_row)

        check_row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("检查（不写入）"))
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self._on_check_button_clicked)
        check_row.addWidget(self.check_button)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        check_row.addWidget(self.status_label, 1)
        layout.addLayout(check_row)

        box = QGroupBox(self.tr("问题清单"))
        box_layout = QVBoxLayout(box)
        self.model = TextTableModel(
            [self.tr("工作表"), self.tr("行"), self.tr("列"), self.tr("类别"), self.tr("原因")], self
        )
        self.table = CopyableTableView()
        self.table.setObjectName("problemTable")
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 60)
        self.table.setColumnWidth(2, 150)
        self.table.setColumnWidth(3, 60)  # the reason, last, takes the rest
        box_layout.addWidget(self.table, 1)
        problem_buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("复制所选（Ctrl+C）"))
        self.copy_button.setObjectName("copyButton")
        self.copy_button.clicked.connect(self.table.copy_selection)
        self.export_button = QPushButton(self.tr("导出问题清单…"))
        self.export_button.setObjectName("exportProblemsButton")
        self.export_button.clicked.connect(self._on_export_button_clicked)
        problem_buttons.addWidget(self.copy_button)
        problem_buttons.addWidget(self.export_button)
        problem_buttons.addStretch(1)
        box_layout.addLayout(problem_buttons)
        layout.addWidget(box, 1)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_label, 1)
        self.undo_button = QPushButton(self.tr("撤销此次导入…"))
        self.undo_button.setObjectName("undoImportButton")
        self.undo_button.setToolTip(self.tr("用导入前的自动备份恢复数据库（在“备份与恢复”中确认）"))
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        summary_row.addWidget(self.undo_button)
        layout.addLayout(summary_row)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.close_button = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        fit_dialog(self, preferred=QSize(1000, 640))

    def _update_buttons(self) -> None:
        running = self.op is not None
        for button in (self.template_button, self.pick_button, self.folder_button):
            button.setEnabled(not running)
        self.check_button.setEnabled(not running and self.path is not None)
        self.import_button.setEnabled(
            not running and self.checked is not None and self.result is None and may_import(self.context)
        )
        self.copy_button.setEnabled(bool(self.problems))
        self.export_button.setEnabled(bool(self.problems) and not running)

    # --- the template

    def _on_template_button_clicked(self) -> None:
        start = start_path(self.context.settings, "import", self.tr("导入模板.xlsx"))
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("保存导入模板"), start, self.tr("Excel 工作簿 (*.xlsx)")
        )
        if chosen:
            remember_chosen(self.context.settings, "import", chosen)
            out = Path(chosen)
            if out.suffix.lower() != ".xlsx":
                out = out.with_name(out.name + ".xlsx")
            self.save_template(out)

    def save_template(self, out: Path) -> Op:
        def work() -> Path:
            from msfood.workbook.template import write_template

            return write_template(out)

        self.op = run_op(self, work)
        self.op.on_success(self._on_template_written).on_failure(self._on_failed)
        self._update_buttons()
        return self.op

    def _on_template_written(self, path: Path) -> None:
        self.op = None
        self._update_buttons()
        self.status_label.setText(self.tr("导入模板已保存：{path}").format(path=path))

    # --- picking and checking

    def _on_pick_button_clicked(self) -> None:
        start = str(self.path.parent) if self.path else start_folder(self.context.settings, "import")
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择要导入的工作簿"), start,
            self.tr("Excel 工作簿 (*.xlsx *.xls);;所有文件 (*)"),
        )  # fmt: skip
        if chosen:
            remember_chosen(self.context.settings, "import", chosen)
            self.choose(Path(chosen))

    def _on_folder_button_clicked(self) -> None:
        start = str(self.path.parent) if self.path else start_folder(self.context.settings, "import")
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择 CSV 文件所在的文件夹"), start)
        if chosen:
            remember_chosen(self.context.settings, "import", Path(chosen).parent)
            self.choose(Path(chosen))

    def choose(self, path: Path) -> Op:
        """Take `path` (a workbook or a CSV folder) and check it at once (the dry run)."""
        self.path = path
        self.file_edit.setText(str(path))
        self.checked = None
        self.result = None
        self.summary_label.clear()
        self.undo_button.setVisible(False)
        return self.check()

    def _on_check_button_clicked(self) -> None:
        if self.path is not None:
            self.check()

    def check(self) -> Op:
        return self._run(dry_run=True)

    def _run(self, *, dry_run: bool) -> Op:
        from msfood.workbook.importer import import_workbook

        assert self.path is not None
        path, context = self.path, self.context
        self._show_problems([])
        self.status_label.setText(self.tr("正在检查……") if dry_run else self.tr("正在导入……"))

        def work() -> Any:
            return import_workbook(
                context.database, path, actor=context.actor, clock=context.clock, dry_run=dry_run
            )

        title = self.tr("正在检查工作簿") if dry_run else self.tr("正在导入工作簿")
        self.op = run_op(self, work, progress=title)
        self.op.on_success(self._on_checked if dry_run else self._on_imported)
        self.op.on_failure(self._on_failed)
        self._update_buttons()
        return self.op

    def _on_checked(self, result: Any) -> None:
        self.op = None
        self.checked = result
        self._show_problems([], list(result.warnings))
        self.status_label.setText(
            self.tr(
                "检查通过，没有发现错误（尚未写入）：共 {rows} 行，将新增 {new}、更新 {updated}，"
                "{unchanged} 条与已有数据相同。点“导入”写入。"
            ).format(rows=result.rows, new=result.new, updated=result.updated, unchanged=result.unchanged)
        )
        self._update_buttons()

    def _on_failed(self, exc: BaseException) -> None:
        from msfood.core.errors import Cancelled
        from msfood.workbook.result import WorkbookRefused

        self.op = None
        if isinstance(exc, WorkbookRefused):
            self.checked = None
            self._show_problems(list(exc.result.errors), list(exc.result.warnings))
            self.status_label.setText(
                self.tr("发现 {n} 个问题，没有写入任何数据。请按问题清单修改文件后重新检查。").format(
                    n=len(exc.result.errors) + exc.result.errors_left_off  # the list stops at 1,000
                )
            )
        elif isinstance(exc, Cancelled):
            self.status_label.setText(self.tr("已取消，没有写入任何数据。"))
        else:
            from ui.errors import error_text, show_error

            self.status_label.setText(error_text(exc))
            show_error(self, exc)
        self._update_buttons()

    def _show_problems(self, errors: list[Any], warnings: Sequence[Any] = ()) -> None:
        """Errors (red) then warnings (yellow), each as sheet, row, column, reason, kind."""
        self.problems = [*errors, *warnings]
        lang = self._lang()
        rows, tones = [], []
        for problem, is_error in [*((e, True) for e in errors), *((w, False) for w in warnings)]:
            rows.append(
                (
                    problem.sheet or "—",
                    "" if problem.row is None else problem.row,
                    problem.column or "—",
                    self.tr("错误") if is_error else self.tr("提示"),
                    problem.message(lang),
                )
            )
            tones.append("bad" if is_error else "warn")  # fmt: skip
        self.model.set_rows(rows, tones)
        self._update_buttons()

    @staticmethod
    def _lang() -> str | None:
        from ui.i18n import is_english

        return "en" if is_english() else None

    # --- the import

    def _on_import_button_clicked(self) -> None:
        if self.checked is None or self.path is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("确认导入"),
            self.tr(
                "将导入 {name}：新增 {new}、更新 {updated}。\n导入前会自动备份当前数据库，"
                "如有需要可在“管理 → 备份与恢复”中恢复。\n确定导入吗？"
            ).format(name=self.path.name, new=self.checked.new, updated=self.checked.updated),
        )
        if answer in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok):
            self.start_import()

    def start_import(self) -> Op:
        return self._run(dry_run=False)

    def _on_imported(self, result: Any) -> None:
        self.op = None
        self.result = result
        self._show_problems([], list(result.warnings))
        self.status_label.setText(self.tr("导入完成。"))
        backup = result.backup or self.tr("（无：数据库不是本机文件）")
        self.summary_label.setText(
            self.tr(
                "新增 {new} 条，更新 {updated} 条，未变 {unchanged} 条，冲突 {conflicts} 条。\n"
                "导入前的自动备份：{backup}（可在“管理 → 备份与恢复”中恢复）"
            ).format(new=result.new, updated=result.updated, unchanged=result.unchanged,
                     conflicts=result.conflicts, backup=backup)
        )  # fmt: skip
        self.undo_button.setVisible(bool(result.backup) and self.context.actor.can(RESTORE))
        self._update_buttons()
        if result.new or result.updated:
            self.context.changed(IMPORTED_TABLES)
        self.imported.emit(result)

    def _on_undo_button_clicked(self) -> None:
        if self.result is not None and self.result.backup:
            self.accept()
            self.undo_requested.emit(Path(self.result.backup))

    # --- the problem list

    def problem_rows(self) -> list[tuple[str, ...]]:
        return self.model.rows()

    def _on_export_button_clicked(self) -> None:
        stem = (self.path.stem if self.path else "import") + self.tr("-问题清单")
        start = start_path(self.context.settings, "import", f"{stem}.xlsx")
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("导出问题清单"), start, self.tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)")
        )
        if not chosen:
            return
        remember_chosen(self.context.settings, "import", chosen)
        out = Path(chosen)
        if out.suffix.lower() not in (".xlsx", ".csv"):
            out = out.with_name(out.name + (".csv" if "csv" in chosen_filter.lower() else ".xlsx"))
        self.export_problems(out)

    def export_problems(self, out: Path) -> Op:
        """Write the problem list as shown to `out` (.xlsx, or .csv in UTF-8 with a BOM for Excel)."""
        headers, rows, title = list(self.model.headers), self.model.rows(), self.tr("问题清单")

        def work() -> Path:
            if out.suffix.lower() == ".csv":
                with open(out, "w", encoding="utf-8-sig", newline="") as handle:
                    writer = csv.writer(handle)
                    writer.writerow(headers)
                    writer.writerows(rows)
            else:
                from msfood.workbook.export import export_view

                export_view(rows, headers, out, title=title)
            return out

        op = run_op(self, work)
        op.on_success(
            lambda path: self.status_label.setText(self.tr("问题清单已导出：{path}").format(path=path))
        )
        return op
