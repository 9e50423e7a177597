"""The pickers' search: township and address to tell names apart, the cadre's businesses first,
full pinyin as well as initials, nothing for what matches nothing."""

from __future__ import annotations

from typing import Any

from msfood.services.queries.pickers import pick_businesses, pick_cadres
from msfood.services.queries.pinyin import initials_of_cuts
from msfood.services.writing.transaction import unit_of_work
from tests import list_data


def _station(db: Any, clock: Any) -> Any:
    list_data.build(db, clock)
    from msfood.services.roster import editing as roster

    with unit_of_work(db.sessions, clock=clock) as uow:
        roster.save_business(uow, name="祥福面馆", credit_code="91430204MA4L00001H", licence_no=None,
                             form="catering", grade="C", region_code="430204001002", address="建设路 12 号")
    return db


def test_full_pinyin_finds_what_initials_find(db: Any, clock: Any) -> None:
    _station(db, clock)
    with db.sessions() as session:
        by_pinyin = pick_businesses(session, text="xiangfu")
        by_initials = pick_businesses(session, text="xfmg")
        half_typed = pick_businesses(session, text="xiangf")
    assert [c.name for c in by_pinyin] == ["祥福面馆"] == [c.name for c in by_initials]
    assert [c.name for c in half_typed] == ["祥福面馆"]
    assert by_pinyin[0].place == "清水塘街道" and by_pinyin[0].detail == "建设路 12 号"
    assert "xf" in initials_of_cuts("xiangfu")


def test_nothing_matches_gives_no_choice(db: Any, clock: Any) -> None:
    _station(db, clock)
    with db.sessions() as session:
        assert pick_businesses(session, text="zzzzq") == []
        assert pick_businesses(session, text="   ") == []
        assert pick_cadres(session, text="qqqq") == []


def test_the_cadres_own_businesses_come_first(db: Any, clock: Any) -> None:
    _station(db, clock)
    with db.sessions() as session:
        plain = pick_businesses(session, text="t", today=list_data.TODAY)
        wu_er = list_data.cid("13700000002")
        ranked = pick_businesses(session, text="t", cadre_id=wu_er, today=list_data.TODAY)
    assert plain[0].name == "同名小吃店" and not plain[0].own
    assert ranked[0].name == "田心生鲜超市" and ranked[0].own
    assert not any(c.own for c in ranked[1:])


def test_cadres_show_phone_and_township(db: Any, clock: Any) -> None:
    _station(db, clock)
    with db.sessions() as session:
        found = pick_cadres(session, text="zhouyi")
    assert [(c.name, c.code, c.place) for c in found] == [("周一", "13700000001", "清水塘街道")]
    assert found[0].chosen_text == "周一（13700000001）"
