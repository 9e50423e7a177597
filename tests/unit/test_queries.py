"""The list queries: keyset paging forward, backward and from the end, ties, search and filters."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from msfood.core.clock import FixedClock
from msfood.db.engine import Database, open_database
from msfood.services.queries import lists as q
from msfood.services.queries.lists import Filters, Sort
from tests import list_data
from tests.list_data import TODAY, bid, credit

ALL = 10_000


@pytest.fixture(scope="module")
def listed_db(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One database for the whole module: these tests only read."""
    path = tmp_path_factory.mktemp("lists") / "station.sqlite"
    shutil.copyfile(template_db, path)
    database = open_database(path)
    list_data.build(database, FixedClock(dt.datetime(2026, 11, 24, 2, tzinfo=dt.UTC)))
    yield database
    database.close()


@pytest.fixture
def session(listed_db: Database) -> Iterator[Session]:
    with listed_db.sessions() as s:
        yield s


def ids(page: q.Page) -> list[str]:
    return [row.id for row in page.rows]


def forward(session: Session, kind: str, limit: int, **kw: Any) -> list[str]:
    seen: list[str] = []
    page = q.page(session, kind, limit=limit, **kw)
    assert not page.has_before
    seen += ids(page)
    while page.has_after:
        page = q.page(session, kind, limit=limit, after=page.last_key, **kw)
        assert page.rows and page.has_before
        seen += ids(page)
    return seen


def backward(session: Session, kind: str, limit: int, **kw: Any) -> list[str]:
    pages: list[list[str]] = []
    page = q.page(session, kind, limit=limit, at_end=True, **kw)
    assert not page.has_after
    pages.append(ids(page))
    while page.has_before:
        page = q.page(session, kind, limit=limit, before=page.first_key, **kw)
        assert page.rows and page.has_after
        pages.append(ids(page))
    return [record for chunk in reversed(pages) for record in chunk]


def test_business_names_sort_by_pinyin_initials_then_name_then_id(session: Session) -> None:
    rows = q.page(session, "businesses", limit=ALL).rows
    expected = sorted(rows, key=lambda r: (_initials(r.name), r.name, r.id))
    assert [r.id for r in rows] == [r.id for r in expected]
    assert rows[0].name == "海底捞火锅"  # hdl sorts before qs..., sf..., tm..., ty..., wj...
    twins = [r.id for r in rows if r.name == "同名小吃店"]
    assert len(twins) == 10 and twins == sorted(twins)  # ties broken by id


def _initials(name: str) -> str:
    from msfood.services.records.values import initials

    return initials(name)


@pytest.mark.parametrize("limit", [1, 2, 3, 7, 200])
@pytest.mark.parametrize(
    ("kind", "sort"),
    [
        ("businesses", None),
        ("businesses", Sort("name", descending=True)),
        ("businesses", Sort("grade")),  # four grades over 16 rows: ties everywhere
        ("businesses", Sort("credit_code")),  # a stall has none (NULL)
        ("businesses", Sort("status", descending=True)),
        ("cadres", Sort("level")),
        ("assignments", Sort("end_date")),
        ("visits", None),
        ("visits", Sort("business_name")),
        ("problems", None),
        ("selfchecks", None),
        ("samplings", Sort("result")),
        ("rapid_tests", Sort("positives")),
    ],
)
def test_paging_forward_and_backward_visit_every_row_once_in_order(
    session: Session, kind: str, sort: Sort | None, limit: int
) -> None:
    whole = ids(q.page(session, kind, sort=sort, limit=ALL))
    assert whole and len(set(whole)) == len(whole)
    assert forward(session, kind, limit, sort=sort) == whole
    assert backward(session, kind, limit, sort=sort) == whole
    assert q.count(session, kind) == len(whole)


def test_jump_to_end_then_step_back_and_forth(session: Session) -> None:
    whole = ids(q.page(session, "businesses", limit=ALL))
    last = q.page(session, "businesses", at_end=True, limit=4)
    assert ids(last) == whole[-4:] and last.has_before and not last.has_after
    before = q.page(session, "businesses", before=last.first_key, limit=4)
    assert ids(before) == whole[-8:-4] and before.has_after
    again = q.page(session, "businesses", after=before.last_key, limit=4)
    assert ids(again) == whole[-4:] and not again.has_after


