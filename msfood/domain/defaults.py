"""National defaults for the settings and rules of DOMAIN.md; a bureau overrides them as data."""

from __future__ import annotations

import datetime as dt

# Settings stored in the `settings` table (JSON values), with their defaults.
DEFAULT_SETTINGS: dict[str, object] = {
    # 包保等级 -> the cadre level that guarantees it by default.
    "grade_levels": {"A": "city", "B": "county", "C": "township", "D": "village"},
    # A business is covered for 日管控 when record-days >= this percentage of its operating days.
    "daily_threshold_pct": 100,
    # A failed sample's case must be closed within this many calendar days of receiving the result.
    "disposal_days": 90,
    # The sampling types whose failed batches open a 核查处置 case (DOMAIN.md section 3): 监督抽检 only;
    # a failed 风险监测 sample is followed up by 告知, shown beside, not as a case.
    "case_sampling_types": ["supervision"],
    # The business may ask for a retest within this many working days of the day IT received the
    # result (送达, 食品安全法 art. 88).
    "retest_workdays": 7,
    # Samples reach the lab within, and the lab reports within, these many working days (warnings).
    "lab_delivery_workdays": 5,
    "lab_report_workdays": 20,
    # How many automatic backups to keep.
    "backups_kept": 10,
    # The visit schedule (排期, issue 14): finish this many working days before a period ends, and
    # plan at most this many businesses a day for one cadre.
    "schedule_margin_workdays": 5,
    "schedule_visits_per_day": 6,
}

# The national baseline since 2022: every level visits each guaranteed business once a quarter.
RULES_EFFECTIVE_FROM = dt.date(2000, 1, 1)
DEFAULT_VISIT_RULES: list[tuple[str, int, str]] = [
    ("city", 1, "quarter"),
    ("county", 1, "quarter"),
    ("township", 1, "quarter"),
    ("village", 1, "quarter"),
]

CHECKLIST_VERSION = "2022"
DEFAULT_CHECKLIST: list[tuple[str, str, str]] = [
    ("T1", "完善安全管理体系", "督促企业建立健全食品安全管理制度，明确主要负责人和食品安全管理人员职责"),
    ("T2", "抓好常态化防控", "督促企业落实进货查验、过程控制、贮存运输等常态化风险防控措施"),
    ("T3", "强化应急处置", "督促企业制定食品安全事故处置方案并定期演练"),
    ("T4", "加强宣传和培训", "督促企业开展从业人员食品安全知识培训和考核"),
    ("S1", "两员配备", "按规定配备食品安全总监、食品安全员"),
    ("S2", "从业人员健康管理", "从业人员持有效健康证明，落实晨检制度"),
    ("S3", "日管控周排查月调度机制", "落实日管控、周排查、月调度工作机制并有记录"),
    ("S4", "风险管控清单", "建立并动态更新食品安全风险管控清单"),
    ("S5", "信息公示", "公示许可证、包保干部、投诉举报电话等信息"),
]

FOOD_CATEGORY_VERSION = "2024"
FOOD_CATEGORIES: tuple[str, ...] = (
    "粮食加工品",
    "食用油、油脂及其制品",
    "调味品",
    "肉制品",
    "乳制品",
    "饮料",
    "方便食品",
    "饼干",
    "罐头",
    "冷冻饮品",
    "速冻食品",
    "薯类和膨化食品",
    "糖果制品",
    "茶叶及相关制品",
    "酒类",
    "蔬菜制品",
    "水果制品",
    "炒货食品及坚果制品",
    "蛋制品",
    "可可及焙烤咖啡产品",
    "食糖",
    "水产制品",
    "淀粉及淀粉制品",
    "糕点",
    "豆制品",
    "蜂产品",
    "保健食品",
    "特殊医学用途配方食品",
    "婴幼儿配方食品",
    "特殊膳食食品",
    "餐饮食品",
    "食品添加剂",
    "食用农产品",
)
