"""Report tables in the PDF: pre-wrapped plain-text cells, column widths that keep numbers, codes and
dates on one line, and a table that stays linear in time however long it is.

reportlab re-measures a whole Table each time it splits one across a page, so one table of 20,000
rows lays out in quadratic time. `RowsTable` knows every row's height beforehand (cells are plain text
of known line counts) and builds, for each page, a LongTable of exactly the rows that fit: each page
costs the same, and the header row repeats at the top of every page, never in the middle of one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, LongTable, TableStyle

from msfood.reports.document.format import show
from msfood.reports.document.model import Column, ReportTable
from msfood.reports.pdf.pages import (
    CELL_PAD,
    CELL_SIZE,
    FRAME_WIDTH,
    GRID,
    HEAD_FILL,
    TOTAL_FILL,
    Styles,
    para,
)
from msfood.reports.pdf.wrap import text_width, wrap_text

CELL_LEADING = 10.5
CELL_VPAD = 3.0  # reportlab's default top and bottom cell padding


_HEADER_BREAK = re.compile(r"(?<=\s)|(?<=[/、）)])|(?=[（(])")


def header_words(label: str) -> list[str]:
    """A header's words: it may break at spaces, after a slash or closing bracket, before an opening
    one, never inside a word (Chinese headers are short terms: 检测批次 stays whole)."""
    return [w for w in (part.strip() for part in _HEADER_BREAK.split(label)) if w]


def header_lines(label: str, font: str, width: float) -> str:
    """The header broken into lines between words only (a word wider than the column stays whole)."""
    lines: list[str] = []
    for word in header_words(label):
        if lines:
            joined = lines[-1] + (" " if lines[-1][-1:].isascii() and word[:1].isascii() else "") + word
            if text_width(joined, font, CELL_SIZE) <= width:
                lines[-1] = joined
                continue
        lines.append(word)
    return "\n".join(lines)


def column_widths(table: ReportTable, width: float, count: int, font: str) -> list[float]:
    """Shares of `width` by the columns' weights, except that numbers, codes and dates (never wrapped)
    get at least the width of their widest value, and every column the width of its header's longest
    word; the text columns give up the difference."""
    columns = table.columns[:count]
    total = sum(c.weight for c in columns)
    base = [width * c.weight / total for c in columns]
    rows = list(table.rows)
    sample = rows[:200] + rows[200:][-200:] + ([table.total] if table.total else [])
    need: dict[int, float] = {}
    for i, column in enumerate(columns):
        word = max((text_width(w, font, CELL_SIZE) for w in header_words(column.label)), default=0.0)
        if word + 2 * CELL_PAD + 1 > base[i]:
            need[i] = word + 2 * CELL_PAD + 1
    for i, column in enumerate(columns):
        values = [row[i] for row in sample]
        if not (column.numeric or column.nowrap or any(isinstance(v, dt.date) for v in values)):
            continue
        widest = max((text_width(show(v), font, CELL_SIZE) for v in values), default=0.0) + 2 * CELL_PAD + 1
        if widest > max(base[i], need.get(i, 0.0)):
            need[i] = widest
    flexible = [i for i in range(len(columns)) if i not in need]
    spare = width - sum(need.values())
    flex_total = sum(base[i] for i in flexible)
    if not need or not flexible or spare <= 0 or flex_total <= 0:
        return base
    return [need[i] if i in need else base[i] * spare / flex_total for i in range(len(columns))]


def cell_text(value: object, width: float, column: Column, font: str) -> str:
    """The cell's text, broken into lines that fit the column (numbers and codes never wrap)."""
    text = show(value)
    if column.numeric or column.nowrap:
        return text
    return "\n".join(wrap_text(text, font, CELL_SIZE, width - 2 * CELL_PAD))


class TableRows:
    """The pre-wrapped rows of one table and their heights (lines x leading + padding), measured once."""

    def __init__(self, header: list[str], rows: Sequence[list[str]], total: list[str] | None) -> None:
        self.header, self.rows, self.total = header, rows, total
        self.header_height = row_height(header)
        self.total_height = row_height(total) if total is not None else 0.0
        self.prefix = [0.0]  # prefix[i]: the height of rows[:i]
        for row in rows:
            self.prefix.append(self.prefix[-1] + row_height(row))


def row_height(row: Sequence[str]) -> float:
    return max((cell.count("\n") + 1 for cell in row), default=1) * CELL_LEADING + 2 * CELL_VPAD


