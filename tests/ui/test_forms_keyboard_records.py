"""The other record forms filled by keyboard alone (issue #17): 日管控 / 周排查 / 月调度, sampling, business,
cadre and assignment; each saved with Ctrl+Enter or Ctrl+S and read back from the database."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from msfood.db.models import Assignment, Business, Cadre, Sampling, SelfCheck
from tests import list_data
from tests.ui.keyboard import CTRL, focused_field, open_form, press, type_keys

K = Qt.Key


@pytest.fixture(autouse=True)
def no_question_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form qtbot closes with changes would ask; a real box would wait for a click forever."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def rows(context: Any, model: type, *where: Any) -> list[Any]:
    with context.database.sessions() as session:
        return list(session.scalars(select(model).where(*where)))


@pytest.mark.parametrize(("downs", "kind", "period_key"), [
    (1, "daily", "2026-11-24"), (2, "weekly", "2026-W48"), (3, "monthly", "2026-11"),
])
def test_selfcheck_by_keyboard(
    qtbot: Any, context: Any, clock: Any, downs: int, kind: str, period_key: str
) -> None:
    from ui.forms.kinds import SELFCHECK

    form = open_form(qtbot, context, clock, SELFCHECK)
    type_keys("qsjc")
    press(qtbot, K.Key_Return)  # 清水家常饭店, on to 类型
    assert focused_field(form) == "kind" and form.fields["kind"].value() is None  # 请选择
    press(qtbot, K.Key_Down, times=downs)
    press(qtbot, K.Key_Tab, times=2)  # the date stays today
    assert focused_field(form) == "issues_found"
    type_keys("2")
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_Down)  # 已整改: 是
    press(qtbot, K.Key_Tab)
    type_keys("李四")
    press(qtbot, K.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not form.isVisible())
    stored = rows(context, SelfCheck, SelfCheck.business_id == list_data.bid(2), SelfCheck.kind == kind,
                  SelfCheck.record_date == list_data.TODAY)
    assert [(s.period_key, s.issues_found, s.rectified, s.recorder) for s in stored] == [
        (period_key, 2, True, "李四")]


def test_the_same_daily_check_twice_says_it_was_updated(qtbot: Any, context: Any, clock: Any) -> None:
    from ui.forms.kinds import SELFCHECK

    form = open_form(qtbot, context, clock, SELFCHECK)
    type_keys("hdl")
    press(qtbot, K.Key_Return)
    press(qtbot, K.Key_Down)  # 日管控
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_A, CTRL)
    type_keys("2026-11-20")  # 海底捞火锅 has its 日管控 of that day already
    press(qtbot, K.Key_Tab, times=3)
    type_keys("王五")
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: form.last_saved is not None)
    assert form.isVisible() and form.status.text() == "已有同一条记录，已更新该记录。"
    assert form.windowTitle() == "修改自查记录"
    same_day = rows(context, SelfCheck, SelfCheck.business_id == list_data.bid(1), SelfCheck.kind == "daily",
                    SelfCheck.record_date == list_data.D("2026-11-20"), SelfCheck.deleted.is_(False))
    assert [s.recorder for s in same_day] == ["王五"]
    press(qtbot, K.Key_Escape)  # nothing changed since: closes without asking
    assert not form.isVisible()


def test_sampling_by_keyboard(qtbot: Any, context: Any, clock: Any) -> None:
    from ui.forms.kinds import SAMPLING

    form = open_form(qtbot, context, clock, SAMPLING)
    type_keys("SF2026100")
    press(qtbot, K.Key_Tab)
    type_keys("hdl")
    press(qtbot, K.Key_Return)
    assert focused_field(form) == "sample_date"
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_Down)  # 监督抽检
    press(qtbot, K.Key_Tab)
    type_keys("餐饮食品")
    press(qtbot, K.Key_Tab)
    type_keys("凉拌黄瓜")
    press(qtbot, K.Key_Return, CTRL)
    qtbot.waitUntil(lambda: form.last_saved is not None)
    [sample] = rows(context, Sampling, Sampling.sample_no == "SF2026100")
    assert (sample.business_id, sample.sampling_type, sample.food_category, sample.sample_name,
            str(sample.sample_date)) == (list_data.bid(1), "supervision", "餐饮食品", "凉拌黄瓜", "2026-11-24")


def test_business_starts_with_nothing_chosen_and_saves_by_keyboard(
    qtbot: Any, context: Any, clock: Any
) -> None:
    from ui.forms.kinds import BUSINESS

    form = open_form(qtbot, context, clock, BUSINESS)
    assert form.fields["form"].value() is None and form.fields["grade"].value() is None
    grade = form.fields["grade"].combo
    assert grade.currentText() == "" and grade.placeholderText() == "请选择"
    type_keys("祥福面馆")
    press(qtbot, K.Key_S, CTRL)  # nothing chosen: says so beside each list
    assert form.errors["form"].text() == "请选择主体业态" and form.errors["grade"].text() == "请选择包保等级"
    assert rows(context, Business, Business.name == "祥福面馆") == []
    form.fields["name"].setFocus()
    press(qtbot, K.Key_Tab)
    type_keys("91430204MA4L00001H")
    press(qtbot, K.Key_Tab, times=2)
    assert focused_field(form) == "form"
    press(qtbot, K.Key_Down, times=3)  # 餐饮服务
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_Down, times=3)  # C
    press(qtbot, K.Key_Tab, times=2)  # past 高风险
    assert focused_field(form) == "region_code"
    press(qtbot, K.Key_Down)  # 石峰区
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: form.last_saved is not None)
    [business] = rows(context, Business, Business.name == "祥福面馆")
    assert (business.form, business.grade, business.credit_code) == ("catering", "C", "91430204MA4L00001H")


def test_cadre_by_keyboard(qtbot: Any, context: Any, clock: Any) -> None:
    from ui.forms.kinds import CADRE

    form = open_form(qtbot, context, clock, CADRE)
    type_keys("赵五")
    press(qtbot, K.Key_Tab)
    type_keys("13700000009")
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_Down, times=3)  # 乡级
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_Down, times=2)  # 清水塘街道
    press(qtbot, K.Key_Return, CTRL)
    qtbot.waitUntil(lambda: form.last_saved is not None)
    [cadre] = rows(context, Cadre, Cadre.phone == "13700000009")
    assert (cadre.name, cadre.level, cadre.region_id) == ("赵五", "township", list_data.rid("430204001"))


def test_assignment_by_keyboard(qtbot: Any, context: Any, clock: Any) -> None:
    from ui.forms.kinds import ASSIGNMENT

    form = open_form(qtbot, context, clock, ASSIGNMENT)
    type_keys("we")
    press(qtbot, K.Key_Return)  # 吴二
    assert focused_field(form) == "business_id"
    type_keys("hdl")
    press(qtbot, K.Key_Return)
    assert focused_field(form) == "start_date"
    press(qtbot, K.Key_S, CTRL)
    qtbot.waitUntil(lambda: form.last_saved is not None)
    stored = rows(context, Assignment, Assignment.cadre_id == list_data.cid("13700000002"),
                  Assignment.business_id == list_data.bid(1))
    assert [str(a.start_date) for a in stored] == ["2026-11-24"]
