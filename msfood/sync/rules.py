"""What an incoming row's values must be beyond their types: the codes and formats the forms allow.

A trusted unit's signed bundle is still input. Its rows are checked column by column (a chunk at a
time, whole columns at C speed: a set difference per enumeration, each distinct text once) against:
- enumerations: every column a record form offers as a choice (msfood.services.records' specs), plus
  the statuses, answers and rule codes the figures read (msfood.domain.enums);
- lengths: text no longer than its column (String(n)), as the forms cut it (PostgreSQL enforces it);
- formats: rest days as ISO weekday digits ("67"), division codes, a self-check's period key matching
  its kind and date (the figures count periods by it);
- ranges: counts never negative (positives no more than batches), a visit rule 1-99 times, years and
  dates from 1900 to 2100 (no 0001-9999 closure), spans that end after they start;
- no control characters in text (a spreadsheet cannot hold them, so the workbook export would fail);
- settings the figures can read (the settings page's own check), and after the merge a region tree
  without loops (`region_loop`).
Every one of these is a refusal of the whole bundle (exit 1), naming the records: an honest unit's
forms cannot make such a row, so it was forged or its file edited. The forms take the same limits
(msfood.services.records.values, visits), and the export refuses to write a longer text than these
(msfood.sync.bundle_format.MemberWriter), so no unit can make a bundle its peer must refuse.
The fast path (msfood.sync.codec.block_decoder) builds the same per-column rules into the typed JSON
decoder, so a clean bundle costs nothing here but the cross-column check; a block it rejects is decoded
again plainly and `RowRules.check` names every offending record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import String, Table

from msfood.core.errors import Issue, ValidationError
from msfood.sync.column_rules import (
    AT_MOST,
    CONTROL,
    FIRST_DAY,
    LAST_DAY,
    NUMBER_RANGES,
    ORDERED,
    REST_DAYS,
    ColumnRule,
    column_rule,
)

MAX_NAMED = 20


@dataclass(frozen=True)
class Offence:
    table: str
    record_id: str
    key: tuple[tuple[str, Any], ...]  # the record's natural key, (column, value) pairs
    column: str
    value: Any
    reason: str  # a message code: bundle.value_not_choice, bundle.value_too_long, ...
    params: tuple[tuple[str, Any], ...] = ()


class RowRules:
    """The rules of one table, for rows whose columns are `columns` (names in row order)."""

    def __init__(self, table: Table, columns: Sequence[str]) -> None:
        self.table = table
        self.columns = list(columns)
        self.index = {name: i for i, name in enumerate(self.columns)}
        self.rules = [(i, rule) for i, name in enumerate(self.columns) if (rule := column_rule(table, name))]
        self.key = [c for c in table.info.get("natural_key", ()) if c in self.index]
        self.period = table.name == "selfchecks" and all(
            c in self.index for c in ("kind", "record_date", "period_key")
        )
        from sqlalchemy import Date, Float, Integer

        self.texts = [
            i for i, name in enumerate(self.columns)
            if name not in ("id", "hlc", "base_hlc", "origin") and isinstance(table.c[name].type, String)
        ]  # fmt: skip
        self.dates = [i for i, name in enumerate(self.columns) if isinstance(table.c[name].type, Date)]
        self.numbers = [
            (i, NUMBER_RANGES[(table.name, name)])
            for i, name in enumerate(self.columns)
            if (table.name, name) in NUMBER_RANGES and isinstance(table.c[name].type, Integer | Float)
        ]
        pair = ORDERED.get(table.name)
        self.ordered = (
            (self.index[pair[0]], self.index[pair[1]])
            if pair and all(c in self.index for c in pair)
            else None
        )
        self.settings = table.name == "settings" and "key" in self.index and "value" in self.index
        most = AT_MOST.get(table.name)
        self.at_most = (
            (self.index[most[0]], self.index[most[1]])
            if most and all(c in self.index for c in most)
            else None
        )

    def check(
        self, rows: Sequence[Sequence[Any]], columns: Sequence[Sequence[Any]] | None = None
    ) -> list[Offence]:
        """Every offence in these rows (`columns`: the same rows by column, when already transposed)."""
        if not rows:
            return []
        if columns is None:
            columns = list(zip(*rows, strict=True))
        found: list[Offence] = []
        for i, rule in self.rules:
            found.extend(self._column(rows, columns[i], i, rule))
        found.extend(self.check_periods(rows, columns))
        return found

    def check_periods(self, rows: Sequence[Sequence[Any]], columns: Sequence[Sequence[Any]]) -> list[Offence]:
        """The checks the typed decoder does not make (it made the per-column rules): periods, control
        characters, number ranges, date ranges and order, settings the figures must read. Whole
        columns at a time: min and max, one regular expression over a column's distinct texts."""
        if not rows:
            return []
        found = self._periods(rows, columns) if self.period else []
        why: tuple[str, tuple[tuple[str, Any], ...]]
        for i in self.texts:
            distinct = {v for v in columns[i] if type(v) is str}
            if distinct and CONTROL.search("\n".join(distinct)):
                bad = {v for v in distinct if CONTROL.search(v)}
                found += [self._offence(r, i, ("authority.value_control", ())) for r in rows if r[i] in bad]
        for i, (low, high) in self.numbers:
            values = [v for v in columns[i] if v is not None]
            if values and not (low <= min(values) and max(values) <= high):
                why = ("authority.value_range", (("min", low), ("max", high)))
                found += [
                    self._offence(r, i, why) for r in rows if r[i] is not None and not low <= r[i] <= high
                ]
        for i in self.dates:
            values = [v for v in columns[i] if type(v) is str]
            if values and not (min(values) >= FIRST_DAY and max(values) <= LAST_DAY):
                why = ("authority.value_date_range", (("first", FIRST_DAY), ("last", LAST_DAY)))
                found += [
                    self._offence(r, i, why)
                    for r in rows
                    if type(r[i]) is str and not FIRST_DAY <= r[i] <= LAST_DAY
                ]
        if self.ordered is not None:
            a, b = self.ordered
            found += [
                self._offence(r, b, ("authority.value_order", ()))
                for r in rows
                if type(r[a]) is str and type(r[b]) is str and r[b] < r[a]
            ]
        if self.at_most is not None:
            from msfood.i18n import field_label

            a, b = self.at_most
            found += [
                self._offence(r, a, ("authority.value_at_most", (("other", field_label(self.columns[b])),)))
                for r in rows
                if type(r[a]) is int and type(r[b]) is int and r[a] > r[b]
            ]
        if self.settings:
            k, v = self.index["key"], self.index["value"]
            why = ("authority.value_setting", ())
            found += [self._offence(r, v, why) for r in rows if not _readable(r[k], r[v])]
        return found

    def _column(
        self, rows: Sequence[Sequence[Any]], values: Sequence[Any], i: int, rule: ColumnRule
    ) -> list[Offence]:
        distinct = set(values)
        distinct.discard(None)
        bad: dict[Any, tuple[str, tuple[tuple[str, Any], ...]]] = {}
        if rule.codes is not None:
            for value in distinct - rule.codes:
                bad[value] = ("bundle.value_not_choice", (("choices", "、".join(sorted(rule.codes))),))
        texts = [v for v in distinct if type(v) is str]
        if rule.max_len is not None and texts and max(map(len, texts)) > rule.max_len:
            for value in texts:
                if value not in bad and isinstance(value, str) and len(value) > rule.max_len:
                    bad[value] = ("bundle.value_too_long", (("max", rule.max_len),))
        if rule.pattern is not None:
            compiled = re.compile(rule.pattern)
            why = "bundle.value_rest_days" if rule.pattern == REST_DAYS else "authority.value_format"
            for value in texts:
                if value not in bad and not compiled.search(value):
                    bad[value] = (why, ())
        if not bad:
            return []
        return [self._offence(row, i, bad[row[i]]) for row in rows if row[i] in bad]

    def _periods(self, rows: Sequence[Sequence[Any]], columns: Sequence[Sequence[Any]]) -> list[Offence]:
        k, d, p = (self.index[c] for c in ("kind", "record_date", "period_key"))
        bad: dict[tuple[Any, Any, Any], str] = {}
        for kind, day, key in set(zip(columns[k], columns[d], columns[p], strict=True)):
            if kind == "daily" and key == day:
                continue  # most rows: a day's record keyed by its day
            expected = _expected_period(kind, day)
            if expected is not None and expected != key:
                bad[(kind, day, key)] = expected
        if not bad:
            return []
        return [
            self._offence(row, p, ("bundle.value_period_key", (("expected", bad[triple]),)))
            for row in rows
            if (triple := (row[k], row[d], row[p])) in bad
        ]

    def _offence(self, row: Sequence[Any], i: int, why: tuple[str, tuple[tuple[str, Any], ...]]) -> Offence:
        key = tuple((c, _shown(row[self.index[c]])) for c in self.key)
        record_id = _shown(row[self.index["id"]])
        return Offence(self.table.name, record_id, key, self.columns[i], _shown(row[i]), why[0], why[1])