def test_a_page_from_a_key_includes_that_row(session: Session) -> None:
    whole = q.page(session, "visits", limit=ALL)
    third = whole.rows[2]
    key = q.page(session, "visits", after=whole.first_key, limit=1).last_key  # the second row's key
    again = q.page(session, "visits", start=key, limit=2)
    assert ids(again) == [r.id for r in whole.rows[1:3]] and again.rows[1] == third
    with pytest.raises(ValueError, match="one of"):
        q.page(session, "visits", start=key, after=key)


def test_descending_order_is_the_ascending_order_reversed(session: Session) -> None:
    up = ids(q.page(session, "visits", sort=Sort("visit_date"), limit=ALL))
    down = ids(q.page(session, "visits", sort=Sort("visit_date", descending=True), limit=ALL))
    assert down == list(reversed(up))


def test_pages_are_bounded_queries_without_offset(session: Session) -> None:
    statements: list[tuple[str, tuple]] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append((statement, tuple(parameters)))

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", record)
    try:
        first = q.page(session, "businesses", limit=5)
        q.page(session, "businesses", after=first.last_key, limit=5)
        q.page(session, "businesses", at_end=True, limit=5)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    pages = [(s, p) for s, p in statements if "FROM businesses" in s and "count(" not in s]
    assert len(pages) == 3
    for statement, parameters in pages:
        # SQLite renders every LIMIT as "LIMIT ? OFFSET ?": each offset must be 0, the page limit n + 1
        assert statement.rstrip().endswith("LIMIT ? OFFSET ?") and parameters[-2:] == (6, 0)
        marks = [i for i, ch in enumerate(statement) if ch == "?"]
        offsets = [n for n, at in enumerate(marks) if statement[:at].rstrip().endswith("OFFSET")]
        assert offsets and all(parameters[n] == 0 for n in offsets)


def test_deleted_records_never_appear(session: Session) -> None:
    assert bid(list_data.DELETED) not in ids(q.page(session, "businesses", limit=ALL))
    assert q.page(session, "businesses", search="奶茶").rows == []


# --- search -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hdl", ["海底捞火锅"]),  # pinyin initials
        ("HDL", ["海底捞火锅"]),
        ("底捞", ["海底捞火锅"]),  # part of the name
        (credit(3)[-8:], ["田心生鲜超市"]),  # part of the credit code
        (credit(3).lower(), ["田心生鲜超市"]),
        ("28000002", ["清水家常饭店"]),  # phone
        ("TZ-001", ["王记早餐摊"]),  # a stall's local number
        ("wj", ["王记早餐摊"]),
        ("清水 jc", ["清水家常饭店"]),  # every word must match
        ("%", []),  # LIKE wildcards are plain characters
        ("_", []),
        ("没有这家", []),
    ],
)
def test_business_search(session: Session, text: str, expected: list[str]) -> None:
    rows = q.page(session, "businesses", search=text).rows
    assert [r.name for r in rows] == expected
    assert q.count(session, "businesses", search=text) == len(expected)


def test_search_records_by_business_or_cadre(session: Session) -> None:
    visits = q.page(session, "visits", search="zy").rows  # 周一 by initials
    assert {v.cadre_name for v in visits} == {"周一"} and len(visits) == 2
    assert [v.business_name for v in q.page(session, "visits", search="txsx").rows] == ["田心生鲜超市"]
    assert [c.name for c in q.page(session, "cadres", search="13700000003").rows] == ["郑三"]
    assert [s.sample_no for s in q.page(session, "samplings", search="SF2026002").rows] == ["SF2026002"]
    assert len(q.page(session, "selfchecks", search="hdl").rows) == 4
    assert [p.description for p in q.page(session, "problems", search="健康证").rows] == ["健康证过期"]
    assert {r.item for r in q.page(session, "rapid_tests", search="瘦肉精").rows} == {"瘦肉精"}


# --- filters ----------------------------------------------------------------------------------------


