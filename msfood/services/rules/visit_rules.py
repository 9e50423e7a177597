"""The rules that turn a roster into work due, as data: visit rules, settings, holidays, checklists.

Set by the bureau and synced down (a station with no bureau edits its own); every write needs
EDIT_RULES. Settings are typed: `get_setting` returns the stored value or the national default of
msfood.domain.defaults, and `set_setting` refuses a value of the wrong shape.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.db.models import ChecklistItem, FoodCategory, Holiday, Setting, VisitRule
from msfood.domain.defaults import DEFAULT_SETTINGS
from msfood.domain.enums import GRADE, LEVEL, LEVEL_ORDER, PERIOD_TYPE
from msfood.domain.periods import Period, parse_period, periods_ending_within
from msfood.errors import Issue, NothingToDo, ValidationError
from msfood.i18n import t
from msfood.ids import natural_id
from msfood.services.permissions import EDIT_RULES
from msfood.services.saving import Saved, delete_record, live_ids, live_row
from msfood.services.unit_of_work import UnitOfWork, table_of
from msfood.services.values import (
    BadValue,
    is_blank,
    parse_bool,
    parse_date,
    parse_enum,
    parse_int,
    parse_text,
)

SETTINGS, RULES, HOLIDAYS = table_of(Setting), table_of(VisitRule), table_of(Holiday)
ITEMS, CATEGORIES = table_of(ChecklistItem), table_of(FoodCategory)


class _Fields:
    """Parse several fields, collecting every issue; `done()` raises them together."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def get(self, name: str, value: Any, parse: Callable[[Any], Any], *, required: bool = True) -> Any:
        if is_blank(value):
            if required:
                self.issues.append(Issue("value.required", name))
            return None
        try:
            return parse(value)
        except BadValue as bad:
            self.issues.append(Issue(bad.code, name, bad.params))
            return None

    def done(self) -> None:
        if self.issues:
            raise ValidationError(self.issues)


def _upsert(uow: UnitOfWork, table: Any, values: dict[str, Any]) -> Saved:
    outcome = uow.upsert(table, values)
    return Saved(values["id"], outcome, (), frozenset(uow.changed_tables))


def _key_id(uow: UnitOfWork, table: Any, natural: str, **key: Any) -> str:
    """The id of the record holding this key (tombstoned too), else its natural id."""
    condition = [table.c[name] == value for name, value in key.items()]
    found = uow.session.scalar(select(table.c.id).where(*condition))
    return found or natural


# --- visit rules ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitRuleView:
    id: str
    level: str
    effective_from: dt.date
    count: int
    period_type: str


def list_visit_rules(session: Session) -> list[VisitRuleView]:
    """Every rule in force or past, by level (city first) and date."""
    rows = session.scalars(select(VisitRule).where(VisitRule.deleted.is_(False)))
    views = [VisitRuleView(r.id, r.level, r.effective_from, r.count, r.period_type) for r in rows]
    order = {level: i for i, level in enumerate(LEVEL_ORDER)}
    return sorted(views, key=lambda v: (order.get(v.level, 99), v.effective_from))


def refuse_closed_reach(session: Session, *, level: str, start: dt.date) -> None:
    """Refuse a version of `level` starting on `start` (new, changed or deleted) when the rule-periods it
    judges reach into a closed period: it judges those ending from `start` until the next version."""
    from msfood.services.periods_closing import list_closed_periods

    later = session.scalar(
        select(VisitRule.effective_from)
        .where(VisitRule.deleted.is_(False), VisitRule.level == level, VisitRule.effective_from > start)
        .order_by(VisitRule.effective_from)
        .limit(1)
    )
    until = later - dt.timedelta(days=1) if later is not None else dt.date.max
    for closed in list_closed_periods(session):
        if closed.end_date < start or closed.start_date > until:
            continue
        params = {
            "date": start.isoformat(),
            "period": closed.period_key,
            "start": closed.start_date.isoformat(),
            "end": closed.end_date.isoformat(),
            "level": LEVEL.label(level),
        }
        code = "rulever.in_closed" if closed.start_date <= start else "rulever.reaches_closed"
        raise ValidationError(Issue(code, "effective_from", params))


