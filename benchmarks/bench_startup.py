"""Start to a usable main window on a station database (goal: under 1.0 s), against a bare Qt window.

    .venv/bin/python -m benchmarks --only start

Each run is a fresh interpreter (imports count, byte-code compiled once beforehand as on a user's
PC): QApplication with font and translator, open the demo station database, sign in
(MSFOOD_USER/MSFOOD_PASSWORD, Argon2 included), build and show the main window on the dashboard and
process events until the dashboard page has painted (checked with an event filter, `painted`). The
dashboard's figures and the status bar's bundles load afterwards in a worker and are not counted, nor
is opening the database with SQLAlchemy, which follows the paint (`sqlalchemy_at_paint`: whether it
had loaded by then; msfood.services.setup.first_paint).
`cpu` is the process's CPU time (Argon2's own threads included), `main_cpu` the UI thread's alone:
on a shared machine they show the work done, which wall time cannot.
The baseline is the least any PySide6 app does: QApplication, a QMainWindow with a label, shown,
events processed once. Both are timed inside the interpreter, from its first statement.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.demo_data import demo_db
from benchmarks.harness import ROOT

NAME = "start_main_window"
TARGET = {"seconds": {"station": 1.0, "county": 1.0, "city": 1.0}}

CHILD = r"""
import json, os, sys, time
wall0, cpu0, main0 = time.perf_counter(), time.process_time(), time.thread_time()
sys.path.insert(0, os.environ["BENCH_ROOT"])
from msfood.core.clock import clock_from_env
from ui.app import create_app
from ui.settings import AppSettings
from ui.startup import AppController
app = create_app(language="zh_CN")
controller = AppController(AppSettings(), clock_from_env(), headless=True)
signing = []
sign_in = controller.sign_in
def timed_sign_in(*args, **kwargs):
    t = time.perf_counter()
    try:
        return sign_in(*args, **kwargs)
    finally:
        signing.append(time.perf_counter() - t)
controller.sign_in = timed_sign_in
controller.start(os.environ["BENCH_DB"])
from PySide6.QtCore import QEvent, QObject
class PaintCount(QObject):  # counts the dashboard's paints: the clock stops once it has painted
    painted = 0
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            PaintCount.painted += 1
        return False
counter = PaintCount()
page = controller.window.show_page("dashboard")
page.installEventFilter(counter)
controller.window.show()
app.processEvents()
while not PaintCount.painted and time.perf_counter() - wall0 < 30:
    app.processEvents()
sqlalchemy_at_paint = "sqlalchemy" in sys.modules
wall, cpu, main_cpu = time.perf_counter() - wall0, time.process_time() - cpu0, time.thread_time() - main0
HEAVY = ("reportlab", "openpyxl", "alembic", "pypinyin", "cryptography")
heavy = sorted(m for m in HEAVY if m in sys.modules)
stats = {"wall": wall, "cpu": cpu, "main_cpu": main_cpu, "signin": sum(signing), "modules": len(sys.modules),
         "heavy": heavy, "sqlalchemy_at_paint": sqlalchemy_at_paint, "painted": PaintCount.painted, "page": type(page).__name__}
print(json.dumps(stats))
controller.shutdown()
"""

BARE = r"""
import json, sys, time
wall0, cpu0 = time.perf_counter(), time.process_time()
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("食安包保"))
window.resize(1280, 800)
window.show()
app.processEvents()
wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
print(json.dumps({"wall": wall, "cpu": cpu, "modules": len(sys.modules)}))
"""


def prepare(scale: str, runs: int) -> dict[str, Any]:
    return {"db": str(demo_db("station")), "runs": max(runs, 3)}


def _runs(script: str, ctx: dict[str, Any]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="msfood-bench-start-") as tmp:
        db = Path(tmp) / "station.sqlite"
        shutil.copyfile(ctx["db"], db)
        env = {
            **os.environ,
            "BENCH_ROOT": str(ROOT),
            "BENCH_DB": str(db),
            "MSFOOD_HOME": str(Path(tmp) / "home"),
            "MSFOOD_USER": "admin",
            "MSFOOD_PASSWORD": "demo-admin",
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)

        def once() -> dict[str, Any]:
            out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
            if out.returncode != 0:
                raise RuntimeError(f"start-up run failed:\n{out.stderr[-2000:]}")
            result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
            if "painted" in result and not result["painted"]:
                raise RuntimeError("the dashboard never painted: the start-up time would be a lie")
            return result

        once()  # byte-compiles everything once, as an installed app has
        results = [once() for _ in range(ctx["runs"])]
    best = min(results, key=lambda r: r["wall"])
    out = {**best, "cpu": min(r["cpu"] for r in results), "walls": [r["wall"] for r in results]}
    if "main_cpu" in best:  # the UI thread's own CPU: Argon2 runs on threads of its own
        out["main_cpu"] = min(r["main_cpu"] for r in results)
    return out


def measure_msfood(ctx: dict[str, Any]) -> dict[str, Any]:
    return _runs(CHILD, ctx)


def measure_baseline(ctx: dict[str, Any]) -> dict[str, Any]:
    return _runs(BARE, ctx)