class RowsTable(Flowable):
    """Rows [start:] of a table; split at a page end into a LongTable of exactly the rows that fit (the
    header on top) and the RowsTable of the rest. Row heights are known beforehand, so reportlab never
    measures or splits a Table, and each page costs the same however long the table is."""

    def __init__(self, data: TableRows, widths: list[float], commands: list[tuple[Any, ...]],
                 total_commands: Sequence[tuple[Any, ...]] = (), start: int = 0) -> None:
        super().__init__()
        self.data, self.widths, self.commands, self.total_commands = data, widths, commands, total_commands
        self.start = start
        self.hAlign = "LEFT"
        self._page: LongTable | None = None

    def _height(self, end: int, *, with_total: bool) -> float:
        d = self.data
        return d.header_height + d.prefix[end] - d.prefix[self.start] + (d.total_height if with_total else 0.0)

    def _table(self, end: int, *, with_total: bool) -> LongTable:
        d = self.data
        rows = [d.header, *d.rows[self.start : end]]
        heights = [d.header_height, *(d.prefix[i + 1] - d.prefix[i] for i in range(self.start, end))]
        commands = list(self.commands)
        if with_total and d.total is not None:
            rows.append(d.total)
            heights.append(d.total_height)
            commands += self.total_commands
        return LongTable(rows, colWidths=self.widths, rowHeights=heights, repeatRows=1,
                         style=TableStyle(commands), hAlign="LEFT")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        if self._page is None:  # a page part keeps the size it was cut to
            self.width = sum(self.widths)
            self.height = self._height(len(self.data.rows), with_total=True)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        d = self.data
        end = self.start
        while end < len(d.rows) and self._height(end + 1, with_total=False) <= availHeight:
            end += 1
        if end == self.start:  # not even one row fits: the frame moves on to the next page
            return []
        if end == len(d.rows):  # every row fits but the total does not: keep the last row with it
            end -= 1
            if end == self.start:
                return []
        page = RowsTable(d, self.widths, self.commands, self.total_commands, self.start)
        page._page = self._table(end, with_total=False)
        page._page.wrap(availWidth, availHeight)
        page.width, page.height = sum(self.widths), self._height(end, with_total=False)
        return [page, RowsTable(d, self.widths, self.commands, self.total_commands, end)]

    def draw(self) -> None:
        table = self._page or self._table(len(self.data.rows), with_total=True)
        if self._page is None:
            table.wrap(self.width, self.height)
        table.canv = self.canv
        table.draw()


def with_fallbacks(rows: list[list[str]], font: str) -> list[list[Any]]:
    """Rows whose cells hold a character the font lacks get that cell as a Paragraph setting it in a
    fallback face (the rare case: plain strings stay plain, fast to lay out). The height is unchanged:
    the text is already wrapped into lines, and the Paragraph keeps the table's leading."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from msfood.reports.pdf.fonts import fallback_markup, lacks

    style = None
    for row in rows:
        for i, cell in enumerate(row):
            if isinstance(cell, str) and lacks(cell, font):
                if style is None:
                    style = ParagraphStyle("fallback", fontName=font, fontSize=CELL_SIZE, leading=CELL_LEADING)
                row[i] = Paragraph(fallback_markup(cell, font), style)
    return rows


def table_flowables(table: ReportTable, styles: Styles, *, width: float = FRAME_WIDTH) -> list[Flowable]:
    """The table as one RowsTable (or its `empty` note when it has no rows)."""
    count = table.pdf_columns or len(table.columns)
    columns = table.columns[:count]
    widths = column_widths(table, width, count, styles.font)
    font = styles.font
    if not table.rows and table.empty:
        return [para(table.empty, styles.note)]
    header = [header_lines(c.label, font, w - 2 * CELL_PAD) for c, w in zip(columns, widths)]
    commands: list[tuple[Any, ...]] = [  # few commands: each is applied to every cell of every page
        ("FONT", (0, 0), (-1, -1), font, CELL_SIZE, CELL_LEADING),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    commands += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i, c in enumerate(columns) if c.numeric]
    rows = [[cell_text(v, w, c, font) for v, w, c in zip(row, widths, columns)] for row in table.rows]
    total = None
    if table.total is not None:
        total = [cell_text(v, w, c, font) for v, w, c in zip(table.total, widths, columns)]
    data = TableRows(header, rows, total)  # heights from the wrapped text, then rare characters' faces
    with_fallbacks(rows, font)
    if total is not None:
        with_fallbacks([total], font)
    return [RowsTable(data, widths, commands, [("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL)])]
