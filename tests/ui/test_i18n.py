"""Languages: Chinese by default, English from the shipped .qm, and the pseudo-translation switch."""

from __future__ import annotations

import re
from typing import Any

import pytest

from msfood.i18n import language as catalogue_language
from tests import list_data
from ui.i18n import PSEUDO_ENV, install_translators

CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


@pytest.fixture
def restore_chinese(app):  # type: ignore[no-untyped-def]
    yield
    install_translators("zh_CN")


def nav_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_english_comes_from_the_translation_file(qtbot, context, wait_ops, restore_chinese):
    from ui.main_window import MainWindow

    install_translators("en")
    assert catalogue_language() == "en"  # msfood's own messages follow
    window = MainWindow(context)
    qtbot.addWidget(window)
    wait_ops()
    assert nav_texts(window)[:3] == ["Dashboard", "Businesses", "Cadres"]
    assert window.user_label.text() == "User: admin (Station admin)"
    assert window.bundle_label.text() == "Last sent: none   Last received: none"


def test_chinese_is_the_default(qtbot, context, wait_ops):
    from ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    wait_ops()
    assert catalogue_language() == "zh_CN"
    assert nav_texts(window)[0] == "工作台"


def test_pseudo_translation_marks_every_translated_string(
    qtbot, context, wait_ops, monkeypatch, restore_chinese
):
    from ui.main_window import MainWindow

    monkeypatch.setenv(PSEUDO_ENV, "1")
    install_translators("zh_CN")
    window = MainWindow(context)
    qtbot.addWidget(window)
    wait_ops()
    assert all(text.startswith("【") and text.endswith("】") for text in nav_texts(window))
    assert window.station_label.text().startswith("【站点：")


def shown_texts(root: Any) -> set[str]:
    """What a person reads on `root` (shown or not yet): its title, labels, buttons and their tips, group
    titles, tabs, placeholders, the first item of each combo box (「全部…」) and the table headers."""
    from PySide6.QtCore import QAbstractListModel, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabWidget,
        QWidget,
    )

    texts = {root.windowTitle()}
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel):
            texts.add(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts |= {widget.text(), widget.toolTip()}
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title())
        elif isinstance(widget, QTabWidget):
            texts |= {widget.tabText(i) for i in range(widget.count())}
        elif isinstance(widget, QLineEdit):
            texts.add(widget.placeholderText())
        elif isinstance(widget, QComboBox) and widget.count():
            texts.add(widget.itemText(0))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            header = Qt.Orientation.Horizontal
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
            texts |= {str(model.headerData(c, header)) for c in range(columns)}
    return {text for text in texts if text}


# A few texts each page shows in English (the rest is checked for Chinese left over).
PAGE_TEXTS = {
    "dashboard": {"Visit completion", "Refresh"},
    "businesses": {"Credit code", "Licence no.", "All grades", "All regions", "New", "Export to Excel",
                   "16 records"},
    "cadres": {"Mobile", "Position", "All levels", "Businesses"},
    "assignments": {"Active and ended", "Pledge signed on", "All periods", "Period, e.g. 2026Q4"},
    "visits": {"Visits", "Problems", "All modes", "Open problems", "Rectification", "Rectified on"},
    "selfchecks": {"All types", "Recorded by", "Rectified"},
    "sampling": {"Sampling", "Rapid tests", "Any handling", "Sample no.", "Positives",
                 "Positive and negative"},
    "reports": {"Write PDF…", "Headline figures"},
    "sync": {"Export bundle", "Trusted units"},
    "settings": {"Visit rules", "Accounts"},
}
FORM_TEXTS = {
    "businesses": {"New Business", "Edit Business", "Name*", "Credit code", "Licence no.", "Save", "Close"},
    "cadres": {"New Cadre", "Mobile*", "11-digit mobile number"},
    "assignments": {"New Assignment", "Business*", "Cadre*", "Type a name, pinyin initials or a credit code"},
    "visits": {"New Visit", "Checklist", "Add problem (Alt+A)", "Check item", "Description", "Rectified on"},
    "problems": {"Edit Problem", "Description", "Deadline", "Status*"},
    "selfchecks": {"New Self-check", "Problems found", "Recorded by"},
    "samplings": {"New Sample", "Received by the lab", "Retest requested"},
    "rapid_tests": {"New Rapid test", "Batches tested*", "Destroyed (kg)"},
}
OWN_NAMES = {"简体中文"}  # the language box names each language in that language
# The Chinese term kept after its English, on purpose (the help window: "Daily checks (日管控)")
DELIBERATE = re.compile(r"(?<=\w) \([\u4e00-\u9fff]+\)")


