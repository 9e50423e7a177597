"""The Qt-free parts behind the administration dialogs: a record's history in words
(msfood.services.history.view) and what a database file holds (msfood.services.backups.summary)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from msfood.core.errors import EnvironmentProblem, PermissionDenied
from msfood.core.ids import natural_id
from msfood.services.backups.backup import backup_database
from msfood.services.backups.summary import SUMMARY_TABLES, summarize_database_file
from msfood.services.history.view import record_history_view
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests import list_data
from tests.conftest import ADMIN

VIEWER = Actor("viewer", "viewer")


def _edit_business(db: Any, clock: Any) -> str:
    from msfood.db.models import Business

    business = list_data.bid(3)  # 田心生鲜超市, grade C, high risk, 田心社区
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        uow.upsert(table_of(Business), {"id": business, "grade": "B", "high_risk": False,
                                         "region_id": list_data.rid("430204001001")})  # fmt: skip
    return business


def test_history_names_fields_values_and_references_as_people_know_them(db: Any, clock: Any) -> None:
    list_data.build(db, clock)
    business = _edit_business(db, clock)
    with db.sessions() as session:
        rows = record_history_view(session, business, actor=VIEWER)
    assert [(r.who, r.action, r.action_label, r.table_label) for r in rows] == [
        ("system", "create", "新增", "包保主体"),
        ("admin", "update", "修改", "包保主体"),
    ]
    created = {c.label: (c.before, c.after) for c in rows[0].changes}
    assert created["名称"] == ("", "田心生鲜超市") and rows[0].changes[0].label == "名称"  # the name first
    assert created["主体业态"] == ("", "餐饮服务") and created["高风险"] == ("", "是")
    assert created["所属区划"] == ("", "田心社区（430204001002）")
    assert not {"hlc", "origin", "local_seq", "name_initials", "id"} & {c.field for c in rows[0].changes}
    assert "许可证编号" not in created  # a new record lists only the values it was given
    edited = {c.label: (c.before, c.after) for c in rows[1].changes}
    assert edited == {
        "包保等级": ("C", "B"),
        "高风险": ("是", "否"),
        "所属区划": ("田心社区（430204001002）", "清水社区（430204001001）"),
    }


def test_history_in_english_and_of_a_record_without_history(db: Any, clock: Any) -> None:
    list_data.build(db, clock)
    business = _edit_business(db, clock)
    with db.sessions() as session:
        rows = record_history_view(session, business, actor=VIEWER, lang="en")
        assert record_history_view(session, "no-such-record", actor=VIEWER) == []
    edited = {c.label: (c.before, c.after) for c in rows[1].changes}
    assert rows[1].action_label == "changed" and rows[1].table_label == "businesses"
    assert edited["guarantee grade"] == ("C", "B") and edited["high risk"] == ("yes", "no")
    assert edited["region"][1] == "清水社区（430204001001）"


def test_history_of_a_closed_period_and_a_role_without_reading(db: Any, clock: Any) -> None:
    from msfood.services.periods.closing import close_period

    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        close_period(uow, period="2026Q3")
    with db.sessions() as session:
        (row,) = record_history_view(session, natural_id("closed_period", "2026Q3"), actor=ADMIN)
        with pytest.raises(PermissionDenied):
            record_history_view(session, natural_id("closed_period", "2026Q3"), actor=Actor("x", "nobody"))
    assert row.action_label == "关闭期间" and row.table_label == "已关闭期间"
    changes = {c.label: c.after for c in row.changes}
    assert changes["期间"] == "2026Q3" and changes["已关闭"] == "是" and changes["关闭人"] == "admin"
    assert changes["开始日期"] == "2026-07-01"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_summary_counts_live_records_of_a_backup_without_touching_it(
    db: Any, clock: Any, tmp_path: Path
) -> None:
    list_data.build(db, clock)
    backup = backup_database(db, actor=ADMIN, out=tmp_path / "备份.sqlite").path
    before = _digest(backup)
    summary = summarize_database_file(backup)
    assert _digest(backup) == before and not Path(str(backup) + "-wal").exists()
    assert (summary.unit_code, summary.unit_name) == ("430204-01", "石峰区市场监管所")
    assert [table for table, _n in summary.counts] == list(SUMMARY_TABLES)
    # list_data: 5 regions (430204 and 天元区 among them), 16 businesses of which one is deleted + a stall
    assert summary.count("regions") == 5 and summary.count("businesses") == len(list_data.BUSINESSES)
    assert summary.count("cadres") == 4 and summary.count("visits") == 4 and summary.count("problems") == 3
    assert summary.count("closed_periods") == 0 and summary.users >= 1
    assert summary.last_change is not None and summary.last_change.tzinfo is not None
    assert summary.last_change.date() == clock.now().date()


def test_summary_of_an_unreadable_file_is_a_plain_refusal(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database" * 200)
    with pytest.raises(EnvironmentProblem) as refused:
        summarize_database_file(junk)
    assert refused.value.code == "station_admin.unreadable"
    assert str(junk) in refused.value.message() and "无法读取数据库文件" in refused.value.message()
