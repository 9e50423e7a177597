"""The working papers: 督导任务单 (from the obligations) and 整改通知书 (from a visit's problems)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from msfood.core.errors import NotFoundError, NothingToDo
from msfood.core.ids import natural_id
from msfood.core.progress import drain
from msfood.reports import write_notice, write_tasks
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, worked_example
from tests.unit.reports_data import ADMIN, pdf_fonts, pdf_pages, pdf_text, squeeze

Q2_END = dt.date(2026, 6, 30)


@pytest.fixture
def example_db(db, clock):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    return db


def tasks(db, clock, out: Path, **kw):  # type: ignore[no-untyped-def]
    args = {"period": "2026Q2", "as_of": Q2_END, **kw}
    with db.sessions() as session:
        return drain(write_tasks(session, actor=ADMIN, out=out, clock=clock, **args))


def visit_id(phone: str, code: str, day: str) -> str:
    return natural_id("visit", Scenario.cid(phone), Scenario.bid(code), day)


def test_task_lists_one_page_group_per_cadre(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tasks(example_db, clock, tmp_path / "tasks.pdf")
    assert pdf_pages(out) == 2  # 吴二 (township) first, then 周一 (village)
    first, second = (squeeze(pdf_text(out, first=n, last=n)) for n in (1, 2))
    assert "督导任务单" in first and "吴二（乡级）" in first and "13700000002" in first
    assert "田心生鲜超市" in first and "2026-06-30" in first and "逾期未完成" in first
    assert "周一（村级）" in second and "清水家常饭店" in second and "清水豆腐坊" in second
    assert "2026-05-10" in second  # last visit to 清水家常饭店
    assert second.count("已完成") >= 2 and "包保干部签字" in second
    assert all(f["emb"] == "yes" for f in pdf_fonts(out))


def test_task_list_for_one_cadre_while_the_quarter_runs(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tasks(example_db, clock, tmp_path / "k2.pdf", as_of=dt.date(2026, 5, 15), cadre_phone="13700000002")
    text = squeeze(pdf_text(out))
    assert pdf_pages(out) == 1 and "吴二" in text and "周一" not in text
    assert "待督导" in text and "2026-06-30" in text  # still open: the deadline is the quarter's end


def test_task_workbook_lists_every_cadre(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(tasks(example_db, clock, tmp_path / "tasks.xlsx"))
    ws = wb["督导任务"]
    assert ws.freeze_panes == "A2"
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[4]) for r in rows] == [("吴二", "田心生鲜超市"), ("周一", "清水家常饭店"), ("周一", "清水豆腐坊")]
    assert rows[0][8] == dt.datetime(2026, 6, 30)  # deadline = the rule period's end, a date cell


def test_notice_for_a_visits_problems(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vid = visit_id("13700000001", "91430211000009136F", "2026-05-10")
    with example_db.sessions() as session:
        out = drain(write_notice(session, actor=ADMIN, visit_id=vid[:8], out=tmp_path / "n.pdf", clock=clock))
    text = squeeze(pdf_text(out))
    for expected in ("食品安全问题整改通知书", "清水家常饭店：", "2026年5月10日", "周一（村级）", "现场督导",
                     "问题1", "2026-06-15", "已销号", "2026年6月15日前", "包保干部（签字）", "签收",
                     "石峰区市场监管所", "2026年11月24日", "430204-01-ZG-20260510-"):
        assert expected in text, expected
    assert pdf_pages(out) == 1


def test_notice_refuses_a_visit_without_problems_or_unknown(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    quiet = visit_id("13700000002", "91430211000009267B", "2026-06-01")
    with example_db.sessions() as session:
        with pytest.raises(NothingToDo) as nothing:
            drain(write_notice(session, actor=ADMIN, visit_id=quiet, out=tmp_path / "q.pdf", clock=clock))
        assert "田心生鲜超市" in nothing.value.message()
        with pytest.raises(NotFoundError):
            drain(write_notice(session, actor=ADMIN, visit_id="no-such-visit", out=tmp_path / "x.pdf", clock=clock))
    assert not list(tmp_path.glob("*.pdf"))
