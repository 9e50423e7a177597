"""The unit's key pairs: Ed25519 to sign bundles, X25519 to receive encrypted ones.

Private keys live in the database's local `meta` table (so backups hold them); they never travel.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

RAW = serialization.Encoding.Raw
RAW_PUBLIC = serialization.PublicFormat.Raw
RAW_PRIVATE = serialization.PrivateFormat.Raw
NO_ENCRYPTION = serialization.NoEncryption()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class UnitKeys:
    sign_private: str
    sign_public: str
    enc_private: str
    enc_public: str


def generate_unit_keys() -> UnitKeys:
    sign = Ed25519PrivateKey.generate()
    enc = X25519PrivateKey.generate()
    return UnitKeys(
        sign_private=b64(sign.private_bytes(RAW, RAW_PRIVATE, NO_ENCRYPTION)),
        sign_public=b64(sign.public_key().public_bytes(RAW, RAW_PUBLIC)),
        enc_private=b64(enc.private_bytes(RAW, RAW_PRIVATE, NO_ENCRYPTION)),
        enc_public=b64(enc.public_key().public_bytes(RAW, RAW_PUBLIC)),
    )


def fingerprint(sign_public: str) -> str:
    """What two people read to each other by phone: 8 groups of 4 hex digits of SHA-256(public key)."""
    digest = hashlib.sha256(unb64(sign_public)).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def signing_key(private_b64: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(unb64(private_b64))


def verifying_key(public_b64: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(unb64(public_b64))


def decryption_key(private_b64: str) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(unb64(private_b64))


def encryption_key(public_b64: str) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(unb64(public_b64))


def canonical_json(data: object) -> bytes:
    """The exact bytes a signature covers: sorted keys, no spaces, UTF-8."""
    import json

    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign(private_b64: str, data: bytes) -> bytes:
    return signing_key(private_b64).sign(data)


def verify(public_b64: str, signature: bytes, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        verifying_key(public_b64).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def normalise_fingerprint(text: str) -> str:
    """What a person typed (spaces, dashes, colons, lower case) -> the 32 hex digits."""
    return "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")
