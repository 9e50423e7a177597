"""Importing the demo's businesses from a workbook, against openpyxl's own read-only pass over the file.

    .venv/bin/python -m benchmarks --only import [--scale city]

The workbook is the demo database's 区划 and 包保主体 sheets written by msfood's own export (5,000
businesses at county scale, 50,000 at city scale); it is imported into a new, empty station database.
Target (Foundation item 6): the import takes at most 2 x the time openpyxl needs just to read the
file's values (read_only=True, values_only=True). msfood's side also reports how its CPU time splits
between cleaning (msfood.services.records.specs.clean) and writing (records.apply, the unit of work).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.demo_data import CACHE, bench_clock, demo_db
from benchmarks.harness import best_of

NAME = "import_workbook"
TARGET = {"ratio": 2.0}
KINDS = ("region", "business")


def build_workbook(source: Path, out: Path) -> None:
    """The regions and businesses of `source` as msfood exports them (the import layout)."""
    import msfood.workbook.export as export
    from msfood.core.progress import drain
    from msfood.db.engine import open_database
    from msfood.services.writing.permissions import Actor

    export.SHEETS = tuple(s for s in export.SHEETS if s.kind in KINDS)  # only these sheets
    database = open_database(source)
    try:
        drain(export.export_workbook(database, out, actor=Actor("admin", "admin")))
    finally:
        database.close()


def make_station(path: Path) -> None:
    from msfood.db.engine import open_database
    from msfood.services.setup.new_unit import initialise

    database = open_database(path, create=True)
    try:
        initialise(database, code="430204-01", name="石峰区市场监管所", clock=bench_clock(),
                   region_code="430204", bureau=False, admin_username="admin",
                   admin_password="bench-pass-1")  # fmt: skip
    finally:
        database.close()


def prepare(scale: str, runs: int) -> dict[str, Any]:
    folder = CACHE / f"import-{scale}"
    book = folder / "businesses.xlsx"
    station = folder / "station.sqlite"
    if not book.exists() or not station.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / "businesses.partial.xlsx"
        build_workbook(demo_db(scale), partial)
        partial.rename(book)
        station.unlink(missing_ok=True)
        make_station(station)
    return {"book": str(book), "station": str(station), "runs": runs}


def read_pass(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = 0
    for ws in book.worksheets:
        for _ in ws.iter_rows(values_only=True):
            rows += 1
    book.close()
    return rows


def reader_pass(path: Path) -> int:
    """msfood's own .xlsx reader (xlsx_rows.py), the rows only."""
    from msfood.workbook.readers import open_reader

    reader = open_reader(path)
    try:
        return sum(1 for name in reader.sheet_names() for _ in reader.rows(name))
    finally:
        reader.close()


def calamine_pass(path: Path) -> int:
    """python-calamine (Rust), the rows only: what .ods files are read with."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        return sum(1 for name in book.sheet_names for _ in book.get_sheet_by_name(name).iter_rows())
    finally:
        book.close()


def measure_baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    book = Path(ctx["book"])
    read_pass(book)  # imports and page cache, as for msfood's side
    result = best_of(ctx["runs"], lambda: read_pass(book))
    result["rows"] = result["value"]
    # the bare reads of the other readers, in CPU seconds (reported as baseline_reader_cpu_s, ...)
    for name, fn in (("reader", reader_pass), ("calamine", calamine_pass)):
        fn(book)
        result[f"{name}_cpu_s"] = best_of(ctx["runs"], lambda fn=fn: fn(book))["cpu"]
    return result


def measure_msfood(ctx: dict[str, Any]) -> dict[str, Any]:
    import msfood.services.records as records
    import msfood.workbook.importer as importer
    from msfood.core.progress import drain
    from msfood.db.engine import open_database
    from msfood.services.writing.permissions import Actor

    book = Path(ctx["book"])
    folder = Path(tempfile.mkdtemp(prefix="msfood-bench-import-"))
    os.environ["MSFOOD_HOME"] = str(folder / "home")
    split = {"clean": 0.0, "write": 0.0}

    def timer(name, fn):  # type: ignore[no-untyped-def]
        def wrapped(*a, **k):  # type: ignore[no-untyped-def]
            start = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                split[name] += time.process_time() - start

        return wrapped

    # the importer holds its own names for these: time them where it calls them
    clean, apply = timer("clean", records.clean), timer("write", records.apply)
    records.clean, records.apply = clean, apply
    importer.clean, importer.apply = clean, apply  # type: ignore[attr-defined]
    target = folder / "import.sqlite"
    state: dict[str, Any] = {}

    def fresh() -> None:
        if "db" in state:
            state["db"].close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(ctx["station"], target)
        state["db"] = open_database(target)
        split.update(clean=0.0, write=0.0)

    def run() -> Any:
        return drain(importer.import_workbook(state["db"], book, actor=Actor("admin", "admin"), clock=bench_clock()))

    try:
        result = best_of(ctx["runs"], run, before=fresh)
    finally:
        if "db" in state:
            state["db"].close()
        shutil.rmtree(folder, ignore_errors=True)
    imported = result["value"]
    result.update(new=imported.new, rows=imported.rows, clean_cpu=split["clean"], write_cpu=split["write"])
    return result
