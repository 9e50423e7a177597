"""Writing a bundle: what the peer's scope holds that the peer has not acknowledged, signed and sealed.

The whole export runs in one transaction (a consistent snapshot; the bundle's sequence number and
the log entry are written with it). Rows are read in chunks ordered by id and written to the zip as
they come; the zip is sealed to the receiver's key when there is a receiver, then renamed into
place, so a half-written bundle never looks finished. An export changes no record, so it writes no
audit entry (the bundle log keeps it): an entry would be new data for the next bundle, and two units
would send each other bundles forever.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, and_, func, select

from msfood.core.clock import Clock
from msfood.core.config import data_dir
from msfood.core.errors import EnvironmentProblem, NotFoundError, NothingToDo, ValidationError
from msfood.core.ids import new_id
from msfood.core.progress import Progress
from msfood.db.engine import Database, head_revision
from msfood.db.models import Attachment, BundleLog, Peer, synced_tables
from msfood.i18n import t
from msfood.services.writing.permissions import SYNC, Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import UnitOfWork, read_meta
from msfood.sync import codec
from msfood.sync.bundle_format import FORMAT, FORMAT_VERSION, SUFFIX, BundleWriter
from msfood.sync.crypto import seal_file
from msfood.sync.peers import own_identity
from msfood.sync.scope import Scope, ScopeQuery, scope_for_peer

CHUNK = 2000


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    sender: str
    receiver: str | None
    sequence: int
    rows: int
    by_table: dict[str, int]
    attachments: int
    sealed: bool
    full: bool
    since: int
    upto: int


def bundle_file_name(sender: str, receiver: str | None, sequence: int) -> str:
    return f"{sender}-to-{receiver or 'all'}-{sequence:05d}{SUFFIX}"


def choose_peer(uow: UnitOfWork, to: str | None) -> Peer | None:
    """The receiver: the one named, or the only active peer, or none (an unaddressed full bundle)."""
    session = uow.session
    if to is not None:
        if to == uow.unit:
            raise ValidationError("bundle.to_self", code=to)
        peer = session.get(Peer, to)
        if peer is None:
            raise NotFoundError("peer.unknown", code=to)
        if peer.revoked_at is not None:
            raise ValidationError("peer.revoked", code=to)
        return peer
    active = session.scalars(select(Peer).where(Peer.revoked_at.is_(None)).order_by(Peer.code)).all()
    if len(active) > 1:
        raise EnvironmentProblem("bundle.choose_peer", codes="、".join(p.code for p in active))
    return active[0] if active else None


def export_bundle(
    database: Database,
    *,
    actor: Actor,
    out: Path,
    clock: Clock,
    to: str | None = None,
    full: bool = False,
) -> Generator[Progress, None, ExportResult]:
    """Write a bundle for `to` (see choose_peer) at `out` (a file, or a folder to name it in).

    Raises NothingToDo (and writes no file) when there is nothing the peer lacks."""
    actor.require(SYNC)
    with unit_of_work(database.sessions, actor=actor, clock=clock) as uow:
        session = uow.session
        identity = own_identity(session)
        peer = choose_peer(uow, to)
        receiver = peer.code if peer is not None else None
        scope = (
            scope_for_peer(own_region=identity.region_code, peer_region=peer.region_code, peer_kind=peer.kind)
            if peer is not None
            else Scope()
        )
        full = full or peer is None
        since = 0 if full else peer.acked_seq  # type: ignore[union-attr]
        upto = uow.local_seq
        ack = peer.received_seq if peer is not None else None
        sequence = peer.last_bundle_sent + 1 if peer is not None else 0
        tables = synced_tables()
        delta: dict[str, ColumnElement[bool]] = {}
        for table in tables:
            conditions = [table.c.local_seq > since, table.c.local_seq <= upto]
            if not full and receiver is not None:
                conditions.append(table.c.origin != receiver)
            delta[table.name] = and_(*conditions)
        query = ScopeQuery(scope, delta=delta)

        yield Progress(0, None, t("sync.progress_counting"))
        # Cheap upper bounds first (the local_seq index): most tables have no change to look at.
        candidates = {
            table.name: int(
                session.scalar(select(func.count()).select_from(table).where(delta[table.name])) or 0
            )
            for table in tables
        }
        if not scope.everything and (candidates["assignments"] or candidates["visits"]):
            candidates["cadres"] = max(candidates["cadres"], 1)  # cadres travelling with them
        attachment_rows = []
        if scope.everything:
            attachment_rows = session.execute(
                select(Attachment.sha256, Attachment.media_type)
                .where(and_(Attachment.local_seq > since, Attachment.local_seq <= upto))
                .order_by(Attachment.sha256)
            ).all()
        total = sum(candidates.values())
        if total == 0 and not attachment_rows and (peer is None or ack == peer.last_ack_sent):
            raise NothingToDo("bundle.nothing_to_send", peer=receiver or "-")

        if out.is_dir():
            out = out / bundle_file_name(identity.code, receiver, sequence)
        out.parent.mkdir(parents=True, exist_ok=True)
        # The plain zip is made in the app's own folder: only the sealed bundle goes to the stick.
        tmp_root = data_dir() / "tmp"
        tmp_root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="export-", dir=tmp_root))
        partial_zip = work / "bundle.zip"
        writer = BundleWriter(partial_zip)
        counts: dict[str, int] = {}
        try:
            done = 0
            for table in tables:
                if not candidates[table.name]:
                    continue
                columns = codec.exported_columns(table)
                encode = codec.encoder([codec.column_kind(table.c[c]) for c in columns])
                label = t("sync.progress_writing", table=t(f"sync.table.{table.name}"))
                statement = (
                    select(*(table.c[c] for c in columns))
                    .where(query.condition(table.name))
                    .order_by(table.c.id)
                    .execution_options(yield_per=CHUNK)
                )
                partitions = session.execute(statement).partitions(CHUNK)
                first = next(partitions, None)
                if not first:
                    continue
                with writer.table(table.name, columns) as member:
                    for partition in itertools.chain([first], partitions):
                        member.write_rows([encode(row) for row in partition])
                        done += len(partition)
                        yield Progress(done, total, label)
                    counts[table.name] = member.rows
            total = done
            if total == 0 and not attachment_rows and (peer is None or ack == peer.last_ack_sent):
                raise NothingToDo("bundle.nothing_to_send", peer=receiver or "-")
            for sha256, media_type in attachment_rows:
                content = session.scalar(select(Attachment.content).where(Attachment.sha256 == sha256))
                writer.attachment(sha256, bytes(content or b""), media_type)
            bundle_id = new_id()
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "schema": head_revision(),
                "bundle_id": bundle_id,
                "created": codec.encode("datetime", uow.now),
                "sender": {
                    "code": identity.code,
                    "name": identity.name,
                    "kind": identity.kind,
                    "region_code": identity.region_code,
                    "fingerprint": identity.fingerprint,
                },
                "receiver": receiver,
                "sequence": sequence,
                "since": since,
                "upto": upto,
                "ack": ack,
                "full": full,
            }
            writer.finish(manifest, read_meta(session)["sign_private_key"])
            sealed = bool(peer is not None and peer.enc_public_key)
            partial = out.with_name(out.name + ".partial")
            if sealed:
                assert peer is not None and peer.enc_public_key
                yield Progress(done, total, t("sync.progress_sealing"))
                with open(partial, "wb") as target:
                    seal_file(
                        partial_zip, target, receiver_code=peer.code, receiver_public_b64=peer.enc_public_key
                    )
                    target.flush()
                    os.fsync(target.fileno())
            else:
                shutil.copyfile(partial_zip, partial)
            by_table = {name: n for name, n in counts.items() if n}
            summary = {"rows": total, "tables": by_table, "attachments": len(attachment_rows), "full": full}
            session.add(
                BundleLog(
                    bundle_id=bundle_id,
                    direction="out",
                    peer_code=receiver or "",
                    sequence=sequence,
                    at=uow.now,
                    file_name=out.name,
                    summary=json.dumps(summary, ensure_ascii=False),
                )
            )
            if peer is not None:
                peer.last_bundle_sent = sequence
                peer.last_ack_sent = ack or 0
            session.flush()
        except BaseException:
            writer.abort()
            out.with_name(out.name + ".partial").unlink(missing_ok=True)
            raise
        finally:
            shutil.rmtree(work, ignore_errors=True)
    # Committed: only now does the bundle take its name (a failed commit leaves no finished-looking file).
    partial.replace(out)
    return ExportResult(
        path=out,
        bundle_id=bundle_id,
        sender=identity.code,
        receiver=receiver,
        sequence=sequence,
        rows=total,
        by_table=by_table,
        attachments=len(attachment_rows),
        sealed=sealed,
        full=full,
        since=since,
        upto=upto,
    )
