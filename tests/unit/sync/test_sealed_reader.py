"""Reading a sealed bundle in place (SealedReader): the same bytes as decrypting it whole, each chunk
checked as it is first read, and any damage refused however the file is read."""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest

from msfood.core.errors import ValidationError
from msfood.core.keys import generate_unit_keys
from msfood.sync.crypto import CHUNK, SealedReader, open_sealed, seal_file

KEYS = generate_unit_keys()


def sealed(tmp_path: Path, plain: bytes, name: str = "b.msfb") -> Path:
    source, target = tmp_path / f"{name}.plain", tmp_path / name
    source.write_bytes(plain)
    with open(target, "wb") as handle:
        seal_file(source, handle, receiver_code="4302", receiver_public_b64=KEYS.enc_public)
    return target


def reader(path: Path, max_bytes: int = 1 << 40) -> SealedReader:
    return SealedReader(path, enc_private_b64=KEYS.enc_private, max_bytes=max_bytes)


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, 2 * CHUNK, 2 * CHUNK + 12345])
def test_reads_what_decrypting_whole_gives_in_any_order(tmp_path: Path, size: int) -> None:
    plain = os.urandom(size)
    path = sealed(tmp_path, plain)
    whole = io.BytesIO()
    assert open_sealed(path, whole, enc_private_b64=KEYS.enc_private, max_bytes=1 << 40) == size
    assert whole.getvalue() == plain
    rng = random.Random(size)
    with reader(path) as sealed_file:
        assert sealed_file.size == size
        assert sealed_file.read() == plain
        for _ in range(50):
            start = rng.randrange(0, size + 1)
            length = rng.randrange(0, 3 * CHUNK)
            assert sealed_file.seek(start) == start
            assert sealed_file.read(length) == plain[start : start + length]
            assert sealed_file.tell() == min(size, start + length)
        if size:
            assert sealed_file.seek(-1, 2) == size - 1 and sealed_file.read() == plain[-1:]


def test_a_zip_inside_is_read_by_zipfile(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    members = {f"data/t{i}.jsonl": os.urandom(700_000) for i in range(4)}
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with reader(sealed(tmp_path, buffer.getvalue())) as sealed_file, zipfile.ZipFile(sealed_file) as archive:
        assert {n: archive.read(n) for n in archive.namelist()} == members


def test_a_changed_byte_in_a_middle_chunk_fails_when_read(tmp_path: Path) -> None:
    plain = os.urandom(3 * CHUNK + 10)
    path = sealed(tmp_path, plain)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with reader(path) as sealed_file:
        assert sealed_file.read(100) == plain[:100]  # the first chunk is intact
        with pytest.raises(ValidationError) as caught:
            sealed_file.read()
    assert caught.value.code == "bundle.decrypt_failed"


@pytest.mark.parametrize("cut", ["half", "chunk-boundary", "appended"])
def test_a_truncated_or_extended_file_fails_on_opening_its_end(tmp_path: Path, cut: str) -> None:
    path = sealed(tmp_path, os.urandom(2 * CHUNK + 500))
    data = path.read_bytes()
    header = len(data) - (2 * CHUNK + 500) - 3 * 16  # the sealed chunks: plaintext + a tag each
    changed = {
        "half": data[: len(data) // 2],
        "chunk-boundary": data[: header + CHUNK + 16],
        "appended": data + data[header : header + CHUNK + 16],
    }[cut]
    path.write_bytes(changed)
    with pytest.raises(ValidationError) as caught:
        with reader(path) as sealed_file:
            sealed_file.seek(-10, 2)
            sealed_file.read()
    assert caught.value.code == "bundle.decrypt_failed"


def test_a_plaintext_over_the_limit_is_refused_before_any_decryption(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        reader(sealed(tmp_path, os.urandom(5000)), max_bytes=4999)
    assert caught.value.code == "bundle.too_large"
