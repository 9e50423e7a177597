"""One app per database file: the lock names who holds it; a dead app's lock is taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from msfood.core.instance_lock import (
    InstanceRunning,
    acquire_instance_lock,
    instance_key,
    lock_path,
    read_lock,
    release_instance_lock,
)


def write_lock(database: Path, *, pid: int, host: str | None = None) -> Path:
    path = lock_path(database)
    started = "2026-11-24T02:00:00+00:00"
    held = {"pid": pid, "host": host or socket.gethostname(), "started": started}
    path.write_text(json.dumps(held), "utf-8")
    return path


def live_other_process() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


def test_the_lock_names_this_app_and_goes_on_release(tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "station.sqlite"
    lock = acquire_instance_lock(database, now=clock.now())
    assert lock.path == tmp_path / "station.sqlite.msfood-lock" and lock.path.exists()
    held = read_lock(lock.path)
    assert held is not None and (held.pid, held.host) == (os.getpid(), socket.gethostname())
    assert held.since_text() == "2026-11-24 10:00"  # China time, as the clock says
    release_instance_lock(lock)
    assert not lock.path.exists()


def test_a_live_app_on_the_file_is_named_in_the_refusal(tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "station.sqlite"
    other = live_other_process()
    try:
        write_lock(database, pid=other.pid)
        with pytest.raises(InstanceRunning) as refused:
            acquire_instance_lock(database, now=clock.now())
    finally:
        other.kill()
        other.wait()
    text = refused.value.message()
    assert "此数据库已在另一个食安包保窗口中打开" in text
    assert f"进程 {other.pid}" in text and socket.gethostname() in text and "2026-11-24 10:00" in text
    assert "already open in another msfood window" in refused.value.message("en")
    assert read_lock(lock_path(database)).pid == other.pid  # type: ignore[union-attr]  # left alone


def test_the_lock_of_a_dead_app_is_taken_over(tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "station.sqlite"
    gone = live_other_process()
    gone.kill()
    gone.wait()
    write_lock(database, pid=gone.pid)
    lock = acquire_instance_lock(database, now=clock.now())
    assert read_lock(lock.path).pid == os.getpid()  # type: ignore[union-attr]


def test_an_unreadable_lock_is_taken_over(tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "station.sqlite"
    lock_path(database).write_text("not json", "utf-8")
    assert acquire_instance_lock(database, now=clock.now()).pid == os.getpid()


def test_a_lock_from_another_computer_is_respected(tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "station.sqlite"
    write_lock(database, pid=1, host="another-pc")
    with pytest.raises(InstanceRunning) as refused:
        acquire_instance_lock(database, now=clock.now())
    assert "another-pc" in refused.value.message() and str(lock_path(database)) in refused.value.message()


def test_release_leaves_a_lock_another_app_took_over(tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "station.sqlite"
    lock = acquire_instance_lock(database, now=clock.now())
    write_lock(database, pid=os.getpid() + 1, host="another-pc")
    release_instance_lock(lock)
    assert lock.path.exists()


def test_the_socket_name_is_the_same_for_every_spelling_of_the_file(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    direct, roundabout = tmp_path / "a" / "s.sqlite", tmp_path / "a" / ".." / "a" / "s.sqlite"
    assert instance_key(direct) == instance_key(roundabout) != instance_key(tmp_path / "b.sqlite")
    assert instance_key(direct).startswith("msfood-")
