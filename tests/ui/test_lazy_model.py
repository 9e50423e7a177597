"""The lazy list model: Qt's model contract (qtmodeltester) for every kind, the bounded window,
scrolling both ways, jumping to the end, sorting by re-querying, refreshing in place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from msfood.core.clock import FixedClock
from msfood.db.engine import Database, open_database
from msfood.services.queries import lists as queries
from msfood.services.queries.lists import Filters, Sort
from tests import list_data
from ui.models.lazy_table import ID_ROLE, ROW_ROLE, SORT_ROLE, LazyTableModel
from ui.models.list_columns import COLUMNS


@pytest.fixture
def listed(db_path: Path, clock: FixedClock):  # type: ignore[no-untyped-def]
    database = open_database(db_path)
    list_data.build(database, clock)
    yield database
    database.close()


def everything(database: Database, kind: str, sort: Sort | None = None) -> list[str]:
    with database.sessions() as session:
        return [r.id for r in queries.page(session, kind, sort=sort, limit=10_000).rows]


def model_for(database: Database, kind: str, **kw: Any) -> LazyTableModel:
    kw.setdefault("page_size", 3)
    kw.setdefault("max_pages", 2)
    return LazyTableModel(database.sessions, kind, COLUMNS[kind], **kw)


@pytest.mark.parametrize("kind", queries.KINDS)
def test_every_list_model_keeps_the_qt_model_contract(
    app: Any, qtmodeltester: Any, listed: Any, kind: str
) -> None:
    scrolled = model_for(listed, kind)  # scrolled to the end first: its window has lost its front
    while scrolled.canFetchMore(QModelIndex()):
        scrolled.fetchMore(QModelIndex())
    assert scrolled.rowCount() <= 6
    qtmodeltester.check(scrolled, force_py=True)
    model = model_for(listed, kind)
    qtmodeltester.check(model, force_py=True)  # also fetches more while it checks
    assert model.rowCount() <= 6
    assert model.headerData(0, Qt.Orientation.Horizontal) == COLUMNS[kind][0].title


def test_scrolling_down_keeps_a_bounded_window_and_back_up_restores_it(app: Any, listed: Any) -> None:
    whole = everything(listed, "businesses")
    model = model_for(listed, "businesses")
    dropped: list[int] = []
    model.rows_dropped_front.connect(dropped.append)
    seen = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
    while model.canFetchMore(QModelIndex()):
        last = model.row(model.rowCount() - 1).id
        model.fetchMore(QModelIndex())
        assert model.rowCount() <= 6  # two pages of three, never more
        seen += [model.row(r).id for r in range(model.row_of(last) + 1, model.rowCount())]
    assert seen == whole  # every row came by, in order, once
    assert dropped and model.has_before and not model.has_after
    while model.has_before:
        model.fetch_previous()
        assert model.rowCount() <= 6
    assert [model.row(r).id for r in range(model.rowCount())] == whole[:6]
    assert model.has_after


def test_jump_to_end_reads_the_last_page_only(app: Any, listed: Any) -> None:
    whole = everything(listed, "businesses")
    model = model_for(listed, "businesses")
    runs = model.queries_run
    model.jump_to_end()
    assert model.queries_run == runs + 1
    assert [model.row(r).id for r in range(model.rowCount())] == whole[-3:]
    assert model.has_before and not model.has_after
    assert model.fetch_previous() == 3
    assert [model.row(r).id for r in range(model.rowCount())] == whole[-6:]


def test_sort_requeries_and_the_sort_role_gives_raw_values(app: Any, listed: Any) -> None:
    model = model_for(listed, "visits", page_size=50)
    column = next(i for i, c in enumerate(model.columns) if c.field == "visit_date")
    model.sort(column, Qt.SortOrder.AscendingOrder)
    assert model.current_sort == Sort("visit_date", False)
    dates = [model.index(r, column).data(SORT_ROLE) for r in range(model.rowCount())]
    assert dates == sorted(dates) and dates[0] == list_data.D("2026-05-10")
    assert model.index(0, column).data() == "2026-05-10"
    expected = everything(listed, "visits", Sort("visit_date"))
    assert [model.row(r).id for r in range(model.rowCount())] == expected
    unsortable = next(i for i, c in enumerate(model.columns) if c.sort is None)
    model.sort(unsortable, Qt.SortOrder.DescendingOrder)
    assert model.current_sort == Sort("visit_date", False)


def test_labels_filters_search_and_tone(app: Any, listed: Any) -> None:
    model = model_for(listed, "problems", page_size=50,
                      tone=lambda row: "bad" if row.status == "pending" else None)
    status = next(i for i, c in enumerate(model.columns) if c.field == "status")
    texts = {model.index(r, status).data() for r in range(model.rowCount())}
    assert texts == {"已销号", "待整改", "整改中"}
    pending = next(r for r in range(model.rowCount()) if model.row(r).status == "pending")
    assert model.index(pending, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    changed: list[bool] = []
    model.query_changed.connect(lambda: changed.append(True))
    model.set_query(filters=Filters(status="open"), search="健康")
    assert changed and model.rowCount() == 1
    assert model.index(0, 0).data(ROW_ROLE).description == "健康证过期"


def test_refresh_keeps_the_place_and_shows_changes(app: Any, listed: Any, clock: Any) -> None:
    from msfood.db.models import Business
    from msfood.services.writing.transaction import unit_of_work
    from msfood.services.writing.unit_of_work import table_of

    whole = everything(listed, "businesses")
    model = model_for(listed, "businesses")
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # window: rows 4-9
    first = model.row(0).id
    assert first == whole[3]
    with unit_of_work(listed.sessions, clock=clock) as uow:
        uow.upsert(table_of(Business), {"id": model.row(1).id, "principal": "新负责人"})
    model.refresh()
    assert model.row(0).id == first and model.row(1).principal == "新负责人"
    assert model.rowCount() == 6 and model.has_before


def test_a_view_scrolled_to_the_end_and_back_keeps_the_window_bounded(
    app: Any, qtbot: Any, listed: Any
) -> None:
    from ui.models.lazy_view import LazyTableView

    whole = everything(listed, "businesses")
    model = model_for(listed, "businesses", page_size=4)
    view = LazyTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 90)  # a few rows show: the window holds more than the screen
    view.show()
    seen: set[str] = set()
    for _ in range(20):  # dragging to the bottom again and again
        view.scrollToBottom()
        qtbot.wait(1)
        assert model.rowCount() <= 8
        seen.update(model.row(r).id for r in range(model.rowCount()))
    assert seen == set(whole) and not model.has_after
    for _ in range(20):  # and back to the top
        view.scrollToTop()
        qtbot.wait(1)
        assert model.rowCount() <= 8
    assert not model.has_before and model.row(0).id == whole[0]
    for _ in range(10):  # Qt asking for more while the view stays at the top
        model.fetchMore(QModelIndex())
    assert model.rowCount() <= 8
