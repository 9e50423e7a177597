"""One app per database file: a lock file next to the database names the process that has it open.

The lock holds the pid, the computer's name and when it was taken (JSON). A second app on the same
file reads it and is refused with those facts (the ui then asks the running one to come to the
front). A lock whose process is gone (a crash, a power cut) is stale and taken over; so is one this
process took itself (reopening the same file). A lock from another computer (a database on a shared
folder) cannot be checked from here: it is respected, and the message names the lock file.
Qt-free: the ui adds the local socket that raises the running window (ui/single_instance.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from msfood.core.clock import CHINA
from msfood.core.errors import EnvironmentProblem

LOCK_SUFFIX = ".msfood-lock"


class InstanceRunning(EnvironmentProblem):
    """The database is open in another msfood app (params: pid, host, since, lock)."""

    code = "instance.running"


@dataclass(frozen=True)
class InstanceLock:
    path: Path  # the lock file
    pid: int
    host: str
    started: str  # ISO time in UTC

    def since_text(self) -> str:
        """When it was taken, China time to the minute (as people read it)."""
        try:
            at = dt.datetime.fromisoformat(self.started)
        except ValueError:
            return self.started
        at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
        return f"{at.astimezone(CHINA):%Y-%m-%d %H:%M}"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


def instance_key(database: Path) -> str:
    """A name for the running app's local socket, the same for every spelling of the same file."""
    digest = hashlib.sha256(os.path.normcase(str(database.expanduser().resolve())).encode("utf-8"))
    return f"msfood-{digest.hexdigest()[:24]}"


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would send Ctrl+C there
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return True


def read_lock(path: Path) -> InstanceLock | None:
    """The lock in `path`, or None when there is none or it cannot be read (then it is stale)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return InstanceLock(path, int(data["pid"]), str(data["host"]), str(data["started"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _is_stale(lock: InstanceLock | None, host: str) -> bool:
    if lock is None:
        return True
    if lock.host != host:
        return False
    return lock.pid == os.getpid() or not process_alive(lock.pid)


def acquire_instance_lock(database: Path, *, now: dt.datetime) -> InstanceLock:
    """Take the database's lock, or raise InstanceRunning naming the app that holds it."""
    path = lock_path(database)
    host = socket.gethostname()
    mine = InstanceLock(path, os.getpid(), host, now.astimezone(dt.UTC).isoformat(timespec="seconds"))
    text = json.dumps({"pid": mine.pid, "host": mine.host, "started": mine.started})
    for _attempt in range(3):
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            held = read_lock(path)
            if held is not None and not _is_stale(held, host):
                raise InstanceRunning(pid=held.pid, host=held.host, since=held.since_text(),
                                      lock=str(path)) from None  # fmt: skip
            with contextlib.suppress(FileNotFoundError):  # stale: take it over (and race whoever else does)
                path.unlink()
            continue
        except OSError:  # a read-only folder: SQLite says so clearly when the database opens
            return mine
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        return mine
    held = read_lock(path)
    raise InstanceRunning(pid=held.pid if held else 0, host=held.host if held else "",
                          since=held.since_text() if held else "", lock=str(path))  # fmt: skip


def release_instance_lock(lock: InstanceLock) -> None:
    """Remove the lock if it is still this one (a later app may have taken over a stale copy)."""
    held = read_lock(lock.path)
    if held is not None and (held.pid, held.host, held.started) == (lock.pid, lock.host, lock.started):
        with contextlib.suppress(OSError):
            lock.path.unlink()
