"""Enumerations: a stable code kept in the database, a Chinese (and English) label shown to people.

Codes never change once written; labels may. `parse_label` accepts the Chinese label, the English
label or the code, so workbooks and scripts can use any of them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    code: str
    zh: str
    en: str

    def label(self, lang: str | None = None) -> str:
        return self.en if (lang or "").startswith("en") else self.zh


class Enum:
    def __init__(self, name: str, *choices: Choice) -> None:
        self.name = name
        self.choices = choices
        self._by_code = {c.code: c for c in choices}
        self._by_any: dict[str, Choice] = {}
        for c in choices:
            for key in (c.code, c.zh, c.en, c.en.lower()):
                self._by_any.setdefault(key, c)

    @property
    def codes(self) -> list[str]:
        return [c.code for c in self.choices]

    def labels(self, lang: str | None = None) -> list[str]:
        return [c.label(lang) for c in self.choices]

    def label(self, code: str | None, lang: str | None = None) -> str:
        if code is None:
            return ""
        choice = self._by_code.get(code)
        return choice.label(lang) if choice else code

    def parse(self, text: str) -> str | None:
        """The code for a label or code, or None when it is not one of ours."""
        choice = self._by_any.get(text.strip()) or self._by_any.get(text.strip().lower())
        return choice.code if choice else None

    def __contains__(self, code: object) -> bool:
        return code in self._by_code


C = Choice

LEVEL = Enum(
    "level",
    C("city", "市级", "City"),
    C("county", "县级", "County"),
    C("township", "乡级", "Township"),
    C("village", "村级", "Village"),
)
LEVEL_ORDER = ("city", "county", "township", "village")

GRADE = Enum("grade", C("A", "A", "A"), C("B", "B", "B"), C("C", "C", "C"), C("D", "D", "D"))

BUSINESS_FORM = Enum(
    "business_form",
    C("production", "食品生产", "Food production"),
    C("sales", "食品销售", "Food sales"),
    C("catering", "餐饮服务", "Catering"),
    C("canteen", "单位食堂", "Canteen"),
    C("workshop", "小作坊", "Small workshop"),
    C("stall", "食品摊贩", "Food stall"),
)
# Order No. 60 binds enterprises; workshops and stalls owe no daily/weekly/monthly records by default.
FORMS_OWING_SELFCHECKS = frozenset({"production", "sales", "catering", "canteen"})

SCALE = Enum(
    "scale",
    C("large", "大型", "Large"),
    C("medium", "中型", "Medium"),
    C("small", "小型", "Small"),
    C("micro", "微型", "Micro"),
)

BUSINESS_STATUS = Enum(
    "business_status",
    C("operating", "在营", "Operating"),
    C("suspended", "停业", "Suspended"),
    C("cancelled", "注销", "Deregistered"),
)

VISIT_MODE = Enum(
    "visit_mode",
    C("onsite", "现场督导", "On site"),
    C("gathered", "集中督导", "Gathered"),
    C("video", "视频督导", "Video"),
    C("report", "集中汇报", "Group report"),
)

ANSWER = Enum(
    "answer",
    C("yes", "符合", "Conforms"),
    C("no", "不符合", "Does not conform"),
    C("na", "不适用", "Not applicable"),
)

PROBLEM_STATUS = Enum(
    "problem_status",
    C("pending", "待整改", "To rectify"),
    C("in_progress", "整改中", "Rectifying"),
    C("closed", "已销号", "Closed"),
    C("transferred", "移交监管所", "Handed to the station"),
)

SELFCHECK_KIND = Enum(
    "selfcheck_kind",
    C("daily", "日管控", "Daily check"),
    C("weekly", "周排查", "Weekly review"),
    C("monthly", "月调度", "Monthly meeting"),
)

SAMPLING_TYPE = Enum(
    "sampling_type",
    C("supervision", "监督抽检", "Supervisory sampling"),
    C("monitoring", "风险监测", "Risk monitoring"),
    C("evaluation", "评价性抽检", "Evaluative sampling"),
)

# The sampling types whose failed batches open a 核查处置 case by default (a setting: case_sampling_types).
CASE_SAMPLING_TYPES = ("supervision",)

# A business's place in a chain (SAMR Order No. 104): headquarters hold the monthly 调度, branches the
# weekly 排查, stores the daily 管控.
CHAIN_ROLE = Enum(
    "chain_role",
    C("hq", "总部", "Headquarters"),
    C("branch", "分支机构", "Branch"),
    C("store", "门店", "Store"),
)

SAMPLING_RESULT = Enum(
    "sampling_result",
    C("pending", "待检", "Pending"),
    C("pass", "合格", "Passed"),
    C("fail", "不合格", "Failed"),
)

PERIOD_TYPE = Enum(
    "period_type",
    C("month", "月", "Month"),
    C("quarter", "季度", "Quarter"),
    C("half", "半年", "Half-year"),
    C("year", "年", "Year"),
)

YES_NO = Enum("yes_no", C("yes", "是", "Yes"), C("no", "否", "No"))

ROLE = Enum(
    "role",
    C("admin", "站点管理员", "Station admin"),
    C("liaison", "联络员", "Liaison officer"),
    C("viewer", "查看者", "Viewer"),
    C("bureau-admin", "市局管理员", "Bureau admin"),
)

RAPID_ITEMS = (
    "农药残留",
    "瘦肉精",
    "孔雀石绿",
    "硝基呋喃",
    "甲醛",
    "二氧化硫",
    "亚硝酸盐",
    "重金属",
    "非法添加",
    "吊白块",
    "硼砂",
    "苏丹红",
)

WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
