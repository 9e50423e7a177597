"""The completion report as a PDF: title block, headline figures, then each section's tables and chart."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from msfood.core.progress import Progress
from msfood.i18n import t
from msfood.reports.appendix.pdf import appendix_flowables
from msfood.reports.document.model import Headline, ReportContent
from msfood.reports.pdf.chart import completion_chart
from msfood.reports.pdf.pages import FRAME_WIDTH, GRID, PageDecor, Styles, build_pdf, make_styles, para
from msfood.reports.pdf.tables import table_flowables

ZH_ORDINALS = "一二三四五六七八九十"
HEADLINE_COLUMNS = 3
LONG_TABLE_START = 150  # points: headings plus a few rows


def ordinal(i: int, lang: str | None, *, paren: bool = False) -> str:
    """一、 / （一） in Chinese; 1. / (a) in English."""
    if lang and lang.lower().startswith("en"):
        return f"({'abcdefghij'[i]}) " if paren else f"{i + 1}. "
    word = ZH_ORDINALS[i] if i < len(ZH_ORDINALS) else str(i + 1)
    return f"（{word}）" if paren else f"{word}、"


def info_block(content: ReportContent, styles: Styles) -> Flowable:
    rows = [[para(label, styles.cell), para(value, styles.cell)] for label, value in content.info_rows()]
    table = Table(rows, colWidths=[FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.8], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.font, 8.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#d0d0d0")),
        ("TEXTCOLOR", (0, 0), (0, -1), colors.HexColor("#555555")),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def headline_grid(items: tuple[Headline, ...], styles: Styles) -> Flowable:
    from reportlab.lib.styles import ParagraphStyle

    value_style = ParagraphStyle("hv", parent=styles.cell, fontSize=16, leading=20)
    detail_style = ParagraphStyle("hd", parent=styles.cell, fontSize=7.5, leading=10, textColor=colors.HexColor("#555555"))
    cells = [[para(h.label, styles.cell), para(h.value, value_style), para(h.detail, detail_style)] for h in items]
    while len(cells) % HEADLINE_COLUMNS:
        cells.append([])
    rows = [cells[i : i + HEADLINE_COLUMNS] for i in range(0, len(cells), HEADLINE_COLUMNS)]
    table = Table(rows, colWidths=[FRAME_WIDTH / HEADLINE_COLUMNS] * HEADLINE_COLUMNS, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.font, 8.5),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return table


def report_story(content: ReportContent, styles: Styles) -> list[Flowable]:
    lang = content.lang
    story: list[Flowable] = [
        para(content.unit_name, styles.subtitle),
        para(content.title, styles.title),
        para(t("report.subtitle", lang, region=content.region_label, period=content.period_label,
               as_of=content.as_of.isoformat()), styles.subtitle),
        Spacer(1, 8),
        info_block(content, styles),
    ]
    if content.headline:
        story += [para(t("report.headline", lang), styles.h1), headline_grid(content.headline, styles)]
    for i, section in enumerate(content.sections):
        story.append(CondPageBreak(160))
        pending: list[Flowable] = [para(ordinal(i, lang) + section.title, styles.h1)]  # kept with what follows
        numbered = 0
        for table in section.tables:
            if not table.pdf:
                continue
            lead = [*pending, para(ordinal(numbered, lang, paren=True) + table.title, styles.h2)]
            pending = []
            numbered += 1
            if table.note:
                lead.append(para(table.note, styles.note))
            parts = table_flowables(table, styles)
            if len(table.rows) <= 25:  # a short table moves to the next page whole, with its heading
                story += [KeepTogether([*lead, parts[0]]), *parts[1:]]
            else:  # a long one starts at once if its headings and a few rows fit, else on the next page
                for flowable in lead:
                    flowable.keepWithNext = 0  # keepWithNext would move the whole list to a new page
                story += [CondPageBreak(LONG_TABLE_START), *lead, *parts]
            if section.chart is not None and table.key == section.chart_after:
                chart = section.chart
                drawing = completion_chart(chart.bars, width=FRAME_WIDTH, font=styles.font,
                                           empty_text=t("report.chart_empty", lang), reference=chart.reference)
                block = [para(ordinal(numbered, lang, paren=True) + chart.title, styles.h2)]
                numbered += 1
                if chart.note:
                    block.append(para(chart.note, styles.note))
                story.append(KeepTogether([*block, drawing]))
        story += pending
    story.append(Spacer(1, 14))
    story.append(para(t("report.end_note", lang), styles.note))
    return story + appendix_flowables(content, styles)


def report_decor(content: ReportContent, font: str) -> PageDecor:
    lang = content.lang
    return PageDecor(
        font=font,
        header=f"{content.unit_name} · {content.title} · {content.period_label}",
        footer=t("report.footer", lang, made_at=content.made_at.strftime("%Y-%m-%d %H:%M"),
                 version=content.version, fingerprint=content.fingerprint),
        page_of=lambda n, m: t("report.page_of", lang, n=n, m=m),
    )


def render_pdf(content: ReportContent, path: Path, font: str) -> Generator[Progress, None, None]:
    styles = make_styles(font)
    story = report_story(content, styles)
    yield from build_pdf(path, story, report_decor(content, font), title=content.title,
                         author=content.unit_name, subject=content.period_label)
