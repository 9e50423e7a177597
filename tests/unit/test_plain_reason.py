"""A library's exception becomes a short reason in our words (msfood.core.plain_reason)."""

from __future__ import annotations

import sqlite3
import zipfile
from xml.etree.ElementTree import ParseError

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from msfood.core.plain_reason import plain_reason
from msfood.i18n import set_language

LEAKS = ("sqlalche.me", "sqlite3", "UNIQUE", "constraint", "zip file", "Content_Types", "[SQL")


def _integrity_error() -> IntegrityError:
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)"))
        conn.execute(text("INSERT INTO t (name) VALUES ('a')"))
        with pytest.raises(IntegrityError) as caught:
            conn.execute(text("INSERT INTO t (name) VALUES ('a')"))
    return caught.value


@pytest.mark.parametrize(
    ("make", "zh", "en"),
    [
        (lambda: zipfile.BadZipFile("File is not a zip file"), "已损坏或不完整", "damaged or incomplete"),
        (lambda: KeyError("There is no item named '[Content_Types].xml' in the archive"), "不是这种格式",
         "not of this format"),
        (lambda: ParseError("not well-formed (invalid token): line 1, column 0"), "不是这种格式", "not of this"),
        (_integrity_error, "重复", "repeats a record"),
        (lambda: sqlite3.DatabaseError("database disk image is malformed"), "无法读取", "cannot be read"),
        (lambda: OverflowError("Python int too large to convert to SQLite INTEGER"), "超出范围", "out of range"),
        (lambda: UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "编码", "encoding"),
    ],
)
def test_reasons_are_our_own_words(make, zh: str, en: str) -> None:  # type: ignore[no-untyped-def]
    exc = make()
    try:
        set_language("zh_CN")
        chinese = plain_reason(exc)
        set_language("en")
        english = plain_reason(exc)
    finally:
        set_language("zh_CN")
    assert zh in chinese and en in english
    for leak in LEAKS:
        assert leak not in chinese and leak not in english
