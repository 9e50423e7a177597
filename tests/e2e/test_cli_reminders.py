"""`msfood report --kind reminders | bulletin` as a user runs them (issue 14 item 5), read back with
pdftotext."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from msfood.cli import main
from msfood.services.writing.transaction import unit_of_work
from tests.conftest import ADMIN_PASSWORD
from tests.scenario import Scenario, worked_example
from tests.unit.reports_data import pdf_fonts, pdf_pages, pdf_text, squeeze


@pytest.fixture
def station(db, clock, monkeypatch):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("MSFOOD_NOW", "2026-05-15T10:00")  # Q2 running
    return Path(db.path)


def no_keys(text: str) -> bool:
    return not any(key in text for key in ("report.", "reminders.", "bulletin.", "ranking."))


def test_reminders_from_the_command_line(station: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    base = ["report", "--db", str(station), "--period", "2026Q2", "--kind", "reminders"]
    assert main([*base, "--out", str(tmp_path / "r.pdf")]) == 0
    assert "r.pdf" in capsys.readouterr().out
    text = squeeze(pdf_text(tmp_path / "r.pdf"))
    assert pdf_pages(tmp_path / "r.pdf") == 3 and no_keys(text)
    assert "督导提醒" in text and "郑三" in text and "田心生鲜超市" in text and "剩余天数" in text
    assert all(f["emb"] == "yes" for f in pdf_fonts(tmp_path / "r.pdf"))
    assert main([*base, "--by", "township", "--out", str(tmp_path / "t.pdf")]) == 0
    assert "督导提醒（清水塘街道）" in squeeze(pdf_text(tmp_path / "t.pdf"))
    assert main([*base, "--cadre", "13700000001", "--out", str(tmp_path / "one.xlsx")]) == 0
    rows = list(load_workbook(tmp_path / "one.xlsx")["未完成督导任务"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[4]) for r in rows] == [("周一", "清水豆腐坊")]
    assert main(["--lang", "en", *base, "--as-of", "2026-06-30", "--out", str(tmp_path / "en.pdf")]) == 0
    english = pdf_text(tmp_path / "en.pdf")
    assert "Visit reminder" in english and "missed" in english and no_keys(english)


def test_bulletin_from_the_command_line(station: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    base = ["report", "--db", str(station), "--period", "2026Q2", "--kind", "bulletin"]
    assert main([*base, "--out", str(tmp_path / "b.pdf")]) == 0
    text = squeeze(pdf_text(tmp_path / "b.pdf"))
    assert "关于2026年第二季度食品安全包保督导工作进展情况的通报" in text and no_keys(text)
    assert "督导进度" in text and "清水塘街道" in text and "落后包保干部" in text
    assert main([*base, "--as-of", "2026-06-30", "--out", str(tmp_path / "e.pdf")]) == 0
    assert "督导工作完成情况的通报" in squeeze(pdf_text(tmp_path / "e.pdf"))
    capsys.readouterr()
    assert main([*base, "--out", str(tmp_path / "b.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "只能生成 PDF" in err and "Traceback" not in err
    assert (
        main([*base[:-2], "--kind", "reminders", "--cadre", "13900000000", "--out", str(tmp_path / "x.pdf")])
        == 1
    )
    err = capsys.readouterr().err
    assert "13900000000" in err and "Traceback" not in err
    assert not (tmp_path / "b.xlsx").exists() and not (tmp_path / "x.pdf").exists()
