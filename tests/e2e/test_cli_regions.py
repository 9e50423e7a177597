"""`msfood init --region` and `msfood regions load` as a user runs them: `msfood` in a subprocess."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from msfood.db.engine import open_database
from msfood.services.accounts.users import create_user
from tests.conftest import ADMIN_PASSWORD

NOW = "2026-11-24T10:00:00+08:00"


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    home = tmp_path / "home"

    def msfood(*args: str, user: str = "admin", password: str = ADMIN_PASSWORD,
               **env: str) -> subprocess.CompletedProcess[str]:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("MSFOOD_")}
        full_env.update({"MSFOOD_HOME": str(home), "MSFOOD_NOW": NOW, "MSFOOD_USER": user,
                         "MSFOOD_PASSWORD": password, **env})
        return subprocess.run(
            [sys.executable, "-m", "msfood", *args], capture_output=True, text=True, env=full_env,
            stdin=subprocess.DEVNULL, timeout=120,
        )

    return msfood


def regions_of(path: Path | str) -> dict[str, str]:
    with closing(sqlite3.connect(path)) as connection:
        return dict(connection.execute("SELECT code, name FROM regions WHERE deleted = 0"))


def test_init_with_a_region_makes_it_and_its_ancestors_so_stats_work_at_once(run, tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    done = run("init", "--db", str(path), "--station-code", "430204-01", "--station-name", "石峰区市场监管所",
               "--region", "430204", MSFOOD_ADMIN_PASSWORD=ADMIN_PASSWORD)
    assert done.returncode == 0, done.stderr
    assert regions_of(path) == {"430000": "湖南省", "430200": "株洲市", "430204": "石峰区"}
    stats = run("stats", "--db", str(path), "--period", "2026Q4", "--as-of", "2026-11-24", "--region",
                "430204", "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["region"] == "430204"


def test_regions_load_end_to_end(run, db_path: Path) -> None:
    done = run("regions", "load", "--db", str(db_path), "430204")
    assert done.returncode == 0, done.stderr
    assert "新增 79 个" in done.stdout and "村级 68" in done.stdout
    names = regions_of(db_path)
    assert names["430204009"] == "龙头铺街道" and names["430204001002"] == "叫鸡岭社区居委会"
    again = run("regions", "load", "--db", str(db_path), "430204")
    assert again.returncode == 3 and "没有新增" in again.stderr and not again.stdout
    json_run = run("--lang", "en", "regions", "load", "--db", str(db_path), "430204001", "--json")
    assert json_run.returncode == 3 and "nothing added" in json_run.stderr


def test_regions_load_json_and_a_wider_code(run, db_path: Path) -> None:
    run("regions", "load", "--db", str(db_path), "430204001")
    done = run("regions", "load", "--db", str(db_path), "430204", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["code"] == "430204" and result["year"] == 2023 and result["present"] == 3 + 1 + 7
    assert result["added_by_level"] == {"township": 7, "village": 61}


@pytest.mark.parametrize(
    ("args", "words"),
    [(["430299"], "没有代码 430299"), (["430204", "--year", "2019"], "没有 2019 年"),
     (["abc"], "没有代码 abc")],
)
def test_unknown_codes_and_years_exit_1_with_a_sentence(
    run, db_path: Path, args: list[str], words: str
) -> None:
    done = run("regions", "load", "--db", str(db_path), *args, password="not-asked")
    assert done.returncode == 1 and words in done.stderr and "Traceback" not in done.stderr
    assert regions_of(db_path) == {}


def test_a_viewer_is_refused(run, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    database = open_database(db_path)
    with database.sessions.begin() as session:
        create_user(session, username="vi", password="vi-pass-1", role="viewer", clock=clock)
    database.close()
    done = run("regions", "load", "--db", str(db_path), "430204", user="vi", password="vi-pass-1")
    assert done.returncode == 2 and "无权修改包保名册" in done.stderr
    assert regions_of(db_path) == {}


def test_init_with_a_code_the_set_lacks_still_works_and_says_so(run, tmp_path: Path) -> None:
    path = tmp_path / "own.sqlite"
    done = run("init", "--db", str(path), "--station-code", "430299-01", "--station-name", "外来所",
               "--region", "430299", MSFOOD_ADMIN_PASSWORD=ADMIN_PASSWORD)
    assert done.returncode == 0, done.stderr
    assert "没有 430299，未自动添加区划" in done.stderr
    assert regions_of(path) == {}
