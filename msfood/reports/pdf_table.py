"""Report tables in the PDF: pre-wrapped plain-text cells, column widths that keep numbers, codes and
dates on one line, and a table that stays linear in time however long it is.

reportlab re-measures a whole Table each time it splits one across a page, so one table of 20,000
rows lays out in quadratic time. `RowsTable` holds all the rows but only ever builds a LongTable of the
next WINDOW rows: each page costs the same, and the header row repeats at the top of every page, never
in the middle of one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, LongTable, TableStyle

from msfood.reports.format import show
from msfood.reports.model import Column, ReportTable
from msfood.reports.pdf_base import CELL_PAD, CELL_SIZE, FRAME_WIDTH, GRID, HEAD_FILL, TOTAL_FILL, Styles, para
from msfood.reports.wrap import text_width, wrap_text

CELL_LEADING = 10.5
WINDOW = 150  # rows built at a time: more than any page holds (a row is at least ~16 pt high)


def column_widths(table: ReportTable, width: float, count: int, font: str) -> list[float]:
    """Shares of `width` by the columns' weights, except that numbers, codes and dates (never wrapped)
    get at least the width of their widest value; the text columns give up the difference."""
    columns = table.columns[:count]
    total = sum(c.weight for c in columns)
    base = [width * c.weight / total for c in columns]
    rows = list(table.rows)
    sample = rows[:200] + rows[200:][-200:] + ([table.total] if table.total else [])
    need: dict[int, float] = {}
    for i, column in enumerate(columns):
        values = [row[i] for row in sample]
        if not (column.numeric or column.nowrap or any(isinstance(v, dt.date) for v in values)):
            continue
        widest = max((text_width(show(v), font, CELL_SIZE) for v in values), default=0.0) + 2 * CELL_PAD + 1
        if widest > base[i]:
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


class RowsTable(Flowable):
    """A long table laid out a window of rows at a time, the header repeated on every page."""

    def __init__(
        self,
        header: list[str],
        rows: Sequence[list[str]],
        widths: list[float],
        commands: list[tuple[Any, ...]],
        total: list[str] | None = None,
        total_commands: Sequence[tuple[Any, ...]] = (),
    ) -> None:
        super().__init__()
        self.header, self.rows, self.widths = header, rows, widths
        self.commands, self.total, self.total_commands = commands, total, total_commands
        self.hAlign = "LEFT"
        self._table: LongTable | None = None

    def _window(self) -> LongTable:
        if self._table is None:
            rows = list(self.rows[:WINDOW])
            commands = list(self.commands)
            data = [self.header, *rows]
            if len(self.rows) <= WINDOW and self.total is not None:
                data.append(self.total)
                commands += self.total_commands
            self._table = LongTable(data, colWidths=self.widths, repeatRows=1, style=TableStyle(commands),
                                    hAlign="LEFT")
        return self._table

    def _rest(self, start: int) -> RowsTable:
        return RowsTable(self.header, self.rows[start:], self.widths, self.commands, self.total,
                         self.total_commands)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        width, height = self._window().wrap(availWidth, availHeight)
        if len(self.rows) > WINDOW:  # more rows follow the window: it cannot fit, so the frame splits it
            height = max(height, availHeight + 1)
        self.width, self.height = width, height
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = self._window().split(availWidth, availHeight)
        if not parts:
            return []
        placed = len(parts[0]._cellvalues) - 1  # rows on this page, without the header
        if len(self.rows) <= WINDOW:
            return parts
        if placed >= len(self.rows[:WINDOW]):  # the whole window fitted (cannot happen with WINDOW rows)
            return [parts[0], self._rest(WINDOW)]
        return [parts[0], self._rest(placed)]

    def draw(self) -> None:
        table = self._window()
        table.canv = self.canv
        table.wrap(self.width, self.height)
        table.draw()


def table_flowables(table: ReportTable, styles: Styles, *, width: float = FRAME_WIDTH) -> list[Flowable]:
    """The table as one RowsTable (or its `empty` note when it has no rows)."""
    count = table.pdf_columns or len(table.columns)
    columns = table.columns[:count]
    widths = column_widths(table, width, count, styles.font)
    font = styles.font
    if not table.rows and table.empty:
        return [para(table.empty, styles.note)]
    header = ["\n".join(wrap_text(c.label, font, CELL_SIZE, w - 2 * CELL_PAD)) for c, w in zip(columns, widths)]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i, c in enumerate(columns) if c.numeric]
    rows = [[cell_text(v, w, c, font) for v, w, c in zip(row, widths, columns)] for row in table.rows]
    total = None
    if table.total is not None:
        total = [cell_text(v, w, c, font) for v, w, c in zip(table.total, widths, columns)]
    return [RowsTable(header, rows, widths, commands, total, [("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL)])]
