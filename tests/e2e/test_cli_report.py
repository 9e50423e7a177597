"""`msfood report` and `msfood notice` as a user runs them: the report agrees with `msfood stats --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from msfood.cli import main
from msfood.core.ids import natural_id
from msfood.services.writing.transaction import unit_of_work
from tests.conftest import ADMIN_PASSWORD
from tests.scenario import Scenario, worked_example
from tests.unit.reports_data import as_stored, figures_from_sheet, json_at, pdf_fonts, pdf_text, squeeze


@pytest.fixture
def station(db, clock, monkeypatch):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("MSFOOD_NOW", "2026-11-24T10:00")
    return Path(db.path)


def stats_json(capsys, db: Path, *extra: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    assert main(["stats", "--db", str(db), "--period", "2026Q2", "--as-of", "2026-06-30", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("region", [[], ["--region", "430204001"]])
def test_report_agrees_with_stats_json(station: Path, tmp_path: Path, capsys, region: list[str]) -> None:  # type: ignore[no-untyped-def]
    data = stats_json(capsys, station, *region)
    base = ["report", "--db", str(station), "--period", "2026Q2", "--as-of", "2026-06-30", *region]
    xlsx, pdf = tmp_path / "q2.xlsx", tmp_path / "q2.pdf"
    assert main([*base, "--out", str(xlsx)]) == 0
    assert str(xlsx) in capsys.readouterr().out
    checked = 0
    for sheet in ("督导指标", "自查指标", "抽检快检指标"):
        for key, value in figures_from_sheet(xlsx, sheet).items():
            assert value == as_stored(json_at(data, key)), key
            checked += 1
    assert checked >= 38
    assert main([*base, "--out", str(pdf)]) == 0
    text = squeeze(pdf_text(pdf))
    rate = data["supervision"]["rate"]
    assert f"{rate * 100:.1f}%" in text  # 2/3 -> 66.7%
    assert all(f["emb"] == "yes" for f in pdf_fonts(pdf))


def test_report_kinds_and_working_papers(station: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    base = ["--db", str(station), "--period", "2026Q2", "--as-of", "2026-06-30"]
    assert main(["report", *base, "--kind", "tasks", "--out", str(tmp_path / "t.pdf")]) == 0
    assert "督导任务单" in squeeze(pdf_text(tmp_path / "t.pdf"))
    assert main(["report", *base, "--kind", "tasks", "--cadre", "13700000001", "--out", str(tmp_path / "t.xlsx")]) == 0
    names = {row[0] for row in load_workbook(tmp_path / "t.xlsx")["督导任务"].iter_rows(min_row=2, values_only=True)}
    assert names == {"周一"}
    assert main(["report", *base, "--kind", "sampling", "--font", "song", "--out", str(tmp_path / "s.pdf")]) == 0
    assert all("UMingCN" in f["name"] for f in pdf_fonts(tmp_path / "s.pdf"))
    visit = natural_id("visit", Scenario.cid("13700000001"), Scenario.bid("91430211000009136F"), "2026-05-10")
    assert main(["notice", "--db", str(station), "--visit", visit, "--out", str(tmp_path / "n.pdf")]) == 0
    assert "整改通知书" in squeeze(pdf_text(tmp_path / "n.pdf"))
    capsys.readouterr()


def test_errors_are_sentences_with_exit_codes(station: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    base = ["--db", str(station), "--period", "2026Q2"]
    assert main_exit(["report", *base, "--out", str(tmp_path / "r.docx")]) == 2
    assert "pdf" in capsys.readouterr().err
    assert main(["report", *base, "--out", str(tmp_path / "missing" / "r.pdf")]) == 2
    assert "文件夹不存在" in capsys.readouterr().err
    assert main(["report", *base, "--region", "999999", "--out", str(tmp_path / "r.pdf")]) == 1
    assert "Traceback" not in capsys.readouterr().err
    quiet = natural_id("visit", Scenario.cid("13700000002"), Scenario.bid("91430211000009267B"), "2026-06-01")
    assert main(["notice", "--db", str(station), "--visit", quiet, "--out", str(tmp_path / "n.pdf")]) == 3
    assert "无需整改通知书" in capsys.readouterr().err
    assert main(["notice", "--db", str(station), "--visit", "00000000-dead", "--out", str(tmp_path / "n.pdf")]) == 1
    assert "找不到督导记录" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf"))


def main_exit(argv: list[str]) -> int:
    """main() for usage errors, which argparse reports by SystemExit."""
    try:
        return main(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
