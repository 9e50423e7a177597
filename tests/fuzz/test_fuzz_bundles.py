"""Fuzzing the bundle import: a real bundle between two stations, damaged and edited.

Station A (the worked example's records, imported from the workbook) and station B trust each other;
A exports a bundle to B. Each example damages it (bytes flipped, cut or inserted, in the sealed file or
the plain zip) or edits it (rows, members, manifest; see bundle_strategies), usually signing it again
with A's key (a buggy or hostile trusted peer), and B imports it. The import either takes the bundle
or refuses it with a message whose codes are all in the catalogue (any exception but an MsfoodError
is a bug); a refused bundle leaves every table of B exactly as it was; after each,
`PRAGMA integrity_check`, the foreign keys and the audit chain are clean. A few go through
`msfood bundle import` in a subprocess: exit 0 or 1, never a traceback or an "unexpected error".

Each test runs a bounded number of examples (under about a minute on two cores). For more, set
MSFOOD_FUZZ_EXAMPLES, e.g. `MSFOOD_FUZZ_EXAMPLES=2000 python -m pytest tests/fuzz -q`: every fuzz
test then runs that many examples. Failures print a reproduction blob (@reproduce_failure); fixed
ones are kept below as @example regressions.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from msfood.core.clock import CHINA, FixedClock
from msfood.core.errors import MsfoodError
from msfood.core.progress import drain
from msfood.db.engine import open_database
from msfood.i18n import has
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import read_meta
from tests.conftest import make_station
from tests.consistency import check_integrity, db_digest
from tests.fuzz.bundle_strategies import Bundle, edits, typed_cells
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
from tests.fuzz.workbook_strategies import base_book, byte_edits, damage, write_xlsx

ADMIN = Actor("admin", "admin")
CLOCK = FixedClock(dt.datetime(2026, 11, 24, 10, 0, tzinfo=CHINA).astimezone(dt.UTC))
A, B = "430204-01", "430204-02"


@dataclass(frozen=True)
class Pair:
    sender: Path  # station A's database
    receiver: Path  # station B's, before any bundle
    digest: str  # of the receiver
    sealed: bytes  # the bundle as exported (sealed to B)
    plain: bytes  # the zip inside it
    sign_key: str  # A's private signing key
    seal_key: str  # B's public encryption key


def _meta(path: Path) -> dict[str, str]:
    database = open_database(path)
    try:
        with database.sessions() as session:
            return read_meta(session)
    finally:
        database.close()


def _trust(source: Path, target: Path, folder: Path) -> None:
    from msfood.sync.peers import read_enrolment, trust_peer, write_enrolment

    enrolment = folder / f"{source.stem}.json"
    database = open_database(source)
    try:
        with database.sessions() as session:
            write_enrolment(session, actor=ADMIN, out=enrolment, clock_now=CLOCK.now())
    finally:
        database.close()
    database = open_database(target)
    try:
        with unit_of_work(database.sessions, actor=ADMIN, clock=CLOCK) as uow:
            trust_peer(uow, enrolment=read_enrolment(enrolment))
    finally:
        database.close()


@pytest.fixture(scope="session")
def pair(fuzz_home: Path) -> Iterator[Pair]:
    with make_pair() as made:
        yield made


@contextmanager
def make_pair() -> Iterator[Pair]:
    """Stations A and B trusting each other, and A's bundle to B (files removed afterwards)."""
    from msfood.sync.export import export_bundle
    from msfood.sync.peers import own_identity
    from msfood.workbook.importer import import_workbook

    with scratch("msfood-fuzz-pair-") as folder:
        sender, receiver = folder / "a.sqlite", folder / "b.sqlite"
        make_station(sender, clock=CLOCK, code=A)
        make_station(receiver, clock=CLOCK, code=B)
        book = write_xlsx(folder / "example.xlsx", base_book())
        database = open_database(sender)
        try:
            assert drain(import_workbook(database, book, actor=ADMIN, clock=CLOCK)).new
        finally:
            database.close()
        _trust(sender, receiver, folder)
        _trust(receiver, sender, folder)
        database = open_database(sender)
        try:
            exported = drain(export_bundle(database, actor=ADMIN, out=folder / "out", clock=CLOCK, to=B))
        finally:
            database.close()
        assert exported.sealed and exported.rows
        database = open_database(receiver)
        try:
            with database.sessions() as session:
                seal_key = own_identity(session).enc_public_key
        finally:
            database.close()
        yield Pair(
            sender=sender,
            receiver=receiver,
            digest=db_digest(receiver),
            sealed=exported.path.read_bytes(),
            plain=_unseal(exported.path, _meta(receiver)["enc_private_key"]),
            sign_key=_meta(sender)["sign_private_key"],
            seal_key=seal_key,
        )


