"""The worked example as a new user does it: a workbook, `msfood import`, then `msfood stats --json`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.test_cli_stats import msfood
from tests.e2e.worked_example_workbook import build

EXPECTED = {
    "supervision": {"due": 3, "met": 2, "missed": 1, "open": 0},
    "coverage": {"operating": 3, "guaranteed": 3, "rate": 1.0},
    "problems": {"found": 1, "due": 1, "closed": 1, "rate": 1.0},
}


def test_import_then_stats(db_path: Path, tmp_path: Path) -> None:
    workbook = build(tmp_path / "示例.xlsx")
    done = msfood("import", "--db", str(db_path), str(workbook), "--json")
    assert done.returncode == 0, done.stderr + done.stdout
    receipt = json.loads(done.stdout)
    assert receipt["errors"] == [] and receipt["new"] > 0

    again = msfood("import", "--db", str(db_path), str(workbook), "--json")
    assert again.returncode == 0, again.stderr
    second = json.loads(again.stdout)
    assert second["new"] == 0 and second["updated"] == 0 and second["unchanged"] > 0

    done = msfood("stats", "--db", str(db_path), "--period", "2026Q2", "--as-of", "2026-06-30", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    sup = data["supervision"]
    assert {k: sup[k] for k in ("due", "met", "missed", "open")} == EXPECTED["supervision"]
    assert sup["rate"] == pytest.approx(2 / 3)
    assert sup["by_level"]["township"]["rate"] == 0.0 and sup["by_level"]["village"]["rate"] == 1.0
    assert sup["coverage"] == EXPECTED["coverage"]
    assert sup["problems"] == EXPECTED["problems"]
    sc = data["selfcheck"]
    assert sc["owing"] == 3
    assert sc["daily"] == {"covered": 2, "rate": pytest.approx(2 / 3), "record_days": 230, "operating_days": 231}
    assert sc["weekly"] == {"applicable": 3, "covered": 2, "rate": pytest.approx(2 / 3)}
    assert sc["monthly"] == {"applicable": 3, "covered": 2, "rate": pytest.approx(2 / 3)}
    assert sc["platform_use"] == {"active": 3, "rate": 1.0}
    sa = data["sampling"]
    assert (sa["batches"], sa["passed"], sa["failed"], sa["pending"], sa["failure_rate"]) == (3, 1, 1, 1, 0.5)
    assert (sa["planned"], sa["plan_rate"]) == (12, 0.25)
    assert sa["disposal"] == {"cases": 1, "closed": 1, "closed_on_time": 1, "overdue": 0}
    # the headline 监督抽检不合格率 (WORKED_EXAMPLE.md "Added figures"): SF2026003 is 风险监测
    assert sa["supervision"] == {"batches": 2, "passed": 1, "failed": 1, "pending": 0, "failure_rate": 0.5}
    assert data["rapid"] == {"batches": 8, "positive": 1}


def test_broken_workbook_changes_nothing(db_path: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    workbook = build(tmp_path / "坏.xlsx")
    wb = load_workbook(workbook)
    wb["包保主体"]["B3"] = "91430211000009267X"  # wrong check character
    wb["包保关系"]["A3"] = "13799999999"  # no such cadre
    wb.save(workbook)

    def snapshot() -> list[tuple]:  # type: ignore[type-arg]
        with sqlite3.connect(db_path) as conn:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            return [(t, conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()) for t in sorted(tables)]

    before = snapshot()
    done = msfood("import", "--db", str(db_path), str(workbook))
    assert done.returncode == 1
    assert "包保主体" in done.stderr and "第 3 行" in done.stderr
    assert "13799999999" in done.stderr
    assert snapshot() == before
