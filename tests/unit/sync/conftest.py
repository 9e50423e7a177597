"""Fixtures of the sync tests: the app's folder in tmp_path, and a bureau with two stations."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_helpers import copy_trio, make_trio


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups and temporary files of the app go under the test's own folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("MSFOOD_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def trio_template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_trio(tmp_path_factory.mktemp("trio"))


@pytest.fixture
def trio(trio_template: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    return copy_trio(trio_template, tmp_path / "dbs")
