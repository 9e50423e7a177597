"""The bundle file: a zip of manifest.json, data/<table>.jsonl, attachments/<sha256> and a signature.

Writing streams every member (rows go out chunk by chunk, each member hashed as it is written);
reading checks the zip's sanity from its central directory before it decompresses a byte: only
the expected member names (no absolute or `..` paths), bounded sizes and counts, a bounded
compression ratio (a zip bomb is refused unopened). ZipExtFile never yields more than a member's
declared size, so those bounds hold while reading too.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from msfood.core.errors import ValidationError
from msfood.core.keys import canonical_json, sign

FORMAT = "msfood-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "signature"
DATA = "data/"
ATTACHMENTS = "attachments/"
SUFFIX = ".msfb"

MAX_MEMBERS = 100_000
MAX_MANIFEST = 32 << 20
MAX_SIGNATURE = 1024
MAX_DATA_MEMBER = 8 << 30
MAX_ATTACHMENT = 64 << 20
MAX_TOTAL = 32 << 30
MAX_RATIO = 100  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1 << 20
MAX_LINE = 4 << 20
READ_BLOCK = 1 << 20  # decompressed bytes read (and decoded) at a time

DATA_NAME = re.compile(r"^data/([a-z_]{1,64})\.jsonl$")
ATTACHMENT_NAME = re.compile(r"^attachments/([0-9a-f]{64})$")


def refuse(code: str, **params: Any) -> ValidationError:
    return ValidationError(code, **params)


# --- writing ------------------------------------------------------------------------------------


class MemberWriter:
    """One streamed member: rows as JSON lines, counted and hashed as they are written."""

    def __init__(
        self, stream: IO[bytes], *, table: str | None = None, columns: list[str] | None = None
    ) -> None:
        self.stream = stream
        self.sha = hashlib.sha256()
        self.size = 0
        self.rows = 0
        self.table = table
        self.limits: list[tuple[int, str, int]] = []  # (position, column, longest text import takes)
        self.id_at = columns.index("id") if columns and "id" in columns else None
        if table is not None and columns is not None:
            from msfood.db.models import synced_tables
            from msfood.sync.column_rules import column_rule

            found = {t.name: t for t in synced_tables()}.get(table)
            for i, name in enumerate(columns):
                rule = column_rule(found, name) if found is not None else None
                if rule is not None and rule.max_len is not None:
                    self.limits.append((i, name, rule.max_len))

    def write_rows(self, rows: list[list[Any]]) -> None:
        if not rows:
            return
        for i, column, limit in self.limits:  # export never writes what import refuses
            longest = max((len(r[i]) for r in rows if type(r[i]) is str), default=0)
            if longest > limit:
                row = next(r for r in rows if type(r[i]) is str and len(r[i]) > limit)
                from msfood.core.errors import ValidationError

                record = row[self.id_at] if self.id_at is not None else ""
                raise ValidationError(
                    "authority.export_too_long", table=self.table, record=record, column=column, max=limit
                )
        data = "".join(
            json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n" for row in rows
        ).encode("utf-8")
        self.stream.write(data)
        self.sha.update(data)
        self.size += len(data)
        self.rows += len(rows)


class BundleWriter:
    """Writes a bundle zip at `path`: data members, attachments, then the signed manifest."""

    def __init__(self, path: Path, *, compresslevel: int = 6) -> None:
        self.path = path
        self.zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel)
        self.members: dict[str, dict[str, Any]] = {}
        self.tables: dict[str, dict[str, Any]] = {}

    def table(self, name: str, columns: list[str]) -> _TableMember:
        return _TableMember(self, name, columns)

    def attachment(self, sha256: str, content: bytes, media_type: str) -> None:
        member = ATTACHMENTS + sha256
        self.zip.writestr(member, content)
        self.members[member] = {
            "size": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
            "media_type": media_type,
        }

    def finish(self, manifest: dict[str, Any], sign_private_b64: str) -> dict[str, Any]:
        manifest = dict(manifest, tables=self.tables, members=self.members)
        raw = canonical_json(manifest)
        self.zip.writestr(MANIFEST, raw)
        self.zip.writestr(SIGNATURE, sign(sign_private_b64, raw))
        self.zip.close()
        return manifest

    def abort(self) -> None:
        self.zip.close()
        self.path.unlink(missing_ok=True)


class _TableMember:
    def __init__(self, bundle: BundleWriter, name: str, columns: list[str]) -> None:
        self.bundle, self.name, self.columns = bundle, name, columns

    def __enter__(self) -> MemberWriter:
        self._stream = self.bundle.zip.open(DATA + self.name + ".jsonl", "w", force_zip64=True)
        self.writer = MemberWriter(self._stream, table=self.name, columns=self.columns)
        return self.writer

    def __exit__(self, *exc: object) -> None:
        self._stream.close()
        member = DATA + self.name + ".jsonl"
        self.bundle.members[member] = {"size": self.writer.size, "sha256": self.writer.sha.hexdigest()}
        self.bundle.tables[self.name] = {"columns": self.columns, "rows": self.writer.rows}


# --- reading ------------------------------------------------------------------------------------


@dataclass
class OpenBundle:
    """A bundle whose zip structure, manifest and signature bytes have been read (not yet trusted)."""

    file_name: str
    zip: zipfile.ZipFile
    manifest_bytes: bytes
    signature: bytes
    manifest: dict[str, Any]

    def close(self) -> None:
        self.zip.close()


def open_zip(path: Path | IO[bytes] | Any, file_name: str) -> OpenBundle:
    """Open the zip (a path, or a seekable binary file such as msfood.sync.crypto.SealedReader) and
    check its structure, then read the manifest and signature."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise refuse("bundle.not_zip", file=file_name) from exc
    try:
        _check_structure(archive, file_name)
        manifest_bytes = _read_small(archive, MANIFEST, MAX_MANIFEST, file_name)
        signature = _read_small(archive, SIGNATURE, MAX_SIGNATURE, file_name)
        try:
            manifest = json.loads(manifest_bytes.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise refuse("bundle.manifest_invalid", file=file_name) from exc
        if not isinstance(manifest, dict):
            raise refuse("bundle.manifest_invalid", file=file_name)
    except BaseException:
        archive.close()
        raise
    return OpenBundle(file_name, archive, manifest_bytes, signature, manifest)


def _check_structure(archive: zipfile.ZipFile, file_name: str) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refuse("bundle.too_many_members", file=file_name, count=len(infos))
    names: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if (
            name.startswith(("/", "\\"))
            or "\\" in name
            or ".." in name.split("/")
            or ":" in name
            or info.is_dir()
        ):
            raise refuse("bundle.bad_path", file=file_name, member=name)
        if name in names:
            raise refuse("bundle.bad_path", file=file_name, member=name)
        names.add(name)
        if name in (MANIFEST, SIGNATURE):
            limit = MAX_MANIFEST if name == MANIFEST else MAX_SIGNATURE
        elif DATA_NAME.match(name):
            limit = MAX_DATA_MEMBER
        elif ATTACHMENT_NAME.match(name):
            limit = MAX_ATTACHMENT
        else:
            raise refuse("bundle.bad_path", file=file_name, member=name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse("bundle.bad_compression", file=file_name, member=name)
        if info.file_size > limit:
            raise refuse("bundle.member_too_large", file=file_name, member=name)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise refuse("bundle.zip_bomb", file=file_name, member=name)
        total += info.file_size
    if total > MAX_TOTAL:
        raise refuse("bundle.too_large", file=file_name)
    for required in (MANIFEST, SIGNATURE):
        if required not in names:
            raise refuse("bundle.member_missing", file=file_name, member=required)


def _read_small(archive: zipfile.ZipFile, name: str, limit: int, file_name: str) -> bytes:
    try:
        with archive.open(name) as handle:
            data = handle.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError, RuntimeError) as exc:
        raise refuse("bundle.corrupt", file=file_name, member=name) from exc
    if len(data) > limit:
        raise refuse("bundle.member_too_large", file=file_name, member=name)
    return data


def check_members(bundle: OpenBundle, *, data: bool = True) -> None:
    """Every member the manifest lists is there with its size and SHA-256, and nothing else is.

    With data=False the data members' sizes are checked from the zip's directory but their contents
    are left to `read_chunks`, which hashes them as the merge reads them (each member decompressed
    once); the merge's transaction cannot commit before every one has matched."""
    members = bundle.manifest.get("members")
    if not isinstance(members, dict):
        raise refuse("bundle.manifest_invalid", file=bundle.file_name)
    present = {i.filename: i for i in bundle.zip.infolist() if i.filename not in (MANIFEST, SIGNATURE)}
    if set(present) != set(members):
        extra = sorted(set(present) ^ set(members))
        raise refuse("bundle.members_mismatch", file=bundle.file_name, member=extra[0])
    for name in sorted(members):
        expected = members[name]
        if not isinstance(expected, dict) or present[name].file_size != expected.get("size"):
            raise refuse("bundle.hash_mismatch", file=bundle.file_name, member=name)
        if not data and name.startswith(DATA):
            continue
        digest = hashlib.sha256()
        try:
            with bundle.zip.open(name) as handle:
                while block := handle.read(READ_BLOCK):
                    digest.update(block)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError, RuntimeError) as exc:
            raise refuse("bundle.corrupt", file=bundle.file_name, member=name) from exc
        if digest.hexdigest() != expected.get("sha256"):
            raise refuse("bundle.hash_mismatch", file=bundle.file_name, member=name)
        match = ATTACHMENT_NAME.match(name)
        if match and match.group(1) != expected.get("sha256"):
            raise refuse("bundle.hash_mismatch", file=bundle.file_name, member=name)


