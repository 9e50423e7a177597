"""Taking bundles in: verify everything, then merge each bundle in one transaction.

Verification happens before the write transaction starts: the seal (when sealed: addressed to us,
every chunk authentic), the zip's structure, the manifest's form, the sender (trusted, not revoked,
the same key), the signature over the manifest's exact bytes, the schema (known, or older with an
upgrade path), the receiver, then every member's size, and the SHA-256 of the attachments. A bundle
already taken in is reported and skipped. The merge (msfood.sync.merge) then runs in one transaction
with the bundle log, the peer's counters, the clock and one audit entry for the import, reading each
data member once: hashed as it streams (msfood.sync.bundle_format.read_chunks), decoded and checked
a block at a time. Any refusal on the way (a member whose SHA-256 differs, a malformed row, a value
the forms would refuse, a record stamped more than a day ahead, rows pointing at records we lack)
rolls it all back, as does a crash or a kill; a refused bundle's members are then all hashed, so an
altered member is named as such whatever its alteration broke first.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Generator, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from msfood.clock import Clock
from msfood.collector import relaxed_collector
from msfood.config import data_dir
from msfood.db.base import synced_tables
from msfood.db.engine import Database
from msfood.db.maintenance import BULK_ROWS, refresh_statistics
from msfood.db.models import Attachment, BundleLog, Peer
from msfood.errors import EnvironmentProblem, MsfoodError
from msfood.i18n import t
from msfood.plain_reason import plain_reason
from msfood.progress import Progress
from msfood.services.history.audit import note_audit_accepted
from msfood.services.writing.permissions import SYNC, Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import read_meta
from msfood.sync import codec
from msfood.sync.authority import Authority
from msfood.sync.bundle_format import (
    FORMAT,
    FORMAT_VERSION,
    OpenBundle,
    check_members,
    open_zip,
    read_attachment,
    read_chunks,
    read_rows,
    refuse,
)
from msfood.sync.crypto import SealedReader, is_sealed, sealed_receiver
from msfood.sync.keys import normalise_fingerprint, verify
from msfood.sync.merge import CHUNK, Merger, TableInput
from msfood.sync.peers import missing_sequences
from msfood.sync.receipt import ALREADY, IMPORTED, REFUSED, BundleOutcome, ImportReport
from msfood.sync.upgrade import TableUpgrade, is_newer, upgrade_chain


@dataclass
class _Verified:
    bundle: OpenBundle
    manifest: dict[str, Any]
    bundle_id: str
    sender: str
    sequence: int
    chain: list[Any]
    tables: list[tuple[Any, list[str], int]]  # (Table, columns as sent, rows)
    already: bool


def _manifest_fields(bundle: OpenBundle) -> dict[str, Any]:
    m = bundle.manifest
    sender = m.get("sender")
    ok = (
        m.get("format") == FORMAT
        and isinstance(m.get("bundle_id"), str)
        and 0 < len(m["bundle_id"]) <= 36
        and isinstance(sender, dict)
        and isinstance(sender.get("code"), str)
        and isinstance(sender.get("fingerprint"), str)
        and "receiver" in m
        and "ack" in m
        and (m.get("receiver") is None or isinstance(m.get("receiver"), str))
        and all(type(m.get(k)) is int and m[k] >= 0 for k in ("sequence", "since", "upto"))
        and (m.get("ack") is None or (type(m.get("ack")) is int and m["ack"] >= 0))
        and isinstance(m.get("tables"), dict)
        and isinstance(m.get("members"), dict)
    )
    if not ok:
        raise refuse("bundle.manifest_invalid", file=bundle.file_name)
    if m.get("format_version") != FORMAT_VERSION:
        raise refuse("bundle.format_unknown", file=bundle.file_name, version=m.get("format_version"))
    return m


def _verify(session: Any, bundle: OpenBundle, own_code: str) -> _Verified:
    m = _manifest_fields(bundle)
    name = bundle.file_name
    sender = m["sender"]["code"]
    if sender == own_code:
        raise refuse("bundle.own", file=name)
    peer = session.get(Peer, sender)
    if peer is None:
        raise refuse("bundle.sender_unknown", file=name, sender=sender)
    if peer.revoked_at is not None:
        raise refuse("bundle.sender_revoked", file=name, sender=sender)
    if normalise_fingerprint(m["sender"]["fingerprint"]) != normalise_fingerprint(peer.fingerprint):
        raise refuse("bundle.key_mismatch", file=name, sender=sender)
    if not verify(peer.sign_public_key, bundle.signature, bundle.manifest_bytes):
        raise refuse("bundle.bad_signature", file=name, sender=sender)
    # From here on the manifest is the sender's own.
    chain = upgrade_chain(m.get("schema"))
    if chain is None:
        code = "bundle.schema_newer" if is_newer(m.get("schema")) else "bundle.schema_unknown"
        raise refuse(code, file=name, version=str(m.get("schema")))
    if m["receiver"] is not None and m["receiver"] != own_code:
        raise refuse("bundle.not_for_us", file=name, receiver=m["receiver"], own=own_code)
    known = {tbl.name: tbl for tbl in synced_tables()}
    tables = []
    for table_name, info in m["tables"].items():
        if table_name not in known or not isinstance(info, dict):
            raise refuse("bundle.table_unknown", file=name, table=table_name)
        columns, rows = info.get("columns"), info.get("rows")
        if (
            not isinstance(columns, list)
            or not all(isinstance(c, str) for c in columns)
            or len(set(columns)) != len(columns)
            or type(rows) is not int
            or f"data/{table_name}.jsonl" not in m.get("members", {})
        ):
            raise refuse("bundle.manifest_invalid", file=name)
        tables.append((known[table_name], columns, rows))
    data_members = {k for k in m.get("members", {}) if isinstance(k, str) and k.startswith("data/")}
    if data_members != {f"data/{tbl.name}.jsonl" for tbl, _, _ in tables}:
        raise refuse("bundle.manifest_invalid", file=name)
    order = {tbl.name: i for i, tbl in enumerate(synced_tables())}
    # The units first (nothing points at them): a hub below us relays the unit rows of its stations
    # in the same bundle as their records and history (msfood.sync.authority reads who it speaks for).
    tables.sort(key=lambda item: (item[0].name != "units", order[item[0].name]))
    already = (
        session.scalar(select(BundleLog.bundle_id).where(BundleLog.bundle_id == m["bundle_id"])) is not None
    )
    return _Verified(bundle, m, m["bundle_id"], sender, m["sequence"], chain, tables, already)


def _table_input(verified: _Verified, table: Any, columns: list[str], expected: int) -> TableInput:
    """The rows of one member as the current schema wants them (upgraded, missing columns filled)."""
    name = verified.bundle.file_name
    wanted = codec.exported_columns(table)
    blocks: Iterable[tuple[list[Any], bool]]
    count: int | None = expected  # the merge checks the count, unless an upgrade may drop rows
    if verified.chain:
        upgrade = TableUpgrade(verified.chain, table.name, columns)
        columns = upgrade.columns
        rows = _upgraded(_counted(read_rows(verified.bundle, table.name), expected, verified, table.name),
                         upgrade, name, table.name)  # fmt: skip
        blocks = ((block, False) for block in _batched(rows, CHUNK))
        count = None
    unknown = [c for c in columns if c not in wanted]
    if unknown:
        raise refuse("bundle.column_unknown", file=name, table=table.name, column=unknown[0])
    if not verified.chain:
        blocks = read_chunks(verified.bundle, table.name, codec.block_decoder(table, columns))
    fill = []
    for column_name in wanted:
        if column_name in columns:
            continue
        column = table.c[column_name]
        default = column.default.arg if column.default is not None and column.default.is_scalar else None
        if default is None and (not column.nullable or column_name in ("id", "hlc", "origin")):
            raise refuse("bundle.column_missing", file=name, table=table.name, column=column_name)
        fill.append((column_name, codec.encode(codec.column_kind(column), default)))
    return TableInput(table, columns, blocks, fill, expected=count)


def _batched(rows: Iterator[list[Any]], size: int) -> Iterator[list[list[Any]]]:
    while batch := list(islice(rows, size)):
        yield batch


def _upgraded(rows: Iterator[list[Any]], upgrade: TableUpgrade, file: str, table: str) -> Iterator[list[Any]]:
    for n, values in enumerate(rows, start=1):
        try:
            row = upgrade(values)
        except (ValueError, TypeError, KeyError) as exc:
            raise refuse("bundle.bad_row", file=file, member=f"data/{table}.jsonl", row=n) from exc
        if row is not None:
            yield row


def _counted(rows: Any, expected: int, verified: _Verified, table: str) -> Iterator[list[Any]]:
    n = 0
    for row in rows:
        n += 1
        yield row
    if n != expected:
        raise refuse("bundle.count_mismatch", file=verified.bundle.file_name, member=f"data/{table}.jsonl")


def _merge(
    database: Database,
    verified: _Verified,
    *,
    actor: Actor,
    clock: Clock,
    prefer_core: bool,
) -> Generator[Progress, None, BundleOutcome]:
    m = verified.manifest
    name = verified.bundle.file_name
    total = sum(rows for _, _, rows in verified.tables)
    with unit_of_work(database.sessions, actor=actor, clock=clock) as uow:
        session = uow.session
        if session.get(BundleLog, verified.bundle_id) is not None:
            return BundleOutcome(name, ALREADY, verified.bundle_id, verified.sender, verified.sequence)
        now_ms = int(clock.now().timestamp() * 1000)
        peer = session.get(Peer, verified.sender)
        assert peer is not None
        authority = Authority.for_sender(
            session, own=uow.unit, own_region=uow.meta.get("region_code") or None, peer=peer
        )
        merger = Merger(
            uow,
            file_name=name,
            bundle_id=verified.bundle_id,
            now_ms=now_ms,
            prefer_core=prefer_core,
            authority=authority,
        )
        done_before = 0
        for table, columns, rows in verified.tables:
            incoming = _table_input(verified, table, columns, rows)
            label = t("sync.progress_merging", file=name, table=t(f"sync.table.{table.name}"))
            for done in merger.merge_table(incoming):
                yield Progress(done_before + done, total, label)
            done_before += rows
        attachments = 0
        for member, info in sorted(m["members"].items()):
            if member.startswith("attachments/"):
                sha256 = member.split("/", 1)[1]
                if session.get(Attachment, sha256) is None:
                    uow.local_seq += 1
                    session.add(
                        Attachment(
                            sha256=sha256,
                            media_type=str(info.get("media_type") or "application/octet-stream")[:64],
                            content=read_attachment(verified.bundle, sha256),
                            local_seq=uow.local_seq,
                        )
                    )
                    attachments += 1
        session.flush()
        merger.check_values()
        merger.check_foreign_keys({tbl.name: tbl for tbl in synced_tables()})
        if merger.audit_origins:  # so `audit verify` can tell when a unit's chain is later cut back
            note_audit_accepted(session, origins=merger.audit_origins)
        if merger.max_hlc:
            uow.hlc.observe(merger.max_hlc)
        peer = session.get(Peer, verified.sender)
        assert peer is not None
        if m["receiver"] == uow.unit:
            if m["ack"] is not None:
                peer.acked_seq = max(peer.acked_seq, min(m["ack"], merger.start_seq))
            peer.last_bundle_received = max(peer.last_bundle_received, verified.sequence)
        behind = m["since"] > peer.received_seq
        if not behind:
            peer.received_seq = max(peer.received_seq, m["upto"])
        counts = merger.totals().as_dict()
        by_table = {k: v.as_dict() for k, v in merger.by_table.items()}
        summary = dict(counts, tables=by_table, attachments=attachments, full=bool(m.get("full")))
        session.add(
            BundleLog(
                bundle_id=verified.bundle_id,
                direction="in",
                peer_code=verified.sender,
                sequence=verified.sequence if m["receiver"] == uow.unit else 0,
                at=uow.now,
                file_name=name[:400],
                summary=json.dumps(summary, ensure_ascii=False),
            )
        )
        session.flush()
        if total or attachments:
            # One entry for the import (none per merged row: theirs travel with them). A bundle that
            # carried only an acknowledgement is bookkeeping: logged above, not audited, or two units
            # would send each other the audit entries of their acknowledgements forever.
            uow.audit_event(
                "bundle_import",
                "bundle_log",
                verified.bundle_id,
                after=json.dumps(
                    dict(counts, sender=verified.sender, sequence=verified.sequence), ensure_ascii=False
                ),
            )
        received = session.scalars(
            select(BundleLog.sequence).where(
                BundleLog.peer_code == verified.sender, BundleLog.direction == "in"
            )
        ).all()
    return BundleOutcome(
        name,
        IMPORTED,
        verified.bundle_id,
        verified.sender,
        verified.sequence,
        counts,
        by_table,
        gaps=missing_sequences(list(received)),
        behind=behind,
    )


def _refusal(file: str, exc: Exception) -> MsfoodError:
    if isinstance(exc, sqlite3.IntegrityError | IntegrityError):
        # A constraint the checks did not foresee (two records trading a key in one bundle, say).
        return refuse("bundle.integrity", file=file, reason=plain_reason(exc))
    # A value SQLite cannot hold (an integer beyond 64 bits, text with a lone surrogate, a date-time
    # moved out of range by its time zone): refused whole.
    return refuse("bundle.bad_value", file=file, reason=plain_reason(exc))


STALE_SECONDS = 24 * 3600


def clean_stale_files(folder: Path) -> None:
    """Remove what a killed import or export left in the app's temporary folder (a day old)."""
    import shutil
    import time

    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        try:
            if (
                entry.name.startswith(("bundle-", "export-"))
                and time.time() - entry.stat().st_mtime > STALE_SECONDS
            ):
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            continue


