"""The dashboard's last figures kept beside the database, so its tiles paint at once on a city's data
(issue 14: first paint < 1 s; the figures themselves take seconds there) while the real figures are
computed again in the background and replace them.

A cached entry is shown only when its fingerprint equals the database's now: every synced table's
highest change counter (`local_seq`, bumped by every write, merge and import; rows are never
removed, a deletion is a tombstone with its own `local_seq`; the self-check rollups change with the
self-checks only), the app's version and the period, as-of date, region and level asked for. Any
write changes one of them, so a stale entry can never be shown as current. The file is owner-only,
next to the database (`<db>.figures`), and holds one entry: the last figures computed.

The entry is a pickle, so it is sealed: an HMAC under a key kept in this user's own data folder
(`figures-cache.key`, owner-only) must match before anything is unpickled. A `.figures` file planted
beside a database someone sends or shares is then a miss, never code that runs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import os
import pickle
import secrets
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from msfood import __version__
from msfood.core.private_files import create_private_file
from msfood.metrics.overview_shape import Overview  # the shapes alone: this loads before the first paint

if TYPE_CHECKING:  # SQLAlchemy is imported by fingerprint alone: load_plain runs before it has loaded
    import sqlite3

    from sqlalchemy.orm import Session

FORMAT = 2  # bump when the entry's or Overview's shape changes: an old file is then ignored
SEAL = hashlib.sha256().digest_size
KEY_FILE = "figures-cache.key"


def _sealing_key() -> bytes:
    """This user's key for sealing cached figures, made on first use (owner-only, in the data folder)."""
    from msfood.core.config import data_dir

    path = data_dir() / KEY_FILE
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return path.read_bytes()
    with os.fdopen(fd, "wb") as handle:
        key = secrets.token_bytes(32)
        handle.write(key)
    return key


def _seal(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


def cache_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + ".figures")


_PROBES: dict[str, str] = {}  # dialect name -> the fingerprint's one statement, made once per process


def _probe_statement(tables: tuple[str, ...], quote) -> str:  # type: ignore[no-untyped-def]
    """Every synced table's highest local_seq and the unit's facts, as one plain SQL statement: the
    dashboard reads it before its first paint, where building and compiling ~30 SQLAlchemy
    statements cost more than the reads (an index probe per table)."""
    probes = [f"SELECT '{name}', CAST(MAX(local_seq) AS TEXT) FROM {quote(name)}" for name in tables]
    # the unit and its clock and change counter: another database copied over this one is a miss
    probes.append("SELECT 'meta:' || key, value FROM meta WHERE key IN ('unit_code', 'hlc', 'local_seq')")
    return " UNION ALL ".join(probes)


def _synced_names() -> tuple[str, ...]:
    from msfood.db.models import synced_tables

    return tuple(str(table.name) for table in synced_tables())  # (plain str: unpickled before SQLAlchemy)


def _probe_sql(session: Session) -> str:
    dialect = session.get_bind().dialect
    found = _PROBES.get(dialect.name)
    if found is None:
        found = _PROBES[dialect.name] = _probe_statement(_synced_names(), dialect.identifier_preparer.quote)
    return found


def _fingerprint_of(rows, *, period: str, as_of: dt.date, region: str | None, level: str | None) -> str:  # type: ignore[no-untyped-def]
    parts: list[object] = [FORMAT, __version__, period, as_of.isoformat(), region, level]
    # (sorted: UNION ALL promises no order)
    parts.append(sorted(tuple(row) for row in rows))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def fingerprint(
    session: Session, *, period: str, as_of: dt.date, region: str | None, level: str | None
) -> str:
    """What the figures read, summed up: equal fingerprints mean equal figures."""
    from sqlalchemy import text

    rows = session.execute(text(_probe_sql(session))).all()
    return _fingerprint_of(rows, period=period, as_of=as_of, region=region, level=level)


def _plain_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def tiles_only(overview: Overview) -> Overview:
    """The figures without the drill-down rows (obligations, gaps, overdue problems): what the tiles
    and the township bars show, small enough to read back in a few milliseconds."""
    stats = overview.stats
    supervision = replace(
        stats.supervision, obligations=(), problems=replace(stats.supervision.problems, overdue=())
    )
    selfcheck = replace(stats.selfcheck, gaps=None)
    return replace(overview, stats=replace(stats, supervision=supervision, selfcheck=selfcheck))


def _entry(path: Path) -> tuple[str, tuple[str, ...], Overview] | None:
    """The kept entry (fingerprint, the tables it probed, the figures) if this user's msfood sealed it."""
    try:
        sealed = path.read_bytes()
        seal, payload = sealed[:SEAL], sealed[SEAL:]
        if not hmac.compare_digest(seal, _seal(_sealing_key(), payload)):
            return None  # not written by this user's msfood: never unpickled
        kept, tables, overview = pickle.loads(payload)  # noqa: S301 (sealed by this user's own key)
    except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
        return None
    if not isinstance(overview, Overview) or not isinstance(tables, tuple):
        return None
    return kept, tables, overview


def load(path: Path, expected: str) -> Overview | None:
    """The cached figures if they were computed for exactly this fingerprint; else None."""
    entry = _entry(path)
    if entry is None or entry[0] != expected:
        return None
    return entry[2]


def load_plain(
    path: Path, connection: sqlite3.Connection, *, period: str, as_of: dt.date, region: str | None,
    level: str | None,
) -> Overview | None:
    """`load` before SQLAlchemy has loaded (the app's first paint): the fingerprint is read through a
    plain sqlite3 connection, over the tables the entry's own fingerprint probed (kept with it, sealed:
    so the two ways probe exactly the same tables). The rows and so the fingerprint are the same as
    `fingerprint`'s: any write since makes it a miss, as there."""
    entry = _entry(path)
    if entry is None:
        return None
    kept, tables, overview = entry
    if not all(name.replace("_", "").isalnum() for name in tables):
        return None
    rows = connection.execute(_probe_statement(tables, _plain_quote)).fetchall()
    if _fingerprint_of(rows, period=period, as_of=as_of, region=region, level=level) != kept:
        return None
    return overview


def store(path: Path, key: str, overview: Overview) -> None:
    """Keep the figures for `key` (written to a temporary file first: a reader never sees half)."""
    temporary = path.with_name(path.name + ".tmp")
    try:
        entry = (key, _synced_names(), tiles_only(overview))
        payload = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        create_private_file(temporary)
        temporary.write_bytes(_seal(_sealing_key(), payload) + payload)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        # a read-only folder, or figures that cannot be kept: the next start just computes them
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