def save_visit_rule(
    uow: UnitOfWork, *, level: Any, effective_from: Any, count: Any, period_type: Any
) -> Saved:
    """From `effective_from`, a cadre of `level` visits each business `count` times per period."""
    uow.actor.require(EDIT_RULES)
    fields = _Fields()
    level_code = fields.get("level", level, lambda v: parse_enum(v, LEVEL))
    start = fields.get("effective_from", effective_from, parse_date)
    number = fields.get("count", count, lambda v: parse_int(v, minimum=0))
    if number is not None and not 0 <= number <= 99:  # 0: the level is not assessed (不考核)
        fields.issues.append(Issue("rulever.count_range", "count", {"value": number}))
    period = fields.get("period_type", period_type, lambda v: parse_enum(v, PERIOD_TYPE))
    fields.done()
    natural = natural_id("visit_rule", level_code, start.isoformat())
    rule_id = _key_id(uow, RULES, natural, level=level_code, effective_from=start)
    stored = uow.get(RULES, rule_id)
    same = (
        stored is not None
        and not stored["deleted"]
        and (stored["count"], stored["period_type"]) == (number, period)
    )
    if not same:
        refuse_closed_reach(uow.session, level=level_code, start=start)
    values = {
        "id": rule_id,
        "level": level_code,
        "effective_from": start,
        "count": number,
        "period_type": period,
    }
    return _upsert(uow, RULES, values)


def delete_visit_rule(uow: UnitOfWork, *, rule_id: str) -> Saved:
    """Tombstone a rule; the last rule of a level stays (change it instead)."""
    uow.actor.require(EDIT_RULES)
    row = live_row(uow, RULES, rule_id, "visit_rule")
    if len(live_ids(uow, RULES, level=row["level"])) <= 1:
        raise ValidationError(Issue("rule.last_of_level", "level", {"level": LEVEL.label(row["level"])}))
    refuse_closed_reach(uow.session, level=row["level"], start=row["effective_from"])
    return delete_record(uow, RULES, rule_id, what="visit_rule", permission=EDIT_RULES)


# --- the rules over time: timeline, presets, which version judged a period -------------------------

_LEVEL_RANK = {level: i for i, level in enumerate(LEVEL_ORDER)}


@dataclass(frozen=True)
class RuleSpan:
    """One version of a level's rule on the timeline: in force from `effective_from` to `until`
    (inclusive; None while no later version exists). It judges the rule-periods that END in its span."""

    id: str
    level: str
    effective_from: dt.date
    until: dt.date | None
    count: int
    period_type: str

    @property
    def assessed(self) -> bool:
        return self.count > 0

    def label(self, lang: str | None = None) -> str:
        """每季度 1 次 / 每半年 1 次 / 不考核 (English: 1 per quarter, not assessed)."""
        if not self.assessed:
            return t("rulever.not_assessed", lang)
        return t(f"rulever.every_{self.period_type}", lang, count=self.count)

    def since(self, lang: str | None = None) -> str:
        """每季度 1 次（自2022-01-01起）: the rule and since when."""
        return t("rulever.since_text", lang, rule=self.label(lang), start=self.effective_from.isoformat())

    def describe(self, lang: str | None = None) -> str:
        """市级 每季度 1 次（自2022-01-01起）: the level, its rule and since when."""
        return t("rulever.describe", lang, level=LEVEL.label(self.level, lang), text=self.since(lang))


@dataclass(frozen=True)
class LevelTimeline:
    level: str
    spans: tuple[RuleSpan, ...]  # consecutive, earliest first


def rule_timeline(session: Session) -> list[LevelTimeline]:
    """Every level's versions as consecutive spans (city first); a level without rules has none."""
    by_level: dict[str, list[VisitRuleView]] = {level: [] for level in LEVEL_ORDER}
    for view in list_visit_rules(session):
        by_level.setdefault(view.level, []).append(view)
    result = []
    for level, views in sorted(by_level.items(), key=lambda item: _LEVEL_RANK.get(item[0], 99)):
        spans = tuple(
            RuleSpan(
                v.id,
                level,
                v.effective_from,
                views[i + 1].effective_from - dt.timedelta(days=1) if i + 1 < len(views) else None,
                v.count,
                v.period_type,
            )  # fmt: skip
            for i, v in enumerate(views)
        )
        result.append(LevelTimeline(level, spans))
    return result


def _in_force(spans: tuple[RuleSpan, ...], day: dt.date) -> RuleSpan | None:
    found = None
    for span in spans:
        if span.effective_from <= day:
            found = span
    return found


def rule_for(session: Session, *, level: str, period: str | Period) -> RuleSpan | None:
    """The version that judged `level` for the rule-period `period` (a key such as 2024H1 or a Period).

    A rule-period is judged by the version in force on its LAST day (msfood.metrics.supervision), so a
    change from 2024-04-01 to half-yearly leaves 2024Q1 with the quarterly rule and judges 2024H1 by the
    half-yearly one. None before the level's first version."""
    target = period if isinstance(period, Period) else parse_period(period)
    fields = _Fields()
    level_code = fields.get("level", level, lambda v: parse_enum(v, LEVEL))
    fields.done()
    timeline = {line.level: line.spans for line in rule_timeline(session)}
    return _in_force(timeline.get(level_code, ()), target.end)


def last_judged(span: RuleSpan, *, today: dt.date) -> str | None:
    """The key of the last rule-period this version judged that had ended before `today`, or None: a
    version that judged ended periods should not be edited (add a new dated version instead)."""
    until = min(span.until or dt.date.max, today - dt.timedelta(days=1))
    ended = periods_ending_within(span.period_type, span.effective_from, until)
    return ended[-1].key if ended else None


@dataclass(frozen=True)
class PeriodRules:
    """The versions that judged a level's rule-periods ending within a report period."""

    level: str
    spans: tuple[RuleSpan, ...]
    none_ending: bool  # no rule-period of this level ends in the report period (spans: the one in force)


def rules_for_report(session: Session, *, period: str | Period) -> list[PeriodRules]:
    """For a report period P, by level: every version that judged a rule-period ending in P (a change
    inside P gives two), or where none ends in P, the version in force on P's last day."""
    target = period if isinstance(period, Period) else parse_period(period)
    result = []
    for line in rule_timeline(session):
        judging = tuple(
            span for span in line.spans
            if periods_ending_within(span.period_type, max(target.start, span.effective_from),
                                     min(target.end, span.until or dt.date.max))
        )  # fmt: skip
        if judging:
            result.append(PeriodRules(line.level, judging, False))
        else:
            current = _in_force(line.spans, target.end)
            result.append(PeriodRules(line.level, (current,) if current else (), True))
    return result


def rules_line(found: list[PeriodRules], lang: str | None = None) -> str:
    """市级 每季度1次（自2000-01-01起）；县级 …: what a report prints as 本期督导频次."""
    parts = []
    for entry in found:
        if not entry.spans:
            parts.append(t("rulever.no_rule", lang, level=LEVEL.label(entry.level, lang)))
            continue
        first, *later = entry.spans
        text = t("rulever.then", lang).join([first.describe(lang), *(span.since(lang) for span in later)])
        if later:
            text = t("rulever.changed_in_period", lang, text=text)
        if entry.none_ending and entry.spans[0].assessed:
            text += t("rulever.none_ending", lang)
        parts.append(text)
    return t("rulever.separator", lang).join(parts)