def _unseal(path: Path, private_key: str) -> bytes:
    import io

    from msfood.sync.bundle_format import MAX_TOTAL
    from msfood.sync.crypto import open_sealed

    out = io.BytesIO()
    open_sealed(path, out, enc_private_b64=private_key, max_bytes=MAX_TOTAL)
    return out.getvalue()


def _seal(plain: bytes, folder: Path, seal_key: str) -> bytes:
    from msfood.sync.crypto import seal_file

    source, target = folder / "plain.zip", folder / "sealed.msfb"
    source.write_bytes(plain)
    with open(target, "wb") as handle:
        seal_file(source, handle, receiver_code=B, receiver_public_b64=seal_key)
    return target.read_bytes()


def import_once(pair: Pair, content: bytes, folder: Path, stop_after: int | None = None) -> str:
    """Import `content` as a bundle into a copy of B (cancelled after `stop_after` progress steps, if
    given); check the outcome and B; return the status."""
    (status,) = import_all(pair, [content], folder, stop_after)
    return status


def import_all(pair: Pair, contents: list[bytes], folder: Path, stop_after: int | None = None) -> list[str]:
    """import_once for several bundles in one `bundle import`: the status of each."""
    from msfood.sync.importer import import_bundles

    path = folder / "b.sqlite"
    shutil.copyfile(pair.receiver, path)
    files = []
    for n, content in enumerate(contents):
        files.append(folder / f"bundle-{n}.msfb")
        files[-1].write_bytes(content)
    database = open_database(path)
    try:
        task = import_bundles(database, actor=ADMIN, paths=files, clock=CLOCK, backup=False)
        report = drive(task, stop_after)
    except MsfoodError as error:  # before any bundle is looked at (none expected here)
        check_refusal(error)
        report = error
    finally:
        database.close()
    statuses = _statuses(report, len(contents))
    # (cancelled after the first of several bundles, the ones before it were taken: each its own import)
    if "imported" not in statuses and (len(contents) == 1 or CANCELLED not in statuses):
        assert db_digest(path) == pair.digest, "refused or cancelled bundles changed the database"
    check_integrity(path, others_may_break=True)
    return statuses


def _statuses(report: Any, count: int) -> list[str]:
    """The status of each bundle of an import's report; each refusal checked as the user will see it."""
    if isinstance(report, MsfoodError):
        note(f"error {report.code}")
        return ["error"] * count
    if report == CANCELLED:
        note(CANCELLED)
        return [CANCELLED] * count
    assert len(report.bundles) == count
    for outcome in report.bundles:
        note(f"{outcome.status} {outcome.code or ''}")
        if outcome.status == "refused":
            assert outcome.code and has(outcome.code), f"no message for the code {outcome.code}"
            assert outcome.message and "Traceback" not in outcome.message
            assert report.exit_code == 1
        else:
            assert outcome.status in ("imported", "already"), outcome
    return [outcome.status for outcome in report.bundles]


def test_the_bundle_signed_again_unchanged_imports(pair: Pair) -> None:
    """The control: re-writing and re-signing alone changes nothing (each refusal below is the edit's)."""
    with scratch() as folder:
        again = Bundle.of_zip(pair.plain)
        again.rehash()
        plain = again.write(sign_with=pair.sign_key)
        assert import_once(pair, plain, folder) == "imported"
        assert import_once(pair, _seal(plain, folder, pair.seal_key), folder) == "imported"
        assert import_once(pair, pair.sealed, folder) == "imported"


@fuzz_settings(250)
@given(sealed=st.booleans(), damage_edits=byte_edits)
def test_a_damaged_bundle_file_is_refused_or_taken_whole(
    pair: Pair, sealed: bool, damage_edits: list[Any]
) -> None:
    with scratch() as folder:
        content = damage(pair.sealed if sealed else pair.plain, damage_edits)
        status = import_once(pair, content, folder)
        if sealed and content != pair.sealed:
            assert status != "imported", "a changed sealed bundle was taken"


