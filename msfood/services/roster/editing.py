"""The roster as the forms edit it: regions, businesses (with status changes and closures), cadres.

Every action checks EDIT_ROSTER, validates through records.clean (one ValidationError naming every
bad field) and writes through the unit of work. A delete tombstones the record; saving the same key
again brings the same record back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue, ValidationError
from msfood.db.models import (
    Assignment,
    Business,
    BusinessClosure,
    BusinessStatus,
    Cadre,
    RapidTest,
    Region,
    Sampling,
    SamplingPlan,
    SelfCheck,
    Visit,
)
from msfood.services import records
from msfood.services.records.saving import (
    DELETED,
    Saved,
    clear_blanks,
    delete_record,
    live_ids,
    live_row,
    refs_for,
    save_record,
    write,
)
from msfood.services.records.values import is_blank
from msfood.services.roster.business_history import (
    ClosureView,
    StatusView,
    add_closure,
    delete_business_status,
    delete_closure,
    set_business_status,
)
from msfood.services.writing.permissions import EDIT_ROSTER
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

REGIONS, BUSINESSES, CADRES = table_of(Region), table_of(Business), table_of(Cadre)
STATUSES, CLOSURES, ASSIGNMENTS = table_of(BusinessStatus), table_of(BusinessClosure), table_of(Assignment)


# --- regions --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionView:
    id: str
    code: str
    name: str
    parent_id: str | None
    parent_code: str | None
    code_year: int | None


def save_region(
    uow: UnitOfWork,
    *,
    code: Any,
    name: Any,
    parent_code: Any = None,
    code_year: Any = None,
    region_id: str | None = None,
) -> Saved:
    """Add a region, or change the one `region_id` names. A new region with no parent given hangs
    under the region its code belongs to (430204001 under 430204), when that region exists."""
    uow.actor.require(EDIT_ROSTER)
    if region_id is not None:
        live_row(uow, REGIONS, region_id, "region")
    raw = {"code": code, "name": name, "parent_code": parent_code, "code_year": code_year}
    cleaned = records.clean("region", raw, refs_for(uow), record_id=region_id)
    clear_blanks("region", raw, cleaned)
    if region_id is not None and is_blank(parent_code):
        cleaned.values["parent_id"] = None  # the form shows the parent: blank makes it a top region
    return write(uow, cleaned)


def delete_region(uow: UnitOfWork, *, region_id: str) -> Saved:
    """Tombstone a region nothing refers to (sub-regions, businesses, cadres, sampling plans)."""
    uow.actor.require(EDIT_ROSTER)
    live_row(uow, REGIONS, region_id, "region")
    count = sum(
        len(live_ids(uow, table, **{column: region_id}))
        for table, column in (
            (REGIONS, "parent_id"),
            (BUSINESSES, "region_id"),
            (CADRES, "region_id"),
            (table_of(SamplingPlan), "region_id"),
        )
    )
    if count:
        raise ValidationError(Issue("record.region_in_use", "code", {"count": count}))
    return delete_record(uow, REGIONS, region_id, what="region", permission=EDIT_ROSTER)


def get_region(session: Session, region_id: str) -> RegionView:
    row = live_row(session, REGIONS, region_id, "region")
    parent = (
        session.scalar(select(Region.code).where(Region.id == row["parent_id"])) if row["parent_id"] else None
    )
    return RegionView(row["id"], row["code"], row["name"], row["parent_id"], parent, row["code_year"])


# --- businesses -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BusinessView:
    id: str
    name: str
    credit_code: str | None
    licence_no: str | None
    form: str
    scale: str | None
    risk_grade: str | None
    grade: str
    high_risk: bool
    region_id: str
    region_code: str
    address: str | None
    principal: str | None
    phone: str | None
    rest_days: str
    owes_selfchecks: bool | None
    statuses: tuple[StatusView, ...]
    closures: tuple[ClosureView, ...]
    # a chain (Order No. 104): the role, and the headquarters' and branch's ids and names
    chain_role: str | None = None
    chain_hq_id: str | None = None
    chain_hq_name: str = ""
    chain_branch_id: str | None = None
    chain_branch_name: str = ""


def save_business(
    uow: UnitOfWork,
    *,
    name: Any,
    credit_code: Any,
    form: Any,
    grade: Any,
    region_code: Any,
    licence_no: Any = None,
    scale: Any = None,
    risk_grade: Any = None,
    high_risk: Any = None,
    address: Any = None,
    principal: Any = None,
    phone: Any = None,
    rest_days: Any = None,
    owes_selfchecks: Any = None,
    status: Any = None,
    since: Any = None,
    chain_role: Any = None,
    chain_hq_id: Any = None,
    chain_branch_id: Any = None,
    business_id: str | None = None,
) -> Saved:
    """Add a business or change the one `business_id` names (its id stays when its code changes).

    A stall (食品摊贩) with no credit code is entered by its local number in `licence_no`.
    `status` (with `since`) adds a status change; blank leaves the history as it is."""
    raw = {
        "name": name, "credit_code": credit_code, "licence_no": licence_no, "form": form, "scale": scale,
        "risk_grade": risk_grade, "grade": grade, "high_risk": high_risk, "region_code": region_code,
        "address": address, "principal": principal, "phone": phone, "status": status, "since": since,
        "rest_days": rest_days, "owes_selfchecks": owes_selfchecks,
        "chain_role": chain_role, "chain_hq_id": chain_hq_id, "chain_branch_id": chain_branch_id,
    }  # fmt: skip
    from msfood.services.roster.retired import refuse_retired_region

    refuse_retired_region(uow.session, region_code=region_code, business_id=business_id)
    return save_record(uow, "business", raw, record_id=business_id, what="business")


def _count(uow: UnitOfWork, model: Any, **where: Any) -> int:
    condition = [getattr(model, k) == v for k, v in where.items()]
    return (
        uow.session.scalar(
            select(func.count()).select_from(model).where(*condition, model.deleted.is_(False))
        )
        or 0
    )


def delete_business(uow: UnitOfWork, *, business_id: str) -> Saved:
    """Tombstone a business entered by mistake, with its assignments, statuses and closures.

    Refused while it has visits, self-checks, samples or rapid tests: a business that closed keeps
    its history and gets the status 注销 instead."""
    uow.actor.require(EDIT_ROSTER)
    live_row(uow, BUSINESSES, business_id, "business")
    count = sum(_count(uow, m, business_id=business_id) for m in (Visit, SelfCheck, Sampling, RapidTest))
    if count:
        raise ValidationError(Issue("record.business_has_records", "credit_code", {"count": count}))
    return delete_record(
        uow,
        BUSINESSES,
        business_id,
        what="business",
        permission=EDIT_ROSTER,
        dependants=[(ASSIGNMENTS, "business_id"), (STATUSES, "business_id"), (CLOSURES, "business_id")],
    )


def get_business(session: Session, business_id: str) -> BusinessView:
    row = live_row(session, BUSINESSES, business_id, "business")
    region_code = session.scalar(select(Region.code).where(Region.id == row["region_id"])) or ""
    statuses = session.scalars(
        select(BusinessStatus)
        .where(BusinessStatus.business_id == business_id, BusinessStatus.deleted.is_(False))
        .order_by(BusinessStatus.since.is_not(None), BusinessStatus.since)
    )
    closures = session.scalars(
        select(BusinessClosure)
        .where(BusinessClosure.business_id == business_id, BusinessClosure.deleted.is_(False))
        .order_by(BusinessClosure.start_date)
    )
    fields = {
        k: row[k]
        for k in (
            "id",
            "name",
            "credit_code",
            "licence_no",
            "form",
            "scale",
            "risk_grade",
            "grade",
            "region_id",
            "address",
            "principal",
            "phone",
            "owes_selfchecks",
        )
    }
    def name_of(other: str | None) -> str:
        return (session.scalar(select(Business.name).where(Business.id == other)) or "") if other else ""

    return BusinessView(
        **fields,
        chain_role=row.get("chain_role"),
        chain_hq_id=row.get("chain_hq_id"),
        chain_hq_name=name_of(row.get("chain_hq_id")),
        chain_branch_id=row.get("chain_branch_id"),
        chain_branch_name=name_of(row.get("chain_branch_id")),
        high_risk=bool(row["high_risk"]),
        region_code=region_code,
        rest_days=row["rest_days"] or "",
        statuses=tuple(StatusView(s.id, s.status, s.since) for s in statuses),
        closures=tuple(ClosureView(c.id, c.start_date, c.end_date, c.reason) for c in closures),
    )


# --- cadres ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CadreView:
    id: str
    name: str
    phone: str
    level: str
    title: str | None
    workplace: str | None
    region_id: str
    region_code: str


def save_cadre(
    uow: UnitOfWork,
    *,
    name: Any,
    phone: Any,
    level: Any,
    region_code: Any,
    title: Any = None,
    workplace: Any = None,
    cadre_id: str | None = None,
) -> Saved:
    """Add a cadre (matched by mobile number) or change the one `cadre_id` names."""
    raw = {
        "name": name,
        "phone": phone,
        "level": level,
        "region_code": region_code,
        "title": title,
        "workplace": workplace,
    }
    return save_record(uow, "cadre", raw, record_id=cadre_id, what="cadre")


def delete_cadre(uow: UnitOfWork, *, cadre_id: str) -> Saved:
    """Tombstone a cadre entered by mistake, with their assignments. Refused once they have visits
    (a cadre who left keeps their history: end their assignments instead)."""
    uow.actor.require(EDIT_ROSTER)
    live_row(uow, CADRES, cadre_id, "cadre")
    count = _count(uow, Visit, cadre_id=cadre_id)
    if count:
        raise ValidationError(Issue("record.cadre_has_visits", "phone", {"count": count}))
    return delete_record(
        uow, CADRES, cadre_id, what="cadre", permission=EDIT_ROSTER, dependants=[(ASSIGNMENTS, "cadre_id")]
    )


def get_cadre(session: Session, cadre_id: str) -> CadreView:
    row = live_row(session, CADRES, cadre_id, "cadre")
    region_code = session.scalar(select(Region.code).where(Region.id == row["region_id"])) or ""
    return CadreView(
        row["id"],
        row["name"],
        row["phone"],
        row["level"],
        row["title"],
        row["workplace"],
        row["region_id"],
        region_code,
    )


__all__ = [
    "DELETED",
    "RegionView",
    "BusinessView",
    "StatusView",
    "ClosureView",
    "CadreView",
    "save_region",
    "delete_region",
    "get_region",
    "save_business",
    "set_business_status",
    "delete_business_status",
    "add_closure",
    "delete_closure",
    "delete_business",
    "get_business",
    "save_cadre",
    "delete_cadre",
    "get_cadre",
]
