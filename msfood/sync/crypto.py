"""Encrypting a bundle to its receiver: X25519 + HKDF-SHA256 + AES-256-GCM, streamed in chunks.

A bundle carries personal data on a USB stick, so when the receiver is named the zip is sealed to the
receiver's X25519 public key. The file is:

    MAGIC | header length (2 bytes) | header | chunk 0 | chunk 1 | ... | final chunk

The header (JSON) names the receiver and carries the sender's one-time X25519 public key and a salt.
The key is HKDF(ECDH(one-time key, receiver key), salt, info naming both public keys). Every chunk is
AES-GCM over at most CHUNK plaintext bytes with its own nonce (a random prefix + the chunk number);
its associated data binds the header, the chunk number and whether it is the last chunk, so chunks
cannot be reordered, dropped or appended, and a truncated file fails. The last chunk is always
shorter than a full one (possibly empty), so the reader knows where the file must end.
Only one chunk is in memory at a time, however large the bundle.
"""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from msfood.core.errors import ValidationError
from msfood.core.keys import RAW, RAW_PUBLIC, b64, decryption_key, encryption_key, unb64

MAGIC = b"MSFOOD-SEALED-BUNDLE\n"
CHUNK = 1 << 20
TAG = 16
MAX_HEADER = 4096
INFO = b"msfood bundle v1"


