"""数据同步 › 信任的单位: our key fingerprint and enrolment file, the trusted units, trusting and revoking.

Trusting asks for the fingerprint the other side reads out by phone and compares it with the file's,
group by group; only a match enables 信任 (and the service checks it again).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msfood.services.writing.permissions import MANAGE_TRUST
from ui.context import AppContext
from ui.dialogs.common import start_folder, start_path
from ui.pages.sync.common import FingerprintLabel, SyncState, kind_label, local_time, mono_font, refusal_tip
from ui.pages.sync.history import table_view
from ui.pages.sync.models import Col, RowsModel
from ui.screen_fit import fit_dialog
from ui.theme import keep_style, muted_text_style, status_style
from ui.workers import Op, run_op


def _status(peer: Any) -> str:
    if peer.revoked_at is None:
        return QCoreApplication.translate("SyncColumns", "有效")
    return QCoreApplication.translate("SyncColumns", "已撤销（{at}）").format(at=local_time(peer.revoked_at))


TRUST_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("SyncColumns", "单位代码"), lambda p: p.code, mono=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "单位名称"), lambda p: p.name),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "类型"), lambda p: p.kind, text=kind_label),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "区划"), lambda p: p.region_code),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "密钥指纹"), lambda p: p.fingerprint, mono=True),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "信任时间"), lambda p: p.trusted_at),
    Col(QT_TRANSLATE_NOOP("SyncColumns", "状态"), _status),
)


def digits(text: str) -> str:
    """What a person typed, as the fingerprint's hex digits (spaces, dashes and case ignored)."""
    return "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")


