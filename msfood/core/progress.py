"""Progress of a long task: long services are generators yielding these, then returning their result.

    def import_workbook(...) -> Generator[Progress, None, ImportLog]:
        for i, row in enumerate(rows):
            ...
            yield Progress(i + 1, len(rows), "包保主体")
        return log

Qt-free: the ui's worker shows them in a progress dialog; the CLI may print them or drain the generator.
Cancelling closes the generator at a yield (GeneratorExit), so a `with unit_of_work(...)` block inside
it rolls back and nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int | None = None  # None: unknown (the dialog shows a busy bar)
    label: str = ""

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, max(0.0, self.done / self.total))


def drain(task: Generator[Progress, None, T]) -> T:
    """Run a progress generator to its end and return its result (for the CLI and tests)."""
    while True:
        try:
            next(task)
        except StopIteration as stop:
            return stop.value
