"""Turning one cell or form value into a typed value: text, date, number, yes/no, enumeration.

Spreadsheets give strings ("2026-05-20", "是", "3"), Excel dates (datetime/date) and numbers as floats
(3.0, 13700000001.0); forms give typed Python values. Every parser accepts both and raises
`BadValue(code, params)` naming why a value is refused; the caller attaches the field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from msfood.core.errors import Issue, ValidationError
from msfood.domain.enums import YES_NO, Enum

if TYPE_CHECKING:
    from msfood.services.records.shapes import FieldSpec


class BadValue(Exception):
    """A value refused: a message code and its parameters (the field is added by the caller)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if type(value) is str:
        return not value.strip()
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


# Characters no one types and no file can carry (XML 1.0 refuses them): C0 controls but tab and line
# breaks, DEL, lone surrogates, U+FFFE/U+FFFF. Refused at entry (forms, workbooks; sync uses the same).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def check_characters(text: str) -> str:
    """`text` unchanged, or BadValue naming the first control character (as U+0007) and where it is."""
    found = CONTROL_CHARACTERS.search(text)
    if found is not None:
        raise BadValue("excel_path.control_character", char=f"U+{ord(found.group()):04X}", at=found.start() + 1)
    return text


def character_issue(text: str, field: str, params: dict[str, Any] | None = None) -> Issue | None:
    """An Issue for a control character in `text` (None when there is none), for code that collects."""
    try:
        check_characters(text)
    except BadValue as bad:
        return Issue(bad.code, field, {**(params or {}), **bad.params})
    return None


def shown(value: Any) -> str:
    """A value as it appears in a message."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_text(value: Any, max_len: int | None = None) -> str:
    """Text, trimmed. A number from a spreadsheet cell reads as its digits (12.0 -> "12")."""
    if type(value) is str:  # the usual case first
        text = value.strip()
    elif isinstance(value, bool):
        text = "是" if value else "否"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value).strip()
    if max_len is not None and len(text) > max_len:
        raise BadValue("value.too_long", max=max_len)
    if CONTROL_CHARACTERS.search(text):  # a spreadsheet cannot hold them, a bundle refuses them
        check_characters(text)
    return text


# Characters no form takes (msfood.sync.column_rules.CONTROL refuses them in bundles): C0 controls but tab,
# line feed and carriage return.
FIRST_YEAR, LAST_YEAR = 1900, 2100  # dates a record may describe (msfood.sync.column_rules.FIRST_DAY...)

_SPREADSHEET_NUMBER = re.compile(r"\d+\.0+")


def digits_text(value: Any) -> str:
    """An identifier typed as a number by a spreadsheet (13700000001.0) back to its characters."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    text = str(value).strip()
    if "." in text and _SPREADSHEET_NUMBER.fullmatch(text):  # a number written out: "13700000001.0"
        text = text.split(".")[0]
    return text


_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")


def parse_date(value: Any) -> dt.date:
    """A date from 1900 to 2100 (a bundle takes no other): an Excel date or datetime, or text
    YYYY-MM-DD (also YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, 2026年5月20日; a time of day is ignored)."""
    day = _parse_date(value)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise BadValue("authority.date_range", value=day.isoformat())
    return day


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = shown(value)
    if not text.isascii():  # full-width digits and marks, as some input methods type them: ２０２６－１１－２４
        text = unicodedata.normalize("NFKC", text)
    head = text.split()[0] if text.split() else text
    head = head.split("T")[0] if "T" in head and _DATE.fullmatch(head.split("T")[0]) else head
    match = _DATE.fullmatch(head) or _COMPACT_DATE.fullmatch(head)
    if match is None:
        raise BadValue("value.not_date", value=text)
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise BadValue("value.not_date", value=text) from None


def parse_int(value: Any, *, minimum: int | None = 0) -> int:
    """A whole number: an int, a float with no fraction (3.0), or text ("3", "3.0")."""
    if isinstance(value, bool):
        raise BadValue("value.not_int", value=shown(value))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise BadValue("value.not_int", value=shown(value))
        number = int(value)
    else:
        text = str(value).strip().replace(",", "")
        try:
            as_float = float(text)
        except ValueError:
            raise BadValue("value.not_int", value=text) from None
        if not as_float.is_integer():
            raise BadValue("value.not_int", value=text)
        number = int(as_float)
    if minimum is not None and number < minimum:
        raise BadValue("value.negative" if minimum == 0 else "record.too_small", value=number, min=minimum)
    return number


def parse_float(value: Any) -> float:
    if isinstance(value, bool):
        raise BadValue("record.not_number", value=shown(value))
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace(",", "")
        try:
            number = float(text)
        except ValueError:
            raise BadValue("record.not_number", value=text) from None
    if math.isnan(number) or math.isinf(number):
        raise BadValue("record.not_number", value=shown(value))
    if number < 0:
        raise BadValue("value.negative", value=shown(value))
    return number


_TRUE = {"是", "yes", "y", "true", "t", "1", "√", "✓", "有"}
_FALSE = {"否", "no", "n", "false", "f", "0", "×", "无"}


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE or YES_NO.parse(text) == "yes":
        return True
    if text in _FALSE or YES_NO.parse(text) == "no":
        return False
    raise BadValue("value.not_yes_no", value=shown(value))


