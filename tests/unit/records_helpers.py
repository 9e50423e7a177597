"""Helpers for the record-service tests: write rows through records.clean/apply, read rows back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from msfood.core.clock import Clock
from msfood.core.errors import Issue
from msfood.db.engine import Database
from msfood.services import records
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work

ADMIN = Actor("admin", "admin")
LIAISON = Actor("li", "liaison")
VIEWER = Actor("vi", "viewer")

E1 = "91430211000009136F"
E2 = "91430211000009267B"
E3 = "914302110000093987"
E4 = "91430211000009523U"
SHARED = "91430211MA4L00001M"

REGIONS = [
    {"code": "430204", "name": "石峰区"},
    {"code": "430204001", "name": "清水塘街道"},
    {"code": "430204001001", "name": "清水社区"},
    {"code": "430204001002", "name": "田心社区"},
]
BUSINESS = {
    "name": "清水家常饭店",
    "credit_code": E1,
    "form": "餐饮服务",
    "grade": "D",
    "high_risk": "否",
    "region_code": "430204001001",
}
CADRE = {"name": "周一", "phone": "13700000001", "level": "村级", "region_code": "430204001001"}


def write(
    db: Database, clock: Clock, kind: str, rows: list[Mapping[str, Any]], actor: Actor = ADMIN
) -> tuple[Counter[str], list[Issue], list[records.Cleaned]]:
    """Clean and apply rows of one kind in one unit of work (later rows see earlier ones)."""
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        refs = records.Refs(uow.session, today=clock.today())
        cleaned = []
        for raw in rows:
            item = records.clean(kind, raw, refs)
            refs.remember(kind, item)
            cleaned.append(item)
        counts = records.apply(uow, cleaned)
    return counts, [w for c in cleaned for w in c.warnings], cleaned


def rows_of(db: Database, table: Any, **where: Any) -> list[dict[str, Any]]:
    with db.sessions() as session:
        statement = select(table).where(*(table.c[k] == v for k, v in where.items()))
        return [dict(r) for r in session.execute(statement).mappings()]


def seed_roster(db: Database, clock: Clock) -> None:
    """The worked example's regions, E1 with cadre K1 assigned from 2026-01-01."""
    write(db, clock, "region", REGIONS)
    write(db, clock, "business", [BUSINESS])
    write(db, clock, "cadre", [CADRE])
    write(
        db,
        clock,
        "assignment",
        [{"cadre_phone": "13700000001", "credit_code": E1, "start_date": "2026-01-01"}],
    )
