"""A small station with every record kind, for the list queries' and the list pages' tests.

Names repeat on purpose (ten 同名小吃店: ties in the sort key), one business is tombstoned, one is a
stall without a credit code, statuses change over time, problems and sampling cases are overdue on
2026-11-24 (the tests' clock).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from msfood.core.clock import Clock
from msfood.core.ids import natural_id
from msfood.db.engine import Database
from msfood.db.models import (
    Assignment,
    Business,
    BusinessStatus,
    Cadre,
    Problem,
    RapidTest,
    Region,
    Sampling,
    SelfCheck,
    Visit,
)
from msfood.domain.periods import period_key_for
from msfood.services.records.values import initials
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

D = dt.date.fromisoformat
TODAY = D("2026-11-24")

REGIONS = [
    ("430204", "石峰区", None),
    ("430204001", "清水塘街道", "430204"),
    ("430204001001", "清水社区", "430204001"),
    ("430204001002", "田心社区", "430204001"),
    ("430211", "天元区", None),
]


def credit(n: int) -> str:
    """A made-up 18-character code (the lists do not validate codes)."""
    return f"9143021100{n:07d}X"


def bid(n: int) -> str:
    return natural_id("business", credit(n), "")


def cid(phone: str) -> str:
    return natural_id("cadre", phone)


def rid(code: str) -> str:
    return natural_id("region", code)


# (n, name, grade, region, high_risk)
BUSINESSES: list[tuple[int, str, str, str, bool]] = [
    (1, "海底捞火锅", "A", "430204001001", False),
    (2, "清水家常饭店", "D", "430204001001", False),
    (3, "田心生鲜超市", "C", "430204001002", True),
    (4, "石峰面包厂", "B", "430204001", False),
    (5, "天元烧烤", "C", "430211", False),
    (6, "百分之百%奶茶", "D", "430204", False),
    *[(10 + i, "同名小吃店", "ABCD"[i % 4], "430204001002", False) for i in range(10)],
]
STALL_ID = natural_id("business", None, "TZ-001")
DELETED = 6  # 百分之百%奶茶 is tombstoned

CADRES = [
    ("13700000001", "周一", "village", "430204001001"),
    ("13700000002", "吴二", "township", "430204001"),
    ("13700000003", "郑三", "county", "430204"),
    ("13700000004", "王四", "city", "430204"),
]


def _put(uow: UnitOfWork, model: type, rows: list[dict[str, Any]]) -> None:
    uow.upsert_many(table_of(model), rows)


def build(db: Database, clock: Clock) -> None:
    with unit_of_work(db.sessions, clock=clock) as uow:
        _put(uow, Region, [
            {"id": rid(code), "code": code, "name": name, "parent_id": rid(parent) if parent else None}
            for code, name, parent in REGIONS
        ])
        businesses = [
            {"id": bid(n), "name": name, "name_initials": initials(name), "credit_code": credit(n),
             "licence_no": None, "form": "catering", "grade": grade, "high_risk": risky,
             "region_id": rid(region), "phone": f"0731-2800{n:04d}"}
            for n, name, grade, region, risky in BUSINESSES
        ]
        businesses.append({
            "id": STALL_ID, "name": "王记早餐摊", "name_initials": initials("王记早餐摊"),
            "credit_code": None,
            "licence_no": "TZ-001", "form": "stall", "grade": "D", "high_risk": False,
            "region_id": rid("430204001001"), "phone": None,
        })
        _put(uow, Business, businesses)
        uow.delete(table_of(Business), bid(DELETED))
        _put(uow, BusinessStatus, [
            {"id": natural_id("business_status", bid(4), "2026-05-20"), "business_id": bid(4),
             "status": "suspended", "since": D("2026-05-20")},
            {"id": natural_id("business_status", bid(5), "2027-01-01"), "business_id": bid(5),
             "status": "cancelled", "since": D("2027-01-01")},
        ])
        _put(uow, Cadre, [
            {"id": cid(phone), "name": name, "name_initials": initials(name), "phone": phone, "level": level,
             "region_id": rid(region)}
            for phone, name, level, region in CADRES
        ])
        _put(uow, Assignment, [
            _assignment("13700000001", 1, "2026-01-01"),
            _assignment("13700000001", 2, "2026-01-01"),
            _assignment("13700000002", 3, "2026-04-15"),
            _assignment("13700000003", 4, "2026-01-01", end="2026-06-30"),
            _assignment("13700000004", 1, "2026-02-01"),
        ])
        _put(uow, Visit, [
            _visit("13700000001", 1, "2026-05-10", "onsite"),
            _visit("13700000002", 3, "2026-06-01", "video"),
            _visit("13700000001", 2, "2026-10-08", "onsite"),
            _visit("13700000004", 1, "2026-10-08", "gathered"),
        ])
        _put(uow, Problem, [
            _problem("13700000001", 1, "2026-05-10", 1, "后厨地面积水", "2026-06-15", "closed", "2026-06-20"),
            _problem("13700000001", 2, "2026-10-08", 1, "健康证过期", "2026-11-01", "pending", None),
            _problem("13700000001", 2, "2026-10-08", 2, "留样不足", "2026-12-01", "in_progress", None),
        ])
        _put(uow, SelfCheck, [
            _selfcheck(n, kind, day)
            for n in (1, 2, 3)
            for kind, day in [("daily", "2026-11-20"), ("daily", "2026-11-21"), ("weekly", "2026-11-16"),
                              ("monthly", "2026-10-05")]
        ])
        _put(uow, Sampling, [
            _sampling("SF2026001", 1, "2026-04-08", "pass", "2026-04-20"),
            _sampling("SF2026002", 3, "2026-04-12", "fail", "2026-05-01"),
            _sampling("SF2026003", 4, "2026-06-25", "pending", None),
            _sampling("SF2026004", 2, "2026-10-12", "fail", "2026-11-01"),
        ])
        _put(uow, RapidTest, [
            _rapid(3, "2026-05-05", "小白菜", "农药残留", 8, 1),
            _rapid(3, "2026-05-05", "猪肉", "瘦肉精", 2, 0),
            _rapid(1, "2026-11-02", "鲈鱼", "孔雀石绿", 1, 0),
        ])


def _assignment(phone: str, n: int, start: str, end: str | None = None) -> dict[str, Any]:
    return {"id": natural_id("assignment", cid(phone), bid(n), start), "cadre_id": cid(phone),
            "business_id": bid(n), "start_date": D(start), "end_date": D(end) if end else None}


def visit_id(phone: str, n: int, day: str) -> str:
    return natural_id("visit", cid(phone), bid(n), day)


def _visit(phone: str, n: int, day: str, mode: str) -> dict[str, Any]:
    return {"id": visit_id(phone, n, day), "cadre_id": cid(phone), "business_id": bid(n),
            "visit_date": D(day), "mode": mode}


def _problem(phone: str, n: int, day: str, seq: int, text: str, deadline: str, status: str,
             closed: str | None) -> dict[str, Any]:
    vid = visit_id(phone, n, day)
    return {"id": natural_id("problem", vid, seq), "visit_id": vid, "seq": seq, "description": text,
            "deadline": D(deadline), "status": status, "closed_on": D(closed) if closed else None}


def _selfcheck(n: int, kind: str, day: str) -> dict[str, Any]:
    key = period_key_for(kind, D(day))
    return {"id": natural_id("selfcheck", bid(n), kind, key), "business_id": bid(n), "kind": kind,
            "record_date": D(day), "period_key": key, "issues_found": 0, "recorder": "张安全"}


def _sampling(no: str, n: int, day: str, result: str, received: str | None) -> dict[str, Any]:
    return {"id": natural_id("sampling", no), "sample_no": no, "business_id": bid(n), "sample_date": D(day),
            "sampling_type": "supervision", "food_category": "餐饮食品", "sample_name": f"样品{no[-1]}",
            "result": result, "result_date": D(received) if received else None}


def _rapid(n: int, day: str, sample: str, item: str, batches: int, positives: int) -> dict[str, Any]:
    return {"id": natural_id("rapid_test", bid(n), day, sample, item), "business_id": bid(n),
            "test_date": D(day), "sample_name": sample, "item": item, "batches": batches,
            "positives": positives}
