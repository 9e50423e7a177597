"""One FormSpec per record kind: its fields, and how it loads, saves and deletes through the services.

`load(session, id)` gives the form's values (a picker's shown text under "<name>_text"); `save(uow,
values, id)` calls the kind's service and returns its Saved (warnings as Issues); `delete` tombstones.
The undo stack replays these same calls, so undo never writes anything a service did not check.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from msfood.domain.calendar import format_rest_days
from msfood.domain.defaults import FOOD_CATEGORIES
from msfood.domain.enums import (
    BUSINESS_FORM,
    BUSINESS_STATUS,
    CHAIN_ROLE,
    GRADE,
    LEVEL,
    PROBLEM_STATUS,
    RAPID_ITEMS,
    SAMPLING_RESULT,
    SAMPLING_TYPE,
    SCALE,
    SELFCHECK_KIND,
    VISIT_MODE,
)
from ui.forms.fields import FieldDecl


class _Service:
    """A service module imported when a form first loads or saves through it, not when a list page
    that names the form opens (the write services are a tenth of a second of imports)."""

    def __init__(self, name: str) -> None:
        self._name = f"msfood.services.{name}"

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)


if TYPE_CHECKING:
    from msfood.services.queries import lists as queries
    from msfood.services.records import saving
    from msfood.services.records.saving import Saved
    from msfood.services.roster import assignments
    from msfood.services.roster import editing as roster
    from msfood.services.work import sampling, selfchecks, visits
else:
    assignments, roster = _Service("roster.assignments"), _Service("roster.editing")
    queries = _Service("queries.lists")
    sampling, selfchecks, visits = _Service("work.sampling"), _Service("work.selfchecks"), _Service("work.visits")
    saving = _Service("records.saving")

F = FieldDecl
BUSINESS_ALIASES = ("credit_code", "licence_no", "business")
CADRE_ALIASES = ("cadre_phone", "cadre")
PROBLEM_ALIASES = ("description", "deadline", "status", "closed_on", "problem_count")


@dataclass(frozen=True)
class FormSpec:
    kind: str  # the list kind it edits (msfood.services.queries)
    title: str  # a QT_TRANSLATE_NOOP("Forms", ...) literal
    fields: tuple[FieldDecl, ...]
    load: Callable[[Any, str], dict[str, Any]]
    save: Callable[[Any, dict[str, Any], str | None], Saved]
    delete: Callable[[Any, str], Saved] | None
    tables: frozenset[str]
    quick: bool = False  # offers quick entry (the form stays open for the next record)
    can_create: bool = True


def _given(values: dict[str, Any]) -> dict[str, Any]:
    """The values a service takes (without the pickers' shown texts)."""
    return {k: v for k, v in values.items() if not k.endswith("_text")}


# --- businesses and cadres ------------------------------------------------------------------------


def _load_business(session: Any, record_id: str) -> dict[str, Any]:
    view = roster.get_business(session, record_id)
    latest = view.statuses[-1] if view.statuses else None
    return {
        "name": view.name, "credit_code": view.credit_code, "licence_no": view.licence_no, "form": view.form,
        "grade": view.grade, "scale": view.scale, "risk_grade": view.risk_grade, "high_risk": view.high_risk,
        "region_code": view.region_code, "address": view.address, "principal": view.principal,
        "phone": view.phone, "rest_days": format_rest_days(view.rest_days),
        "status": latest.status if latest else None, "since": latest.since if latest else None,
        "chain_role": view.chain_role,
        "chain_hq_id": view.chain_hq_id, "chain_hq_id_text": view.chain_hq_name,
        "chain_branch_id": view.chain_branch_id, "chain_branch_id_text": view.chain_branch_name,
    }  # fmt: skip


BUSINESS = FormSpec(
    kind="businesses",
    title=QT_TRANSLATE_NOOP("Forms", "包保主体"),
    fields=(
        F("name", QT_TRANSLATE_NOOP("Forms", "主体名称"), "text", required=True),
        F("credit_code", QT_TRANSLATE_NOOP("Forms", "统一社会信用代码"), "text",
          placeholder=QT_TRANSLATE_NOOP("Forms", "18 位，摊贩可不填")),
        F("licence_no", QT_TRANSLATE_NOOP("Forms", "许可证编号"), "text",
          placeholder=QT_TRANSLATE_NOOP("Forms", "JY/SC/YB 开头，摊贩填登记号")),
        F("form", QT_TRANSLATE_NOOP("Forms", "主体业态"), "choice", required=True, enum=BUSINESS_FORM),
        F("grade", QT_TRANSLATE_NOOP("Forms", "包保等级"), "choice", required=True, enum=GRADE),
        F("high_risk", QT_TRANSLATE_NOOP("Forms", "高风险"), "check"),
        F("region_code", QT_TRANSLATE_NOOP("Forms", "所属区划"), "region", required=True),
        F("scale", QT_TRANSLATE_NOOP("Forms", "经营规模"), "choice", enum=SCALE),
        F("risk_grade", QT_TRANSLATE_NOOP("Forms", "风险等级"), "choice", enum=GRADE),
        F("address", QT_TRANSLATE_NOOP("Forms", "经营地址"), "text"),
        F("principal", QT_TRANSLATE_NOOP("Forms", "负责人"), "text"),
        F("phone", QT_TRANSLATE_NOOP("Forms", "联系电话"), "text"),
        F("rest_days", QT_TRANSLATE_NOOP("Forms", "休息日"), "text",
          placeholder=QT_TRANSLATE_NOOP("Forms", "如 周六、周日；不休息则留空")),
        F("status", QT_TRANSLATE_NOOP("Forms", "经营状态"), "choice", enum=BUSINESS_STATUS),
        F("since", QT_TRANSLATE_NOOP("Forms", "状态日期"), "date"),
        F("chain_role", QT_TRANSLATE_NOOP("Forms", "连锁角色"), "choice", enum=CHAIN_ROLE),
        F("chain_hq_id", QT_TRANSLATE_NOOP("Forms", "连锁总部"), "business", aliases=("chain_hq_code",)),
        F("chain_branch_id", QT_TRANSLATE_NOOP("Forms", "所属分支机构"), "business",
          aliases=("chain_branch_code",)),
    ),
    load=_load_business,
    save=lambda uow, v, rid: roster.save_business(uow, **_given(v), business_id=rid),
    delete=lambda uow, rid: roster.delete_business(uow, business_id=rid),
    tables=frozenset({"businesses", "business_statuses"}),
)


def _load_cadre(session: Any, record_id: str) -> dict[str, Any]:
    view = roster.get_cadre(session, record_id)
    return {"name": view.name, "phone": view.phone, "level": view.level, "title": view.title,
            "workplace": view.workplace, "region_code": view.region_code}  # fmt: skip


CADRE = FormSpec(
    kind="cadres",
    title=QT_TRANSLATE_NOOP("Forms", "包保干部"),
    fields=(
        F("name", QT_TRANSLATE_NOOP("Forms", "姓名"), "text", required=True),
        F("phone", QT_TRANSLATE_NOOP("Forms", "手机号"), "text", required=True,
          placeholder=QT_TRANSLATE_NOOP("Forms", "11 位手机号")),
        F("level", QT_TRANSLATE_NOOP("Forms", "包保层级"), "choice", required=True, enum=LEVEL),
        F("region_code", QT_TRANSLATE_NOOP("Forms", "所属区划"), "region", required=True),
        F("title", QT_TRANSLATE_NOOP("Forms", "职务"), "text"),
        F("workplace", QT_TRANSLATE_NOOP("Forms", "工作单位"), "text"),
    ),
    load=_load_cadre,
    save=lambda uow, v, rid: roster.save_cadre(uow, **_given(v), cadre_id=rid),
    delete=lambda uow, rid: roster.delete_cadre(uow, cadre_id=rid),
    tables=frozenset({"cadres"}),
)


# --- assignments and visits -----------------------------------------------------------------------

BUSINESS_PICK = F("business_id", QT_TRANSLATE_NOOP("Forms", "包保主体"), "business", required=True,
                  aliases=BUSINESS_ALIASES,
                  placeholder=QT_TRANSLATE_NOOP("Forms", "输入名称、拼音首字母或信用代码"))


def _cadre_pick(sticky: bool = False) -> FieldDecl:
    return F("cadre_id", QT_TRANSLATE_NOOP("Forms", "包保干部"), "cadre", required=True,
             aliases=CADRE_ALIASES, sticky=sticky,
             placeholder=QT_TRANSLATE_NOOP("Forms", "输入姓名、拼音首字母或手机号"))


def _load_assignment(session: Any, record_id: str) -> dict[str, Any]:
    view = assignments.get_assignment(session, record_id)
    return {
        "cadre_id": view.cadre_id, "cadre_id_text": f"{view.cadre_name}（{view.cadre_phone}）",
        "business_id": view.business_id, "business_id_text": view.business_name,
        "start_date": view.start_date, "end_date": view.end_date, "end_reason": view.end_reason,
        "pledge_signed_on": view.pledge_signed_on,
    }  # fmt: skip


ASSIGNMENT = FormSpec(
    kind="assignments",
    title=QT_TRANSLATE_NOOP("Forms", "包保关系"),
    fields=(
        _cadre_pick(),
        BUSINESS_PICK,
        F("start_date", QT_TRANSLATE_NOOP("Forms", "开始日期"), "date", required=True, today=True),
        F("end_date", QT_TRANSLATE_NOOP("Forms", "结束日期"), "date"),
        F("end_reason", QT_TRANSLATE_NOOP("Forms", "结束原因"), "text"),
        F("pledge_signed_on", QT_TRANSLATE_NOOP("Forms", "承诺书签订日期"), "date"),
    ),
    load=_load_assignment,
    save=lambda uow, v, rid: assignments.assign(uow, **_given(v), assignment_id=rid),
    delete=lambda uow, rid: assignments.delete_assignment(uow, assignment_id=rid),
    tables=frozenset({"assignments"}),
)


def _load_visit(session: Any, record_id: str) -> dict[str, Any]:
    view = visits.get_visit(session, record_id)
    problems = [{"description": p.description, "deadline": p.deadline, "status": p.status,
                 "closed_on": p.closed_on} for p in view.problems]  # fmt: skip
    return {
        "cadre_id": view.cadre_id, "cadre_id_text": f"{view.cadre_name}（{view.cadre_phone}）",
        "business_id": view.business_id, "business_id_text": view.business_name,
        "visit_date": view.visit_date, "mode": view.mode, "remarks": view.remarks, "problems": problems,
        "answers": {a.item_id: a.answer for a in view.answers},
    }  # fmt: skip


VISIT = FormSpec(
    kind="visits",
    title=QT_TRANSLATE_NOOP("Forms", "督导记录"),
    fields=(
        _cadre_pick(sticky=True),
        BUSINESS_PICK,
        F("visit_date", QT_TRANSLATE_NOOP("Forms", "督导日期"), "date", required=True, today=True,
          sticky=True),
        F("mode", QT_TRANSLATE_NOOP("Forms", "督导方式"), "choice", required=True, enum=VISIT_MODE,
          sticky=True),
        F("answers", QT_TRANSLATE_NOOP("Forms", "检查情况"), "checklist"),
        F("problems", QT_TRANSLATE_NOOP("Forms", "发现问题"), "problems", aliases=PROBLEM_ALIASES),
        F("remarks", QT_TRANSLATE_NOOP("Forms", "备注"), "text"),
    ),
    load=_load_visit,
    save=lambda uow, v, rid: visits.record_visit(uow, **_given(v), visit_id=rid),
    delete=lambda uow, rid: visits.delete_visit(uow, visit_id=rid),
    tables=frozenset({"visits", "problems", "visit_answers"}),
    quick=True,
)


def _load_problem(session: Any, record_id: str) -> dict[str, Any]:
    row = queries.row_of(session, "problems", record_id)
    if row is None:
        from msfood.services.records.saving import not_found

        raise not_found("problem")
    return {"description": row.description, "deadline": row.deadline, "status": row.status,
            "closed_on": row.closed_on}  # fmt: skip


PROBLEM = FormSpec(
    kind="problems",
    title=QT_TRANSLATE_NOOP("Forms", "整改问题"),
    fields=(
        F("description", QT_TRANSLATE_NOOP("Forms", "问题描述"), "text"),
        F("deadline", QT_TRANSLATE_NOOP("Forms", "整改期限"), "date"),
        F("status", QT_TRANSLATE_NOOP("Forms", "整改状态"), "choice", required=True, enum=PROBLEM_STATUS),
        F("closed_on", QT_TRANSLATE_NOOP("Forms", "整改完成日期"), "date"),
    ),
    load=_load_problem,
    save=lambda uow, v, rid: visits.update_problem(uow, problem_id=rid or "", **_given(v)),
    delete=None,
    tables=frozenset({"problems"}),
    can_create=False,
)


# --- self-checks, sampling, rapid tests -----------------------------------------------------------


def _load_selfcheck(session: Any, record_id: str) -> dict[str, Any]:
    view = selfchecks.get_selfcheck(session, record_id)
    return {"business_id": view.business_id, "business_id_text": view.business_name, "kind": view.kind,
            "record_date": view.record_date, "issues_found": view.issues_found, "rectified": view.rectified,
            "recorder": view.recorder}  # fmt: skip


SELFCHECK = FormSpec(
    kind="selfchecks",
    title=QT_TRANSLATE_NOOP("Forms", "自查记录"),
    fields=(
        BUSINESS_PICK,
        F("kind", QT_TRANSLATE_NOOP("Forms", "类型"), "choice", required=True, enum=SELFCHECK_KIND,
          sticky=True),
        F("record_date", QT_TRANSLATE_NOOP("Forms", "日期"), "date", required=True, today=True, sticky=True),
        F("issues_found", QT_TRANSLATE_NOOP("Forms", "发现问题数"), "int"),
        F("rectified", QT_TRANSLATE_NOOP("Forms", "已整改"), "bool"),
        F("recorder", QT_TRANSLATE_NOOP("Forms", "记录人"), "text", sticky=True),
    ),
    load=_load_selfcheck,
    save=lambda uow, v, rid: selfchecks.record_selfcheck(uow, **_given(v), selfcheck_id=rid),
    delete=lambda uow, rid: selfchecks.delete_selfcheck(uow, selfcheck_id=rid),
    tables=frozenset({"selfchecks"}),
    quick=True,
)

_SAMPLE_FIELDS = (
    "sample_no", "sample_date", "sampling_type", "food_category", "sample_name", "batch_info", "lab",
    "lab_received_date", "result", "result_date", "failed_items", "retest_requested", "disposal",
    "disposal_closed_on", "served_date", "extended_deadline", "extension_approver", "extension_approved_on",
)  # fmt: skip


def _load_sampling(session: Any, record_id: str) -> dict[str, Any]:
    view = sampling.get_sampling(session, record_id)
    values = {name: getattr(view, name) for name in _SAMPLE_FIELDS}
    return {**values, "business_id": view.business_id, "business_id_text": view.business_name}


SAMPLING = FormSpec(
    kind="samplings",
    title=QT_TRANSLATE_NOOP("Forms", "抽检记录"),
    fields=(
        F("sample_no", QT_TRANSLATE_NOOP("Forms", "抽样单编号"), "text", required=True),
        BUSINESS_PICK,
        F("sample_date", QT_TRANSLATE_NOOP("Forms", "抽样日期"), "date", required=True, today=True),
        F("sampling_type", QT_TRANSLATE_NOOP("Forms", "抽检类型"), "choice", required=True,
          enum=SAMPLING_TYPE),
        F("food_category", QT_TRANSLATE_NOOP("Forms", "食品大类"), "combo", required=True,
          options=FOOD_CATEGORIES),
        F("sample_name", QT_TRANSLATE_NOOP("Forms", "样品名称"), "text", required=True),
        F("batch_info", QT_TRANSLATE_NOOP("Forms", "批号或生产日期"), "text"),
        F("lab", QT_TRANSLATE_NOOP("Forms", "检验机构"), "text"),
        F("lab_received_date", QT_TRANSLATE_NOOP("Forms", "送达检验机构日期"), "date"),
        F("result", QT_TRANSLATE_NOOP("Forms", "检验结论"), "choice", enum=SAMPLING_RESULT),
        F("result_date", QT_TRANSLATE_NOOP("Forms", "收到结论日期"), "date"),
        F("served_date", QT_TRANSLATE_NOOP("Forms", "送达日期"), "date",
          placeholder=QT_TRANSLATE_NOOP("Forms", "企业收到检验结论之日，复检期限由此起算")),
        F("failed_items", QT_TRANSLATE_NOOP("Forms", "不合格项目"), "text"),
        F("retest_requested", QT_TRANSLATE_NOOP("Forms", "申请复检"), "check"),
        F("disposal", QT_TRANSLATE_NOOP("Forms", "处置措施"), "text"),
        F("disposal_closed_on", QT_TRANSLATE_NOOP("Forms", "处置完成日期"), "date"),
        F("extended_deadline", QT_TRANSLATE_NOOP("Forms", "延期后处置期限"), "date"),
        F("extension_approver", QT_TRANSLATE_NOOP("Forms", "延期批准人"), "text"),
        F("extension_approved_on", QT_TRANSLATE_NOOP("Forms", "延期批准日期"), "date"),
    ),
    load=_load_sampling,
    save=lambda uow, v, rid: saving.save_record(uow, "sampling", _given(v), record_id=rid, what="sampling"),
    delete=lambda uow, rid: sampling.delete_sampling(uow, sampling_id=rid),
    tables=frozenset({"samplings"}),
)


def _load_rapid(session: Any, record_id: str) -> dict[str, Any]:
    view = sampling.get_rapid_test(session, record_id)
    return {"business_id": view.business_id, "business_id_text": view.business_name,
            "test_date": view.test_date, "sample_name": view.sample_name, "item": view.item,
            "batches": view.batches, "positives": view.positives, "disposal": view.disposal,
            "destroyed_kg": view.destroyed_kg}  # fmt: skip


RAPID_TEST = FormSpec(
    kind="rapid_tests",
    title=QT_TRANSLATE_NOOP("Forms", "快检记录"),
    fields=(
        BUSINESS_PICK,
        F("test_date", QT_TRANSLATE_NOOP("Forms", "快检日期"), "date", required=True, today=True,
          sticky=True),
        F("sample_name", QT_TRANSLATE_NOOP("Forms", "样品名称"), "text", required=True),
        F("item", QT_TRANSLATE_NOOP("Forms", "检测项目"), "combo", required=True, options=RAPID_ITEMS,
          sticky=True),
        F("batches", QT_TRANSLATE_NOOP("Forms", "检测批次"), "int", required=True),
        F("positives", QT_TRANSLATE_NOOP("Forms", "阳性批次"), "int", required=True),
        F("disposal", QT_TRANSLATE_NOOP("Forms", "处置情况"), "text"),
        F("destroyed_kg", QT_TRANSLATE_NOOP("Forms", "销毁数量（千克）"), "text"),
    ),
    load=_load_rapid,
    save=lambda uow, v, rid: sampling.record_rapid_test(uow, **_given(v), rapid_test_id=rid),
    delete=lambda uow, rid: sampling.delete_rapid_test(uow, rapid_test_id=rid),
    tables=frozenset({"rapid_tests"}),
    quick=True,
)

FORMS: dict[str, FormSpec] = {
    spec.kind: spec for spec in (BUSINESS, CADRE, ASSIGNMENT, VISIT, PROBLEM, SELFCHECK, SAMPLING, RAPID_TEST)
}
