"""Reports a bureau can file: no raw message key in any report kind or language, gap kinds in a human
order, rare characters (䶮, 𠮷) never dropped from PDFs, XLSX reports set up for printing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from msfood.core.ids import natural_id
from msfood.core.progress import drain
from msfood.reports import write_report
from msfood.reports.writers.documents import write_notice, write_tasks
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, worked_example
from tests.unit.reports_data import ADMIN, pdf_text, squeeze

Q2_END = dt.date(2026, 6, 30)
RARE = "䶮𠮷小吃店"
RARE_CODE = "91430211000009611X"
RAW_KEY = re.compile(r"\b(?:report|msg|excel_path|workbook|field|record|value)\.[a-z][a-z0-9_]*")


@pytest.fixture
def example_db(db, clock):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        worked_example(s)
        # a rare-character business, guaranteed and visited with a problem, that never records a
        # self-check: it is in the gap list under every kind, the platform one too
        s.business(RARE_CODE, RARE, form="catering", grade="D", region="430204001001")
        s.assign("13700000001", RARE_CODE, "2026-01-01")
        s.visit("13700000001", RARE_CODE, "2026-05-12", "onsite", [("2026-06-15", None)])
    return db


def rare_visit() -> str:
    return natural_id("visit", Scenario.cid("13700000001"), Scenario.bid(RARE_CODE), "2026-05-12")


def write(db, clock, out: Path, kind: str, lang: str) -> Path:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        if kind == "tasks":
            return drain(write_tasks(session, actor=ADMIN, period="2026Q2", out=out, clock=clock,
                                     as_of=Q2_END, lang=lang))  # fmt: skip
        if kind == "notice":
            return drain(write_notice(session, actor=ADMIN, visit_id=rare_visit(), out=out, clock=clock, lang=lang))
        return drain(write_report(session, actor=ADMIN, period="2026Q2", out=out, clock=clock, as_of=Q2_END,
                                  kind=kind, lang=lang))  # fmt: skip


def xlsx_text(path: Path) -> str:
    book = load_workbook(path)
    try:
        return "\n".join(
            str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None
        )
    finally:
        book.close()


CASES = [(k, f) for k in ("all", "supervision", "selfcheck", "sampling", "tasks") for f in ("pdf", "xlsx")]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize(("kind", "suffix"), [*CASES, ("notice", "pdf")])
def test_no_raw_message_key_in_any_report(example_db, clock, tmp_path: Path, kind: str, suffix: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    out = write(example_db, clock, tmp_path / f"{kind}.{suffix}", kind, lang)
    text = pdf_text(out, raw=True) if suffix == "pdf" else xlsx_text(out)
    assert len(text) > 100
    assert RAW_KEY.findall(text) == []


def test_gap_kinds_in_human_order_with_their_labels(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = write(example_db, clock, tmp_path / "sc.xlsx", "selfcheck", "zh_CN")
    book = load_workbook(out)
    rows = [r for r in book["自查缺漏清单"].iter_rows(min_row=2, values_only=True) if r[1] == RARE]
    assert [r[3] for r in rows] == ["日管控", "周排查", "月调度", "平台应用"]
    assert rows[-1][4] == "统计期间内没有任何自查记录"


@pytest.mark.parametrize("kind", ["selfcheck", "notice"])
def test_rare_characters_reach_the_pdf(example_db, clock, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    out = write(example_db, clock, tmp_path / f"{kind}.pdf", kind, "zh_CN")
    assert RARE in squeeze(pdf_text(out, raw=True))


def test_xlsx_reports_are_set_up_for_printing(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = write(example_db, clock, tmp_path / "all.xlsx", "all", "zh_CN")
    book = load_workbook(out)
    for ws in book.worksheets[1:]:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        header_row = 2 if ws.title == "指标口径" else 1  # the appendix: a title row above its header
        assert ws.print_title_rows == f"${header_row}:${header_row}", ws.title
        widths = [ws.column_dimensions[c].width for c in "ABC" if c in ws.column_dimensions]
        assert widths and all(w and w >= 6 for w in widths)
    info = book.worksheets[0]
    assert info.page_setup.orientation == "landscape"


def test_xlsx_rates_are_stored_rounded_like_the_pdf(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = write(example_db, clock, tmp_path / "all.xlsx", "all", "zh_CN")
    book = load_workbook(out)
    rates: list[Any] = [
        c.value for ws in book.worksheets for row in ws.iter_rows() for c in row
        if c.number_format == "0.0%" and isinstance(c.value, float)
    ]  # fmt: skip
    assert rates
    for value in rates:  # a rate of one decimal in percent: 0.8235 -> 0.824 (82.4%)
        assert round(value * 1000, 6) == round(value * 1000), value


@pytest.mark.parametrize("region", [None, "430204001"])
def test_the_charts_overall_rate_is_the_headlines(example_db, region: str | None) -> None:  # type: ignore[no-untyped-def]
    from msfood.metrics import compute_stats
    from msfood.reports.completion.content import build_content
    from msfood.reports.document.format import percent

    with example_db.sessions() as session:
        stats = compute_stats(session, period="2026Q2", as_of=Q2_END, region=region)
        content = build_content(session, stats, kind="supervision")
    chart = next(s.chart for s in content.sections if s.chart is not None)
    headline = content.headline[0]
    assert chart.reference == stats.supervision.total.rate
    assert percent(chart.reference) == headline.value and headline.value in chart.note


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_headers_wrap_only_between_words(example_db, lang: str) -> None:  # type: ignore[no-untyped-def]
    from msfood.metrics import compute_stats
    from msfood.reports.completion.content import build_content
    from msfood.reports.pdf.fonts import sans_font
    from msfood.reports.pdf.pages import CELL_PAD, FRAME_WIDTH
    from msfood.reports.pdf.tables import column_widths, header_lines, header_words

    font = sans_font().name
    with example_db.sessions() as session:
        stats = compute_stats(session, period="2026Q2", as_of=Q2_END)
        content = build_content(session, stats, lang=lang)
    checked = 0
    for table in content.tables(pdf=True):
        count = table.pdf_columns or len(table.columns)
        widths = column_widths(table, FRAME_WIDTH, count, font)
        assert sum(widths) <= FRAME_WIDTH + 0.01, table.key
        for column, width in zip(table.columns[:count], widths, strict=True):
            lines = header_lines(column.label, font, width - 2 * CELL_PAD).split("\n")
            words = header_words(column.label)
            # each line is whole words, and together they are the header's words in order
            assert [w for line in lines for w in header_words(line)] == words, column.label
            checked += 1
    assert checked > 30
    assert header_lines("Visits/required", font, 20.0).split("\n") == ["Visits/", "required"]
    assert header_lines("检测批次", font, 10.0) == "检测批次"
