"""msfood's benchmarks, each against its baseline in the same run.

    .venv/bin/python -m benchmarks [--scale county|city] [--json OUT] [--only NAME] [--runs N]

The data come from the demo generator (benchmarks/demo_data.py; made once and cached in
benchmarks/.cache, the city in a few minutes). Each side of each benchmark runs in its own process
(benchmarks/harness.py): its best wall and CPU time of `runs` and its peak memory. Prints a table
(figure, msfood, baseline, ratio = msfood / baseline, target) and writes the same as JSON:
{"name": {"msfood_s": .., "baseline_s": .., "ratio": .., "peak_mb": .., ...}}. The machine is
usually shared: the CPU-time ratio is printed beside the wall-time one.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.harness import ChildFailed, run_child

# (short name for --only, module)
BENCHES = (
    ("merge", "bench_merge"),
    ("stats", "bench_stats"),
    ("import", "bench_workbook_import"),
    ("pdf", "bench_report"),
    ("start", "bench_startup"),
    ("dash", "bench_dashboard"),
    ("list", "bench_lists"),
    ("ranking", "bench_ranking"),
)


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "system": platform.platform()}  # fmt: skip


def verdict(module: Any, scale: str, row: dict[str, Any]) -> str:
    """'ok' or what missed, against the module's TARGET (ratio, seconds per scale, peak_mb)."""
    target = getattr(module, "TARGET", {})
    missed = []
    if "ratio" in target and row.get("ratio") is not None and row["ratio"] > target["ratio"]:
        missed.append(f"ratio>{target['ratio']}")
    seconds = target.get("seconds", {}).get(scale)
    if seconds is not None and row["msfood_s"] > seconds:
        missed.append(f">{seconds}s")
    if "peak_mb" in target and row["peak_mb"] > target["peak_mb"]:
        missed.append(f">{target['peak_mb']}MB")
    return "ok" if not missed else "MISSED " + ",".join(missed)


def target_text(module: Any, scale: str) -> str:
    target = getattr(module, "TARGET", {})
    parts = []
    if "ratio" in target:
        parts.append(f"<={target['ratio']}x")
    if target.get("seconds", {}).get(scale) is not None:
        parts.append(f"<{target['seconds'][scale]}s")
    if "peak_mb" in target:
        parts.append(f"<{target['peak_mb']}MB")
    return " ".join(parts)


def run_bench(module_name: str, scale: str, runs: int) -> dict[str, dict[str, Any]]:
    module = importlib.import_module(f"benchmarks.{module_name}")
    # Preparing runs in a child too: this process stays small, as a forked child's peak memory
    # (os.wait4) starts from its parent's size at the fork.
    ctx = run_child(module_name, "prepare", {"scale": scale, "runs": runs})["ctx"]
    ours = run_child(module_name, "measure_msfood", ctx)
    bare = run_child(module_name, "measure_baseline", ctx)
    rows = getattr(module, "rows", None)
    if rows is not None:  # a module with several figures (the lists) shapes its own rows
        return rows(ours, bare)
    row = {
        "msfood_s": ours["wall"],
        "baseline_s": bare["wall"],
        "ratio": ours["wall"] / bare["wall"] if bare["wall"] else None,
        "peak_mb": ours["peak_mb"],
        "msfood_cpu_s": ours["cpu"],
        "baseline_cpu_s": bare["cpu"],
        "cpu_ratio": ours["cpu"] / bare["cpu"] if bare["cpu"] else None,
        "baseline_peak_mb": bare["peak_mb"],
        "msfood_runs_s": ours.get("walls"),
    }
    extra = {k: v for k, v in ours.items() if k not in ("wall", "cpu", "peak_mb", "walls")}
    extra.update({f"baseline_{k}": v for k, v in bare.items() if k not in ("wall", "cpu", "peak_mb", "walls")})
    row.update(extra)
    return {module.NAME: row}


def print_table(results: dict[str, dict[str, Any]]) -> None:
    print()
    print(f"{'figure':<26}{'msfood s':>10}{'baseline s':>12}{'ratio':>8}{'cpu ratio':>11}{'peak MB':>9}"
          f"  {'target':<22}verdict")  # fmt: skip
    for name, row in results.items():
        ratio = f"{row['ratio']:.2f}" if row.get("ratio") is not None else "-"
        cpu_ratio = f"{row['cpu_ratio']:.2f}" if row.get("cpu_ratio") is not None else "-"
        baseline = f"{row['baseline_s']:.3f}" if row.get("baseline_s") is not None else "-"
        print(f"{name:<26}{row['msfood_s']:>10.3f}{baseline:>12}{ratio:>8}{cpu_ratio:>11}"
              f"{row['peak_mb']:>9.0f}  {row.get('target', ''):<22}{row.get('verdict', '')}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="county", choices=("county", "city"))
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument("--only", action="append", default=None,
                        help="run only these (merge, stats, import, pdf, start, dash, list, ranking); may be repeated")  # fmt: skip
    parser.add_argument("--runs", type=int, default=3, help="runs per side; the best is kept (default 3)")
    args = parser.parse_args(argv)
    chosen = [(short, module) for short, module in BENCHES if not args.only or short in args.only]
    if not chosen:
        parser.error(f"--only takes {', '.join(short for short, _ in BENCHES)}")
    facts = machine()
    print(f"msfood benchmarks, {args.scale} scale, best of {args.runs}: {facts['cpus']} CPUs ({facts['cpu']}), "
          f"Python {facts['python']}, SQLite {facts['sqlite']}", flush=True)  # fmt: skip
    results: dict[str, dict[str, Any]] = {}
    failed = []
    for short, module_name in chosen:
        started = time.perf_counter()
        print(f"-- {short} ({module_name})", flush=True)
        try:
            figures = run_bench(module_name, args.scale, args.runs)
        except (ChildFailed, ModuleNotFoundError) as exc:
            print(f"   {short}: {exc}", flush=True)
            failed.append(short)
            continue
        module = importlib.import_module(f"benchmarks.{module_name}")
        for name, row in figures.items():
            row.setdefault("target", target_text(module, args.scale) if name == module.NAME else "")
            row.setdefault("verdict", verdict(module, args.scale, row) if name == module.NAME else "")
            results[name] = row
        print(f"   done in {time.perf_counter() - started:.0f} s", flush=True)
    print_table(results)
    if args.json is not None:
        payload = dict(results)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")
        meta = args.json.with_name(args.json.stem + ".machine.json")
        meta.write_text(json.dumps({**facts, "scale": args.scale, "runs": args.runs}, indent=2) + "\n")
        print(f"\nwritten to {args.json} (machine facts in {meta.name})")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