def test_every_page_and_record_form_reads_in_english(qtbot, context, clock, wait_ops, restore_chinese):
    from ui.main_window import MainWindow
    from ui.pages.lists.page import ListPage

    list_data.build(context.database, clock)
    install_translators("en")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    wait_ops()

    def chinese(texts: set[str]) -> set[str]:
        return {t for t in texts if CHINESE.search(t) and t not in OWN_NAMES and context.unit.name not in t}

    forms_seen = set()
    for key in window.page_keys():
        page = window.show_page(key)
        wait_ops()
        qtbot.waitUntil(lambda page=page: not (hasattr(page, "is_busy") and page.is_busy()), timeout=20000)
        texts = shown_texts(page)
        assert PAGE_TEXTS[key] <= texts, (key, PAGE_TEXTS[key] - texts)
        assert not chinese(texts), key
        for lst in page.findChildren(ListPage) if not isinstance(page, ListPage) else [page]:
            forms = [lst.new_record(), lst.open_record(lst.model.row(0).id)]
            texts = set().union(*(shown_texts(form) for form in forms if form is not None))
            for form in forms:
                if form is not None:
                    form.close()
            assert FORM_TEXTS[lst.kind] <= texts, (lst.kind, FORM_TEXTS[lst.kind] - texts)
            assert not chinese(texts), lst.kind
            forms_seen.add(lst.kind)
    assert forms_seen == set(FORM_TEXTS)


# --- the windows added since: administration dialogs, regions, first start, help, dashboard tabs ------


def data_names(context: Any) -> set[str]:
    """Names that are data, shown as typed whatever the language: regions, businesses, cadres, the unit."""
    from sqlalchemy import select

    from msfood.db.models import Business, Cadre, Region

    with context.database.sessions() as session:
        names = {context.unit.name}
        for model in (Region, Business, Cadre):
            names |= set(session.scalars(select(model.name)))
    return {name for name in names if name}


def leftover_chinese(texts: set[str], names: set[str] = frozenset()) -> set[str]:  # type: ignore[assignment]
    """The texts that still carry Chinese once the data names in them are taken out."""
    left = set()
    for text in texts:
        stripped = text
        for name in sorted(names, key=len, reverse=True):
            stripped = stripped.replace(name, "")
        stripped = DELIBERATE.sub("", stripped)
        if CHINESE.search(stripped) and text not in OWN_NAMES:
            left.add(text)
    return left


def opened(qtbot: Any, widget: Any, wait_ops: Any) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    wait_ops()
    return widget


