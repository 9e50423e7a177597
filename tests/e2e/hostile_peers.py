"""Helpers of the adversarial suite: a bureau and two stations with real databases that have synced a
real roster, and bundles forged with a station's real signing key taken from its database file."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import sqlite3
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from msfood.core.ids import natural_id
from msfood.db.models import synced_tables
from msfood.sync import codec
from tests.unit.sync.sync_helpers import (
    BUREAU,
    REGION,
    S1,
    S2,
    business_id,
    cadre_id,
    export,
    import_,
    make_trio,
    now_clock,
    put_business,
    put_cadre,
    put_visit,
    visit_id,
    with_db,
    write,
)

B1, B2 = business_id("91430204MA4L000001"), business_id("91430211MA4L000002")
C1, C2 = cadre_id("13800000001"), cadre_id("13800000003")
Q3_VISIT = visit_id(C1, B1, dt.date(2026, 8, 10))
Q4_VISIT = visit_id(C1, B1, dt.date(2026, 11, 10))
S2_VISIT = visit_id(C2, B2, dt.date(2026, 11, 12))
RAPID = natural_id("rapid_test", B1, "2026-11-01", "青菜", "农药残留")
TABLES = {t.name: t for t in synced_tables()}
_COUNTER = itertools.count(1)


def _assignment(uow: Any, cadre: str, business: str, start: dt.date) -> str:
    record = natural_id("assignment", cadre, business, start.isoformat())
    uow.upsert(
        TABLES["assignments"], {"id": record, "cadre_id": cadre, "business_id": business, "start_date": start}
    )
    return record


def station_one(uow: Any) -> None:
    put_business(uow, "91430204MA4L000001", "430204001", name="清水塘饭店", grade="D")
    put_cadre(uow, "13800000001", "430204001", name="张三")
    _assignment(uow, C1, B1, dt.date(2026, 1, 1))
    put_visit(uow, C1, B1, dt.date(2026, 8, 10), remarks="三季度")
    put_visit(uow, C1, B1, dt.date(2026, 11, 10), remarks="四季度")
    uow.upsert(
        TABLES["problems"],
        {
            "id": natural_id("problem", Q4_VISIT, 1),
            "visit_id": Q4_VISIT,
            "seq": 1,
            "description": "台账不全",
            "deadline": dt.date(2026, 11, 30),
            "status": "pending",
        },
    )
    uow.upsert(
        TABLES["rapid_tests"],
        {
            "id": RAPID,
            "business_id": B1,
            "test_date": dt.date(2026, 11, 1),
            "sample_name": "青菜",
            "item": "农药残留",
            "batches": 5,
            "positives": 1,
        },
    )


def station_two(uow: Any) -> None:
    put_business(uow, "91430211MA4L000002", "430211001", name="嵩山路餐馆", grade="D")
    put_cadre(uow, "13800000003", "430211001", name="李四")
    _assignment(uow, C2, B2, dt.date(2026, 1, 1))
    put_visit(uow, C2, B2, dt.date(2026, 11, 12), remarks="天元")


def close_q3(uow: Any) -> None:
    from msfood.services.periods.closing import close_period

    close_period(uow, period="2026Q3")


def build_world(folder: Path) -> dict[str, Path]:
    """The trio (regions from the bureau), a roster at each station, everything exchanged, 2026Q3
    closed at the bureau and sent down."""
    paths = make_trio(folder)
    write(paths[S1], S1, station_one)
    write(paths[S2], S2, station_two)
    exchange(paths, folder / "settle")
    write(paths[BUREAU], BUREAU, close_q3)  # reported upward: closed, and sent down
    exchange(paths, folder / "settle")
    return paths


def exchange(paths: dict[str, Path], folder: Path) -> None:
    """Up from both stations, then down to both: what a week of honest sync does."""
    folder.mkdir(parents=True, exist_ok=True)
    for src, dst in ((S1, BUREAU), (S2, BUREAU), (BUREAU, S1), (BUREAU, S2)):
        out = folder / f"{next(_COUNTER):04d}"
        out.mkdir()
        bundle = export(paths[src], src, out, to=dst)
        if bundle is not None:
            report = import_(paths[dst], dst, [bundle])
            assert report.exit_code == 0, report.as_json()


# --- what an attacker with a station's database file does -----------------------------------------


def stolen_key(db: Path) -> str:
    """The station's private signing key, read straight from its database file (no password)."""
    with sqlite3.connect(db) as connection:
        (value,) = connection.execute("SELECT value FROM meta WHERE key = 'sign_private_key'").fetchone()
    return str(value)


def fingerprint_of(private_b64: str) -> str:
    from msfood.core.keys import RAW, RAW_PUBLIC, b64, fingerprint, signing_key

    public = signing_key(private_b64).public_key().public_bytes(RAW, RAW_PUBLIC)
    return fingerprint(b64(public))


def stamp(origin: str, minutes: int = 1) -> str:
    """A fresh HLC stamp of `origin`, a little after the world's clock (each call a new counter)."""
    ms = int(now_clock().now().timestamp() * 1000) + minutes * 60_000
    return f"{ms:013d}{next(_COUNTER):06d}{origin}"


