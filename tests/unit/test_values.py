"""The cell parsers: every way a spreadsheet or a form writes a value reads as the same typed value."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msfood.domain.enums import VISIT_MODE
from msfood.services.records.values import (
    BadValue,
    digits_text,
    initials,
    parse_bool,
    parse_date,
    parse_enum,
    parse_int,
)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_written_form_of_a_date_reads_alike(day: dt.date) -> None:
    forms = [day, dt.datetime.combine(day, dt.time(8, 30)), day.isoformat(),
             f"{day.year}/{day.month}/{day.day}", f"{day.year}.{day.month:02d}.{day.day:02d}",
             f"{day.year}年{day.month}月{day.day}日",
             f"{day.isoformat()} 00:00:00", day.strftime("%Y%m%d")]  # fmt: skip
    assert {parse_date(form) for form in forms} == {day}


@pytest.mark.parametrize("text", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_dates_outside_1900_to_2100_are_refused_as_a_bundle_would(text: str) -> None:
    with pytest.raises(BadValue) as refused:
        parse_date(text)
    assert refused.value.code == "authority.date_range"


def test_control_characters_are_refused_in_text() -> None:
    from msfood.services.records.values import parse_text

    assert parse_text("第一行\n第二行\t") == "第一行\n第二行"
    with pytest.raises(BadValue) as refused:
        parse_text("饭店\x07")
    assert refused.value.code == "excel_path.control_character"
    assert refused.value.params == {"char": "U+0007", "at": 3}


@given(st.integers(min_value=0, max_value=10**12))
def test_whole_numbers_from_text_ints_and_floats(number: int) -> None:
    assert parse_int(str(number)) == parse_int(float(number)) == parse_int(f"{number}.0") == number


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_mobile_numbers_typed_as_numbers_come_back(phone: str) -> None:
    assert digits_text(float(phone)) == digits_text(int(phone)) == digits_text(f"{phone}.0") == phone


@settings(deadline=None)  # the first call loads pypinyin's dictionaries
@given(st.text(max_size=30))
def test_initials_are_lower_case_letters_and_digits(name: str) -> None:
    result = initials(name)
    assert result == result.lower() and all(ch.isalnum() for ch in result)


def test_bad_values_are_refused_with_their_reason() -> None:
    for value, parse, code in (
        ("2026-02-30", parse_date, "value.not_date"), ("明天", parse_date, "value.not_date"),
        ("3.5", parse_int, "value.not_int"), ("-1", parse_int, "value.negative"),
        ("也许", parse_bool, "value.not_yes_no"),
    ):  # fmt: skip
        with pytest.raises(BadValue) as caught:
            parse(value)
        assert caught.value.code == code
    with pytest.raises(BadValue) as caught:
        parse_enum("电话督导", VISIT_MODE)
    assert "现场督导" in caught.value.params["choices"]
    assert [parse_enum(v, VISIT_MODE) for v in ("现场督导", "On site", "on site", "onsite")] == ["onsite"] * 4
    assert initials("海底捞") == "hdl" and initials("重庆小面 2 号店") == "cqxm2hd"
    assert [parse_bool(v) for v in ("是", "否", True, 0, "yes", "N")] == [
        True,
        False,
        True,
        False,
        True,
        False,
    ]
