"""The child process of a benchmark side: `python -m benchmarks.child MODULE FUNCTION CTX_JSON`.

Prints its result as one line `BENCH-RESULT {json}` (everything else it prints is passed through).
"""

from __future__ import annotations

import importlib
import json
import sys

from benchmarks.harness import RESULT_MARK


def _own_peak_mb() -> float | None:
    """This process's own high-water resident size (VmHWM), not counting what it was forked from."""
    try:
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def main(argv: list[str]) -> int:
    module, function, ctx = argv
    bench = importlib.import_module(f"benchmarks.{module}")
    if function == "prepare":
        args = json.loads(ctx)
        result = {"ctx": bench.prepare(args["scale"], args["runs"])}
    else:
        result = getattr(bench, function)(json.loads(ctx))
    result["peak_mb_self"] = _own_peak_mb()
    result.pop("value", None)
    sys.stdout.write(RESULT_MARK + json.dumps(result, default=str) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
