"""The 指标口径 appendix of the PDF completion report: a new page, the basis legend, then per group a
table of figure, definition and basis."""

from __future__ import annotations

from itertools import groupby

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table, TableStyle

from msfood.i18n import t
from msfood.reports.model import ReportContent
from msfood.reports.pdf_base import FRAME_WIDTH, GRID, HEAD_FILL, Styles, para

WIDTHS = (0.17, 0.61, 0.22)


def appendix_flowables(content: ReportContent, styles: Styles) -> list[Flowable]:
    if not content.appendix:
        return []
    lang = content.lang
    story: list[Flowable] = [
        PageBreak(),
        para(t("method.appendix_title", lang), styles.h1),
        para(t("method.intro", lang), styles.note),
    ]
    head = [para(t(f"method.col_{c}", lang), styles.head) for c in ("figure", "definition", "basis")]
    for group, rows in groupby(content.appendix, key=lambda r: r.group):
        body = [[para(r.figure, styles.cell), para(r.definition, styles.cell), para(r.basis, styles.cell)]
                for r in rows]  # fmt: skip
        table = Table([head, *body], colWidths=[FRAME_WIDTH * w for w in WIDTHS], repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), styles.font, 8.5),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TEXTCOLOR", (2, 1), (2, -1), colors.HexColor("#333333")),
        ]))  # fmt: skip
        story.append(KeepTogether([para(group, styles.h2), table]) if len(body) <= 3 else para(group, styles.h2))
        if len(body) > 3:
            story.append(table)
    return story
