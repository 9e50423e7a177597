"""The history: verifying the hash chain of audit entries, and one record's history for the app.

Each unit chains its own entries (origin, seq 1, 2, ...): every entry carries the SHA-256 of the one
before (prev_hash) and its own hash over (prev_hash, origin, seq, actor, at, action, table, record,
before, after). Entries made elsewhere arrive in bundles and are checked as their origin's chain.

What verification finds:
- an edited entry (its content no longer gives its hash), or an edited hash;
- a deleted or reordered entry (a seq missing, or an entry whose prev_hash is not its predecessor's hash);
- this unit's last entries deleted (the chain no longer ends at the head kept in meta).
A unit's chain must run from seq 1 without a gap when it is this database's own, or when the caller
names it in `complete_origins` (a bureau checking that a station's history reached it whole). Another
unit's chain may have gaps here (a bureau sends a station only the entries of its scope): each run of
consecutive entries is still checked, and the gaps are counted.

What this database once held is remembered too (issue 12), in meta, so that a chain deleted or cut back
whole (every later hash recomputed, or the entries simply gone) still shows:
- its own chain: `audit_seq` and `audit_head`, written by every unit of work;
- every other unit's: `audit_held:<origin>` = {"count", "seq", "hash"}, the number of its entries held
  and the last one, recorded by `note_audit_accepted` when a merge accepts entries of that origin.
`verify_chain` compares: fewer entries than recorded, or the recorded last entry gone or changed, is a
chain "cut back"; none left at all is a chain "missing".
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msfood.db.models import AuditEntry, Meta
from msfood.services.writing.audit_chain import audit_hash
from msfood.services.writing.unit_of_work import read_meta

HELD_PREFIX = "audit_held:"

_FIELDS = ("origin", "seq", "actor", "at", "action", "table_name", "record_id", "before", "after")


class BrokenLink(NamedTuple):
    """Where a chain breaks: the unit, the entry's seq and a reason code (msfood.i18n: audit.reason.*)."""

    origin: str
    seq: int
    reason: str

    def message(self, lang: str | None = None) -> str:
        from msfood.i18n import t

        return t("audit.broken", lang, origin=self.origin, seq=self.seq,
                 reason=t(f"audit.reason.{self.reason}", lang))


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int  # entries checked
    first_broken: BrokenLink | None
    origins: tuple[str, ...] = ()  # the chains checked, this unit's first
    gaps: int = 0  # missing runs in other units' chains that may be incomplete here


@dataclass(frozen=True)
class HistoryEntry:
    """One change of a record, for the app's history view."""

    who: str
    when: dt.datetime  # UTC, timezone-aware
    action: str  # create | update | delete | close | reopen | ...
    table_name: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    origin: str
    seq: int

    def changed_fields(self) -> list[str]:
        """The fields whose value differs between before and after (all of after's for a creation)."""
        before = self.before or {}
        after = self.after or {}
        return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def action_label(action: str, lang: str | None = None) -> str:
    """'update' -> '修改': how the history view names an action (the code itself when unknown)."""
    from msfood.i18n import has, t

    code = f"audit.action.{action}"
    return t(code, lang) if has(code) else action


def verify_chain(session: Session, *, complete_origins: Iterable[str] = ()) -> VerifyResult:
    """Check every origin's chain; the first break found (this unit's chain first) or ok."""
    meta = read_meta(session)
    own = meta.get("unit_code", "")
    strict = set(complete_origins) | {own}
    origins = sorted(session.scalars(select(AuditEntry.origin).distinct()))
    ordered = ([own] if own in origins else []) + [o for o in origins if o != own]
    for name in strict - set(origins):
        if name and (name != own or int(meta.get("audit_seq", "0") or 0) > 0):
            return VerifyResult(False, 0, BrokenLink(name, 1, "missing"), tuple(ordered))
    held = _held(meta)
    for name in sorted(set(held) - set(origins) - {own}):
        return VerifyResult(False, 0, BrokenLink(name, 1, "chain_missing"), tuple(ordered))
    checked = 0
    gaps = 0
    for origin in ordered:
        result = _verify_origin(session, origin, strict=origin in strict)
        checked += result[0]
        gaps += result[2]
        if result[1] is not None:
            return VerifyResult(False, checked, result[1], tuple(ordered), gaps)
        if origin == own:
            broken = _check_head(result[3], meta, own)
        else:
            broken = _check_held(session, origin, held.get(origin), result[0])
        if broken is not None:
            return VerifyResult(False, checked, broken, tuple(ordered), gaps)
    return VerifyResult(True, checked, None, tuple(ordered), gaps)


