"""The completion report names the visit rule that judged the period and ends with the 指标口径 appendix,
in the PDF (read back with pdftotext) and in the workbook (its own sheet), as a user runs `msfood report`."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from msfood.cli import main
from msfood.reports.appendix.methodology import GROUPS, all_definitions, groups_for
from msfood.services import rules
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from tests.conftest import ADMIN_PASSWORD
from tests.scenario import Scenario, worked_example
from tests.unit.reports_data import pdf_text, squeeze


@pytest.fixture
def station(db, clock, monkeypatch):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    with unit_of_work(db.sessions, actor=Actor("admin", "admin"), clock=clock) as uow:
        rules.apply_rule_preset(uow, preset="half_yearly_no_village", effective_from="2026-04-01")
    monkeypatch.setenv("MSFOOD_USER", "admin")
    monkeypatch.setenv("MSFOOD_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("MSFOOD_NOW", "2026-11-24T10:00")
    return Path(db.path)


def report(station: Path, out: Path, *extra: str, lang: tuple[str, ...] = ()) -> Path:
    args = [
        *lang,
        "report",
        "--db",
        str(station),
        "--period",
        "2026",
        "--as-of",
        "2026-11-24",
        *extra,
        "--out",
        str(out),
    ]
    assert main(args) == 0
    return out


def test_pdf_names_the_rules_and_prints_the_appendix(station: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pdf = report(station, tmp_path / "y.pdf")
    capsys.readouterr()
    text = squeeze(pdf_text(pdf, raw=True))
    first_page = squeeze(pdf_text(pdf, last=1, raw=True))  # raw: the wrapped cell's lines stay together
    assert "本期督导频次" in first_page
    assert (
        squeeze("市级 每季度 1 次（自2000-01-01起），每半年 1 次（自2026-04-01起）（本期内调整）")
        in first_page
    )
    assert squeeze("村级 每季度 1 次（自2000-01-01起），不考核（自2026-04-01起）") in first_page
    appendix = text[text.index(squeeze("附录　指标口径")) :]
    for definition in all_definitions():
        assert squeeze(definition.get("title")) in appendix, definition.key
    assert "国家规定" in appendix and "本地设置" in appendix and "统计约定" in appendix
    assert squeeze("食品安全法第八十八条") in appendix  # the retest window's source
    assert appendix.index(squeeze("监督抽检不合格率")) < appendix.index(squeeze("复检申请期限"))


def test_sampling_report_appendix_holds_only_its_groups(station: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = squeeze(pdf_text(report(station, tmp_path / "s.pdf", "--kind", "sampling"), raw=True))
    capsys.readouterr()
    appendix = text[text.index(squeeze("附录　指标口径")) :]
    assert squeeze("监督抽检不合格率") in appendix and "督导完成率" not in appendix
    assert [g.key for g in groups_for("sampling")] == ["general", "sampling"]


def test_workbook_has_the_rule_line_and_an_appendix_sheet(station: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    book = load_workbook(report(station, tmp_path / "y.xlsx"))
    capsys.readouterr()
    info = {row[0]: row[1] for row in book["报表信息"].iter_rows(min_row=2, values_only=True)}
    assert info["本期督导频次"].startswith(
        "市级 每季度 1 次（自2000-01-01起），每半年 1 次（自2026-04-01起）"
    )
    assert book.sheetnames[-1] == "指标口径"
    everything = list(book["指标口径"].iter_rows(min_row=3, values_only=True))
    rows = everything[: len(all_definitions())]
    assert [r[0] for r in rows] == [d.get("title") for g in GROUPS for d in g.definitions]
    bases = {r[0]: r[2] for r in everything[len(rows) + 3 :]}  # a blank row, the heading, the header
    assert bases["每半年督导 1 次；村级干部不再考核"] == "本地设置"
    assert bases["四级包保干部每季度至少督导 1 次"] == "国家规定"
    by_title = {r[0]: r for r in rows}
    headline = by_title["监督抽检不合格率（主要指标）"]
    assert headline[2].startswith("国家规定") and "190,872" in headline[1] and "190,872" in headline[4]
    assert by_title["督导任务（应督导）"][2] == "统计约定" and "在营" in by_title["督导任务（应督导）"][1]
    assert "默认 A市 B县 C乡 D村" in by_title["包保等级与层级"][2]


def test_english_report_prints_the_english_appendix(station: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(pdf_text(report(station, tmp_path / "en.pdf", lang=("--lang", "en")), raw=True).split())
    capsys.readouterr()
    words = " ".join(pdf_text(tmp_path / "en.pdf", last=1, raw=True).split())
    assert "Visit rules this period" in words and "City: 1 per quarter (from 2000-01-01)" in words
    assert "Appendix: how the figures are defined" in text
    assert "Supervision sampling failure rate" in text
