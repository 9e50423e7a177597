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


BUSINESS_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Lists", "主体名称"), "name", width=16),
    Column("credit_code", QT_TRANSLATE_NOOP("Lists", "统一社会信用代码"), "credit_code", width=12),
    Column("licence_no", QT_TRANSLATE_NOOP("Lists", "许可证编号"), "licence_no", width=11),
    Column("form", QT_TRANSLATE_NOOP("Lists", "主体业态"), "form", label_of(BUSINESS_FORM)),
    Column("grade", QT_TRANSLATE_NOOP("Lists", "包保等级"), "grade"),
    Column("high_risk", QT_TRANSLATE_NOOP("Lists", "高风险"), "high_risk"),
    Column("region_name", QT_TRANSLATE_NOOP("Lists", "所属区划"), "region", width=8),
    Column("status", QT_TRANSLATE_NOOP("Lists", "经营状态"), "status", label_of(BUSINESS_STATUS)),
    Column("cadres", QT_TRANSLATE_NOOP("Lists", "包保干部"), width=12),
    Column("principal", QT_TRANSLATE_NOOP("Lists", "负责人"), "principal"),
    Column("phone", QT_TRANSLATE_NOOP("Lists", "联系电话"), "phone", width=8),
    Column("address", QT_TRANSLATE_NOOP("Lists", "经营地址"), width=24),
)

CADRE_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Lists", "姓名"), "name", width=6),
    Column("phone", QT_TRANSLATE_NOOP("Lists", "手机号"), "phone", width=8),
    Column("level", QT_TRANSLATE_NOOP("Lists", "包保层级"), "level", label_of(LEVEL)),
    Column("title", QT_TRANSLATE_NOOP("Lists", "职务"), "title", width=14),
    Column("workplace", QT_TRANSLATE_NOOP("Lists", "工作单位"), "workplace", width=20),
    Column("region_name", QT_TRANSLATE_NOOP("Lists", "所属区划"), "region", width=8),
    Column("businesses", QT_TRANSLATE_NOOP("Lists", "包保主体数"), "businesses"),
)

ASSIGNMENT_COLUMNS = (
    Column("cadre_name", QT_TRANSLATE_NOOP("Lists", "包保干部"), "cadre_name", width=6),
    Column("cadre_phone", QT_TRANSLATE_NOOP("Lists", "手机号"), width=8),
    Column("level", QT_TRANSLATE_NOOP("Lists", "包保层级"), "level", label_of(LEVEL)),
    Column("business_name", QT_TRANSLATE_NOOP("Lists", "包保主体"), "business_name", width=16),
    Column("credit_code", QT_TRANSLATE_NOOP("Lists", "统一社会信用代码"), width=12),
    Column("grade", QT_TRANSLATE_NOOP("Lists", "包保等级"), "grade"),
    Column("region_name", QT_TRANSLATE_NOOP("Lists", "所属区划"), width=8),
    Column("start_date", QT_TRANSLATE_NOOP("Lists", "开始日期"), "start_date", width=6),
    Column("end_date", QT_TRANSLATE_NOOP("Lists", "结束日期"), "end_date", width=6),
    Column("end_reason", QT_TRANSLATE_NOOP("Lists", "结束原因"), width=14),
    Column("pledge_signed_on", QT_TRANSLATE_NOOP("Lists", "承诺书签订日期"), width=6),
)

VISIT_COLUMNS = (
    Column("visit_date", QT_TRANSLATE_NOOP("Lists", "督导日期"), "visit_date", width=6),
    Column("business_name", QT_TRANSLATE_NOOP("Lists", "包保主体"), "business_name", width=16),
    Column("cadre_name", QT_TRANSLATE_NOOP("Lists", "包保干部"), "cadre_name", width=6),
    Column("level", QT_TRANSLATE_NOOP("Lists", "包保层级"), "level", label_of(LEVEL)),
    Column("mode", QT_TRANSLATE_NOOP("Lists", "督导方式"), "mode", label_of(VISIT_MODE)),
    Column("problems", QT_TRANSLATE_NOOP("Lists", "发现问题数")),
    Column("open_problems", QT_TRANSLATE_NOOP("Lists", "未销号问题")),
    Column("region_name", QT_TRANSLATE_NOOP("Lists", "所属区划"), width=8),
    Column("remarks", QT_TRANSLATE_NOOP("Lists", "备注"), width=20),
)

