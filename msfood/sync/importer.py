"""Taking bundles in: verify everything, then merge each bundle in one transaction.

Verification (msfood.sync.verified) happens before the write transaction starts: the seal (when
sealed: addressed to us, every chunk authentic), the zip's structure, the manifest's form, the sender
(trusted, not revoked, the same key), the signature over the manifest's exact bytes, the schema
(known, or older with an upgrade path), the receiver, then every member's size, and the SHA-256 of
the attachments. A bundle already taken in is reported and skipped. The merge (msfood.sync.merge)
then runs in one transaction with the bundle log, the peer's counters, the clock and one audit entry
for the import, reading each data member once: hashed as it streams
(msfood.sync.bundle_format.read_chunks), decoded and checked a block at a time. Any refusal on the
way (a member whose SHA-256 differs, a malformed row, a value the forms would refuse, a record
stamped more than a day ahead, rows pointing at records we lack) rolls it all back, as does a crash
or a kill; a refused bundle's members are then all hashed, so an altered member is named as such
whatever its alteration broke first.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Generator
from contextlib import ExitStack
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from msfood.core.clock import Clock
from msfood.core.collector import relaxed_collector
from msfood.core.config import data_dir
from msfood.core.errors import EnvironmentProblem, MsfoodError
from msfood.core.plain_reason import plain_reason
from msfood.core.progress import Progress
from msfood.db.engine import Database
from msfood.db.maintenance import BULK_ROWS, refresh_statistics
from msfood.db.models import Attachment, BundleLog, Peer, synced_tables
from msfood.i18n import t
from msfood.services.history.audit import note_audit_accepted
from msfood.services.writing.permissions import SYNC, Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import read_meta
from msfood.sync.authority import Authority
from msfood.sync.bundle_format import OpenBundle, check_members, open_zip, read_attachment, refuse
from msfood.sync.crypto import SealedReader, is_sealed, sealed_receiver
from msfood.sync.merge import Merger
from msfood.sync.peers import missing_sequences
from msfood.sync.receipt import ALREADY, IMPORTED, REFUSED, BundleOutcome, ImportReport
from msfood.sync.verified import VerifiedBundle, table_input, verify_bundle


def _merge(
    database: Database,
    verified: VerifiedBundle,
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
            incoming = table_input(verified, table, columns, rows)
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
                        verified = verify_bundle(session, bundle, own_code)
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
