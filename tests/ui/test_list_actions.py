"""Every list: Ctrl+C copies the selected rows as TSV, Ctrl+P previews a printout of the view, Ctrl+E
exports it to Excel (read back, the rows the list shows), and the buttons and menus name their keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.list_pages import open_page
from tests.unit.reports_data import pdf_text


def factories() -> list[tuple[str, Any]]:
    from ui.pages.records.sampling import RapidTestsList, SamplingsList
    from ui.pages.records.selfchecks import SelfChecksPage
    from ui.pages.records.visits import ProblemsList, VisitsList
    from ui.pages.roster.assignments import AssignmentsPage
    from ui.pages.roster.businesses import BusinessesPage
    from ui.pages.roster.cadres import CadresPage

    return [("businesses", BusinessesPage), ("cadres", CadresPage), ("assignments", AssignmentsPage),
            ("visits", VisitsList), ("problems", ProblemsList), ("selfchecks", SelfChecksPage),
            ("samplings", SamplingsList), ("rapid_tests", RapidTestsList)]  # fmt: skip


KINDS = ["businesses", "cadres", "assignments", "visits", "problems", "selfchecks", "samplings",
         "rapid_tests"]  # fmt: skip


def shown_rows(page: Any) -> list[list[str]]:
    model = page.view.model()
    return [[str(model.index(r, c).data() or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())]  # fmt: skip


def as_shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    return str(value)


@pytest.mark.parametrize("kind", KINDS)
def test_copy_print_and_export_on_each_list(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, no_dialogs: Any, tmp_path: Any, kind: str
) -> None:
    from openpyxl import load_workbook

    factory = dict(factories())[kind]
    page = open_page(qtbot, context, clock, wait_ops, factory)
    rows = shown_rows(page)
    assert rows, "the small station has records of every kind"
    # Ctrl+C: the selected rows, tab-separated, in the clipboard
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.split("\n") == ["\t".join(r) for r in rows]
    # Ctrl+P: the print preview of the same rows
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None, timeout=10_000)
    assert page.preview.isVisible() and page.title in page.preview.windowTitle()
    for row in rows[:3]:
        assert row[0].replace("&", "&amp;") in page.last_print
    page.preview.close()
    # Ctrl+E asks where to (Documents); export() with a path writes the view, read back equal
    target = tmp_path / f"{kind}.xlsx"
    page.export(str(target))
    wait_ops()
    book = load_workbook(target, read_only=True)  # read-only keeps the file open until closed
    sheet = book.active
    read = [[as_shown(v) for v in r] for r in sheet.iter_rows(min_row=2, values_only=True)]
    headers = next(sheet.iter_rows(max_row=1, values_only=True))
    book.close()
    assert list(headers) == [c.title for c in page.model.columns]
    assert len(read) == page.total
    for got, shown in zip(read, rows, strict=False):
        assert got + [""] * (len(shown) - len(got)) == shown  # (openpyxl drops empty cells at the end)


def test_buttons_name_their_keys(qtbot: Any, context: Any, clock: Any, wait_ops: Any) -> None:
    from ui.pages.roster.businesses import BusinessesPage

    page = open_page(qtbot, context, clock, wait_ops, BusinessesPage)
    assert page.new_button.toolTip() == "新增（Ctrl+N）"
    assert page.quick_button.toolTip() == "连续录入（Ctrl+Shift+N）"
    assert page.print_button.toolTip() == "打印（Ctrl+P）"
    assert page.export_button.toolTip() == "导出 Excel（Ctrl+E）"
    assert page.delete_button.toolTip() == "删除（Del）"
    menu = page.context_menu(page.model.row(0).id)
    shown = {a.text(): a.shortcut().toString() for a in menu.actions() if a.text()}
    assert shown["复制选中行"] == "Ctrl+C" and shown["打印…"] == "Ctrl+P" and shown["导出 Excel…"] == "Ctrl+E"


def test_the_printout_is_chinese_in_a_pdf(
    qtbot: Any, context: Any, clock: Any, wait_ops: Any, tmp_path: Any
) -> None:
    from ui.pages.lists.actions import print_html_to_pdf
    from ui.pages.roster.businesses import BusinessesPage

    page = open_page(qtbot, context, clock, wait_ops, BusinessesPage)
    page.print_list()
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None, timeout=10_000)
    page.preview.close()
    pdf = print_html_to_pdf(page.last_print, str(tmp_path / "list.pdf"))
    text = pdf_text(Path(pdf))  # pdftotext: a test dependency dev.py installs
    assert "包保主体" in text and "海底捞火锅" in text and "主体名称" in text and "打印时间" in text


def test_ctrl_s_saves_the_form(qtbot: Any, context: Any, clock: Any, wait_ops: Any) -> None:
    from PySide6.QtGui import QKeySequence, QShortcut

    from ui.pages.roster.cadres import CadresPage

    page = open_page(qtbot, context, clock, wait_ops, CadresPage)
    form = page.open_current() or page.open_record(page.model.row(0).id)
    assert form is not None
    save = QKeySequence(QKeySequence.StandardKey.Save)
    assert [s for s in form.findChildren(QShortcut) if s.key() == save]
    form.close()
