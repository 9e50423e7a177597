"""What every list offers: copy the selected rows, print with a preview, export to Excel (issue #17).

Pure helpers over a table's model (headers and display texts), a printable HTML table, and QActions
that carry their shortcuts so menus and tooltips show them. The lazy list pages export and print
through their query (every row of the view, not only the fetched window); the small drill-down tables
use the rows they hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QMarginsF, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPageLayout, QPageSize, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QWidget

from msfood.core.clock import CHINA
from msfood.i18n import t
from ui.i18n import is_english

PRINT_LIMIT = 2000  # rows: beyond this, a printout helps nobody; the note points at the Excel export

# The keys, by name (a QKeySequence needs the QGuiApplication: made when asked for)
KEYS: dict[str, QKeySequence.StandardKey | str] = {
    "copy": QKeySequence.StandardKey.Copy,
    "print": QKeySequence.StandardKey.Print,
    "export": "Ctrl+E",
    "refresh": "F5",
    "new": QKeySequence.StandardKey.New,
    "quick": "Ctrl+Shift+N",
    "help": "F1",
}


def keys(name: str) -> QKeySequence:
    return QKeySequence(KEYS[name])


def _lang() -> str | None:
    return "en" if is_english() else None


def with_shortcut(text: str, keys: QKeySequence) -> str:
    """A button's tooltip: 新增（Ctrl+N） / New (Ctrl+N)."""
    shown = keys.toString(QKeySequence.SequenceFormat.NativeText)
    if not shown:
        return text
    return f"{text} ({shown})" if is_english() else f"{text}（{shown}）"


def make_action(owner: QWidget, text: str, keys: QKeySequence | None, slot: Callable[[], Any], *,
                name: str = "", window_wide: bool = False) -> QAction:  # fmt: skip
    """An action on `owner` with its shortcut (shown in menus); active while the focus is in `owner`,
    or anywhere in its window when `window_wide`."""
    action = QAction(text, owner)
    if name:
        action.setObjectName(name)
    if keys is not None:
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut if window_wide
                                  else Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


def menu_entry(menu: Any, text: str, keys: QKeySequence, slot: Callable[[], Any]) -> QAction:
    """A context-menu entry that shows its key (the key itself belongs to the page or the window)."""
    action = QAction(text, menu)
    action.setShortcut(keys)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # only while the menu has the focus
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


# --- the rows a table shows ----------------------------------------------------------------------------


def headers_of(model: QAbstractItemModel) -> list[str]:
    return [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]


def row_texts(model: QAbstractItemModel, row: int) -> list[str]:
    return [str(model.index(row, c).data() or "") for c in range(model.columnCount())]


def visible_rows(model: QAbstractItemModel) -> list[list[str]]:
    return [row_texts(model, r) for r in range(model.rowCount())]


def selected_row_numbers(view: QAbstractItemView) -> list[int]:
    """The selected rows in view order (or the current one when nothing is selected)."""
    selection = view.selectionModel()
    rows = sorted({i.row() for i in selection.selectedRows()}) if selection is not None else []
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    return rows


def tsv(rows: Sequence[Sequence[str]]) -> str:
    """Tab-separated lines, as Excel and WPS paste them (tabs and line breaks inside cells become spaces)."""
    return "\n".join("\t".join(str(c).replace("\t", " ").replace("\r", " ").replace("\n", " ") for c in row)
                     for row in rows)  # fmt: skip


def copy_selected_rows(view: QAbstractItemView, *, with_headers: bool = False) -> str:
    """Put the selected rows on the clipboard as TSV; returns the text (empty when nothing is selected)."""
    model = view.model()
    rows = [row_texts(model, r) for r in selected_row_numbers(view)]
    if not rows:
        return ""
    text = tsv(([headers_of(model)] if with_headers else []) + rows)
    QGuiApplication.clipboard().setText(text)
    return text


# --- printing ------------------------------------------------------------------------------------------


def table_html(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], *, note: str = "",
               total: int | None = None) -> str:  # fmt: skip
    """A printable page: the title, a note (the period...), the table, and when it was printed."""
    lang = _lang()
    head = "".join(f"<th>{escape(str(h))}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(_cell_text(v))}</td>" for v in row) + "</tr>" for row in rows)
    parts = [f"<h2>{escape(title)}</h2>"]
    if note:
        parts.append(f"<p>{escape(note)}</p>")
    parts.append('<table border="1" cellspacing="0" cellpadding="3" width="100%">'
                 f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")  # fmt: skip
    if total is not None and total > len(rows):
        parts.append(f"<p><b>{escape(t('lists.print_more', lang, shown=len(rows), total=total))}</b></p>")
    printed = dt.datetime.now(CHINA).strftime("%Y-%m-%d %H:%M")
    # printing is on white paper whatever the screen's palette: fixed colours are right here
    parts.append(f'<p style="color:#666666">{escape(t("lists.printed_at", lang, at=printed))}</p>')
    return "<html><body>" + "".join(parts) + "</body></html>"


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(QGuiApplication.font())  # the app's font has the Chinese glyphs
    # white paper, not the screen's palette: the fixed header grey is right here
    doc.setDefaultStyleSheet("th { background-color: #eeeeee; } td, th { font-size: 9pt; }")
    doc.setHtml(html)
    return doc


def _landscape_a4(printer: Any) -> None:
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                         QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)  # fmt: skip
    printer.setPageLayout(layout)


def print_html_to_pdf(html: str, path: str) -> str:
    """The same page as the printer gets, into a PDF file (tests, and 打印到 PDF without a dialog)."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    _landscape_a4(printer)
    document(html).print_(printer)
    return path


def print_preview(parent: QWidget, html: str, title: str) -> Any:
    """The print preview (print from it, or choose 另存为 PDF in the printer list); returns the dialog."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _landscape_a4(printer)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(QCoreApplication.translate("TableActions", "打印预览 — {0}").format(title))
    doc = document(html)
    dialog.paintRequested.connect(doc.print_)
    # the dialog owns neither: keep both alive as long as it is
    dialog.kept = (doc, printer)  # type: ignore[attr-defined]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


# --- export --------------------------------------------------------------------------------------------


def ask_xlsx_path(parent: QWidget, title: str, settings: Any = None) -> str | None:
    """The file to export to: a save dialog starting in the folder lists were last exported to, else
    Documents; None when the user cancels."""
    from ui.dialogs.common import remember_chosen, start_path

    start = start_path(settings, "lists", f"{safe_file_name(title)}.xlsx")
    path, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("TableActions", "导出到 Excel"), start,
        QCoreApplication.translate("TableActions", "Excel 工作簿 (*.xlsx)"))  # fmt: skip
    if not path:
        return None
    remember_chosen(settings, "lists", path)
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


def safe_file_name(title: str) -> str:
    bad = '<>:"/\\|?*'
    return "".join("_" if c in bad or ord(c) < 32 else c for c in title).strip() or "export"
