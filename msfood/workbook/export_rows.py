"""The rows an export writes: every record kind as workbook fields (natural keys, not ids).

`Source(session, span=, region=)` reads what is not deleted, filtered by the period (dated records)
and the region (that division and every division under it); `rows(kind)` streams dicts keyed by the
fields of msfood.services.records.specs.RECORD_FIELDS, values still as stored (codes, dates, booleans).
Reference rows that would dangle (an assignment whose cadre is deleted) are left out, so the file
imports back on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msfood.core.errors import NotFoundError
from msfood.db.models import (
    Assignment,
    Business,
    BusinessClosure,
    BusinessStatus,
    Cadre,
    ChecklistItem,
    Holiday,
    Problem,
    RapidTest,
    Region,
    Sampling,
    SamplingPlan,
    SelfCheck,
    Visit,
    VisitAnswer,
)
from msfood.domain.periods import Period

YIELD_PER = 2000
Record = dict[str, Any]


def _live(model: Any) -> Any:
    return select(model.__table__).where(model.__table__.c.deleted.is_(False))


class Source:
    def __init__(self, session: Session, *, span: Period | None = None, region: str | None = None) -> None:
        self.session = session
        self.span = span
        regions = session.execute(
            select(Region.id, Region.code, Region.parent_id).where(Region.deleted.is_(False))
        ).all()
        self.region_code = {r.id: r.code for r in regions}
        self.parent = {r.id: r.parent_id for r in regions}
        self.scope: set[str] | None = None  # region ids kept (None: every region)
        if region is not None:
            code = region.strip()
            root = next((r.id for r in regions if r.code == code), None)
            if root is None:
                raise NotFoundError("workbook.unknown_region", code=code)
            children: dict[str | None, list[str]] = {}
            for r in regions:
                children.setdefault(r.parent_id, []).append(r.id)
            scope, todo = set(), [root]
            while todo:
                current = todo.pop()
                if current not in scope:
                    scope.add(current)
                    todo.extend(children.get(current, ()))
            self.scope = scope
            self.root = root
        self.business_key: dict[str, tuple[str | None, str | None]] = {}
        self.cadre_phone: dict[str, str] = {}
        self._cadres_wanted: set[str] | None = None
        self.visit_key: dict[str, Record] = {}  # visit id -> the fields naming it (problems, answers)

    # --- scope ------------------------------------------------------------------------------------

    def in_scope(self, region_id: str | None) -> bool:
        return self.scope is None or region_id in self.scope

    def _ancestors(self, region_id: str | None) -> list[str]:
        chain: list[str] = []
        while region_id is not None and region_id in self.parent and region_id not in chain:
            chain.append(region_id)
            region_id = self.parent[region_id]
        return chain

    def _dated(self, query: Any, column: Any) -> Any:
        if self.span is not None:
            query = query.where(column >= self.span.start, column <= self.span.end)
        return query

    def _stream(self, query: Any) -> Iterator[Any]:
        yield from self.session.execute(query.execution_options(yield_per=YIELD_PER)).mappings()

    def estimate(self) -> int:
        total = 0
        for model in (
            Region,
            Business,
            Cadre,
            Assignment,
            Visit,
            SelfCheck,
            Sampling,
            RapidTest,
            SamplingPlan,
            BusinessStatus,
            BusinessClosure,
            Holiday,
            Problem,
            VisitAnswer,
        ):
            table = model.__table__
            total += (
                self.session.scalar(select(func.count()).select_from(table).where(table.c.deleted.is_(False)))
                or 0
            )
        return int(total)

    def rows(self, kind: str) -> Iterator[Record]:
        return getattr(self, f"_{kind}")()

    # --- the roster ---------------------------------------------------------------------------------

    def _region_ids(self) -> set[str] | None:
        """The regions to write: the scope, the regions above it and those of the cadres written."""
        if self.scope is None:
            return None
        wanted = set(self.scope) | set(self._ancestors(self.root))
        for cadre_region in self._cadre_regions():
            wanted.update(self._ancestors(cadre_region))
        return wanted

    def _cadre_regions(self) -> set[str]:
        cadres = self._wanted_cadres()
        rows = self.session.execute(select(Cadre.id, Cadre.region_id).where(Cadre.deleted.is_(False)))
        return {r.region_id for r in rows if cadres is None or r.id in cadres}

    def _wanted_cadres(self) -> set[str] | None:
        """With a region: cadres of it, and those who guarantee or visited its businesses."""
        if self.scope is None:
            return None
        if self._cadres_wanted is None:
            businesses = {
                r.id
                for r in self.session.execute(
                    select(Business.id, Business.region_id).where(Business.deleted.is_(False))
                )
                if self.in_scope(r.region_id)
            }
            wanted = {
                r.id
                for r in self.session.execute(
                    select(Cadre.id, Cadre.region_id).where(Cadre.deleted.is_(False))
                )
                if self.in_scope(r.region_id)
            }
            for model, date_column in ((Assignment, None), (Visit, Visit.visit_date)):
                query = select(model.cadre_id, model.business_id).where(model.deleted.is_(False)).distinct()
                if date_column is not None:
                    query = self._dated(query, date_column)
                wanted.update(r.cadre_id for r in self.session.execute(query) if r.business_id in businesses)
            self._cadres_wanted = wanted
        return self._cadres_wanted

    def _region(self) -> Iterator[Record]:
        wanted = self._region_ids()
        query = _live(Region).order_by(func.length(Region.code), Region.code)
        for row in self._stream(query):
            if wanted is not None and row["id"] not in wanted:
                continue
            yield {
                "code": row["code"],
                "name": row["name"],
                "parent_code": self.region_code.get(row["parent_id"]),
                "retired_on": row["retired_on"],
            }

    def _business(self) -> Iterator[Record]:
        status: dict[str, Any] = {}
        statuses = select(BusinessStatus.business_id, BusinessStatus.status, BusinessStatus.since).where(
            BusinessStatus.deleted.is_(False)
        )
        for row in self.session.execute(statuses):
            current = status.get(row.business_id)
            # the latest status: a dated one after an undated one, the later date after the earlier
            if current is None or (
                row.since is not None and (current.since is None or row.since >= current.since)
            ):
                status[row.business_id] = row
        query = _live(Business).order_by(Business.region_id, Business.name, Business.id)
        chained: list[Record] = []  # chain members, after the businesses they name (they import in order)
        for row in self._stream(query):
            if not self.in_scope(row["region_id"]):
                continue
            self.business_key[row["id"]] = (row["credit_code"], row["licence_no"])
            record = dict(row)
            record["region_code"] = self.region_code.get(row["region_id"])
            held = status.get(row["id"])
            record["status"] = held.status if held is not None else None
            record["since"] = held.since if held is not None else None
            if record.get("chain_hq_id") or record.get("chain_branch_id"):
                chained.append(record)
            else:
                yield record
        if chained:
            named = {r.get("chain_hq_id") for r in chained} | {r.get("chain_branch_id") for r in chained}
            named.discard(None)
            of_named = select(Business.id, Business.credit_code).where(Business.id.in_(sorted(named)))
            codes = dict(self.session.execute(of_named).tuples().all())
            chained.sort(key=lambda r: r.get("chain_role") != "branch")  # branches before their stores
            for record in chained:
                record["chain_hq_code"] = codes.get(record.get("chain_hq_id"))
                record["chain_branch_code"] = codes.get(record.get("chain_branch_id"))
                yield record

    def _cadre(self) -> Iterator[Record]:
        wanted = self._wanted_cadres()
        for row in self._stream(_live(Cadre).order_by(Cadre.region_id, Cadre.name, Cadre.id)):
            if wanted is not None and row["id"] not in wanted:
                continue
            self.cadre_phone[row["id"]] = row["phone"]
            record = dict(row)
            record["region_code"] = self.region_code.get(row["region_id"])
            yield record

    def _refer(self, row: Any, record: Record) -> bool:
        """Add the business (and cadre) natural keys; False when the row would dangle."""
        key = self.business_key.get(row["business_id"])
        if key is None:
            return False
        record["credit_code"], record["licence_no"] = key
        if "cadre_id" in row:
            phone = self.cadre_phone.get(row["cadre_id"])
            if phone is None:
                return False
            record["cadre_phone"] = phone
        return True

    def _assignment(self) -> Iterator[Record]:
        query = _live(Assignment).order_by(Assignment.business_id, Assignment.start_date, Assignment.id)
        for row in self._stream(query):
            record = dict(row)
            if self._refer(row, record):
                yield record

    def _sampling_plan(self) -> Iterator[Record]:
        query = _live(SamplingPlan).order_by(SamplingPlan.year, SamplingPlan.region_id)
        for row in self._stream(query):
            if self.in_scope(row["region_id"]) and row["region_id"] in self.region_code:
                yield {
                    "region_code": self.region_code[row["region_id"]],
                    "year": row["year"],
                    "planned": row["planned"],
                }

    # --- the work -----------------------------------------------------------------------------------

    def _visit(self) -> Iterator[Record]:
        counts = {
            r.visit_id: (r.n, r.top)
            for r in self.session.execute(
                select(Problem.visit_id, func.count().label("n"), func.max(Problem.seq).label("top"))
                .where(Problem.deleted.is_(False))
                .group_by(Problem.visit_id)
            )
        }
        query = self._dated(_live(Visit), Visit.visit_date).order_by(Visit.visit_date, Visit.id)
        for row in self._stream(query):
            record = dict(row)
            if not self._refer(row, record):
                continue
            # the count only: each problem, with its own deadline, status and closing date, is a row
            # of the 问题 sheet (the 督导记录 columns shared by all of a visit's problems stay blank).
            # Problems numbered with gaps (one deleted) leave the count blank: a count n would make
            # problems 1..n, and the 问题 rows alone say which numbers there are.
            count, top = counts.get(row["id"], (0, 0))
            record["problem_count"] = count if count == top else None
            self.visit_key[row["id"]] = {
                "cadre_phone": record["cadre_phone"],
                "credit_code": record["credit_code"],
                "licence_no": record["licence_no"],
                "visit_date": row["visit_date"],
            }
            yield record

    def _problem(self) -> Iterator[Record]:
        query = _live(Problem).order_by(Problem.visit_id, Problem.seq)
        for row in self._stream(query):
            key = self.visit_key.get(row["visit_id"])
            if key is not None:
                yield {**dict(row), **key}

    def _visit_answer(self) -> Iterator[Record]:
        items = {
            r.id: (r.version, r.code)
            for r in self.session.execute(select(ChecklistItem.id, ChecklistItem.version, ChecklistItem.code))
        }
        query = _live(VisitAnswer).order_by(VisitAnswer.visit_id, VisitAnswer.item_id)
        for row in self._stream(query):
            key = self.visit_key.get(row["visit_id"])
            item = items.get(row["item_id"])
            if key is not None and item is not None:
                yield {**dict(row), **key, "checklist_version": item[0], "item_code": item[1]}

    def _business_status(self) -> Iterator[Record]:
        query = _live(BusinessStatus).order_by(BusinessStatus.business_id, BusinessStatus.since)
        for row in self._stream(query):
            record = dict(row)
            if self._refer(row, record):
                yield record

    def _closure(self) -> Iterator[Record]:
        query = _live(BusinessClosure).order_by(BusinessClosure.business_id, BusinessClosure.start_date)
        for row in self._stream(query):
            record = dict(row)
            if self._refer(row, record):
                yield record

    def _holiday(self) -> Iterator[Record]:
        for row in self._stream(_live(Holiday).order_by(Holiday.day)):
            yield dict(row)

    def _selfcheck(self) -> Iterator[Record]:
        query = self._dated(_live(SelfCheck), SelfCheck.record_date).order_by(
            SelfCheck.record_date, SelfCheck.business_id, SelfCheck.kind
        )
        for row in self._stream(query):
            record = dict(row)
            if self._refer(row, record):
                yield record

    def _sampling(self) -> Iterator[Record]:
        query = self._dated(_live(Sampling), Sampling.sample_date).order_by(
            Sampling.sample_date, Sampling.sample_no
        )
        for row in self._stream(query):
            record = dict(row)
            if self._refer(row, record):
                yield record

    def _rapid_test(self) -> Iterator[Record]:
        query = self._dated(_live(RapidTest), RapidTest.test_date).order_by(RapidTest.test_date, RapidTest.id)
        for row in self._stream(query):
            record = dict(row)
            if self._refer(row, record):
                yield record
