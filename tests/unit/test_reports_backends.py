"""The completion report from a database on SQLite and on PostgreSQL: the same figures in the PDF
and in the XLSX, whichever server holds the records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from msfood.core.progress import drain
from msfood.metrics import compute_stats
from msfood.reports import write_report
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, worked_example
from tests.unit.reports_data import ADMIN, as_stored, figures_from_sheet, json_at, pdf_text, squeeze

Q2_END = dt.date(2026, 6, 30)


@pytest.fixture
def example_db(any_db, clock):  # type: ignore[no-untyped-def]
    with unit_of_work(any_db.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    return any_db


def make(db, clock, out: Path) -> Path:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        task = write_report(session, actor=ADMIN, out=out, clock=clock, period="2026Q2", as_of=Q2_END)
        return drain(task)  # type: ignore[no-any-return]


def test_the_report_reads_the_same_on_both_backends(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = make(example_db, clock, tmp_path / "q2.pdf")
    text = squeeze(pdf_text(pdf))
    assert "石峰区市场监管所" in text and "2026年第二季度" in text
    assert text.count("66.7%") >= 5  # 督导完成率 2/3 and the self-check rates of the worked example
    assert "田心生鲜超市" in text  # the one missed obligation is listed
    xlsx = make(example_db, clock, tmp_path / "q2.xlsx")
    with example_db.sessions() as session:
        stats = compute_stats(session, period="2026Q2", as_of=Q2_END).to_json()
    assert stats["supervision"]["rate"] == pytest.approx(2 / 3)
    checked = 0
    for sheet in ("督导指标", "自查指标", "抽检快检指标"):
        for dotted, value in figures_from_sheet(xlsx, sheet).items():
            assert value == as_stored(json_at(stats, dotted)), (sheet, dotted)
            checked += 1
    assert checked > 10
