"""督导提醒 and 通报 (issue 14 item 5) on the worked example: which cadres and obligations appear, who is
left out, the order, and the running vs ended wording. Worked by hand from shared/WORKED_EXAMPLE.md:

As of 2026-05-15 (Q2 running) the open obligations are 郑三 -> 石峰面包厂 (not yet suspended),
吴二 -> 田心生鲜超市, 周一 -> 清水豆腐坊; 周一 has met 清水家常饭店 (visit 05-10). As of 06-30 (ended):
吴二 missed 田心生鲜超市 (a video visit to a high-risk business does not count), 周一 met both (left out),
石峰面包厂 is suspended from 05-20 and owes nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from msfood.core.errors import NotFoundError, ValidationError
from msfood.core.progress import drain
from msfood.domain.periods import parse_period
from msfood.reports import write_bulletin, write_reminders
from msfood.reports.bulletin.content import compute_bulletin
from msfood.reports.reminders.content import compute_reminders
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, worked_example
from tests.unit.reports_data import ADMIN, pdf_pages, pdf_text, squeeze

Q2 = parse_period("2026Q2")
RUNNING, ENDED = dt.date(2026, 5, 15), dt.date(2026, 6, 30)


@pytest.fixture
def example_db(db, clock):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    return db


@pytest.fixture
def two_townships_db(example_db, clock):  # type: ignore[no-untyped-def]
    """The worked example plus a second township whose one business was visited on 05-01 (100%)."""
    with unit_of_work(example_db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204002", "铜塘湾街道", "430204")
        s.business("91430211000009999X", "铜塘湾小吃店", form="catering", grade="C", region="430204002")
        s.cadre("13700000004", "王四", "township", "430204002")
        s.assign("13700000004", "91430211000009999X", "2026-01-01")
        s.visit("13700000004", "91430211000009999X", "2026-05-01", "onsite")
    return example_db


def reminders(db, clock, out: Path, **kw):  # type: ignore[no-untyped-def]
    args = {"period": "2026Q2", "as_of": RUNNING, **kw}
    with db.sessions() as session:
        return drain(write_reminders(session, actor=ADMIN, out=out, clock=clock, **args))


def bulletin(db, clock, out: Path, **kw):  # type: ignore[no-untyped-def]
    args = {"period": "2026Q2", "as_of": RUNNING, **kw}
    with db.sessions() as session:
        return drain(write_bulletin(session, actor=ADMIN, out=out, clock=clock, **args))


def test_running_quarter_lists_each_cadres_open_obligations_by_township_then_name(  # type: ignore[no-untyped-def]
    example_db,
) -> None:
    with example_db.sessions() as session:
        found = compute_reminders(session, period=Q2, as_of=RUNNING)
    assert found.running and found.left_out == 0
    # 郑三's home is the district (430204), before the township's 吴二 and 周一
    assert [(r.township, r.cadre.name) for r in found.cadres] == [
        ("石峰区", "郑三"),
        ("清水塘街道", "吴二"),
        ("清水塘街道", "周一"),
    ]
    by_name = {r.cadre.name: r for r in found.cadres}
    assert [i.business_name for i in by_name["周一"].items] == ["清水豆腐坊"]  # 清水家常饭店 is met
    assert (by_name["周一"].progress.met, by_name["周一"].progress.total) == (1, 2)
    tianxin = by_name["吴二"].items[0]
    assert tianxin.business_name == "田心生鲜超市" and tianxin.high_risk and not tianxin.missed
    assert tianxin.deadline == ENDED and (tianxin.visits, tianxin.required) == (0, 1)
    assert by_name["郑三"].items[0].place == "清水塘街道/田心社区"
    assert (found.progress.met, found.progress.total) == (1, 4)
    assert (found.pace.days_left, found.pace.workdays_left) == (46, 31)


def test_ended_quarter_keeps_the_missed_and_leaves_out_who_met_everything(  # type: ignore[no-untyped-def]
    example_db,
) -> None:
    with example_db.sessions() as session:
        found = compute_reminders(session, period=Q2, as_of=ENDED)
        mine = compute_reminders(session, period=Q2, as_of=ENDED, cadre_phone="13700000001")
        with pytest.raises(NotFoundError):
            compute_reminders(session, period=Q2, as_of=ENDED, cadre_phone="13900000000")
    assert not found.running
    assert [r.cadre.name for r in found.cadres] == ["吴二"]  # 郑三's business is suspended: nothing owed
    assert found.cadres[0].items[0].missed and found.left_out == 1  # 周一 met both
    assert mine.cadres == () and mine.left_out == 1


def test_reminder_pdf_a_page_per_cadre_while_running(  # type: ignore[no-untyped-def]
    example_db, clock, tmp_path: Path
) -> None:
    out = reminders(example_db, clock, tmp_path / "r.pdf")
    assert pdf_pages(out) == 3
    first, second, third = (squeeze(pdf_text(out, first=n, last=n)) for n in (1, 2, 3))
    assert "督导提醒" in first and "郑三（县级）" in first and "石峰面包厂" in first
    assert "吴二（乡级）" in second and "13700000002" in second and "田心生鲜超市" in second
    assert "高风险" in second and "待督导" in second and "2026-06-30" in second
    assert "剩余天数：46天（工作日31天）" in second and "督导进度：已完成0/共1项（0.0%）" in second
    assert "周一（村级）" in third and "清水豆腐坊" in third and "清水家常饭店" not in third
    assert "已完成1/共2项（50.0%），未完成1项" in third
    assert "report." not in first + second + third and "reminders." not in first + second + third


def test_reminder_pdf_by_township_and_ended_wording(  # type: ignore[no-untyped-def]
    example_db, clock, tmp_path: Path
) -> None:
    out = reminders(example_db, clock, tmp_path / "t.pdf", by="township")
    assert pdf_pages(out) == 2  # 石峰区 (郑三), then 清水塘街道 (吴二 and 周一 on one page)
    township = squeeze(pdf_text(out, first=2, last=2))
    assert "督导提醒（清水塘街道）" in township and "有2名包保干部尚有未完成的督导任务，共2项" in township
    assert township.index("吴二") < township.index("周一")
    ended = squeeze(pdf_text(reminders(example_db, clock, tmp_path / "e.pdf", as_of=ENDED)))
    assert "督导完成率" in ended and "期间已结束" in ended and "逾期未完成" in ended
    assert "另有1名包保干部的督导任务已全部完成" in ended and "周一" not in ended
    nobody = squeeze(
        pdf_text(reminders(example_db, clock, tmp_path / "n.pdf", as_of=ENDED, cadre_phone="13700000001"))
    )
    assert "没有未完成的督导任务" in nobody


def test_reminder_workbook_and_bad_grouping(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(reminders(example_db, clock, tmp_path / "r.xlsx"))
    rows = list(wb["未完成督导任务"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[4]) for r in rows] == [
        ("石峰区", "郑三", "石峰面包厂"),
        ("清水塘街道", "吴二", "田心生鲜超市"),
        ("清水塘街道", "周一", "清水豆腐坊"),
    ]
    with pytest.raises(ValidationError):
        reminders(example_db, clock, tmp_path / "x.pdf", by="village")
    assert not (tmp_path / "x.pdf").exists()


def test_bulletin_names_the_township_and_cadres_behind(two_townships_db) -> None:  # type: ignore[no-untyped-def]
    with two_townships_db.sessions() as session:
        found = compute_bulletin(session, period=Q2, as_of=RUNNING)
    assert found.running and (found.progress.met, found.progress.total) == (2, 5)
    assert [(r.name, r.rank) for r in found.ranking.rows] == [("铜塘湾街道", 1), ("清水塘街道", 2)]
    assert [r.name for r in found.behind_regions] == ["清水塘街道"]  # 1/4 below 2/5
    # one obligation owed each; the lowest progress first, then by township and name
    assert [c.cadre.name for c in found.behind_cadres] == ["郑三", "吴二", "周一"]
    assert found.cadres_behind == 3


def test_bulletin_pdf_running_and_ended(  # type: ignore[no-untyped-def]
    two_townships_db, clock, tmp_path: Path
) -> None:
    running = squeeze(pdf_text(bulletin(two_townships_db, clock, tmp_path / "b.pdf")))
    for expected in (
        "关于2026年第二季度食品安全包保督导工作进展情况的通报",
        "石峰区市场监管所",
        "截至2026年5月15日",
        "已完成2项，督导进度40.0%",
        "距期末还有46天（其中工作日31天）",
        "一、各乡镇（街道）排名",
        "铜塘湾街道",
        "上期排名",
        "二、落后乡镇（街道）",
        "低于全辖区平均水平（40.0%）",
        "三、落后包保干部",
        "郑三",
        "四、工作要求",
        "在2026年6月30日前完成剩余督导任务",
        "2026年11月24日",
    ):
        assert expected in running, expected
    ended = squeeze(pdf_text(bulletin(two_townships_db, clock, tmp_path / "e.pdf", as_of=ENDED)))
    assert "完成情况的通报" in ended and "督导完成率" in ended and "督导进度" not in ended
    assert "report." not in running + ended and "bulletin." not in running + ended
    villages = squeeze(pdf_text(bulletin(two_townships_db, clock, tmp_path / "v.pdf", region="430204001")))
    assert "一、各村（社区）排名" in villages and "清水社区" in villages and "各乡镇（街道）" not in villages
    with pytest.raises(ValidationError):
        bulletin(two_townships_db, clock, tmp_path / "b.xlsx")


def test_completion_report_by_cadre_shows_progress_while_running(  # type: ignore[no-untyped-def]
    example_db, clock, tmp_path: Path
) -> None:
    from msfood.reports import write_report

    def by_cadre(as_of: dt.date) -> list[tuple[object, ...]]:
        with example_db.sessions() as session:
            out = drain(
                write_report(
                    session,
                    actor=ADMIN,
                    period="2026Q2",
                    as_of=as_of,
                    clock=clock,
                    kind="supervision",
                    out=tmp_path / f"{as_of}.xlsx",
                )
            )
        return list(load_workbook(out)["按包保干部统计"].iter_rows(values_only=True))

    running = by_cadre(RUNNING)
    assert running[0][:7] == ("包保干部", "联系电话", "层级", "本期任务", "已完成", "尚未完成", "进度")
    # one each still to meet; then by level: county, township, village
    assert [(r[0], r[3], r[4], r[5], r[6]) for r in running[1:]] == [
        ("郑三", 1, 0, 1, 0),
        ("吴二", 1, 0, 1, 0),
        ("周一", 2, 1, 1, 0.5),
    ]
    ended = by_cadre(ENDED)
    assert "本期任务" not in ended[0] and "完成率" in "".join(str(c) for c in ended[0])
