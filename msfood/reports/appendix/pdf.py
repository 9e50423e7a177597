"""The 指标口径 appendix of the PDF completion report: a new page, the basis legend, then per group a
table of figure, definition and basis."""

from __future__ import annotations

from itertools import groupby

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table, TableStyle

from msfood.i18n import t
from msfood.reports.appendix.methodology import RULE_BASES
from msfood.reports.document.model import ReportContent
from msfood.reports.pdf.pages import FRAME_WIDTH, GRID, HEAD_FILL, Styles, para

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
    bases_head = [para(t(f"method.col_{c}", lang), styles.head) for c in ("rule", "basis", "rule_source")]
    bases = [[para(r.get("rule", lang), styles.cell), para(r.basis_label(lang), styles.cell),
              para(r.get("source", lang), styles.cell)] for r in RULE_BASES]  # fmt: skip
    story += [
        para(t("method.rule_bases", lang), styles.h2),
        _grid([bases_head, *bases], (0.5, 0.14, 0.36), styles),
    ]
    head = [para(t(f"method.col_{c}", lang), styles.head) for c in ("figure", "definition", "basis")]
    for group, rows in groupby(content.appendix, key=lambda r: r.group):
        body = [[para(r.figure, styles.cell), para(r.definition, styles.cell), para(r.basis, styles.cell)]
                for r in rows]  # fmt: skip
        table = _grid([head, *body], WIDTHS, styles)
        story.append(
            KeepTogether([para(group, styles.h2), table]) if len(body) <= 3 else para(group, styles.h2)
        )
        if len(body) > 3:
            story.append(table)
    return story


def _grid(rows: list[list[Flowable]], widths: tuple[float, ...], styles: Styles) -> Table:
    table = Table(rows, colWidths=[FRAME_WIDTH * w for w in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.font, 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TEXTCOLOR", (1, 1), (-1, -1), colors.HexColor("#333333")),
    ]))  # fmt: skip
    return table
