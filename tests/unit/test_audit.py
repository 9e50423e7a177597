"""The audit chain: intact after real work, broken by any edit made outside the app; record history."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import func, select

from msfood.core.ids import natural_id, new_id
from msfood.db.models import AuditEntry, Region
from msfood.services.history.audit import BrokenLink, action_label, record_history, verify_chain
from msfood.services.writing.audit_chain import audit_hash
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of

OWN = "430204-01"
REGION = natural_id("region", "430211")


@pytest.fixture
def worked(db, clock):  # type: ignore[no-untyped-def]
    """A region created, edited and deleted by an admin, after the set-up entries."""
    admin = Actor("admin", "admin")
    with unit_of_work(db.sessions, actor=admin, clock=clock) as uow:
        uow.upsert(table_of(Region), {"id": REGION, "code": "430211", "name": "天元"})
    clock.advance(minutes=5)
    with unit_of_work(db.sessions, actor=admin, clock=clock) as uow:
        uow.upsert(table_of(Region), {"id": REGION, "name": "天元区"})
    clock.advance(minutes=5)
    with unit_of_work(db.sessions, actor=admin, clock=clock) as uow:
        uow.delete(table_of(Region), REGION)
    return db


def _sql(db, *statements: str) -> None:  # type: ignore[no-untyped-def]
    """What someone with the sqlite3 shell would do."""
    with closing(sqlite3.connect(str(db.path))) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def _verify(db, **kwargs):  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return verify_chain(session, **kwargs)


def _last_seq(db) -> int:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return session.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.origin == OWN))


def test_an_untouched_history_verifies(worked) -> None:
    result = _verify(worked)
    assert result.ok and result.first_broken is None
    assert result.checked == _last_seq(worked) > 50
    assert result.origins == (OWN,)


def test_an_edited_entry_is_found(worked) -> None:
    _sql(worked, f"UPDATE audit_log SET actor = 'someone-else' WHERE origin = '{OWN}' AND seq = 7")
    result = _verify(worked)
    assert not result.ok
    assert result.first_broken == BrokenLink(OWN, 7, "edited")
    assert result.first_broken == (OWN, 7, "edited")  # a plain tuple too
    assert "第 7 条" in result.first_broken.message() and OWN in result.first_broken.message()


def test_an_edited_before_or_after_is_found(worked) -> None:
    last = _last_seq(worked)
    _sql(worked, f"UPDATE audit_log SET before = replace(before, '天元区', '株洲') WHERE seq = {last}")
    assert _verify(worked).first_broken == (OWN, last, "edited")


def test_a_deleted_entry_is_found(worked) -> None:
    _sql(worked, f"DELETE FROM audit_log WHERE origin = '{OWN}' AND seq = 12")
    assert _verify(worked).first_broken == (OWN, 12, "missing")


def test_deleted_last_entries_are_found(worked) -> None:
    last = _last_seq(worked)
    _sql(worked, f"DELETE FROM audit_log WHERE origin = '{OWN}' AND seq >= {last - 1}")
    assert _verify(worked).first_broken == (OWN, last - 1, "missing")


def test_reordered_entries_are_found(worked) -> None:
    _sql(
        worked,
        f"UPDATE audit_log SET seq = -1 WHERE origin = '{OWN}' AND seq = 20",
        f"UPDATE audit_log SET seq = 20 WHERE origin = '{OWN}' AND seq = 21",
        f"UPDATE audit_log SET seq = 21 WHERE origin = '{OWN}' AND seq = -1",
    )
    assert _verify(worked).first_broken == (OWN, 20, "edited")


def test_a_changed_hash_is_found(worked) -> None:
    _sql(worked, f"UPDATE audit_log SET hash = '{'0' * 64}' WHERE origin = '{OWN}' AND seq = 30")
    assert _verify(worked).first_broken == (OWN, 30, "edited")


def test_an_edit_with_its_hash_recomputed_breaks_the_next_link(worked) -> None:
    with worked.sessions() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.origin == OWN, AuditEntry.seq == 5))
        values = {c: getattr(entry, c) for c in ("origin", "seq", "actor", "at", "action", "table_name",
                                                  "record_id", "before", "after")}
        values["actor"] = "forger"
        forged = audit_hash(entry.prev_hash, values)
    _sql(worked, f"UPDATE audit_log SET actor = 'forger', hash = '{forged}' "
                 f"WHERE origin = '{OWN}' AND seq = 5")
    assert _verify(worked).first_broken == (OWN, 6, "relinked")


def test_a_rewritten_head_entry_is_found_against_the_meta(worked) -> None:
    last = _last_seq(worked)
    with worked.sessions() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.origin == OWN, AuditEntry.seq == last))
        values = {c: getattr(entry, c) for c in ("origin", "seq", "actor", "at", "action", "table_name",
                                                  "record_id", "before", "after")}
        values["actor"] = "forger"
        forged = audit_hash(entry.prev_hash, values)
    _sql(worked, f"UPDATE audit_log SET actor = 'forger', hash = '{forged}' WHERE seq = {last}")
    assert _verify(worked).first_broken == (OWN, last, "head_mismatch")


def _foreign_entries(origin: str, seqs: list[int]) -> list[dict]:  # type: ignore[type-arg]
    rows = []
    prev = ""
    for seq in range(1, max(seqs) + 1):
        entry = {
            "id": new_id(), "origin": origin, "seq": seq, "actor": "clerk",
            "at": dt.datetime(2026, 11, 1, 8, 0, seq), "action": "create", "table_name": "visits",
            "record_id": new_id(), "before": None, "after": '{"n":' + str(seq) + "}", "prev_hash": prev,
        }
        entry["hash"] = audit_hash(prev, entry)
        prev = entry["hash"]
        entry.update(hlc=f"{1790000000000 + seq:013d}000000{origin}", base_hlc="", deleted=False,
                     entered_at=entry["at"], local_seq=10_000 + seq)
        if seq in seqs:
            rows.append(entry)
    return rows


def _insert(db, rows: list[dict]) -> None:  # type: ignore[no-untyped-def,type-arg]
    with db.sessions.begin() as session:
        session.execute(AuditEntry.__table__.insert(), rows)


def test_other_units_chains_are_checked_separately(worked) -> None:
    _insert(worked, _foreign_entries("430211-01", [1, 2, 3, 4]))
    result = _verify(worked)
    assert result.ok and result.origins == (OWN, "430211-01") and result.gaps == 0
    assert result.checked == _last_seq(worked) + 4
    _sql(worked, "UPDATE audit_log SET after = '{\"n\":9}' WHERE origin = '430211-01' AND seq = 3")
    assert _verify(worked).first_broken == ("430211-01", 3, "edited")


def test_gaps_in_another_units_chain_count_unless_it_must_be_whole(worked) -> None:
    _insert(worked, _foreign_entries("430000-00", [3, 4, 6]))
    result = _verify(worked)
    assert result.ok and result.gaps == 2  # before 3, and 5
    strict = _verify(worked, complete_origins=["430000-00"])
    assert strict.first_broken == ("430000-00", 1, "missing")
    assert _verify(worked, complete_origins=["430299-09"]).first_broken == ("430299-09", 1, "missing")


def test_a_record_history_shows_who_did_what(worked) -> None:
    with worked.sessions() as session:
        history = record_history(session, REGION)
    assert [h.action for h in history] == ["create", "update", "delete"]
    assert {h.who for h in history} == {"admin"}
    assert history[0].before is None and history[0].after["name"] == "天元"
    assert history[1].before["name"] == "天元" and history[1].after["name"] == "天元区"
    assert history[1].changed_fields() == ["name"]
    assert history[2].after["deleted"] is True and history[2].changed_fields() == ["deleted"]
    assert history[0].when == dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC)
    assert history[2].when - history[0].when == dt.timedelta(minutes=10)
    with worked.sessions() as session:
        assert record_history(session, "no-such-record") == []
    assert [action_label(h.action) for h in history] == ["新增", "修改", "删除"]
    assert action_label("update", "en") == "changed" and action_label("frobnicate") == "frobnicate"
