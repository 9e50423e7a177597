"""`msfood schedule` as a user runs it: plans and saves, writes JSON, a PDF per cadre and a calendar;
mistakes are sentences with exit codes, never a traceback."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from msfood.cli import main
from msfood.services.writing.transaction import unit_of_work
from tests.conftest import ADMIN_PASSWORD
from tests.scenario import Scenario
from tests.schedule_data import LI, schedule_station
from tests.unit.reports_data import pdf_pages, pdf_text, squeeze


@pytest.fixture
def station(db, clock, monkeypatch):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        schedule_station(Scenario(uow))
    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("MSFOOD_NOW", "2026-11-24T10:00")
    return Path(db.path)


def run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exit_:  # argparse's usage errors
        return int(exit_.code or 0)


def test_json_pdf_and_calendar(station: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    base = ["schedule", "--db", str(station), "--period", "2026Q4"]
    assert main([*base, "--json"]) == 0  # as of today (24 November)
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2026-11-24" and data["margin_workdays"] == 5 and data["per_day"] == 6
    assert data["landing"] == {
        "total": 5,
        "met": 1,
        "planned": 4,
        "open": 4,
        "short": 0,
        "rate_now": 0.2,
        "rate": 1.0,
    }
    assert {(v["cadre"]["name"], v["business"], v["date"], v["mode"]) for v in data["visits"]} == {
        ("李乡长", "甲饭店", "2026-11-25", "onsite"),
        ("王村官", "乙超市", "2026-11-25", "onsite"),
        ("王村官", "甲饭店", "2026-11-25", "gathered"),
        ("王村官", "丙面包房，分店", "2026-11-25", "gathered"),
    }
    with sqlite3.connect(station) as conn:
        assert conn.execute("SELECT COUNT(*) FROM visit_plans").fetchone()[0] == 4  # saved

    pdf = tmp_path / "排期.pdf"
    assert main([*base, "--out", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "按排期完成可达 100.0%" in out and str(pdf) in out
    text = squeeze(pdf_text(pdf))
    assert pdf_pages(pdf) == 2  # a page per cadre
    for expected in (
        "督导排期表",
        "王村官",
        "李乡长",
        "乙超市",
        "现场督导",
        "集中督导",
        "东村",
        "2026-11-25",
        "按排期完成后4/4（100.0%）",
    ):
        assert expected in text, expected

    ics = tmp_path / "li.ics"
    assert main([*base, "--cadre", LI, "--ics", str(ics)]) == 0
    body = ics.read_bytes().decode("utf-8")
    assert body.count("BEGIN:VEVENT") == 1 and "SUMMARY:督导：甲饭店\r\n" in body


def test_a_late_as_of_names_what_does_not_fit(station: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # 23 December: the working days left are 24-25 and 28-31 December; five are the margin
    argv = ["schedule", "--db", str(station), "--period", "2026Q4", "--as-of", "2026-12-23", "--per-day", "1"]
    assert main([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {v["date"] for v in data["visits"]} == {"2026-12-24"}
    assert sorted((n["business"], n["reason"]) for n in data["not_planned"]) == [
        ("丙面包房，分店", "capacity"),
        ("甲饭店", "capacity"),
    ]
    assert data["landing"]["rate"] == 0.6
    assert main([*argv, "--out", str(Path(str(station)).with_name("late.pdf"))]) == 0
    captured = capsys.readouterr()
    assert "有 2 项督导任务排不下或未排期" in captured.err
    assert "工作日已排满" in squeeze(pdf_text(Path(str(station)).with_name("late.pdf")))


@pytest.mark.parametrize(
    ("extra", "code", "words"),
    [
        (["--margin", "99", "--json"], 1, "0 到 60"),
        (["--per-day", "0", "--json"], 1, "1 到 50"),
        (["--cadre", "13999999999", "--json"], 1, "13999999999"),
        (["--out", "s.txt"], 2, ".pdf"),
        (["--json", "--ics", "s.ics"], 2, "不能与参数"),
        (["--json", "--region", "999999"], 1, "999999"),
    ],
)
def test_mistakes_are_sentences(station: Path, capsys, extra: list[str], code: int, words: str) -> None:  # type: ignore[no-untyped-def]
    assert run(["schedule", "--db", str(station), "--period", "2026Q4", *extra]) == code
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_english(station: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert (
        main(
            [
                "--lang",
                "en",
                "schedule",
                "--db",
                str(station),
                "--period",
                "2026Q4",
                "--out",
                str(tmp_path / "s.pdf"),
            ]
        )
        == 0
    )
    assert "if the plan is kept" in capsys.readouterr().out
    assert "Visitschedule" in squeeze(pdf_text(tmp_path / "s.pdf"))
