"""The corrected figures of issue 15 as a user gets them: a workbook with the new columns (休息日, 送达日期,
延期, 连锁角色 ...), `msfood import`, then `msfood stats --json` in a subprocess, one township per case:
a weekend quarter end, a summer closure at a month-rule's end, mixed sampling types with a 风险监测
failure, a late 送达, an extension, and a chain of three stores; and the export imports back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from msfood.db.engine import open_database
from msfood.domain.identifiers import make_credit_code
from msfood.services.writing.transaction import unit_of_work
from tests.e2e.test_cli_stats import msfood
from tests.e2e.worked_example_workbook import _days
from tests.scenario import Scenario

C = [make_credit_code(f"91430204MA{i:07d}") for i in range(12)]
CANTEEN, DINER, SUMMER, BAKERY, SAMPLED, HQ, BRANCH, STORE1, STORE2, STORE3 = C[:10]
WEEKEND, CLOSURE, SAMPLING, CHAIN = "430204001", "430204002", "430204003", "430204004"


def build(path: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)

    def sheet(name: str, headers: list[str], rows: list[list[object]]) -> None:
        ws = wb.create_sheet(name)
        ws.append(headers)
        for row in rows:
            ws.append(row)

    sheet("区划", ["区划代码*", "名称*", "上级代码"], [
        ["430204", "石峰区", None],
        [WEEKEND, "周末街道", "430204"], [CLOSURE, "暑假街道", "430204"],
        [SAMPLING, "抽检街道", "430204"], [CHAIN, "连锁街道", "430204"],
    ])
    business = ["主体名称*", "统一社会信用代码*", "主体业态*", "包保等级*", "所属区划代码*", "经营状态", "状态日期",
                "休息日", "连锁角色", "连锁总部统一社会信用代码", "所属分支机构统一社会信用代码"]
    sheet("包保主体", business, [
        ["一中食堂", CANTEEN, "单位食堂", "D", WEEKEND, None, None, "周六、周日", None, None, None],
        ["周末饭店", DINER, "餐饮服务", "D", WEEKEND, None, None, None, None, None, None],
        ["二中食堂", SUMMER, "单位食堂", "D", CLOSURE, None, None, None, None, None, None],
        ["暑假面包厂", BAKERY, "食品生产", "D", CLOSURE, "停业", dt.date(2026, 7, 15), None, None, None, None],
        ["抽检饭店", SAMPLED, "餐饮服务", "D", SAMPLING, None, None, None, None, None, None],
        ["连锁总部", HQ, "食品销售", "C", CHAIN, None, None, None, "总部", None, None],
        ["石峰分公司", BRANCH, "食品销售", "C", CHAIN, None, None, None, "分支机构", HQ, None],
        ["一号店", STORE1, "食品销售", "D", CHAIN, None, None, None, "门店", HQ, BRANCH],
        ["二号店", STORE2, "食品销售", "D", CHAIN, None, None, None, "门店", HQ, BRANCH],
        ["三号店", STORE3, "食品销售", "D", CHAIN, None, None, None, "门店", HQ, None],
    ])
    sheet("包保干部", ["姓名*", "手机号*", "包保层级*", "所属区划代码*"], [
        ["周一", "13700000001", "村级", WEEKEND], ["吴二", "13700000002", "乡级", CLOSURE],
    ])
    sheet("包保关系", ["干部手机号*", "统一社会信用代码*", "开始日期*"], [
        ["13700000001", CANTEEN, dt.date(2026, 1, 1)], ["13700000001", DINER, dt.date(2026, 1, 1)],
        ["13700000002", SUMMER, dt.date(2026, 1, 1)], ["13700000002", BAKERY, dt.date(2026, 1, 1)],
    ])
    sheet("督导记录", ["干部手机号*", "统一社会信用代码*", "督导日期*", "督导方式*"], [
        ["13700000001", DINER, dt.date(2028, 8, 10), "现场督导"],
        ["13700000002", SUMMER, dt.date(2026, 7, 5), "现场督导"],
    ])
    mondays = ["2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22"]
    selfchecks: list[list[object]] = [[BRANCH, "周排查", m] for m in mondays]
    selfchecks += [[HQ, "周排查", m] for m in mondays[:2]] + [[HQ, "月调度", "2026-06-15"]]
    for code, last in ((STORE1, "2026-06-30"), (STORE2, "2026-06-29"), (STORE3, "2026-06-30")):
        selfchecks += [[code, "日管控", d] for d in _days("2026-06-01", last)]
    sheet("自查记录", ["统一社会信用代码*", "类型*", "日期*"], selfchecks)
    sampling = ["抽样单编号*", "统一社会信用代码*", "抽样日期*", "抽检类型*", "食品大类*", "样品名称*", "检验结论",
                "收到结论日期", "处置完成日期", "送达日期", "延期后处置期限", "延期批准人", "延期批准日期"]
    d = dt.date.fromisoformat
    sheet("抽检", sampling, [
        # late 送达: the regulator got it 05-06, the business 06-01 -> retest by 06-10
        ["S1", SAMPLED, d("2026-04-08"), "监督抽检", "餐饮食品", "米饭", "不合格", d("2026-05-06"), None,
         d("2026-06-01"), None, None, None],
        ["S2", SAMPLED, d("2026-04-09"), "监督抽检", "餐饮食品", "面条", "合格", d("2026-04-20"), None,
         None, None, None, None],
        ["S3", SAMPLED, d("2026-04-10"), "风险监测", "餐饮食品", "凉菜", "不合格", d("2026-04-21"), None,
         None, None, None, None],
        ["S4", SAMPLED, d("2026-04-11"), "评价性抽检", "餐饮食品", "馒头", "不合格", d("2026-04-22"), None,
         None, None, None, None],
        # received 04-10 (deadline 07-09), extended to 09-30 on 07-20, closed 09-15
        ["S5", SAMPLED, d("2026-04-01"), "监督抽检", "餐饮食品", "卤肉", "不合格", d("2026-04-10"),
         d("2026-09-15"), d("2026-04-13"), d("2026-09-30"), "张科长", d("2026-07-20")],
    ])
    wb.save(path)
    return path


def stats(db: Path, period: str, as_of: str, region: str) -> dict:  # type: ignore[type-arg]
    done = msfood("stats", "--db", str(db), "--period", period, "--as-of", as_of, "--region", region, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def sup(data: dict) -> tuple[int, int, int, int]:  # type: ignore[type-arg]
    s = data["supervision"]
    return s["due"], s["met"], s["missed"], s["open"]


@pytest.fixture
def imported(db_path: Path, tmp_path: Path, clock) -> Path:  # type: ignore[no-untyped-def]
    done = msfood("import", "--db", str(db_path), str(build(tmp_path / "规则.xlsx")), "--json")
    assert done.returncode == 0, done.stderr + done.stdout
    assert json.loads(done.stdout)["errors"] == []
    # Closures and the monthly rule have no workbook sheet: entered as the app's forms would.
    database = open_database(db_path)
    with unit_of_work(database.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.closure(SUMMER, "2026-07-10", "2026-08-31")
        s.rule("township", "2026-07-01", 1, "month")
    database.close()
    return db_path


def test_weekend_quarter_end_and_summer_closure(imported: Path) -> None:
    # 2028Q3 ends on Saturday 09-30: the canteen resting at weekends still owes its visit.
    assert sup(stats(imported, "2028Q3", "2028-09-29", WEEKEND)) == (0, 0, 0, 1)
    for as_of in ("2028-09-30", "2028-10-01"):
        data = stats(imported, "2028Q3", as_of, WEEKEND)
        assert sup(data) == (2, 1, 1, 0)
        assert data["supervision"]["coverage"] == {"operating": 2, "guaranteed": 2, "rate": 1.0}
    # July and August 2026 end inside the canteen's summer closure: owed all the same; the bakery,
    # 停业 by status from 07-15, owes nothing.
    july = stats(imported, "2026-07", "2026-07-31", CLOSURE)
    assert sup(july) == (1, 1, 0, 0)
    assert july["supervision"]["coverage"] == {"operating": 1, "guaranteed": 1, "rate": 1.0}
    assert sup(stats(imported, "2026-08", "2026-08-31", CLOSURE)) == (1, 0, 1, 0)


def test_sampling_headline_cases_served_and_extension(imported: Path) -> None:
    q2 = stats(imported, "2026Q2", "2026-06-30", SAMPLING)["sampling"]
    assert (q2["batches"], q2["passed"], q2["failed"], q2["pending"]) == (5, 1, 4, 0)
    assert q2["failure_rate"] == 0.8
    assert q2["supervision"] == {"batches": 3, "passed": 1, "failed": 2, "pending": 0,
                                 "failure_rate": pytest.approx(2 / 3)}
    # Cases: S1 and S5 (监督抽检); the 风险监测 and 评价性抽检 failures open none.
    assert q2["disposal"] == {"cases": 2, "closed": 0, "closed_on_time": 0, "overdue": 0}
    # 07-15: S5's extension is not approved yet (deadline 07-09): overdue. 07-25: it is.
    assert stats(imported, "2026", "2026-07-15", SAMPLING)["sampling"]["disposal"]["overdue"] == 1
    assert stats(imported, "2026", "2026-07-25", SAMPLING)["sampling"]["disposal"]["overdue"] == 0
    # Year end: S5 closed 09-15 within its extended deadline; S1 (deadline 08-04) still open.
    assert stats(imported, "2026", "2026-12-31", SAMPLING)["sampling"]["disposal"] == {
        "cases": 2, "closed": 1, "closed_on_time": 1, "overdue": 1}


def test_chain_of_three_stores(imported: Path) -> None:
    data = stats(imported, "2026-06", "2026-06-30", CHAIN)["selfcheck"]
    # Owing: all five (sales). Weekly: the branch and stores 1 and 2 (by the branch); the
    # headquarters and store 3 (by the headquarters) lack W25, W26. Monthly: all by the headquarters.
    assert data["owing"] == 5
    assert data["weekly"] == {"applicable": 5, "covered": 3, "rate": 0.6}
    assert data["monthly"] == {"applicable": 5, "covered": 5, "rate": 1.0}
    # Daily stays each business's own: stores 1 and 3 only.
    assert data["daily"] == {"covered": 2, "rate": 0.4, "record_days": 89, "operating_days": 150}


def test_export_imports_back_with_the_same_figures(imported: Path, tmp_path: Path, template_db: Path) -> None:
    exported = tmp_path / "导出.xlsx"
    done = msfood("export", "--db", str(imported), "--out", str(exported))
    assert done.returncode == 0, done.stderr
    fresh = tmp_path / "fresh.sqlite"
    fresh.write_bytes(template_db.read_bytes())
    done = msfood("import", "--db", str(fresh), str(exported), "--json")
    assert done.returncode == 0, done.stderr + done.stdout
    for region, period, as_of in ((CHAIN, "2026-06", "2026-06-30"), (SAMPLING, "2026", "2026-07-25")):
        assert stats(fresh, period, as_of, region) == stats(imported, period, as_of, region)
