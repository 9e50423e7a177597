"""Where things live on this machine (platformdirs), overridable with MSFOOD_HOME for tests and kiosks."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "msfood"


def data_dir() -> Path:
    override = os.environ.get("MSFOOD_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "msfood.sqlite"


def demo_db_path() -> Path:
    """Demo data always goes into its own file, never into a real station's database."""
    return data_dir() / "msfood-demo.sqlite"


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_path() -> Path:
    return data_dir() / "msfood.log"