def _open(path: Path, stack: ExitStack, *, own_code: str, enc_private: str) -> OpenBundle:
    """The bundle's zip, opened; a sealed one through a reader that decrypts each chunk as the zip is
    read (every chunk authenticated before use; no plaintext copy written anywhere)."""
    name = path.name
    source: Path | SealedReader = path
    if is_sealed(path):
        receiver = sealed_receiver(path)
        if receiver != own_code:
            raise refuse("bundle.not_for_us", file=name, receiver=receiver, own=own_code)
        from msfood.sync.bundle_format import MAX_TOTAL

        source = stack.enter_context(SealedReader(path, enc_private_b64=enc_private, max_bytes=MAX_TOTAL))
    bundle = open_zip(source, name)
    stack.callback(bundle.close)
    return bundle


def import_bundles(
    database: Database,
    *,
    actor: Actor,
    paths: list[Path],
    clock: Clock,
    backup: bool = True,
    prefer_core: bool = False,
) -> Generator[Progress, None, ImportReport]:
    """Verify and merge bundles, each in its own transaction. A bundle refused for pointing at records
    we lack is tried once more after the others (one of them may bring those records)."""
    actor.require(SYNC)
    for path in paths:
        if not Path(path).is_file():
            raise EnvironmentProblem("sync.file_missing", path=str(path))
    with database.sessions() as session:
        meta = read_meta(session)
    if "unit_code" not in meta:
        raise EnvironmentProblem("db.not_initialised")
    own_code, enc_private = meta["unit_code"], meta["enc_private_key"]
    clean_stale_files(data_dir() / "tmp")
    outcomes: dict[int, BundleOutcome] = {}
    backed_up = not backup
    queue = list(enumerate(paths))
    for attempt in (1, 2):
        retry = []
        for position, path in queue:
            path = Path(path)
            yield Progress(0, None, t("sync.progress_verifying", file=path.name))
            with ExitStack() as stack:
                try:
                    bundle = _open(path, stack, own_code=own_code, enc_private=enc_private)
                    with database.sessions() as session:
                        verified = _verify(session, bundle, own_code)
                    if verified.already:
                        outcomes[position] = BundleOutcome(
                            path.name, ALREADY, verified.bundle_id, verified.sender, verified.sequence
                        )
                        continue
                    check_members(bundle, data=False)  # the data members are hashed as they merge
                    if not backed_up:
                        from msfood.services.backups.backup import backup_before

                        yield Progress(0, None, t("sync.progress_backup"))
                        backup_before(database, "bundle")
                        backed_up = True
                    try:
                        with relaxed_collector():  # bundle rows are plain tuples: no cycles
                            outcomes[position] = yield from _merge(
                                database, verified, actor=actor, clock=clock, prefer_core=prefer_core
                            )
                    except (MsfoodError, sqlite3.IntegrityError, IntegrityError, OverflowError,
                            UnicodeEncodeError) as exc:  # fmt: skip
                        # Rolled back. An altered member is named as such, rather than by whatever
                        # its alteration broke first: every member is checked whole before saying.
                        check_members(bundle)
                        if isinstance(exc, MsfoodError):
                            raise
                        raise _refusal(path.name, exc) from exc
                except MsfoodError as exc:
                    if exc.code == "bundle.missing_parents" and attempt == 1 and len(paths) > 1:
                        retry.append((position, path))
                    outcomes[position] = BundleOutcome(
                        path.name, REFUSED, code=exc.code, message=exc.message()
                    )
        progressed = any(outcomes[p].status == IMPORTED for p, _ in queue)
        if not retry or not progressed:
            break
        queue = retry
    merged = sum(o.counts.get("new", 0) + o.counts.get("updated", 0) for o in outcomes.values() if o.status == IMPORTED)
    if merged >= BULK_ROWS:  # the tables grew: let the planner know (msfood.db.maintenance)
        yield Progress(0, None, t("sync.progress_statistics"))
        with database.engine.begin() as conn:
            refresh_statistics(conn)
    return ImportReport([outcomes[i] for i in sorted(outcomes)])
