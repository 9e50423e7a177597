"""A table model over msfood.services.queries: keyset pages loaded on demand into a bounded window.

The model holds at most `max_pages` pages. Scrolling down calls fetchMore (the page after the last
key); once the window is full the first page is dropped (`rows_dropped_front`). Scrolling back to the
top calls `fetch_previous` (the page before the first key), dropping the last page. `jump_to_end`
loads the last page with the reverse query; `sort` re-queries with a new ORDER BY. So memory stays
bounded however far the user scrolls, and no query ever uses OFFSET (STYLE.md 5).

The scroll bar spans the window, not the table: LazyTableView keeps the view steady when rows are
dropped or added in front, and the page shows the whole count (queries.count) beside the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from msfood.services.queries import lists as queries
from msfood.services.queries.lists import Filters, Key, Sort
from ui.models.columns import Column
from ui.theme import readable

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value (date, int, code) of a cell
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the record's id
ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # the whole row (a frozen dataclass from queries)

Tone = Callable[[Any], str | None]  # a row -> "bad" / "warn" / None, e.g. an overdue case
TONES = {"bad": QColor("#b42318"), "warn": QColor("#b54708")}


@dataclass(frozen=True)
class _Span:
    first_key: Key
    last_key: Key
    size: int


class LazyTableModel(QAbstractTableModel):
    """Rows of one list kind; `sessions` is the database's session factory (each query opens one)."""

    rows_dropped_front = Signal(int)
    rows_added_front = Signal(int)
    query_changed = Signal()  # filters, search or sort changed: the page counts again

    def __init__(
        self,
        sessions: Callable[[], Any],
        kind: str,
        columns: tuple[Column, ...],
        *,
        filters: Filters | None = None,
        page_size: int = 100,
        max_pages: int = 5,
        tone: Tone | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        if max_pages < 2:
            raise ValueError("keep at least two pages")
        self._sessions = sessions
        self.kind = kind
        self.columns = columns
        self.page_size = page_size
        self.max_pages = max_pages
        self._tone = tone
        self._filters = filters or Filters()
        self._search = ""
        self._sort = queries.default_sort(kind)
        self._rows: list[Any] = []
        self._spans: list[_Span] = []
        self._has_before = False
        self._has_after = False
        self.queries_run = 0
        self._loading = False  # a page is being read: Qt asking for more meanwhile is ignored
        self._load_first()

    # --- what is shown ------------------------------------------------------------------------------

    @property
    def filters(self) -> Filters:
        return self._filters

    @property
    def search(self) -> str:
        return self._search

    @property
    def current_sort(self) -> Sort:
        return self._sort

    @property
    def has_before(self) -> bool:
        return self._has_before

    @property
    def has_after(self) -> bool:
        return self._has_after

    def row(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, record_id: str) -> int:
        """The row showing this record, or -1 when it is not in the window."""
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def sort_column(self) -> int:
        """The column the current sort belongs to (-1 when none shows it)."""
        return next((i for i, c in enumerate(self.columns) if c.sort == self._sort.column), -1)

    # --- changing the query -------------------------------------------------------------------------

    def set_query(self, *, filters: Filters | None = None, search: str | None = None) -> None:
        if filters is not None:
            self._filters = filters
        if search is not None:
            self._search = search
        self._reset(self._load_first)
        self.query_changed.emit()

    def set_filters(self, filters: Filters) -> None:
        self.set_query(filters=filters)

    def set_search(self, text: str) -> None:
        self.set_query(search=text)

    def set_sort(self, sort: Sort) -> None:
        self._sort = sort
        self._reset(self._load_first)
        self.query_changed.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in a new order (a column without a sort key leaves the order as it is)."""
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        wanted = Sort(self.columns[column].sort or "", order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:
            self.set_sort(wanted)

    def refresh(self) -> None:
        """Read the window again (records changed): same place, fresh rows. A window at the top of the
        list starts from the top again, so a new record sorted first shows up."""
        if not self._spans:
            self._reset(self._load_first)
            return
        start = self._spans[0].first_key if self._has_before else None
        wanted = len(self._rows)
        had_before = self._has_before
        self._reset(lambda: self._load_from(start, wanted, had_before))

    def jump_to_end(self) -> None:
        self._reset(lambda: self._load_page(at_end=True))

    def jump_to_start(self) -> None:
        self._reset(self._load_first)

    # --- loading ------------------------------------------------------------------------------------

    def _query(self, **where: Any) -> queries.Page:
        self.queries_run += 1
        with self._sessions() as session:
            return queries.page(
                session, self.kind, filters=self._filters, search=self._search, sort=self._sort,
                limit=self.page_size, **where,
            )  # fmt: skip

    def _reset(self, load: Callable[[], None]) -> None:
        self.beginResetModel()
        self._rows, self._spans = [], []
        self._has_before = self._has_after = False
        try:
            load()
        finally:
            self.endResetModel()

    def _take(self, page: queries.Page, *, front: bool = False) -> None:
        assert page.first_key is not None and page.last_key is not None
        span = _Span(page.first_key, page.last_key, len(page.rows))
        if front:
            self._spans.insert(0, span)
            self._rows[0:0] = page.rows
        else:
            self._spans.append(span)
            self._rows.extend(page.rows)

    def _load_page(self, **where: Any) -> None:
        page = self._query(**where)
        if page.rows:
            self._take(page)
        self._has_before, self._has_after = page.has_before, page.has_after

    def _load_first(self) -> None:
        self._load_page()

    def _load_from(self, start: Key | None, wanted: int, had_before: bool) -> None:
        page = self._query(start=start) if start is not None else self._query()
        if not page.rows:  # everything from there on is gone: show the end instead
            self._load_page(at_end=True)
            return
        self._take(page)
        self._has_before = had_before
        self._has_after = page.has_after
        while self._has_after and len(self._rows) < wanted and len(self._spans) < self.max_pages:
            page = self._query(after=self._spans[-1].last_key)
            if not page.rows:
                self._has_after = False
                break
            self._take(page)
            self._has_after = page.has_after

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 (Qt override)
        return not parent.isValid() and self._has_after and bool(self._spans) and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008 (Qt override)
        if not self.canFetchMore(parent):
            return
        self._loading = True
        try:
            page = self._query(after=self._spans[-1].last_key)
            if not page.rows:
                self._has_after = False
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._take(page)
            self._has_after = page.has_after
            self.endInsertRows()
            while len(self._spans) > self.max_pages:
                self._drop_front()
        finally:
            self._loading = False

    def fetch_previous(self) -> int:
        """Load the page before the window (the user scrolled to its top). Returns the rows added."""
        if not self._has_before or not self._spans or self._loading:
            return 0
        self._loading = True
        try:
            page = self._query(before=self._spans[0].first_key)
            if not page.rows:
                self._has_before = False
                return 0
            self.beginInsertRows(QModelIndex(), 0, len(page.rows) - 1)
            self._take(page, front=True)
            self._has_before = page.has_before
            self.endInsertRows()
            self.rows_added_front.emit(len(page.rows))
            while len(self._spans) > self.max_pages:
                self._drop_back()
            return len(page.rows)
        finally:
            self._loading = False

    def _drop_front(self) -> None:
        size = self._spans[0].size
        self.beginRemoveRows(QModelIndex(), 0, size - 1)
        del self._spans[0]
        del self._rows[:size]
        self._has_before = True
        self.endRemoveRows()
        self.rows_dropped_front.emit(size)

    def _drop_back(self) -> None:
        size = self._spans[-1].size
        first = len(self._rows) - size
        self.beginRemoveRows(QModelIndex(), first, len(self._rows) - 1)
        del self._spans[-1]
        del self._rows[first:]
        self._has_after = True
        self.endRemoveRows()

    # --- Qt's model interface -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = column.display(row)
            return text if len(text) > 12 else None
        if role == SORT_ROLE:
            return column.value(row)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._tone is not None:
            tone = self._tone(row)
            if tone not in TONES:
                return None
            base = QApplication.palette().color(QPalette.ColorRole.Base)
            return QBrush(readable(TONES[tone], base))  # red/amber that still read on a dark palette
        return None

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
