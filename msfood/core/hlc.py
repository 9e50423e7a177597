"""Hybrid logical clock stamps, fixed-width text that sorts bytewise in causal order.

Layout: 13-digit Unix ms, 6-digit counter, then the unit code, e.g.
``1764000000000000003430211-01``. Two stamps compare correctly as plain strings as long as the unit
code comes last, so the merge's "(hlc, origin)" order is simply the order of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

MS_WIDTH = 13
COUNTER_WIDTH = 6
PREFIX_WIDTH = MS_WIDTH + COUNTER_WIDTH
MAX_COUNTER = 10**COUNTER_WIDTH - 1


def format_hlc(ms: int, counter: int, unit: str) -> str:
    return f"{ms:0{MS_WIDTH}d}{counter:0{COUNTER_WIDTH}d}{unit}"


def parse_hlc(stamp: str) -> tuple[int, int, str]:
    if len(stamp) < PREFIX_WIDTH or not stamp[:PREFIX_WIDTH].isdigit():
        raise ValueError(f"not an HLC stamp: {stamp!r}")
    return int(stamp[:MS_WIDTH]), int(stamp[MS_WIDTH:PREFIX_WIDTH]), stamp[PREFIX_WIDTH:]


def hlc_ms(stamp: str) -> int:
    return int(stamp[:MS_WIDTH])


@dataclass
class HybridClock:
    """Issues stamps for one unit. `last` is persisted by the caller after use."""

    unit: str
    last_ms: int = 0
    last_counter: int = 0

    def tick(self, wall_ms: int) -> str:
        if wall_ms > self.last_ms:
            self.last_ms, self.last_counter = wall_ms, 0
        else:
            self.last_counter += 1
            if self.last_counter > MAX_COUNTER:  # a million stamps in one ms: borrow the next ms
                self.last_ms, self.last_counter = self.last_ms + 1, 0
        return format_hlc(self.last_ms, self.last_counter, self.unit)

    def observe(self, stamp: str) -> None:
        """Move past a stamp seen from elsewhere, so our next stamp sorts after it."""
        ms, counter, _ = parse_hlc(stamp)
        if (ms, counter) > (self.last_ms, self.last_counter):
            self.last_ms, self.last_counter = ms, counter

    @property
    def state(self) -> str:
        return format_hlc(self.last_ms, self.last_counter, self.unit)


DAY_MS = 86_400_000


def unit_of(stamp: str) -> str:
    """The unit that issued a stamp (the text after the fixed-width time and counter)."""
    return stamp[PREFIX_WIDTH:]


def is_hlc(stamp: object) -> bool:
    return (
        isinstance(stamp, str)
        and len(stamp) > PREFIX_WIDTH
        and stamp[:PREFIX_WIDTH].isdigit()
        and stamp.isascii()
    )
