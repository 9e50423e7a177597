"""Hypothesis strategies for broken bundles, and the edits that make them from a real one.

A bundle is edited as its members (name -> bytes, in zip order) and its manifest (a dict): rows changed,
dropped, repeated or reordered, members replaced, added, removed, repeated or reordered, manifest
values replaced by JSON of any type; then (usually) the members' sizes and hashes are brought up to
date and the manifest is signed again by the sender, as a buggy or hostile trusted peer would; and
sometimes sealed again to the receiver. Bytes of the finished files are damaged too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import warnings
import zipfile
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from msfood.core.keys import canonical_json, sign

HLC = "0001764000000000-00000-430204-01"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.integers(-(2**80), 2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(
        [
            "", "2026-02-30", "2026-13-01", "0001-01-01", "9999-12-31", "2026-05-10", "2026-05-10 10:00:00",
            "2026-05-10T10:00:00+08:00", "9999-12-31 23:59:59.999999", HLC, HLC.replace("0001764", "9999999"),
            "00000000-0000-0000-0000-000000000000", "x" * 37, "\ud800", "\x00", "🍜", "430204", "village",
            "catering", "Z", "deleted", "regions", "data/regions.jsonl", "1" * 400,
        ]
    ),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)
MANIFEST_KEYS = [
    "format", "format_version", "schema", "bundle_id", "created", "sender", "receiver", "sequence", "since",
    "upto", "ack", "full", "tables", "members", "extra",
]
MEMBER_NAMES = [
    "manifest.json", "signature", "data/regions.jsonl", "data/businesses.jsonl", "data/unknown.jsonl",
    "data/users.jsonl", "attachments/" + "0" * 64, "../evil", "/abs", "data/", "a\\b", "c:d",
    "data/Regions.jsonl",
]

small = st.integers(0, 10_000)  # indices are taken modulo the current sizes
row_edits = st.one_of(
    st.tuples(st.just("cell"), small, small, small, json_values),
    st.tuples(st.just("line"), small, small, st.one_of(json_values.map(json.dumps), st.binary(max_size=60))),
    st.tuples(st.just("drop_line"), small, small),
    st.tuples(st.just("copy_line"), small, small),
    st.tuples(st.just("swap_lines"), small, small, small),
    st.tuples(st.just("cut_member"), small, small),
)
member_edits = st.one_of(
    st.tuples(st.just("member"), small, st.binary(max_size=200)),
    st.tuples(st.just("add_member"), st.sampled_from(MEMBER_NAMES), st.binary(max_size=100)),
    st.tuples(st.just("drop_member"), small),
    st.tuples(st.just("repeat_member"), small),
    st.tuples(st.just("swap_members"), small, small),
)
DEEP_KEYS = ["columns", "rows", "size", "sha256", "code", "fingerprint", "media_type"]
manifest_edits = st.one_of(
    st.tuples(st.just("manifest"), st.sampled_from(MANIFEST_KEYS), json_values),
    st.tuples(st.just("manifest_drop"), st.sampled_from(MANIFEST_KEYS)),
    st.tuples(st.just("manifest_deep"), small, st.sampled_from(DEEP_KEYS), json_values),
    st.tuples(st.just("table"), st.sampled_from(["units", "users", "nope", "regions", ""]), json_values),
)
edits = st.one_of(row_edits, row_edits, member_edits, manifest_edits)  # rows: where the merge is reached


@dataclass
class Bundle:
    members: list[tuple[str, bytes]]  # in zip order; a name may repeat
    manifest: dict[str, Any]

    @classmethod
    def of_zip(cls, data: bytes) -> Bundle:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(name, archive.read(name)) for name in archive.namelist()]
        manifest = json.loads(dict(members)["manifest.json"])
        return cls(members, manifest)

    def data_members(self) -> list[int]:
        return [i for i, (name, _) in enumerate(self.members) if name.startswith("data/")]

    def kinds(self) -> dict[str, list[str]]:
        """Each data member's table -> the kind of each of its columns, in the manifest's order."""
        from msfood.db.models import synced_tables
        from msfood.sync.codec import kinds_of

        tables = {t.name: kinds_of(t) for t in synced_tables()}
        listed = self.manifest.get("tables", {})
        return {name: [tables[name][c] for c in info["columns"]] for name, info in listed.items()}

    def apply(self, edit: tuple[Any, ...]) -> None:
        kind, *args = edit
        if kind == "typed":  # ("typed", table, line, column, value)
            names = [name for name, _ in self.members]
            position = names.index(f"data/{args[0]}.jsonl")
            name, content = self.members[position]
            lines = content.split(b"\n")[:-1]
            row = json.loads(lines[args[1] % len(lines)])
            row[args[2]] = args[3]
            lines[args[1] % len(lines)] = json.dumps(row, ensure_ascii=False).encode("utf-8", "surrogatepass")
            self.members[position] = (name, b"".join(line + b"\n" for line in lines))
            return
        if kind in ("cell", "line", "drop_line", "copy_line", "swap_lines", "cut_member"):
            data = self.data_members()
            if not data:
                return
            position = data[args[0] % len(data)]
            name, content = self.members[position]
            lines = content.split(b"\n")[:-1] if content.endswith(b"\n") else content.split(b"\n")
            if kind == "cut_member":
                content = content[: args[1] % (len(content) + 1)]
                self.members[position] = (name, content)
                return
            if not lines:
                return
            at = args[1] % len(lines)
            if kind == "cell":
                try:
                    row = json.loads(lines[at])
                except ValueError:
                    return
                if isinstance(row, list) and row:
                    row[args[2] % len(row)] = args[3]
                    lines[at] = json.dumps(row, ensure_ascii=False).encode("utf-8", "surrogatepass")
            elif kind == "line":
                lines[at] = args[2].encode("utf-8", "surrogatepass") if isinstance(args[2], str) else args[2]
            elif kind == "drop_line":
                del lines[at]
            elif kind == "copy_line":
                lines.insert(at, lines[at])
            elif kind == "swap_lines":
                other = args[2] % len(lines)
                lines[at], lines[other] = lines[other], lines[at]
            self.members[position] = (name, b"".join(line + b"\n" for line in lines))
        elif kind == "member" and self.members:
            position = args[0] % len(self.members)
            self.members[position] = (self.members[position][0], args[1])
        elif kind == "add_member":
            self.members.append((args[0], args[1]))
        elif kind == "drop_member" and self.members:
            del self.members[args[0] % len(self.members)]
        elif kind == "repeat_member" and self.members:
            self.members.append(self.members[args[0] % len(self.members)])
        elif kind == "swap_members" and self.members:
            a, b = args[0] % len(self.members), args[1] % len(self.members)
            self.members[a], self.members[b] = self.members[b], self.members[a]
        else:
            self._edit_manifest(kind, args)

    def _edit_manifest(self, kind: str, args: list[Any]) -> None:
        m = self.manifest
        if kind == "manifest":
            m[args[0]] = args[1]
        elif kind == "manifest_drop":
            m.pop(args[0], None)
        elif kind == "manifest_deep":
            places = [
                v for key in ("tables", "members") if isinstance(m.get(key), dict) for v in m[key].values()
            ]
            places += [m["sender"]] if isinstance(m.get("sender"), dict) else []
            places = [p for p in places if isinstance(p, dict)]
            if places:
                places[args[0] % len(places)][args[1]] = args[2]
        elif kind == "table" and isinstance(m.get("tables"), dict):
            m["tables"][args[0]] = args[1]

    def rehash(self) -> None:
        """Sizes and hashes in the manifest made to match the members (as a sender would write them)."""
        listed = self.manifest.get("members")
        if not isinstance(listed, dict):
            return
        contents = dict(self.members)
        for name, info in listed.items():
            if name in contents and isinstance(info, dict):
                info["size"] = len(contents[name])
                info["sha256"] = hashlib.sha256(contents[name]).hexdigest()

    def write(self, *, sign_with: str | None) -> bytes:
        """The zip: the manifest member rewritten from the manifest (signed again when a key is given)."""
        try:
            raw = canonical_json(self.manifest)
        except (ValueError, UnicodeEncodeError):  # NaN keys, lone surrogates: a sender could not write it
            raw = json.dumps(self.manifest, sort_keys=True).encode("utf-8")
        out = io.BytesIO()
        with (
            warnings.catch_warnings(),
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            warnings.simplefilter("ignore")  # "Duplicate name": repeated members are the point
            for name, content in self.members:
                if name == "manifest.json":
                    content = raw
                elif name == "signature" and sign_with is not None:
                    content = sign(sign_with, raw)
                archive.writestr(name, content)
        return out.getvalue()


# --- values of the right JSON type for their column, wrong in every other way ---------------------

KIND_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "str": st.one_of(
        st.text(max_size=20),
        st.sampled_from(["", "\ud800", "a\udfffb", "\x00", "Z", "xyz", "00000000-0000-0000-0000-0000000000"]),
        st.integers(1000, 200_000).map(lambda n: "长" * n),
    ),
    "int": st.one_of(st.integers(-3, 3), st.integers(-(2**70), 2**70),
                     st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1])),
    "float": st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(2**70), 2**70)),
    "bool": st.booleans(),
    "date": st.one_of(
        st.dates().map(dt.date.isoformat), st.sampled_from(["2026-02-29", "2026-2-1 ", "+002026-01"])
    ),
    "datetime": st.one_of(
        st.datetimes().map(lambda d: d.isoformat(" ", "microseconds")),
        st.sampled_from(
            [
                "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00", "2026-05-10T10:00:00Z",
                "2026-05-10", "2026-05-10 10:00", "2026-05-10 10:00:00.1234567", "9999-12-31 24:00:00",
            ]
        ),
    ),
    "bytes": st.one_of(st.text("0123456789abcdefABCDEF", max_size=9), st.text(max_size=5)),
}


@st.composite
def typed_cells(draw: st.DrawFn, kinds: dict[str, list[str]]) -> tuple[Any, ...]:
    """("typed", member, line, column, value): a value of the column's JSON type (codec.column_kind)."""
    table = draw(st.sampled_from(sorted(kinds)))
    column = draw(st.integers(0, len(kinds[table]) - 1))
    value = draw(KIND_VALUES[kinds[table][column]])
    return ("typed", table, draw(small), column, value)
