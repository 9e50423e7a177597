"""The 指标口径 appendix of the workbook completion report: one sheet, one row per figure, the
definition in the report's language and in the other one, wrapped."""

from __future__ import annotations

from collections.abc import Generator

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from msfood.core.progress import Progress
from msfood.i18n import t
from msfood.reports.appendix.methodology import RULE_BASES
from msfood.reports.document.model import ReportContent
from msfood.reports.xlsx.sheets import print_setup, sheet_name

COLUMNS = (("figure", 22), ("definition", 70), ("basis", 30), ("group", 16), ("english", 70))
WRAP = Alignment(wrap_text=True, vertical="top")


def write_appendix_sheet(
    wb: Workbook, content: ReportContent, taken: set[str]
) -> Generator[Progress, None, None]:
    if not content.appendix:
        return
    lang = content.lang
    ws = wb.create_sheet(sheet_name(t("method.title", lang), taken))
    print_setup(ws, title_rows="2:2")  # as every report sheet: landscape, fit to width, header repeated
    for i, (_key, width) in enumerate(COLUMNS):
        ws.column_dimensions["ABCDE"[i]].width = width
    ws.freeze_panes = "A3"
    title = WriteOnlyCell(ws, value=t("method.title", lang))
    title.font = Font(bold=True, size=14)
    intro = WriteOnlyCell(ws, value=t("method.intro", lang))
    intro.alignment = WRAP
    ws.row_dimensions[1].height = 105
    ws.append([title, intro])
    header = []
    for key, _width in COLUMNS:
        cell = WriteOnlyCell(ws, value=t(f"method.col_{key}", lang))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E4E8EE")
        header.append(cell)
    ws.append(header)
    for row in content.appendix:
        cells = []
        for value in (row.figure, row.definition, row.basis, row.group, row.other_language):
            cell = WriteOnlyCell(ws, value=value)
            cell.alignment = WRAP
            cells.append(cell)
        ws.append(cells)
    ws.append([])
    bold = WriteOnlyCell(ws, value=t("method.rule_bases", lang))
    bold.font = Font(bold=True)
    ws.append([bold])
    head = []
    for key in ("rule", "rule_source", "basis"):
        cell = WriteOnlyCell(ws, value=t(f"method.col_{key}", lang))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E4E8EE")
        head.append(cell)
    ws.append(head)
    for rule in RULE_BASES:
        cells = []
        for value in (rule.get("rule", lang), rule.get("source", lang), rule.basis_label(lang)):
            cell = WriteOnlyCell(ws, value=value)
            cell.alignment = WRAP
            cells.append(cell)
        ws.append(cells)
    yield Progress(len(content.appendix), len(content.appendix), t("method.title", lang))
