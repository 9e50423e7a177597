"""数据同步: two units trust each other's enrolment (fingerprints compared), a bundle travels from station A
to the bureau B with a receipt and history, gaps are named, and a conflict of concurrent edits is resolved.

Both units are real SQLite files made with tests/conftest.make_station; every step goes through the
page's buttons, with file dialogs answered by monkeypatching.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from msfood.core.ids import natural_id
from msfood.db.models import Business, Cadre
from msfood.services.queries import lists as queries
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests.conftest import make_station
from tests.scenario import Scenario
from tests.ui.typing_helpers import type_text

A, B = "430204-01", "4302"
CREDIT = "91430211000009136F"


@pytest.fixture
def units(tmp_path: Path, clock) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    """Station A (with a region, two businesses) and the bureau B (empty)."""
    from msfood.services.setup.database import open_app_database

    paths = {A: tmp_path / "a.sqlite", B: tmp_path / "b.sqlite"}
    make_station(paths[A], clock=clock, code=A)
    make_station(paths[B], clock=clock, code=B, bureau=True)
    database = open_app_database(paths[A])
    try:
        with unit_of_work(database.sessions, clock=clock) as uow:
            s = Scenario(uow)
            s.region("430204", "石峰区")
            s.region("430204001", "清水塘街道", "430204")
            s.business(CREDIT, "清水家常饭店", region="430204001")
            s.business("91430211000009267B", "田心生鲜超市", form="sales", grade="C", region="430204001")
    finally:
        database.close()
    (tmp_path / "stick").mkdir()
    return paths


@pytest.fixture
def pages(qtbot, make_context, units, wait_ops):  # type: ignore[no-untyped-def]
    from ui.pages.sync.page import SyncPage

    made = {}
    for code, path in units.items():
        page = SyncPage(make_context(path))
        qtbot.addWidget(page)
        page.resize(1180, 720)
        page.show()
        page.page_shown()
        assert page.is_busy()
        wait_ops()
        made[code] = page
    return made


class Driver:
    """Drives the pages as a person does, answering the file dialogs and confirmations."""

    def __init__(
        self, qtbot: Any, monkeypatch: Any, wait_ops: Any, no_dialogs: Any, tmp_path: Path
    ) -> None:
        self.qtbot, self.monkeypatch, self.wait = qtbot, monkeypatch, wait_ops
        self.dialogs, self.folder = no_dialogs, tmp_path

    def click(self, button: Any) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def answer(self, *, open_files: list[Path] | None = None, save: Path | None = None) -> None:
        patch = self.monkeypatch.setattr
        if open_files is not None:
            names = [str(p) for p in open_files]
            patch(QFileDialog, "getOpenFileNames", staticmethod(lambda *a: (names, "")))
            patch(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (names[0], "")))
        if save is not None:
            patch(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(save), "")))
        patch(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))

    def enrol(self, source, target) -> None:  # type: ignore[no-untyped-def]
        """`target` trusts `source`: source writes its enrolment; target opens it, types the fingerprint."""
        enrolment = self.folder / f"{source.state.identity.code}.json"
        self.answer(save=enrolment)
        self.click(source.trust.enrolment_button)
        self.wait()
        assert enrolment.exists()
        fingerprint = source.trust.own_fingerprint.fingerprint
        assert self.dialogs[-1][0] == "已导出登记文件" and fingerprint in self.dialogs[-1][1]

        self.answer(open_files=[enrolment])
        self.click(target.trust.trust_button)
        dialog = target.trust.dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.file_fingerprint.text() == source.trust.own_fingerprint.text()
        assert not dialog.trust_button.isEnabled()
        type_text(dialog.typed, "0000")  # a wrong first group, as read out by someone else
        assert "不一致" in dialog.verdict.text() and not dialog.trust_button.isEnabled()
        dialog.typed.clear()
        type_text(dialog.typed, fingerprint.replace(" ", "")[:8].lower())
        assert "目前一致" in dialog.verdict.text()
        dialog.typed.clear()
        type_text(dialog.typed, fingerprint.lower())
        assert dialog.trust_button.isEnabled() and "指纹一致" in dialog.verdict.text()
        self.click(dialog.trust_button)
        self.wait()
        self.wait()  # the reload that follows
        rows = target.trust.peers_model.rows()
        assert [p.code for p in rows] == [source.state.identity.code]
        assert rows[0].fingerprint == fingerprint

    def trusting(self, pages) -> None:  # type: ignore[no-untyped-def]
        self.enrol(pages[A], pages[B])
        self.enrol(pages[B], pages[A])

    def export(self, page, folder: Path | None = None) -> Path:  # type: ignore[no-untyped-def]
        page.exchange.folder_edit.setText(str(folder or self.folder / "stick"))
        self.click(page.exchange.export_button)
        self.wait()
        self.wait()
        return Path(page.exchange.exported.path)

    def import_(self, page, files: list[Path]) -> Any:  # type: ignore[no-untyped-def]
        self.answer(open_files=files)
        self.click(page.exchange.import_button)
        self.wait(30_000)
        self.wait()
        return page.exchange.report


@pytest.fixture
def drive(qtbot, monkeypatch, wait_ops, no_dialogs, tmp_path: Path) -> Driver:  # type: ignore[no-untyped-def]
    return Driver(qtbot, monkeypatch, wait_ops, no_dialogs, tmp_path)


def businesses(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with page.context.database.sessions() as session:
        rows = queries.page(session, "businesses", limit=100).rows
    return {r.credit_code: r.name for r in rows}


def test_a_bundle_travels_from_a_station_to_the_bureau(qtbot, drive, pages, tmp_path):
    a, b = pages[A], pages[B]
    assert not a.trust.peers_model.rows()
    assert a.exchange.receiver_combo.currentData() is None  # nobody trusted: an unaddressed full bundle
    drive.trusting(pages)

    assert a.exchange.receiver_combo.currentData() == B
    assert "还没有向该单位发送过同步包" in a.exchange.receiver_note.text()
    bundle = drive.export(a)
    assert bundle.parent == tmp_path / "stick" and bundle.exists()
    assert a.exchange.export_label.text().startswith(f"已导出：{bundle}\n发往 {B}，第 1 号")
    assert "已加密" in a.exchange.export_label.text()
    assert a.context.settings.sync_folder == str(tmp_path / "stick")
    assert a.history.sent_model.rowCount() == 1 and a.history.sent_model.text(0, 0) == "1"

    with qtbot.waitSignal(b.context.signals.data_changed, timeout=30_000) as changed:
        report = drive.import_(b, [bundle])
    assert "businesses" in changed.args[0]
    (outcome,) = report.bundles
    assert outcome.status == "imported" and outcome.sender == A and outcome.sequence == 1
    model = b.exchange.receipt_model
    assert [model.text(0, c) for c in range(4)] == [bundle.name, A, "1", "已导入"]
    assert int(model.text(0, 4)) == outcome.counts["new"] > 0
    assert b.exchange.receipt_label.text().startswith("共 1 个文件：导入 1 个，跳过 0 个，未导入 0 个。")
    assert not b.exchange.gaps_label.isVisible()
    assert businesses(b)[CREDIT] == "清水家常饭店"  # the record arrived
    # history: received number 1 from A, nothing missing
    history = b.history
    assert history.peers_model.text(0, 0) == A and history.peers_model.text(0, 3) == "1"
    assert history.peers_model.text(0, 7) == ""
    assert history.received_model.rowCount() == 1
    assert history.received_model.text(0, 2) == str(outcome.counts["new"])

    report = drive.import_(b, [bundle])  # the same bundle again
    assert report.bundles[0].status == "already"
    assert b.exchange.receipt_model.text(0, 3) == "此前已导入，已跳过"


def test_a_missing_bundle_is_named(drive, pages, tmp_path):
    a, b = pages[A], pages[B]
    drive.trusting(pages)
    lost = tmp_path / "lost"
    lost.mkdir()
    drive.export(a, lost)  # number 1: the stick is lost
    with unit_of_work(a.context.database.sessions, actor=a.context.actor, clock=a.context.clock) as uow:
        uow.upsert(table_of(Business), {"id": natural_id("business", CREDIT, ""), "name": "清水饭店"})
    second = drive.export(a)
    assert a.exchange.exported.sequence == 2
    report = drive.import_(b, [second])
    assert report.bundles[0].gaps == [(1, 1)]
    expected = "来自 石峰区市场监管所（430204-01）的第 1 号同步包尚未收到"
    assert b.exchange.gaps_label.isVisible() and b.exchange.gaps_label.text().startswith(expected)
    assert b.history.peers_model.text(0, 7) == "1"
    assert b.history.gaps_label.text().startswith(expected)
    assert businesses(b)[CREDIT] == "清水饭店"  # bundle 2 carried what 1 held, and the rename


def test_a_refused_bundle_is_named_in_the_receipt(drive, pages, tmp_path):
    b = pages[B]
    junk = tmp_path / "stick" / "430204-01-to-4302-00001.msfb"
    junk.write_bytes(b"PK\x03\x04 not really a bundle")
    report = drive.import_(b, [junk])
    assert report.bundles[0].status == "refused"
    model = b.exchange.receipt_model
    assert model.text(0, 3) == "未导入" and model.text(0, 4) == ""
    assert model.text(0, 8).startswith(f"同步包 {junk.name} 未导入，数据库未改动")
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None  # shown in red
    assert b.exchange.receipt_label.text().startswith("共 1 个文件：导入 0 个，跳过 0 个，未导入 1 个。")


def rename(page, name: str) -> None:  # type: ignore[no-untyped-def]
    context = page.context
    with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
        uow.upsert(table_of(Business), {"id": natural_id("business", CREDIT, ""), "name": name})


def page_as(qtbot, make_context, path: Path, role: str, clock, wait_ops):  # type: ignore[no-untyped-def]
    """The page as another account of `role` (made now) sees it."""
    from msfood.services.accounts.users import create_user
    from msfood.services.setup.database import open_app_database
    from ui.pages.sync.page import SyncPage

    database = open_app_database(path)
    try:
        with database.sessions.begin() as session:
            create_user(session, username=f"{role}1", password="other-pass-1", role=role, clock=clock)
    finally:
        database.close()
    page = SyncPage(make_context(path, username=f"{role}1", password="other-pass-1"))
    qtbot.addWidget(page)
    page.show()
    page.page_shown()
    wait_ops()
    return page


def test_a_conflict_of_concurrent_edits_is_shown_and_resolved(
    qtbot, drive, make_context, units, clock, pages, wait_ops
):
    a, b = pages[A], pages[B]
    drive.trusting(pages)
    drive.import_(b, [drive.export(a)])
    rename(a, "站里改的名字")
    rename(b, "市局改的名字")
    to_b = drive.export(a)
    to_a = drive.export(b)
    drive.import_(b, [to_b])
    report = drive.import_(a, [to_a])
    assert report.total("conflicts") == 1
    assert a.exchange.conflicts_label.text() == "有 1 处冲突等待处理。"
    drive.click(a.exchange.conflicts_button)
    assert a.tabs.currentWidget() is a.conflicts
    assert a.tabs.tabText(a.tabs.indexOf(a.conflicts)) == "冲突（1）"

    tab = a.conflicts
    assert tab.conflicts_model.rowCount() == 1
    info = tab.selected()
    assert [tab.conflicts_model.text(0, c) for c in range(4)] == [
        "包保主体", info.current["name"], "两处同时修改", "1"
    ]
    kept, lost = info.current["name"], info.lost["name"]
    assert {kept, lost} == {"站里改的名字", "市局改的名字"}
    fields = tab.fields_model
    assert [fields.text(0, c) for c in range(3)] == ["名称", kept, lost]  # the difference first...
    assert fields.data(fields.index(0, 1), Qt.ItemDataRole.BackgroundRole) is not None  # ...highlighted
    assert fields.data(fields.index(1, 1), Qt.ItemDataRole.BackgroundRole) is None
    assert fields.rowCount() > 3
    shown = {fields.text(r, 0): fields.text(r, 1) for r in range(fields.rowCount())}
    assert shown["区划"] == "清水塘街道（430204001）" and shown["主体业态"] == "餐饮服务"
    assert "name_initials" not in shown and "id" not in shown
    tab.only_differing.setChecked(True)
    assert fields.rowCount() == 1
    assert "两处在同步前各自修改了这条记录" in tab.explain_label.text()
    assert tab.keep_current.isEnabled() and tab.keep_lost.isEnabled()
    assert not tab.keep_both.isEnabled()  # a business has a natural key (its credit code)

    liaison = page_as(qtbot, make_context, units[A], "liaison", clock, wait_ops)
    assert liaison.conflicts.selected().id == info.id
    assert not liaison.conflicts.keep_lost.isEnabled()  # a liaison records visits, not the roster
    assert liaison.conflicts.keep_lost.toolTip().startswith("您的角色（联络员）不能修改包保名册")

    qtbot.mouseClick(tab.keep_lost, Qt.MouseButton.LeftButton)
    wait_ops()
    wait_ops()
    assert businesses(a)[CREDIT] == lost
    assert tab.conflicts_model.rowCount() == 0 and tab.count_label.text() == "没有等待处理的冲突。"
    assert a.tabs.tabText(a.tabs.indexOf(tab)) == "冲突"
    tab.resolved_check.setChecked(True)
    wait_ops()
    assert tab.conflicts_model.text(0, 5) == "已处理：改用另一版本"
    assert not tab.keep_lost.isEnabled()


def test_two_records_claiming_one_key_are_merged_into_one(drive, pages):
    """A cadre's phone corrected at the station to a number the bureau gave a new cadre meanwhile."""
    a, b = pages[A], pages[B]
    drive.trusting(pages)
    old, new = "13800000001", "13800000002"
    for page, phone, name in ((a, old, "李四"), (b, new, "李四（市局录入）")):
        context = page.context
        with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
            s = Scenario(uow)
            s.region("430204", "石峰区")
            s.region("430204001", "清水塘街道", "430204")
            s.cadre(phone, name, "township", "430204001")
    context = a.context
    with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
        uow.upsert(table_of(Cadre), {"id": natural_id("cadre", old), "phone": new})
    report = drive.import_(b, [drive.export(a)])
    assert report.total("set_aside") == 1
    assert "已列入冲突待处理" in b.exchange.receipt_model.text(0, 8)

    tab = b.conflicts
    assert tab.conflicts_model.text(0, 2) == "唯一标识重复"
    assert tab.keep_lost.text() == "合并为一条（采用另一版本的内容）" and tab.keep_lost.isEnabled()
    assert "唯一标识相同，已暂放一边" in tab.explain_label.text()
    assert not tab.keep_both.isEnabled()
    drive.click(tab.keep_lost)
    drive.wait()
    drive.wait()
    with b.context.database.sessions() as session:
        rows = queries.page(session, "cadres", limit=10).rows
    assert [(r.phone, r.name) for r in rows] == [(new, "李四")]  # one record, the station's content
    assert tab.conflicts_model.rowCount() == 0


