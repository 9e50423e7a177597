"""What the fuzz tests share: scratch folders, the example budget, how a refusal must look, the CLI.

The budget: each fuzz test runs a bounded number of examples (sized to stay under about a minute on
two cores); MSFOOD_FUZZ_EXAMPLES=N runs N examples per test instead (e.g. 2000, for a night).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from msfood.core.errors import MsfoodError, ValidationError
from msfood.i18n import has

ROOT = Path(__file__).resolve().parents[2]
FAST_DIR = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
NOW = "2026-11-24T10:00:00+08:00"
PASSWORD = "admin-pass-1"
UNEXPECTED = ("发生了意外错误", "An unexpected error occurred")


def examples(default: int) -> int:
    """The number of examples a test runs: `default`, or MSFOOD_FUZZ_EXAMPLES when set."""
    given = os.environ.get("MSFOOD_FUZZ_EXAMPLES", "").strip()
    return int(given) if given else default


def fuzz_settings(default: int) -> settings:
    return settings(
        max_examples=examples(default),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )


CANCELLED = "cancelled"


def drive(task: Generator[Any, None, Any], stop_after: int | None = None) -> Any:
    """Run a progress generator to its end and return its result; or, with `stop_after`, close it
    after that many steps as the app's Cancel button does, and return CANCELLED."""
    steps = 0
    while True:
        try:
            next(task)
        except StopIteration as stop:
            return stop.value
        steps += 1
        if stop_after is not None and steps > stop_after:
            task.close()
            return CANCELLED


stops = st.one_of(st.none(), st.none(), st.integers(0, 12))  # where (if at all) to cancel an import


def note(outcome: str) -> None:
    """Count an outcome for `--hypothesis-show-statistics` (outside a hypothesis test: nothing)."""
    if currently_in_test_context():
        event(outcome)


@contextmanager
def scratch(prefix: str = "msfood-fuzz-") -> Iterator[Path]:
    """A fresh folder (in memory when /dev/shm is there), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=FAST_DIR))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def check_refusal(error: MsfoodError) -> None:
    """A refusal the user can read: every code known to the catalogue, a sentence in both languages."""
    codes = [error.code]
    if isinstance(error, ValidationError):
        codes += [issue.code for issue in error.issues]
    unknown = [code for code in codes if not has(code)]
    assert not unknown, f"message codes missing from the catalogue: {unknown}"
    for lang in ("zh_CN", "en"):
        text = error.message(lang)
        assert text.strip(), error.code
        assert "Traceback" not in text


def run_cli(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m msfood ARGS` signed in as the station's admin, with the test's clock and folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSFOOD_")}
    env.update(
        MSFOOD_HOME=str(home),
        MSFOOD_USER="admin",
        MSFOOD_PASSWORD=PASSWORD,
        MSFOOD_NOW=NOW,
        MSFOOD_LANG="zh_CN",
    )
    return subprocess.run(
        [sys.executable, "-m", "msfood", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def check_cli(done: subprocess.CompletedProcess[str], allowed: tuple[int, ...]) -> None:
    """Exit code among `allowed`; no traceback and no 'unexpected error' (a bug) on stderr."""
    where: Any = (done.returncode, done.stderr[-2000:])
    assert done.returncode in allowed, where
    assert "Traceback" not in done.stderr, where
    assert not re.search(r"\w+Warning: ", done.stderr), where  # a library's warning, shown to the user
    assert not any(marker in done.stderr for marker in UNEXPECTED), where
    if done.returncode:
        assert done.stderr.strip(), "refused without saying why"


def tables_except_users(path: Path) -> dict[str, list[str]]:
    """Every table's rows but the users' (signing in through the CLI records the last sign-in)."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(str(path))) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            name: sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"'))
            for name in names
            if name != "users"
        }