def names(session: Session, kind: str, **filters: Any) -> set[str]:
    rows = q.page(session, kind, filters=Filters(**filters), limit=ALL).rows
    assert q.count(session, kind, Filters(**filters)) == len(rows)
    return {getattr(r, "name", None) or getattr(r, "business_name", "") for r in rows}


def test_region_filter_covers_the_region_tree(session: Session) -> None:
    assert names(session, "businesses", region="430204001002") == {"田心生鲜超市", "同名小吃店"}
    assert names(session, "businesses", region="430204001") == {
        "海底捞火锅", "清水家常饭店", "田心生鲜超市", "石峰面包厂", "同名小吃店", "王记早餐摊"}
    assert names(session, "businesses", region="430211") == {"天元烧烤"}
    assert names(session, "businesses", region="999999") == set()
    assert names(session, "cadres", region="430204001") == {"周一", "吴二"}
    assert names(session, "visits", region="430204001002") == {"田心生鲜超市"}
    assert names(session, "problems", region="430204001001") == {"海底捞火锅", "清水家常饭店"}


def test_status_as_of_a_day(session: Session) -> None:
    assert names(session, "businesses", status="suspended", as_of=TODAY) == {"石峰面包厂"}
    assert "天元烧烤" in names(session, "businesses", status="operating", as_of=TODAY)
    assert names(session, "businesses", status="cancelled", as_of=TODAY) == set()
    assert names(session, "businesses", status="cancelled") == {"天元烧烤"}  # no date: the latest
    row = next(r for r in q.page(session, "businesses", filters=Filters(as_of=TODAY), limit=ALL).rows
               if r.name == "海底捞火锅")
    assert set(row.cadres.split("、")) == {"周一", "王四"}


def test_assignment_and_cadre_filters(session: Session) -> None:
    active = q.page(session, "assignments", filters=Filters(status="active", as_of=TODAY)).rows
    assert {a.business_name for a in active} == {"海底捞火锅", "清水家常饭店", "田心生鲜超市"}
    ended = q.page(session, "assignments", filters=Filters(status="ended", as_of=TODAY)).rows
    assert [a.business_name for a in ended] == ["石峰面包厂"]
    assert names(session, "assignments", period="2026Q3") == {"海底捞火锅", "清水家常饭店", "田心生鲜超市"}
    assert names(session, "assignments", level="city") == {"海底捞火锅"}
    cadres = {c.name: c.businesses for c in q.page(session, "cadres", filters=Filters(as_of=TODAY)).rows}
    assert cadres == {"周一": 2, "吴二": 1, "郑三": 0, "王四": 1}
    assert names(session, "cadres", level="county") == {"郑三"}


def test_visit_filters(session: Session) -> None:
    assert names(session, "visits", period="2026Q4") == {"清水家常饭店", "海底捞火锅"}
    assert names(session, "visits", period="2026-05") == {"海底捞火锅"}
    assert names(session, "visits", mode="video") == {"田心生鲜超市"}
    assert names(session, "visits", level="city") == {"海底捞火锅"}
    assert names(session, "visits", grade="C") == {"田心生鲜超市"}
    visit = q.page(session, "visits", filters=Filters(business_id=bid(2))).rows[0]
    assert (visit.problems, visit.open_problems) == (2, 2)


def test_problem_filters(session: Session) -> None:
    overdue = q.page(session, "problems", filters=Filters(status="overdue", as_of=TODAY)).rows
    assert [p.description for p in overdue] == ["健康证过期"]
    assert len(q.page(session, "problems", filters=Filters(status="open")).rows) == 2
    assert [p.description for p in q.page(session, "problems", filters=Filters(period="2026Q2")).rows] == [
        "后厨地面积水"]


def test_selfcheck_sampling_and_rapid_filters(session: Session) -> None:
    assert q.count(session, "selfchecks", Filters(kind="daily")) == 6
    assert q.count(session, "selfchecks", Filters(period="2026-11", kind="weekly")) == 3
    assert q.count(session, "selfchecks", Filters(business_id=bid(1))) == 4
    def samples(**f: Any) -> list[str]:
        return [s.sample_no for s in q.page(session, "samplings", filters=Filters(**f)).rows]

    assert samples(result="fail") == ["SF2026004", "SF2026002"]  # newest first
    assert samples(status="open_case") == ["SF2026004", "SF2026002"]
    assert samples(status="overdue", as_of=TODAY) == ["SF2026002"]
    assert samples(period="2026Q2") == ["SF2026003", "SF2026002", "SF2026001"]
    positive = q.page(session, "rapid_tests", filters=Filters(result="positive")).rows
    assert [r.sample_name for r in positive] == ["小白菜"]
    assert q.count(session, "rapid_tests", Filters(result="negative")) == 2


