"""Shared helpers of the sync tests: a bureau and two stations that trust each other, and shortcuts."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from msfood.core.clock import CHINA, FixedClock
from msfood.core.errors import NothingToDo
from msfood.core.progress import drain
from msfood.db.engine import Database, open_database
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import UnitOfWork

ADMIN = Actor("admin", "admin")
BUREAU_ADMIN = Actor("admin", "bureau-admin")
PASSWORD = "admin-pass-1"
BUREAU, S1, S2 = "4302", "430204-01", "430211-01"
REGION = {BUREAU: "430200", S1: "430204", S2: "430211"}
NAMES = {BUREAU: "株洲市市场监督管理局", S1: "石峰区市场监管所", S2: "天元区市场监管所"}


def now_clock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 11, 24, 10, 0, tzinfo=CHINA).astimezone(dt.UTC))


def actor_for(code: str) -> Actor:
    return BUREAU_ADMIN if code == BUREAU else ADMIN


def make_unit(path: Path, code: str, *, clock: FixedClock | None = None) -> None:
    from msfood.services.setup.new_unit import initialise

    database = open_database(path, create=True)
    try:
        initialise(
            database,
            code=code,
            name=NAMES.get(code, code),
            clock=clock or now_clock(),
            region_code=REGION.get(code),
            bureau=code == BUREAU,
            admin_username="admin",
            admin_password=PASSWORD,
        )
    finally:
        database.close()


def enrol(source: Path, target: Path, folder: Path) -> None:
    """`target` trusts `source` (as `keys export-enrolment` + `keys trust` would)."""
    from msfood.sync.peers import read_enrolment, trust_peer, write_enrolment

    src = open_database(source)
    try:
        with src.sessions() as session:
            code = write_enrolment(
                session, actor=ADMIN, out=folder / f"{source.stem}.json", clock_now=now_clock().now()
            ).code
    finally:
        src.close()
    dst = open_database(target)
    try:
        with unit_of_work(dst.sessions, actor=Actor("admin", "bureau-admin"), clock=now_clock()) as uow:
            trust_peer(uow, enrolment=read_enrolment(folder / f"{source.stem}.json"))
    finally:
        dst.close()
    assert code


def make_trio(folder: Path) -> dict[str, Path]:
    """A bureau and two stations, each trusting the other side of its link."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {code: folder / f"{code}.sqlite" for code in (BUREAU, S1, S2)}
    for code, path in paths.items():
        make_unit(path, code)
    for station in (S1, S2):
        enrol(paths[station], paths[BUREAU], folder)
        enrol(paths[BUREAU], paths[station], folder)
    # The bureau enters the region tree and sends it down (the tree above a station's area is the
    # bureau's: msfood.sync.authority).
    write(paths[BUREAU], BUREAU, seed_regions)
    for station in (S1, S2):
        out = folder / f"regions-{station}"
        out.mkdir()
        bundle = export(paths[BUREAU], BUREAU, out, to=station)
        assert bundle is not None
        assert import_(paths[station], station, [bundle]).exit_code == 0
    return paths


