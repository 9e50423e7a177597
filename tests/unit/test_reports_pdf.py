"""The completion report as PDF, read back with poppler: headings, figures, fonts, pages, fingerprint."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from reportlab.graphics import renderSVG

from msfood.core.errors import Cancelled
from msfood.core.progress import Progress, drain
from msfood.metrics import compute_stats
from msfood.reports import completion_chart, write_report
from msfood.reports.document.model import Bar
from msfood.reports.pdf import fonts as report_fonts
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, worked_example
from tests.unit.reports_data import ADMIN, LONG_NAME, one_in_sixteen, pdf_fonts, pdf_pages, pdf_text, squeeze

Q2_END = dt.date(2026, 6, 30)


@pytest.fixture
def example_db(db, clock):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        worked_example(Scenario(uow))
    return db


def make(db, clock, out: Path, **kw):  # type: ignore[no-untyped-def]
    args = {"period": "2026Q2", "as_of": Q2_END, **kw}
    with db.sessions() as session:
        return drain(write_report(session, actor=ADMIN, out=out, clock=clock, **args))


def test_worked_example_pdf_shows_headings_and_figures(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = make(example_db, clock, tmp_path / "q2.pdf")
    assert out == tmp_path / "q2.pdf" and out.exists()
    text = squeeze(pdf_text(out))
    for heading in ("食品安全“两个责任”工作完成情况报表", "石峰区市场监管所", "2026年第二季度", "截止日期",
                    "主要指标", "一、包保督导", "按乡镇（街道）统计", "各乡镇（街道）督导完成率", "按包保层级统计",
                    "按包保干部统计", "未完成督导清单", "逾期未整改问题", "二、企业自查", "自查覆盖情况",
                    "三、抽检与快检", "抽检按类型", "抽检按食品类别", "不合格样品核查处置", "快检按项目"):
        assert heading in text, heading
    # 督导完成率 2/3, 日管控/周/月 2/3, 不合格率 1/2, 计划完成率 3/12, 包保覆盖率 3/3
    assert text.count("66.7%") >= 5
    assert "50.0%" in text and "25.0%" in text and "100.0%" in text
    # the missed obligation: cadre, phone, business, level
    assert "吴二13700000002田心生鲜超市乡级" in text
    # the failed sample's case: deadline received + 90 days, handled on 06-20
    assert "SF2026002" in text and "2026-07-30" in text and "已办结" in text and "2026-06-20" in text
    assert "农药残留81" in text  # rapid tests by item: 8 batches, 1 positive
    pages = pdf_pages(out)
    for n in range(1, pages + 1):
        assert f"第{n}页共{pages}页" in text
    assert "msfood0.1.0" in text and "2026-11-2410:00" in text
    assert re.search(r"数据指纹[0-9a-f]{16}", text)


def test_the_cjk_font_is_embedded_and_no_other(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fonts = pdf_fonts(make(example_db, clock, tmp_path / "q2.pdf"))
    assert fonts and all(f["emb"] == "yes" for f in fonts)
    assert all("WenQuanYiMicroHei" in f["name"] and f["type"] == "TrueType" for f in fonts)


def test_song_font_when_asked(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fonts = pdf_fonts(make(example_db, clock, tmp_path / "q2.pdf", font="song"))
    assert fonts and all(f["emb"] == "yes" for f in fonts)
    body = [f for f in fonts if "HanaMin" not in f["name"]]  # HanaMin: the fallback for what UMing lacks (−)
    assert body and all("UMingCN" in f["name"] for f in body)


def test_song_font_missing_falls_back_to_sans_with_a_note(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(report_fonts, "SYSTEM_SONG", tmp_path / "absent.ttc")
    choice = report_fonts.resolve_font("song")
    assert choice.name == report_fonts.SANS_NAME and choice.asked == "song"
    assert choice.note and "fonts-arphic-uming" in choice.note
    assert report_fonts.resolve_font("sans").note is None


def test_the_report_font_setting_chooses_the_body_font(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(example_db.sessions, clock=clock) as uow:
        Scenario(uow).setting("report_font", '"song"')
    fonts = pdf_fonts(make(example_db, clock, tmp_path / "q2.pdf"))
    body = [f for f in fonts if "HanaMin" not in f["name"]]  # HanaMin: the fallback for what UMing lacks
    assert body and all("UMingCN" in f["name"] for f in body)


def test_rates_round_half_up_like_the_json(db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        one_in_sixteen(Scenario(uow))
    with db.sessions() as session:
        rate = compute_stats(session, period="2026Q2", as_of=Q2_END).to_json()["supervision"]["rate"]
    assert rate == 0.0625
    out = make(db, clock, tmp_path / "r.pdf", kind="supervision")
    text = squeeze(pdf_text(out))
    assert "6.3%" in text and "6.2%" not in text
    assert "已完成1/应督导16" in text
    # the long business name wraps inside its cell: all of it is there, on more than one line
    raw = pdf_text(out, raw=True)
    assert LONG_NAME in squeeze(raw)
    assert not any(LONG_NAME in line for line in raw.splitlines())


def test_kind_limits_the_sections(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = squeeze(pdf_text(make(example_db, clock, tmp_path / "s.pdf", kind="sampling")))
    assert "抽检按类型" in text and "未完成督导清单" not in text and "自查覆盖情况" not in text
    text = squeeze(pdf_text(make(example_db, clock, tmp_path / "c.pdf", kind="selfcheck")))
    assert "自查缺漏清单" in text and "抽检按类型" not in text  # the gap list prints when asked alone


def test_fingerprint_is_stable_and_follows_the_data(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def fingerprint(path: Path) -> str:
        match = re.search(r"数据指纹([0-9a-f]{16})", squeeze(pdf_text(path)))
        assert match
        return match.group(1)

    first = fingerprint(make(example_db, clock, tmp_path / "a.pdf"))
    clock.advance(hours=3)  # a later print of the same data
    assert fingerprint(make(example_db, clock, tmp_path / "b.pdf")) == first
    assert fingerprint(make(example_db, clock, tmp_path / "c.pdf", kind="supervision")) == first
    with unit_of_work(example_db.sessions, clock=clock) as uow:
        Scenario(uow).visit("13700000002", "91430211000009267B", "2026-06-10", "onsite")
    assert fingerprint(make(example_db, clock, tmp_path / "d.pdf")) != first


def test_progress_and_cancel_leave_no_file(example_db, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "q2.pdf"
    with example_db.sessions() as session:
        task = write_report(session, actor=ADMIN, period="2026Q2", as_of=Q2_END, out=out, clock=clock)
        first = next(task)
        assert isinstance(first, Progress) and first.label
        next(task)
        task.close()
    assert list(folder.iterdir()) == []
    with example_db.sessions() as session:
        task = write_report(session, actor=ADMIN, period="2026Q2", as_of=Q2_END, out=out, clock=clock)
        for _ in range(3):
            next(task)
        with pytest.raises(Cancelled):  # cancelling inside the layout stops reportlab too
            task.throw(Cancelled())
    assert list(folder.iterdir()) == []


def test_chart_is_a_reusable_drawing() -> None:
    drawing = completion_chart([Bar("清水塘街道", 2 / 3), Bar("田心街道", 1.0)], width=400, reference=0.8)
    svg = renderSVG.drawToString(drawing)
    assert "清水塘街道" in svg and "66.7%" in svg and "100.0%" in svg
    assert drawing.width == 400 and drawing.height > 30
    empty = completion_chart([], empty_text="没有数据")
    assert "没有数据" in renderSVG.drawToString(empty)


def test_a_locked_target_is_a_plain_sentence(example_db, clock, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from msfood.core.errors import EnvironmentProblem
    from msfood.reports.writers import documents as service

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "in use")

    monkeypatch.setattr(service.os, "replace", locked)  # as when Excel or WPS holds the file on Windows
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(EnvironmentProblem) as problem:
        make(example_db, clock, folder / "q2.xlsx")
    assert problem.value.code == "report.cannot_write" and "WPS" in problem.value.message()
    assert list(folder.iterdir()) == []
