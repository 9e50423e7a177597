"""Colours readable on light, dark and high-contrast palettes (issue #17).

The app's own colours (a red overdue count, an amber rate) are chosen for a white page; under a dark
palette, or Windows' high-contrast themes, some of them vanish. `readable` keeps a colour's hue and moves
its lightness until it reaches the WCAG contrast ratio for text (4.5:1) on the background it is drawn on.
Everything else (text, titles, tiles, navigation) takes its colours from the palette: resources/style.qss
uses palette(...) roles, re-applied when the system switches between light and dark.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

TEXT_CONTRAST = 4.5  # WCAG 2 AA, normal text


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = channel(colour.redF()), channel(colour.greenF()), channel(colour.blueF())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: QColor, second: QColor) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette if palette is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def readable(colour: QColor, background: QColor, minimum: float = TEXT_CONTRAST) -> QColor:
    """`colour`, made lighter (on a dark background) or darker (on a light one) until it reads."""
    if contrast_ratio(colour, background) >= minimum:
        return QColor(colour)
    toward = QColor("white") if relative_luminance(background) < 0.18 else QColor("black")
    for step in range(1, 21):  # mix in 5% steps: the hue stays recognisable as long as it can
        share = step / 20
        mixed = QColor.fromRgbF(
            colour.redF() + (toward.redF() - colour.redF()) * share,
            colour.greenF() + (toward.greenF() - colour.greenF()) * share,
            colour.blueF() + (toward.blueF() - colour.blueF()) * share,
        )
        if contrast_ratio(mixed, background) >= minimum:
            return mixed
    return toward


STATUS_COLOURS = {"good": "#2e7d32", "warn": "#b54708", "bad": "#b3261e", "muted": "#52606d"}


def status_colour(tone: str, background: QColor | None = None) -> QColor:
    """A status colour (good / warn / bad / muted) readable on `background` (default: the window)."""
    if background is None:
        background = QApplication.palette().color(QPalette.ColorRole.Window)
    return readable(QColor(STATUS_COLOURS[tone]), background)


def status_style(tone: str, extra: str = "") -> str:
    """A label's style sheet in a status colour, for the palette in force when it is made."""
    return f"color: {status_colour(tone).name()};{extra}"


def dark_palette() -> QPalette:
    """A dark palette as Windows' dark mode gives Fusion (used by tests and the screenshot checks)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#202020"), (roles.WindowText, "#f0f0f0"), (roles.Base, "#191919"),
        (roles.AlternateBase, "#262626"), (roles.Text, "#f0f0f0"), (roles.Button, "#2d2d2d"),
        (roles.ButtonText, "#f0f0f0"), (roles.BrightText, "#ffffff"), (roles.Highlight, "#4ca0e0"),
        (roles.HighlightedText, "#000000"), (roles.Link, "#7cb8ff"), (roles.Light, "#3c3c3c"),
        (roles.Midlight, "#333333"), (roles.Mid, "#5a5a5a"), (roles.Dark, "#101010"),
        (roles.Shadow, "#000000"), (roles.PlaceholderText, "#a0a0a0"), (roles.ToolTipBase, "#2d2d2d"),
        (roles.ToolTipText, "#f0f0f0"),
    ):  # fmt: skip
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette
