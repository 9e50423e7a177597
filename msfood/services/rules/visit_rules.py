"""Visit rules (how often each level's cadres visit): editing them, their versions over time with the
one-click presets, and which version judged a period (for the report's appendix).

Set by the bureau and synced down (a station with no bureau edits its own); every write needs
EDIT_RULES. Settings, holidays and checklists are the other rules of this package.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue, NothingToDo, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import VisitRule
from msfood.domain.enums import LEVEL, LEVEL_ORDER, PERIOD_TYPE
from msfood.domain.periods import Period, parse_period, periods_ending_within
from msfood.i18n import t
from msfood.services.records.saving import Saved, delete_record, live_ids, live_row
from msfood.services.records.values import parse_date, parse_enum, parse_int
from msfood.services.rules.fields import _Fields, _key_id, _upsert
from msfood.services.writing.permissions import EDIT_RULES
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

RULES = table_of(VisitRule)


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
    from msfood.services.periods.closing import list_closed_periods

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



