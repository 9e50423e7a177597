"""Fuzzing the workbook import: edited workbooks (.xlsx, .xls, CSV folders) and damaged files.

Whatever the file, the import either succeeds or is refused with an MsfoodError whose every message
code is in the catalogue (any other exception is a bug); a refused import, or a dry run, leaves every
table exactly as it was; a successful one imported again changes nothing; and after each,
`PRAGMA integrity_check`, the foreign keys and the audit chain are clean. A few of the same inputs go
through `msfood import` in a subprocess: exit 0, 1 or 2, never a traceback or an "unexpected error".

Each test runs a bounded number of examples (under about a minute on two cores). For more, set
MSFOOD_FUZZ_EXAMPLES, e.g. `MSFOOD_FUZZ_EXAMPLES=2000 python -m pytest tests/fuzz -q`: every fuzz
test then runs that many examples. Failures print a reproduction blob (@reproduce_failure); fixed
ones are kept below as @example regressions.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from msfood.core.clock import CHINA, FixedClock
from msfood.core.errors import MsfoodError
from msfood.core.progress import drain
from msfood.db.engine import open_database
from msfood.services.writing.permissions import Actor
from msfood.workbook.importer import import_workbook
from msfood.workbook.result import ImportResult, WorkbookRefused
from tests.consistency import check_integrity, db_digest
from tests.fuzz.support import (
    CANCELLED,
    check_cli,
    check_refusal,
    drive,
    fuzz_settings,
    note,
    run_cli,
    scratch,
    stops,
    tables_except_users,
)
from tests.fuzz.workbook_strategies import (
    Book,
    base_book,
    books,
    byte_edits,
    damage,
    member_contents,
    replace_member,
    write_csv,
    write_xls_book,
    write_xlsx,
)

ADMIN = Actor("admin", "admin")
CLOCK = FixedClock(dt.datetime(2026, 11, 24, 10, 0, tzinfo=CHINA).astimezone(dt.UTC))
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "latin-1", "cp1252", "big5"]
CSV_NAMES = ["区划", "包保主体", "包保干部", "督导记录", "自查记录", "抽检", "x", "包保主体2", "区"]


@cache
def digest_of(template: Path) -> str:
    return db_digest(template)


@cache
def base_bytes(kind: str) -> bytes:
    with scratch() as folder:
        if kind == "xlsx":
            return write_xlsx(folder / "base.xlsx", base_book()).read_bytes()
        return write_xls_book(folder / "base.xls", base_book()).read_bytes()


def import_once(
    template: Path, source: Path, folder: Path, *, dry_run: bool = False, stop_after: int | None = None
) -> Any:
    """Import `source` into a copy of the station (cancelled after `stop_after` progress steps, if
    given); check the outcome and the database; return the outcome."""
    path = folder / "station.sqlite"
    shutil.copyfile(template, path)
    database = open_database(path)
    try:
        try:
            outcome: Any = drive(
                import_workbook(database, source, actor=ADMIN, clock=CLOCK, dry_run=dry_run), stop_after
            )
        except MsfoodError as refused:
            outcome = refused
        note(outcome.code if isinstance(outcome, MsfoodError) else str(outcome)[:9])  # ImportRe..., cancelled
        if isinstance(outcome, ImportResult):
            assert outcome.ok
            json.dumps(outcome.as_json("en"), ensure_ascii=False)  # what `--json` prints
            for warning in outcome.warnings:
                assert warning.sentence("en") and warning.sentence("zh_CN")
            if not dry_run:
                again = drain(import_workbook(database, source, actor=ADMIN, clock=CLOCK))
                assert (again.new, again.updated) == (0, 0), again.as_json("en")
    finally:
        database.close()
    if isinstance(outcome, MsfoodError):
        check_refusal(outcome)
    if dry_run or outcome == CANCELLED or isinstance(outcome, MsfoodError):
        assert db_digest(path) == digest_of(template), "refused, cancelled or a dry run, yet it changed"
    check_integrity(path)
    return outcome


def write_book(book: Book, form: str, folder: Path) -> Path:
    if form == "xlsx":
        return write_xlsx(folder / "book.xlsx", book)
    if form == "xls":
        return write_xls_book(folder / "book.xls", book)
    return write_csv(folder / "csv", book, form)


@fuzz_settings(100)
@given(
    book=books(),
    form=st.sampled_from(["xlsx", "xlsx", "xlsx", "xls", *ENCODINGS]),
    dry_run=st.booleans(),
    stop_after=stops,
)
def test_an_edited_workbook_is_imported_or_refused_whole(
    template_db: Path, book: Book, form: str, dry_run: bool, stop_after: int | None
) -> None:
    with scratch() as folder:
        source = write_book(book, form, folder)
        import_once(template_db, source, folder, dry_run=dry_run, stop_after=stop_after)


@fuzz_settings(200)
@given(
    kind=st.sampled_from(["xlsx", "xls"]),
    edits=byte_edits,
    name=st.sampled_from(["b.xlsx", "b.xls", "b"]),
)
# an .xls whose first sheet is damaged: xlrd failed while sizing it up, before any row was read
@example(kind="xls", edits=[("flip", 3148, 1)], name="b.xlsx")
def test_a_damaged_workbook_file_is_refused_or_read(
    template_db: Path, kind: str, edits: list[Any], name: str
) -> None:
    with scratch() as folder:
        source = folder / name
        source.write_bytes(damage(base_bytes(kind), edits))
        import_once(template_db, source, folder)


@fuzz_settings(150)
@given(index=st.integers(0, 100), content=member_contents)
def test_an_xlsx_with_a_member_replaced_is_refused_or_read(
    template_db: Path, index: int, content: bytes
) -> None:
    with scratch() as folder:
        source = folder / "book.xlsx"
        source.write_bytes(replace_member(base_bytes("xlsx"), index, content))
        import_once(template_db, source, folder)


def without_stylesheet(folder: Path) -> Path:
    """The valid workbook with its stylesheet replaced by another part: openpyxl warns, then reads it."""
    data = base_bytes("xlsx")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    source = folder / "book.xlsx"
    source.write_bytes(replace_member(data, names.index("xl/styles.xml"), b"<worksheet/>"))
    return source


def test_an_xlsx_without_a_stylesheet_is_read(template_db: Path) -> None:
    """A regression: openpyxl's warning reached the user, or refused the file where warnings are errors.
    (Without its styles a date cell is a bare number, so the rows are read and the dates refused.)"""
    with scratch() as folder:
        outcome = import_once(template_db, without_stylesheet(folder), folder)
        assert isinstance(outcome, WorkbookRefused), outcome
        assert "value.not_date" in {e.code for e in outcome.result.errors}
        db = folder / "again.sqlite"
        shutil.copyfile(template_db, db)
        done = run_cli(folder / "home", "import", "--db", str(db), str(without_stylesheet(folder)))
        check_cli(done, (1,))


not_workbooks = st.one_of(
    st.binary(max_size=512),
    st.binary(max_size=512).map(lambda b: b"PK\x03\x04" + b),
    st.binary(max_size=512).map(lambda b: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b),
    st.text(max_size=200).map(lambda s: s.encode("utf-8")),
    st.just(b"PK\x05\x06" + bytes(18)),  # an empty zip
)


@fuzz_settings(200)
@given(
    content=not_workbooks,
    name=st.sampled_from(["fake.xlsx", "fake.xls", "fake.csv", "fake.XLSX", "fake"]),
)
def test_a_file_that_is_no_workbook_is_refused(template_db: Path, content: bytes, name: str) -> None:
    with scratch() as folder:
        source = folder / name
        source.write_bytes(content)
        import_once(template_db, source, folder)


csv_rows = st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=6)


@fuzz_settings(150)
@given(
    files=st.dictionaries(
        st.sampled_from(CSV_NAMES),
        st.one_of(st.binary(max_size=300), st.tuples(csv_rows, st.sampled_from(ENCODINGS))),
        min_size=1,
        max_size=4,
    ),
    keep=st.booleans(),
)
def test_a_csv_folder_of_any_bytes_is_refused_or_read(
    template_db: Path, files: dict[str, Any], keep: bool
) -> None:
    with scratch() as folder:
        source = folder / "csv"
        if keep:  # the valid sheets, some of them overwritten
            write_csv(source, base_book(), "utf-8")
        source.mkdir(exist_ok=True)
        for name, content in files.items():
            if isinstance(content, tuple):
                rows, encoding = content
                text = "\n".join(",".join(row) for row in rows)
                content = text.encode(encoding, errors="replace")
            (source / f"{name}.csv").write_bytes(content)
        import_once(template_db, source, folder)


# --- through the command line -------------------------------------------------------------------


@pytest.mark.slow
@fuzz_settings(6)
@given(
    book=books(),
    form=st.sampled_from(["xlsx", "xls", "utf-8", "gb18030"]),
    edits=st.one_of(st.none(), byte_edits),
)
def test_msfood_import_exits_0_1_or_2_and_never_shows_a_traceback(
    template_db: Path, book: Book, form: str, edits: list[Any] | None
) -> None:
    with scratch() as folder:
        source = write_book(book, form, folder)
        if edits is not None and source.is_file():
            source.write_bytes(damage(source.read_bytes(), edits))
        db = folder / "station.sqlite"
        shutil.copyfile(template_db, db)
        done = run_cli(folder / "home", "import", "--db", str(db), str(source))
        check_cli(done, (0, 1, 2))
        note(f"exit {done.returncode}")
        if done.returncode:
            assert tables_except_users(db) == tables_except_users(template_db)
        check_integrity(db)
