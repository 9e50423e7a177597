"""Start to a usable main window on a station database (goal: under 1.0 s).

    .venv/bin/python benchmarks/bench_startup.py [--db PATH] [--runs 5]

Each run is a fresh interpreter (imports count): QApplication with font and translator, open the
database, sign in (MSFOOD_USER/MSFOOD_PASSWORD), build and show the main window on the dashboard, and
process events once. The dashboard's figures arrive afterwards from a worker and are not counted.
Prints each run and the best, with the wall time and the process CPU time (robust on a busy machine).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, os, sys, time
wall0, cpu0 = time.perf_counter(), time.process_time()
sys.path.insert(0, os.environ["BENCH_ROOT"])
from msfood.clock import clock_from_env
from ui.app import create_app
from ui.settings import AppSettings
from ui.startup import AppController
app = create_app(language="zh_CN")
controller = AppController(AppSettings(), clock_from_env(), headless=True)
signing = []
sign_in = controller.sign_in
def timed_sign_in(*args):
    t = time.perf_counter()
    try:
        return sign_in(*args)
    finally:
        signing.append(time.perf_counter() - t)
controller.sign_in = timed_sign_in
controller.start(os.environ["BENCH_DB"])
controller.window.show_page("dashboard")
controller.window.show()
app.processEvents()
wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
heavy = sorted(m for m in ("reportlab", "openpyxl", "alembic", "pypinyin") if m in sys.modules)
stats = {"wall": wall, "cpu": cpu, "signin": sum(signing), "modules": len(sys.modules), "heavy": heavy}
print(json.dumps(stats))
controller.shutdown()
"""


def make_station(path: Path) -> None:
    env = {**os.environ, "MSFOOD_ADMIN_PASSWORD": "bench-pass-1"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "msfood",
            "init",
            "--db",
            str(path),
            "--station-code",
            "430204-01",
            "--station-name",
            "石峰区市场监管所",
            "--region",
            "430204",
            "--admin",
            "admin",
        ],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="bench-pass-1")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "station.sqlite"
        if not args.db:
            make_station(db)
        env = {
            **os.environ,
            "BENCH_ROOT": str(ROOT),
            "BENCH_DB": str(db),
            "MSFOOD_HOME": str(Path(tmp) / "home"),
            "MSFOOD_USER": args.user,
            "MSFOOD_PASSWORD": args.password,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"),
        }  # byte-compiled once, as on a user's PC
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(
            [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True
        )  # warm-up
        results = []
        for run in range(args.runs):
            out = subprocess.run(
                [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True
            )
            result = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(result)
            print(
                f"run {run + 1}: wall {result['wall']:.3f} s (of which sign-in {result['signin']:.3f} s), "
                f"cpu {result['cpu']:.3f} s, "
                f"{result['modules']} modules, heavy imports: {result['heavy'] or 'none'}"
            )
        best = min(results, key=lambda r: r["wall"])
        print(
            f"best: wall {best['wall']:.3f} s, "
            f"without the Argon2 sign-in {best['wall'] - best['signin']:.3f} s, "
            f"cpu {min(r['cpu'] for r in results):.3f} s (goal: under 1.0 s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