def _held(meta: dict[str, str]) -> dict[str, dict[str, Any]]:
    held = {}
    for key, value in meta.items():
        if key.startswith(HELD_PREFIX):
            try:
                record = json.loads(value)
            except ValueError:
                record = {}
            held[key.removeprefix(HELD_PREFIX)] = record if isinstance(record, dict) else {}
    return held


def _check_held(session: Session, origin: str, held: dict[str, Any] | None, count: int) -> BrokenLink | None:
    """Another unit's chain must still hold what this database recorded it accepted."""
    if not held:
        return None
    seq = int(held.get("seq") or 0)
    if count < int(held.get("count") or 0):
        return BrokenLink(origin, seq, "cut_back")
    if seq:
        stored = session.scalar(
            select(AuditEntry.hash).where(AuditEntry.origin == origin, AuditEntry.seq == seq)
        )
        if stored is None:
            return BrokenLink(origin, seq, "cut_back")
        if stored != held.get("hash"):
            return BrokenLink(origin, seq, "edited")
    return None


def note_audit_accepted(session: Session, *, origins: Iterable[str]) -> None:
    """Record what this database now holds of each origin's chain (for the merge to call, in its
    transaction, after it has accepted audit entries of these origins; this unit's own is skipped).

    The record only moves forward: when the entries recorded before are no longer all there (a chain
    cut back since), it is kept as it was, so that `verify_chain` goes on naming the loss."""
    meta = read_meta(session)
    own = meta.get("unit_code", "")
    held = _held(meta)
    for origin in sorted(set(origins) - {own, ""}):
        count, top = session.execute(
            select(func.count(), func.max(AuditEntry.seq)).where(AuditEntry.origin == origin)
        ).one()
        if not count:
            continue
        before = held.get(origin)
        if before and _check_held(session, origin, before, count) is not None:
            continue
        top_hash = session.scalar(
            select(AuditEntry.hash).where(AuditEntry.origin == origin, AuditEntry.seq == top)
        )
        value = json.dumps({"count": count, "seq": top, "hash": top_hash}, sort_keys=True)
        session.merge(Meta(key=HELD_PREFIX + origin, value=value))
    session.flush()


def _verify_origin(
    session: Session, origin: str, *, strict: bool
) -> tuple[int, BrokenLink | None, int, tuple[int, str] | None]:
    """(entries checked, first break, gaps, (last seq, last hash))."""
    columns = [getattr(AuditEntry, f) for f in _FIELDS] + [AuditEntry.prev_hash, AuditEntry.hash]
    query = (
        select(*columns)
        .where(AuditEntry.origin == origin)
        .order_by(AuditEntry.seq)
        .execution_options(yield_per=2000)
    )
    checked = 0
    gaps = 0
    last: tuple[int, str] | None = None
    for row in session.execute(query):
        entry = row._mapping
        seq = entry["seq"]
        checked += 1
        if audit_hash(entry["prev_hash"], entry) != entry["hash"]:
            return checked, BrokenLink(origin, seq, "edited"), gaps, last
        expected_seq = 1 if last is None else last[0] + 1
        if seq != expected_seq:
            if strict or seq < expected_seq:
                return checked, BrokenLink(origin, expected_seq, "missing"), gaps, last
            gaps += 1
        elif last is None:
            if entry["prev_hash"] != "":
                return checked, BrokenLink(origin, seq, "bad_start"), gaps, last
        elif entry["prev_hash"] != last[1]:
            return checked, BrokenLink(origin, seq, "relinked"), gaps, last
        last = (seq, entry["hash"])
    return checked, None, gaps, last


def _check_head(last: tuple[int, str] | None, meta: dict[str, str], own: str) -> BrokenLink | None:
    """This unit's chain must end where its meta says it does (else its last entries were deleted)."""
    head_seq = int(meta.get("audit_seq", "0") or 0)
    head_hash = meta.get("audit_head", "")
    last_seq, last_hash = last if last is not None else (0, "")
    if last_seq < head_seq:
        return BrokenLink(own, last_seq + 1, "missing")
    if last_seq > head_seq or last_hash != head_hash:
        return BrokenLink(own, last_seq, "head_mismatch")
    return None


def _loads(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"value": text}
    return value if isinstance(value, dict) else {"value": value}


def record_history(session: Session, record_id: str) -> list[HistoryEntry]:
    """Every audit entry about one record, oldest first (in causal order across units)."""
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.record_id == record_id)
        .order_by(AuditEntry.hlc, AuditEntry.origin, AuditEntry.seq)
    )
    return [
        HistoryEntry(
            who=r.actor,
            when=r.at.replace(tzinfo=dt.UTC),
            action=r.action,
            table_name=r.table_name,
            before=_loads(r.before),
            after=_loads(r.after),
            origin=r.origin,
            seq=r.seq,
        )
        for r in rows
    ]
