"""Python's cycle collector, relaxed for the bulk work (imports, merges, figures).

Such work keeps hundreds of thousands of objects alive (rows read, records resolved, figures built)
while making many more; with the default thresholds the collector runs every 700 allocations and
its older generations walk everything alive each time: a tenth to a half of the work, measured. The
objects are plain rows, tuples and dataclasses that make no cycles; any that do are still collected,
every 50,000 allocations instead of every 700.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def relaxed_collector() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], 50_000), max(before[1], 20), max(before[2], 20))
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def paused_collector() -> Iterator[None]:
    """No cycle collection at all for a bounded computation (the figures: a few seconds, a few
    hundred thousand tuples, no cycles of their own). Even relaxed, the young generation's passes
    cost the city quarter's figures a fourteenth of their time, measured. The collector is global:
    it is switched back on only if it was on before, so nesting and other threads are safe."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
