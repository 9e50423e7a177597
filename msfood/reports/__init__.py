"""Reports built from msfood.metrics: the completion report (PDF with reportlab, XLSX with openpyxl),
the 督导任务单 and the 整改通知书. Qt-free; the long ones are generators yielding msfood.progress.Progress
and returning the path written (drain them in scripts, run them in a worker in the app).

    from msfood.reports import write_report
    path = drain(write_report(session, actor=actor, period="2026Q4", out=Path("q4.pdf")))

Every figure comes from msfood.metrics.compute_stats; percentages are rounded half-up to one decimal
(msfood.reports.format.percent). `completion_chart` returns the 督导完成率 bar chart as a reportlab
Drawing, which the app may render to SVG. The body font follows the `report_font` setting ("sans": the
bundled WenQuanYi Micro Hei; "song": AR PL UMing when installed, else the sans with a note).
"""

from msfood.reports.chart import completion_chart
from msfood.reports.content import KINDS, build_content
from msfood.reports.fonts import FONT_SETTING, FontChoice, resolve_font
from msfood.reports.format import percent, percent_decimal
from msfood.reports.service import body_font, write_notice, write_report, write_tasks

__all__ = [
    "FONT_SETTING",
    "KINDS",
    "FontChoice",
    "body_font",
    "build_content",
    "completion_chart",
    "percent",
    "percent_decimal",
    "resolve_font",
    "write_notice",
    "write_report",
    "write_tasks",
]
