"""What every msfood PDF shares: A4 pages with a header and footer, "第 N 页 共 M 页" (a two-pass canvas),
styles in the embedded CJK font, tables that wrap long text and split across pages with the header row
repeated, and a build that reports progress and can be cancelled.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, LongTable, PageTemplate, Paragraph, TableStyle

from msfood.errors import Cancelled
from msfood.i18n import t
from msfood.progress import Progress
from msfood.reports.format import show
from msfood.reports.model import ROW_CHUNK, Column, ReportTable
from msfood.reports.wrap import text_width, wrap_text

PAGE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X
CELL_SIZE = 8.5
CELL_PAD = 3.0
CELL_LEADING = 10.5
GRID = colors.HexColor("#8c8c8c")
HEAD_FILL = colors.HexColor("#e4e8ee")
TOTAL_FILL = colors.HexColor("#f0f0f0")
GREY_TEXT = colors.HexColor("#555555")


@dataclass(frozen=True)
class Styles:
    font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle


def make_styles(font: str) -> Styles:
    def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)

    return Styles(
        font=font,
        title=style("title", 18, 26, alignment=TA_CENTER, spaceAfter=6),
        subtitle=style("subtitle", 10.5, 15, alignment=TA_CENTER),
        h1=style("h1", 14, 20, spaceBefore=12, spaceAfter=6, keepWithNext=1),
        h2=style("h2", 11, 16, spaceBefore=9, spaceAfter=3, keepWithNext=1),
        body=style("body", 10.5, 17, firstLineIndent=21),
        note=style("note", 8, 11, textColor=GREY_TEXT, spaceAfter=3, keepWithNext=1),
        cell=style("cell", CELL_SIZE, 11),
        head=style("head", CELL_SIZE, 11, alignment=TA_CENTER),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def column_widths(table: ReportTable, width: float, count: int, font: str) -> list[float]:
    """Shares of `width` by the columns' weights, except that numbers and dates (never wrapped) get
    at least the width of their widest value; the text columns give up the difference."""
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
    if not need:
        return base
    flexible = [i for i in range(len(columns)) if i not in need]
    spare = width - sum(need.values())
    flex_total = sum(base[i] for i in flexible)
    if not flexible or spare <= 0 or flex_total <= 0:
        return base
    return [need[i] if i in need else base[i] * spare / flex_total for i in range(len(columns))]


def _cell(value: object, width: float, column: Column, font: str) -> str:
    """The cell's text, broken into lines that fit the column (numbers and codes never wrap)."""
    text = show(value)
    if column.numeric or column.nowrap:
        return text
    return "\n".join(wrap_text(text, font, CELL_SIZE, width - 2 * CELL_PAD))


def table_flowables(
    table: ReportTable, styles: Styles, *, width: float = FRAME_WIDTH, chunk: int = ROW_CHUNK
) -> list[Flowable]:
    """The table as LongTables of at most `chunk` rows, each repeating the header row when it splits.
    Cells are plain (pre-wrapped) strings: far cheaper to lay out than Paragraphs."""
    count = table.pdf_columns or len(table.columns)
    columns = table.columns[:count]
    widths = column_widths(table, width, count, styles.font)
    font = styles.font
    header = ["\n".join(wrap_text(c.label, font, CELL_SIZE, w - 2 * CELL_PAD)) for c, w in zip(columns, widths)]
    body = list(table.rows)
    if not body and table.empty:
        return [para(table.empty, styles.note)]
    base: list[tuple[Any, ...]] = [
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
    base += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i, c in enumerate(columns) if c.numeric]
    parts: list[Flowable] = []
    for start in range(0, max(len(body), 1), chunk):
        rows = body[start : start + chunk]
        data: list[list[object]] = [header]
        data += [[_cell(v, w, c, font) for v, w, c in zip(row, widths, columns)] for row in rows]
        commands = list(base)
        if start + chunk >= len(body) and table.total is not None:
            data.append([_cell(v, w, c, font) for v, w, c in zip(table.total, widths, columns)])
            commands.append(("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL))
        parts.append(LongTable(data, colWidths=widths, repeatRows=1, style=TableStyle(commands), hAlign="LEFT"))
    return parts


@dataclass(frozen=True)
class PageDecor:
    """What every page shows besides the story."""

    font: str
    header: str  # top line from page 2 on
    footer: str  # bottom left: time, version, fingerprint
    page_of: Callable[[int, int], str]  # "第 N 页 共 M 页"
    header_on_first: bool = False


def numbered_canvas(decor: PageDecor) -> type[Canvas]:
    """A canvas that holds every page until the end, then stamps "page N of M" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = decor.font  # else an unembedded Helvetica is listed in the PDF
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(decor.font, 8)
                self.setFillColor(GREY_TEXT)
                self.drawRightString(PAGE[0] - MARGIN_X, MARGIN_BOTTOM - 9 * mm, decor.page_of(self._pageNumber, total))
                super().showPage()
            super().save()

    return NumberedCanvas


def _decorate(decor: PageDecor) -> Callable[[Canvas, BaseDocTemplate], None]:
    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(decor.font, 8)
        canvas.setFillColor(GREY_TEXT)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.4)
        if doc.page > 1 or decor.header_on_first:
            top = PAGE[1] - MARGIN_TOP + 5 * mm
            canvas.drawString(MARGIN_X, top, decor.header)
            canvas.line(MARGIN_X, top - 2.5 * mm, PAGE[0] - MARGIN_X, top - 2.5 * mm)
        bottom = MARGIN_BOTTOM - 9 * mm
        canvas.line(MARGIN_X, bottom + 4 * mm, PAGE[0] - MARGIN_X, bottom + 4 * mm)
        canvas.drawString(MARGIN_X, bottom, decor.footer)
        canvas.restoreState()

    return on_page


class _Cancel(Exception):
    pass


def build_pdf(
    path: Path, story: Sequence[Flowable], decor: PageDecor, *, title: str, author: str, subject: str = ""
) -> Generator[Progress, None, None]:
    """Lay the story out into `path`, yielding progress; closing the generator cancels the layout.

    reportlab's build runs in a helper thread so the caller keeps getting Progress between flowables.
    """
    doc = BaseDocTemplate(
        str(path), pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, initialFontName=decor.font, title=title, author=author, subject=subject, creator="msfood",
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", frames=[frame], onPage=_decorate(decor))])
    flowables = list(story)
    total = len(flowables)
    state = {"done": 0, "pages": 0}
    stop = threading.Event()
    failure: list[BaseException] = []

    def progress(kind: str, value: int) -> None:
        if stop.is_set():
            raise _Cancel
        if kind == "PROGRESS":
            state["done"] = value
        elif kind == "PAGE":
            state["pages"] = value

    doc.setProgressCallBack(progress)

    def run() -> None:
        try:
            doc.build(flowables, canvasmaker=numbered_canvas(decor))
        except BaseException as exc:  # handed over to the generator's thread
            failure.append(exc)

    worker = threading.Thread(target=run, name="msfood-pdf", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.2)
            yield Progress(state["done"], total, t("report.progress_pages", pages=state["pages"]))
    finally:
        if worker.is_alive():  # the generator was closed: stop the layout at the next flowable
            stop.set()
            worker.join()
    if failure:
        if isinstance(failure[0], _Cancel):
            raise Cancelled()
        raise failure[0]
