"""The completion report as a workbook, read back with openpyxl: the figures equal Stats.to_json()."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from msfood.core.progress import drain
from msfood.metrics import compute_stats, supervision_by_region
from msfood.reports import write_report
from msfood.reports.completion.workbook import stored_rate
from msfood.reports.document.format import display_width
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, worked_example
from tests.unit.reports_data import ADMIN, figures_from_sheet, json_at, one_in_sixteen

Q2_END = dt.date(2026, 6, 30)
FIGURE_SHEETS = ("督导指标", "自查指标", "抽检快检指标")


@pytest.fixture
def example_db(db, clock):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    return db


def make(db, clock, out: Path, **kw):  # type: ignore[no-untyped-def]
    args = {"period": "2026Q2", "as_of": Q2_END, **kw}
    with db.sessions() as session:
        return drain(write_report(session, actor=ADMIN, out=out, clock=clock, **args))


@pytest.mark.parametrize("region", [None, "430204001", "430204001001"])
def test_every_figure_equals_the_stats_json(example_db, clock, tmp_path: Path, region: str | None) -> None:  # type: ignore[no-untyped-def]
    out = make(example_db, clock, tmp_path / "q2.xlsx", region=region)
    with example_db.sessions() as session:
        data = compute_stats(session, period="2026Q2", as_of=Q2_END, region=region).to_json()
    seen = 0
    for sheet in FIGURE_SHEETS:
        for key, value in figures_from_sheet(out, sheet).items():
            expected = json_at(data, key)
            if isinstance(expected, float):  # rates are stored rounded as the PDF prints them
                expected = stored_rate(expected)
            assert value == expected, (sheet, key)
            if isinstance(json_at(data, key), int):  # counts are stored as whole numbers
                assert isinstance(value, int), (sheet, key)
            seen += 1
    # every number of INTERFACES.md section 3 except the per-level tallies (39 with the headline
    # 监督抽检不合格率, sampling.supervision.failure_rate)...
    assert seen == 39
    wb = load_workbook(out)
    levels = {row[0]: row[1:] for row in wb["按包保层级统计"].iter_rows(min_row=2, values_only=True)}
    for level, label in (("city", "市级"), ("county", "县级"), ("township", "乡级"), ("village", "村级")):
        t = data["supervision"]["by_level"][level]  # ...which have their own sheet
        assert levels[label] == (t["due"], t["met"], t["missed"], t["open"], stored_rate(t["rate"]))


def test_sheets_are_frozen_typed_and_fitted(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(make(example_db, clock, tmp_path / "q2.xlsx"))
    assert wb.sheetnames[0] == "报表信息"
    for name in ("督导指标", "按乡镇（街道）统计", "按包保层级统计", "按包保干部统计", "未完成督导清单",
                 "逾期未整改问题", "自查指标", "自查覆盖情况", "自查缺漏清单", "抽检快检指标", "抽检按类型",
                 "抽检按食品类别", "不合格样品核查处置", "快检按项目"):
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        assert ws.cell(1, 1).font.b, name
    sup = wb["督导指标"]
    rate_cell = next(row[1] for row in sup.iter_rows(min_row=2) if row[3].value == "supervision.rate")
    assert rate_cell.value == 0.667 and rate_cell.number_format == "0.0%"  # 2/3 stored as printed
    due_cell = next(row[1] for row in sup.iter_rows(min_row=2) if row[3].value == "supervision.due")
    assert due_cell.value == 3 and isinstance(due_cell.value, int)
    cases = wb["不合格样品核查处置"]
    header = [c.value for c in cases[1]]
    received = cases.cell(2, header.index("收到结果") + 1)
    assert received.value == dt.datetime(2026, 5, 1) and received.number_format == "yyyy-mm-dd"
    missed = wb["未完成督导清单"]
    for column in range(1, missed.max_column + 1):
        letter = missed.cell(1, column).column_letter
        widest = max(display_width(str(missed.cell(r, column).value or "")) for r in range(1, missed.max_row + 1))
        assert missed.column_dimensions[letter].width >= min(widest, 50)
    assert [c.value for c in missed[2]][1:4] == ["吴二", "13700000002", "田心生鲜超市"]


def test_region_sheet_equals_supervision_by_region(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(make(example_db, clock, tmp_path / "t.xlsx", region="430204001", kind="supervision"))
    assert "自查指标" not in wb.sheetnames
    sheet = wb["按村（社区）统计"]
    with example_db.sessions() as session:
        stats = compute_stats(session, period="2026Q2", as_of=Q2_END, region="430204001")
        expected = supervision_by_region(session, stats)
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [r[:7] for r in rows[: len(expected)]] == [
        (code, name, t.due, t.met, t.missed, t.open, stored_rate(t.rate)) for code, name, t in expected
    ]
    # 田心生鲜超市 sits in the township itself, in no village: its own row makes the rows add up
    assert rows[-2][1] == "直接登记在上级区域的主体" and rows[-2][2:5] == (1, 0, 1)
    total = stats.supervision.total
    assert rows[-1][0] == "合计" and rows[-1][2:7] == (
        total.due, total.met, total.missed, total.open, stored_rate(total.rate)
    )


def test_half_up_rate_is_stored_rounded_as_the_pdf_prints_it(db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        one_in_sixteen(Scenario(uow))
    figures = figures_from_sheet(make(db, clock, tmp_path / "r.xlsx"), "督导指标")
    assert figures["supervision.rate"] == 0.063  # 1/16 = 6.25% -> 6.3% half-up, as the PDF prints it
