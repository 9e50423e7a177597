"""A 3,000-row missed list: it paginates, every page of it repeats the header row, nothing is lost."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from msfood.core.progress import drain
from msfood.reports import write_report
from msfood.services.writing.transaction import unit_of_work
from tests.unit.reports_data import ADMIN, many_missed, pdf_pages, pdf_text

N = 3000


@pytest.mark.slow
def test_long_missed_list_paginates_with_repeated_headers(db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        many_missed(uow, N)
    pdf, xlsx = tmp_path / "long.pdf", tmp_path / "long.xlsx"
    with db.sessions() as session:
        for out in (pdf, xlsx):
            drain(write_report(session, actor=ADMIN, period="2026Q2", as_of=dt.date(2026, 6, 30), out=out,
                               kind="supervision", clock=clock))
    pages = pdf_pages(pdf)
    assert pages >= N // 45  # about 40 rows a page
    list_pages = []
    for page in range(1, pages + 1):
        text = pdf_text(pdf, first=page, last=page)
        numbers = [int(m) for m in re.findall(r"^\s*(\d{1,4})\s+周一", text, flags=re.M)]
        if numbers:
            list_pages.append((page, numbers, text))
    assert len(list_pages) >= N // 45
    seen: list[int] = []
    for page, numbers, text in list_pages:
        headers = [line for line in text.splitlines() if "包保干部" in line and "主体名称" in line]
        assert len(headers) == 1 and "联系电话" in headers[0], f"page {page}: {len(headers)} header rows"
        first_row = next(i for i, line in enumerate(text.splitlines()) if re.match(r"^\s*\d{1,4}\s+周一", line))
        header_at = next(i for i, line in enumerate(text.splitlines()) if line in headers)
        assert header_at < first_row  # at the top of the list on the page, never between rows
        seen += numbers
    assert seen == list(range(1, N + 1))  # every row once, in order, across the row windows
    wb = load_workbook(xlsx, read_only=True)
    rows = list(wb["未完成督导清单"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == N and rows[-1][0] == N and rows[0][1] == "周一"