def _shown(value: Any) -> Any:
    """A value as a message may show it: control characters escaped, long text cut."""
    if type(value) is not str:
        return value
    if CONTROL.search(value):
        value = value.encode("unicode_escape").decode("ascii")
    return value if len(value) <= 60 else f"{value[:60]}…（{len(value)}）"


def _readable(key: Any, value: Any) -> bool:
    """Whether the figures can read this setting: a known key's value as its form takes it, any
    other key's value as JSON."""
    import json

    from msfood.domain.defaults import DEFAULT_SETTINGS

    if type(value) is not str:
        return value is None
    try:
        parsed = json.loads(value)
    except ValueError:
        return False
    if key not in DEFAULT_SETTINGS:
        return True
    default = DEFAULT_SETTINGS[key]
    if not (isinstance(default, bool | int | str) or key == "grade_levels"):
        return type(parsed) is type(default)  # a shape the settings page edits as a whole
    from msfood.services.records.values import BadValue
    from msfood.services.rules.settings import _typed

    try:
        return _typed(key, parsed) == parsed
    except (BadValue, ValueError, TypeError, AttributeError):
        return False


def region_loop(session: Any) -> list[str]:
    """The codes of a loop in the region tree (a region its own ancestor), or [] when there is none."""
    from sqlalchemy import select

    from msfood.db.models import Region

    parent: dict[str, str | None] = {}
    code: dict[str, str] = {}
    for rid, rcode, pid in session.execute(select(Region.id, Region.code, Region.parent_id)):
        parent[rid], code[rid] = pid, rcode
    done: set[str] = set()
    for start in parent:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node in parent and node not in done:
            if node in on_path:
                loop = path[path.index(node) :] + [node]
                return [code[n] for n in loop]
            path.append(node)
            on_path.add(node)
            node = parent[node]
        done.update(path)
    return []