Decoder = Callable[[bytes, int], "list[Any] | None"]


def read_chunks(
    bundle: OpenBundle, table: str, decoder: Decoder | None = None
) -> Iterator[tuple[list[Sequence[Any]], bool]]:
    """The rows of one data member, a block of complete lines at a time (never the whole member),
    each line one decoded JSON array, as (rows, typed): typed when `decoder` decoded the block.
    The member is hashed as it streams: its size and SHA-256 must match the manifest's, or
    bundle.hash_mismatch is raised after its last rows (the caller merges inside a transaction that
    this refusal rolls back).

    `decoder(lines, count)`, when given, decodes a block of `count` lines (without the last newline)
    in one call, or returns None to leave the block to the checking decoder (which names a bad line).
    """
    member = DATA + table + ".jsonl"
    expected = bundle.manifest.get("members", {}).get(member)
    digest = hashlib.sha256()
    size = 0
    line_no = 0

    def bad(row: int) -> ValidationError:
        return refuse("bundle.bad_row", file=bundle.file_name, member=member, row=row)

    try:
        with bundle.zip.open(member) as handle:
            pending = b""
            while True:
                block = handle.read(READ_BLOCK)
                digest.update(block)
                size += len(block)
                data = pending + block if pending else block
                cut = data.rfind(b"\n")
                if cut < 0:
                    pending = data
                else:
                    complete, pending = data[:cut], data[cut + 1 :]
                    lines = complete.count(b"\n") + 1
                    typed = decoder(complete, lines) if decoder is not None else None
                    rows = typed if typed is not None else _decode_lines(complete, line_no, bad)
                    line_no += len(rows)
                    yield rows, typed is not None
                if len(pending) >= MAX_LINE:
                    raise bad(line_no + 1)
                if not block:
                    if pending:
                        raise bad(line_no + 1)  # no newline at the end
                    break
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError) as exc:
        raise refuse("bundle.corrupt", file=bundle.file_name, member=member) from exc
    if (
        not isinstance(expected, dict)
        or size != expected.get("size")
        or digest.hexdigest() != expected.get("sha256")
    ):
        raise refuse("bundle.hash_mismatch", file=bundle.file_name, member=member)