def test_the_administration_dialogs_read_in_english(qtbot, context, clock, wait_ops, restore_chinese):
    from ui.dialogs.backup_restore import BackupRestoreDialog
    from ui.dialogs.history import HistoryDialog
    from ui.dialogs.import_excel import ImportExcelDialog
    from ui.dialogs.papers import PapersDialog
    from ui.dialogs.periods import PeriodsDialog
    from ui.dialogs.schedule import ScheduleDialog
    from ui.main_window import MainWindow

    list_data.build(context.database, clock)
    install_translators("en")
    names = data_names(context)
    expected = {
        ImportExcelDialog: {"Import Excel", "Save the import template…", "Check (writes nothing)", "Sheet",
                            "Reason", "Undo this import…"},
        BackupRestoreDialog: {"Backup and restore", "Back up to a file now…", "Restore from a backup file…",
                              "Backed up", "Current database (before restore)"},
        PeriodsDialog: {"Close and reopen periods", "Close this period…", "Reopen…", "Closed by"},
        PapersDialog: {"Visit task lists and rectification notices", "Make the visit task lists (PDF)…",
                       "Cadre's mobile"},
        ScheduleDialog: {"Visit schedule", "Make schedule", "Export calendar (.ics)…", "Print (PDF)…",
                         "Cadre", "Date", "Village"},
    }
    for dialog_class, wanted in expected.items():
        dialog = opened(qtbot, dialog_class(context), wait_ops)
        texts = shown_texts(dialog)
        assert wanted <= texts, (dialog_class.__name__, wanted - texts)
        assert not leftover_chinese(texts, names), dialog_class.__name__
        dialog.close()

    history = opened(qtbot, HistoryDialog(context, list_data.bid(1), title="Test"), wait_ops)
    texts = shown_texts(history)
    assert {"History — Test", "Time", "By", "Action", "Field", "Before", "After", "Close"} <= texts, texts
    assert not leftover_chinese(texts, names)

    window = opened(qtbot, MainWindow(context), wait_ops)
    menus = {action.text() for action in window.menuBar().actions()}
    assert "&Admin" in menus, menus
    admin = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Admin")
    assert [a.text() for a in admin.actions() if a.text()] == [
        "Backup and restore…", "Close and reopen periods…", "Visit task lists and rectification notices…",
        "Visit reminders and bulletin…",
        "Visit schedule…",
    ]
    assert window.import_excel_action.text() == "Import Excel…"


def test_the_region_windows_and_first_start_read_in_english(
    qtbot, app, app_settings, context, clock, tmp_path, wait_ops, restore_chinese
):
    from PySide6.QtWidgets import QComboBox

    from ui.first_start import FirstStartDialog
    from ui.regions.dialogs import RegionEditorDialog
    from ui.regions.picker import DivisionPicker

    install_translators("en")
    editor = opened(qtbot, RegionEditorDialog(context), wait_ops)
    qtbot.waitUntil(lambda: not editor.editor.is_busy(), timeout=20000)
    texts = shown_texts(editor)
    names = data_names(context) | {  # the official division names the pickers offer are data too
        combo.itemText(i) for combo in editor.findChildren(QComboBox) for i in range(combo.count())
    }
    assert not leftover_chinese(texts, names), texts

    first = opened(qtbot, FirstStartDialog(app_settings, clock, target=tmp_path / "new.sqlite"), wait_ops)
    picker = first.picker
    assert picker.set_code("430204")  # 石峰区: every level filled with its official name
    texts = shown_texts(first)
    offered = {combo.itemText(i) for combo in first.findChildren(QComboBox) for i in range(combo.count())}
    example = {"天元区嵩山路市场监管所"}  # the unit name's placeholder: an example of a (Chinese) name
    assert not leftover_chinese(texts, offered | example), texts
    assert not leftover_chinese(shown_texts(opened(qtbot, DivisionPicker(), wait_ops)), offered)


def test_the_help_window_dashboard_tabs_and_getting_started_read_in_english(
    qtbot, context, wait_ops, restore_chinese
):
    from ui.methodology_window import MethodologyWindow
    from ui.pages.dashboard import DashboardPage

    install_translators("en")
    empty = context  # no roster yet: the dashboard shows its first steps
    page = opened(qtbot, DashboardPage(empty), wait_ops)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=20000)
    assert page.getting_started.isVisible()
    texts = shown_texts(page.getting_started)
    assert {"1. Load the regions", "3. Add the cadres"} <= texts, texts
    assert not leftover_chinese(texts, data_names(empty))
    help_window = opened(qtbot, MethodologyWindow(), wait_ops)
    texts = shown_texts(help_window)
    tree = help_window.tree
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        texts.add(group.text(0))
        texts |= {group.child(j).text(0) for j in range(group.childCount())}
    assert len(texts) > 20 and "Daily checks (日管控)" in texts  # every figure, the term kept on purpose
    assert not leftover_chinese(texts), sorted(leftover_chinese(texts))