def test_revoking_stops_exports_to_the_unit(qtbot, drive, pages, wait_ops):
    a = pages[A]
    drive.trusting(pages)
    a.trust.peers_table.selectRow(0)
    assert a.trust.revoke_button.isEnabled()
    drive.answer()
    qtbot.mouseClick(a.trust.revoke_button, Qt.MouseButton.LeftButton)
    wait_ops()
    wait_ops()
    assert a.trust.peers_model.text(0, 6).startswith("已撤销")
    assert not a.trust.revoke_button.isEnabled()
    assert a.exchange.receiver_combo.findData(B) < 0


def test_a_viewer_sees_but_cannot_act(qtbot, make_context, units, wait_ops, clock):
    page = page_as(qtbot, make_context, units[A], "viewer", clock, wait_ops)
    assert page.state is not None
    assert page.trust.own_fingerprint.fingerprint == page.state.identity.fingerprint
    for button in (page.exchange.export_button, page.exchange.import_button, page.trust.trust_button):
        assert not button.isEnabled()
    assert page.exchange.export_button.toolTip() == "您的角色（查看者）不能导入或导出同步包。"
    assert page.trust.enrolment_button.isEnabled()  # anyone may hand out the station's enrolment


def test_every_model_passes_the_model_tester(drive, pages, qtmodeltester):
    a, b = pages[A], pages[B]
    drive.trusting(pages)
    drive.import_(b, [drive.export(a)])
    rename(a, "甲")
    rename(b, "乙")
    drive.import_(a, [drive.export(b)])
    models = [
        b.exchange.receipt_model, b.history.peers_model, b.history.received_model, a.history.sent_model,
        a.trust.peers_model, a.conflicts.conflicts_model, a.conflicts.fields_model,
    ]  # fmt: skip
    for model in models:
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)


