"""数据同步 › 往来记录: per peer, the bundles received and sent, and the numbers still missing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.pages.sync.common import SyncState, kind_label, local_time
from ui.pages.sync.models import Col, RowsModel
from ui.pages.sync.receipt import gap_text
from ui.theme import gaps_style, keep_style, muted_text_style


def _last(records: list[Any]) -> Any:
    return max(records, key=lambda r: (r.sequence, r.at)) if records else None


def _at(records: list[Any]) -> Any:
    """When the latest of these bundles was made or taken in (None if there is none)."""
    return _last(records).at if records else None


def _gaps(history: Any) -> str:
    return "，".join(str(a) if a == b else f"{a}-{b}" for a, b in history.gaps)


def _revoked(history: Any) -> str:
    if history.peer.revoked_at is None:
        return QCoreApplication.translate("SyncColumns", "有效")
    return QCoreApplication.translate("SyncColumns", "已撤销")


PEER_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("SyncColumns", "单位代码"), lambda h: h.peer.code, mono=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "单位名称"), lambda h: h.peer.name),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "类型"), lambda h: h.peer.kind, text=kind_label),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "最近收到"), lambda h: h.peer.last_bundle_received, numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "收到时间"), lambda h: _at(h.received)),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "最近发出"), lambda h: h.peer.last_bundle_sent, numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "发出时间"), lambda h: _at(h.sent)),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "缺失的同步包"), _gaps),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "信任状态"), _revoked),
)


def _count(name: str) -> Any:
    return lambda r: r.summary.get(name)


RECEIVED_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("SyncColumns", "序号"), lambda r: r.sequence, numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "导入时间"), lambda r: r.at),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "新增"), _count("new"), numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "更新"), _count("updated"), numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "未变"), _count("unchanged"), numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "冲突"), _count("conflicts"), numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "文件"), lambda r: r.file_name),
)
SENT_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("SyncColumns", "序号"), lambda r: r.sequence, numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "导出时间"), lambda r: r.at),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "记录数"), _count("rows"), numeric=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "完整导出"), lambda r: r.summary.get("full")),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "文件"), lambda r: r.file_name),
)


def table_view(model: RowsModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class HistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: SyncState | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "每个单位发出的同步包按序号编号。缺失的序号表示有同步包没有送到"
                "（其内容会随后续同步包补发）。"
            )
        )
        intro.setWordWrap(True)
        keep_style(intro, muted_text_style)
        layout.addWidget(intro)
        self.peers_model = RowsModel(
            PEER_COLUMNS,
            tone=lambda h: "muted" if h.peer.revoked_at else ("warn" if h.gaps else None),
            parent=self,
        )
        self.peers_table = table_view(self.peers_model, "historyPeers")
        self.peers_table.selectionModel().selectionChanged.connect(self._on_peers_selection_changed)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.peers_table)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.detail_title = QLabel(self.tr("选择上面的单位，查看与其往来的同步包。"))
        self.detail_title.setObjectName("historyTitle")
        detail_layout.addWidget(self.detail_title)
        self.gaps_label = QLabel()
        self.gaps_label.setObjectName("historyGaps")
        self.gaps_label.setWordWrap(True)
        keep_style(self.gaps_label, gaps_style)
        self.gaps_label.hide()
        detail_layout.addWidget(self.gaps_label)
        tables = QHBoxLayout()
        self.received_model = RowsModel(RECEIVED_COLUMNS, parent=self)
        self.sent_model = RowsModel(SENT_COLUMNS, parent=self)
        for title, model, name in (
            (self.tr("收到的同步包"), self.received_model, "historyReceived"),
            (self.tr("发出的同步包"), self.sent_model, "historySent"),
        ):
            box = QGroupBox(title)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(table_view(model, name))
            tables.addWidget(box)
        detail_layout.addLayout(tables, 1)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

    def apply_state(self, state: SyncState) -> None:
        selected = self.selected_code()
        self.state = state
        self.peers_model.set_rows([state.histories[p.code] for p in state.peers if p.code in state.histories])
        rows = self.peers_model.rows()
        codes = [h.peer.code for h in rows]
        if rows:
            self.peers_table.selectRow(codes.index(selected) if selected in codes else 0)
        else:
            self._show(None)

    def selected_code(self) -> str | None:
        chosen = self.peers_table.selectionModel().selectedRows()
        return self.peers_model.row(chosen[0].row()).peer.code if chosen else None

    def _on_peers_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        chosen = self.peers_table.selectionModel().selectedRows()
        self._show(self.peers_model.row(chosen[0].row()) if chosen else None)

    def _show(self, history: Any) -> None:
        if history is None:
            self.detail_title.setText(self.tr("尚未信任任何单位，还没有往来的同步包。"))
            self.received_model.set_rows([])
            self.sent_model.set_rows([])
            self.gaps_label.hide()
            return
        peer = history.peer
        self.detail_title.setText(
            self.tr("{name}（{code}）：已收到至第 {received} 号，已发出至第 {sent} 号；信任于 {at}").format(
                name=peer.name, code=peer.code, received=peer.last_bundle_received,
                sent=peer.last_bundle_sent, at=local_time(peer.trusted_at),
            )  # fmt: skip
        )
        self.received_model.set_rows(sorted(history.received, key=lambda r: (r.sequence, r.at), reverse=True))
        self.sent_model.set_rows(sorted(history.sent, key=lambda r: (r.sequence, r.at), reverse=True))
        lines = [gap_text(peer.code, peer.name, a, b) for a, b in history.gaps]
        self.gaps_label.setText("\n".join(lines))
        self.gaps_label.setVisible(bool(lines))
