"""Reports built from msfood.metrics: the completion report (PDF with reportlab, XLSX with openpyxl),
the 督导任务单, the 整改通知书, the 督导提醒 and the 通报. Qt-free; the long ones are generators yielding
msfood.core.progress.Progress and returning the path written (drain them in scripts, run them in a worker in
the app).

    from msfood.reports import write_report
    path = drain(write_report(session, actor=actor, period="2026Q4", out=Path("q4.pdf")))

Every figure comes from msfood.metrics.compute_stats; percentages are rounded half-up to one decimal
(msfood.reports.document.format.percent). `completion_chart` returns the 督导完成率 bar chart as a reportlab
Drawing, which the app may render to SVG. The body font follows the `report_font` setting ("sans": the
bundled WenQuanYi Micro Hei; "song": AR PL UMing when installed, else the sans with a note).
"""

from msfood.core.lazy import lazy_attributes

# Loaded when first used: opening the Reports page must not load reportlab and openpyxl.
_LAZY = {
    "completion_chart": "msfood.reports.pdf.chart",
    "KINDS": "msfood.reports.completion.content",
    "build_content": "msfood.reports.completion.content",
    "FONT_SETTING": "msfood.reports.pdf.fonts",
    "FontChoice": "msfood.reports.pdf.fonts",
    "resolve_font": "msfood.reports.pdf.fonts",
    "percent": "msfood.reports.document.format",
    "percent_decimal": "msfood.reports.document.format",
    "body_font": "msfood.reports.writers.documents",
    "write_notice": "msfood.reports.writers.documents",
    "write_bulletin": "msfood.reports.writers.circulars",
    "write_reminders": "msfood.reports.writers.circulars",
    "write_report": "msfood.reports.writers.documents",
    "write_tasks": "msfood.reports.writers.documents",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
