"""Province simulation: several cities' bundles merged into one PostgreSQL database, then the
province-wide figures for a quarter.

    .venv/bin/python -m benchmarks.province --pg postgresql+psycopg://USER@HOST:PORT/DB \
        [--scale city] [--cities 2] [--daily-every 1] [--json OUT]

Each city is a demo database of the scale (seed 1, 2, ...: different businesses, cadres and
records on the same 株洲 region tree; cities after the first get a unit code and keys of their own).
`--daily-every N` thins the daily self-checks to one day in N before export (disk and time). The
province (unit 43, region 430000) is a new database made on the server named by --pg (dropped
first when it exists: the name is that URL's database name plus "_province"). Every city and the
province trust each other; each city exports a sealed bundle of everything to the province, which
merges them one after the other (timed apart: verification and decryption included). Prints and
writes: rows, seconds and rows per second of every export and merge, the province-wide
compute_stats time, and the extrapolation to 14 cities (linear in the rows).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from benchmarks.bench_merge import copy_db, settle
from benchmarks.demo_data import CACHE, TODAY, bench_clock, demo_db

PROVINCE = "43"
CITIES_IN_PROVINCE = 14


def _actor(role: str) -> Any:
    from msfood.services.writing.permissions import Actor

    return Actor("admin", role)


def reidentify(path: Path, code: str) -> None:
    """Give a copied unit database a unit code and keys of its own (a different city)."""
    from msfood.core.keys import generate_unit_keys

    keys = generate_unit_keys()
    with closing(sqlite3.connect(path)) as conn, conn:
        for key, value in (("unit_code", code), ("sign_private_key", keys.sign_private),
                           ("enc_private_key", keys.enc_private)):  # fmt: skip
            conn.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))


def thin_daily(path: Path, every: int) -> int:
    """Keep the daily self-checks of one day in `every` (rows removed outright: this copy is only a
    bundle's source). Returns the daily rows kept."""
    with closing(sqlite3.connect(path)) as conn, conn:
        if every > 1:
            conn.execute("DELETE FROM selfchecks WHERE kind = 'daily' AND CAST(julianday(record_date) AS INTEGER) % ? != 0",
                         (every,))  # fmt: skip
        return int(conn.execute("SELECT COUNT(*) FROM selfchecks WHERE kind = 'daily'").fetchone()[0])


def province_database(pg_url: str) -> str:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    url = make_url(pg_url)
    name = f"{url.database}_province"
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        engine.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def enrol(source: str, target: str, file: Path, *, target_role: str) -> str:
    from msfood.db.engine import open_database
    from msfood.services.writing.transaction import unit_of_work
    from msfood.sync.peers import read_enrolment, trust_peer, write_enrolment

    database = open_database(source)
    try:
        with database.sessions() as session:
            code = write_enrolment(session, actor=_actor("admin"), out=file, clock_now=bench_clock().now()).code
    finally:
        database.close()
    database = open_database(target)
    try:
        with unit_of_work(database.sessions, actor=_actor(target_role), clock=bench_clock()) as uow:
            trust_peer(uow, enrolment=read_enrolment(file))
    finally:
        database.close()
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.province", description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("MSFOOD_TEST_PG_URL"), help="a PostgreSQL server URL")
    parser.add_argument("--scale", default="city", choices=("county", "city"))
    parser.add_argument("--cities", type=int, default=2)
    parser.add_argument("--daily-every", type=int, default=1)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    if not args.pg:
        parser.error("--pg (or MSFOOD_TEST_PG_URL) names the PostgreSQL server")
    from msfood.core.progress import drain
    from msfood.db.engine import open_database
    from msfood.metrics import compute_stats
    from msfood.services.setup.new_unit import initialise
    from msfood.sync.export import export_bundle
    from msfood.sync.importer import import_bundles

    folder = CACHE / f"province-{args.scale}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.environ["MSFOOD_HOME"] = str(folder / "home")
    result: dict[str, Any] = {"scale": args.scale, "cities": [], "daily_every": args.daily_every}
    province = province_database(args.pg)
    database = open_database(province, create=True)
    try:
        initialise(database, code=PROVINCE, name="湖南省市场监督管理局（模拟）", clock=bench_clock(),
                   region_code="430000", bureau=True, admin_username="admin", admin_password="bench-pass-1")  # fmt: skip
    finally:
        database.close()
    bundles = []
    for n in range(1, args.cities + 1):
        city = folder / f"city-{n}.sqlite"
        copy_db(demo_db(args.scale, seed=n), city)
        if n > 1:
            with closing(sqlite3.connect(city)) as conn:
                code = conn.execute("SELECT value FROM meta WHERE key = 'unit_code'").fetchone()[0]
            reidentify(city, f"{code}-{n}")
        daily = thin_daily(city, args.daily_every)
        settle(city)
        city_url = f"sqlite:///{city}"
        enrol(city_url, province, folder / f"city-{n}.json", target_role="bureau-admin")
        enrol(province, city_url, folder / f"province-for-{n}.json", target_role="bureau-admin")
        database = open_database(city)
        started = time.perf_counter()
        try:
            exported = drain(export_bundle(database, actor=_actor("bureau-admin"), out=folder, clock=bench_clock(),
                                           to=PROVINCE))  # fmt: skip
        finally:
            database.close()
        seconds = time.perf_counter() - started
        print(f"city {n}: exported {exported.rows} rows ({daily} daily self-checks) in {seconds:.0f} s", flush=True)
        bundles.append(exported.path)
        result["cities"].append({"city": n, "rows": exported.rows, "daily_rows": daily, "export_s": seconds,
                                 "bundle_mb": exported.path.stat().st_size / 2**20})  # fmt: skip
    for n, bundle in enumerate(bundles, start=1):
        database = open_database(province)
        started, cpu = time.perf_counter(), time.process_time()
        try:
            report = drain(import_bundles(database, actor=_actor("bureau-admin"), paths=[bundle], clock=bench_clock()))
        finally:
            database.close()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        if report.exit_code != 0:
            raise SystemExit(f"city {n}'s bundle was refused: {report.errors}")
        entry = result["cities"][n - 1]
        entry.update(merge_s=seconds, merge_cpu_s=cpu, merge_rows_per_s=entry["rows"] / seconds,
                     new=report.total("new"), conflicts=report.total("conflicts"))  # fmt: skip
        print(f"city {n}: merged {entry['rows']} rows in {seconds:.0f} s ({entry['merge_rows_per_s']:.0f} rows/s, "
              f"{report.total('new')} new, {report.total('conflicts')} conflicts)", flush=True)  # fmt: skip
    database = open_database(province)
    try:
        with database.engine.begin() as conn:  # the planner learns the tables' new sizes
            conn.exec_driver_sql("ANALYZE")
        with database.sessions() as session:
            times = []
            for _ in range(2):
                started = time.perf_counter()
                stats = compute_stats(session, period="2026Q4", as_of=TODAY.date())
                times.append(time.perf_counter() - started)
    finally:
        database.close()
    rows = sum(c["rows"] for c in result["cities"])
    merge_s = sum(c["merge_s"] for c in result["cities"])
    factor = CITIES_IN_PROVINCE / args.cities
    result.update(
        rows=rows, merge_s=merge_s, merge_rows_per_s=rows / merge_s, stats_s=min(times),
        obligations=len(stats.supervision.obligations), owing=stats.selfcheck.owing,
        extrapolated_14={"rows": rows * factor, "merge_s": merge_s * factor, "stats_s": min(times) * factor},
    )  # fmt: skip
    print(f"province: {rows} rows merged in {merge_s:.0f} s ({rows / merge_s:.0f} rows/s); "
          f"quarterly figures in {min(times):.1f} s; for {CITIES_IN_PROVINCE} cities (linear): "
          f"{rows * factor:.0f} rows, merge {merge_s * factor / 60:.0f} min, figures {min(times) * factor:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