@lru_cache(maxsize=4096)
def _expected_period(kind: Any, day: Any) -> str | None:
    """The period key a self-check of this kind and date carries (None: kind or date unreadable,
    which their own checks report)."""
    import datetime as dt

    from msfood.domain.enums import SELFCHECK_KIND
    from msfood.domain.periods import period_key_for

    if kind not in SELFCHECK_KIND or not isinstance(day, str):
        return None
    try:
        return period_key_for(kind, dt.date.fromisoformat(day))
    except ValueError:
        return None


class BadValues(ValidationError):
    """A bundle refused for values the forms would refuse, naming the records (table, id, natural key,
    field, value, why). Its text is built in the language asked for."""

    def __init__(self, file: str, offences: list[Offence], total: int) -> None:
        issues = [Issue("bundle.bad_values", "", {"file": file, "count": total})]
        for o in offences:
            params = {"table": o.table, "record": o.record_id, "value": o.value, **dict(o.params)}
            issues.append(Issue(o.reason, o.column, params))
        super().__init__(issues)
        self.code = "bundle.bad_values"
        self.params = {"file": file, "count": total}
        self.file = file
        self.offences = offences
        self.total = total

    def message(self, lang: str | None = None) -> str:
        from msfood.i18n import field_label, t

        lines = [t("bundle.bad_values", lang, file=self.file, count=self.total)]
        for o in self.offences:
            key = ", ".join(f"{field_label(c, lang)}={v}" for c, v in o.key)
            lines.append(
                t(
                    "bundle.bad_value_item",
                    lang,
                    table=t(f"sync.table.{o.table}", lang),
                    record=o.record_id,
                    key=key or "-",
                    field=field_label(o.column, lang),
                    column=o.column,
                    value=o.value,
                    why=t(o.reason, lang, **dict(o.params)),
                )
            )
        if self.total > len(self.offences):
            lines.append(t("bundle.bad_values_more", lang, count=self.total - len(self.offences)))
        return "\n".join(lines)
