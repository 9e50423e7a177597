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
    from PySide6.QtCore import Qt
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
            texts |= {str(model.headerData(c, header)) for c in range(model.columnCount())}
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
    "visits": {"New Visit", "Checklist", "Add problem", "Check item", "Description", "Rectified on"},
    "problems": {"Edit Problem", "Description", "Deadline", "Status*"},
    "selfchecks": {"New Self-check", "Problems found", "Recorded by"},
    "samplings": {"New Sample", "Received by the lab", "Retest requested"},
    "rapid_tests": {"New Rapid test", "Batches tested*", "Destroyed (kg)"},
}
OWN_NAMES = {"简体中文"}  # the language box names each language in that language


def test_every_page_and_record_form_reads_in_english(qtbot, context, clock, wait_ops, restore_chinese):
    from ui.main_window import MainWindow
    from ui.pages.list_page import ListPage

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