def test_a_bad_period_is_a_validation_error(session: Session) -> None:
    from msfood.core.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        q.page(session, "visits", filters=Filters(period="2026Q7"))
    assert caught.value.issues[0].field == "period"


def test_unsupported_filter_and_sort_are_refused(session: Session) -> None:
    with pytest.raises(ValueError, match="no 'result' filter"):
        q.page(session, "cadres", filters=Filters(result="fail"))
    with pytest.raises(ValueError, match="cannot be sorted"):
        q.page(session, "selfchecks", sort=Sort("kind"))
    assert "record_date" in q.sortable("selfchecks")
    assert "region" in q.supported_filters("businesses")


def test_iterate_reads_every_row_page_by_page(session: Session) -> None:
    whole = ids(q.page(session, "businesses", limit=ALL))
    assert [r.id for r in q.iterate(session, "businesses", chunk=4)] == whole
    assert [r.name for r in q.iterate(session, "businesses", search="hdl", chunk=1)] == ["海底捞火锅"]


def test_region_choices_are_a_tree_in_code_order(session: Session) -> None:
    choices = [(c.code, c.depth) for c in q.region_choices(session)]
    assert choices == [("430204", 0), ("430204001", 1), ("430204001001", 2), ("430204001002", 2),
                       ("430211", 0)]


def test_row_of_reads_one_record(session: Session) -> None:
    row = q.row_of(session, "businesses", bid(1))
    assert row is not None and row.name == "海底捞火锅"
    assert q.row_of(session, "businesses", bid(list_data.DELETED)) is None
    assert q.count(session, "problems", Filters(record_id="nope")) == 0


def test_read_sessions_do_not_wait_for_a_writer(listed_db: Database) -> None:
    from sqlalchemy import text

    reader = q.read_sessions(listed_db)
    assert q.read_sessions(listed_db) is reader
    with listed_db.sessions.begin() as writing:  # BEGIN IMMEDIATE: holds the write lock
        writing.execute(text("UPDATE businesses SET principal = 'x' WHERE name = '海底捞火锅'"))
        with reader() as session:  # reads at once, the last committed state
            row = q.row_of(session, "businesses", bid(1))
            assert row is not None and row.principal is None
        writing.rollback()
    with reader() as session:
        with pytest.raises(Exception, match="readonly"):
            session.execute(text("DELETE FROM businesses"))


@pytest.mark.parametrize("probe_rows", [0, 10**6])  # 0: walk the date index; big: sort the matches
@pytest.mark.parametrize(
    ("kind", "filters", "search"),
    [
        ("selfchecks", Filters(region="430204001"), ""),
        ("selfchecks", Filters(kind="daily"), "hdl"),
        ("visits", Filters(level="village"), ""),
        ("visits", Filters(), "周一"),
    ],
)
def test_both_plans_of_a_big_list_page_alike(
    session: Session, monkeypatch: pytest.MonkeyPatch, probe_rows: int, kind: str, filters: Filters,
    search: str,
) -> None:
    whole = ids(q.page(session, kind, filters=filters, search=search, limit=ALL))
    monkeypatch.setattr(q, "PROBE_ROWS", probe_rows)
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(session.get_bind(), "before_cursor_execute", record)
    try:
        assert forward(session, kind, 1, filters=filters, search=search) == whole
    finally:
        event.remove(session.get_bind(), "before_cursor_execute", record)
    pages = [s for s in statements if "ORDER BY" in s]
    marker = "likely(" if probe_rows == 0 else "coalesce("
    assert whole and pages and all(marker in s for s in pages)
    assert backward(session, kind, 2, filters=filters, search=search) == whole