PROBLEM_COLUMNS = (
    Column("deadline", QT_TRANSLATE_NOOP("Lists", "整改期限"), "deadline", width=6),
    Column("description", QT_TRANSLATE_NOOP("Lists", "问题描述"), width=24),
    Column("status", QT_TRANSLATE_NOOP("Lists", "整改状态"), "status", label_of(PROBLEM_STATUS)),
    Column("closed_on", QT_TRANSLATE_NOOP("Lists", "整改完成日期"), width=6),
    Column("business_name", QT_TRANSLATE_NOOP("Lists", "包保主体"), "business_name", width=16),
    Column("cadre_name", QT_TRANSLATE_NOOP("Lists", "包保干部"), width=6),
    Column("visit_date", QT_TRANSLATE_NOOP("Lists", "督导日期"), "visit_date", width=6),
)

SELFCHECK_COLUMNS = (
    Column("record_date", QT_TRANSLATE_NOOP("Lists", "日期"), "record_date", width=6),
    Column("kind", QT_TRANSLATE_NOOP("Lists", "类型"), text=label_of(SELFCHECK_KIND)),
    Column("business_name", QT_TRANSLATE_NOOP("Lists", "包保主体"), width=16),
    Column("credit_code", QT_TRANSLATE_NOOP("Lists", "统一社会信用代码"), width=12),
    Column("region_name", QT_TRANSLATE_NOOP("Lists", "所属区划"), width=8),
    Column("issues_found", QT_TRANSLATE_NOOP("Lists", "发现问题数")),
    Column("rectified", QT_TRANSLATE_NOOP("Lists", "已整改")),
    Column("recorder", QT_TRANSLATE_NOOP("Lists", "记录人")),
)

SAMPLING_COLUMNS = (
    Column("sample_no", QT_TRANSLATE_NOOP("Lists", "抽样单编号"), "sample_no", width=9),
    Column("sample_date", QT_TRANSLATE_NOOP("Lists", "抽样日期"), "sample_date", width=6),
    Column("business_name", QT_TRANSLATE_NOOP("Lists", "包保主体"), "business_name", width=16),
    Column("sampling_type", QT_TRANSLATE_NOOP("Lists", "抽检类型"), "sampling_type", label_of(SAMPLING_TYPE)),
    Column("food_category", QT_TRANSLATE_NOOP("Lists", "食品大类"), "food_category", width=12),
    Column("sample_name", QT_TRANSLATE_NOOP("Lists", "样品名称"), width=12),
    Column("result", QT_TRANSLATE_NOOP("Lists", "检验结论"), "result", label_of(SAMPLING_RESULT)),
    Column("failed_items", QT_TRANSLATE_NOOP("Lists", "不合格项目"), width=12),
    Column("result_date", QT_TRANSLATE_NOOP("Lists", "收到结论日期"), "result_date", width=6),
    Column("served_shown", QT_TRANSLATE_NOOP("Lists", "送达日期"), width=7),
    Column("disposal", QT_TRANSLATE_NOOP("Lists", "处置措施"), width=14),
    Column("disposal_closed_on", QT_TRANSLATE_NOOP("Lists", "处置完成日期"), width=6),
)

RAPID_TEST_COLUMNS = (
    Column("test_date", QT_TRANSLATE_NOOP("Lists", "快检日期"), "test_date", width=6),
    Column("business_name", QT_TRANSLATE_NOOP("Lists", "包保主体"), "business_name", width=16),
    Column("sample_name", QT_TRANSLATE_NOOP("Lists", "样品名称"), "sample_name", width=12),
    Column("item", QT_TRANSLATE_NOOP("Lists", "检测项目"), "item", width=10),
    Column("batches", QT_TRANSLATE_NOOP("Lists", "检测批次")),
    Column("positives", QT_TRANSLATE_NOOP("Lists", "阳性批次"), "positives"),
    Column("disposal", QT_TRANSLATE_NOOP("Lists", "处置情况"), width=16),
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
