"""帮助 › 指标口径: the window opens from the menu (and F1), lists every figure, and finds by a word."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from msfood.reports.appendix.methodology import GROUPS, all_definitions


def help_action(window, text: str):  # type: ignore[no-untyped-def]
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    help_menu = menus["帮助(&H)"]
    return next(a for a in help_menu.actions() if a.text() == text)


def test_the_window_opens_from_the_help_menu_and_lists_every_figure(qtbot, context, wait_ops):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow
    from ui.methodology_window import MethodologyWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    wait_ops()
    help_action(window, "指标口径…").trigger()
    shown = window.findChild(MethodologyWindow)
    assert shown is not None and shown.isVisible() and shown.windowTitle() == "指标口径"
    assert shown.titles() == [d.get("title") for d in all_definitions()]
    groups = [shown.tree.topLevelItem(i).text(0) for i in range(shown.tree.topLevelItemCount())]
    assert groups == [g.get_title() for g in GROUPS]
    text = shown.browser.toPlainText()
    for definition in all_definitions():
        assert definition.get("title") in text
        assert definition.get("text") in text  # the whole definition, in plain Chinese
        assert definition.get("text", "en") in text  # and in English
    for mark in ("国家规定", "本地设置", "统计约定"):
        assert mark in text
    assert "在营" in text and "190,872" in text and "送达" in text
    shown.window().close()  # the help window (raising an open one again is not possible offscreen)
    help_action(window, "指标口径…").trigger()
    assert window.findChildren(MethodologyWindow) == [shown] and shown.isVisible()  # one window, reused


def test_f1_opens_it_and_the_search_keeps_matching_figures(qtbot, context, wait_ops, type_chinese):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow
    from ui.methodology_window import MethodologyWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    wait_ops()
    qtbot.keyClick(window, Qt.Key.Key_F1)  # the help window, on 使用说明; 指标口径 is its second tab
    window.help_window.tabs.setCurrentIndex(1)
    shown = window.findChild(MethodologyWindow)
    assert shown is not None and shown.isVisible()
    type_chinese(shown.search, "复检")
    assert shown.titles() == ["复检申请期限"]
    assert shown.status.text() == "1 项指标"
    shown.search.clear()
    type_chinese(shown.search, "coverage")
    assert "包保覆盖率" in shown.titles()
    shown.search.clear()
    type_chinese(shown.search, "没有这个词")
    assert shown.titles() == [] and "没有找到“没有这个词”" in shown.browser.toPlainText()
    shown.search.clear()
    assert len(shown.titles()) == len(all_definitions())
    item = shown.tree.topLevelItem(3).child(0)  # 抽检与快检 › 监督抽检不合格率
    rect = shown.tree.visualItemRect(item)
    qtbot.mouseClick(shown.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert item.text(0) == "监督抽检不合格率（主要指标）"


def test_screenshot_of_the_help_window(qtbot, context, wait_ops, tmp_path):  # type: ignore[no-untyped-def]
    """1366x768, for a person to look at (saved under MSFOOD_SHOTS when set)."""
    from ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    wait_ops()
    shown = window.show_methodology()
    shown.resize(1366, 768)
    QApplication.processEvents()
    out = Path(os.environ.get("MSFOOD_SHOTS", tmp_path)) / "help_methodology.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    assert shown.grab().save(str(out))
    assert out.stat().st_size > 10_000


def test_escape_closes_it(qtbot, context, wait_ops):  # type: ignore[no-untyped-def]
    from ui.methodology_window import MethodologyWindow

    shown = MethodologyWindow()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.keyClick(shown.browser, Qt.Key.Key_Escape)
    assert not shown.isVisible()
