"""`msfood stats` as a script runs it: a subprocess, a real database, JSON on stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from msfood.db.engine import open_database
from msfood.services.writing.transaction import unit_of_work
from tests.conftest import ADMIN_PASSWORD
from tests.scenario import Scenario, worked_example


def msfood(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "MSFOOD_USER": "admin", "MSFOOD_PASSWORD": ADMIN_PASSWORD, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "msfood", *args], capture_output=True, text=True, env=full_env,
        stdin=subprocess.DEVNULL, timeout=120,
    )


@pytest.fixture
def example_path(db_path: Path, clock) -> Path:  # type: ignore[no-untyped-def]
    database = open_database(db_path)
    with unit_of_work(database.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    database.close()
    return db_path


def test_stats_json_of_the_worked_example(example_path: Path) -> None:
    done = msfood("stats", "--db", str(example_path), "--period", "2026Q2", "--as-of", "2026-06-30", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["period"] == "2026Q2" and data["as_of"] == "2026-06-30" and data["region"] is None
    assert data["supervision"]["rate"] == pytest.approx(2 / 3)
    assert data["selfcheck"]["daily"]["record_days"] == 230
    assert data["sampling"]["plan_rate"] == 0.25
    assert data["rapid"] == {"batches": 8, "positive": 1}


def test_stats_defaults_as_of_to_today_in_china(example_path: Path) -> None:
    done = msfood("stats", "--db", str(example_path), "--period", "2026Q2", "--json",
                  env={"MSFOOD_NOW": "2026-05-31T23:30:00+08:00"})
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["as_of"] == "2026-05-31"
    assert data["supervision"]["due"] == 0 and data["supervision"]["open"] >= 1


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["--period", "2026Q5"], 1, "期间格式不正确"),
        (["--period", "2026Q2", "--as-of", "2026-13-01"], 1, "不是有效日期"),
        (["--period", "2026Q2", "--region", "999999"], 1, "999999"),
    ],
)
def test_stats_refuses_bad_input_in_chinese(example_path: Path, args: list[str], code: int, needle: str) -> None:
    done = msfood("stats", "--db", str(example_path), *args, "--json")
    assert done.returncode == code
    assert needle in done.stderr and "Traceback" not in done.stderr


def test_stats_needs_a_user_and_a_password(example_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MSFOOD_USER", "MSFOOD_PASSWORD")}
    done = subprocess.run(
        [sys.executable, "-m", "msfood", "stats", "--db", str(example_path), "--period", "2026Q2", "--json"],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60,
    )
    assert done.returncode == 2 and "MSFOOD_USER" in done.stderr
    wrong = msfood("stats", "--db", str(example_path), "--period", "2026Q2", "--json",
                   env={"MSFOOD_PASSWORD": "wrong-password"})
    assert wrong.returncode == 2 and "密码" in wrong.stderr


def test_stats_on_a_missing_database(tmp_path: Path) -> None:
    done = msfood("stats", "--db", str(tmp_path / "nope.sqlite"), "--period", "2026Q2", "--json")
    assert done.returncode == 2 and "不存在" in done.stderr


def test_english_messages(example_path: Path) -> None:
    done = msfood("--lang", "en", "stats", "--db", str(example_path), "--period", "bad", "--json")
    assert done.returncode == 1 and "not a period" in done.stderr
