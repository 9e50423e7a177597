"""What every msfood PDF shares: A4 pages with a header and footer, "第 N 页 共 M 页" (a two-pass canvas),
styles in the embedded CJK font, and a build that reports progress and can be cancelled. Tables are in
tables.py.
"""

from __future__ import annotations

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
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from msfood.core.errors import Cancelled
from msfood.core.progress import Progress
from msfood.i18n import t

PAGE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X
CELL_SIZE = 8.5
CELL_PAD = 3.0
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
    from msfood.reports.pdf.fonts import fallback_markup, lacks

    if lacks(text, style.fontName):  # a rare character (䶮, 𠮷): set in a fallback face, never dropped
        return Paragraph(fallback_markup(text, style.fontName), style)
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


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