def parse_enum(value: Any, enum: Enum) -> str:
    """The stable code for a Chinese label, English label or code."""
    text = shown(value)
    code = enum.parse(text)
    if code is None:
        raise BadValue("value.not_choice", value=text, choices="、".join(enum.labels()))
    return code


def initials(name: str) -> str:
    """First letters of a name's pinyin, lower-case, for quick search: 海底捞 -> "hdl".

    Letters and digits in the name are kept as they are (lower-cased); other characters are dropped.
    pypinyin reads a name word by word (its own segmentation) and a word's reading does not depend on
    its neighbours, so each word's initials are cached: names are built from few words, and reading a
    whole name costs ~60x more (it dominated a 50,000-business import).
    """
    return "".join(_word_initials(word) for word in _segments(name or ""))


def _segments(text: str) -> list[str]:
    try:
        from pypinyin.seg.simpleseg import seg
    except ImportError:  # another pypinyin layout: the whole name as one word, slower but exact
        return [text]
    return list(seg(text))


@lru_cache(maxsize=100_000)
def _word_initials(word: str) -> str:
    from pypinyin import Style, lazy_pinyin  # ~0.6 s to load its dictionaries: only when a name is written

    parts = lazy_pinyin(word, style=Style.FIRST_LETTER, errors="default")
    return "".join(ch for ch in "".join(parts).lower() if ch.isalnum())


# --- one field of a record kind (records.RECORD_FIELDS) ----------------------------------------


def parse_value(spec: FieldSpec, value: Any) -> tuple[Any, list[Issue]]:
    """One non-blank value of a field, typed. Raises ValidationError naming the field."""
    try:
        if type(value) is str and CONTROL_CHARACTERS.search(value):
            check_characters(value)
        return _PARSERS.get(spec.type, _parse_checked)(spec, value)
    except BadValue as bad:
        raise ValidationError(Issue(bad.code, spec.name, bad.params)) from None
    except ValidationError as error:
        raise ValidationError([_renamed(i, spec.name) for i in error.issues]) from None


def _renamed(issue: Issue, name: str) -> Issue:
    return Issue(issue.code, name, issue.params, issue.sheet, issue.row)


@lru_cache(maxsize=8192)
def _checked(kind: str, text: str) -> tuple[Any, tuple[Issue, ...]]:
    """An identifier checked once per import, however many rows repeat it (errors are not cached)."""
    from msfood.domain import calendar, identifiers

    if kind == "credit_code":
        code, warnings = identifiers.check_credit_code(text)
        return code, tuple(warnings)
    if kind == "division":
        return identifiers.check_division_code(text), ()
    if kind == "mobile":
        return identifiers.check_mobile(text), ()
    if kind == "rest_days":
        return calendar.parse_rest_days(text), ()
    raise ValueError(f"unknown field type {kind!r}")


_NO_WARNINGS: list[Issue] = []  # shared, never appended to: the caller extends its own list


def _parse_licence(spec: FieldSpec, value: Any) -> tuple[Any, list[Issue]]:
    text = "".join(digits_text(value).split()).upper()
    if spec.max_len is not None and len(text) > spec.max_len:
        raise BadValue("value.too_long", max=spec.max_len)
    return text, _NO_WARNINGS


_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE]\+?\d+")


def _rounded_by_excel(value: Any) -> bool:
    """A credit code Excel took for a number: a number cell, or its text shown as 9.14302E+17."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and _SCIENTIFIC.fullmatch(value.strip()) is not None


def _parse_checked(spec: FieldSpec, value: Any) -> tuple[Any, list[Issue]]:
    kind = spec.type
    if kind == "credit_code":
        text = "".join(digits_text(value).split()).upper()
        if _rounded_by_excel(value):
            try:
                _checked(kind, text)
            except ValidationError:  # never advise a check character: the lost digits are not known
                raise BadValue("excel_path.credit_code_rounded", value=shown(value)) from None
    elif kind == "mobile":
        text = "".join(digits_text(value).split()).replace("-", "")
    elif kind == "division":
        text = digits_text(value)
    else:
        text = shown(value)
    normalised, warnings = _checked(kind, text)
    if not warnings:
        return normalised, _NO_WARNINGS
    return normalised, [_renamed(w, spec.name) for w in warnings]


def _parse_enum(spec: FieldSpec, value: Any) -> tuple[Any, list[Issue]]:
    assert spec.enum is not None
    return parse_enum(value, spec.enum), _NO_WARNINGS


# one parser per field type (a dict lookup, not a chain of comparisons: it runs for every cell)
_PARSERS: dict[str, Any] = {
    "text": lambda spec, value: (parse_text(value, spec.max_len), _NO_WARNINGS),
    "date": lambda spec, value: (parse_date(value), _NO_WARNINGS),
    "int": lambda spec, value: (parse_int(value, minimum=0), _NO_WARNINGS),
    "float": lambda spec, value: (parse_float(value), _NO_WARNINGS),
    "bool": lambda spec, value: (parse_bool(value), _NO_WARNINGS),
    "enum": _parse_enum,
    "licence": _parse_licence,
}