def test_the_page_speaks_english(qtbot, pages, drive, app):
    from ui.i18n import install_translators
    from ui.pages.sync.page import SyncPage

    drive.trusting(pages)
    install_translators("en")
    try:
        page = SyncPage(pages[A].context)
        qtbot.addWidget(page)
        page.show()
        page.page_shown()
        drive.wait()
        tabs = [page.tabs.tabText(i) for i in range(4)]
        assert tabs == ["Send and receive", "History", "Trusted units", "Conflicts"]
        assert page.exchange.export_button.text() == "Export bundle"
        assert page.trust.peers_model.headerData(4, Qt.Orientation.Horizontal) == "Key fingerprint"
        assert page.trust.peers_model.text(0, 2) == "Bureau"
    finally:
        install_translators("zh_CN")


def test_trusting_a_revoked_unit_again_shows_the_change_and_asks(qtbot, drive, pages, wait_ops, monkeypatch):
    a, b = pages[A], pages[B]
    drive.trusting(pages)
    a.trust.peers_table.selectRow(0)
    drive.answer()
    qtbot.mouseClick(a.trust.revoke_button, Qt.MouseButton.LeftButton)
    wait_ops()
    wait_ops()
    enrolment = drive.folder / "bureau-again.json"
    drive.answer(save=enrolment)
    drive.click(b.trust.enrolment_button)
    wait_ops()
    fingerprint = b.trust.own_fingerprint.fingerprint
    for answer in (QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes):
        asked: list[str] = []
        drive.answer(open_files=[enrolment])
        monkeypatch.setattr(
            QMessageBox, "question", staticmethod(lambda _parent, _title, text, *r, a=answer: asked.append(text) or a)
        )
        drive.click(a.trust.trust_button)
        dialog = a.trust.dialog
        type_text(dialog.typed, fingerprint.lower())
        drive.click(dialog.trust_button)
        wait_ops()
        wait_ops()
        assert len(asked) == 1 and B in asked[0] and "撤销" in asked[0]
        state = a.trust.peers_model.text(0, 6)
        assert state.startswith("已撤销") == (answer == QMessageBox.StandardButton.No), state
