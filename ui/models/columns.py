"""A list's columns: header, the raw value of a row, its text, and the query's sort key.

Headers are marked with QT_TRANSLATE_NOOP("Lists", ...) where they are defined (pyside6-lupdate files
them under the "Lists" context) and translated there when shown. Values are the row's raw Python values
(dates, ints, codes); `text` turns them into what people read (enumeration labels in the current
language, 是/否, ISO dates).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from msfood.domain.enums import Enum
from msfood.i18n import language


def plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("Lists", "是")
        return QCoreApplication.translate("Lists", "否")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def label_of(enum: Enum) -> Callable[[Any], str]:
    """Text for a stored code: the enumeration's label in the ui's language."""

    def text(value: Any) -> str:
        return enum.label(value, language()) if value is not None else ""

    return text


@dataclass(frozen=True)
class Column:
    """One column. `field` names the row attribute; `sort` the query's sort key (None: not sortable)."""

    field: str
    header: str  # a QT_TRANSLATE_NOOP("Lists", ...) literal
    sort: str | None = None
    text: Callable[[Any], str] = plain
    width: int = 0  # a starting width in characters (0: fit the header)

    def value(self, row: Any) -> Any:
        return getattr(row, self.field)

    def display(self, row: Any) -> str:
        return self.text(self.value(row))

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Lists", self.header)

    @property
    def numeric(self) -> bool:
        return self.text is plain and self.field in NUMERIC_FIELDS


NUMERIC_FIELDS = frozenset(
    {"businesses", "problems", "open_problems", "issues_found", "batches", "positives", "destroyed_kg", "seq"}
)
