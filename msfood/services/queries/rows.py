"""The rows the lists show: one frozen dataclass per record kind (msfood.services.queries fills them).

Field values are stored codes and Python types (date, bool, int); the ui turns codes into labels.
Names of joined records (business, cadre, region) are carried so a list needs no second query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class BusinessRow:
    id: str
    name: str
    credit_code: str | None
    licence_no: str | None
    form: str
    scale: str | None
    risk_grade: str | None
    grade: str
    high_risk: bool
    region_code: str | None
    region_name: str | None
    address: str | None
    principal: str | None
    phone: str | None
    status: str  # the current status code (operating / suspended / cancelled) as of the filters' date
    cadres: str | None  # names of the cadres guaranteeing it on that date, joined with "、"


@dataclass(frozen=True)
class CadreRow:
    id: str
    name: str
    phone: str
    level: str
    title: str | None
    workplace: str | None
    region_code: str | None
    region_name: str | None
    businesses: int  # businesses it guarantees on the filters' date


@dataclass(frozen=True)
class AssignmentRow:
    id: str
    cadre_id: str
    cadre_name: str
    cadre_phone: str
    level: str
    business_id: str
    business_name: str
    credit_code: str | None
    grade: str
    region_name: str | None
    start_date: dt.date
    end_date: dt.date | None
    end_reason: str | None
    pledge_signed_on: dt.date | None


@dataclass(frozen=True)
class VisitRow:
    id: str
    visit_date: dt.date
    mode: str
    cadre_id: str
    cadre_name: str
    level: str
    business_id: str
    business_name: str
    credit_code: str | None
    grade: str
    high_risk: bool
    region_name: str | None
    problems: int
    open_problems: int  # problems neither closed (已销号) nor handed to the station
    remarks: str | None


@dataclass(frozen=True)
class ProblemRow:
    id: str
    visit_id: str
    seq: int
    visit_date: dt.date
    business_id: str
    business_name: str
    cadre_id: str
    cadre_name: str
    region_name: str | None
    description: str
    deadline: dt.date | None
    status: str
    closed_on: dt.date | None


@dataclass(frozen=True)
class SelfCheckRow:
    id: str
    business_id: str
    business_name: str
    credit_code: str | None
    region_name: str | None
    kind: str
    record_date: dt.date
    period_key: str
    issues_found: int
    rectified: bool | None
    recorder: str | None


@dataclass(frozen=True)
class SamplingRow:
    id: str
    sample_no: str
    business_id: str
    business_name: str
    credit_code: str | None
    region_name: str | None
    sample_date: dt.date
    sampling_type: str
    food_category: str
    sample_name: str
    batch_info: str | None
    lab: str | None
    result: str
    failed_items: str | None
    result_date: dt.date | None
    disposal: str | None
    disposal_closed_on: dt.date | None
    retest_requested: bool
    served_date: dt.date | None = None
    extended_deadline: dt.date | None = None

    @property
    def served_shown(self) -> dt.date | str | None:
        """The 送达 date, or for a failed sample without one "送达日期未录入" (its 复检 window is not
        guessed from the day the regulator got the result)."""
        if self.served_date is not None or self.result != "fail":
            return self.served_date
        from msfood.i18n import t

        return t("figures_rules.served_not_entered")


@dataclass(frozen=True)
class RapidTestRow:
    id: str
    business_id: str
    business_name: str
    credit_code: str | None
    region_name: str | None
    test_date: dt.date
    sample_name: str
    item: str
    batches: int
    positives: int
    disposal: str | None
    destroyed_kg: float | None


@dataclass(frozen=True)
class RegionChoice:
    """A region as a filter or a form offers it: its code, name and depth in the tree (0: top)."""

    id: str
    code: str
    name: str
    depth: int
    # 撤销 (issue 13): the region's end date, or the one of a retired region above it (None: in use).
    # Filters still offer it (history); forms offer it only as a record's current value.
    retired_on: dt.date | None = None