@fuzz_settings(250)
@given(
    changes=st.lists(edits, min_size=1, max_size=5),
    rehash=st.sampled_from([True, True, True, False]),
    resign=st.sampled_from([True, True, True, False]),
    seal=st.sampled_from([False, False, True]),
    stop_after=stops,
)
# a null in a NOT NULL column (the first member's first value) reached SQLite: IntegrityError
@example(changes=[("cell", 0, 0, 0, None)], rehash=True, resign=True, seal=False, stop_after=None)
# a manifest without "receiver" (or "ack") passed its check, then failed on the missing key
@example(changes=[("manifest_drop", "receiver")], rehash=True, resign=True, seal=False, stop_after=None)
@example(changes=[("manifest_drop", "ack")], rehash=True, resign=True, seal=False, stop_after=None)
def test_an_edited_bundle_is_refused_or_taken_whole(
    pair: Pair, changes: list[Any], rehash: bool, resign: bool, seal: bool, stop_after: int | None
) -> None:
    bundle = Bundle.of_zip(pair.plain)
    for change in changes:
        bundle.apply(change)
    if rehash:
        bundle.rehash()
    content = bundle.write(sign_with=pair.sign_key if resign else None)
    with scratch() as folder:
        if seal:
            content = _seal(content, folder, pair.seal_key)
        import_once(pair, content, folder, stop_after)


@fuzz_settings(150)
@given(data=st.data(), seal=st.sampled_from([False, False, True]), stop_after=stops)
def test_a_bundle_whose_values_have_the_right_type_but_not_the_right_form_is_refused_or_taken(
    pair: Pair, data: st.DataObject, seal: bool, stop_after: int | None
) -> None:
    """Rows signed by a trusted sender, each changed value of its column's JSON type (so it passes the
    type check): huge numbers, NaN, dates far away, time zones, lone surrogates, very long text."""
    bundle = Bundle.of_zip(pair.plain)
    for change in data.draw(st.lists(typed_cells(bundle.kinds()), min_size=1, max_size=3)):
        bundle.apply(change)
    bundle.rehash()
    content = bundle.write(sign_with=pair.sign_key)
    with scratch() as folder:
        if seal:
            content = _seal(content, folder, pair.seal_key)
        import_once(pair, content, folder, stop_after)


@fuzz_settings(60)
@given(changes=st.lists(edits, min_size=1, max_size=3), first=st.booleans(), stop_after=stops)
def test_an_edited_bundle_with_the_real_one_in_one_import(
    pair: Pair, changes: list[Any], first: bool, stop_after: int | None
) -> None:
    """Each bundle in its own transaction (one refused for missing records is tried again after the
    others): the real one is taken, or the edited one in its place (the same bundle id)."""
    bundle = Bundle.of_zip(pair.plain)
    for change in changes:
        bundle.apply(change)
    bundle.rehash()
    edited = bundle.write(sign_with=pair.sign_key)
    with scratch() as folder:
        contents = [edited, pair.sealed] if first else [pair.sealed, edited]
        statuses = import_all(pair, contents, folder, stop_after)
        assert "imported" in statuses or statuses == [CANCELLED] * 2, statuses


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("regions", "code_year", 2**63),  # OverflowError binding it
        ("rapid_tests", "destroyed_kg", -(2**70)),
        ("regions", "name", "\ud800"),  # UnicodeEncodeError binding it
        ("regions", "entered_at", "9999-12-31T23:59:59-05:00"),  # OverflowError moving it to UTC
        ("audit_log", "seq", None),  # NOT NULL: IntegrityError
    ],
    ids=["int-beyond-64-bits", "huge-int-as-float", "lone-surrogate", "date-time-out-of-range", "null"],
)
def test_a_value_sqlite_cannot_hold_is_refused(pair: Pair, table: str, column: str, value: object) -> None:
    """Regressions found by the fuzzing above: each crashed the import with a traceback."""
    bundle = Bundle.of_zip(pair.plain)
    bundle.apply(("typed", table, 0, bundle.manifest["tables"][table]["columns"].index(column), value))
    bundle.rehash()
    with scratch() as folder:
        assert import_once(pair, bundle.write(sign_with=pair.sign_key), folder) == "refused"


# --- through the command line -------------------------------------------------------------------


@pytest.mark.slow
@fuzz_settings(5)
@given(changes=st.lists(edits, min_size=1, max_size=3), damage_edits=st.one_of(st.none(), byte_edits))
def test_msfood_bundle_import_exits_1_and_never_shows_a_traceback(
    pair: Pair, changes: list[Any], damage_edits: list[Any] | None
) -> None:
    bundle = Bundle.of_zip(pair.plain)
    for change in changes:
        bundle.apply(change)
    bundle.rehash()
    content = bundle.write(sign_with=pair.sign_key)
    if damage_edits is not None:
        content = damage(content, damage_edits)
    with scratch() as folder:
        db, file = folder / "b.sqlite", folder / "bundle.msfb"
        shutil.copyfile(pair.receiver, db)
        file.write_bytes(content)
        done = run_cli(folder / "home", "bundle", "import", "--db", str(db), str(file))
        check_cli(done, (0, 1))
        note(f"exit {done.returncode}")
        if done.returncode:
            assert tables_except_users(db) == tables_except_users(pair.receiver)
        check_integrity(db)

