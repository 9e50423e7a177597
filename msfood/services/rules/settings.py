"""Settings, typed: `get_setting` returns the stored value or the national default of
msfood.domain.defaults, and `set_setting` refuses a value of the wrong shape (EDIT_RULES).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import Setting
from msfood.domain.defaults import DEFAULT_SETTINGS
from msfood.domain.enums import GRADE, LEVEL
from msfood.services.records.saving import Saved
from msfood.services.records.values import BadValue, parse_bool, parse_enum, parse_int, parse_text
from msfood.services.rules.fields import _key_id, _upsert
from msfood.services.writing.permissions import EDIT_RULES
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

SETTINGS = table_of(Setting)


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
