"""The import workbook's layout (INTERFACES.md section 2): sheets, their Chinese headers, the fields.

Each sheet holds one record kind of msfood.services.records, whose RECORD_FIELDS give the columns:
header (shown with a trailing `*` when required), field name, type and enumeration. This module adds
what only a workbook needs: sheet names, drop-down lists, notes for the instructions sheet. The order
of SHEETS is the order of import: parents first, so a file's own regions, businesses and cadres
resolve for the rows that refer to them.
The same layout serves the template, the importer and the exporter, so an export imports back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from msfood.domain import enums
from msfood.domain.defaults import FOOD_CATEGORIES
from msfood.i18n import field_label
from msfood.services.records.shapes import FieldSpec
from msfood.services.records.specs import EXTRA_FIELDS, KIND_PERMISSION, KINDS, RECORD_FIELDS

# Excel's row limit; a longer sheet continues in a sheet named like it followed by 2, 3, ...
MAX_ROWS = 1_048_576
INSTRUCTIONS_SHEET = "填写说明"
LISTS_SHEET = "列表"
IGNORED_SHEETS = frozenset({INSTRUCTIONS_SHEET, LISTS_SHEET})
REQUIRED_MARKS = "*＊"

TEXT, DATE, INT, BOOL = "text", "date", "int", "bool"


@dataclass(frozen=True)
class Column:
    header: str  # as people know it, without the required mark
    field: str  # the records.py field name
    required: bool = False
    type: str = TEXT
    enum: enums.Enum | None = None  # stored as its code, shown as its Chinese label
    choices: tuple[str, ...] = ()  # drop-down values (an enum's labels unless given)
    strict: bool = True  # False: the drop-down suggests, other values are allowed
    note: str = ""  # a hint for the instructions sheet
    identifier: bool = False  # digits to keep as text (credit codes, division codes, phones)

    @property
    def title(self) -> str:
        """The header as written in the workbook."""
        return self.header + ("*" if self.required else "")

    @property
    def drop_down(self) -> tuple[str, ...]:
        if self.choices:
            return self.choices
        return tuple(self.enum.labels()) if self.enum is not None else ()


@dataclass(frozen=True)
class Sheet:
    name: str
    kind: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # the natural key's fields, for messages about repeated rows
    permission: str
    date_field: str | None = None  # what an export's --period filters on (None: exported whole)
    by_header: dict[str, Column] = field(default_factory=dict, compare=False, repr=False)
    by_field: dict[str, Column] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.by_header.update({c.header: c for c in self.columns})
        self.by_field.update({c.field: c for c in self.columns})

    @property
    def titles(self) -> list[str]:
        return [c.title for c in self.columns]


# Drop-down lists that are not an enumeration's labels: (kind, field) -> (values, strict).
_CHOICES: dict[tuple[str, str], tuple[tuple[str, ...], bool]] = {
    ("sampling", "food_category"): (FOOD_CATEGORIES, True),
    ("rapid_test", "item"): (enums.RAPID_ITEMS, False),
}
# Hints for the instructions sheet.
_NOTES: dict[str, str] = {
    "code": "6 位（县）、9 位（乡镇街道）或 12 位（村社区）区划代码",
    "credit_code": "18 位；没有代码的食品摊贩留空，并填许可证编号",
    "licence_no": "同一代码有多个场所时填写，用于区分；食品摊贩填登记或备案编号",
    "cadre_phone": "须是包保干部表或数据库中已有的干部",
    "phone": "",
    "status": "留空为在营",
    "since": "留空表示该状态一直如此",
    "rest_days": "如：周六、周日",
    "end_date": "留空表示仍在包保",
    "problem_count": "大于 0 时，按此数记录问题，共用问题描述、整改期限和完成日期",
    "record_date": "周排查、月调度可填该周或该月的任一天",
    "result": "留空为待检",
    "food_category": "按食品安全抽样检验实施细则的食品大类，从下拉列表中选择",
    "item": "可从下拉列表中选择，也可填写其他项目",
    "chain_role": "连锁经营（总局令第104号）：总部负责月调度，分支机构负责周排查，门店负责日管控",
    "chain_hq_code": "连锁分支机构、门店填写总部的代码；总部须已在数据库中或在本表中排在前面",
    "chain_branch_code": "门店填写所属分支机构的代码；没有分支机构的门店留空，其周排查由总部记录",
    "served_date": "企业收到检验结论之日，复检申请期限（7 个工作日）由此起算",
    "extended_deadline": "经书面批准延期的核查处置期限，须同时填写批准人和批准日期",
    "retired_on": "区划撤销（停用）后最后一天；留空为在用。已撤销的区划不再用于新增主体",
}
_TYPES = {"date": DATE, "int": INT, "bool": BOOL}
# Headers of the fields the forms keep beyond the first layout (records.EXTRA_FIELDS), written after
# a sheet's first columns so an export carries them; a field declared later without a header here is
# carried too, under its field label.
_EXTRA_HEADERS = {
    ("region", "code_year"): "区划代码年份",
    ("region", "retired_on"): "撤销日期",
    ("business", "owes_selfchecks"): "须做自查",
    ("assignment", "pledge_signed_on"): "承诺书签订日期",
    ("sampling", "lab_received_date"): "检验机构收样日期",
    ("sampling", "retest_requested"): "申请复检",
    ("rapid_test", "destroyed_kg"): "销毁数量（千克）",
}
# Identifiers that a spreadsheet must keep as text (a credit code of digits loses its last ones).
_IDENTIFIER_TYPES = frozenset({"credit_code", "licence", "division", "mobile"})
# What an export's --period filters on; the other sheets are exported whole.
_DATE_FIELDS = {
    "visit": "visit_date",
    "selfcheck": "record_date",
    "sampling": "sample_date",
    "rapid_test": "test_date",
    "problem": "visit_date",
    "visit_answer": "visit_date",
}
# The natural key's fields, for messages about repeated rows.
_KEYS = {
    "region": ("code",),
    "business": ("credit_code", "licence_no"),
    "cadre": ("phone",),
    "assignment": ("cadre_phone", "credit_code", "start_date"),
    "visit": ("cadre_phone", "credit_code", "visit_date"),
    "selfcheck": ("credit_code", "kind", "record_date"),
    "sampling": ("sample_no",),
    "rapid_test": ("credit_code", "test_date", "sample_name", "item"),
    "sampling_plan": ("region_code", "year"),
    "business_status": ("credit_code", "licence_no", "since"),
    "closure": ("credit_code", "licence_no", "start_date"),
    "holiday": ("day",),
    "problem": ("cadre_phone", "credit_code", "visit_date", "seq"),
    "visit_answer": ("cadre_phone", "credit_code", "visit_date", "checklist_version", "item_code"),
}
SHEET_NAMES = {
    "region": "区划",
    "business": "包保主体",
    "cadre": "包保干部",
    "assignment": "包保关系",
    "visit": "督导记录",
    "selfcheck": "自查记录",
    "sampling": "抽检",
    "rapid_test": "快检",
    "sampling_plan": "抽检计划",
    "business_status": "经营状态",
    "closure": "停业时段",
    "holiday": "节假日",
    "problem": "问题",
    "visit_answer": "检查表",
}


def _column(kind: str, spec: FieldSpec) -> Column:
    choices, strict = _CHOICES.get((kind, spec.name), ((), True))
    kind_type = _TYPES.get(spec.type, TEXT)
    header = spec.header or _EXTRA_HEADERS.get((kind, spec.name)) or field_label(spec.name, "zh_CN")
    return Column(
        header=header,
        field=spec.name,
        required=spec.required,
        type=kind_type,
        enum=spec.enum if spec.enum is not None else (enums.YES_NO if kind_type == BOOL else None),
        choices=tuple(choices),
        strict=strict,
        note=_NOTES.get(spec.name, ""),
        identifier=spec.type in _IDENTIFIER_TYPES,
    )


SHEETS: tuple[Sheet, ...] = tuple(
    Sheet(
        SHEET_NAMES[kind],
        kind,
        tuple(_column(kind, spec) for spec in RECORD_FIELDS[kind] + EXTRA_FIELDS[kind]),
        _KEYS[kind],
        KIND_PERMISSION[kind],
        _DATE_FIELDS.get(kind),
    )
    for kind in KINDS  # parents first
)

SHEET_BY_NAME: dict[str, Sheet] = {s.name: s for s in SHEETS}
SHEET_BY_KIND: dict[str, Sheet] = {s.kind: s for s in SHEETS}
_CONTINUED = re.compile(r"^(?P<base>.*?)(?P<n>[0-9]+)$")


def clean_header(text: object) -> str:
    """A header cell as written ('主体名称*', ' 主体名称 ＊') -> the header it names ('主体名称')."""
    if text is None:
        return ""
    return str(text).strip().rstrip(REQUIRED_MARKS).strip()


def sheet_for(name: str) -> tuple[Sheet, int] | None:
    """The sheet a workbook sheet name stands for, with its part number ('包保主体2' -> part 2)."""
    name = name.strip()
    if name in SHEET_BY_NAME:
        return SHEET_BY_NAME[name], 1
    match = _CONTINUED.match(name)
    if match and match["base"] in SHEET_BY_NAME and int(match["n"]) >= 2:
        return SHEET_BY_NAME[match["base"]], int(match["n"])
    return None


def part_name(sheet: Sheet, part: int) -> str:
    return sheet.name if part <= 1 else f"{sheet.name}{part}"
