"""工作台 paints in steps: the last figures (when nothing they read has changed) fill every tile at once with
"正在更新…" shown, the fresh figures replace them and bring the drill-downs; after a write the old figures
are never shown, the tiles wait for the new ones."""

from __future__ import annotations

import threading

import pytest

from msfood.services.rules.settings import set_setting
from msfood.services.writing.transaction import unit_of_work


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The fresh figures' computation waits until the test lets it go (the cached step runs freely)."""
    from ui.pages.dashboard import figures as dashboard

    gate = threading.Event()
    original = dashboard.load_figures

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(dashboard, "load_figures", slow)
    return gate


def new_page(qtbot, context):  # type: ignore[no-untyped-def]
    from ui.pages.dashboard import DashboardPage

    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    page.page_shown()
    return page


def values(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {key: tile.value() for key, tile in page.tiles.items()}


def test_cached_figures_paint_first_then_the_fresh_ones(
    qtbot, make_context, station_with_records, wait_ops, held
):  # type: ignore[no-untyped-def]
    context = make_context(station_with_records)
    held.set()
    first = new_page(qtbot, context)  # no cache yet: computes and keeps the figures
    wait_ops()
    final = values(first)
    assert "…" not in final.values() and first.stats is not None
    first.close()

    held.clear()
    page = new_page(qtbot, context)
    qtbot.waitUntil(lambda: page.cached is not None, timeout=10_000)
    assert values(page) == final  # every tile has its value before the figures are computed
    assert page.message.isVisible() and page.message.text() == "正在更新…"
    assert page.is_busy() and page.stats is None  # the drill-downs come with the fresh figures
    assert len(page.chart.bars()) == len(first.towns)
    page.grab().save(str(station_with_records.with_name("dashboard-cached.png")))
    held.set()
    wait_ops()
    assert not page.is_busy() and not page.message.isVisible()
    assert page.stats is not None and values(page) == final


def test_after_a_write_the_old_figures_are_not_shown(
    qtbot, make_context, station_with_records, wait_ops, held, monkeypatch
):  # type: ignore[no-untyped-def]
    from ui.pages.dashboard import figures as dashboard

    looked: list[object] = []  # what each cached step found
    original = dashboard.load_cached
    monkeypatch.setattr(dashboard, "load_cached", lambda *a: looked.append(original(*a)) or looked[-1])
    context = make_context(station_with_records)
    held.set()
    page = new_page(qtbot, context)
    wait_ops()
    assert page.tiles["supervision"].value() != "…"
    held.clear()
    with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
        set_setting(uow, key="daily_threshold_pct", value=80)
    page.refresh()
    qtbot.waitUntil(lambda: len(looked) == 2, timeout=10_000)  # the cached step has had its turn
    qtbot.wait(50)  # and its (empty) result delivered
    assert looked[1] is None  # the figures kept before the write are not the database's any more
    assert page.cached is None and page.tiles["daily"].value() == "…" and not page.message.isVisible()
    held.set()
    wait_ops()
    assert page.tiles["daily"].value() != "…" and page.stats is not None


def test_a_new_dashboard_shows_the_cached_figures_before_its_first_paint(
    qtbot, make_context, station_with_records, wait_ops, held, monkeypatch
):  # type: ignore[no-untyped-def]
    """The window opens with a value in every tile (issue 14): the cache is read as the page is made,
    before anything is shown or any worker runs, and the refresh then computes only the fresh figures."""
    from ui.pages.dashboard import DashboardPage
    from ui.pages.dashboard import figures as dashboard

    context = make_context(station_with_records)
    held.set()
    first = new_page(qtbot, context)
    wait_ops()
    final = values(first)
    first.close()

    looked: list[object] = []
    original = dashboard.load_cached
    monkeypatch.setattr(dashboard, "load_cached", lambda *a: looked.append(original(*a)) or looked[-1])
    held.clear()
    page = DashboardPage(context)  # made, not shown: nothing has painted, no worker has started
    qtbot.addWidget(page)
    assert page.cached is not None and values(page) == final and len(looked) == 1
    assert page.message.text() == "正在更新…"
    page.resize(1200, 900)
    page.show()
    page.page_shown()  # the refresh: the tiles keep their values, the cache is not read again
    assert values(page) == final and page.cached is not None and page.is_busy()
    page.grab().save(str(station_with_records.with_name("dashboard-primed.png")))
    held.set()
    wait_ops()
    assert len(looked) == 1 and page.stats is not None and values(page) == final
    assert not page.message.isVisible()


def test_a_new_dashboard_after_a_write_starts_without_the_cached_figures(
    qtbot, make_context, station_with_records, wait_ops, held
):  # type: ignore[no-untyped-def]
    from ui.pages.dashboard import DashboardPage

    context = make_context(station_with_records)
    held.set()
    first = new_page(qtbot, context)
    wait_ops()
    first.close()
    with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
        set_setting(uow, key="daily_threshold_pct", value=80)
    held.clear()
    page = DashboardPage(context)
    qtbot.addWidget(page)
    assert page.cached is None and page.tiles["daily"].value() in ("…", "")
    assert not page.message.isVisible()
    held.set()
