"""The empty dashboard's "what to do next": the first steps of a new unit, each with a button there.

Shown on the dashboard while the unit has no roster yet (no businesses, cadres or assignments). The
steps: load the official regions (区划管理), import the roster from Excel (the main window's
"importExcelAction" when it exists, else the businesses page), add cadres and assignments, and enrol
with the bureau (数据同步). A step done shows a tick; the state is read off the UI thread and again
whenever data change.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.theme import keep_style, muted_text_style, status_style_on_tint, tinted_panel_style
from ui.workers import run_op

if TYPE_CHECKING:  # (SQLAlchemy loads after the first paint)
    from msfood.services.setup.getting_started import SetupProgress

IMPORT_ACTION = "importExcelAction"  # station-admin's 文件 → 导入 Excel… (objectName)


class GettingStartedPanel(QFrame):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("gettingStarted")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        panel = partial(tinted_panel_style, "info", " border-radius: 6px;", selector="#gettingStarted")
        keep_style(self, panel)  # a pale blue panel on white, a deep one on a dark palette
        self.progress: SetupProgress | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("开始使用：还没有包保名册，工作台暂无数据。请按以下步骤完成设置："))
        title.setObjectName("gettingStartedTitle")
        title.setStyleSheet("font-weight: bold;")
        title.setWordWrap(True)
        layout.addWidget(title)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(12)
        layout.addLayout(grid)
        self.marks: dict[str, QLabel] = {}
        self.details: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        steps = (
            ("regions", self.tr("1. 载入区划"), self.tr("区划管理…"), self._on_regions_clicked),
            ("roster", self.tr("2. 导入包保名册"), self.tr("从 Excel 导入…"), self._on_import_clicked),
            ("cadres", self.tr("3. 添加包保干部"), self.tr("包保干部"), lambda: self._go("cadres")),
            ("assignments", self.tr("4. 建立包保关系"), self.tr("包保关系"), lambda: self._go("assignments")),
            ("bureau", self.tr("5. 与市局建立信任"), self.tr("数据同步"), lambda: self._go("sync")),
        )
        for row, (key, text, button_text, slot) in enumerate(steps):
            mark = QLabel("")
            mark.setObjectName(f"{key}StepMark")
            mark.setFixedWidth(22)
            label = QLabel(text)
            detail = QLabel("")
            detail.setObjectName(f"{key}StepDetail")
            detail.setWordWrap(True)
            button = QPushButton(button_text)
            button.setObjectName(f"{key}StepButton")
            button.setMinimumWidth(130)
            button.clicked.connect(slot)
            grid.addWidget(mark, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(detail, row, 2)
            grid.addWidget(button, row, 3, Qt.AlignmentFlag.AlignRight)
            self.marks[key], self.details[key], self.buttons[key] = mark, detail, button
        self.hide()
        context.signals.data_changed.connect(self._on_signals_data_changed)
        self.refresh()

    # --- state

    def is_busy(self) -> bool:
        return self._loading

    def refresh(self) -> None:
        self._loading = True
        context = self.context

        def load() -> SetupProgress:  # (the database is read on the worker: it may open after the paint)
            from msfood.services.setup.getting_started import setup_progress

            with context.database.sessions() as session:
                return setup_progress(session)

        run_op(self, load).on_success(self._show).on_failure(self._on_failed)

    def _on_failed(self, _exc: BaseException) -> None:
        self._loading = False  # the dashboard's own figures say what went wrong

    def _on_signals_data_changed(self, _tables: frozenset[str]) -> None:
        self.refresh()

    def _show(self, progress: SetupProgress) -> None:
        self.progress = progress
        self._loading = False
        bureau = progress.unit_kind == "bureau"
        done = {
            "regions": progress.townships > 0,
            "roster": progress.businesses > 0,
            "cadres": progress.cadres > 0,
            "assignments": progress.assignments > 0,
            "bureau": progress.peers > 0,
        }
        details = {
            "regions": self.tr("已有 {count} 个区划").format(count=progress.regions) if done["regions"]
            else self.tr("从国家统计局区划代码载入本单位的乡镇、村（社区）"),
            "roster": self.tr("已有 {count} 个包保主体").format(count=progress.businesses) if done["roster"]
            else self.tr("包保主体、干部和包保关系可以用导入模板一次导入"),
            "cadres": self.tr("已有 {count} 名干部").format(count=progress.cadres) if done["cadres"]
            else self.tr("市、县、乡、村四级包保干部"),
            "assignments": self.tr("已有 {count} 条包保关系").format(count=progress.assignments)
            if done["assignments"] else self.tr("每个主体由哪位干部包保"),
            "bureau": self.tr("已信任 {count} 个单位").format(count=progress.peers) if done["bureau"]
            else (self.tr("导入各监管所的注册文件") if bureau else self.tr("与市局交换注册文件，核对指纹")),
        }
        for key, mark in self.marks.items():
            mark.setText("✓" if done[key] else "○")
            done_style = partial(status_style_on_tint, "good", "info", " font-weight: bold;")
            keep_style(mark, done_style if done[key] else partial(muted_text_style, on_tint="info"))
            self.details[key].setText(details[key])
        self.setVisible(progress.empty)

    # --- buttons

    def _go(self, key: str) -> None:
        self.context.signals.navigate.emit(key)

    def _on_regions_clicked(self) -> None:
        from ui.regions.dialogs import open_region_editor

        self.region_editor = open_region_editor(self.context, self.window())

    def import_action(self) -> QAction | None:
        """The main window's 文件 → 导入 Excel… action, when this build has it."""
        window = self.window()
        found = window.findChild(QAction, IMPORT_ACTION) if window is not None else None
        return found

    def _on_import_clicked(self) -> None:
        action = self.import_action()
        if action is not None:
            action.trigger()
        else:
            self._go("businesses")
