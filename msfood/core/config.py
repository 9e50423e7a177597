"""Where things live on this machine (platformdirs), overridable with MSFOOD_HOME for tests and kiosks."""

from __future__ import annotations

import os
from pathlib import Path

from msfood.core.private_files import PRIVATE_FOLDER, make_private_folder

APP_NAME = "msfood"


def data_dir() -> Path:
    override = os.environ.get("MSFOOD_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    make_private_folder(path)  # it holds the database and its backups: owner-only
    try:
        if path.stat().st_mode & 0o077:  # made earlier by another hand (Qt's settings, an old version)
            os.chmod(path, PRIVATE_FOLDER)
    except OSError:  # not ours to change: the files inside are owner-only anyway
        pass
    return path


def default_db_path() -> Path:
    return data_dir() / "msfood.sqlite"


def demo_db_path() -> Path:
    """Demo data always goes into its own file, never into a real station's database."""
    return data_dir() / "msfood-demo.sqlite"


def backup_dir() -> Path:
    path = data_dir() / "backups"
    make_private_folder(path)
    if path.stat().st_mode & 0o077:  # backups hold the private keys: never readable by others
        os.chmod(path, PRIVATE_FOLDER)
    return path


def log_path() -> Path:
    return data_dir() / "msfood.log"
