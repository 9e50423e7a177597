"""Owner-only files and folders (issue 12): databases, their companions, backups and temporary copies
hold the unit's private signing key, so nobody but their owner may read them (files 0600, folders
0700). Light on purpose: the app's start-up imports it before anything heavy.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
COMPANIONS = ("-wal", "-shm", "-journal")


def make_private_folder(folder: Path) -> None:
    """Create a folder (and its missing parents) readable by its owner only; an existing folder is
    left as it is (it may be the user's own Documents)."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for made in reversed(missing):
        try:
            made.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            continue
        os.chmod(made, PRIVATE_FOLDER)  # mkdir's mode is cut by the umask; chmod is not


def create_private_file(path: Path) -> None:
    """Make an empty file owner-only before SQLite writes anything into it (no moment when it is
    world-readable); an existing file is made owner-only."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE)
    os.close(fd)
    os.chmod(path, PRIVATE_FILE)


def private_companions(path: Path) -> None:
    """Make a database file and the companions SQLite keeps beside it owner-only (SQLite gives a
    -wal and -shm the database file's own permissions: this covers files made before this rule)."""
    for suffix in ("", *COMPANIONS):
        target = path.with_name(path.name + suffix)
        try:
            if target.exists() and target.stat().st_mode & 0o077:
                os.chmod(target, PRIVATE_FILE)
        except OSError:  # another user's file, or a read-only medium: leave it
            continue
