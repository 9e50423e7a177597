"""Running one side of one benchmark in a fresh interpreter, and reading its peak memory.

Every benchmark module has `prepare(scale, runs) -> dict` (makes or finds its files; JSON-able) and
two sides, `measure_msfood(ctx)` and `measure_baseline(ctx)`, each returning at least
{"wall": seconds, "cpu": seconds} (the best of the runs it did). Each side runs in its own child
process (`python -m benchmarks.child MODULE FUNCTION CTX`), so imports, caches and memory of one side
never help or hurt the other; its peak resident memory comes from os.wait4 when it ends.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULT_MARK = "BENCH-RESULT "


class ChildFailed(RuntimeError):
    pass


def run_child(module: str, function: str, ctx: dict[str, Any], *, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run `module.function(ctx)` in a new interpreter; its result plus `peak_mb` (max RSS)."""
    command = [sys.executable, "-m", "benchmarks.child", module, function, json.dumps(ctx)]
    child_env = {**os.environ, **(env or {})}
    child_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), child_env.get("PYTHONPATH")]))
    process = subprocess.Popen(command, cwd=ROOT, env=child_env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    result: dict[str, Any] | None = None
    for line in process.stdout:  # the child's own prints pass through; the result line is kept
        if line.startswith(RESULT_MARK):
            result = json.loads(line[len(RESULT_MARK) :])
        else:
            sys.stdout.write("    " + line)
            sys.stdout.flush()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or result is None:
        raise ChildFailed(f"{module}.{function} failed (exit {process.returncode})")
    result["peak_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    return result


def best_of(runs: int, fn: Callable[[], Any], *, before: Callable[[], Any] | None = None) -> dict[str, Any]:
    """Call `fn` `runs` times (each after `before`, untimed); the least wall and CPU time, and the
    value of the last call (under "value")."""
    walls, cpus, value = [], [], None
    for _ in range(max(1, runs)):
        if before is not None:
            before()
        wall, cpu = time.perf_counter(), time.process_time()
        value = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"wall": min(walls), "cpu": min(cpus), "walls": walls, "value": value}


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - wall, time.process_time() - cpu
