"""The lists: first paint and jump to the end, on the business list and on the daily-records list.

    .venv/bin/python -m benchmarks --only list [--scale city]

Targets (issue 3): business list on the city demo (50,000) and the daily-records list (millions of
rows): first paint under 100 ms, a jump to the end (the reverse keyset query) under 100 ms, memory
bounded however far the user scrolls.

msfood's side builds the real widgets offscreen: a LazyTableModel and its LazyTableView, shown and
painted (first paint), then Ctrl+End (jump to the end: the reverse query, painted again), then 300
pages scrolled through (`rows_held` stays at the model's window of 500 rows). The count beside the
list runs in a worker after the first paint and is timed apart (`count_s`). The baseline runs the
same SQL msfood sends, compiled once, on a bare sqlite3 connection: the physical limit of the query.

The figures are the best of the runs after a warm-up; the warm-up itself (the first list made in the
process: statements compiled for the first time) is reported too (`cold_s`). `page_open` is the
real page a user opens (ui.pages: its filters with the region list, its buttons, the count
started in a worker), built and painted: cold (its modules imported then) and the best of the runs.
The self-checks page opens on the current month, as the app does.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from benchmarks.demo_data import TODAY, bench_clock, demo_db
from benchmarks.harness import best_of, timed

NAME = "list_businesses_first_paint"
TARGET = {"seconds": {"county": 0.1, "city": 0.1}}
SECONDS = 0.1
LISTS = {"businesses": "list_businesses", "selfchecks": "list_daily_records"}
PAGES = {"businesses": ("ui.pages.roster.businesses", "BusinessesPage"),
         "selfchecks": ("ui.pages.records.selfchecks", "SelfChecksPage")}  # fmt: skip
SCROLL_PAGES = 300


def _statements(path: Path) -> dict[str, dict[str, str]]:
    """The SQL msfood sends for the first and the last page of each list, with its values inlined."""
    from sqlalchemy.dialects import sqlite

    from msfood.db.engine import open_database
    from msfood.services.queries import lists as queries

    captured: dict[str, dict[str, str]] = {}
    database = open_database(path)
    try:
        from sqlalchemy import event

        seen: list[str] = []

        def keep(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
            if context.compiled is None or not statement.lstrip().upper().startswith("SELECT"):
                return
            compiled = context.compiled.statement.compile(
                dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
            )
            seen.append(str(compiled))

        reader = queries.read_sessions(database)
        engine = reader.kw["bind"]
        event.listen(engine, "before_cursor_execute", keep)
        filters = queries.Filters(as_of=TODAY.date())
        with reader() as session:
            for kind in LISTS:
                seen.clear()
                queries.page(session, kind, filters=filters, limit=100)
                first = seen[-1]
                seen.clear()
                queries.page(session, kind, filters=filters, limit=100, at_end=True)
                captured[kind] = {"first": first, "last": seen[-1]}
        event.remove(engine, "before_cursor_execute", keep)
    finally:
        database.close()
    return captured


def prepare(scale: str, runs: int) -> dict[str, Any]:
    path = demo_db(scale)
    return {"db": str(path), "runs": runs, "sql": _statements(path)}


def measure_baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    conn = sqlite3.connect(ctx["db"])
    out: dict[str, Any] = {}
    try:
        for kind, sql in ctx["sql"].items():
            for step in ("first", "last"):
                conn.execute(sql[step]).fetchall()  # warm-up
                timing = best_of(ctx["runs"], lambda s=sql[step]: conn.execute(s).fetchall())
                out[f"{kind}_{step}"] = timing["wall"]
                out[f"{kind}_{step}_cpu"] = timing["cpu"]
    finally:
        conn.close()
    first = out["businesses_first"]
    return {"wall": first, "cpu": out["businesses_first_cpu"], **out}


def measure_msfood(ctx: dict[str, Any]) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from msfood.db.engine import open_database
    from msfood.services.queries import lists as queries
    from ui.models.lazy_table import LazyTableModel
    from ui.models.lazy_view import LazyTableView
    from ui.models.list_columns import COLUMNS

    app = QApplication.instance() or QApplication([])
    database = open_database(Path(ctx["db"]))
    out: dict[str, Any] = {}
    try:
        filters = queries.Filters(as_of=TODAY.date())
        reader = queries.read_sessions(database)  # what the list pages read through
        for kind in LISTS:
            views: list[Any] = []

            def first_paint(kind: str = kind, views: list[Any] = views) -> None:
                model = LazyTableModel(reader, kind, COLUMNS[kind], filters=filters)
                view = LazyTableView()
                view.setModel(model)
                view.resize(1200, 700)
                view.show()
                view.viewport().repaint()
                app.processEvents()
                views.append(view)

            def jump(views: list[Any] = views) -> None:
                views[-1].jump_to_end()
                views[-1].viewport().repaint()
                app.processEvents()

            _none, cold, cold_cpu = timed(first_paint)  # warm-up: compiled statements, fonts
            out[f"{kind}_first_cold"], out[f"{kind}_first_cold_cpu"] = cold, cold_cpu
            jump()
            paint = best_of(ctx["runs"], first_paint)
            end = best_of(
                ctx["runs"], jump, before=lambda v=views: (v[-1].jump_to_start(), app.processEvents())
            )
            out[f"{kind}_first"], out[f"{kind}_first_cpu"] = paint["wall"], paint["cpu"]
            out[f"{kind}_last"], out[f"{kind}_last_cpu"] = end["wall"], end["cpu"]
            view = views[-1]
            model = view.lazy_model()
            view.jump_to_start()
            held = 0
            for _ in range(SCROLL_PAGES):  # the user drags to the bottom, again and again
                if not model.has_after:
                    break
                view.scrollToBottom()
                app.processEvents()
                held = max(held, model.rowCount())
            out[f"{kind}_rows_held"] = held
            started = time.perf_counter()
            with reader() as session:
                out[f"{kind}_rows"] = queries.count(session, kind, filters)
            out[f"{kind}_count_s"] = time.perf_counter() - started
            for shown in views:
                shown.close()
                shown.deleteLater()
            app.processEvents()
        out.update(_page_open(database, app, ctx["runs"]))
    finally:
        database.close()
    return {"wall": out["businesses_first"], "cpu": out["businesses_first_cpu"], **out}


def _page_open(database: Any, app: Any, runs: int) -> dict[str, Any]:
    """Open each list's real page (as the main window does), painted; the count is waited for apart."""
    import importlib
    import tempfile

    from msfood.services.writing.permissions import Actor
    from ui.context import AppContext
    from ui.run import quiet_offscreen_messages
    from ui.settings import AppSettings
    from ui.startup import read_unit
    from ui.workers import wait_idle

    quiet_offscreen_messages()  # a page shown as a window of its own: Qt's offscreen size-hint notes
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="msfood-bench-lists-") as tmp:
        settings = AppSettings(Path(tmp) / "ui.ini")
        context = AppContext(database, Actor("admin", "admin"), bench_clock(), settings, read_unit(database))
        for kind, (module, name) in PAGES.items():
            shown: list[Any] = []

            def open_page(module: str = module, name: str = name, shown: list[Any] = shown) -> None:
                page = getattr(importlib.import_module(module), name)(context)
                page.resize(1200, 700)
                page.show()
                page.repaint()
                app.processEvents()
                shown.append(page)

            def settle(shown: list[Any] = shown) -> None:
                wait_idle()  # the count of the page before
                for page in shown:
                    page.close()
                    page.deleteLater()
                shown.clear()
                app.processEvents()

            _none, cold, cold_cpu = timed(open_page)
            settle()
            warm = best_of(runs, open_page, before=settle)
            settle()
            out[f"{kind}_page_cold"], out[f"{kind}_page_cold_cpu"] = cold, cold_cpu
            out[f"{kind}_page"], out[f"{kind}_page_cpu"] = warm["wall"], warm["cpu"]
    return out


