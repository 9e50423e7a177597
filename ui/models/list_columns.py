"""The columns of each list (msfood.services.queries kinds), in the order they are shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from msfood.domain.enums import (
    BUSINESS_FORM,
    BUSINESS_STATUS,
    LEVEL,
    PROBLEM_STATUS,
    SAMPLING_RESULT,
    SAMPLING_TYPE,
    SELFCHECK_KIND,
    VISIT_MODE,
)
from ui.models.columns import Column, label_of

N = QT_TRANSLATE_NOOP

BUSINESS_COLUMNS = (
    Column("name", N("Columns", "主体名称"), "name", width=22),
    Column("credit_code", N("Columns", "统一社会信用代码"), "credit_code", width=20),
    Column("licence_no", N("Columns", "许可证编号"), "licence_no", width=18),
    Column("form", N("Columns", "主体业态"), "form", label_of(BUSINESS_FORM)),
    Column("grade", N("Columns", "包保等级"), "grade"),
    Column("high_risk", N("Columns", "高风险"), "high_risk"),
    Column("region_name", N("Columns", "所属区划"), "region", width=12),
    Column("status", N("Columns", "经营状态"), "status", label_of(BUSINESS_STATUS)),
    Column("cadres", N("Columns", "包保干部"), width=12),
    Column("principal", N("Columns", "负责人"), "principal"),
    Column("phone", N("Columns", "联系电话"), "phone", width=14),
    Column("address", N("Columns", "经营地址"), width=24),
)

CADRE_COLUMNS = (
    Column("name", N("Columns", "姓名"), "name", width=10),
    Column("phone", N("Columns", "手机号"), "phone", width=14),
    Column("level", N("Columns", "包保层级"), "level", label_of(LEVEL)),
    Column("title", N("Columns", "职务"), "title", width=14),
    Column("workplace", N("Columns", "工作单位"), "workplace", width=20),
    Column("region_name", N("Columns", "所属区划"), "region", width=12),
    Column("businesses", N("Columns", "包保主体数"), "businesses"),
)

ASSIGNMENT_COLUMNS = (
    Column("cadre_name", N("Columns", "包保干部"), "cadre_name", width=10),
    Column("cadre_phone", N("Columns", "手机号"), width=14),
    Column("level", N("Columns", "包保层级"), "level", label_of(LEVEL)),
    Column("business_name", N("Columns", "包保主体"), "business_name", width=22),
    Column("credit_code", N("Columns", "统一社会信用代码"), width=20),
    Column("grade", N("Columns", "包保等级"), "grade"),
    Column("region_name", N("Columns", "所属区划"), width=12),
    Column("start_date", N("Columns", "开始日期"), "start_date", width=11),
    Column("end_date", N("Columns", "结束日期"), "end_date", width=11),
    Column("end_reason", N("Columns", "结束原因"), width=14),
    Column("pledge_signed_on", N("Columns", "承诺书签订日期"), width=11),
)

VISIT_COLUMNS = (
    Column("visit_date", N("Columns", "督导日期"), "visit_date", width=11),
    Column("business_name", N("Columns", "包保主体"), "business_name", width=22),
    Column("cadre_name", N("Columns", "包保干部"), "cadre_name", width=10),
    Column("level", N("Columns", "包保层级"), "level", label_of(LEVEL)),
    Column("mode", N("Columns", "督导方式"), "mode", label_of(VISIT_MODE)),
    Column("problems", N("Columns", "发现问题数")),
    Column("open_problems", N("Columns", "未销号问题")),
    Column("region_name", N("Columns", "所属区划"), width=12),
    Column("remarks", N("Columns", "备注"), width=20),
)

PROBLEM_COLUMNS = (
    Column("deadline", N("Columns", "整改期限"), "deadline", width=11),
    Column("description", N("Columns", "问题描述"), width=24),
    Column("status", N("Columns", "整改状态"), "status", label_of(PROBLEM_STATUS)),
    Column("closed_on", N("Columns", "整改完成日期"), width=11),
    Column("business_name", N("Columns", "包保主体"), "business_name", width=22),
    Column("cadre_name", N("Columns", "包保干部"), width=10),
    Column("visit_date", N("Columns", "督导日期"), "visit_date", width=11),
)

SELFCHECK_COLUMNS = (
    Column("record_date", N("Columns", "日期"), "record_date", width=11),
    Column("kind", N("Columns", "类型"), text=label_of(SELFCHECK_KIND)),
    Column("business_name", N("Columns", "包保主体"), width=22),
    Column("credit_code", N("Columns", "统一社会信用代码"), width=20),
    Column("region_name", N("Columns", "所属区划"), width=12),
    Column("issues_found", N("Columns", "发现问题数")),
    Column("rectified", N("Columns", "已整改")),
    Column("recorder", N("Columns", "记录人")),
)

SAMPLING_COLUMNS = (
    Column("sample_no", N("Columns", "抽样单编号"), "sample_no", width=14),
    Column("sample_date", N("Columns", "抽样日期"), "sample_date", width=11),
    Column("business_name", N("Columns", "包保主体"), "business_name", width=22),
    Column("sampling_type", N("Columns", "抽检类型"), "sampling_type", label_of(SAMPLING_TYPE)),
    Column("food_category", N("Columns", "食品大类"), "food_category", width=12),
    Column("sample_name", N("Columns", "样品名称"), width=12),
    Column("result", N("Columns", "检验结论"), "result", label_of(SAMPLING_RESULT)),
    Column("failed_items", N("Columns", "不合格项目"), width=12),
    Column("result_date", N("Columns", "收到结论日期"), "result_date", width=11),
    Column("disposal", N("Columns", "处置措施"), width=14),
    Column("disposal_closed_on", N("Columns", "处置完成日期"), width=11),
)

RAPID_TEST_COLUMNS = (
    Column("test_date", N("Columns", "快检日期"), "test_date", width=11),
    Column("business_name", N("Columns", "包保主体"), "business_name", width=22),
    Column("sample_name", N("Columns", "样品名称"), "sample_name", width=12),
    Column("item", N("Columns", "检测项目"), "item", width=10),
    Column("batches", N("Columns", "检测批次")),
    Column("positives", N("Columns", "阳性批次"), "positives"),
    Column("disposal", N("Columns", "处置情况"), width=16),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "businesses": BUSINESS_COLUMNS,
    "cadres": CADRE_COLUMNS,
    "assignments": ASSIGNMENT_COLUMNS,
    "visits": VISIT_COLUMNS,
    "problems": PROBLEM_COLUMNS,
    "selfchecks": SELFCHECK_COLUMNS,
    "samplings": SAMPLING_COLUMNS,
    "rapid_tests": RAPID_TEST_COLUMNS,
}
