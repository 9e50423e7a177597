"""Fixtures of the fuzz tests: the app's folder (backups, temporary files) on a fast file system."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fuzz.support import scratch


@pytest.fixture(scope="session", autouse=True)
def fuzz_home() -> Iterator[Path]:
    """Backups and the app's temporary files go to a folder of their own, removed at the end."""
    with scratch("msfood-fuzz-home-") as home, pytest.MonkeyPatch.context() as patch:
        patch.setenv("MSFOOD_HOME", str(home))
        yield home
