"""报表: the figures shown are compute_stats' own; PDF and XLSX written in the background, then opened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from msfood.metrics import compute_stats
from msfood.reports.document.format import percent
from msfood.services.writing.transaction import unit_of_work
from tests.scenario import Scenario, worked_example
from tests.ui.typing_helpers import choose, clear_and_type
from tests.unit.reports_data import as_stored, figures_from_sheet, json_at, pdf_fonts, pdf_text, squeeze

Q2_END = dt.date(2026, 6, 30)


@pytest.fixture
def example_path(db_path: Path, clock) -> Path:  # type: ignore[no-untyped-def]
    """A station holding shared/WORKED_EXAMPLE.md (tests/scenario.py)."""
    from msfood.services.setup.database import open_app_database

    database = open_app_database(db_path)
    try:
        with unit_of_work(database.sessions, clock=clock) as uow:
            worked_example(Scenario(uow))
    finally:
        database.close()
    return db_path


@pytest.fixture
def page(qtbot, make_context, example_path, wait_ops):  # type: ignore[no-untyped-def]
    from ui.pages.reports.page import ReportsPage

    page = ReportsPage(make_context(example_path))
    qtbot.addWidget(page)
    page.resize(1200, 860)
    page.show()
    page.page_shown()
    assert page.is_busy()
    wait_ops()
    assert not page.is_busy()
    return page


def stats_for(page, period: str, as_of: dt.date, region: str | None = None):  # type: ignore[no-untyped-def]
    with page.context.database.sessions() as session:
        return compute_stats(session, period=period, as_of=as_of, region=region)


def expected_tiles(stats) -> dict[str, str]:  # type: ignore[no-untyped-def]
    sup, sc, sa = stats.supervision, stats.selfcheck, stats.sampling
    running = stats.as_of < stats.period_end  # progress in place of a blank rate (issue 14)
    return {
        **({"督导进度（本期进行中）": percent(sup.progress.rate)} if running else {"督导完成率": percent(sup.total.rate)}),
        "督导次数": str(sup.visits),
        "包保覆盖率": percent(sup.coverage.rate),
        "问题整改率": percent(sup.problems.rate),
        "日管控覆盖率": percent(sc.daily.rate),
        "周排查覆盖率": percent(sc.weekly.rate),
        "月调度覆盖率": percent(sc.monthly.rate),
        "平台应用率": percent(sc.platform_rate),
        # the headline is 监督抽检不合格率 (监督抽检 batches alone, DOMAIN.md section 3)
        "监督抽检不合格率": percent(sa.to_json()["supervision"]["failure_rate"]),
        "计划完成率": percent(sa.plan_rate),
    }


def pick_q2(page, wait_ops) -> None:  # type: ignore[no-untyped-def]
    clear_and_type(page.period_picker.value_combo.lineEdit(), "2026Q2")
    page.period_picker.value_combo.lineEdit().editingFinished.emit()
    page.as_of_edit.setDate(QDate(2026, 6, 30))
    assert page.is_busy()  # a refresh is due
    wait_until_idle(page, wait_ops)


def wait_until_idle(page, wait_ops) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    for _ in range(100):
        wait_ops()
        if not page.is_busy():
            return
        QTest.qWait(50)
    raise AssertionError("the page never finished loading")


def test_opens_on_the_current_quarter_with_the_metrics_figures(page):
    assert page.period_picker.period().key == "2026Q4"
    assert page.as_of_edit.date() == QDate(2026, 11, 24)
    assert page.tile_values() == expected_tiles(stats_for(page, "2026Q4", dt.date(2026, 11, 24)))


def test_figures_follow_the_choices_and_equal_compute_stats(qtbot, page, wait_ops):
    pick_q2(page, wait_ops)
    assert page.period_picker.kind_combo.currentData() == "quarter"
    assert page.period_picker.value_combo.currentText() == "2026年第二季度（2026-04-01 至 2026-06-30）"
    stats = stats_for(page, "2026Q2", Q2_END)
    shown = page.tile_values()
    assert shown == expected_tiles(stats)
    # worked out by hand in shared/WORKED_EXAMPLE.md
    assert shown["督导完成率"] == "66.7%"
    assert shown["监督抽检不合格率"] == "50.0%" and shown["计划完成率"] == "25.0%"
    assert "石峰区市场监管所" not in page.scope_label.text()  # the region, not the unit
    assert page.scope_label.text().startswith("全部辖区，2026年第二季度")
    # the visit rule that judged the period, as the printed report names it
    assert "本期督导频次：市级 每季度 1 次（自2000-01-01起）；县级" in page.scope_label.text()

    choose(page.region_combo, "清水塘街道")
    wait_until_idle(page, wait_ops)
    assert page.tile_values() == expected_tiles(stats_for(page, "2026Q2", Q2_END, "430204001"))
    assert page.scope_label.text().startswith("清水塘街道（430204001）")

    choose(page.kind_combo, "企业自查")
    wait_until_idle(page, wait_ops)
    assert list(page.tile_values()) == ["日管控覆盖率", "周排查覆盖率", "月调度覆盖率", "平台应用率"]


def test_a_period_kind_and_a_bad_key(qtbot, page, wait_ops):
    choose(page.period_picker.kind_combo, "月度")
    wait_until_idle(page, wait_ops)
    assert page.period_picker.period().key == "2026-11"
    assert page.figures is not None and page.figures.stats.period == "2026-11"
    page.period_picker.set_key("2026Q9")
    assert page.message.isVisible() and "2026Q9" in page.message.text()
    assert page.period_picker.period().key == "2026-11"  # unchanged
    page.period_picker.set_key("2025H2")
    assert not page.message.isVisible()
    assert page.period_picker.kind_combo.currentData() == "half"
    wait_until_idle(page, wait_ops)
    assert page.figures.stats.period == "2025H2"


def save_as(monkeypatch, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def fake(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_generates_a_pdf_and_opens_it(qtbot, page, wait_ops, monkeypatch, tmp_path):
    pick_q2(page, wait_ops)
    asked = save_as(monkeypatch, tmp_path / "第二季度")  # the suffix is added
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith("完成情况报表-2026Q2.pdf")
    wait_ops(60_000)
    out = tmp_path / "第二季度.pdf"
    assert out.exists() and page.written is not None and page.written.path == out
    assert page.written_label.text().startswith(f"已生成：{out}")
    text = squeeze(pdf_text(out))
    assert "石峰区市场监管所" in text and "2026年第二季度" in text
    for value in page.tile_values().values():
        assert value in text
    assert page.figures is not None and page.figures.fingerprint in text  # the print's own fingerprint
    assert any("WenQuanYi" in f["name"] and f["emb"] == "yes" for f in pdf_fonts(out))

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.folder_button, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(out), str(tmp_path)]


def test_generates_an_xlsx_whose_figures_are_the_stats(qtbot, page, wait_ops, monkeypatch, tmp_path):
    pick_q2(page, wait_ops)
    choose(page.region_combo, "清水塘街道")
    wait_until_idle(page, wait_ops)
    save_as(monkeypatch, tmp_path / "q2.xlsx")
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    wait_ops(60_000)
    out = tmp_path / "q2.xlsx"
    data = stats_for(page, "2026Q2", Q2_END, "430204001").to_json()
    figures = figures_from_sheet(out, "督导指标")
    assert figures and all(value == as_stored(json_at(data, key)) for key, value in figures.items())
    assert figures["supervision.rate"] == as_stored(data["supervision"]["rate"])
    info = {row[0]: row[1] for row in load_workbook(out)["报表信息"].iter_rows(values_only=True)}
    assert page.figures is not None and page.figures.fingerprint in info.values()


def test_the_task_lists_of_the_cadres(qtbot, page, wait_ops, monkeypatch, tmp_path):
    pick_q2(page, wait_ops)
    choose(page.kind_combo, "督导任务单")
    assert page.cadre_edit.isVisible()
    wait_until_idle(page, wait_ops)
    stats = stats_for(page, "2026Q2", Q2_END)
    assert page.tiles[0].title_label.text() == "督导任务单"
    # 周一 (two businesses) and 吴二; 郑三's bakery is suspended, so nothing is due from him
    assert page.tiles[0].value() == "2 名干部"
    assert page.tiles[0].detail_label.text() == "共 3 项任务，已完成 2 项"
    assert page.tile_values()["督导完成率"] == percent(stats.supervision.total.rate)
    save_as(monkeypatch, tmp_path / "tasks.pdf")
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    wait_ops(60_000)
    text = squeeze(pdf_text(tmp_path / "tasks.pdf"))
    assert "督导任务单" in text and "周一" in text and "吴二" in text and "郑三" not in text

    clear_and_type(page.cadre_edit, "13700000002")
    page.cadre_edit.editingFinished.emit()
    wait_until_idle(page, wait_ops)
    assert page.tiles[0].value() == "1 名干部"


def test_cancelling_leaves_no_file(qtbot, page, wait_ops, tmp_path, no_dialogs):
    out = tmp_path / "cancelled.pdf"
    op = page.generate(out)
    op.cancel()
    wait_ops(60_000)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".cancelled")]
    assert no_dialogs == []  # cancelling is not an error
    assert page.pdf_button.isEnabled() and page.written is None


def test_a_missing_folder_is_said_plainly(qtbot, page, wait_ops, tmp_path, no_dialogs):
    page.generate(tmp_path / "nowhere" / "r.pdf")
    wait_ops(60_000)
    assert len(no_dialogs) == 1 and str(tmp_path / "nowhere") in no_dialogs[0][1]
    assert page.pdf_button.isEnabled()


@pytest.fixture
def english(app):  # type: ignore[no-untyped-def]
    from ui.i18n import install_translators

    install_translators("en")
    yield
    install_translators("zh_CN")


def test_the_page_speaks_english(qtbot, make_context, example_path, wait_ops, english):
    from ui.pages.reports.page import ReportsPage

    page = ReportsPage(make_context(example_path))
    qtbot.addWidget(page)
    page.show()
    page.page_shown()
    wait_ops()
    assert page.pdf_button.text() == "Write PDF…" and page.xlsx_button.text() == "Write Excel…"
    assert page.period_picker.kind_combo.currentText() == "Quarter"
    assert page.period_picker.value_combo.currentText() == "2026Q4 (2026-10-01 to 2026-12-31)"
    assert page.kind_combo.currentText() == "All (supervision, self-checks, sampling)"
    assert page.scope_label.text().startswith("All regions, 2026Q4")
    assert "Supervision progress (period running)" in page.tile_values()
    assert page.default_name(".pdf") == "completion-report-2026Q4.pdf"