def copy_trio(template: dict[str, Path], folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for code, path in template.items():
        out[code] = folder / path.name
        shutil.copyfile(path, out[code])
    return out


def with_db(path: Path, fn: Callable[[Database], Any]) -> Any:
    database = open_database(path)
    try:
        return fn(database)
    finally:
        database.close()


def write(path: Path, code: str, fn: Callable[[UnitOfWork], Any], clock: FixedClock | None = None) -> Any:
    def run(database: Database) -> Any:
        with unit_of_work(database.sessions, actor=actor_for(code), clock=clock or now_clock()) as uow:
            return fn(uow)

    return with_db(path, run)


def export(
    path: Path, code: str, out: Path, *, to: str | None, full: bool = False, clock: FixedClock | None = None
) -> Path | None:
    from msfood.sync.export import export_bundle

    def run(database: Database) -> Path | None:
        try:
            return drain(
                export_bundle(
                    database, actor=actor_for(code), out=out, clock=clock or now_clock(), to=to, full=full
                )
            ).path
        except NothingToDo:
            return None

    return with_db(path, run)


def import_(path: Path, code: str, files: list[Path], clock: FixedClock | None = None, **kwargs: Any) -> Any:
    from msfood.sync.importer import import_bundles

    return with_db(
        path,
        lambda database: drain(
            import_bundles(
                database,
                actor=actor_for(code),
                paths=files,
                clock=clock or now_clock(),
                backup=kwargs.pop("backup", False),
                **kwargs,
            )
        ),
    )


# --- records ------------------------------------------------------------------------------------


def region_id(code: str) -> str:
    from msfood.core.ids import natural_id

    return natural_id("region", code)


def business_id(credit: str) -> str:
    from msfood.core.ids import natural_id

    return natural_id("business", credit, "")


def cadre_id(phone: str) -> str:
    from msfood.core.ids import natural_id

    return natural_id("cadre", phone)


def visit_id(cadre: str, business: str, day: dt.date) -> str:
    from msfood.core.ids import natural_id

    return natural_id("visit", cadre, business, day.isoformat())


def put_region(uow: UnitOfWork, code: str, name: str, parent: str | None = None) -> str:
    from msfood.db.models import Region
    from msfood.services.writing.unit_of_work import table_of

    uow.upsert(
        table_of(Region),
        {
            "id": region_id(code),
            "code": code,
            "name": name,
            "parent_id": region_id(parent) if parent else None,
        },
    )
    return region_id(code)


def put_business(uow: UnitOfWork, credit: str, region: str, *, name: str = "", grade: str = "C") -> str:
    from msfood.db.models import Business
    from msfood.services.writing.unit_of_work import table_of

    uow.upsert(
        table_of(Business),
        {
            "id": business_id(credit),
            "name": name or f"主体{credit}",
            "credit_code": credit,
            "licence_no": "",
            "form": "catering",
            "grade": grade,
            "region_id": region_id(region),
        },
    )
    return business_id(credit)


def put_cadre(uow: UnitOfWork, phone: str, region: str, *, name: str = "") -> str:
    from msfood.db.models import Cadre
    from msfood.services.writing.unit_of_work import table_of

    uow.upsert(
        table_of(Cadre),
        {
            "id": cadre_id(phone),
            "name": name or f"干部{phone[-4:]}",
            "phone": phone,
            "level": "village",
            "region_id": region_id(region),
        },
    )
    return cadre_id(phone)


def put_visit(uow: UnitOfWork, cadre: str, business: str, day: dt.date, *, remarks: str | None = None) -> str:
    from msfood.db.models import Visit
    from msfood.services.writing.unit_of_work import table_of

    record = visit_id(cadre, business, day)
    uow.upsert(
        table_of(Visit),
        {
            "id": record,
            "cadre_id": cadre,
            "business_id": business,
            "visit_date": day,
            "mode": "onsite",
            "remarks": remarks,
        },
    )
    return record


SEED_REGIONS = (
    ("430200", "株洲市", None),
    ("430204", "石峰区", "430200"),
    ("430211", "天元区", "430200"),
    ("430204001", "清水塘街道", "430204"),
    ("430211001", "嵩山路街道", "430211"),
)


def seed_regions(uow: UnitOfWork) -> None:
    """The region tree. The trio starts with it (the bureau entered it and sent it down), so at a
    station this changes nothing: a station's regions outside its area would be set aside."""
    for code, name, parent in SEED_REGIONS:
        put_region(uow, code, name, parent)


# --- digests ------------------------------------------------------------------------------------


def db_digest(path: Path) -> str:
    """Everything the database holds (every table, every column), for 'nothing changed' checks."""
    import hashlib
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        names = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for name in names:
            digest.update(name.encode())
            for row in connection.execute(f'SELECT * FROM "{name}" ORDER BY 1'):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        connection.close()


def scope_rows(path: Path, scope: Any, *, tables: list[str] | None = None) -> dict[str, list[tuple]]:
    """The rows of a scope (local_seq left out), by table, sorted by id."""
    from sqlalchemy import select

    from msfood.db.models import synced_tables
    from msfood.sync.scope import ScopeQuery

    def run(database: Database) -> dict[str, list[tuple]]:
        query = ScopeQuery(scope)
        out = {}
        with database.sessions() as session:
            for table in synced_tables():
                if tables is not None and table.name not in tables:
                    continue
                columns = [c for c in table.columns if c.name != "local_seq"]
                out[table.name] = [
                    tuple(r)
                    for r in session.execute(
                        select(*columns).where(query.in_scope(table.name)).order_by(table.c.id)
                    )
                ]
        return out

    return with_db(path, run)


def table_rows(path: Path, model: Any) -> dict[str, dict[str, Any]]:
    from sqlalchemy import select

    table = model.__table__

    key = table.primary_key.columns.values()[0].name

    def run(database: Database) -> dict[str, dict[str, Any]]:
        with database.sessions() as session:
            return {r[key]: dict(r) for r in session.execute(select(table)).mappings()}

    return with_db(path, run)


# --- taking bundles apart (for hostile and upgrade tests) ---------------------------------------


def meta_value(path: Path, key: str) -> str:
    from msfood.services.writing.unit_of_work import read_meta

    def run(database: Database) -> str:
        with database.sessions() as session:
            return read_meta(session)[key]

    return with_db(path, run)


def unseal(bundle: Path, receiver_db: Path, out: Path) -> Path:
    """The plain zip inside a sealed bundle, opened with the receiver's private key."""
    from msfood.sync.bundle_format import MAX_TOTAL
    from msfood.sync.crypto import is_sealed, open_sealed

    if not is_sealed(bundle):
        shutil.copyfile(bundle, out)
        return out
    with open(out, "wb") as target:
        open_sealed(
            bundle, target, enc_private_b64=meta_value(receiver_db, "enc_private_key"), max_bytes=MAX_TOTAL
        )
    return out


def read_members(zip_path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(zip_path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_members(zip_path: Path, members: dict[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return zip_path


def rewrite_bundle(
    bundle: Path,
    out: Path,
    *,
    receiver_db: Path,
    change: Callable[[dict[str, bytes], dict[str, Any]], None],
    sign_with: str | None = None,
    rehash: bool = True,
) -> Path:
    """Open a bundle, let `change` alter its members and manifest, then rewrite it (unsealed):
    with the members' hashes recomputed (rehash) and the manifest signed with `sign_with` (a private
    key in base64), or the original signature kept."""
    import hashlib
    import json

    from msfood.core.keys import canonical_json, sign

    plain = unseal(bundle, receiver_db, out.with_suffix(".plain.zip"))
    members = read_members(plain)
    plain.unlink()
    manifest = json.loads(members["manifest.json"])
    change(members, manifest)
    if rehash:
        for name in list(manifest["members"]):
            if name in members:
                manifest["members"][name]["size"] = len(members[name])
                manifest["members"][name]["sha256"] = hashlib.sha256(members[name]).hexdigest()
    raw = canonical_json(manifest)
    if sign_with is not None:
        members["signature"] = sign(sign_with, raw)
    members["manifest.json"] = raw
    return write_members(out, members)


def peer_row(path: Path, code: str) -> dict[str, Any]:
    from msfood.db.models import Peer

    rows = table_rows(path, Peer)
    return rows.get(code, {})