def rows(ours: dict[str, Any], bare: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """One row per list and step: first paint and jump to the end, each against its bare query."""
    result: dict[str, dict[str, Any]] = {}
    for kind, label in LISTS.items():
        for step, title in (("first", "first_paint"), ("last", "jump_end")):
            mine, base = ours[f"{kind}_{step}"], bare[f"{kind}_{step}"]
            row = {
                "msfood_s": mine,
                "baseline_s": base,
                "ratio": mine / base if base else None,
                "msfood_cpu_s": ours[f"{kind}_{step}_cpu"],
                "baseline_cpu_s": bare[f"{kind}_{step}_cpu"],
                "cpu_ratio": ours[f"{kind}_{step}_cpu"] / bare[f"{kind}_{step}_cpu"]
                if bare[f"{kind}_{step}_cpu"] else None,
                "peak_mb": ours["peak_mb"],
                "rows_in_table": ours[f"{kind}_rows"],
                "rows_held_after_scrolling": ours[f"{kind}_rows_held"],
                "count_s": ours[f"{kind}_count_s"],
                "target": f"<{SECONDS}s",
                "verdict": "ok" if mine < SECONDS else f"MISSED >{SECONDS}s",
            }  # fmt: skip
            if step == "first":
                row["cold_s"], row["cold_cpu_s"] = ours[f"{kind}_first_cold"], ours[f"{kind}_first_cold_cpu"]
            result[f"{label}_{title}"] = row
        page, cold = ours[f"{kind}_page"], ours[f"{kind}_page_cold"]
        result[f"{label}_page_open"] = {
            "msfood_s": page, "baseline_s": None, "ratio": None, "msfood_cpu_s": ours[f"{kind}_page_cpu"],
            "cold_s": cold, "cold_cpu_s": ours[f"{kind}_page_cold_cpu"], "peak_mb": ours["peak_mb"],
            "target": "(the page)", "verdict": f"cold {cold:.3f}s",
        }  # fmt: skip
    return result
