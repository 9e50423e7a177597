"""报表: pick period, as-of date, region and kind; see the headline figures; write PDF or XLSX.

The figures are msfood.metrics.compute_stats' own, laid out by msfood.reports exactly as the report
prints them (with the data fingerprint the print carries). The file is written by the Qt-free
generators of msfood.reports in a worker, with a progress dialog that can cancel; the file appears
only when complete.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from msfood.reports.document.model import Headline
from msfood.services.queries import lists as queries
from ui.context import AppContext
from ui.pages.figure_tile import FigureTile
from ui.pages.reports.period import PeriodPicker
from ui.pages.reports.work import Figures, ReportRequest, Written, load_figures, write_file
from ui.theme import keep_style, muted_text_style, status_style
from ui.workers import Op, run_op

REPORT_KINDS = (
    ("all", QT_TRANSLATE_NOOP("ReportsPage", "全部（督导、自查、抽检快检）")),
    ("supervision", QT_TRANSLATE_NOOP("ReportsPage", "包保督导")),
    ("selfcheck", QT_TRANSLATE_NOOP("ReportsPage", "企业自查")),
    ("sampling", QT_TRANSLATE_NOOP("ReportsPage", "抽检快检")),
    ("tasks", QT_TRANSLATE_NOOP("ReportsPage", "督导任务单（每名干部本期应督导的主体）")),
)
FILE_STEMS = {
    "all": QT_TRANSLATE_NOOP("ReportsPage", "完成情况报表"),
    "supervision": QT_TRANSLATE_NOOP("ReportsPage", "督导完成情况报表"),
    "selfcheck": QT_TRANSLATE_NOOP("ReportsPage", "企业自查情况报表"),
    "sampling": QT_TRANSLATE_NOOP("ReportsPage", "抽检快检情况报表"),
    "tasks": QT_TRANSLATE_NOOP("ReportsPage", "督导任务单"),
}
TILE_COLUMNS = 5


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ReportsPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("page_reports")
        self.figures: Figures | None = None
        self.written: Written | None = None
        self._loading = False
        self._stale = True
        self._ticket = 0  # the latest figures asked for: older answers are dropped
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self.refresh)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.addWidget(self._build_choices())
        self.message = QLabel()
        self.message.setObjectName("reportsMessage")
        self.message.setWordWrap(True)
        keep_style(self.message, lambda: status_style("bad"))
        self.message.hide()
        outer.addWidget(self.message)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        title = QLabel(self.tr("主要指标"))
        title.setObjectName("sectionTitle")
        body_layout.addWidget(title)
        self.scope_label = QLabel()
        self.scope_label.setObjectName("reportScope")
        self.scope_label.setWordWrap(True)
        body_layout.addWidget(self.scope_label)
        self.tiles_grid = QGridLayout()
        self.tiles_grid.setSpacing(10)
        body_layout.addLayout(self.tiles_grid)
        self.tiles: list[FigureTile] = []
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("reportFingerprint")
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        keep_style(self.fingerprint_label, muted_text_style)
        body_layout.addWidget(self.fingerprint_label)
        body_layout.addWidget(self._build_output())
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        context.signals.data_changed.connect(self._on_signals_data_changed)
        self._on_kind_combo_changed()

    # --- building

    def _build_choices(self) -> QGroupBox:
        box = QGroupBox(self.tr("报表条件"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        today = self.context.clock.today()
        self.period_picker = PeriodPicker(today)
        self.period_picker.changed.connect(self._schedule_refresh)
        self.period_picker.error.connect(self._show_message)
        form.addRow(self.tr("统计期间"), self.period_picker)

        as_of_row = QHBoxLayout()
        self.as_of_edit = QDateEdit(to_qdate(today))
        self.as_of_edit.setObjectName("reportAsOf")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of_edit.dateChanged.connect(self._schedule_refresh)
        today_button = QPushButton(self.tr("今天"))
        today_button.clicked.connect(lambda: self.as_of_edit.setDate(to_qdate(self.context.clock.today())))
        as_of_row.addWidget(self.as_of_edit)
        as_of_row.addWidget(today_button)
        note = QLabel(self.tr("按截止日期当天已录入的情况统计；周期未结束的任务不计入完成率。"))
        keep_style(note, muted_text_style)
        as_of_row.addWidget(note, 1)
        form.addRow(self.tr("截止日期"), as_of_row)

        self.region_combo = QComboBox()
        self.region_combo.setObjectName("reportRegion")
        self.region_combo.addItem(self.tr("全部辖区"), None)
        with queries.read_sessions(self.context.database)() as session:
            regions = queries.region_choices(session)
        for region in regions:
            self.region_combo.addItem(f"{'　' * region.depth}{region.name}（{region.code}）", region.code)
        self.region_combo.setMaxVisibleItems(20)
        self.region_combo.currentIndexChanged.connect(self._schedule_refresh)
        form.addRow(self.tr("区划"), self.region_combo)

        kind_row = QHBoxLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("reportKind")
        for code, label in REPORT_KINDS:
            self.kind_combo.addItem(QCoreApplication.translate("ReportsPage", str(label)), code)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.cadre_edit = QLineEdit()
        self.cadre_edit.setObjectName("reportCadre")
        self.cadre_edit.setPlaceholderText(self.tr("只为一名干部：输入其手机号（可不填）"))
        self.cadre_edit.editingFinished.connect(self._schedule_refresh)
        kind_row.addWidget(self.kind_combo)
        kind_row.addWidget(self.cadre_edit, 1)
        form.addRow(self.tr("报表内容"), kind_row)
        return box

    def _build_output(self) -> QGroupBox:
        box = QGroupBox(self.tr("生成文件"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("生成 PDF…"))
        self.pdf_button.setObjectName("generatePdf")
        self.pdf_button.setToolTip(self.tr("A4 版式，可直接打印、盖章、报送"))
        self.pdf_button.clicked.connect(lambda: self._on_generate_clicked(".pdf"))
        self.xlsx_button = QPushButton(self.tr("生成 Excel…"))
        self.xlsx_button.setObjectName("generateXlsx")
        self.xlsx_button.setToolTip(self.tr("每张表一个工作表，便于汇总和再加工"))
        self.xlsx_button.clicked.connect(lambda: self._on_generate_clicked(".xlsx"))
        row.addWidget(self.pdf_button)
        row.addWidget(self.xlsx_button)
        row.addStretch(1)
        layout.addLayout(row)
        done = QHBoxLayout()
        self.written_label = QLabel(self.tr("尚未生成文件。"))
        self.written_label.setObjectName("reportWritten")
        self.written_label.setWordWrap(True)
        self.written_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("打开文件"))
        self.open_button.setObjectName("openReport")
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(self.tr("打开所在文件夹"))
        self.folder_button.setObjectName("openReportFolder")
        self.folder_button.clicked.connect(self.open_folder)
        for button in (self.open_button, self.folder_button):
            button.setEnabled(False)
        done.addWidget(self.written_label, 1)
        done.addWidget(self.open_button)
        done.addWidget(self.folder_button)
        layout.addLayout(done)
        return box

    # --- the request

    def request(self) -> ReportRequest:
        kind = str(self.kind_combo.currentData())
        phone = self.cadre_edit.text().strip() if kind == "tasks" else ""
        return ReportRequest(
            period=self.period_picker.period(),
            as_of=from_qdate(self.as_of_edit.date()),
            region=self.region_combo.currentData(),
            kind=kind,
            cadre_phone=phone or None,
        )

    def _on_kind_combo_changed(self, *_args: object) -> None:
        self.cadre_edit.setVisible(self.kind_combo.currentData() == "tasks")
        self._schedule_refresh()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- figures

    def page_shown(self) -> None:
        if self._stale:
            self.refresh()

    def is_busy(self) -> bool:
        return self._loading or self._refresh_timer.isActive()

    def _schedule_refresh(self, *_args: object) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh_timer.start()

    def _on_signals_data_changed(self, _tables: frozenset[str]) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh_timer.start()

    def refresh(self) -> Op:
        self._refresh_timer.stop()
        self._stale = False
        self._loading = True
        self._ticket += 1
        ticket = self._ticket
        for tile in self.tiles:
            tile.set_figure("…", self.tr("正在计算"))
        request = self.request()
        op = run_op(self, lambda: load_figures(self.context, request))
        op.on_success(lambda figures: self._on_loaded(ticket, figures))
        op.on_failure(lambda exc: self._on_load_failed(ticket, exc))
        return op

    def _on_load_failed(self, ticket: int, exc: BaseException) -> None:
        from ui.errors import error_text

        if ticket != self._ticket:
            return
        self._loading = False
        self._show_message(self.tr("无法计算统计数据：{reason}").format(reason=error_text(exc)))

    def _on_loaded(self, ticket: int, figures: Figures) -> None:
        if ticket != self._ticket:
            return
        self._loading = False
        self._show_message("")
        self.figures = figures
        self._show_tiles(figures.headline)
        request = figures.request
        scope = self.tr("{region}，{period}，截至 {as_of}").format(
            region=figures.region_label,
            period=self.period_picker.value_combo.currentText(),
            as_of=request.as_of.isoformat(),
        )
        total = figures.stats.supervision.total
        if not total.due and total.open:  # nothing due yet: say why the rate is blank
            scope += "\n" + self.tr("督导周期尚未结束：{n} 个任务进行中，到期后才计入督导完成率。").format(
                n=total.open
            )
        if figures.rule_line:
            scope += "\n" + figures.rule_line
        self.scope_label.setText(scope[:1].upper() + scope[1:])
        self.fingerprint_label.setText(
            self.tr("数据指纹：{fp}（打印件上的指纹相同，即出自同一份数据）").format(fp=figures.fingerprint)
        )

    def _show_tiles(self, headline: tuple[Headline, ...]) -> None:
        while len(self.tiles) > len(headline):
            tile = self.tiles.pop()
            self.tiles_grid.removeWidget(tile)
            tile.deleteLater()
        for index, figure in enumerate(headline):
            if index == len(self.tiles):
                tile = FigureTile(figure.label, object_name=f"reportTile{index}")
                tile.setCursor(Qt.CursorShape.ArrowCursor)  # nothing behind it to open here
                tile.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                self.tiles.append(tile)
                self.tiles_grid.addWidget(tile, index // TILE_COLUMNS, index % TILE_COLUMNS)
            tile = self.tiles[index]
            tile.title_label.setText(figure.label)
            tile.set_figure(figure.value, figure.detail)

    def tile_values(self) -> dict[str, str]:
        """Title -> value of every figure shown (what the tests compare with the metrics)."""
        return {tile.title_label.text(): tile.value() for tile in self.tiles}

    # --- files

    def default_folder(self) -> str:
        from ui.dialogs.common import start_folder

        return start_folder(self.context.settings, "reports")

    def default_name(self, suffix: str) -> str:
        request = self.request()
        stem = QCoreApplication.translate("ReportsPage", str(FILE_STEMS[request.kind]))
        region = f"-{request.region}" if request.region else ""
        return f"{stem}-{request.period.key}{region}{suffix}"

    def _on_generate_clicked(self, suffix: str) -> None:
        start = str(Path(self.default_folder()) / self.default_name(suffix))
        kinds = self.tr("PDF 文件 (*.pdf)") if suffix == ".pdf" else self.tr("Excel 工作簿 (*.xlsx)")
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("保存报表"), start, kinds)
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != suffix:
            out = out.with_name(out.name + suffix)
        self.generate(out)

    def generate(self, out: Path) -> Op:
        """Write the report for the current choices at `out` (.pdf or .xlsx), in the background."""
        request = self.request()
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(False)
        op = run_op(self, lambda: write_file(self.context, request, out), progress=self.tr("正在生成报表"))
        op.on_success(self._on_written).on_failure(self._on_write_failed)
        return op

    def _on_write_failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(True)
        show_error(self, exc)

    def _on_written(self, written: Written) -> None:
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(True)
        self.written = written
        self.context.settings.reports_folder = str(written.path.parent)
        text = self.tr("已生成：{path}").format(path=written.path)
        if written.note:
            text += "\n" + written.note
        self.written_label.setText(text)
        for button in (self.open_button, self.folder_button):
            button.setEnabled(True)

    def open_file(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.path)))

    def open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.path.parent)))
