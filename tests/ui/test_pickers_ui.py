"""Pickers that prevent wrong picks (issue #17): several matches never resolve on Enter unseen, the
drop-down tells same names apart and ranks the cadre's businesses first, full pinyin finds, 无匹配 and
"请从下拉列表中选择" say what is wrong, an emptied picker picks nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from msfood.services.writing.transaction import unit_of_work
from tests import list_data
from tests.ui.keyboard import CTRL, focused_field, open_form, press, type_keys

K = Qt.Key
SAME_NAMES = {list_data.bid(n) for n in range(10, 20)}  # ten 同名小吃店


@pytest.fixture(autouse=True)
def no_question_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def visit_form(qtbot: Any, context: Any, clock: Any) -> Any:
    from ui.forms.kinds import VISIT

    form = open_form(qtbot, context, clock, VISIT)
    form.resize(1366 * 3 // 4, 700)
    form.fields["business_id"].setFocus()
    return form


def shots(tmp_path: Path) -> Path:
    """Where screenshots go: MSFOOD_SHOTS to keep them and look at them, else the test's tmp_path."""
    folder = Path(os.environ.get("MSFOOD_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_ambiguous_initials_and_enter_do_not_pick(
    qtbot: Any, context: Any, clock: Any, tmp_path: Path
) -> None:
    form = visit_form(qtbot, context, clock)
    picker = form.fields["business_id"]
    type_keys("tmxcd")
    press(qtbot, K.Key_Return)
    assert picker.value() is None and focused_field(form) == "business_id"
    assert form.errors["business_id"].text() == "有 10 个匹配，请用 ↓ 键选择后按回车"
    assert picker.completer.popup().isVisible()
    lines = picker.popup_lines()
    assert len(lines) == 10 and all("清水塘街道" in line for line in lines)  # the township of each
    assert form.grab().save(str(shots(tmp_path) / "visit_form_ambiguous.png"))
    assert picker.completer.popup().grab().save(str(shots(tmp_path) / "picker_popup_ambiguous.png"))
    press(qtbot, K.Key_Down, times=2)
    press(qtbot, K.Key_Return)  # the highlighted one, seen
    assert picker.value() in SAME_NAMES and focused_field(form) == "visit_date"
    assert form.fields["visit_date"].value() == "2026-11-24"


def test_popup_shows_township_address_and_full_pinyin_finds(
    qtbot: Any, context: Any, clock: Any, tmp_path: Path
) -> None:
    from msfood.services.roster import editing as roster

    list_data.build(context.database, clock)
    with unit_of_work(context.database.sessions, clock=clock) as uow:
        roster.save_business(uow, name="祥福面馆", credit_code="91430204MA4L00001H", licence_no=None,
                             form="catering", grade="C", region_code="430204001002", address="建设路 12 号")
    form = visit_form(qtbot, context, clock)
    picker = form.fields["business_id"]
    type_keys("xiangfu")
    assert picker.popup_lines() == ["祥福面馆（91430204MA4L00001H） · 清水塘街道 · 建设路 12 号"]
    assert picker.completer.popup().isVisible()
    assert picker.completer.popup().grab().save(str(shots(tmp_path) / "picker_popup_pinyin.png"))
    press(qtbot, K.Key_Return)
    assert picker.text() == "祥福面馆（91430204MA4L00001H）" and focused_field(form) == "visit_date"


def test_the_cadres_businesses_come_first(qtbot: Any, context: Any, clock: Any) -> None:
    form = visit_form(qtbot, context, clock)
    form.fields["cadre_id"].setFocus()
    type_keys("we")
    press(qtbot, K.Key_Return)  # 吴二, who guarantees 田心生鲜超市
    type_keys("t")
    lines = form.fields["business_id"].popup_lines()
    assert lines[0].startswith("★ 田心生鲜超市") and lines[0].endswith("（该干部包保）")
    assert not any(line.startswith("★") for line in lines[1:]) and "同名小吃店" in lines[1]


def test_nothing_matches_says_so(qtbot: Any, context: Any, clock: Any) -> None:
    form = visit_form(qtbot, context, clock)
    picker = form.fields["business_id"]
    type_keys("zzzq")
    assert picker.popup_lines() == ["无匹配"] and picker.completer.popup().isVisible()  # not an empty popup
    press(qtbot, K.Key_Return)
    assert picker.value() is None and form.errors["business_id"].text() == "无匹配"


def test_text_that_is_not_a_choice_says_choose_from_the_list(qtbot: Any, context: Any, clock: Any) -> None:
    form = visit_form(qtbot, context, clock)
    type_keys("tmxcd")
    press(qtbot, K.Key_Tab)  # leaves without choosing
    assert focused_field(form) == "visit_date"
    assert form.errors["business_id"].text() == "请从下拉列表中选择"
    press(qtbot, K.Key_S, CTRL)
    assert form.last_saved is None
    assert form.errors["business_id"].text() == "请从下拉列表中选择"  # not "必填" beside visible text


def test_an_emptied_picker_and_enter_picks_nothing(qtbot: Any, context: Any, clock: Any) -> None:
    form = visit_form(qtbot, context, clock)
    picker = form.fields["business_id"]
    type_keys("hdl")
    press(qtbot, K.Key_Return)
    assert picker.value() == list_data.bid(1)
    picker.setFocus()
    press(qtbot, K.Key_A, CTRL)
    press(qtbot, K.Key_Delete)
    press(qtbot, K.Key_Return)
    assert picker.value() is None and picker.text() == ""
