"""`msfood ranking` on the station demo in the middle of Q4: every row equals `msfood stats --region`
for its region, for several periods, as-of dates and figures; the table; the role rules."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from msfood.core.clock import CHINA, FixedClock
from msfood.db.engine import open_database
from msfood.demo import create_demo
from msfood.metrics import compute_stats
from msfood.metrics.ranking import FIGURES, rank_regions

NOW = "2026-11-15T10:00:00+08:00"


def msfood(*args: str, user: str = "viewer", password: str = "demo-viewer") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MSFOOD_")}
    env.update(MSFOOD_NOW=NOW, MSFOOD_USER=user, MSFOOD_PASSWORD=password)
    return subprocess.run(
        [sys.executable, "-m", "msfood", *args], capture_output=True, text=True, env=env,
        stdin=subprocess.DEVNULL, timeout=300,
    )


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ranking") / "station.sqlite"
    clock = FixedClock(dt.datetime(2026, 11, 15, 10, 0, tzinfo=CHINA).astimezone(dt.UTC))
    create_demo(path, scale="station", seed=1, year=2026, clock=clock)
    return path


def test_ranking_json_rows_equal_stats_per_region(station: Path) -> None:
    done = msfood("ranking", "--db", str(station), "--period", "2026Q4", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["period"], data["as_of"], data["region"], data["by"]) == ("2026Q4", "2026-11-15", "430204", "supervision")
    rows = data["rows"]
    assert len(rows) >= 3
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)  # rank order
    for row in rows:
        own = msfood("stats", "--db", str(station), "--period", "2026Q4", "--region", row["region"], "--json")
        assert own.returncode == 0, own.stderr
        figures = json.loads(own.stdout)
        assert row["figures"] == figures
        progress = figures["supervision"]["progress"]
        assert row["rate"] == progress["rate"] and progress["total"] > figures["supervision"]["due"] == 0
        assert row["change"] == (row["previous_rank"] - row["rank"] if row["previous_rank"] else None)


@pytest.mark.parametrize(
    ("period", "as_of"),
    [("2026Q4", "2026-11-15"), ("2026Q4", "2026-10-20"), ("2026Q3", "2026-09-30"), ("2026Q3", "2026-08-15"),
     ("2026-10", "2026-10-31"), ("2026", "2026-11-15")],
)
def test_every_figure_of_every_row_equals_stats(station: Path, period: str, as_of: str) -> None:
    database = open_database(station)
    try:
        with database.readers() as session:
            day = dt.date.fromisoformat(as_of)
            expected = {
                row.code: row.to_json()["figures"]
                for row in rank_regions(session, period=period, as_of=day, region="430204").rows
            }
            for code, figures in expected.items():
                own = compute_stats(session, period=period, as_of=day, region=code, details=False).to_json()
                assert figures == own, code
            for by, share in FIGURES.items():
                ranked = rank_regions(session, period=period, as_of=day, region="430204", by=by)
                for row in ranked.rows:
                    assert row.stats is not None
                    numerator, denominator = share(row.stats)
                    assert row.rate == (numerator / denominator if denominator else None), (by, row.code)
                rates = [r.rate for r in ranked.rows if r.rate is not None]
                assert rates == sorted(rates, reverse=True), by
    finally:
        database.close()


def test_ranking_table_in_chinese(station: Path) -> None:
    done = msfood("ranking", "--db", str(station), "--period", "2026Q4", "--by", "daily")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "日管控覆盖率" in lines[0] and "2026Q3" in lines[0]
    assert lines[1].split() == ["排名", "区划代码", "区域名称", "指标值", "完成/应完成", "上期排名", "升降"]
    assert any("进位" in line or "退位" in line or "持平" in line for line in lines[2:])
    progress = msfood("ranking", "--db", str(station), "--period", "2026Q4")
    assert "督导进度" in progress.stdout.splitlines()[0] and "按进度" in progress.stdout


@pytest.mark.parametrize(
    ("args", "user", "password", "code", "needle"),
    [
        (["--by", "speed"], "viewer", "demo-viewer", 1, "speed"),
        (["--region", "999999"], "viewer", "demo-viewer", 1, "999999"),
        ([], "viewer", "wrong", 2, "密码"),  # as every command signs in: exit 2
    ],
)
def test_ranking_refusals(station: Path, args: list[str], user: str, password: str, code: int, needle: str) -> None:
    done = msfood("ranking", "--db", str(station), "--period", "2026Q4", *args, user=user, password=password)
    assert done.returncode == code, (done.stdout, done.stderr)
    assert needle in done.stderr and "Traceback" not in done.stderr