def row_of(db: Path, table: str, record_id: str) -> dict[str, Any]:
    """A stored row as a bundle carries it (JSON values)."""
    from sqlalchemy import select

    def run(database: Any) -> dict[str, Any]:
        with database.sessions() as session:
            found = (
                session.execute(select(TABLES[table]).where(TABLES[table].c.id == record_id))
                .mappings()
                .first()
            )
            assert found is not None, (table, record_id)
            return codec.row_to_json(TABLES[table], dict(found))

    return dict(with_db(db, run))


def edited(db: Path, table: str, record_id: str, *, origin: str = S1, **changes: Any) -> dict[str, Any]:
    """A held row changed as the attacker likes, stamped as a later edit by `origin`."""
    row = row_of(db, table, record_id)
    row.update(changes, base_hlc=row["hlc"], hlc=stamp(origin), origin=origin)
    return row


def fresh(table: str, *, origin: str = S1, **values: Any) -> dict[str, Any]:
    """A new row of `table` (defaults for what is not given), stamped by `origin`."""
    out: dict[str, Any] = {}
    for column in TABLES[table].columns:
        if column.name == "local_seq":
            continue
        default = column.default.arg if column.default is not None and column.default.is_scalar else None
        out[column.name] = codec.encode(codec.column_kind(column), default)
    out.update(
        id=values.pop("id", None) or natural_id("forged", str(next(_COUNTER))),
        hlc=stamp(origin),
        base_hlc="",
        origin=origin,
        deleted=False,
        entered_at="2026-11-24 02:01:00.000000",
    )
    out.update(values)
    return out


def forge(
    folder: Path,
    key: str,
    tables: dict[str, Iterable[dict[str, Any]]],
    *,
    sender: str = S1,
    receiver: str | None = BUREAU,
    raw_lines: dict[str, bytes] | None = None,
) -> Path:
    """A bundle in the public format, signed with `key`: each table's rows in id order (as a real
    export writes them), or `raw_lines` written as they are."""
    from msfood.core.keys import canonical_json, sign
    from msfood.db.engine import head_revision
    from msfood.sync.bundle_format import FORMAT, FORMAT_VERSION

    members: dict[str, bytes] = {}
    manifest_tables: dict[str, Any] = {}
    for name, rows in tables.items():
        columns = codec.exported_columns(TABLES[name])
        ordered = sorted(rows, key=lambda r: r["id"])
        lines = "".join(
            json.dumps([r.get(c) for c in columns], ensure_ascii=False, separators=(",", ":")) + "\n"
            for r in ordered
        ).encode("utf-8")
        members[f"data/{name}.jsonl"] = (raw_lines or {}).get(name, lines)
        manifest_tables[name] = {"columns": columns, "rows": len(ordered)}
    n = next(_COUNTER)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema": head_revision(),
        "bundle_id": natural_id("forged-bundle", str(n)),
        "created": "2026-11-24 02:01:00.000000",
        "sender": {
            "code": sender,
            "name": "",
            "kind": "station",
            "region_code": REGION.get(sender),
            "fingerprint": fingerprint_of(key),
        },
        "receiver": receiver,
        "sequence": 900 + n,
        "since": 0,
        "upto": 0,
        "ack": None,
        "full": False,
        "tables": manifest_tables,
        "members": {m: {"size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for m, d in members.items()},
    }
    raw = canonical_json(manifest)
    path = folder / f"forged-{n:04d}.msfb"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
        archive.writestr("manifest.json", raw)
        archive.writestr("signature", sign(key, raw))
    return path


# --- what must not change ---------------------------------------------------------------------------


def records_digest(db: Path, *, skip_origin: str | None = None) -> str:
    """Every synced record but the history (a merge audits the import itself), or, with skip_origin,
    also the history entries of every other origin."""
    connection = sqlite3.connect(db)
    try:
        digest = hashlib.sha256()
        for name in sorted(TABLES):
            if name == "audit_log":
                if skip_origin is None:
                    continue
                query = "SELECT * FROM audit_log WHERE origin != ? ORDER BY id"
                rows = connection.execute(query, (skip_origin,))
            else:
                rows = connection.execute(f'SELECT * FROM "{name}" ORDER BY id')
            digest.update(name.encode())
            for row in rows:
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        connection.close()


def figures(db: Path) -> list[dict[str, Any]]:
    """`msfood stats --json` for the closed quarter and the running one, over the city and each area."""
    from msfood.metrics import compute_stats

    def run(database: Any) -> list[dict[str, Any]]:
        out = []
        with database.sessions() as session:
            for period, as_of in (("2026Q3", dt.date(2026, 9, 30)), ("2026Q4", dt.date(2026, 11, 24))):
                for region in (None, "430204", "430211"):
                    stats = compute_stats(
                        session, period=period, as_of=as_of, region=region, clock=now_clock(), details=False
                    )
                    out.append(json.loads(json.dumps(stats.to_json(), default=str)))
        return out

    return list(with_db(db, run))


def audit_ok(db: Path) -> bool:
    from msfood.services.history.audit import verify_chain

    def run(database: Any) -> bool:
        with database.sessions() as session:
            return verify_chain(session).ok

    return bool(with_db(db, run))
