"""区划管理: the unit's region tree, loading the official division codes, adding, renaming, deleting.

The tree shows every region with its level and how many businesses are registered in it. Loading
takes a division from the cascading pickers (msfood.regions.official) and adds it, its ancestors and
everything under it (msfood.services.roster.regions.load_official_regions). Under a selected region one adds
an official division the database lacks, or a village the official set lacks (its code is the parent's
plus three digits). A region is deleted only when nothing refers to it: never one with businesses (they
would lose their place in every figure), so the button says why instead. A region that went out of
use is retired with an end date (撤销, msfood.services.roster.regions.retire_region): it stays in the tree,
greyed with its date, for the records that point at it, and forms no longer offer it for new
businesses; retiring is refused while businesses are registered in it or under it, and can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msfood.i18n import t
from msfood.regions.official import Division
from msfood.services.roster.regions import RegionNode, missing_official_children, region_tree
from msfood.services.writing.permissions import EDIT_ROSTER
from ui.context import AppContext
from ui.errors import show_error
from ui.regions.edits import RegionEdits, RetireDialog
from ui.regions.picker import DivisionPicker
from ui.workers import run_op

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, CODE, LEVEL, BUSINESSES = range(4)


@dataclass(frozen=True)
class Loaded:
    nodes: list[RegionNode]


def level_label(level: str) -> str:
    labels = {
        "province": QCoreApplication.translate("RegionEditor", "省级"),
        "city": QCoreApplication.translate("RegionEditor", "地级"),
        "county": QCoreApplication.translate("RegionEditor", "县级"),
        "township": QCoreApplication.translate("RegionEditor", "乡级"),
        "village": QCoreApplication.translate("RegionEditor", "村级"),
    }
    return labels.get(level, level)


class RegionEditor(RegionEdits, QWidget):
    """The editor itself (a page body); RegionEditorDialog puts it in a window of its own."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("regionEditor")
        self.nodes: dict[str, RegionNode] = {}
        self._loading = False
        self.may_edit = context.actor.can(EDIT_ROSTER)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)

        load_box = QGroupBox(self.tr("载入官方区划（国家统计局统计用区划代码）"))
        load_layout = QHBoxLayout(load_box)
        self.picker = DivisionPicker(load_box)
        self.picker.set_code(context.unit.region_code)
        self.load_button = QPushButton(self.tr("载入所选区划及其下级"))
        self.load_button.setObjectName("loadOfficial")
        self.load_button.clicked.connect(self._on_load_clicked)
        load_layout.addWidget(self.picker, 1)
        load_layout.addWidget(self.load_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addWidget(load_box)
        self.source = QLabel(t("regions_official.source", year=self.picker.official.year))
        self.source.setObjectName("regionsSource")
        outer.addWidget(self.source)
        if not self.may_edit:
            note = QLabel(self.tr("只有管理员可以修改区划；您可以查看。"))
            note.setObjectName("readOnlyNote")
            outer.addWidget(note)

        body = QHBoxLayout()
        outer.addLayout(body, 1)
        self.tree = QTreeWidget()
        self.tree.setObjectName("regionTree")
        self.tree.setHeaderLabels([self.tr("名称"), self.tr("代码"), self.tr("级别"), self.tr("主体数")])
        self.tree.header().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (CODE, LEVEL, BUSINESSES):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        body.addWidget(self.tree, 1)

        side = QVBoxLayout()
        body.addLayout(side)
        chosen = QGroupBox(self.tr("选中的区划"))
        chosen.setMinimumWidth(380)
        form = QVBoxLayout(chosen)  # a form layout clips its word-wrapped labels
        self.chosen_label = QLabel(self.tr("请在左侧选择一个区划"))
        self.chosen_label.setObjectName("chosenRegion")
        self.chosen_label.setWordWrap(True)
        form.addWidget(self.chosen_label)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("regionName")
        self.rename_button = QPushButton(self.tr("保存名称"))
        self.rename_button.setObjectName("renameRegion")
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.name_edit.returnPressed.connect(self.rename_button.click)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("名称")))
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.rename_button)
        form.addLayout(row)
        self.delete_button = QPushButton(self.tr("删除此区划"))
        self.delete_button.setObjectName("deleteRegion")
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.delete_reason = QLabel()
        self.delete_reason.setObjectName("deleteReason")
        self.delete_reason.setWordWrap(True)
        form.addWidget(self.delete_button)
        form.addWidget(self.delete_reason)
        self.retire_button = QPushButton(t("region_retire.ui.retire_button"))
        self.retire_button.setObjectName("retireRegion")
        self.retire_button.setToolTip(
            t("region_retire.ui.retire_tip")
        )
        self.retire_button.clicked.connect(self._on_retire_clicked)
        self.unretire_button = QPushButton(t("region_retire.ui.undo_button"))
        self.unretire_button.setObjectName("unretireRegion")
        self.unretire_button.clicked.connect(self._on_unretire_clicked)
        retire_row = QHBoxLayout()
        retire_row.addWidget(self.retire_button)
        retire_row.addWidget(self.unretire_button)
        retire_row.addStretch(1)
        form.addLayout(retire_row)
        self.retire_reason = QLabel()
        self.retire_reason.setObjectName("retireReason")
        self.retire_reason.setWordWrap(True)
        form.addWidget(self.retire_reason)
        self.retire_dialog: RetireDialog | None = None
        side.addWidget(chosen)

        add_box = QGroupBox(self.tr("新增下级区划"))
        add_form = QFormLayout(add_box)
        self.official_combo = QComboBox()
        self.official_combo.setObjectName("missingOfficial")
        self.add_official_button = QPushButton(self.tr("载入"))
        self.add_official_button.setObjectName("addOfficial")
        self.add_official_button.clicked.connect(self._on_add_official_clicked)
        official_row = QHBoxLayout()
        official_row.addWidget(self.official_combo, 1)
        official_row.addWidget(self.add_official_button)
        add_form.addRow(self.tr("官方区划"), official_row)
        hint = QLabel(self.tr("官方区划中没有的村（社区）：代码为上级代码后加 3 位数字。"))
        hint.setWordWrap(True)
        add_form.addRow(hint)
        self.new_code = QLineEdit()
        self.new_code.setObjectName("newRegionCode")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newRegionName")
        self.new_name.setPlaceholderText(self.tr("例：新建村"))
        add_form.addRow(self.tr("代码"), self.new_code)
        add_form.addRow(self.tr("名称"), self.new_name)
        self.add_button = QPushButton(self.tr("新增"))
        self.add_button.setObjectName("addRegion")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.new_name.returnPressed.connect(self.add_button.click)
        add_form.addRow(self.add_button)
        side.addWidget(add_box)
        side.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("regionSummary")
        outer.addWidget(self.summary)
        self._show_selected(None)
        self.load_button.setEnabled(self.may_edit)

    # --- loading the tree ------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._loading

    def reload(self) -> None:
        self._loading = True
        sessions = self.context.database.sessions

        def load() -> Loaded:
            with sessions() as session:
                return Loaded(region_tree(session))

        run_op(self, load).on_success(self._on_loaded).on_failure(self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self._loading = False
        show_error(self, exc)

    def _on_loaded(self, loaded: Loaded) -> None:
        current = self.selected()
        keep = current.code if current is not None else None
        self.tree.clear()
        self.nodes = {node.id: node for node in loaded.nodes}
        items: dict[str, QTreeWidgetItem] = {}
        for node in loaded.nodes:  # parents first (code order by length)
            parent = items.get(node.parent_id) if node.parent_id else None
            count = str(node.businesses) if node.businesses else ""
            name = node.name
            if node.retired_on is not None:
                name += t("region_retire.ui.retired_suffix", date=node.retired_on.isoformat())
            item = QTreeWidgetItem([name, node.code, level_label(node.level), count])
            item.setData(NAME, ID_ROLE, node.id)
            if node.retired_on is not None:
                grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                for column in range(4):
                    item.setForeground(column, grey)
                item.setToolTip(NAME, t("region_retire.ui.retired_tip"))
            item.setTextAlignment(BUSINESSES, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if parent is not None:
                parent.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            items[node.id] = item
        for item in items.values():
            node = self.nodes[str(item.data(NAME, ID_ROLE))]
            if node.level in ("province", "city", "county"):
                item.setExpanded(True)
        self.items = items
        self.summary.setText(
            self.tr("共 {count} 个区划；乡级 {towns} 个，村级 {villages} 个。").format(
                count=len(loaded.nodes),
                towns=sum(1 for n in loaded.nodes if n.level == "township"),
                villages=sum(1 for n in loaded.nodes if n.level == "village"),
            )
        )
        if keep is not None:
            self.select_code(keep)
        else:
            self._show_selected(None)
        self._loading = False

    def select_code(self, code: str) -> bool:
        for region_id, item in self.items.items():
            if self.nodes[region_id].code == code:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return True
        return False

    def selected(self) -> RegionNode | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return self.nodes.get(str(item.data(NAME, ID_ROLE)))

    # --- the selected region ---------------------------------------------------------------------

    def _on_tree_current_item_changed(self, _current: object, _previous: object) -> None:
        self._show_selected(self.selected())

    def _show_selected(self, node: RegionNode | None) -> None:
        editable = node is not None and self.may_edit
        for widget in (self.name_edit, self.rename_button, self.new_code, self.new_name, self.add_button):
            widget.setEnabled(editable)
        self.official_combo.clear()
        self.delete_reason.setText("")
        self.retire_reason.setText("")
        self.retire_button.setEnabled(False)
        self.unretire_button.setEnabled(False)
        if node is None:
            self.chosen_label.setText(self.tr("请在左侧选择一个区划"))
            self.name_edit.clear()
            self.new_code.clear()
            self.delete_button.setEnabled(False)
            self.official_combo.setEnabled(False)
            self.add_official_button.setEnabled(False)
            self._fit_labels()
            return
        self.chosen_label.setText(
            self.tr("{name}（{code}，{level}），登记主体 {count} 个").format(
                name=node.name, code=node.code, level=level_label(node.level), count=node.businesses
            )
        )
        self.name_edit.setText(node.name)
        children = sum(1 for other in self.nodes.values() if other.parent_id == node.id)
        if node.businesses:
            self.delete_reason.setText(
                self.tr("此区划登记有 {count} 个包保主体，不能删除：删除后这些主体将失去所属区划，"
                        "各项指标无法统计到它们。请先把主体改到其他区划。").format(count=node.businesses)
            )
        elif children:
            self.delete_reason.setText(
                self.tr("此区划下还有 {count} 个下级区划，须先删除下级区划。").format(count=children)
            )
        self.delete_button.setEnabled(self.may_edit and not node.businesses and not children)
        self._show_retirement(node)
        self._fit_labels()
        can_have_children = len(node.code) in (6, 9) and node.code.isdigit()
        self.new_code.setText(node.code if can_have_children else "")
        for widget in (self.new_code, self.new_name, self.add_button):
            widget.setEnabled(editable and can_have_children)
        missing: list[Division] = []
        if can_have_children:
            with self.context.database.sessions() as session:
                missing = missing_official_children(session, parent_code=node.code)
        for division in missing:
            self.official_combo.addItem(f"{division.name}（{division.code}）", division.code)
        if not missing:
            self.official_combo.addItem(self.tr("（官方区划已全部载入）"), None)
        self.official_combo.setEnabled(editable and bool(missing))
        self.add_official_button.setEnabled(editable and bool(missing))

    def _fit_labels(self) -> None:
        """Word-wrapped labels in the side box get the height their text needs (the nested layouts
        do not pass the height for a width up, so a long reason would be cut off)."""
        for label in (self.chosen_label, self.delete_reason, self.retire_reason):
            width = max(label.width(), label.parentWidget().width() - 24, 300)
            label.setMinimumHeight(label.heightForWidth(width) if label.text() else 0)
            label.setVisible(bool(label.text()))

    def businesses_under(self, node: RegionNode) -> int:
        """Businesses registered in the region and every region under it (from the loaded tree)."""
        below: dict[str | None, list[RegionNode]] = {}
        for other in self.nodes.values():
            below.setdefault(other.parent_id, []).append(other)
        total, stack = 0, [node]
        while stack:
            current = stack.pop()
            total += current.businesses
            stack.extend(below.get(current.id, []))
        return total

    def _show_retirement(self, node: RegionNode) -> None:
        if node.retired_on is not None:
            self.chosen_label.setText(
                self.chosen_label.text()
                + t("region_retire.ui.chosen_retired", date=node.retired_on.isoformat())
            )
            self.retire_reason.setText(
                t("region_retire.ui.retired_note")
            )
            self.retire_button.setEnabled(self.may_edit)
            self.unretire_button.setEnabled(self.may_edit)
            return
        count = self.businesses_under(node)
        if count:
            self.retire_reason.setText(
                t("region_retire.has_businesses", name=node.name, code=node.code, count=count)
            )
        self.retire_button.setEnabled(self.may_edit and not count)

    def _after_write_select(self, code: str) -> None:
        self.context.changed({"regions"})
        self.changed.emit()
        self._loading = True
        sessions = self.context.database.sessions

        def load() -> Loaded:
            with sessions() as session:
                return Loaded(region_tree(session))

        def show(loaded: Loaded) -> None:
            self._on_loaded(loaded)
            self.select_code(code)

        run_op(self, load).on_success(show).on_failure(self._on_failed)
