"""The demo data generator at station scale: plausible, valid, deterministic, and only into new files."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from msfood.core.clock import CHINA, FixedClock
from msfood.core.errors import EnvironmentProblem, ValidationError
from msfood.core.ids import natural_id
from msfood.db.engine import open_database
from msfood.db.models import Business, BusinessClosure, BusinessStatus, SelfCheck, synced_tables
from msfood.demo import DEMO_ACCOUNTS, check_request, create_demo, generate, generate_steps
from msfood.demo.businesses import make_businesses
from msfood.demo.model import SPECS, World, window_start
from msfood.demo.names import initials_maker
from msfood.demo.regions import build_regions
from msfood.demo.writer import id_maker
from msfood.domain.identifiers import check_licence, is_valid_credit_code
from msfood.domain.operating import OperatingCalendar, StatusChange
from msfood.metrics import compute_stats
from msfood.services.accounts.authentication import authenticate
from msfood.services.history.audit import verify_chain
from msfood.services.records.values import initials
from msfood.services.setup.new_unit import initialise

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=CHINA).astimezone(dt.UTC)
GRADE_LEVELS = {"A": "city", "B": "county", "C": "township", "D": "village"}
SKIPPED_COLUMNS = {"hlc", "base_hlc", "local_seq", "entered_at", "sign_public_key", "enc_public_key"}


def fixed_clock() -> FixedClock:
    return FixedClock(NOW)


def content_hash(path: Path) -> str:
    """The records' content: every synced table but the audit log, without stamps and keys."""
    digest = hashlib.sha256()
    with sqlite3.connect(path) as con:
        for table in synced_tables():
            if table.name == "audit_log":
                continue
            columns = [c.name for c in table.columns if c.name not in SKIPPED_COLUMNS]
            for row in con.execute(f"SELECT {', '.join(columns)} FROM {table.name} ORDER BY id"):
                digest.update(repr((table.name, row)).encode())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "station-demo.sqlite"
    summary = create_demo(path, scale="station", seed=1, clock=fixed_clock())
    assert summary.last_day == dt.date(2026, 11, 24) and summary.first_day == dt.date(2026, 1, 1)
    return path


