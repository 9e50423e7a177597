"""A small builder for hand-worked scenarios: writes records straight through the unit of work.

Tests of the figures state their data in a few lines and their expected numbers worked out by hand
from DOMAIN.md; the workbook path is tested separately (tests/e2e).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from msfood.core.ids import natural_id
from msfood.db.models import (
    Assignment,
    Business,
    BusinessClosure,
    BusinessStatus,
    Cadre,
    Problem,
    RapidTest,
    Region,
    Sampling,
    SamplingPlan,
    SelfCheck,
    Setting,
    Visit,
    VisitRule,
)
from msfood.domain.periods import period_key_for
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

D = dt.date.fromisoformat


def days(start: str, end: str) -> list[dt.date]:
    a, b = D(start), D(end)
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


class Scenario:
    """Natural ids everywhere, so a test names records by their codes and phones."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def _put(self, model: type, values: dict[str, Any]) -> str:
        self.uow.upsert(table_of(model), values)
        return values["id"]

    def region(self, code: str, name: str, parent: str | None = None) -> str:
        return self._put(
            Region,
            {"id": natural_id("region", code), "code": code, "name": name,
             "parent_id": natural_id("region", parent) if parent else None},
        )

    def business(
        self, code: str, name: str, *, form: str = "catering", grade: str = "D", region: str,
        high_risk: bool = False, rest_days: str = "", licence: str | None = None,
        owes: bool | None = None, chain: str | None = None, hq: str | None = None, branch: str | None = None,
    ) -> str:
        """`chain`: the chain role (hq/branch/store); `hq`, `branch`: the credit codes it names."""
        return self._put(
            Business,
            {"id": self.bid(code, licence), "name": name, "credit_code": code, "licence_no": licence,
             "form": form, "grade": grade, "high_risk": high_risk, "region_id": natural_id("region", region),
             "rest_days": rest_days, "owes_selfchecks": owes, "chain_role": chain,
             "chain_hq_id": self.bid(hq) if hq else None, "chain_branch_id": self.bid(branch) if branch else None},
        )

    @staticmethod
    def bid(code: str, licence: str | None = None) -> str:
        return natural_id("business", code, licence or "")

    @staticmethod
    def cid(phone: str) -> str:
        return natural_id("cadre", phone)

    def status(self, code: str, status: str, since: str | None) -> None:
        business_id = self.bid(code)
        self._put(
            BusinessStatus,
            {"id": natural_id("business_status", business_id, since or ""), "business_id": business_id,
             "status": status, "since": D(since) if since else None},
        )

    def closure(self, code: str, start: str, end: str) -> None:
        business_id = self.bid(code)
        self._put(
            BusinessClosure,
            {"id": natural_id("business_closure", business_id, start), "business_id": business_id,
             "start_date": D(start), "end_date": D(end)},
        )

    def cadre(self, phone: str, name: str, level: str, region: str) -> str:
        return self._put(
            Cadre,
            {"id": self.cid(phone), "name": name, "phone": phone, "level": level,
             "region_id": natural_id("region", region)},
        )

    def assign(self, phone: str, code: str, start: str, end: str | None = None) -> str:
        cadre_id, business_id = self.cid(phone), self.bid(code)
        return self._put(
            Assignment,
            {"id": natural_id("assignment", cadre_id, business_id, start), "cadre_id": cadre_id,
             "business_id": business_id, "start_date": D(start), "end_date": D(end) if end else None},
        )

    def visit(
        self, phone: str, code: str, date: str, mode: str = "onsite",
        problems: Iterable[tuple[str | None, str | None]] = (),
    ) -> str:
        """problems: (deadline, closed_on) pairs."""
        cadre_id, business_id = self.cid(phone), self.bid(code)
        visit_id = self._put(
            Visit,
            {"id": natural_id("visit", cadre_id, business_id, date), "cadre_id": cadre_id,
             "business_id": business_id, "visit_date": D(date), "mode": mode},
        )
        for seq, (deadline, closed_on) in enumerate(problems, start=1):
            self._put(
                Problem,
                {"id": natural_id("problem", visit_id, seq), "visit_id": visit_id, "seq": seq,
                 "description": f"问题{seq}", "deadline": D(deadline) if deadline else None,
                 "closed_on": D(closed_on) if closed_on else None,
                 "status": "closed" if closed_on else "pending"},
            )
        return visit_id

    def selfchecks(self, code: str, kind: str, dates: Iterable[dt.date | str]) -> None:
        business_id = self.bid(code)
        rows = []
        for day in dates:
            day = D(day) if isinstance(day, str) else day
            key = period_key_for(kind, day)
            rows.append(
                {"id": natural_id("selfcheck", business_id, kind, key), "business_id": business_id,
                 "kind": kind, "record_date": day, "period_key": key}
            )
        self.uow.upsert_many(table_of(SelfCheck), rows)

    def sample(
        self, no: str, code: str, date: str, *, result: str = "pending", received: str | None = None,
        closed: str | None = None, sampling_type: str = "supervision", category: str = "餐饮食品",
        served: str | None = None, extended: tuple[str, str, str] | None = None,
    ) -> None:
        """`served`: the 送达 date; `extended`: (new deadline, approver, approval date)."""
        self._put(
            Sampling,
            {"id": natural_id("sampling", no), "sample_no": no, "business_id": self.bid(code),
             "sample_date": D(date), "sampling_type": sampling_type, "food_category": category,
             "sample_name": "样品", "result": result, "result_date": D(received) if received else None,
             "disposal_closed_on": D(closed) if closed else None,
             "served_date": D(served) if served else None,
             "extended_deadline": D(extended[0]) if extended else None,
             "extension_approver": extended[1] if extended else None,
             "extension_approved_on": D(extended[2]) if extended else None},
        )

    def rapid(self, code: str, date: str, batches: int, positives: int, item: str = "农药残留") -> None:
        business_id = self.bid(code)
        self._put(
            RapidTest,
            {"id": natural_id("rapid_test", business_id, date, "样品", item), "business_id": business_id,
             "test_date": D(date), "sample_name": "样品", "item": item, "batches": batches,
             "positives": positives},
        )

    def plan(self, region: str, year: int, planned: int) -> None:
        region_id = natural_id("region", region)
        self._put(
            SamplingPlan,
            {"id": natural_id("sampling_plan", region_id, year), "region_id": region_id, "year": year,
             "planned": planned},
        )

    def rule(self, level: str, effective_from: str, count: int, period_type: str) -> None:
        self._put(
            VisitRule,
            {"id": natural_id("visit_rule", level, effective_from), "level": level,
             "effective_from": D(effective_from), "count": count, "period_type": period_type},
        )

    def setting(self, key: str, value: str) -> None:
        self._put(Setting, {"id": natural_id("setting", key), "key": key, "value": value})


