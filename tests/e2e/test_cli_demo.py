"""`msfood demo` as a script runs it: a subprocess, a new file, exit codes, the demo accounts at work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

NOW = {"MSFOOD_NOW": "2026-11-24T10:00:00"}


def msfood(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("MSFOOD_")}
    full_env.update(NOW, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "msfood", *args], capture_output=True, text=True, env=full_env,
        stdin=subprocess.DEVNULL, timeout=300,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    path = tmp_path_factory.mktemp("cli-demo") / "演示.sqlite"
    return path, msfood("demo", "--db", str(path), "--scale", "station", "--seed", "7", "--json")


def test_demo_writes_a_new_database(demo: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    path, done = demo
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["scale"] == "station" and summary["seed"] == 7 and summary["year"] == 2026
    assert summary["last_day"] == "2026-11-24" and summary["counts"]["businesses"] == 500
    assert summary["total"] == sum(summary["counts"].values()) > 20_000
    assert {a["username"]: a["role"] for a in summary["accounts"]} == {
        "admin": "admin", "liaison": "liaison", "viewer": "viewer", "bureau": "bureau-admin",
    }  # fmt: skip
    assert path.stat().st_size > 0


def test_demo_accounts_work_with_other_commands(demo: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    path, _done = demo
    env = {"MSFOOD_USER": "viewer", "MSFOOD_PASSWORD": "demo-viewer"}
    done = msfood("stats", "--db", str(path), "--period", "2026-10", "--as-of", "2026-11-24", "--json", env=env)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["selfcheck"]["owing"] > 300 and 0.7 < figures["selfcheck"]["daily"]["rate"] < 0.97
    wrong = msfood("stats", "--db", str(path), "--period", "2026-10", "--json",
                   env={"MSFOOD_USER": "viewer", "MSFOOD_PASSWORD": "nope-nope"})  # fmt: skip
    assert wrong.returncode == 2


def test_demo_refuses_an_existing_database(demo: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    path, _done = demo
    before = path.stat().st_size, path.stat().st_mtime_ns
    again = msfood("demo", "--db", str(path))
    assert again.returncode == 2
    assert "演示数据只能写入新的数据库文件" in again.stderr and "Traceback" not in again.stderr
    assert (path.stat().st_size, path.stat().st_mtime_ns) == before
    english = msfood("--lang", "en", "demo", "--db", str(path))
    assert english.returncode == 2 and "Demo data can only go into a new database file" in english.stderr


def test_demo_input_errors(tmp_path: Path) -> None:
    future = msfood("demo", "--db", str(tmp_path / "a.sqlite"), "--year", "2031")
    assert future.returncode == 1 and "2031" in future.stderr and "Traceback" not in future.stderr
    assert not (tmp_path / "a.sqlite").exists()
    scale = msfood("demo", "--db", str(tmp_path / "b.sqlite"), "--scale", "province")
    assert scale.returncode == 2 and not (tmp_path / "b.sqlite").exists()
    missing = msfood("demo")
    assert missing.returncode == 2 and "--db" in missing.stderr
