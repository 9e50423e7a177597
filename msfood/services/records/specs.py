"""One declarative spec per record kind, shared by the desktop forms and the workbook import.

`RECORD_FIELDS[kind]` lists a kind's fields in the workbook's column order (INTERFACES.md section 2);
`clean(kind, raw, refs)` turns one row (spreadsheet strings or typed form values) into a `Cleaned`
record, checking every field and raising ONE ValidationError that lists every bad field; `apply(uow,
cleaned)` (applying.py) writes a batch through the unit of work, parents first. Natural ids come from
msfood.core.ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table

from msfood.core.errors import Issue, ValidationError
from msfood.db.models import (
    Assignment,
    Business,
    BusinessClosure,
    BusinessStatus,
    Cadre,
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
from msfood.domain.enums import (
    ANSWER,
    BUSINESS_FORM,
    BUSINESS_STATUS,
    CHAIN_ROLE,
    GRADE,
    LEVEL,
    PROBLEM_STATUS,
    SAMPLING_RESULT,
    SAMPLING_TYPE,
    SCALE,
    SELFCHECK_KIND,
    VISIT_MODE,
)
from msfood.services.records.cleaning import by_kind
from msfood.services.records.refs import Refs
from msfood.services.records.shapes import Cleaned, FieldSpec
from msfood.services.records.values import is_blank, parse_value
from msfood.services.writing.permissions import EDIT_RECORDS, EDIT_ROSTER, EDIT_RULES
from msfood.services.writing.unit_of_work import table_of

KINDS = (
    "region",
    "business",
    "cadre",
    "assignment",
    "visit",
    "selfcheck",
    "sampling",
    "rapid_test",
    "sampling_plan",
    # what a workbook also carries so an export imports back whole (cleaning/history.py)
    "business_status",
    "closure",
    "holiday",
    "problem",
    "visit_answer",
)

F = FieldSpec

_BUSINESS_REF = (
    F("credit_code", "credit_code", True, header="统一社会信用代码"),
    F("licence_no", "licence", max_len=64, header="许可证编号"),
)

_VISIT_REF = (
    F("cadre_phone", "mobile", True, header="干部手机号"),
    *_BUSINESS_REF,
    F("visit_date", "date", True, header="督导日期"),
)
_HISTORY_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "business_status": (
        *_BUSINESS_REF,
        F("status", "enum", True, BUSINESS_STATUS, header="经营状态"),
        F("since", "date", header="状态日期"),
    ),
    "closure": (
        *_BUSINESS_REF,
        F("start_date", "date", True, header="开始日期"),
        F("end_date", "date", True, header="结束日期"),
        F("reason", "text", max_len=200, header="原因"),
    ),
    "holiday": (
        F("day", "date", True, header="日期"),
        F("is_workday", "bool", header="调休上班"),
        F("name", "text", max_len=64, header="名称"),
    ),
    "problem": (
        *_VISIT_REF,
        F("seq", "int", True, header="问题序号"),
        F("description", "text", True, header="问题描述"),
        F("deadline", "date", header="整改期限"),
        F("status", "enum", enum=PROBLEM_STATUS, header="整改状态"),
        F("closed_on", "date", header="整改完成日期"),
    ),
    "visit_answer": (
        *_VISIT_REF,
        F("checklist_version", "text", True, max_len=16, header="检查表版本"),
        F("item_code", "text", True, max_len=16, header="检查项编号"),
        F("answer", "enum", True, ANSWER, header="检查结果"),
        F("note", "text", max_len=400, header="说明"),
    ),
}

RECORD_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "region": (
        F("code", "division", True, header="区划代码"),
        F("name", "text", True, max_len=100, header="名称"),
        F("parent_code", "division", header="上级代码"),
    ),
    "business": (
        F("name", "text", True, max_len=200, header="主体名称"),
        *_BUSINESS_REF,
        F("form", "enum", True, BUSINESS_FORM, header="主体业态"),
        F("scale", "enum", enum=SCALE, header="经营规模"),
        F("risk_grade", "enum", enum=GRADE, header="风险等级"),
        F("grade", "enum", True, GRADE, header="包保等级"),
        F("high_risk", "bool", header="高风险"),
        F("region_code", "division", True, header="所属区划代码"),
        F("address", "text", max_len=300, header="经营地址"),
        F("principal", "text", max_len=64, header="负责人"),
        F("phone", "text", max_len=32, header="联系电话"),
        F("status", "enum", enum=BUSINESS_STATUS, header="经营状态"),
        F("since", "date", header="状态日期"),
        F("rest_days", "rest_days", header="休息日"),
        # chain stores (SAMR Order No. 104; issue 15): columns added at the end
        F("chain_role", "enum", enum=CHAIN_ROLE, header="连锁角色"),
        F("chain_hq_code", "credit_code", header="连锁总部统一社会信用代码"),
        F("chain_branch_code", "credit_code", header="所属分支机构统一社会信用代码"),
    ),
    "cadre": (
        F("name", "text", True, max_len=64, header="姓名"),
        F("phone", "mobile", True, header="手机号"),
        F("level", "enum", True, LEVEL, header="包保层级"),
        F("title", "text", max_len=100, header="职务"),
        F("workplace", "text", max_len=200, header="工作单位"),
        F("region_code", "division", True, header="所属区划代码"),
    ),
    "assignment": (
        F("cadre_phone", "mobile", True, header="干部手机号"),
        *_BUSINESS_REF,
        F("start_date", "date", True, header="开始日期"),
        F("end_date", "date", header="结束日期"),
        F("end_reason", "text", max_len=200, header="结束原因"),
    ),
    "visit": (
        F("cadre_phone", "mobile", True, header="干部手机号"),
        *_BUSINESS_REF,
        F("visit_date", "date", True, header="督导日期"),
        F("mode", "enum", True, VISIT_MODE, header="督导方式"),
        F("problem_count", "int", header="发现问题数"),
        F("description", "text", max_len=2000, header="问题描述"),
        F("deadline", "date", header="整改期限"),
        F("closed_on", "date", header="整改完成日期"),
        F("remarks", "text", max_len=2000, header="备注"),
    ),
    "selfcheck": (
        *_BUSINESS_REF,
        F("kind", "enum", True, SELFCHECK_KIND, header="类型"),
        F("record_date", "date", True, header="日期"),
        F("issues_found", "int", header="发现问题数"),
        F("rectified", "bool", header="已整改"),
        F("recorder", "text", max_len=64, header="记录人"),
    ),
    "sampling": (
        F("sample_no", "text", True, max_len=64, header="抽样单编号"),
        *_BUSINESS_REF,
        F("sample_date", "date", True, header="抽样日期"),
        F("sampling_type", "enum", True, SAMPLING_TYPE, header="抽检类型"),
        F("food_category", "text", True, max_len=64, header="食品大类"),
        F("sample_name", "text", True, max_len=200, header="样品名称"),
        F("batch_info", "text", max_len=100, header="批号或生产日期"),
        F("lab", "text", max_len=200, header="检验机构"),
        F("result", "enum", enum=SAMPLING_RESULT, header="检验结论"),
        F("failed_items", "text", max_len=400, header="不合格项目"),
        F("result_date", "date", header="收到结论日期"),
        F("disposal", "text", max_len=400, header="处置措施"),
        F("disposal_closed_on", "date", header="处置完成日期"),
        # the 送达 date and an approved extension of the case (issue 15): columns added at the end
        F("served_date", "date", header="送达日期"),
        F("extended_deadline", "date", header="延期后处置期限"),
        F("extension_approver", "text", max_len=64, header="延期批准人"),
        F("extension_approved_on", "date", header="延期批准日期"),
    ),
    "rapid_test": (
        F("test_date", "date", True, header="快检日期"),
        *_BUSINESS_REF,
        F("sample_name", "text", True, max_len=200, header="样品名称"),
        F("item", "text", True, max_len=64, header="检测项目"),
        F("batches", "int", True, header="检测批次"),
        F("positives", "int", True, header="阳性批次"),
        F("disposal", "text", max_len=400, header="处置情况"),
    ),
    "sampling_plan": (
        F("region_code", "division", True, header="区划代码"),
        F("year", "int", True, header="年度"),
        F("planned", "int", True, header="计划批次"),
    ),
    **_HISTORY_FIELDS,
}

# Fields the forms may give that have no workbook column.
EXTRA_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "region": (F("code_year", "int"), F("retired_on", "date")),
    "business": (F("owes_selfchecks", "bool"), F("chain_hq_id", "text"), F("chain_branch_id", "text")),
    "cadre": (),
    "assignment": (F("pledge_signed_on", "date"),),
    "visit": (),
    "selfcheck": (),
    "sampling": (F("lab_received_date", "date"), F("retest_requested", "bool")),
    "rapid_test": (F("destroyed_kg", "float"),),
    "sampling_plan": (),
    **{kind: () for kind in _HISTORY_FIELDS},
}

# A form that already holds the referenced record's id may give it instead of the natural key.
ID_FIELDS = ("business_id", "cadre_id")

KIND_TABLE: dict[str, Table] = {
    "region": table_of(Region),
    "business": table_of(Business),
    "cadre": table_of(Cadre),
    "assignment": table_of(Assignment),
    "visit": table_of(Visit),
    "selfcheck": table_of(SelfCheck),
    "sampling": table_of(Sampling),
    "rapid_test": table_of(RapidTest),
    "sampling_plan": table_of(SamplingPlan),
    "business_status": table_of(BusinessStatus),
    "closure": table_of(BusinessClosure),
    "holiday": table_of(Holiday),
    "problem": table_of(Problem),
    "visit_answer": table_of(VisitAnswer),
}

KIND_PERMISSION = (
    {kind: EDIT_RECORDS for kind in KINDS}
    | {
        kind: EDIT_ROSTER
        for kind in ("region", "business", "cadre", "assignment", "sampling_plan", "business_status", "closure")
    }
    | {"holiday": EDIT_RULES}
)


def specs_of(kind: str) -> tuple[FieldSpec, ...]:
    return RECORD_FIELDS[kind] + EXTRA_FIELDS[kind]


# A reference may be given another way (a stall's licence, a form's id): the kind's cleaner decides.
_REQUIRED_ELSEWHERE = ("credit_code", "cadre_phone")
# (name, spec, required here) per kind, made once: clean runs for every row of an import
_PLAN: dict[str, tuple[tuple[str, FieldSpec, bool], ...]] = {
    kind: tuple((s.name, s, s.required and s.name not in _REQUIRED_ELSEWHERE) for s in specs_of(kind))
    for kind in RECORD_FIELDS
}


def clean(kind: str, raw: Mapping[str, Any], refs: Refs, *, record_id: str | None = None) -> Cleaned:
    """Validate one record of `kind`. Raises ONE ValidationError listing every bad field.

    `raw` maps field names to values (strings from a spreadsheet or typed values from a form; an
    enumeration accepts its Chinese label, English label or code). `record_id` edits that record
    (a form changing a key field keeps the id); without it the record is found by its natural key.
    """
    plan = _PLAN.get(kind)
    if plan is None:
        raise ValueError(f"unknown record kind {kind!r}")
    issues: list[Issue] = []
    warnings: list[Issue] = []
    parsed: dict[str, Any] = {}
    get = raw.get
    for name, spec, required in plan:
        value = get(name)
        if value is None or is_blank(value):
            if required:
                issues.append(Issue("value.required", name))
            continue
        try:
            parsed[name], found = parse_value(spec, value)
        except ValidationError as error:
            issues.extend(error.issues)
            continue
        if found:
            warnings.extend(found)
    for name in ID_FIELDS:
        value = get(name)
        if value is not None and not is_blank(value):
            parsed[name] = str(value)
    cleaned = by_kind.CLEANERS[kind](parsed, refs, issues, record_id)
    if issues:
        raise ValidationError(_unique(issues))
    assert cleaned is not None
    cleaned.warnings[:0] = warnings
    _warn_future(kind, parsed, refs, cleaned)
    return cleaned


_DATED = {
    "visit": "visit_date",
    "selfcheck": "record_date",
    "sampling": "sample_date",
    "rapid_test": "test_date",
    "assignment": "start_date",
}


def _warn_future(kind: str, parsed: Mapping[str, Any], refs: Refs, cleaned: Cleaned) -> None:
    name = _DATED.get(kind)
    if refs.today is None or name is None or kind == "assignment":
        return
    day = parsed.get(name)
    if isinstance(day, dt.date) and day > refs.today:
        cleaned.warnings.append(Issue("record.future_date", name, {"value": day.isoformat()}))


def _unique(issues: list[Issue]) -> list[Issue]:
    seen: set[tuple[str, str]] = set()
    result = []
    for issue in issues:
        key = (issue.code, issue.field)
        if key not in seen:
            seen.add(key)
            result.append(issue)
    return result



