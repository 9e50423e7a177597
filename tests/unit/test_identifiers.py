"""Credit codes, licences, division codes and mobile numbers (DOMAIN.md section 4)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc

from msfood.core.errors import Issue, ValidationError
from msfood.domain.identifiers import (
    USCC_ALPHABET,
    check_credit_code,
    check_division_code,
    check_licence,
    check_mobile,
    division_level,
    is_valid_credit_code,
    make_credit_code,
    org_code_check_char,
    parent_division_code,
)

WORKED_EXAMPLE_CODES = [
    "91430211000009136F", "91430211000009267B", "914302110000093987", "91430211000009523U",
]  # fmt: skip


def issues_of(exc: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str, dict[str, object]]]:
    return [(i.code, i.field, i.params) for i in exc.value.issues]


# --- credit codes


@pytest.mark.parametrize("code", WORKED_EXAMPLE_CODES)
def test_worked_example_codes_are_valid_without_warnings(code: str) -> None:
    assert check_credit_code(code) == (code, [])
    assert is_valid_credit_code(code)
    assert uscc.is_valid(code)  # stdnum agrees, inner organisation code included


def test_stdnum_doc_example_is_valid() -> None:
    assert check_credit_code("91110000600037341L") == ("91110000600037341L", [])


def test_normalises_spaces_case_and_full_width() -> None:
    assert check_credit_code(" 9143 0211 0000 0913 6f ")[0] == "91430211000009136F"
    assert check_credit_code("９１４３０２１１０００００９１３６Ｆ")[0] == "91430211000009136F"


def test_wrong_check_character() -> None:
    with pytest.raises(ValidationError) as info:
        check_credit_code("91430211000009136G")
    expected = {"expected": "F", "value": "91430211000009136G"}
    assert issues_of(info) == [("uscc.checksum", "credit_code", expected)]
    assert "F" in info.value.message("zh_CN") and "统一社会信用代码" in info.value.message("zh_CN")


@pytest.mark.parametrize(
    ("value", "length"), [("9143021100000913", 16), ("91430211000009136FF", 19), ("9", 1)]
)
def test_wrong_length(value: str, length: int) -> None:
    with pytest.raises(ValidationError) as info:
        check_credit_code(value)
    assert issues_of(info) == [("uscc.length", "credit_code", {"length": length, "value": value})]


@pytest.mark.parametrize(("value", "char"), [
    ("91430211000009136I", "I"), ("9143021100000O136F", "O"), ("91430211000009136Z", "Z"),
    ("9143021100000S136F", "S"), ("91430211000009V36F", "V"), ("91430211-00009136F", "-"),
])  # fmt: skip
def test_illegal_characters(value: str, char: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_credit_code(value)
    assert issues_of(info)[0] == ("uscc.chars", "credit_code", {"char": char, "value": value})
    assert f"“{char}”" in info.value.message("zh_CN")


def test_illegal_character_and_length_both_reported() -> None:
    with pytest.raises(ValidationError) as info:
        check_credit_code("9143O2")
    assert [i.code for i in info.value.issues] == ["uscc.chars", "uscc.length"]


def test_letter_in_region_is_an_error() -> None:
    code = make_credit_code("914302A1000009136")
    with pytest.raises(ValidationError) as info:
        check_credit_code(code)
    assert issues_of(info) == [("uscc.region", "credit_code", {"value": code})]


def test_letter_registering_authority_is_accepted() -> None:
    # GB 32100 lets the registering authority be a letter (Y = other); stdnum's validate() refuses it
    code = make_credit_code("Y1430211000009136")
    assert not uscc.is_valid(code)
    assert check_credit_code(code) == (code, [])


def test_inner_organisation_code_check_is_a_warning() -> None:
    code = make_credit_code("91430211000009130")  # the inner code should end in 6, not 0
    assert uscc.is_valid(code)  # stdnum checks the 18th character only
    normalised, warnings = check_credit_code(code)
    assert normalised == code
    assert warnings == [Issue("uscc.org_checksum", "credit_code", {"value": code})]
    assert is_valid_credit_code(code)


def test_org_check_char_x_and_zero() -> None:
    # GB 11714: remainder 10 -> X, 11 -> 0
    assert org_code_check_char("00000913") == "6"
    assert org_code_check_char("60003734") == "1"
    found = {org_code_check_char(f"{n:08d}") for n in range(200)}
    assert {"X", "0"} <= found
    body = next(f"{n:08d}" for n in range(200) if org_code_check_char(f"{n:08d}") == "X")
    code = make_credit_code("91430211" + body + "X")
    assert check_credit_code(code) == (code, [])
    with pytest.raises(ValueError):
        org_code_check_char("0000091")


def test_blank_credit_code() -> None:
    with pytest.raises(ValidationError) as info:
        check_credit_code("  ")
    assert issues_of(info) == [("value.required", "credit_code", {})]
    assert not is_valid_credit_code("")


def test_make_credit_code() -> None:
    assert make_credit_code("91430211000009136") == "91430211000009136F"
    assert make_credit_code("91430211000009398") == "914302110000093987"
    with pytest.raises(ValueError):
        make_credit_code("9143021100000913")
    with pytest.raises(ValueError):
        make_credit_code("9143021100000913I")


BODY = st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9)


@given(st.text(alphabet="0123456789", min_size=8, max_size=8), BODY, st.sampled_from(USCC_ALPHABET))
def test_any_single_wrong_check_character_is_caught(head: str, body: str, other: str) -> None:
    code = make_credit_code(head + body)
    assert is_valid_credit_code(code)
    if other != code[-1]:
        with pytest.raises(ValidationError) as info:
            check_credit_code(code[:-1] + other)
        assert issues_of(info) == [
            ("uscc.checksum", "credit_code", {"expected": code[-1], "value": code[:-1] + other})
        ]


@given(st.text(alphabet="0123456789", min_size=8, max_size=8), BODY,
       st.integers(min_value=0, max_value=16), st.sampled_from(USCC_ALPHABET))
def test_single_substitution_is_caught(head: str, body: str, position: int, char: str) -> None:
    code = make_credit_code(head + body)
    changed = code[:position] + char + code[position + 1:]
    if changed != code and changed[2:8].isdigit():
        assert not is_valid_credit_code(changed)


# --- licences


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("JY14302110000011", "JY14302110000011"),
        ("jy 2430 2110 0000 12", "JY24302110000012"),
        ("SC10643021100013", "SC10643021100013"),
        ("SC20143021100021", "SC20143021100021"),
        ("YB14302110000031", "YB14302110000031"),
    ],
)
def test_licence_valid(value: str, normalised: str) -> None:
    assert check_licence(value) == normalised


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("JY1430211000001", "licence.format"),  # 13 digits
        ("JY143021100000111", "licence.format"),  # 15 digits
        ("JX14302110000011", "licence.format"),
        ("JY1430211000001A", "licence.format"),
        ("14302110000011", "licence.format"),
        ("SC30643021100013", "licence.sc_category"),
        ("SC00643021100013", "licence.sc_category"),
    ],
)
def test_licence_invalid(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_licence(value)
    assert issues_of(info) == [(code, "licence_no", {"value": value})]


def test_licence_blank() -> None:
    with pytest.raises(ValidationError) as info:
        check_licence("")
    assert issues_of(info) == [("value.required", "licence_no", {})]


# --- division codes


@pytest.mark.parametrize(
    ("code", "level", "parent"),
    [
        ("430000", "province", None),
        ("430200", "city", "430000"),
        ("430204", "county", "430200"),
        ("430204001", "township", "430204"),
        ("430204101", "township", "430204"),
        ("430204399", "township", "430204"),
        ("430204001001", "village", "430204001"),
        ("110101", "county", "110100"),
    ],
)
def test_division_levels(code: str, level: str, parent: str | None) -> None:
    assert check_division_code(code) == code
    assert division_level(code) == level
    assert parent_division_code(code) == parent


def test_division_chain_up_to_province() -> None:
    chain = ["430204001001"]
    while (parent := parent_division_code(chain[-1])) is not None:
        chain.append(parent)
    assert chain == ["430204001001", "430204001", "430204", "430200", "430000"]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("43020", "division.format"),
        ("4302040", "division.format"),
        ("4302040010", "division.format"),
        ("43020400100100", "division.format"),
        ("43020A", "division.format"),
        ("430204000", "division.township_range"),
        ("430204600", "division.township_range"),
        ("430204999001", "division.township_range"),
    ],
)
def test_division_invalid(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_division_code(value)
    assert issues_of(info) == [(code, "region_code", {"value": value})]
    with pytest.raises(ValidationError):
        division_level(value)


def test_division_normalises() -> None:
    assert check_division_code(" 430204 ") == "430204"
    assert check_division_code("４３０２０４") == "430204"


# --- mobile numbers


@pytest.mark.parametrize(
    "value",
    ["13800138000", " 138 0013 8000 ", "138-0013-8000", "+86 138 0013 8000", "+8613800138000",
     "008613800138000", "8613800138000", "１３８００１３８０００"],
)
def test_mobile_valid(value: str) -> None:
    assert check_mobile(value) == "13800138000"


@pytest.mark.parametrize("value", ["1380013800", "138001380000", "23800138000", "0731-22334455", "abc",
                                   "+85213800138000"])
def test_mobile_invalid(value: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_mobile(value)
    assert issues_of(info) == [("phone.format", "phone", {"value": value})]
    assert "手机号" in info.value.message("zh_CN")


def test_mobile_blank() -> None:
    with pytest.raises(ValidationError) as info:
        check_mobile(" - ")
    assert issues_of(info) == [("value.required", "phone", {})]