class TrustDialog(QDialog):
    """Compare an enrolment file's fingerprint with the one read out by phone, then trust it."""

    def __init__(self, enrolment: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enrolment = enrolment
        self.setWindowTitle(self.tr("信任单位"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("单位"), QLabel(f"{enrolment.name}（{enrolment.code}）"))
        form.addRow(self.tr("类型"), QLabel(kind_label(enrolment.kind)))
        form.addRow(self.tr("区划"), QLabel(enrolment.region_code or "—"))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("登记文件中的密钥指纹：")))
        self.file_fingerprint = FingerprintLabel(enrolment.fingerprint)
        self.file_fingerprint.setObjectName("enrolmentFingerprint")
        layout.addWidget(self.file_fingerprint)
        ask = QLabel(
            self.tr(
                "请打电话给对方，请对方打开其“数据同步 › 信任的单位”页面，读出其中的“本单位密钥指纹”，"
                "逐组输入到下面（空格可省略）。指纹一致才能信任：文件可能在传递途中被调换。"
            )
        )
        ask.setWordWrap(True)
        layout.addWidget(ask)
        self.typed = QLineEdit()
        self.typed.setObjectName("typedFingerprint")
        self.typed.setFont(mono_font(1.3))
        self.typed.setPlaceholderText("XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX")
        self.typed.textChanged.connect(self._on_typed_text_changed)
        layout.addWidget(self.typed)
        self.verdict = QLabel()
        self.verdict.setObjectName("fingerprintVerdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.buttons = QDialogButtonBox()
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.trust_button = self.buttons.addButton(self.tr("信任该单位"), accept)
        self.trust_button.setObjectName("confirmTrust")
        cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelTrust")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        fit_dialog(self, preferred=QSize(620, 0))
        self._on_typed_text_changed("")

    def matches(self) -> bool:
        return digits(self.typed.text()) == digits(self.enrolment.fingerprint)

    def _on_typed_text_changed(self, text: str) -> None:
        want, got = digits(self.enrolment.fingerprint), digits(text)
        self.trust_button.setEnabled(got == want)
        if got == want:
            self.verdict.setText(self.tr("✔ 指纹一致，可以信任。"))
            keep_style(self.verdict, lambda: status_style("good", " font-weight: bold;"))
        elif not got:
            self.verdict.setText(self.tr("请输入对方读出的指纹（共 {n} 位）。").format(n=len(want)))
            keep_style(self.verdict, muted_text_style)
        elif want.startswith(got):
            self.verdict.setText(
                self.tr("已输入 {got}/{n} 位，目前一致。").format(got=len(got), n=len(want))
            )
            keep_style(self.verdict, muted_text_style)
        else:
            wrong = next((i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b), len(want))
            self.verdict.setText(
                self.tr("✘ 指纹不一致（第 {group} 组起不同）。请勿信任，并与对方核实文件来源。").format(
                    group=min(wrong, len(want) - 1) // 4 + 1
                )
            )
            keep_style(self.verdict, lambda: status_style("bad", " font-weight: bold;"))


class TrustTab(QWidget):
    reload_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state: SyncState | None = None
        self.dialog: TrustDialog | None = None
        layout = QVBoxLayout(self)
        own = QGroupBox(self.tr("本单位"))
        own_layout = QHBoxLayout(own)
        left = QVBoxLayout()
        self.identity_label = QLabel()
        self.identity_label.setObjectName("ownIdentity")
        left.addWidget(self.identity_label)
        left.addWidget(QLabel(self.tr("本单位密钥指纹（对方信任本单位时，请电话读给对方核对）：")))
        self.own_fingerprint = FingerprintLabel()
        self.own_fingerprint.setObjectName("ownFingerprint")
        left.addWidget(self.own_fingerprint)
        own_layout.addLayout(left, 1)
        self.enrolment_button = QPushButton(self.tr("导出本单位登记文件…"))
        self.enrolment_button.setObjectName("exportEnrolment")
        self.enrolment_button.setToolTip(
            self.tr("把登记文件交给对方（U盘或邮件），对方信任后才能导入本单位的同步包")
        )
        self.enrolment_button.clicked.connect(self._on_enrolment_clicked)
        own_layout.addWidget(self.enrolment_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(own)

        peers = QGroupBox(self.tr("信任的单位（只接受这些单位的同步包）"))
        peers_layout = QVBoxLayout(peers)
        self.peers_model = RowsModel(
            TRUST_COLUMNS, tone=lambda p: "muted" if p.revoked_at else None, parent=self
        )
        self.peers_table = table_view(self.peers_model, "trustedPeers")
        self.peers_table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        peers_layout.addWidget(self.peers_table, 1)
        self.peer_fingerprint = FingerprintLabel(scale=1.3)
        self.peer_fingerprint.setObjectName("peerFingerprint")
        self.peer_caption = QLabel()
        peers_layout.addWidget(self.peer_caption)
        peers_layout.addWidget(self.peer_fingerprint)
        row = QHBoxLayout()
        self.trust_button = QPushButton(self.tr("信任登记文件…"))
        self.trust_button.setObjectName("trustEnrolment")
        self.trust_button.clicked.connect(self._on_trust_clicked)
        self.revoke_button = QPushButton(self.tr("撤销信任"))
        self.revoke_button.setObjectName("revokePeer")
        self.revoke_button.clicked.connect(self._on_revoke_clicked)
        row.addWidget(self.trust_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        peers_layout.addLayout(row)
        layout.addWidget(peers, 1)
        self.may_trust = context.actor.can(MANAGE_TRUST)
        if not self.may_trust:
            for button in (self.trust_button, self.revoke_button):
                button.setToolTip(refusal_tip(context.actor, MANAGE_TRUST))
        self.trust_button.setEnabled(self.may_trust)
        self.revoke_button.setEnabled(False)

    def apply_state(self, state: SyncState) -> None:
        self.state = state
        me = state.identity
        self.identity_label.setText(
            self.tr("{name}（{code}，{kind}，区划 {region}）").format(
                name=me.name, code=me.code, kind=kind_label(me.kind), region=me.region_code or "—"
            )
        )
        self.own_fingerprint.set_fingerprint(me.fingerprint)
        selected = self.selected()
        self.peers_model.set_rows(state.peers)
        codes = [p.code for p in state.peers]
        if selected is not None and selected.code in codes:
            self.peers_table.selectRow(codes.index(selected.code))
        elif codes:
            self.peers_table.selectRow(0)
        self._on_selection_changed()

    def selected(self) -> Any:
        chosen = self.peers_table.selectionModel().selectedRows()
        return self.peers_model.row(chosen[0].row()) if chosen else None

    def _on_selection_changed(self, *_args: QItemSelection) -> None:
        peer = self.selected()
        self.revoke_button.setEnabled(self.may_trust and peer is not None and peer.revoked_at is None)
        if peer is None:
            self.peer_caption.setText(self.tr("尚未信任任何单位。请导入对方的登记文件并电话核对指纹。"))
            self.peer_fingerprint.set_fingerprint("")
            return
        caption = self.tr("{name}（{code}）的密钥指纹：")
        self.peer_caption.setText(caption.format(name=peer.name, code=peer.code))
        self.peer_fingerprint.set_fingerprint(peer.fingerprint)

    # --- our enrolment

    def _on_enrolment_clicked(self) -> None:
        code = self.state.identity.code if self.state else "msfood"
        start = start_path(self.context.settings, "sync", self.tr("{code}-登记文件.json").format(code=code))
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出本单位登记文件"), start, self.tr("登记文件 (*.json)")
        )
        if chosen:
            self.export_enrolment(Path(chosen))

    def export_enrolment(self, out: Path) -> Op:
        from msfood.sync import write_enrolment

        context = self.context

        def work() -> Any:
            with context.database.sessions() as session:
                return write_enrolment(session, actor=context.actor, out=out, clock_now=context.clock.now())

        return run_op(self, work).on_success(lambda identity: self._on_enrolment_written(out, identity))

    def _on_enrolment_written(self, out: Path, identity: Any) -> None:
        QMessageBox.information(
            self,
            self.tr("已导出登记文件"),
            self.tr(
                "已写出 {path}。\n\n请把文件交给对方，并电话读出本单位的密钥指纹供对方核对：\n{fp}"
            ).format(
                path=out, fp=identity.fingerprint
            ),
        )

    # --- trusting and revoking

    def _on_trust_clicked(self) -> None:
        folder = start_folder(self.context.settings, "sync")
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择对方的登记文件"), folder, self.tr("登记文件 (*.json);;所有文件 (*)")
        )
        if chosen:
            self.open_enrolment(Path(chosen))

    def open_enrolment(self, path: Path) -> TrustDialog | None:
        """Read an enrolment file and ask for its fingerprint (the dialog is modeless under tests)."""
        from msfood.core.errors import MsfoodError
        from msfood.sync import read_enrolment
        from ui.errors import show_error

        try:
            enrolment = read_enrolment(path)
        except MsfoodError as exc:
            show_error(self, exc)
            return None
        dialog = self.dialog = TrustDialog(enrolment, self)
        dialog.accepted.connect(lambda: self.trust(dialog.enrolment, dialog.typed.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def trust(self, enrolment: Any, typed_fingerprint: str) -> Op | None:
        """Trust the enrolment; when it changes a known unit's area or kind, or trusts a revoked unit
        again, first show the change and ask (None when the person declines)."""
        from msfood.services.writing.transaction import unit_of_work
        from msfood.sync import trust_change, trust_peer

        context = self.context
        with context.database.sessions() as session:
            change = trust_change(session, enrolment)
        confirmed = False
        if change is not None:
            old, new = change.describe()
            lines = []
            if change.revoked:
                lines.append(self.tr("{code} 的信任已被撤销，确认要重新信任它吗？").format(code=change.code))
            if change.area_changed:
                lines.append(
                    self.tr("{code} 的辖区将由“{old}”改为“{new}”：辖区决定它能修改哪些记录。").format(
                        code=change.code, old=old, new=new
                    )
                )
            answer = QMessageBox.question(self, self.tr("确认信任变更"), "\n".join(lines))
            if answer != QMessageBox.StandardButton.Yes:
                return None
            confirmed = True

        def work() -> Any:
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                return trust_peer(
                    uow,
                    enrolment=enrolment,
                    expected_fingerprint=typed_fingerprint,
                    confirm_area_change=confirmed,
                    confirm_retrust=confirmed,
                )

        return run_op(self, work).on_success(lambda _peer: self.reload_requested.emit())

    def _on_revoke_clicked(self) -> None:
        peer = self.selected()
        if peer is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("撤销信任"),
            self.tr("撤销对 {name}（{code}）的信任？\n此后不再接受其同步包，也不能再向其导出。").format(
                name=peer.name, code=peer.code
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.revoke(peer.code)

    def revoke(self, code: str) -> Op:
        from msfood.services.writing.transaction import unit_of_work
        from msfood.sync import revoke_peer

        context = self.context

        def work() -> Any:
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                return revoke_peer(uow, code=code)

        return run_op(self, work).on_success(lambda _peer: self.reload_requested.emit())