# The one-click versions the rules page offers. National: 国务院食安委 2022 (at least once a quarter at
# every level). Half-yearly: the 2024 "调整优化" of several Hunan cities, with or without village cadres
# (their option that village cadres are no longer assessed: count 0).
RULE_PRESETS: dict[str, tuple[tuple[str, int, str], ...]] = {
    "national_quarterly": tuple((level, 1, "quarter") for level in LEVEL_ORDER),
    "half_yearly": tuple((level, 1, "half") for level in LEVEL_ORDER),
    "half_yearly_no_village": (
        ("city", 1, "half"),
        ("county", 1, "half"),
        ("township", 1, "half"),
        ("village", 0, "half"),
    ),  # fmt: skip
}


@dataclass(frozen=True)
class PresetApplied:
    preset: str
    effective_from: dt.date
    ids: tuple[str, ...]
    tables: frozenset[str]


def apply_rule_preset(uow: UnitOfWork, *, preset: str, effective_from: Any) -> PresetApplied:
    """Add one new version per level from `effective_from` (a preset of RULE_PRESETS), except where
    that very rule already holds on the date (NothingToDo when it holds at every level).

    Never an edit of a version that judged past periods: a date that already starts a version is
    refused when that version has judged a rule-period ended before today (pick another date). A date
    whose versions would reach into a closed period is refused too (refuse_closed_reach)."""
    uow.actor.require(EDIT_RULES)
    if preset not in RULE_PRESETS:
        raise ValidationError(Issue("rulever.preset_unknown", "preset", {"preset": str(preset)}))
    fields = _Fields()
    start = fields.get("effective_from", effective_from, parse_date)
    fields.done()
    timeline = {line.level: line.spans for line in rule_timeline(uow.session)}
    for level, count, period_type in RULE_PRESETS[preset]:
        for span in timeline.get(level, ()):
            if span.effective_from != start or (span.count, span.period_type) == (count, period_type):
                continue
            ended = last_judged(span, today=uow.today)
            if ended:
                raise ValidationError(
                    Issue(
                        "rulever.rewrites_past",
                        "effective_from",
                        {"date": start.isoformat(), "level": LEVEL.label(level), "period": ended},
                    )
                )
    ids = []
    for level, count, period_type in RULE_PRESETS[preset]:
        current = _in_force(timeline.get(level, ()), start)
        if current is not None and (current.count, current.period_type) == (count, period_type):
            continue  # that rule already holds on the date: another version would change nothing
        saved = save_visit_rule(uow, level=level, effective_from=start, count=count, period_type=period_type)
        ids.append(saved.id)
    if not ids:
        raise NothingToDo("rulever.nothing_new", date=start.isoformat())
    return PresetApplied(preset, start, tuple(ids), frozenset(uow.changed_tables))


# --- settings -------------------------------------------------------------------------------------


