"""Identifiers: credit codes, food licences, division codes and mobile numbers (DOMAIN.md section 4).

Each `check_*` normalises a value (full-width characters folded, spaces removed, upper-cased) and
returns it, or raises ValidationError naming the field and the reason. A blank value raises
`value.required`: callers that allow a blank check for it first.
"""

from __future__ import annotations

import re
import unicodedata

from stdnum.cn import uscc

from msfood.core.errors import Issue, ValidationError

# GB 32100-2015: 31 symbols, digits and capitals without I, O, Z, S, V
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714-1997
_LICENCE = re.compile(r"(JY|SC|YB)(\d{14})")
_MOBILE = re.compile(r"1\d{10}")


def _normalise(value: str) -> str:
    """Full-width folded (NFKC), every space removed, upper-cased."""
    text = unicodedata.normalize("NFKC", value if isinstance(value, str) else str(value or ""))
    return "".join(text.split()).upper()


def _required(value: str, field: str) -> None:
    if not value:
        raise ValidationError(Issue("value.required", field))


# --- 统一社会信用代码


def _org_check_char(body8: str) -> str | None:
    """The GB 11714 check character of an 8-character organisation code body (None if unreadable)."""
    total = 0
    for ch, weight in zip(body8, _ORG_WEIGHTS, strict=True):
        if ch.isdigit():
            number = int(ch)
        elif "A" <= ch <= "Z":
            number = ord(ch) - ord("A") + 10
        else:
            return None
        total += number * weight
    remainder = 11 - total % 11
    return {10: "X", 11: "0"}.get(remainder, str(remainder))


def check_credit_code(value: str) -> tuple[str, list[Issue]]:
    """The normalised credit code and its warnings; ValidationError (field credit_code) when invalid.

    Errors: uscc.length, uscc.chars (names the first bad character), uscc.region (a letter in the
    registering region, characters 3-8), uscc.checksum (the 18th character; params expected, value).
    Warning: uscc.org_checksum, when the inner organisation code (characters 9-17) fails its GB 11714
    check, which real codes sometimes do.
    """
    code = _normalise(value)
    _required(code, "credit_code")
    issues: list[Issue] = []
    bad = next((ch for ch in code if ch not in USCC_ALPHABET), None)
    if bad is not None:
        issues.append(Issue("uscc.chars", "credit_code", {"char": bad, "value": code}))
    if len(code) != 18:
        issues.append(Issue("uscc.length", "credit_code", {"length": len(code), "value": code}))
    if issues:
        raise ValidationError(issues)
    if not code[2:8].isdigit():
        raise ValidationError(Issue("uscc.region", "credit_code", {"value": code}))
    # stdnum's own validate() also wants characters 1-2 to be digits, but GB 32100 lets the registering
    # authority be a letter (A, N, Y): use its check-character arithmetic, not its format rule
    expected = uscc.calc_check_digit(code[:17])
    if code[17] != expected:
        raise ValidationError(
            Issue("uscc.checksum", "credit_code", {"expected": expected, "value": code})
        )
    warnings: list[Issue] = []
    if _org_check_char(code[8:16]) != code[16]:
        warnings.append(Issue("uscc.org_checksum", "credit_code", {"value": code}))
    return code, warnings


def is_valid_credit_code(value: str) -> bool:
    """True when check_credit_code accepts it (warnings allowed)."""
    try:
        check_credit_code(value)
    except ValidationError:
        return False
    return True


def make_credit_code(body17: str) -> str:
    """body17 plus its check character (for demo data and tests)."""
    body = _normalise(body17)
    if len(body) != 17 or any(ch not in USCC_ALPHABET for ch in body):
        raise ValueError(f"a credit code body has 17 characters from {USCC_ALPHABET}: {body17!r}")
    return body + uscc.calc_check_digit(body)


def org_code_check_char(body8: str) -> str:
    """The GB 11714 check character for an organisation code body (for demo data with a clean inner code)."""
    body = _normalise(body8)
    char = _org_check_char(body) if len(body) == 8 else None
    if char is None:
        raise ValueError(f"an organisation code body has 8 digits or capital letters: {body8!r}")
    return char


# --- 许可证 / 备案


def check_licence(value: str) -> str:
    """A food licence or filing number: JY, SC or YB + 14 digits (structure only; field licence_no)."""
    code = _normalise(value)
    _required(code, "licence_no")
    match = _LICENCE.fullmatch(code)
    if match is None:
        raise ValidationError(Issue("licence.format", "licence_no", {"value": code}))
    if match.group(1) == "SC" and match.group(2)[0] not in "12":
        raise ValidationError(Issue("licence.sc_category", "licence_no", {"value": code}))
    return code


# --- 区划代码


def check_division_code(value: str) -> str:
    """A division code of 6, 9 or 12 digits; a township's digits 7-9 within 001-599 (field region_code)."""
    code = _normalise(value)
    _required(code, "region_code")
    if not code.isascii() or not code.isdigit() or len(code) not in (6, 9, 12):
        raise ValidationError(Issue("division.format", "region_code", {"value": code}))
    if len(code) >= 9 and not 1 <= int(code[6:9]) <= 599:
        raise ValidationError(Issue("division.township_range", "region_code", {"value": code}))
    return code


def division_level(code: str) -> str:
    """ "province" (XX0000), "city" (XXYY00), "county" (other 6 digits), "township" (9), "village" (12)."""
    return level_of_checked(check_division_code(code))


def parent_division_code(code: str) -> str | None:
    """The code of the division one level up, or None for a province."""
    return parent_of_checked(check_division_code(code))


def level_of_checked(code: str) -> str:
    """division_level for a code already checked (the official data set's, read a row at a time)."""
    if len(code) == 12:
        return "village"
    if len(code) == 9:
        return "township"
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "city"
    return "county"


def parent_of_checked(code: str) -> str | None:
    """parent_division_code for a code already checked."""
    if len(code) == 12:
        return code[:9]
    if len(code) == 9:
        return code[:6]
    if code[2:] == "0000":
        return None
    if code[4:] == "00":
        return code[:2] + "0000"
    return code[:4] + "00"


# --- 手机号


def check_mobile(value: str) -> str:
    """An 11-digit mobile number starting with 1; spaces, dashes and +86 / 0086 removed (field phone)."""
    text = _normalise(value)
    text = re.sub(r"[-()（）.]", "", text)
    _required(text, "phone")
    for prefix in ("+86", "0086"):
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    else:
        if len(text) == 13 and text.startswith("861"):
            text = text[2:]
    if not text.isascii() or _MOBILE.fullmatch(text) is None:
        raise ValidationError(Issue("phone.format", "phone", {"value": value.strip()}))
    return text
