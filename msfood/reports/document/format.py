"""How figures are shown: percentages rounded half-up to one decimal, counts, dates, text widths.

Rates arrive from msfood.metrics as unrounded floats (or None where the denominator is 0). A rate
a/b is rounded from its shortest decimal repr, which equals a/b exactly whenever a/b sits on a
rounding boundary (2/3 -> 66.7%, 1/16 -> 6.3%, 3/80 -> 3.8%), so no binary-float artefact can
round a 0.05 down.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

NONE_MARK = "—"
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Rate:
    """A rate cell: shown as a percentage (PDF) or stored as a number in 0.0% format (XLSX)."""

    value: float | None

    def __str__(self) -> str:
        return percent(self.value)


def percent_decimal(rate: float | None) -> Decimal | None:
    """The rate as a percentage rounded half-up to one decimal (Decimal('66.7') for 2/3)."""
    if rate is None:
        return None
    return (Decimal(repr(float(rate))) * 100).quantize(_TENTH, rounding=ROUND_HALF_UP)


def percent(rate: float | None) -> str:
    shown = percent_decimal(rate)
    return NONE_MARK if shown is None else f"{shown}%"


def show(value: object) -> str:
    """Any table cell as text."""
    if value is None:
        return NONE_MARK
    if isinstance(value, Rate):
        return percent(value.value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: CJK and other wide characters count as 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