def rows(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as con:
        return con.execute(sql).fetchall()


def one(path: Path, sql: str):  # type: ignore[no-untyped-def]
    return rows(path, sql)[0][0]


def test_station_counts_are_plausible(station: Path) -> None:
    count = {t: one(station, f"SELECT count(*) FROM {t}") for t in (
        "regions", "businesses", "cadres", "assignments", "visits", "problems", "visit_answers", "selfchecks",
        "samplings", "sampling_plans", "rapid_tests", "business_statuses", "business_closures")}  # fmt: skip
    assert count["businesses"] == 500
    assert 40 <= count["cadres"] <= 120
    assert 480 <= count["assignments"] <= 560
    assert 1_200 <= count["visits"] <= 2_500
    assert 0.08 * count["visits"] <= count["problems"] <= 0.3 * count["visits"]
    assert count["visit_answers"] > 0 and count["visit_answers"] % 9 == 0
    assert 25_000 <= count["selfchecks"] <= 60_000
    assert 30 <= count["samplings"] <= 100 and count["sampling_plans"] == 1
    assert count["rapid_tests"] > 100 and count["business_statuses"] > 5 and count["business_closures"] > 5
    # one city, one district, a few townships, their villages and communities
    levels = Counter(len(code) for (code,) in rows(station, "SELECT code FROM regions"))
    assert levels[6] == 2 and 3 <= levels[9] <= 5 and levels[12] >= 20
    forms = Counter(dict(rows(station, "SELECT form, count(*) FROM businesses GROUP BY form")))
    assert forms["catering"] > forms["production"] and forms["sales"] > forms["stall"] > 0
    assert set(forms) == {"catering", "sales", "canteen", "production", "workshop", "stall"}
    grades = Counter(dict(rows(station, "SELECT grade, count(*) FROM businesses GROUP BY grade")))
    assert 0 < grades["A"] < grades["B"] < grades["C"] < grades["D"]
    high_risk = one(station, "SELECT avg(high_risk) FROM businesses")
    assert 0.04 <= high_risk <= 0.14


def test_codes_and_numbers_are_valid(station: Path) -> None:
    businesses = rows(station, "SELECT credit_code, licence_no, form, phone, id FROM businesses")
    codes = [code for code, *_ in businesses if code]
    assert codes and all(is_valid_credit_code(code) for code in codes)
    assert len(set(codes)) == len(codes)
    for code, licence, form, phone, business_id in businesses:
        assert business_id == natural_id("business", code, licence or "")
        assert phone.isdigit() and len(phone) == 11 and phone.startswith("1")
        if form in ("workshop", "stall"):
            assert licence  # a local registration number
        else:
            assert code and check_licence(licence) == licence
    assert any(code is None for code, _l, form, *_ in businesses if form == "stall")
    assert all(code is not None for code, _l, form, *_ in businesses if form != "stall")
    phones = [p for (p,) in rows(station, "SELECT phone FROM cadres")]
    assert len(set(phones)) == len(phones)
    assert all(p.isdigit() and len(p) == 11 and p.startswith("1") for p in phones)


def test_names_and_initials(station: Path) -> None:
    names = rows(station, "SELECT name, name_initials FROM businesses UNION ALL "
                          "SELECT name, name_initials FROM cadres")
    assert all(initials(name)[:200] == stored for name, stored in names)
    assert len({name for name, _ in names}) > 0.95 * len(names)
    fast = initials_maker()
    assert fast("荷塘区好味道餐馆") == initials("荷塘区好味道餐馆") == "htqhwdcg"


def test_every_business_sits_in_a_region_of_the_district(station: Path) -> None:
    found = rows(station, "SELECT r.code FROM businesses b LEFT JOIN regions r ON r.id = b.region_id")
    assert len(found) == 500
    assert all(code is not None and code.startswith("430204") and len(code) in (9, 12) for (code,) in found)
    assert rows(station, "PRAGMA foreign_key_check") == []


def test_assignments_follow_the_grades_mostly(station: Path) -> None:
    pairs = rows(station, """SELECT b.grade, c.level FROM assignments a
        JOIN businesses b ON b.id = a.business_id JOIN cadres c ON c.id = a.cadre_id""")
    matching = sum(GRADE_LEVELS[grade] == level for grade, level in pairs)
    assert 0.93 * len(pairs) <= matching < len(pairs)
    reasons = rows(station, "SELECT end_reason FROM assignments WHERE end_date IS NOT NULL")
    ended = Counter(reason for (reason,) in reasons)
    assert ended["主体注销"] > 0 and sum(ended.values()) > ended["主体注销"]  # closures and handovers
    uncovered = one(station, "SELECT count(*) FROM businesses "
                             "WHERE id NOT IN (SELECT business_id FROM assignments)")
    assert 0 < uncovered < 25


def test_daily_records_only_on_operating_days(station: Path) -> None:
    database = open_database(station)
    try:
        with database.sessions() as session:
            calendars = {}
            for b in session.scalars(select(Business)):
                statuses = [StatusChange(s.since, s.status) for s in session.scalars(
                    select(BusinessStatus).where(BusinessStatus.business_id == b.id))]  # fmt: skip
                closures = [(c.start_date, c.end_date) for c in session.scalars(
                    select(BusinessClosure).where(BusinessClosure.business_id == b.id))]  # fmt: skip
                calendars[b.id] = OperatingCalendar(statuses, b.rest_days, closures)
            columns = (SelfCheck.business_id, SelfCheck.record_date, SelfCheck.period_key)
            daily = session.execute(select(*columns).where(SelfCheck.kind == "daily")).all()
    finally:
        database.close()
    assert daily and all(calendars[b].is_operating(day) and key == day.isoformat() for b, day, key in daily)
    assert min(day for _b, day, _k in daily) == dt.date(2026, 9, 1)
    assert max(day for _b, day, _k in daily) == dt.date(2026, 11, 24)
    schools = one(station, "SELECT count(*) FROM businesses WHERE rest_days = '67'")
    assert schools > 0
    weekends = one(station, """SELECT count(*) FROM selfchecks s JOIN businesses b ON b.id = s.business_id
        WHERE b.rest_days = '67' AND s.kind = 'daily' AND strftime('%w', s.record_date) IN ('0', '6')""")
    assert weekends == 0
    owing_none = one(station, """SELECT count(*) FROM selfchecks s JOIN businesses b ON b.id = s.business_id
        WHERE b.form IN ('stall', 'workshop') AND b.owes_selfchecks IS NULL""")
    assert owing_none == 0


def test_the_figures_have_something_true_to_show(station: Path) -> None:
    database = open_database(station)
    try:
        with database.sessions() as session:
            year = compute_stats(session, period="2026", as_of=dt.date(2026, 11, 24)).to_json()
            month = compute_stats(session, period="2026-10", as_of=dt.date(2026, 11, 24)).to_json()
    finally:
        database.close()
    sup = year["supervision"]
    assert 0.8 <= sup["rate"] < 0.97 and sup["missed"] > 0 and sup["open"] > 0
    assert 0.95 <= sup["coverage"]["rate"] < 1.0
    assert 0.75 <= sup["problems"]["rate"] < 1.0
    daily = month["selfcheck"]["daily"]
    assert 0.75 <= daily["rate"] <= 0.95 and daily["record_days"] < daily["operating_days"]
    assert 0.9 <= month["selfcheck"]["platform_use"]["rate"] < 1.0
    sampling = year["sampling"]
    assert sampling["failed"] >= 2 and sampling["pending"] > 0 and 0 < sampling["plan_rate"] < 1
    assert year["rapid"]["positive"] > 0
    overdue_cases = one(station, """SELECT count(*) FROM samplings WHERE result = 'fail'
        AND disposal_closed_on IS NULL AND result_date < '2026-08-26'""")
    assert overdue_cases >= 1
    overdue_problems = one(station, """SELECT count(*) FROM problems WHERE status != 'closed'
        AND deadline < '2026-11-24'""")
    assert overdue_problems > 0
    video_high_risk = one(station, """SELECT count(*) FROM visits v JOIN businesses b ON b.id = v.business_id
        WHERE b.high_risk = 1 AND v.mode != 'onsite'""")
    assert video_high_risk > 0  # visits that do not count: a high-risk business needs them on site


KINDS = ("daily", "weekly", "monthly", "platform")


@pytest.mark.parametrize(
    ("period", "as_of"), [("2026Q4", "2026-11-24"), ("2026", "2026-11-24"), ("2026-10", "2026-11-24"),
                          ("2026Q3", "2026-09-30"), ("2026-W40", "2026-10-02")],
)
def test_drill_downs_add_up_to_the_figures(station: Path, period: str, as_of: str) -> None:
    """The figures are counted with set operations and the drill-down rows built apart: each list
    must hold exactly what its figure says is missing, and the figures must not depend on them."""
    database = open_database(station)
    try:
        with database.sessions() as session:
            day = dt.date.fromisoformat(as_of)
            full = compute_stats(session, period=period, as_of=day)
            bare = compute_stats(session, period=period, as_of=day, details=False)
    finally:
        database.close()
    assert bare.to_json() == full.to_json()
    sup = full.supervision
    if len(period) <= 6:  # the demo's visit rules are quarterly: a year or a quarter has duties
        assert sup.total.due + sup.total.open > 0 and sup.obligations
    for level, tally in sup.by_level.items():
        mine = [o for o in sup.obligations if o.level == level]
        assert sum(o.due for o in mine) == tally.due and sum(o.due and o.met for o in mine) == tally.met
        assert sum(not o.due for o in mine) == tally.open
        assert all(o.cadres and o.business_name for o in mine)
    sc = full.selfcheck
    kinds = {kind: [g for g in sc.gaps if g.kind == kind] for kind in KINDS}
    assert len(kinds["daily"]) == sc.owing - sc.daily.covered
    assert len(kinds["weekly"]) == sc.weekly.applicable - sc.weekly.covered
    assert len(kinds["monthly"]) == sc.monthly.applicable - sc.monthly.covered
    assert len(kinds["platform"]) == sc.owing - sc.active
    assert all(g.business_name and g.detail for g in kinds["weekly"] + kinds["monthly"] + kinds["daily"])


def test_sync_columns_and_audit(station: Path) -> None:
    seqs = rows(station, "SELECT local_seq, hlc, origin FROM selfchecks ORDER BY local_seq")
    assert all(origin == "DEMO-430204-01" for _s, _h, origin in seqs)
    assert [h for _s, h, _o in seqs] == sorted(h for _s, h, _o in seqs)  # stamps grow with local_seq
    assert len({s for s, _h, _o in seqs}) == len(seqs)
    meta = dict(rows(station, "SELECT key, value FROM meta"))
    top = max(one(station, f"SELECT coalesce(max(local_seq), 0) FROM {t.name}") for t in synced_tables())
    assert int(meta["local_seq"]) == top and meta["hlc"] >= seqs[-1][1]
    demo_events = dict(rows(station, "SELECT table_name, after FROM audit_log WHERE action = 'demo'"))
    assert '"rows": 500' in demo_events["businesses"] and "selfchecks" in demo_events
    assert one(station, "SELECT count(*) FROM audit_log WHERE action = 'demo'") == len(demo_events) < 20
    assert rows(station, "PRAGMA journal_mode") == [("wal",)]
    database = open_database(station)
    try:
        with database.sessions() as session:
            assert verify_chain(session).ok
    finally:
        database.close()


def test_indexes_are_all_back(station: Path, template_db: Path) -> None:
    def indexes(path: Path) -> set[tuple[str, str]]:
        return set(rows(path, "SELECT name, sql FROM sqlite_master WHERE type = 'index'"))

    assert indexes(station) == indexes(template_db)


def test_demo_accounts_sign_in(station: Path) -> None:
    database = open_database(station)
    try:
        with database.sessions.begin() as session:
            for username, password, role in DEMO_ACCOUNTS:
                actor = authenticate(session, username=username, password=password, clock=fixed_clock())
                assert actor.role == role
    finally:
        database.close()


def test_same_seed_same_records(station: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite"
    database = open_database(again, create=True)
    try:
        initialise(database, code="DEMO-430204-01", name="石峰区市场监管所（演示）", clock=fixed_clock(),
                   region_code="430204")  # fmt: skip
        summary = generate(database, scale="station", seed=1, year=2026, clock=fixed_clock())
    finally:
        database.close()
    assert summary.counts["businesses"] == 500 and summary.total == sum(summary.counts.values())
    assert content_hash(again) == content_hash(station)


def test_another_seed_gives_other_businesses() -> None:
    def names(seed: int) -> list[str]:
        first, last = dt.date(2026, 1, 1), dt.date(2026, 11, 24)
        world = World("station", seed, 2026, first, last, window_start(first, last), SPECS["station"],
                      GRADE_LEVELS, city=build_regions(random.Random(seed), "station"))  # fmt: skip
        make_businesses(world)
        return [b.name for b in world.businesses]

    assert names(1) == names(1) and names(1) != names(2)


def test_refuses_an_existing_database(db_path: Path) -> None:
    before = db_path.read_bytes()
    with pytest.raises(EnvironmentProblem) as caught:
        create_demo(db_path, scale="station", clock=fixed_clock())
    assert caught.value.code == "demo.db_exists"
    assert "演示数据只能写入新的数据库文件" in caught.value.message()
    assert db_path.read_bytes() == before


def test_generate_refuses_a_database_with_businesses(station: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(station, copy)
    database = open_database(copy)
    try:
        with pytest.raises(EnvironmentProblem) as caught:
            generate(database, scale="station", seed=1, year=2026, clock=fixed_clock())
    finally:
        database.close()
    assert caught.value.code == "demo.not_empty"


def test_cancelling_leaves_nothing_behind(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        task = generate_steps(database, scale="station", seed=1, year=2026, clock=fixed_clock())
        for _ in range(3):
            next(task)
        task.close()
        with database.sessions() as session:
            assert session.scalar(select(Business.id).limit(1)) is None
    finally:
        database.close()
    assert rows(db_path, "PRAGMA journal_mode") == [("wal",)]
    assert rows(db_path, "SELECT count(*) FROM regions") == [(0,)]


def test_years_and_scales_are_checked() -> None:
    clock = fixed_clock()
    assert check_request("city", 2026, clock) == (dt.date(2026, 1, 1), dt.date(2026, 11, 24))
    assert check_request("county", 2025, clock) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    with pytest.raises(ValidationError):
        check_request("station", 2027, clock)
    with pytest.raises(ValidationError) as caught:
        check_request("province", 2026, clock)
    assert caught.value.issues[0].code == "demo.scale"
    assert window_start(dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == dt.date(2025, 10, 1)
    assert window_start(dt.date(2026, 1, 1), dt.date(2026, 2, 10)) == dt.date(2026, 1, 1)


def test_fast_ids_are_the_natural_ids() -> None:
    make = id_maker("selfcheck")
    for parts in (("b", "daily", "2026-11-24"), (None, "JY1"), ("x", 3)):
        assert make(*parts) == natural_id("selfcheck", *parts)
    assert make.joined("b\x1fdaily\x1f2026-11-24") == natural_id("selfcheck", "b", "daily", "2026-11-24")
