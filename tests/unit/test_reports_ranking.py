"""The report's progress, counts and ranking (issue 14), read back from the PDF (pdftotext) and the
workbook: labelled as progress while the period runs, the counts equal the stats JSON, the ranking
rows equal msfood ranking."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from msfood.core.progress import drain
from msfood.metrics import compute_stats
from msfood.metrics.ranking import rank_all
from msfood.reports import write_report
from msfood.reports.document.format import percent
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, worked_example
from tests.unit.reports_data import ADMIN, figures_from_sheet, json_at, pdf_text, squeeze

RUNNING = dt.date(2026, 5, 15)  # in the middle of 2026Q2
ENDED = dt.date(2026, 6, 30)


@pytest.fixture
def example_db(db, clock):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        worked_example(s)
        s.region("430204002", "田心街道", "430204")  # a second township: nothing due there (no figure)
    return db


def make(db, clock, out: Path, as_of: dt.date, **kw):  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return drain(write_report(session, actor=ADMIN, out=out, clock=clock, period="2026Q2", as_of=as_of, **kw))


def test_pdf_shows_progress_while_the_period_runs(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = make(example_db, clock, tmp_path / "q2.pdf", RUNNING)
    text = squeeze(pdf_text(out))
    with example_db.sessions() as session:
        stats = compute_stats(session, period="2026Q2", as_of=RUNNING)
    progress = stats.supervision.progress
    assert progress.total == 4 and stats.supervision.total.due == 0  # the bakery suspends on 05-20
    # the headline (laid out in columns: its label, value and detail are read apart)
    assert "督导进度（本期进行中）" in text and percent(progress.rate) in text
    assert f"已完成{progress.met}/本期全部任务{progress.total}" in text
    assert "进度=已完成/本期全部督导任务" in text and "不是完成率" in text
    assert f"督导次数{stats.supervision.visits}（2026-04-01至2026-05-15）" in text
    assert "自查发现问题数" in text and "日管控记录数" in text
    assert "石峰区（430204）下一级区域排名" in text and "按督导进度排名" in text
    assert "本期尚未结束，督导按进度" in text


def test_pdf_of_an_ended_period_shows_the_rate(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = squeeze(pdf_text(make(example_db, clock, tmp_path / "q2.pdf", ENDED)))
    assert "督导进度（本期已结束，等于完成率）" in text and "按督导完成率排名" in text
    assert "督导进度（本期进行中）" not in text
    assert "66.7%" in text  # 2/3, the rate and the progress alike


def test_workbook_counts_and_ranking_equal_the_metrics(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = make(example_db, clock, tmp_path / "q2.xlsx", RUNNING)
    with example_db.sessions() as session:
        data = compute_stats(session, period="2026Q2", as_of=RUNNING).to_json()
        rankings = rank_all(session, period="2026Q2", as_of=RUNNING, region="430204")
    counts = figures_from_sheet(out, "督导次数与自查记录数")
    assert set(counts) == {"supervision.visits", "selfcheck.records.daily", "selfcheck.records.weekly",
                           "selfcheck.records.monthly", "selfcheck.issues_found"}
    for key, value in counts.items():
        assert value == json_at(data, key), key
    assert data["selfcheck"]["records"]["daily"] > 0
    book = load_workbook(out)
    progress_rows = list(book["督导进度（本期进行中）"].iter_rows(min_row=2, values_only=True))
    total = next(r for r in progress_rows if r[0] == "合计")
    assert total[1:4] == (4, data["supervision"]["progress"]["met"], 4 - data["supervision"]["progress"]["met"])
    sheet = next(name for name in book.sheetnames if name.startswith("按督导进度排名"))
    rows = [r for r in book[sheet].iter_rows(min_row=2, values_only=True) if r[1]]
    expected = rankings["supervision"].rows
    assert [(r[0], r[1], r[2]) for r in rows] == [(e.rank, e.code, e.name) for e in expected]
    assert [e.code for e in expected] == ["430204001", "430204002"] and expected[1].rank is None


def test_trends_table_in_the_workbook(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from msfood.metrics.trends import monthly_trends

    out = make(example_db, clock, tmp_path / "q2.xlsx", RUNNING)
    with example_db.sessions() as session:
        points = monthly_trends(session, year=2026, as_of=RUNNING)
    rows = [r for r in load_workbook(out)["各月趋势（本年至今）"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert [r[0] for r in rows] == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
    for row, point in zip(rows, points, strict=True):
        assert row[2] == point.rates["supervision"] and row[4] == point.rates["daily"], point.month


def test_region_table_shows_progress_while_the_period_runs(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from msfood.metrics.overview import compute_overview

    out = make(example_db, clock, tmp_path / "q2.pdf", RUNNING)
    text = squeeze(pdf_text(out))
    with example_db.sessions() as session:
        overview = compute_overview(session, period="2026Q2", as_of=RUNNING)
    town = next(r for r in overview.regions if r.code == "430204001")
    assert town.progress.total == 4
    assert "按乡镇（街道）统计：督导进度（本期进行中）" in text
    assert f"430204001清水塘街道{town.progress.total}{town.progress.met}" in text
    assert "各区域督导进度（本期进行中）" in text
    ended = squeeze(pdf_text(make(example_db, clock, tmp_path / "q2e.pdf", ENDED)))
    assert "督导进度（本期进行中）" not in ended and "督导完成率" in ended
