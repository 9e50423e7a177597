"""Opening the business list on 100,000 businesses reads one page of rows, not the table.

Rows are counted where they leave SQLite (a row factory on every connection), statements where
SQLAlchemy sends them; the count runs as COUNT(*) and brings back one row.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from msfood.db.engine import open_database
from tests.big_data import add_businesses

BUSINESSES = 100_000


@pytest.fixture(scope="module")
def big_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "city.sqlite"
    shutil.copyfile(template_db, path)
    database = open_database(path)
    add_businesses(database, BUSINESSES)
    database.close()
    return path


@pytest.fixture
def big_db(big_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "city.sqlite"
    shutil.copyfile(big_template, path)
    return path


class Meter:
    """Counts the rows SQLite hands to Python and the SELECTs sent, on every new connection."""

    def __init__(self, *engines: Any) -> None:
        self.rows = 0
        self.selects: list[tuple[str, tuple[Any, ...]]] = []
        for engine in engines:
            engine.dispose()  # connections made from now on carry the counter
            event.listen(engine, "connect", self._on_connect)
            event.listen(engine, "before_cursor_execute", self._on_execute)

    def _on_connect(self, dbapi_connection: Any, _record: Any) -> None:
        def count(_cursor: Any, row: tuple[Any, ...]) -> tuple[Any, ...]:
            self.rows += 1
            return row

        dbapi_connection.row_factory = count

    def _on_execute(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                    _many: bool) -> None:  # fmt: skip
        if statement.lstrip().upper().startswith("SELECT") or statement.lstrip().upper().startswith("WITH"):
            self.selects.append((statement, tuple(parameters or ())))

    def reset(self) -> None:
        self.rows = 0
        self.selects.clear()


def business_selects(meter: Meter) -> list[tuple[str, tuple[Any, ...]]]:
    return [(s, p) for s, p in meter.selects if re.search(r"FROM businesses\b", s)]


@pytest.mark.slow
def test_opening_the_business_list_reads_one_page(
    qtbot: Any, make_context: Any, big_db: Any, wait_ops: Any
) -> None:
    from msfood.services.queries.lists import read_sessions

    context = make_context(big_db)
    # The lists read through the database's reader sessions: the same engine (and pool) as the writers.
    assert read_sessions(context.database).kw["bind"].pool is context.database.engine.pool
    meter = Meter(context.database.engine)
    from ui.pages.roster.businesses import BusinessesPage

    page = BusinessesPage(context)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    assert page.count_label.text() == f"共 {BUSINESSES} 条"
    assert page.model.rowCount() == page.model.page_size == 100
    assert 101 <= meter.rows < 300, meter.rows  # one page (101 rows), the count (1), the regions (1)
    pages = [(s, p) for s, p in business_selects(meter) if "count(*)" not in s]
    counts = [(s, p) for s, p in business_selects(meter) if "count(*)" in s]
    assert len(pages) == 1 and len(counts) == 1
    statement, parameters = pages[0]
    assert statement.rstrip().endswith("LIMIT ? OFFSET ?") and parameters[-2:] == (101, 0)

    meter.reset()  # scrolling down reads the next page, from the last key on
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 200)
    assert meter.rows <= 101

    meter.reset()  # Ctrl+End jumps to the last page with the reverse query: one page again
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert not page.model.has_after and page.model.has_before
    assert page.model.rowCount() == 100 and meter.rows <= 101
    (statement, _parameters), = [(s, p) for s, p in business_selects(meter) if "count(*)" not in s]
    assert "DESC" in statement

    meter.reset()  # searching by pinyin initials: one page and one count
    qtbot.keyClicks(page.search, "hdl")
    qtbot.waitUntil(lambda: page.model.search == "hdl")
    wait_ops()
    assert 0 < page.model.rowCount() == page.total <= 100 and meter.rows < 200
    assert all("海底捞" in page.model.row(r).name or "hdl" in _initials(page.model.row(r).name)
               for r in range(page.model.rowCount()))


def _initials(name: str) -> str:
    from msfood.services.records.values import initials

    return initials(name)
