"""The bar chart of 督导完成率 by region, as a reportlab Drawing.

The same Drawing goes into the PDF and can be rendered elsewhere, e.g. for the app's 报表 page:

    from reportlab.graphics import renderSVG
    svg = renderSVG.drawToString(completion_chart(content_chart.bars, width=480))

Bars show the rate rounded half-up to one decimal, exactly as the tables print it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from msfood.reports.document.format import percent_decimal
from msfood.reports.document.model import Bar

ROW = 15.0  # points per bar
LABEL_WIDTH = 120.0
BAR_COLOUR = colors.HexColor("#3b6ea8")
LOW_COLOUR = colors.HexColor("#c0504d")


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _drawing(width: float, height: float, font: str, size: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # else the renderers start in Times-Roman, listed unembedded in the PDF
    drawing.initialFontSize = size
    return drawing


def completion_chart(
    bars: Sequence[Bar],
    *,
    width: float = 480.0,
    font: str | None = None,
    font_size: float = 8.0,
    title: str = "",
    empty_text: str = "—",
    reference: float | None = None,
) -> Drawing:
    """A horizontal bar per region, in the given order top to bottom. `reference` (a rate, e.g. the
    overall one) is drawn as a dashed line and the bars below it in red. `font` must be registered
    with reportlab (default: the bundled sans)."""
    if font is None:
        from msfood.reports.pdf.fonts import sans_font

        font = sans_font().name
    title_height = 18.0 if title else 0.0
    if not bars:
        drawing = _drawing(width, 30 + title_height, font, font_size)
        drawing.add(String(width / 2, 10, empty_text, fontName=font, fontSize=font_size + 1, textAnchor="middle"))
        if title:
            drawing.add(String(width / 2, 30, title, fontName=font, fontSize=font_size + 2, textAnchor="middle"))
        return drawing
    plot_height = ROW * len(bars)
    bottom, top = 22.0, 8.0
    height = bottom + plot_height + top + title_height
    drawing = _drawing(width, height, font, font_size)
    chart = HorizontalBarChart()
    chart.x = LABEL_WIDTH + 6
    chart.y = bottom
    chart.width = width - chart.x - 44  # room for the value label of a full bar
    chart.height = plot_height
    ordered = list(reversed(bars))  # the chart draws the first category at the bottom
    values = [float(percent_decimal(b.rate) or 0) for b in ordered]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [_fit(b.label, font, font_size, LABEL_WIDTH) for b in ordered]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = font_size
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = colors.grey
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = font_size
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.valueAxis.strokeColor = colors.grey
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = BAR_COLOUR
    line_at = float(percent_decimal(reference)) if reference is not None else None
    if line_at is not None:
        for i, value in enumerate(values):
            if value < line_at:
                chart.bars[(0, i)].fillColor = LOW_COLOUR
    chart.barWidth = ROW * 0.6
    chart.groupSpacing = ROW * 0.4
    chart.barLabelFormat = lambda v: f"{v:.1f}%"  # v is already rounded half-up
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = font_size - 0.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabels.boxFillColor = colors.white
    if line_at is not None:  # under the chart: bars and their labels (on white) paint over it
        x = chart.x + chart.width * line_at / 100
        drawing.add(Line(x, chart.y - 2, x, chart.y + chart.height + 2, strokeColor=colors.black,
                         strokeWidth=0.8, strokeDashArray=[3, 2]))
    drawing.add(chart)
    if title:
        drawing.add(String(width / 2, height - 12, title, fontName=font, fontSize=font_size + 2, textAnchor="middle"))
    return drawing
