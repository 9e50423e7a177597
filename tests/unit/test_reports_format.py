"""Percentages rounded half-up to one decimal, text widths, and the line-breaking of table cells."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msfood.reports.document.format import Rate, display_width, percent, percent_decimal, show
from msfood.reports.pdf.fonts import sans_font
from msfood.reports.pdf.wrap import NO_LINE_START, text_width, wrap_text


@pytest.mark.parametrize(
    ("rate", "shown"),
    [
        (2 / 3, "66.7%"),
        (0.0625, "6.3%"),  # exactly 6.25: half-up, not half-even
        (3 / 80, "3.8%"),  # 3.75, whose float lies just below .0375
        (1 / 8, "12.5%"),
        (0.0005, "0.1%"),
        (1.0, "100.0%"),
        (0.0, "0.0%"),
        (None, "—"),
    ],
)
def test_percent_half_up(rate: float | None, shown: str) -> None:
    assert percent(rate) == shown
    assert show(Rate(rate)) == shown


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_percent_of_a_fraction_is_the_exact_half_up_rounding(a: int, b: int) -> None:
    exact = Fraction(a, b) * 100
    expected = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    # The Decimal division above carries 28 digits: enough unless a/b sits on a boundary, where it is exact.
    assert percent_decimal(a / b) == expected


def test_display_width_counts_cjk_as_two() -> None:
    assert display_width("abc") == 3
    assert display_width("督导完成率") == 10
    assert display_width("2026Q4 督导") == 11


@pytest.fixture(scope="module")
def font() -> str:
    return sans_font().name


@given(st.text(alphabet="株洲市天元区餐饮管理服务有限公司（连锁）、，。0123456789-ABCW ", max_size=80),
       st.floats(min_value=30, max_value=200))
def test_wrapped_lines_fit_and_keep_the_text(font: str, text: str, width: float) -> None:
    lines = wrap_text(text, font, 8.5, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert len(line) == 1 or text_width(line, font, 8.5) <= width + 1e-6


def test_wrap_keeps_numbers_whole_and_punctuation_off_line_starts(font: str) -> None:
    lines = wrap_text("清水小店 91430211000009136F 已办结（2026-06-20），请核查。", font, 8.5, 110)
    assert len(lines) > 1
    assert any("91430211000009136F" in line for line in lines)
    assert all(line[:1] not in NO_LINE_START for line in lines)
    assert all(not line.endswith("（") for line in lines)
    assert wrap_text("短", font, 8.5, 80) == ["短"]