def is_sealed(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _key(shared: bytes, salt: bytes, ephemeral_public: bytes, receiver_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=INFO + ephemeral_public + receiver_public
    ).derive(shared)


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if final else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def seal_file(source: Path, target: BinaryIO, *, receiver_code: str, receiver_public_b64: str) -> None:
    """Encrypt the file at `source` into the open binary stream `target`."""
    receiver_public = unb64(receiver_public_b64)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(RAW, RAW_PUBLIC)
    salt = os.urandom(16)
    prefix = os.urandom(8)
    header = json.dumps(
        {
            "v": 1,
            "receiver": receiver_code,
            "ephemeral": b64(ephemeral_public),
            "salt": b64(salt),
            "nonce": b64(prefix),
            "chunk": CHUNK,
        },
        sort_keys=True,
    ).encode("ascii")
    key = _key(
        ephemeral.exchange(encryption_key(receiver_public_b64)), salt, ephemeral_public, receiver_public
    )
    aes = AESGCM(key)
    target.write(MAGIC + struct.pack(">H", len(header)) + header)
    index = 0
    with open(source, "rb") as handle:
        block = handle.read(CHUNK)
        while True:
            final = len(block) < CHUNK
            if not final:
                following = handle.read(CHUNK)
            target.write(aes.encrypt(_nonce(prefix, index), block, _aad(header, index, final)))
            if final:
                break
            block, index = following, index + 1


def sealed_receiver(path: Path) -> str:
    """The receiver a sealed bundle is addressed to (read from its header, before any decryption)."""
    header, _ = _read_header(path)
    return str(header.get("receiver", ""))


def _read_header(path: Path) -> tuple[dict, bytes]:
    with open(path, "rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            raise ValidationError("bundle.not_sealed", file=path.name)
        raw_len = handle.read(2)
        if len(raw_len) != 2:
            raise ValidationError("bundle.truncated", file=path.name)
        (length,) = struct.unpack(">H", raw_len)
        raw = handle.read(length)
    if length > MAX_HEADER or len(raw) != length:
        raise ValidationError("bundle.truncated", file=path.name)
    try:
        header = json.loads(raw.decode("ascii"))
        if not isinstance(header, dict) or header.get("v") != 1:
            raise ValueError
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationError("bundle.sealed_header", file=path.name) from exc
    return header, raw


def _opening(path: Path, enc_private_b64: str) -> tuple[bytes, AESGCM, bytes, int]:
    """(header bytes, cipher, nonce prefix, chunk size) of a sealed bundle, from its header and our key."""
    header, raw = _read_header(path)
    try:
        ephemeral_public = unb64(header["ephemeral"])
        salt = unb64(header["salt"])
        prefix = unb64(header["nonce"])
        chunk = int(header["chunk"])
        if len(prefix) != 8 or not 1 <= chunk <= 16 * CHUNK:
            raise ValueError
        private = decryption_key(enc_private_b64)
        receiver_public = private.public_key().public_bytes(RAW, RAW_PUBLIC)
        shared = private.exchange(encryption_key(header["ephemeral"]))
    except (KeyError, ValueError, TypeError) as exc:
        raise ValidationError("bundle.sealed_header", file=path.name) from exc
    return raw, AESGCM(_key(shared, salt, ephemeral_public, receiver_public)), prefix, chunk


def open_sealed(path: Path, target: BinaryIO, *, enc_private_b64: str, max_bytes: int) -> int:
    """Decrypt a sealed bundle into `target`; returns the plaintext size. Any tampering, truncation or
    a bundle sealed to another key fails with ValidationError, having written only what checked out."""
    raw, aes, prefix, chunk = _opening(path, enc_private_b64)
    size = 0
    index = 0
    with open(path, "rb") as handle:
        handle.seek(len(MAGIC) + 2 + len(raw))
        while True:
            block = handle.read(chunk + TAG)
            final = len(block) < chunk + TAG
            try:
                plain = aes.decrypt(_nonce(prefix, index), block, _aad(raw, index, final))
            except (InvalidTag, ValueError) as exc:
                raise ValidationError("bundle.decrypt_failed", file=path.name) from exc
            size += len(plain)
            if size > max_bytes:
                raise ValidationError("bundle.too_large", file=path.name)
            target.write(plain)
            if final:
                if handle.read(1):
                    raise ValidationError("bundle.decrypt_failed", file=path.name)
                return size
            index += 1


class SealedReader:
    """A sealed bundle read as the plain zip it holds, decrypting each chunk when it is first read
    (a seekable, read-only binary file for zipfile): no plaintext copy on disk, and the bundle is read
    once. Every byte handed out comes from a chunk whose tag checked out; the layout (every chunk
    full but the last, which is shorter) follows from the file's size, so a truncated or extended
    file fails on its last chunk, which zipfile reads first (the zip's directory is at the end)."""

    KEPT = 3  # decrypted chunks kept: the one being read, its neighbour, and the last (the directory)

    def __init__(self, path: Path, *, enc_private_b64: str, max_bytes: int) -> None:
        self.name = path.name
        self._raw, self._aes, self._prefix, self._chunk = _opening(path, enc_private_b64)
        self._start = len(MAGIC) + 2 + len(self._raw)
        self._file = open(path, "rb")  # noqa: SIM115 - closed by close()
        try:
            sealed = self._file.seek(0, 2) - self._start
            full, last = divmod(sealed, self._chunk + TAG)
            if sealed < TAG or last < TAG:
                raise ValidationError("bundle.decrypt_failed", file=self.name)
            self._final = full  # index of the last chunk
            self._last_size = last
            self.size = full * self._chunk + last - TAG
            if self.size > max_bytes:
                raise ValidationError("bundle.too_large", file=self.name)
        except BaseException:
            self._file.close()
            raise
        self._cache: dict[int, bytes] = {}
        self._pos = 0
        self.closed = False

    def _plain(self, index: int) -> bytes:
        plain = self._cache.get(index)
        if plain is not None:
            return plain
        final = index == self._final
        self._file.seek(self._start + index * (self._chunk + TAG))
        block = self._file.read(self._last_size if final else self._chunk + TAG)
        try:
            plain = self._aes.decrypt(_nonce(self._prefix, index), block, _aad(self._raw, index, final))
        except (InvalidTag, ValueError) as exc:
            raise ValidationError("bundle.decrypt_failed", file=self.name) from exc
        if len(self._cache) >= self.KEPT:  # forget the chunk farthest from this one (never the last)
            others = [i for i in self._cache if i != self._final]
            del self._cache[max(others, key=lambda i: abs(i - index))]
        self._cache[index] = plain
        return plain

    def read(self, n: int = -1) -> bytes:
        end = self.size if n is None or n < 0 else min(self.size, self._pos + n)
        parts = []
        while self._pos < end:
            index, offset = divmod(self._pos, self._chunk)
            plain = self._plain(index)
            part = plain[offset : offset + end - self._pos]
            if not part:  # pragma: no cover - sizes follow from the layout
                break
            parts.append(part)
            self._pos += len(part)
        return b"".join(parts)

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: self.size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def tell(self) -> int:
        return self._pos

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self.closed = True
        self._cache.clear()
        self._file.close()

    def __enter__(self) -> SealedReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
