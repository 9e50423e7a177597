"""The rest of the UI reads under dark and high-contrast palettes too (issue #17 item 5): the sync page
(each tab), the reports page, the getting-started panel, the methodology window and a record form
showing an error and a warning. Every visible label with text is measured against the colour actually
rendered behind it (WCAG 4.5:1). And no new fixed #rrggbb creeps into ui/ outside ui/theme.py."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from tests.conftest import make_station
from tests.ui.test_dark_mode import scheme, shots_dir, text_colour  # noqa: F401 (scheme: a fixture)
from ui.theme import TEXT_CONTRAST, contrast_ratio, dark_palette

UI = Path(__file__).resolve().parents[2] / "ui"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
# Fixed colours that are right where they are: (file, colour, why)
CHART_HUES = ("#2e7d32", "#f9a825", "#c62828", "#d0d4da", "#1f2933", "#7b8794")  # through readable()
TREND_HUES = ("#1565c0", "#6a1b9a", "#2e7d32", "#ef6c00", "#00838f", "#c62828")  # through readable()
TIMELINE = ("#e8a33d", "#3d7be8", "#2e9e6a", "#8a5bd6", "#b8b8b8", "#555555", "#9a9a9a", "#c62828")  # ditto
ALLOWED = {
    ("pages/lists/actions.py", "#666666"),  # print HTML: white paper whatever the screen
    ("pages/lists/actions.py", "#eeeeee"),
    *(("charts.py", c) for c in CHART_HUES),
    *(("pages/dashboard/trends.py", c) for c in TREND_HUES),
    *(("pages/settings/timeline.py", c) for c in TIMELINE),  # span fills, and text/lines through readable()
    ("models/lazy_table.py", "#b42318"),  # row tones, through readable() at data() time
    ("models/lazy_table.py", "#b54708"),
}


def background_behind(picture: QImage, widget: QWidget, root: QWidget) -> QColor:
    """The most common colour in the widget's area of the root's picture: what its text is drawn on."""
    origin = widget.mapTo(root, QPoint(0, 0))
    counts: Counter[int] = Counter()
    for x in range(max(0, origin.x()), min(picture.width(), origin.x() + widget.width()), 2):
        for y in range(max(0, origin.y()), min(picture.height(), origin.y() + widget.height()), 2):
            counts[picture.pixel(x, y)] += 1
    assert counts, widget.objectName()
    return QColor.fromRgb(counts.most_common(1)[0][0])


def assert_labels_read(root: QWidget, name: str, folder: Path) -> int:
    """Every visible label with text in `root` contrasts with what is behind it; returns how many."""
    picture = root.grab().toImage()
    assert picture.save(str(folder / f"{name}.png"))
    measured = 0
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip() or label.width() < 4 or label.height() < 4:
            continue
        behind = background_behind(picture, label, root)
        ratio = contrast_ratio(text_colour(label), behind)
        assert ratio >= TEXT_CONTRAST, (name, label.objectName(), label.text()[:30], ratio)
        measured += 1
    return measured


def test_no_new_fixed_colour_in_ui_outside_the_theme() -> None:
    found = set()
    for path in UI.rglob("*.py"):
        relative = path.relative_to(UI).as_posix()
        if relative == "theme.py":
            continue
        for colour in HEX.findall(path.read_text(encoding="utf-8")):
            found.add((relative, colour.lower()))
    new = sorted(found - ALLOWED)
    assert not new, f"take these from the palette through ui/theme.py (or allow them with a reason): {new}"


def test_the_sync_page_reads_on_every_tab(
    qtbot: Any, scheme: str, make_context: Any, clock: Any, wait_ops: Any, tmp_path: Path  # noqa: F811
) -> None:
    from ui.pages.sync.page import SyncPage

    path = tmp_path / "station.sqlite"
    make_station(path, clock=clock)
    page = SyncPage(make_context(path))
    qtbot.addWidget(page)
    page.resize(1366, 728)
    page.show()
    page.page_shown()
    wait_ops()
    measured = 0
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        measured += assert_labels_read(page, f"sync_tab{index}_{scheme}", shots_dir(tmp_path))
    assert measured >= 8  # hints, notes and the fingerprint were all measured


def test_the_reports_page_reads(
    qtbot: Any,
    scheme: str,  # noqa: F811 (the fixture imported above)
    make_context: Any,
    station_with_records: Path,
    wait_ops: Any,
    tmp_path: Path,
) -> None:
    from ui.pages.reports.page import ReportsPage

    page = ReportsPage(make_context(station_with_records))
    qtbot.addWidget(page)
    page.resize(1366, 728)
    page.show()
    page.page_shown()
    wait_ops(30_000)
    assert assert_labels_read(page, f"reports_{scheme}", shots_dir(tmp_path)) >= 6
    hint = [label for label in page.findChildren(QLabel) if label.isVisible() and label.styleSheet()]
    assert hint, "no label carried its own colour: the check would prove little"


def test_the_getting_started_panel_reads_on_an_empty_database(
    qtbot: Any, scheme: str, make_context: Any, clock: Any, wait_ops: Any, tmp_path: Path  # noqa: F811
) -> None:
    from ui.pages.dashboard.getting_started import GettingStartedPanel

    path = tmp_path / "empty.sqlite"
    make_station(path, clock=clock)
    panel = GettingStartedPanel(make_context(path))
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    panel.show()
    panel.refresh()
    wait_ops()
    qtbot.waitUntil(panel.isVisible)
    picture = panel.grab().toImage()
    fill = picture.pixelColor(picture.width() // 2, 3)
    if scheme != "light":
        assert fill.lightnessF() < 0.35, fill.name()  # no pale panel on a dark window
    assert assert_labels_read(panel, f"getting_started_{scheme}", shots_dir(tmp_path)) >= 6


def test_the_methodology_window_reads(qtbot: Any, scheme: str, tmp_path: Path) -> None:  # noqa: F811
    from ui.methodology_window import MethodologyWindow

    window = MethodologyWindow()
    qtbot.addWidget(window)
    window.resize(1000, 680)
    window.show()
    assert assert_labels_read(window, f"methodology_{scheme}", shots_dir(tmp_path)) >= 2
    base = window.browser.palette().color(QPalette.ColorRole.Base)
    colours = set(re.findall(r"color:(#[0-9a-fA-F]{6})", window.browser.toHtml()))
    assert len(colours) >= 3  # the bases' colours and the other language's grey
    for colour in colours:
        assert contrast_ratio(QColor(colour), base) >= TEXT_CONTRAST, colour


def test_a_record_form_error_and_warning_read(
    qtbot: Any, scheme: str, context: Any, clock: Any, tmp_path: Path  # noqa: F811
) -> None:
    from PySide6.QtCore import Qt

    from msfood.core.errors import Issue
    from tests.ui.keyboard import open_form
    from ui.forms.kinds import VISIT

    form = open_form(qtbot, context, clock, VISIT)
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # save empty: errors show
    form.show_warnings([Issue("warn.level_grade_mismatch")])
    qtbot.waitUntil(lambda: form.warnings.isVisible())
    errors = [label for label in form.errors.values() if label.isVisible()]
    assert errors, "saving an empty visit showed no error: the check would prove little"
    assert assert_labels_read(form, f"record_form_{scheme}", shots_dir(tmp_path)) >= 3
    picture = form.grab().toImage()
    warning_fill = background_behind(picture, form.warnings, form)
    assert contrast_ratio(text_colour(form.warnings), warning_fill) >= TEXT_CONTRAST


def test_a_hint_follows_the_palette_when_it_changes_while_shown(
    qtbot: Any, app: QApplication, make_context: Any, station_with_records: Path, wait_ops: Any
) -> None:
    from ui.app import apply_style_sheet
    from ui.pages.reports.page import ReportsPage

    page = ReportsPage(make_context(station_with_records))
    qtbot.addWidget(page)
    page.show()
    wait_ops(30_000)
    hints = [label for label in page.findChildren(QLabel) if "color:" in label.styleSheet()]
    assert hints
    original = QPalette(QApplication.palette())
    try:
        QApplication.setPalette(dark_palette())
        apply_style_sheet(app)
        dark_window = QApplication.palette().color(QPalette.ColorRole.Window)
        for label in hints:
            assert contrast_ratio(text_colour(label), dark_window) >= TEXT_CONTRAST, label.styleSheet()
    finally:
        QApplication.setPalette(original)
        apply_style_sheet(app)