def test_the_dashboard_ranking_and_trends_read_in_english(qtbot, context, clock, wait_ops, restore_chinese):
    from ui.pages.dashboard import DashboardPage

    list_data.build(context.database, clock)
    install_translators("en")
    names = data_names(context)
    page = opened(qtbot, DashboardPage(context), wait_ops)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=30000)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Figures", "Ranking", "Trends"]
    for view, title in ((page.ranking_view, "Regions under 石峰区 (430204) ranked on"),
                        (page.trends_view, "Each month of 2026 (as of")):
        page.tabs.setCurrentWidget(view)
        wait_ops(30000)
        qtbot.waitUntil(lambda: not page.is_busy(), timeout=30000)
        texts = shown_texts(view)
        assert view.title.text().startswith(title), view.title.text()  # loaded, not still computing
        assert not leftover_chinese(texts, names), (type(view).__name__, leftover_chinese(texts, names))


def test_the_usual_periods_and_a_bundle_mark_read_in_english(qtbot, app, restore_chinese):
    import datetime as dt

    from msfood.services.setup.status import BundleMark
    from ui.main_window import _fmt_mark
    from ui.pages.lists.filters import PeriodFilter

    mark = BundleMark("CITY", dt.datetime(2026, 11, 24, 2, 30), "x.msfood")
    assert _fmt_mark(mark) == "2026-11-24 10:30（CITY）"  # Chinese by default

    install_translators("en")
    box = PeriodFilter(dt.date(2026, 11, 24))
    qtbot.addWidget(box)
    items = [box.itemText(i) for i in range(box.count())]
    assert "This quarter (2026Q4)" in items, items
    assert not leftover_chinese(set(items))
    assert _fmt_mark(mark) == "2026-11-24 10:30 (CITY)"


def test_every_finished_translation_keeps_the_placeholders_of_its_source() -> None:
    """A translation that drops or renames {n} / %1 would raise or show a hole at run time; one that keeps
    Chinese (punctuation included) was not finished."""
    import xml.etree.ElementTree as ET

    from ui.resources import translations_dir

    placeholders = re.compile(r"\{\w*\}|%\d|%n")
    root = ET.parse(translations_dir() / "msfood_en.ts").getroot()
    finished = 0
    for message in root.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not translation.text:
            continue
        source = message.findtext("source") or ""
        assert sorted(placeholders.findall(source)) == sorted(placeholders.findall(translation.text)), source
        example = translation.text == "e.g. 天元区嵩山路市场监管所"  # a station's name is Chinese in any language
        assert example or not CHINESE.search(translation.text), translation.text  # no Chinese left in English
        finished += 1
    assert finished > 900


def test_every_string_the_ui_shows_has_a_finished_english_translation(tmp_path) -> None:
    """lupdate over today's sources finds nothing the committed .ts lacks or leaves unfinished: a string added
    without running scripts/update_translations.py would otherwise show Chinese in the English UI."""
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from ui.resources import translations_dir

    root = Path(__file__).resolve().parents[2]
    committed = translations_dir() / "msfood_en.ts"
    fresh = tmp_path / "msfood_en.ts"
    shutil.copy(committed, fresh)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = ["main.py", *sorted(str(p.relative_to(root)) for p in (root / "ui").rglob("*.py"))]
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-source-language", "zh_CN", "-target-language", "en",
                    "-ts", str(fresh)], cwd=root, check=True, capture_output=True)  # fmt: skip
    unfinished = [
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(fresh).getroot().iter("context")
        for message in context.iter("message")
        if (message.find("translation") is None or message.find("translation").get("type") == "unfinished")
    ]
    assert unfinished == [], f"run scripts/update_translations.py and translate: {unfinished[:10]}"
