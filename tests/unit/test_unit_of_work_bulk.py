"""The unit of work's bulk path: the audit text and hashes keep their format, rows read back alike."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from msfood.db.models import AuditEntry, Business, BusinessStatus, Region
from msfood.services.history.audit import verify_chain
from msfood.services.writing.audit_chain import AUDIT_FIELDS, audit_hash, row_json
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of

ROW = {
    "id": "0193a",
    "name": '清水"家常"饭店\n',
    "since": dt.date(2026, 5, 20),
    "high_risk": True,
    "planned": 3,
    "destroyed_kg": 2.5,
    "at": dt.datetime(2026, 11, 24, 2, 0, 0, 5),
    "blob": b"\x01\xff",
    "gone": None,
}


def test_audit_text_and_hash_are_those_existing_databases_hold() -> None:
    """Written by the first implementation (every value through json_value, then json.dumps): a
    database's chain made before must verify after, so these bytes may never change."""
    after = row_json(ROW, sorted(ROW, reverse=True))
    assert after == (
        '{"at":"2026-11-24T02:00:00.000005","blob":"01ff","destroyed_kg":2.5,"gone":null,'
        '"high_risk":true,"id":"0193a","name":"清水\\"家常\\"饭店\\n","planned":3,"since":"2026-05-20"}'
    )
    entry = {"origin": "430204-01", "seq": 7, "actor": "管理员", "at": dt.datetime(2026, 11, 24, 2, 0),
             "action": "create", "table_name": "businesses", "record_id": "0193a", "before": None,
             "after": after}  # fmt: skip
    assert audit_hash("ab" * 32, entry) == "bc5e4dd38f01d8f9dab2c21dd91bf8e2a3e92f7dbb0d115640682116fc77dbc1"
    with pytest.raises(TypeError):
        row_json({"odd": object()}, ["odd"])


def test_bulk_rows_read_back_typed_and_audited(db, clock) -> None:  # type: ignore[no-untyped-def]
    admin = Actor("admin", "admin")
    region = "r-430204"
    with unit_of_work(db.sessions, actor=admin, clock=clock) as uow:
        uow.upsert(table_of(Region), {"id": region, "code": "430204", "name": "石峰区"})
    rows = [
        {"id": f"b{i:03d}", "name": f"主体{i}", "credit_code": None, "licence_no": f"L{i}", "form": "stall",
         "grade": "D", "high_risk": i % 2 == 0, "region_id": region}
        for i in range(1200)
    ]  # fmt: skip
    with unit_of_work(db.sessions, actor=admin, clock=clock) as uow:
        outcomes = uow.upsert_many(table_of(Business), rows)
        uow.upsert_many(
            table_of(BusinessStatus),
            [{"id": "s1", "business_id": "b001", "status": "closed", "since": dt.date(2026, 5, 20)}],
        )
    assert outcomes == ["new"] * 1200
    with db.sessions() as session:
        stored = session.execute(select(Business).where(Business.id.in_(["b000", "b001"]))).scalars().all()
        status = session.get(BusinessStatus, "s1")
        assert [(b.high_risk, b.deleted, b.origin) for b in stored] == [
            (True, False, "430204-01"),
            (False, False, "430204-01"),
        ]
        assert isinstance(stored[0].entered_at, dt.datetime) and stored[0].local_seq > 0
        assert status is not None and status.since == dt.date(2026, 5, 20)
        assert verify_chain(session).ok
        entries = session.execute(select(AuditEntry).where(AuditEntry.table_name == "businesses")).scalars()
        for entry in entries:  # each entry's hash is audit_hash's, as `msfood audit verify` recomputes it
            fields = {f: getattr(entry, f) for f in AUDIT_FIELDS}
            assert entry.hash == audit_hash(entry.prev_hash, fields)
    with unit_of_work(db.sessions, actor=admin, clock=clock) as uow:  # the same again changes nothing
        assert set(uow.upsert_many(table_of(Business), rows)) == {"unchanged"}


def test_a_refused_bulk_insert_raises_sqlalchemys_error_and_keeps_nothing(db, clock) -> None:  # type: ignore[no-untyped-def]
    admin = Actor("admin", "admin")
    orphan = {"id": "r1", "code": "430299", "name": "无", "parent_id": "nowhere"}
    with pytest.raises(IntegrityError), unit_of_work(db.sessions, actor=admin, clock=clock) as uow:
        uow.upsert_many(table_of(Region), [orphan])
    with db.sessions() as session:
        assert session.get(Region, "r1") is None
        assert verify_chain(session).ok