def _grade_levels(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        value = json.loads(value)
    if not isinstance(value, dict) or {str(k).strip().upper() for k in value} != set(GRADE.codes):
        raise BadValue("setting.bad_value", key="grade_levels", value=str(value))
    given = {str(k).strip().upper(): parse_enum(v, LEVEL) for k, v in value.items()}
    return {grade: given[grade] for grade in GRADE.codes}


def _sampling_types(value: Any) -> list[str]:
    """case_sampling_types: a list of sampling types (codes or labels; a text may list them with
    、 or commas), at least one, in the enumeration's order."""
    from msfood.domain.enums import SAMPLING_TYPE

    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            value = json.loads(text)
        else:
            value = text.replace("，", ",").replace("、", ",").split(",")
    if not isinstance(value, list | tuple | set | frozenset):
        raise BadValue("setting.bad_value", key="case_sampling_types", value=str(value))
    codes = {SAMPLING_TYPE.parse(str(item)) for item in value if str(item).strip()}
    if not codes or None in codes:
        raise BadValue("setting.bad_value", key="case_sampling_types", value=str(value))
    return [code for code in SAMPLING_TYPE.codes if code in codes]


_RANGES = {
    "daily_threshold_pct": (1, 100),
    "disposal_days": (1, 3650),
    "retest_workdays": (1, 365),
    "lab_delivery_workdays": (1, 365),
    "lab_report_workdays": (1, 365),
    "backups_kept": (1, 1000),
    "schedule_margin_workdays": (0, 60),
    "schedule_visits_per_day": (1, 50),
}


def _typed(key: str, value: Any) -> Any:
    """The value in the shape the setting's default has; BadValue when it cannot be."""
    default = DEFAULT_SETTINGS[key]
    try:
        if key == "grade_levels":
            return _grade_levels(value)
        if key == "case_sampling_types":
            return _sampling_types(value)
        if isinstance(default, bool):
            return parse_bool(value)
        if isinstance(default, int):
            number = parse_int(value, minimum=None)
            low, high = _RANGES.get(key, (0, 10**9))
            if not low <= number <= high:
                raise BadValue("setting.bad_value", key=key, value=number)
            return number
        if isinstance(default, str):
            return parse_text(value)
        if isinstance(default, dict) and isinstance(value, dict):
            return value
    except (BadValue, ValueError) as error:
        if isinstance(error, BadValue) and error.code == "setting.bad_value":
            raise
        raise BadValue("setting.bad_value", key=key, value=str(value)) from None
    raise BadValue("setting.bad_value", key=key, value=str(value))


def get_settings(session: Session) -> dict[str, Any]:
    """Every known setting: the stored value when it is valid, else the national default."""
    stored = {
        row.key: row.value
        for row in session.execute(select(Setting.key, Setting.value).where(Setting.deleted.is_(False)))
    }
    result: dict[str, Any] = {}
    for key, default in DEFAULT_SETTINGS.items():
        try:
            result[key] = _typed(key, json.loads(stored[key])) if key in stored else default
        except (BadValue, ValueError):
            result[key] = default
    return result


def get_setting(session: Session, key: str) -> Any:
    if key not in DEFAULT_SETTINGS:
        raise ValidationError(Issue("setting.unknown", "key", {"key": key}))
    return get_settings(session)[key]


def set_setting(uow: UnitOfWork, *, key: str, value: Any) -> Saved:
    """Store a setting, checked against the shape of its default (grade_levels: every grade -> level)."""
    uow.actor.require(EDIT_RULES)
    if key not in DEFAULT_SETTINGS:
        raise ValidationError(Issue("setting.unknown", "key", {"key": key}))
    try:
        typed = _typed(key, value)
    except BadValue as bad:
        raise ValidationError(Issue(bad.code, "value", bad.params)) from None
    values = {"id": _key_id(uow, SETTINGS, natural_id("setting", key), key=key), "key": key,
              "value": json.dumps(typed, ensure_ascii=False)}  # fmt: skip
    return _upsert(uow, SETTINGS, values)


def reset_setting(uow: UnitOfWork, *, key: str) -> Saved:
    """Back to the national default."""
    if key not in DEFAULT_SETTINGS:
        raise ValidationError(Issue("setting.unknown", "key", {"key": key}))
    return set_setting(uow, key=key, value=DEFAULT_SETTINGS[key])


# --- holidays -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HolidayView:
    id: str
    day: dt.date
    is_workday: bool
    name: str


def list_holidays(session: Session, year: int | None = None) -> list[HolidayView]:
    statement = select(Holiday).where(Holiday.deleted.is_(False)).order_by(Holiday.day)
    if year is not None:
        statement = statement.where(Holiday.day >= dt.date(year, 1, 1), Holiday.day <= dt.date(year, 12, 31))
    return [HolidayView(h.id, h.day, bool(h.is_workday), h.name) for h in session.scalars(statement)]


def save_holiday(uow: UnitOfWork, *, day: Any, is_workday: Any = False, name: Any = "") -> Saved:
    """A day off (or, with is_workday, a make-up working day 调休) for a year the calendar lacks."""
    uow.actor.require(EDIT_RULES)
    fields = _Fields()
    date = fields.get("day", day, parse_date)
    workday = fields.get("is_workday", is_workday, parse_bool, required=False) or False
    text = fields.get("name", name, lambda v: parse_text(v, 64), required=False) or ""
    fields.done()
    holiday_id = _key_id(uow, HOLIDAYS, natural_id("holiday", date.isoformat()), day=date)
    return _upsert(uow, HOLIDAYS, {"id": holiday_id, "day": date, "is_workday": workday, "name": text})


def delete_holiday(uow: UnitOfWork, *, holiday_id: str) -> Saved:
    return delete_record(uow, HOLIDAYS, holiday_id, what="holiday", permission=EDIT_RULES)


# --- checklists and food categories ---------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItemView:
    id: str
    version: str
    code: str
    area: str
    text: str
    position: int


def checklist_versions(session: Session) -> list[str]:
    statement = select(ChecklistItem.version).where(ChecklistItem.deleted.is_(False)).distinct()
    return sorted(session.scalars(statement))


def list_checklist(session: Session, version: str | None = None) -> list[ChecklistItemView]:
    """The items of a checklist version (default: the latest), in order."""
    if version is None:
        versions = checklist_versions(session)
        if not versions:
            return []
        version = versions[-1]
    rows = session.scalars(
        select(ChecklistItem)
        .where(ChecklistItem.version == version, ChecklistItem.deleted.is_(False))
        .order_by(ChecklistItem.position, ChecklistItem.code)
    )
    return [ChecklistItemView(r.id, r.version, r.code, r.area, r.text, r.position) for r in rows]


def save_checklist_item(
    uow: UnitOfWork, *, version: Any, code: Any, area: Any, text: Any, position: Any = 0
) -> Saved:
    uow.actor.require(EDIT_RULES)
    fields = _Fields()
    version_text = fields.get("version", version, lambda v: parse_text(v, 16))
    code_text = fields.get("code", code, lambda v: parse_text(v, 16))
    area_text = fields.get("area", area, lambda v: parse_text(v, 64))
    item_text = fields.get("text", text, lambda v: parse_text(v, 400))
    order = fields.get("position", position, parse_int, required=False) or 0
    fields.done()
    natural = natural_id("checklist_item", version_text, code_text)
    item_id = _key_id(uow, ITEMS, natural, version=version_text, code=code_text)
    values = {"id": item_id, "version": version_text, "code": code_text, "area": area_text, "text": item_text,
              "position": order}  # fmt: skip
    return _upsert(uow, ITEMS, values)


def delete_checklist_item(uow: UnitOfWork, *, item_id: str) -> Saved:
    """Tombstone an item (visits that answered it keep their answers)."""
    return delete_record(uow, ITEMS, item_id, what="checklist_item", permission=EDIT_RULES)


def list_food_categories(session: Session) -> list[str]:
    rows = session.scalars(
        select(FoodCategory.name).where(FoodCategory.deleted.is_(False)).order_by(FoodCategory.position)
    )
    return list(dict.fromkeys(rows))


def save_food_category(uow: UnitOfWork, *, version: Any, name: Any, position: Any = 0) -> Saved:
    uow.actor.require(EDIT_RULES)
    fields = _Fields()
    version_text = fields.get("version", version, lambda v: parse_text(v, 16))
    name_text = fields.get("name", name, lambda v: parse_text(v, 64))
    order = fields.get("position", position, parse_int, required=False) or 0
    fields.done()
    natural = natural_id("food_category", version_text, name_text)
    category_id = _key_id(uow, CATEGORIES, natural, version=version_text, name=name_text)
    return _upsert(uow, CATEGORIES, {"id": category_id, "version": version_text, "name": name_text,
                                     "position": order})  # fmt: skip
