"""The dashboard reads under a dark palette as under a light one (issue #17): every tile's value and
title, and the section titles, contrast with what they are drawn on (WCAG 4.5:1), from the colours
the stylesheet and the palette actually give them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from ui.theme import TEXT_CONTRAST, contrast_ratio, dark_palette, readable


def high_contrast_palette() -> QPalette:
    """Like Windows' 高对比度 (High Contrast Black): black, white text, yellow-green highlight."""
    from PySide6.QtGui import QColor

    palette = dark_palette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#000000"), (roles.Base, "#000000"), (roles.AlternateBase, "#000000"),
                         (roles.WindowText, "#ffffff"), (roles.Text, "#ffffff"), (roles.Button, "#000000"),
                         (roles.ButtonText, "#ffffff"), (roles.Highlight, "#1aebff"),
                         (roles.HighlightedText, "#000000"), (roles.Mid, "#ffffff")):  # fmt: skip
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=["light", "dark", "high_contrast"])
def scheme(request: pytest.FixtureRequest, app: QApplication) -> Iterator[str]:
    from ui.app import apply_style_sheet

    original = QPalette(QApplication.palette())
    if request.param != "light":
        QApplication.setPalette(dark_palette() if request.param == "dark" else high_contrast_palette())
        apply_style_sheet(app)
    yield request.param
    QApplication.setPalette(original)
    apply_style_sheet(app)


def shots_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("MSFOOD_SCREENSHOT_DIR") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def text_colour(label: QLabel) -> Any:
    label.ensurePolished()
    return label.palette().color(label.foregroundRole())


def test_dashboard_tiles_and_titles_read_in_light_and_dark(
    qtbot: Any, scheme: str, make_context: Any, station_with_records: Path, wait_ops: Any, tmp_path: Path
) -> None:
    from ui.main_window import MainWindow
    from ui.pages.figure_tile import FigureTile

    window = MainWindow(make_context(station_with_records))
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    page = window.show_page("dashboard")
    wait_ops(30_000)
    qtbot.waitUntil(lambda: all(t.value() != "…" for t in page.findChildren(FigureTile) if t.isVisible()))
    shot = window.grab()
    assert shot.save(str(shots_dir(tmp_path) / f"dashboard_{scheme}.png"))

    tiles = [tile for tile in page.findChildren(FigureTile) if tile.isVisible()]
    assert len(tiles) >= 6
    coloured = 0
    for tile in tiles:
        picture = tile.grab().toImage()
        background = picture.pixelColor(8, picture.height() - 4)  # inside the border, below the text
        if scheme != "light":
            assert background.lightnessF() < 0.3, tile.objectName()
        for label in (tile.value_label, tile.title_label, tile.detail_label):
            ratio = contrast_ratio(text_colour(label), background)
            assert ratio >= TEXT_CONTRAST, (tile.objectName(), label.objectName(), label.text(), ratio)
        coloured += bool(tile.value_label.styleSheet())
    assert coloured, "no tile carried a status colour: the check would prove little"

    window_colour = page.palette().color(QPalette.ColorRole.Window)
    titles = [label for label in page.findChildren(QLabel, "sectionTitle") if label.isVisible()]
    assert titles
    for title in titles:
        assert contrast_ratio(text_colour(title), window_colour) >= TEXT_CONTRAST, title.text()


@pytest.mark.parametrize("colour", ["#c62828", "#f9a825", "#2e7d32", "#1565c0"])
@pytest.mark.parametrize("background", ["#ffffff", "#191919", "#000000", "#2a2a2a"])
def test_a_status_colour_is_made_readable_on_any_background(colour: str, background: str) -> None:
    from PySide6.QtGui import QColor

    made = readable(QColor(colour), QColor(background))
    assert contrast_ratio(made, QColor(background)) >= TEXT_CONTRAST
    if contrast_ratio(QColor(colour), QColor(background)) >= TEXT_CONTRAST:
        assert made == QColor(colour)  # a colour that reads is left as it is
