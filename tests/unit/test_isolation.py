"""The suite never touches the user's real data folder (their database, backups and keys)."""

from __future__ import annotations

from pathlib import Path

from msfood.core import config
from tests.conftest import REAL_DATA_DIR


def test_the_app_folder_is_a_temporary_one_during_tests() -> None:
    home = config.data_dir().resolve()
    assert home != REAL_DATA_DIR.resolve()
    assert REAL_DATA_DIR.resolve() not in home.parents
    assert Path(config.backup_dir()).resolve().is_relative_to(home)
