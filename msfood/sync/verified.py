"""A bundle checked before any write, and its members' rows as the merge wants them.

`verify_bundle` checks, in a read-only session, everything the manifest promises (its form, the
sender: trusted, not revoked, the same key; the signature over the manifest's exact bytes; the
schema: known, or older with an upgrade path; the receiver; the tables and members) and returns a
VerifiedBundle. `table_input` then reads one data member as the current schema wants it (upgraded
when the sender's schema is older, missing columns filled with their defaults), checking its row
count as it streams. Apart from msfood.sync.importer, which drives the bundles through the merge.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import select

from msfood.core.keys import normalise_fingerprint, verify
from msfood.db.models import BundleLog, Peer, synced_tables
from msfood.sync import codec
from msfood.sync.bundle_format import FORMAT, FORMAT_VERSION, OpenBundle, read_chunks, read_rows, refuse
from msfood.sync.merge import CHUNK, TableInput
from msfood.sync.upgrade import TableUpgrade, is_newer, upgrade_chain


@dataclass
class VerifiedBundle:
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


def verify_bundle(session: Any, bundle: OpenBundle, own_code: str) -> VerifiedBundle:
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
    return VerifiedBundle(bundle, m, m["bundle_id"], sender, m["sequence"], chain, tables, already)


def table_input(verified: VerifiedBundle, table: Any, columns: list[str], expected: int) -> TableInput:
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


def _counted(rows: Any, expected: int, verified: VerifiedBundle, table: str) -> Iterator[list[Any]]:
    n = 0
    for row in rows:
        n += 1
        yield row
    if n != expected:
        raise refuse("bundle.count_mismatch", file=verified.bundle.file_name, member=f"data/{table}.jsonl")
