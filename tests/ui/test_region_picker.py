"""The cascading division pickers, driven by the keyboard as a clerk would: pinyin, arrows, Enter, Tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def pick(qtbot, combo, letters: str, *, down: int = 1) -> None:  # type: ignore[no-untyped-def]
    """Type pinyin letters into a level, take the `down`-th offer of its completer with Enter."""
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), letters)
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    for _ in range(down):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def tab(qtbot, combo) -> None:  # type: ignore[no-untyped-def]
    """Tab as the keyboard delivers it: to the completer's list while it is open."""
    popup = combo.completer().popup()
    qtbot.keyClick(popup if popup.isVisible() else combo.lineEdit(), Qt.Key.Key_Tab)


def offers(combo) -> list[str]:  # type: ignore[no-untyped-def]
    model = combo.completer().completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.mark.qt_log_ignore("This plugin does not support")  # the completer popup, offscreen
def test_type_pinyin_pick_and_go_down_the_levels(qtbot, app) -> None:
    from ui.regions.picker import DivisionPicker

    picker = DivisionPicker()
    qtbot.addWidget(picker)
    picker.show()
    assert picker.province.count() == 31 and not picker.city.isEnabled()
    picker.province.setFocus()
    qtbot.keyClicks(picker.province.lineEdit(), "hun")
    assert offers(picker.province) == ["湖南省"]
    qtbot.keyClick(picker.province.completer().popup(), Qt.Key.Key_Down)
    qtbot.keyClick(picker.province.completer().popup(), Qt.Key.Key_Return)
    assert picker.province.currentText() == "湖南省" and picker.code() == "430000"
    assert picker.city.isEnabled() and picker.city.count() == 14
    with qtbot.waitSignal(picker.changed) as changed:
        pick(qtbot, picker.city, "zz")  # initials: 株洲市
    assert changed.args == ["430200"]
    pick(qtbot, picker.county, "shif")  # the start of the full pinyin: 石峰区
    assert picker.county.currentText() == "石峰区"
    towns = [picker.township.itemText(i) for i in range(picker.township.count())]
    assert towns[:2] == ["田心街道", "响石岭街道"]
    picker.township.setFocus()
    qtbot.keyClicks(picker.township.lineEdit(), "jd")  # every 街道 offers, the 镇 does not
    assert len(offers(picker.township)) == 7 and "云田镇" not in offers(picker.township)
    picker.township.lineEdit().clear()
    pick(qtbot, picker.township, "yt")
    assert picker.code() == "430204102" and picker.township.currentText() == "云田镇"
    # choosing another county clears the township
    pick(qtbot, picker.county, "htq")
    assert picker.code() == "430202" and picker.township.currentIndex() == -1


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_tab_moves_on_and_typed_names_choose_too(qtbot, app, type_chinese) -> None:
    from ui.regions.picker import DivisionPicker

    picker = DivisionPicker()
    qtbot.addWidget(picker)
    picker.show()
    picker.activateWindow()
    qtbot.waitUntil(picker.isActiveWindow)
    type_chinese(picker.province.lineEdit(), "湖南省")
    tab(qtbot, picker.province)
    assert picker.code() == "430000"
    assert QApplication.focusWidget() is picker.city
    qtbot.keyClicks(picker.city.lineEdit(), "xiangt")  # one offer left (湘潭市): Tab takes it
    tab(qtbot, picker.city)
    assert picker.code() == "430300" and picker.city.currentText() == "湘潭市"
    assert QApplication.focusWidget() is picker.county
    type_chinese(picker.county.lineEdit(), "不存在的县")
    tab(qtbot, picker.county)
    assert picker.code() == "430300" and picker.county.currentText() == ""


def test_a_city_without_counties_offers_its_townships_and_set_code_fills_every_level(qtbot, app) -> None:
    from ui.regions.picker import DivisionPicker

    picker = DivisionPicker()
    qtbot.addWidget(picker)
    assert picker.set_code("441900")
    assert not picker.county.isEnabled() and picker.township.isEnabled()
    assert picker.township.itemText(0) == "东城街道"
    assert picker.set_code("110101001")  # 北京市 → 市辖区 (the only city) → 东城区 → 东华门街道
    assert [c.currentText() for c in picker.combos] == ["北京市", "市辖区", "东城区", "东华门街道"]
    assert not picker.set_code("430299")