def read_rows(bundle: OpenBundle, table: str) -> Iterator[Any]:
    """The rows of one data member one by one (read as `read_chunks` reads them, hash checked)."""
    for rows, _typed in read_chunks(bundle, table):
        yield from rows


def _decode_lines(complete: bytes, before: int, bad: Any) -> list[Any]:
    """The JSON arrays of complete lines (`complete` without its last newline); the first bad line
    is named. The whole block is parsed in one call (a call per line costs more than the parsing):
    when every line starts with "[" and ends with "]" and the block parses to one list per line, those
    are exactly the lines' values; anything else is read again line by line to name the bad one."""
    lines = complete.count(b"\n") + 1
    try:
        text = complete.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        starts = text.count("\n[") + (text[:1] == "[")
        ends = text.count("]\n") + (text[-1:] == "]")
        if starts == lines and ends == lines:
            try:
                block = json.loads("[" + text.replace("\n", ",") + "]")
            except ValueError:
                block = None
            if block is not None and len(block) == lines and all(type(row) is list for row in block):
                return block
    rows = []
    for n, line in enumerate(complete.split(b"\n"), start=before + 1):
        try:
            row = json.loads(line)
        except ValueError as exc:  # UnicodeDecodeError included
            raise bad(n) from exc
        if type(row) is not list:
            raise bad(n)
        rows.append(row)
    return rows


def read_attachment(bundle: OpenBundle, sha256: str) -> bytes:
    return _read_small(bundle.zip, ATTACHMENTS + sha256, MAX_ATTACHMENT, bundle.file_name)
