"""数据同步 › 冲突: records edited at two places at once (or claiming one natural key), both versions side
by side, field by field with the differences highlighted; keep the current one, the other, or both.

"Keep both" is offered only where the table has no natural key (ConflictInfo.can_keep_both). For a
record that claimed a key another record holds, keeping the other version merges it into that record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from msfood.domain.enums import (
    ANSWER,
    BUSINESS_FORM,
    BUSINESS_STATUS,
    GRADE,
    LEVEL,
    PERIOD_TYPE,
    PROBLEM_STATUS,
    SAMPLING_RESULT,
    SAMPLING_TYPE,
    SCALE,
    SELFCHECK_KIND,
    VISIT_MODE,
)
from msfood.services.writing.permissions import SYNC, action_for_table
from ui.context import AppContext
from ui.i18n import is_english
from ui.pages.sync.common import (
    SyncState,
    capitalised,
    hlc_time,
    hlc_unit,
    local_time,
    refusal_tip,
    table_label,
)
from ui.pages.sync.history import table_view
from ui.pages.sync.models import Col, RowsModel, show
from ui.theme import keep_style, muted_text_style
from ui.workers import Op, run_op

REPLICATION = frozenset({"id", "hlc", "base_hlc", "origin", "local_seq", "entered_at"})
NAMING_FIELDS = (
    "name", "sample_no", "code", "phone", "key", "sample_name", "item", "description", "visit_date",
)  # fmt: skip
REASONS = {
    "concurrent": QT_TRANSLATE_NOOP("SyncColumns", "两处同时修改"),
    "duplicate": QT_TRANSLATE_NOOP("SyncColumns", "唯一标识重复"),
    # Set aside: the sender may not change this here (msfood.sync.authority).
    "own_chain": QT_TRANSLATE_NOOP("SyncColumns", "本单位的审计记录"),
    "audit_changed": QT_TRANSLATE_NOOP("SyncColumns", "审计记录被改"),
    "own_unit": QT_TRANSLATE_NOOP("SyncColumns", "本单位信息"),
    "other_origin": QT_TRANSLATE_NOOP("SyncColumns", "无权代其他单位发送"),
    "other_unit": QT_TRANSLATE_NOOP("SyncColumns", "其他单位的信息"),
    "region_outside": QT_TRANSLATE_NOOP("SyncColumns", "区划不在发送方辖区"),
    "shared_down": QT_TRANSLATE_NOOP("SyncColumns", "只能由上级局下发"),
    "outside_area": QT_TRANSLATE_NOOP("SyncColumns", "不在发送方辖区"),
}
CHOICES = {
    "current": QT_TRANSLATE_NOOP("SyncColumns", "保留现有版本"),
    "lost": QT_TRANSLATE_NOOP("SyncColumns", "改用另一版本"),
    "both": QT_TRANSLATE_NOOP("SyncColumns", "两者都保留"),
}


def describe(info: Any) -> str:
    """The record in a few words: its name, number or code (else the start of its id)."""
    for version in (info.current or {}, info.lost):
        for name in NAMING_FIELDS:
            if version.get(name):
                return str(version[name])
    return info.record_id[:8]


def _reason(value: str) -> str:
    return QCoreApplication.translate("SyncColumns", REASONS.get(value, value))


def _state(info: Any) -> str:
    if info.resolved_at is None:
        return QCoreApplication.translate("SyncColumns", "待处理")
    resolution = info.resolution or ""
    choice = QCoreApplication.translate("SyncColumns", CHOICES.get(resolution, resolution))
    return QCoreApplication.translate("SyncColumns", "已处理：{choice}").format(choice=choice)


CONFLICT_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("SyncColumns", "数据"), lambda c: c.table_name, text=table_label),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "记录"), describe),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "原因"), lambda c: c.reason, text=_reason),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "不同的字段"), lambda c: len(c.differing), numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "发现时间"), lambda c: c.detected_at),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "状态"), _state),
)


@dataclass(frozen=True)
class FieldRow:
    field: str
    current: str  # as people read it: labels for codes, names for the records it points at
    lost: str
    differs: bool  # the stored values differ


ENUMS = {
    "form": BUSINESS_FORM, "grade": GRADE, "risk_grade": GRADE, "scale": SCALE, "level": LEVEL,
    "mode": VISIT_MODE, "sampling_type": SAMPLING_TYPE, "period_type": PERIOD_TYPE, "answer": ANSWER,
    "business_statuses.status": BUSINESS_STATUS, "problems.status": PROBLEM_STATUS,
    "selfchecks.kind": SELFCHECK_KIND, "samplings.result": SAMPLING_RESULT,
}  # fmt: skip
DERIVED = ("_initials",)  # kept in step with another field (pinyin initials of the name): not shown


REFERENCE_LABELS = {
    "region_id": QT_TRANSLATE_NOOP("SyncColumns", "区划"),
    "parent_id": QT_TRANSLATE_NOOP("SyncColumns", "上级区划"),
    "business_id": QT_TRANSLATE_NOOP("SyncColumns", "包保主体"),
    "cadre_id": QT_TRANSLATE_NOOP("SyncColumns", "包保干部"),
    "visit_id": QT_TRANSLATE_NOOP("SyncColumns", "督导记录"),
    "assignment_id": QT_TRANSLATE_NOOP("SyncColumns", "包保关系"),
    "deleted": QT_TRANSLATE_NOOP("SyncColumns", "已删除"),
}


def field_name(field: str) -> str:
    from msfood.i18n import field_label

    if field in REFERENCE_LABELS:
        return QCoreApplication.translate("SyncColumns", REFERENCE_LABELS[field])
    return capitalised(field_label(field))


def value_text(table: str, field: str, value: Any, names: dict[str, str]) -> str:
    if isinstance(value, str) and value in names:
        return names[value]
    enum = ENUMS.get(f"{table}.{field}") or ENUMS.get(field)
    if enum is not None and isinstance(value, str):
        return enum.label(value, "en" if is_english() else None)
    return show(value)


def field_rows(
    info: Any, names: dict[str, str] | None = None, *, only_differing: bool = False
) -> list[FieldRow]:
    current = info.current or {}
    known = names or {}
    fields = [
        n for n in dict.fromkeys([*current, *info.lost])
        if n not in REPLICATION and not n.endswith(DERIVED)
    ]  # fmt: skip
    rows = [
        FieldRow(
            n,
            value_text(info.table_name, n, current.get(n), known),
            value_text(info.table_name, n, info.lost.get(n), known),
            current.get(n) != info.lost.get(n),
        )
        for n in fields
    ]
    rows.sort(key=lambda r: not r.differs)  # the differences first, the rest in table order
    return [r for r in rows if r.differs] if only_differing else rows


FIELD_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("SyncColumns", "字段"), lambda r: r.field, text=field_name),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "本库现有版本（保留中）"), lambda r: r.current),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "另一版本（未采用）"), lambda r: r.lost),
)


class ConflictsTab(QWidget):
    reload_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state: SyncState | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("conflictCount")
        self.resolved_check = QCheckBox(self.tr("显示已处理的"))
        self.resolved_check.setObjectName("showResolved")
        self.resolved_check.toggled.connect(lambda _on: self.reload_requested.emit())
        top.addWidget(self.count_label, 1)
        top.addWidget(self.resolved_check)
        layout.addLayout(top)
        self.conflicts_model = RowsModel(
            CONFLICT_COLUMNS, tone=lambda c: "muted" if c.resolved_at else None, parent=self
        )
        self.conflicts_table = table_view(self.conflicts_model, "conflictsTable")
        self.conflicts_table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.conflicts_table)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self._show(None)

    def _build_detail(self) -> QGroupBox:
        box = QGroupBox(self.tr("两个版本对照"))
        layout = QVBoxLayout(box)
        self.title_label = QLabel()
        self.title_label.setObjectName("conflictTitle")
        self.title_label.setStyleSheet("font-weight: bold;")
        self.explain_label = QLabel()
        self.explain_label.setObjectName("conflictExplain")
        self.explain_label.setWordWrap(True)
        keep_style(self.explain_label, muted_text_style)
        layout.addWidget(self.title_label)
        layout.addWidget(self.explain_label)
        self.only_differing = QCheckBox(self.tr("只显示不同的字段"))
        self.only_differing.setObjectName("onlyDiffering")
        self.only_differing.toggled.connect(lambda _on: self._show(self.selected()))
        layout.addWidget(self.only_differing)
        self.fields_model = RowsModel(
            FIELD_COLUMNS, tone=lambda r: "changed" if r.differs else None, parent=self
        )
        self.fields_table = table_view(self.fields_model, "conflictFields")
        self.fields_table.setSelectionMode(self.fields_table.SelectionMode.NoSelection)
        self.fields_table.setWordWrap(True)
        header = self.fields_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):  # the two versions side by side, equally wide
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.fields_table, 1)
        row = QHBoxLayout()
        self.keep_current = QPushButton(self.tr("保留现有版本"))
        self.keep_current.setObjectName("keepCurrent")
        self.keep_current.clicked.connect(lambda: self._on_keep_clicked("current"))
        self.keep_lost = QPushButton(self.tr("改用另一版本"))
        self.keep_lost.setObjectName("keepLost")
        self.keep_lost.clicked.connect(lambda: self._on_keep_clicked("lost"))
        self.keep_both = QPushButton(self.tr("两者都保留"))
        self.keep_both.setObjectName("keepBoth")
        self.keep_both.clicked.connect(lambda: self._on_keep_clicked("both"))
        for button in (self.keep_current, self.keep_lost, self.keep_both):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    # --- state

    def include_resolved(self) -> bool:
        return self.resolved_check.isChecked()

    def apply_state(self, state: SyncState) -> None:
        selected = self.selected()
        self.state = state
        self.count_label.setText(
            self.tr("有 {n} 处冲突等待处理。").format(n=state.open_conflicts)
            if state.open_conflicts
            else self.tr("没有等待处理的冲突。")
        )
        self.conflicts_model.set_rows(state.conflicts)
        ids = [c.id for c in state.conflicts]
        if selected is not None and selected.id in ids:
            self.conflicts_table.selectRow(ids.index(selected.id))
        elif ids:
            self.conflicts_table.selectRow(0)
        self._show(self.selected())

    def selected(self) -> Any:
        chosen = self.conflicts_table.selectionModel().selectedRows()
        return self.conflicts_model.row(chosen[0].row()) if chosen else None

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show(self.selected())

    def _show(self, info: Any) -> None:
        buttons = (self.keep_current, self.keep_lost, self.keep_both)
        if info is None:
            self.title_label.setText(self.tr("选择上面的一处冲突，对照两个版本。"))
            self.explain_label.setText("")
            self.fields_model.set_rows([])
            for button in buttons:
                button.setEnabled(False)
            return
        self.title_label.setText(
            self.tr("{table}“{record}”：{reason}").format(
                table=table_label(info.table_name), record=describe(info), reason=_reason(info.reason)
            )
        )
        current_by = self.unit_name((info.current or {}).get("origin") or hlc_unit(info.kept_hlc))
        lost_by = self.unit_name(info.lost.get("origin") or hlc_unit(info.lost_hlc))
        if info.reason == "duplicate":
            explain = self.tr(
                "{lost_by} 于 {lost_at} 录入的记录与本库已有的记录唯一标识相同，已暂放一边。"
                "“改用另一版本”会把它的内容合并到本库这条记录中；“保留现有版本”则放弃它。"
            ).format(lost_by=lost_by, lost_at=hlc_time(info.lost_hlc))
            self.keep_lost.setText(self.tr("合并为一条（采用另一版本的内容）"))
        else:
            explain = self.tr(
                "两处在同步前各自修改了这条记录：现有版本由 {kept_by} 于 {kept_at} 修改，"
                "另一版本由 {lost_by} 于 {lost_at} 修改。请核实后选择保留哪一个。"
            ).format(
                kept_by=current_by, kept_at=hlc_time(info.kept_hlc),
                lost_by=lost_by, lost_at=hlc_time(info.lost_hlc),
            )  # fmt: skip
            self.keep_lost.setText(self.tr("改用另一版本"))
        if info.resolved_at is not None:
            explain += self.tr("（已于 {at} 处理：{choice}）").format(
                at=local_time(info.resolved_at),
                choice=QCoreApplication.translate("SyncColumns", CHOICES.get(info.resolution or "", "")),
            )
        self.explain_label.setText(explain)
        names = self.state.names if self.state is not None else {}
        self.fields_model.set_rows(field_rows(info, names, only_differing=self.only_differing.isChecked()))
        self.fields_table.resizeRowsToContents()
        actor = self.context.actor
        allowed = actor.can(SYNC) and actor.can(action_for_table(info.table_name))
        open_ = info.resolved_at is None
        for button in buttons:
            button.setEnabled(allowed and open_)
            button.setToolTip("" if allowed else refusal_tip(actor, action_for_table(info.table_name)))
        self.keep_both.setEnabled(allowed and open_ and info.can_keep_both)
        if not info.can_keep_both:
            self.keep_both.setToolTip(self.tr("这类记录有唯一标识（如信用代码、手机号），不能两者都保留"))

    def unit_name(self, code: str) -> str:
        """本单位, or a peer's name with its code."""
        if self.state is None or not code:
            return code
        if code == self.state.identity.code:
            return self.tr("本单位")
        name = next((p.name for p in self.state.peers if p.code == code), "")
        return f"{name}（{code}）" if name else code

    # --- resolving

    def _on_keep_clicked(self, keep: str) -> None:
        info = self.selected()
        if info is not None:
            self.resolve(info.id, keep, info.table_name)

    def resolve(self, conflict_id: str, keep: str, table_name: str) -> Op:
        from msfood.services.writing.transaction import unit_of_work
        from msfood.sync import resolve_conflict

        context = self.context

        def work() -> Any:
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                return resolve_conflict(uow, conflict_id=conflict_id, keep=keep)

        def done(_info: Any) -> None:
            if keep != "current":
                context.changed({table_name})
            self.reload_requested.emit()

        return run_op(self, work).on_success(done)
