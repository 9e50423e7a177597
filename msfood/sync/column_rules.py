"""What each column of an incoming row may hold, column by column: its codes (the enumerations the
forms offer and the figures read), its longest text, its pattern, its number range, and the pairs of
columns that must come in order.

The data of the checks; msfood.sync.rules applies them to rows (and names the offending records), and
the fast path (msfood.sync.codec.block_decoder) builds them into the typed JSON decoder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import String, Table

from msfood.domain.enums import ANSWER, BUSINESS_STATUS, LEVEL, PERIOD_TYPE, PROBLEM_STATUS, Enum
from msfood.services.records.values import CONTROL_CHARACTERS

# Rest days: ISO weekday digits, ascending, each at most once ("" for none): what parse_rest_days keeps.
REST_DAYS = r"^1?2?3?4?5?6?7?\Z"
_REST_DAYS = re.compile(REST_DAYS)


@lru_cache(maxsize=1)
def enum_columns() -> dict[tuple[str, str], Enum]:
    """(table, column) -> its enumeration: the record forms' choices, and the codes the figures read."""
    from msfood.services.records.specs import EXTRA_FIELDS, KIND_TABLE, RECORD_FIELDS

    found: dict[tuple[str, str], Enum] = {}
    for kind, table in KIND_TABLE.items():
        for spec in RECORD_FIELDS[kind] + EXTRA_FIELDS[kind]:
            if spec.type == "enum" and spec.enum is not None and spec.name in table.c:
                found[(table.name, spec.name)] = spec.enum
    found.update(
        {
            ("business_statuses", "status"): BUSINESS_STATUS,
            ("problems", "status"): PROBLEM_STATUS,
            ("visit_answers", "answer"): ANSWER,
            ("visit_rules", "level"): LEVEL,
            ("visit_rules", "period_type"): PERIOD_TYPE,
        }
    )
    return found


@dataclass(frozen=True)
class ColumnRule:
    """One column's rule: its codes, its longest text, a pattern (each optional)."""

    codes: frozenset[str] | None = None
    max_len: int | None = None
    pattern: str | None = None


# Unbounded text columns, bounded as the forms bound them (msfood.services.records' max_len; a bundle
# line must stay far below the reader's limit, msfood.sync.bundle_format.MAX_LINE, whatever it holds).
TEXT_LIMITS = {
    ("problems", "description"): 2000,
    ("visits", "remarks"): 2000,
    ("settings", "value"): 4000,
    ("audit_log", "before"): 64 * 1024,
    ("audit_log", "after"): 64 * 1024,
}
# Division codes: 6, 9 or 12 digits (msfood.domain.identifiers.check_division_code).
DIVISION = r"^[0-9]{6}(?:[0-9]{3}){0,2}\Z"
PATTERNS = {
    ("businesses", "rest_days"): REST_DAYS,
    ("regions", "code"): DIVISION,
}
# Whole numbers and their ranges, as the forms take them.
NUMBER_RANGES: dict[tuple[str, str], tuple[float, float]] = {
    ("rapid_tests", "batches"): (0, 10**6),
    ("rapid_tests", "positives"): (0, 10**6),
    ("rapid_tests", "destroyed_kg"): (0, 10**9),
    ("selfchecks", "issues_found"): (0, 10**6),
    ("problems", "seq"): (1, 10**6),
    ("sampling_plans", "planned"): (0, 10**7),
    ("sampling_plans", "year"): (1900, 2100),
    ("visit_rules", "count"): (1, 99),
    ("checklist_items", "position"): (0, 10**6),
    ("food_categories", "position"): (0, 10**6),
    ("regions", "code_year"): (1900, 2100),
    ("audit_log", "seq"): (1, 2**62),
}
# Dates a record describes: within these years (as msfood.services.records.values.parse_date takes them).
FIRST_DAY, LAST_DAY = "1900-01-01", "2100-12-31"
# Two dates of one record that must come in order (the first may not be after the second).
ORDERED = {
    "assignments": ("start_date", "end_date"),
    "business_closures": ("start_date", "end_date"),
    "closed_periods": ("start_date", "end_date"),
}
# Two counts of one record where the first may not exceed the second (positives of the batches).
AT_MOST = {"rapid_tests": ("positives", "batches")}
# Characters a spreadsheet cannot hold (openpyxl refuses them), so no form takes them either.
CONTROL = CONTROL_CHARACTERS  # the forms' and workbooks' own check (msfood.services.records.values)


def column_rule(table: Table, column: str) -> ColumnRule | None:
    enum = enum_columns().get((table.name, column))
    pattern = PATTERNS.get((table.name, column))
    kind = table.c[column].type
    max_len = kind.length if isinstance(kind, String) and kind.length else None
    max_len = TEXT_LIMITS.get((table.name, column), max_len)
    if enum is None and pattern is None and max_len is None:
        return None
    return ColumnRule(frozenset(enum.codes) if enum is not None else None, max_len, pattern)
