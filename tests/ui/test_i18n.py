"""Languages: Chinese by default, English from the shipped .qm, and the pseudo-translation switch."""

from __future__ import annotations

import pytest

from msfood.i18n import language as catalogue_language
from ui.i18n import PSEUDO_ENV, install_translators


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
