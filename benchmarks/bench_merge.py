"""Merging a station's bundle into the bureau's database, against a bare sqlite3 executemany upsert.

    .venv/bin/python -m benchmarks --only merge [--scale city] [--bundle-rows 100000]

The bureau's database is the demo database of the scale (county: about 480,000 records; city: about
4.8 million). A station of one of its districts is set up the way a real one is (enrolments both ways,
then the bureau's bundle of its area merged in); the station then records new daily self-checks for
its businesses and corrects a tenth as many visits, each change with its audit entry, and sends the
bureau a sealed bundle of `bundle_rows` records. All of that is made once and cached.

msfood's side: `import_bundles` end to end on a fresh copy of the bureau's database (decryption,
signature and hash checks, the merge, foreign-key checks, commit), the automatic backup before it
timed apart (`backup_s`). The baseline: the same rows, decoded beforehand and sorted by key, upserted
with one `INSERT ... ON CONFLICT(id) DO UPDATE` executemany per table in one transaction, on a fresh
copy with the same pragmas (WAL, synchronous=FULL). Target (ISSUE 4): at most 1.33 x, peak memory
under 300 MB however large the bundle.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path
from typing import Any

from benchmarks.demo_data import CACHE, bench_clock, demo_db
from benchmarks.harness import best_of, timed

NAME = "merge_bundle"
TARGET = {"ratio": 1.33, "peak_mb": 300}
BUNDLE_ROWS = 100_000
BUREAU_ACTOR = ("bureau", "bureau-admin")
STATION_ACTOR = ("admin", "admin")
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
           "PRAGMA cache_size=-65536")  # msfood's own (msfood.db.engine)


def _actor(pair: tuple[str, str]) -> Any:
    from msfood.services.writing.permissions import Actor

    return Actor(*pair)


def settle(path: Path) -> None:
    """Fold the WAL into the file, so the file alone is the database and can be copied."""
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")


def copy_db(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


def station_region(bureau: Path) -> str:
    """The district (6-digit code under the bureau's area) with the fewest businesses, or the
    bureau's own county when it has no districts."""
    with closing(sqlite3.connect(bureau)) as conn:
        own = conn.execute("SELECT value FROM meta WHERE key = 'region_code'").fetchone()[0]
        rows = conn.execute(
            """SELECT substr(r.code, 1, 6) AS district, COUNT(*) FROM businesses b
               JOIN regions r ON r.id = b.region_id WHERE b.deleted = 0 GROUP BY district
               ORDER BY COUNT(*), district"""
        ).fetchall()
    districts = [code for code, _n in rows if code != own]
    return districts[0] if districts else own


def _station_changes(station: Path, new_rows: int) -> None:
    """New daily self-checks (spring days the demo has none of) and corrected visit remarks, through
    the unit of work as a form or an import writes them: each change with its audit entry."""
    from sqlalchemy import select

    from msfood.db.engine import open_database
    from msfood.db.models import Business, SelfCheck, Visit
    from msfood.services.writing.transaction import unit_of_work
    from msfood.services.writing.unit_of_work import table_of

    updates = new_rows // 10
    daily = new_rows - updates
    database = open_database(station)
    try:
        with unit_of_work(database.sessions, actor=_actor(STATION_ACTOR), clock=bench_clock()) as uow:
            session = uow.session
            businesses = session.scalars(
                select(Business.id).where(Business.deleted.is_(False), Business.form.in_(("catering", "sales")))
                .order_by(Business.id)
            ).all()
            days = [dt.date(2026, 3, 1) + dt.timedelta(days=i) for i in range(92)]
            rows: list[dict[str, Any]] = []
            for business in businesses:
                for day in days:
                    if len(rows) == daily:
                        break
                    rows.append({"id": _natural("selfcheck", business, "daily", day.isoformat()),
                                 "business_id": business, "kind": "daily", "record_date": day,
                                 "period_key": day.isoformat(), "issues_found": 0, "recorder": "店长"})  # fmt: skip
            if len(rows) < daily:
                raise RuntimeError(f"the station has too few businesses for {daily} daily records")
            uow.upsert_many(table_of(SelfCheck), rows)
            visits = session.scalars(
                select(Visit.id).where(Visit.deleted.is_(False)).order_by(Visit.id).limit(updates)
            ).all()
            uow.upsert_many(table_of(Visit), [{"id": v, "remarks": "已复核，情况属实"} for v in visits])
    finally:
        database.close()


def _natural(kind: str, *parts: str) -> str:
    from msfood.core.ids import natural_id

    return natural_id(kind, *parts)


def _export(path: Path, actor: tuple[str, str], out: Path, to: str) -> Path:
    from msfood.core.progress import drain
    from msfood.db.engine import open_database
    from msfood.sync.export import export_bundle

    database = open_database(path)
    try:
        return drain(export_bundle(database, actor=_actor(actor), out=out, clock=bench_clock(), to=to)).path
    finally:
        database.close()


def _import(path: Path, actor: tuple[str, str], bundle: Path) -> Any:
    from msfood.core.progress import drain
    from msfood.db.engine import open_database
    from msfood.sync.importer import import_bundles

    database = open_database(path)
    try:
        report = drain(import_bundles(database, actor=_actor(actor), paths=[bundle], clock=bench_clock(),
                                      backup=False))  # fmt: skip
    finally:
        database.close()
    if report.exit_code != 0:
        raise RuntimeError(f"bundle refused: {report.errors}")
    return report


def _trust(source: Path, target: Path, actor: tuple[str, str], folder: Path) -> str:
    from msfood.db.engine import open_database
    from msfood.services.writing.transaction import unit_of_work
    from msfood.sync.peers import read_enrolment, trust_peer, write_enrolment

    database = open_database(source)
    try:
        with database.sessions() as session:
            code = write_enrolment(session, actor=_actor(STATION_ACTOR), out=folder / f"{source.stem}.json",
                                   clock_now=bench_clock().now()).code  # fmt: skip
    finally:
        database.close()
    database = open_database(target)
    try:
        with unit_of_work(database.sessions, actor=_actor(actor), clock=bench_clock()) as uow:
            trust_peer(uow, enrolment=read_enrolment(folder / f"{source.stem}.json"))
    finally:
        database.close()
    return code


def _decoded_rows(bundle: Path, bureau: Path, out: Path) -> int:
    """The bundle's rows as the merge binds them (decrypted, decoded), per table, sorted by id."""
    from msfood.db.models import synced_tables
    from msfood.sync.bundle_format import open_zip, read_rows
    from msfood.sync.crypto import open_sealed

    with closing(sqlite3.connect(bureau)) as conn:
        key = conn.execute("SELECT value FROM meta WHERE key = 'enc_private_key'").fetchone()[0]
    plain = out.with_suffix(".zip")
    with open(plain, "wb") as target:
        open_sealed(bundle, target, enc_private_b64=key, max_bytes=1 << 40)
    opened = open_zip(plain, plain.name)
    tables: list[tuple[str, list[str], list[list[Any]]]] = []
    try:
        order = [t.name for t in synced_tables()]
        for name in sorted(opened.manifest["tables"], key=order.index):
            columns = opened.manifest["tables"][name]["columns"]
            rows = sorted(read_rows(opened, name), key=lambda r: r[columns.index("id")])  # noqa: B023
            tables.append((name, columns, rows))
    finally:
        opened.close()
        plain.unlink()
    with open(out, "wb") as handle:
        pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return sum(len(rows) for _, _, rows in tables)


def prepare(scale: str, runs: int, bundle_rows: int = BUNDLE_ROWS) -> dict[str, Any]:
    from msfood.db.engine import head_revision

    # Made again when the schema moves on: the bureau's copy carries the schema's triggers and the
    # bundle its version, so both sides of the benchmark run on the current schema.
    folder = CACHE / f"merge-{scale}-{bundle_rows}-{head_revision()}"
    done = folder / "ready.json"
    if not done.exists():
        import json

        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        os.environ["MSFOOD_HOME"] = str(folder / "home")
        from msfood.services.setup.new_unit import initialise

        bureau, station = folder / "bureau.sqlite", folder / "station.sqlite"
        copy_db(demo_db(scale), bureau)
        region = station_region(bureau)
        print(f"preparing the merge: a station of {region} and its bundle of {bundle_rows} records ...",
              flush=True)
        from msfood.db.engine import open_database

        database = open_database(station, create=True)
        try:
            initialise(database, code=f"{region}-01", name="演示监管所", clock=bench_clock(), region_code=region,
                       bureau=False, admin_username="admin", admin_password="bench-pass-1")  # fmt: skip
        finally:
            database.close()
        station_code = _trust(station, bureau, BUREAU_ACTOR, folder)
        bureau_code = _trust(bureau, station, STATION_ACTOR, folder)
        _import(station, STATION_ACTOR, _export(bureau, BUREAU_ACTOR, folder, to=station_code))
        # The station's bundle holds its changes and their audit entries (one each): half of each.
        _station_changes(station, bundle_rows // 2)
        bundle = _export(station, STATION_ACTOR, folder, to=bureau_code)
        bundle = bundle.rename(folder / "station-to-bureau.msfb")
        settle(bureau)
        rows = _decoded_rows(bundle, bureau, folder / "rows.pickle")
        done.write_text(json.dumps({"rows": rows, "region": region}))
    import json

    facts = json.loads(done.read_text())
    return {"folder": str(folder), "bureau": str(folder / "bureau.sqlite"),
            "bundle": str(folder / "station-to-bureau.msfb"), "rows_file": str(folder / "rows.pickle"),
            "rows": facts["rows"], "runs": runs}  # fmt: skip


def _work_copy(ctx: dict[str, Any]) -> tuple[Path, Path]:
    work = Path(tempfile.mkdtemp(prefix="msfood-bench-merge-", dir=ctx["folder"]))
    return work, work / "bureau.sqlite"


def measure_baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    with open(ctx["rows_file"], "rb") as handle:
        tables = pickle.load(handle)
    work, target = _work_copy(ctx)
    first_seq = 10**9  # fresh change numbers, as the merge gives its rows

    def fresh() -> None:
        copy_db(Path(ctx["bureau"]), target)

    def upsert() -> int:
        conn = sqlite3.connect(target, isolation_level=None)
        try:
            for pragma in PRAGMAS:
                conn.execute(pragma)
            conn.execute("BEGIN IMMEDIATE")
            seq = first_seq
            for name, columns, rows in tables:
                names = ",".join(f'"{c}"' for c in [*columns, "local_seq"])
                sets = ",".join(f'"{c}"=excluded."{c}"' for c in [*columns, "local_seq"] if c != "id")
                sql = (f'INSERT INTO "{name}" ({names}) VALUES ({",".join("?" * (len(columns) + 1))}) '
                       f"ON CONFLICT(id) DO UPDATE SET {sets}")  # fmt: skip
                conn.executemany(sql, [[*row, seq + i] for i, row in enumerate(rows)])
                seq += len(rows)
            conn.execute("COMMIT")
            return seq - first_seq
        finally:
            conn.close()

    try:
        result = best_of(ctx["runs"], upsert, before=fresh)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["rows"] = result["value"]
    return result


def measure_msfood(ctx: dict[str, Any]) -> dict[str, Any]:
    from msfood.core.progress import drain
    from msfood.db.engine import open_database
    from msfood.services.backups.backup import backup_before
    from msfood.sync.importer import import_bundles

    work, target = _work_copy(ctx)
    os.environ["MSFOOD_HOME"] = str(work / "home")
    state: dict[str, Any] = {}

    def fresh() -> None:
        if "db" in state:
            state["db"].close()
        copy_db(Path(ctx["bureau"]), target)
        state["db"] = open_database(target)

    def merge() -> Any:
        return drain(import_bundles(state["db"], actor=_actor(BUREAU_ACTOR), paths=[Path(ctx["bundle"])],
                                    clock=bench_clock(), backup=False))  # fmt: skip

    try:
        result = best_of(ctx["runs"], merge, before=fresh)
        _, result["backup_s"], _ = timed(lambda: backup_before(state["db"], "bundle"))
    finally:
        if "db" in state:
            state["db"].close()
        shutil.rmtree(work, ignore_errors=True)
    report = result["value"]
    if report.exit_code != 0:
        raise RuntimeError(f"bundle refused: {report.errors}")
    result.update(new=report.total("new"), updated=report.total("updated"),
                  conflicts=report.total("conflicts"), rows=ctx["rows"])  # fmt: skip
    return result
