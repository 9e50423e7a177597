"""A process killed (SIGKILL) while it writes leaves a consistent database: all of a unit of work or
none of it, `PRAGMA integrity_check` ok, the audit chain intact. A killed backup leaves no file that
looks like a whole backup."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.consistency import check_consistent as _check_consistent

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"),
    reason="kills a process mid-write with SIGKILL, which only POSIX systems have (Windows has none)",
)

BATCHES = 8
PER_BATCH = 1500

WRITER = textwrap.dedent(
    """
    import sys
    from msfood.core.clock import FixedClock
    from msfood.core.ids import natural_id
    from msfood.db.engine import open_database
    from msfood.db.models import Region
    from msfood.services.writing.unit_of_work import table_of
    from msfood.services.writing.transaction import unit_of_work
    import datetime as dt

    db = open_database(sys.argv[1])
    batches, per_batch = int(sys.argv[2]), int(sys.argv[3])
    clock = FixedClock(dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC))
    with unit_of_work(db.sessions, clock=clock) as uow:  # one unit of work: all or nothing
        for b in range(batches):
            rows = [
                {"id": natural_id("region", f"9{b:02d}{i:06d}"), "code": f"9{b:02d}{i:06d}",
                 "name": f"区{b}-{i}"}
                for i in range(per_batch)
            ]
            uow.upsert_many(table_of(Region), rows)
            uow.flush_audit()
            uow.session.flush()
            print("batch", b, flush=True)
        print("committing", flush=True)
    print("committed", flush=True)
    """
)

SLOW_BACKUP = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from msfood.services.backups import backup

    backup.PAGES_PER_STEP = 64

    def progress(done, total):
        print("step", done, total, flush=True)
        time.sleep(0.2)

    backup.backup_sqlite(Path(sys.argv[1]), Path(sys.argv[2]), progress=progress)
    print("done", flush=True)
    """
)


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _kill_after(process: subprocess.Popen[str], marker: str, delay: float = 0.0) -> list[str]:
    """Read the child's lines until one starts with `marker`, wait `delay`, then SIGKILL it."""
    seen: list[str] = []
    assert process.stdout is not None
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line.strip())
        if line.startswith(marker):
            time.sleep(delay)
            break
    still_running = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.stderr is not None
    errors = process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    assert still_running, f"the child finished before it could be killed: {seen} {errors}"
    assert process.returncode == -signal.SIGKILL
    return seen


@pytest.mark.parametrize(
    ("marker", "delay"),
    [("batch 0", 0.0), ("batch 3", 0.05), (f"batch {BATCHES - 1}", 0.0), ("committing", 0.0)],
)
def test_a_killed_writer_leaves_all_or_nothing(db_path: Path, marker: str, delay: float) -> None:
    process = _start(WRITER, str(db_path), str(BATCHES), str(PER_BATCH))
    seen = _kill_after(process, marker, delay)
    assert marker in seen[-1]
    regions = _check_consistent(db_path)
    if marker.startswith("batch"):
        assert regions == 0  # killed inside the unit of work: nothing of it was committed
    else:
        assert regions in (0, BATCHES * PER_BATCH)  # killed during the commit: one or the other


def test_the_same_writer_left_alone_commits_everything(db_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", WRITER, str(db_path), "2", "500"], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("committed")
    assert _check_consistent(db_path) == 1000


def test_a_killed_backup_leaves_no_file_that_looks_whole(db_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "backup.sqlite"
    process = _start(SLOW_BACKUP, str(db_path), str(target))
    _kill_after(process, "step")
    assert not target.exists()  # only the .partial, never a file under the backup's own name
    with closing(sqlite3.connect(str(db_path))) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
