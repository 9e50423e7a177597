"""The trust store: this unit's identity and enrolment file, trusted and revoked peers, bundle history.

An enrolment file carries a unit's code, name, kind, region and its two public keys (Ed25519 to
verify its bundles, X25519 to seal bundles to it), signed with its own key. People compare the
fingerprint (SHA-256 of the signing key) by phone before trusting it. Private keys never leave
the database's meta table.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.errors import EnvironmentProblem, NotFoundError, ValidationError
from msfood.core.keys import (
    b64,
    canonical_json,
    decryption_key,
    fingerprint,
    normalise_fingerprint,
    sign,
    signing_key,
    unb64,
    verify,
)
from msfood.db.models import BundleLog, Peer
from msfood.services.writing.permissions import MANAGE_TRUST, READ, Actor
from msfood.services.writing.unit_of_work import UnitOfWork, read_meta

ENROLMENT_FORMAT = "msfood-enrolment"
ENROLMENT_VERSION = 1
MAX_ENROLMENT = 64 * 1024


@dataclass(frozen=True)
class Identity:
    code: str
    name: str
    kind: str
    region_code: str | None
    sign_public_key: str
    enc_public_key: str
    fingerprint: str


@dataclass(frozen=True)
class Enrolment:
    code: str
    name: str
    kind: str
    region_code: str | None
    sign_public_key: str
    enc_public_key: str
    fingerprint: str


@dataclass(frozen=True)
class PeerInfo:
    code: str
    name: str
    kind: str
    region_code: str | None
    fingerprint: str
    trusted_at: dt.datetime
    revoked_at: dt.datetime | None
    acked_seq: int
    received_seq: int
    last_bundle_sent: int
    last_bundle_received: int

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class BundleRecord:
    bundle_id: str
    direction: str
    sequence: int
    at: dt.datetime
    file_name: str
    summary: dict[str, Any]


@dataclass(frozen=True)
class PeerHistory:
    peer: PeerInfo
    received: list[BundleRecord]
    sent: list[BundleRecord]
    gaps: list[tuple[int, int]]  # (first, last) sequence numbers missing from this peer, inclusive


def own_identity(session: Session) -> Identity:
    meta = read_meta(session)
    if "unit_code" not in meta or "sign_private_key" not in meta:
        raise EnvironmentProblem("db.not_initialised")
    sign_private = signing_key(meta["sign_private_key"])
    from msfood.core.keys import RAW, RAW_PUBLIC

    sign_public = b64(sign_private.public_key().public_bytes(RAW, RAW_PUBLIC))
    enc_public = b64(decryption_key(meta["enc_private_key"]).public_key().public_bytes(RAW, RAW_PUBLIC))
    return Identity(
        code=meta["unit_code"],
        name=meta.get("unit_name", ""),
        kind=meta.get("unit_kind", "station"),
        region_code=meta.get("region_code") or None,
        sign_public_key=sign_public,
        enc_public_key=enc_public,
        fingerprint=fingerprint(sign_public),
    )


def show_identity(session: Session, *, actor: Actor) -> Identity:
    actor.require(READ)
    return own_identity(session)


# --- enrolment files ----------------------------------------------------------------------------


def enrolment_document(session: Session, *, actor: Actor, clock_now: dt.datetime) -> dict[str, Any]:
    actor.require(READ)
    identity = own_identity(session)
    body = {
        "format": ENROLMENT_FORMAT,
        "version": ENROLMENT_VERSION,
        "code": identity.code,
        "name": identity.name,
        "kind": identity.kind,
        "region_code": identity.region_code,
        "sign_public_key": identity.sign_public_key,
        "enc_public_key": identity.enc_public_key,
        "fingerprint": identity.fingerprint,
        "created": clock_now.astimezone(dt.UTC).isoformat(timespec="seconds"),
    }
    meta = read_meta(session)
    return dict(body, signature=b64(sign(meta["sign_private_key"], canonical_json(body))))


def write_enrolment(session: Session, *, actor: Actor, out: Path, clock_now: dt.datetime) -> Identity:
    document = enrolment_document(session, actor=actor, clock_now=clock_now)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    partial.replace(out)
    return own_identity(session)


def read_enrolment(path: Path) -> Enrolment:
    """Read and check an enrolment file (format, keys, its own signature)."""
    if not path.is_file():
        raise EnvironmentProblem("sync.file_missing", path=str(path))
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_ENROLMENT:
            raise ValueError
        document = json.loads(raw.decode("utf-8-sig"))
        if not isinstance(document, dict) or document.get("format") != ENROLMENT_FORMAT:
            raise ValueError
        body = {k: v for k, v in document.items() if k != "signature"}
        fields = ("code", "name", "kind", "sign_public_key", "enc_public_key")
        if not all(isinstance(document.get(f), str) for f in fields):
            raise ValueError
        if document["kind"] not in ("station", "bureau"):
            raise ValueError
        unb64(document["sign_public_key"])
        unb64(document["enc_public_key"])
        signature = unb64(str(document.get("signature", "")))
    except (ValueError, UnicodeDecodeError, TypeError) as exc:
        raise ValidationError("enrolment.invalid", file=path.name) from exc
    if not verify(document["sign_public_key"], signature, canonical_json(body)):
        raise ValidationError("enrolment.bad_signature", file=path.name)
    region = document.get("region_code")
    return Enrolment(
        code=document["code"],
        name=document["name"],
        kind=document["kind"],
        region_code=region if isinstance(region, str) and region else None,
        sign_public_key=document["sign_public_key"],
        enc_public_key=document["enc_public_key"],
        fingerprint=fingerprint(document["sign_public_key"]),
    )


# --- trusting and revoking ----------------------------------------------------------------------


def _info(peer: Peer) -> PeerInfo:
    return PeerInfo(
        code=peer.code,
        name=peer.name,
        kind=peer.kind,
        region_code=peer.region_code,
        fingerprint=peer.fingerprint,
        trusted_at=peer.trusted_at,
        revoked_at=peer.revoked_at,
        acked_seq=peer.acked_seq,
        received_seq=peer.received_seq,
        last_bundle_sent=peer.last_bundle_sent,
        last_bundle_received=peer.last_bundle_received,
    )


@dataclass(frozen=True)
class TrustChange:
    """What trusting an enrolment would change for a unit already known (None from trust_change when
    nothing that matters changes). The area and kind decide what the unit may change here
    (msfood.sync.authority), so a change of either, or trusting a revoked unit again, is confirmed."""

    code: str
    old_area: str | None
    new_area: str | None
    old_kind: str
    new_kind: str
    revoked: bool  # the unit was revoked: trusting it again (same key or a new one)
    old_fingerprint: str
    new_fingerprint: str

    @property
    def area_changed(self) -> bool:
        return self.old_area != self.new_area or self.old_kind != self.new_kind

    def describe(self, lang: str | None = None) -> tuple[str, str]:
        """(before, after) as a person reads them: '局 430200' -> '监管所 430204'."""
        from msfood.i18n import t

        def one(kind: str, area: str | None) -> str:
            return f"{t(f'authority.unit_kind.{kind}', lang)} {area or t('authority.no_area', lang)}"

        return one(self.old_kind, self.old_area), one(self.new_kind, self.new_area)


def trust_change(session: Session, enrolment: Enrolment) -> TrustChange | None:
    """What trusting `enrolment` would change (area, kind, a revoked unit trusted again), or None."""
    peer = session.get(Peer, enrolment.code)
    if peer is None:
        return None
    change = TrustChange(
        code=enrolment.code,
        old_area=peer.region_code or None,
        new_area=enrolment.region_code,
        old_kind=peer.kind,
        new_kind=enrolment.kind,
        revoked=peer.revoked_at is not None,
        old_fingerprint=peer.fingerprint,
        new_fingerprint=enrolment.fingerprint,
    )
    return change if change.area_changed or change.revoked else None


def trust_peer(
    uow: UnitOfWork,
    *,
    enrolment: Enrolment,
    expected_fingerprint: str | None = None,
    confirm_area_change: bool = False,
    confirm_retrust: bool = False,
) -> PeerInfo:
    """Trust a peer's enrolment. Refused when a given fingerprint differs, for our own enrolment, and
    for a code already trusted with another key (revoke it first). Re-enrolment that changes a known
    unit's area or kind needs `confirm_area_change`, and trusting a revoked unit again
    `confirm_retrust`: each refusal names the change (trust_change tells a screen what to ask)."""
    uow.actor.require(MANAGE_TRUST)
    change = trust_change(uow.session, enrolment)
    if change is not None and change.revoked and not confirm_retrust:
        raise ValidationError("authority.trust_revoked", code=change.code, fingerprint=change.old_fingerprint)
    if change is not None and change.area_changed and not confirm_area_change:
        old, new = change.describe()
        raise ValidationError("authority.trust_area_change", code=change.code, old=old, new=new)
    if expected_fingerprint is not None and normalise_fingerprint(
        expected_fingerprint
    ) != normalise_fingerprint(enrolment.fingerprint):
        raise ValidationError(
            "trust.fingerprint_mismatch", expected=expected_fingerprint.strip(), actual=enrolment.fingerprint
        )
    if enrolment.code == uow.unit:
        raise ValidationError("trust.own_enrolment", code=enrolment.code)
    session = uow.session
    peer = session.get(Peer, enrolment.code)
    action = "trust"
    if peer is None:
        peer = Peer(
            code=enrolment.code,
            acked_seq=0,
            received_seq=0,
            last_bundle_sent=0,
            last_bundle_received=0,
            last_ack_sent=0,
        )
        session.add(peer)
    elif peer.sign_public_key != enrolment.sign_public_key:
        if peer.revoked_at is None:
            raise ValidationError("trust.key_changed", code=enrolment.code, fingerprint=peer.fingerprint)
        action = "trust_new_key"
    peer.name = enrolment.name
    peer.kind = enrolment.kind
    peer.region_code = enrolment.region_code
    peer.sign_public_key = enrolment.sign_public_key
    peer.enc_public_key = enrolment.enc_public_key
    peer.fingerprint = enrolment.fingerprint
    peer.trusted_at = uow.now
    peer.revoked_at = None
    session.flush()
    record: dict[str, Any] = {"code": enrolment.code, "fingerprint": enrolment.fingerprint}
    if change is not None:
        record.update(kind=enrolment.kind, region_code=enrolment.region_code,
                      before={"kind": change.old_kind, "region_code": change.old_area})  # fmt: skip
    uow.audit_event(action, "peers", None, after=json.dumps(record, ensure_ascii=False))
    return _info(peer)


def revoke_peer(uow: UnitOfWork, *, code: str) -> PeerInfo:
    uow.actor.require(MANAGE_TRUST)
    peer = uow.session.get(Peer, code)
    if peer is None:
        raise NotFoundError("peer.unknown", code=code)
    if peer.revoked_at is None:
        peer.revoked_at = uow.now
        uow.session.flush()
        uow.audit_event("revoke", "peers", None, after=json.dumps({"code": code}, ensure_ascii=False))
    return _info(peer)


def list_peers(session: Session, *, actor: Actor) -> list[PeerInfo]:
    actor.require(READ)
    return [_info(p) for p in session.scalars(select(Peer).order_by(Peer.code))]


def get_peer(session: Session, code: str) -> Peer | None:
    return session.get(Peer, code)


# --- history ------------------------------------------------------------------------------------


def _record(entry: BundleLog) -> BundleRecord:
    try:
        summary = json.loads(entry.summary or "{}")
    except ValueError:
        summary = {}
    return BundleRecord(entry.bundle_id, entry.direction, entry.sequence, entry.at, entry.file_name, summary)


def missing_sequences(received: list[int]) -> list[tuple[int, int]]:
    """Runs of sequence numbers missing below the highest received (1-based): [(12, 14)]."""
    have = sorted({s for s in received if s > 0})
    gaps: list[tuple[int, int]] = []
    expected = 1
    for seq in have:
        if seq > expected:
            gaps.append((expected, seq - 1))
        expected = seq + 1
    return gaps


def peer_history(session: Session, *, actor: Actor, code: str) -> PeerHistory:
    actor.require(READ)
    peer = session.get(Peer, code)
    if peer is None:
        raise NotFoundError("peer.unknown", code=code)
    entries = session.scalars(
        select(BundleLog).where(BundleLog.peer_code == code).order_by(BundleLog.sequence, BundleLog.at)
    ).all()
    received = [_record(e) for e in entries if e.direction == "in"]
    sent = [_record(e) for e in entries if e.direction == "out"]
    return PeerHistory(_info(peer), received, sent, missing_sequences([r.sequence for r in received]))