def worked_example(s: Scenario) -> None:
    """shared/WORKED_EXAMPLE.md, record by record."""
    s.region("430204", "石峰区")
    s.region("430204001", "清水塘街道", "430204")
    s.region("430204001001", "清水社区", "430204001")
    s.region("430204001002", "田心社区", "430204001")
    s.plan("430204", 2026, 12)
    s.business("91430211000009136F", "清水家常饭店", form="catering", grade="D", region="430204001001")
    s.business("91430211000009267B", "田心生鲜超市", form="sales", grade="C", region="430204001", high_risk=True)
    s.business("914302110000093987", "石峰面包厂", form="production", grade="B", region="430204001002")
    s.status("914302110000093987", "suspended", "2026-05-20")
    s.business("91430211000009523U", "清水豆腐坊", form="workshop", grade="D", region="430204001001")
    s.cadre("13700000001", "周一", "village", "430204001001")
    s.cadre("13700000002", "吴二", "township", "430204001")
    s.cadre("13700000003", "郑三", "county", "430204")
    s.assign("13700000001", "91430211000009136F", "2026-01-01")
    s.assign("13700000002", "91430211000009267B", "2026-04-15")
    s.assign("13700000003", "914302110000093987", "2026-01-01")
    s.assign("13700000001", "91430211000009523U", "2026-01-01")
    s.visit("13700000001", "91430211000009136F", "2026-05-10", "onsite", [("2026-06-15", "2026-06-20")])
    s.visit("13700000002", "91430211000009267B", "2026-06-01", "video")
    s.visit("13700000001", "91430211000009523U", "2026-06-30", "onsite")
    q2 = days("2026-04-01", "2026-06-30")
    s.selfchecks("91430211000009136F", "daily", q2)
    s.selfchecks("91430211000009267B", "daily", [d for d in q2 if d != D("2026-06-01")])
    s.selfchecks("914302110000093987", "daily", [d for d in q2 if d < D("2026-05-20")])
    mondays = [D("2026-03-30") + dt.timedelta(weeks=i) for i in range(14)]  # weeks 14-27
    s.selfchecks("91430211000009136F", "weekly", mondays)
    s.selfchecks("91430211000009267B", "weekly", mondays)
    s.selfchecks("914302110000093987", "weekly", [m for m in mondays if m < D("2026-05-11")])
    s.selfchecks("91430211000009136F", "monthly", ["2026-04-28", "2026-05-28", "2026-06-28"])
    s.selfchecks("914302110000093987", "monthly", ["2026-04-05", "2026-05-05"])
    s.sample("SF2026001", "91430211000009136F", "2026-04-08", result="pass", received="2026-04-20")
    s.sample("SF2026002", "91430211000009267B", "2026-04-12", result="fail", received="2026-05-01",
             closed="2026-06-20", category="食用农产品")
    s.sample("SF2026003", "914302110000093987", "2026-06-25", sampling_type="monitoring", category="糕点")
    s.rapid("91430211000009267B", "2026-05-05", 8, 1)
