"""Colours readable on light, dark and high-contrast palettes (issue #17).

The app's own colours (a red overdue count, an amber rate) are chosen for a white page; under a dark
palette, or Windows' high-contrast themes, some of them vanish. `readable` keeps a colour's hue and moves
its lightness until it reaches the WCAG contrast ratio for text (4.5:1) on the background it is drawn on.
Everything else (text, titles, tiles, navigation) takes its colours from the palette: resources/style.qss
uses palette(...) roles, re-applied when the system switches between light and dark.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

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


STATUS_COLOURS = {
    "good": "#2e7d32", "warn": "#b54708", "bad": "#b3261e", "muted": "#52606d",
    "info": "#0d47a1", "accent": "#1e3a5f", "warn_text": "#7a5a00",
}


def status_colour(tone: str, background: QColor | None = None) -> QColor:
    """A status colour (good / warn / bad / muted) readable on `background` (default: the window)."""
    if background is None:  # a label: on whichever surface it sits (window, tab pane, panel)
        return readable_on_surfaces(QColor(STATUS_COLOURS[tone]))
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


def window_colour() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Window)


def opaque(colour: QColor, background: QColor) -> QColor:
    """`colour` as drawn over `background` (the placeholder grey is often black at half alpha)."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def readable_on_surfaces(colour: QColor, palette: QPalette | None = None) -> QColor:
    """`colour` made to read on every surface a label may sit on: window, tab pane, field, panel."""
    palette = palette if palette is not None else QApplication.palette()
    roles = QPalette.ColorRole
    # Fusion draws a tab pane a shade off the window (Light/Midlight on a dark palette)
    surface_roles = (roles.Window, roles.Base, roles.Button, roles.AlternateBase, roles.Midlight, roles.Light)
    surfaces = [palette.color(role) for role in surface_roles]
    colour = opaque(colour, surfaces[0])
    for _ in range(len(surfaces)):  # the surfaces lie on one side (all light or all dark): a pass or two
        worst = min(surfaces, key=lambda surface: contrast_ratio(colour, surface))
        colour = readable(colour, worst)
    return colour


def muted_text_style(extra: str = "", *, on_tint: str | None = None) -> str:
    """A hint label's style: the palette's placeholder grey, darkened or lightened until it reads
    (also on the `on_tint` panel it sits in, if any)."""
    colour = readable_on_surfaces(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
    if on_tint:
        colour = readable(colour, tint(on_tint))
    return f"color: {colour.name()};{extra}"


def status_style_on_tint(tone: str, tint_tone: str, extra: str = "") -> str:
    """A status colour for a label inside a `tint_tone` panel (tinted_panel_style)."""
    return f"color: {readable(status_colour(tone), tint(tint_tone)).name()};{extra}"


# The wash behind a tinted panel: (hue, share) over the palette's Base. On white that is today's pale
# amber (#fff4ce-like) or pale blue; on a dark base, a deep amber or blue that light text reads on.
TINT_WASHES = {
    "warn": ("#f9a825", 0.2), "info": ("#1e88e5", 0.06), "bad": ("#e53935", 0.12), "good": ("#43a047", 0.1),
}


def tint(tone: str, background: QColor | None = None, share: float | None = None) -> QColor:
    """A pale wash of a status colour over `background` (a soft panel on white, a deep one on black)."""
    if background is None:
        background = QApplication.palette().color(QPalette.ColorRole.Base)
    hue, default_share = TINT_WASHES.get(tone, (STATUS_COLOURS[tone], 0.12))
    share = default_share if share is None else share
    colour = QColor(hue)
    return QColor.fromRgbF(
        background.redF() + (colour.redF() - background.redF()) * share,
        background.greenF() + (colour.greenF() - background.greenF()) * share,
        background.blueF() + (colour.blueF() - background.blueF()) * share,
    )


def tinted_panel_style(
    tone: str, extra: str = "", *, text_tone: str | None = None, selector: str = ""
) -> str:
    """A panel washed in `tone` with text readable on it (the status colour, or the palette's text)."""
    background = tint(tone)
    text = QColor(STATUS_COLOURS[text_tone]) if text_tone else QApplication.palette().color(
        QPalette.ColorRole.WindowText
    )
    border = readable(QColor(STATUS_COLOURS[tone]), background, 1.5)
    rules = (
        f"color: {readable(text, background).name()}; background: {background.name()};"
        f" border: 1px solid {border.name()};{extra}"
    )
    return f"{selector} {{ {rules} }}" if selector else rules  # a selector keeps it off the children


def error_border_style(selector: str) -> str:
    """A red frame around an input that holds a wrong value, visible on light and dark fields."""
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    return f"{selector} {{ border: 1px solid {readable(QColor(STATUS_COLOURS['bad']), base, 3.0).name()}; }}"


class _Restyler(QObject):
    """Re-makes a widget's style sheet when the application palette changes (light ↔ dark while shown)."""

    def __init__(self, widget: QWidget, make_style: Callable[[], str]) -> None:
        super().__init__(widget)
        self.make_style = make_style

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        changes = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if event.type() in changes and isinstance(watched, QWidget):
            style = self.make_style()
            if watched.styleSheet() != style:  # setting the same sheet again would re-polish for nothing
                watched.setStyleSheet(style)
        return False


def keep_style(widget: QWidget, make_style: Callable[[], str]) -> None:
    """Give `widget` the style `make_style()` now and again whenever the palette changes."""
    widget.setStyleSheet(make_style())
    restyler = getattr(widget, "_msfood_restyler", None)
    if isinstance(restyler, _Restyler):
        restyler.make_style = make_style  # a label restyled twice (a verdict changing) keeps one filter
        return
    restyler = _Restyler(widget, make_style)
    widget.installEventFilter(restyler)
    widget._msfood_restyler = restyler  # type: ignore[attr-defined]


def panel_style(extra: str = "") -> str:
    """A soft panel set off from the window (steps to follow): AlternateBase with readable text."""
    palette = QApplication.palette()
    background = palette.color(QPalette.ColorRole.AlternateBase)
    text = readable(palette.color(QPalette.ColorRole.WindowText), background)
    return f"color: {text.name()}; background: {background.name()};{extra}"


# Pale row tints keep their dark text on any palette: a pale fill with light palette text would vanish.
ROW_TINTS = {"bad": "#fde2e1", "warn": "#fff4d6", "changed": "#e3f0ff"}
SYNC_ROW_TINTS = {"bad": "#fde7e9", "warn": "#fff4ce", "changed": "#fff1c2"}
ROW_TINT_TEXT = {"bad": "#b42318", "warn": "#7a5a00", "changed": "#1f2933"}
TINT_TEXT = QColor("#1f2933")


def row_tint(tone: str, *, sync: bool = False) -> QColor:
    return QColor((SYNC_ROW_TINTS if sync else ROW_TINTS)[tone])


def row_tint_text(tone: str, *, sync: bool = False) -> QColor:
    """The text on a tinted row: its status colour in sync lists, dark text elsewhere; always readable."""
    colour = QColor(ROW_TINT_TEXT[tone]) if sync else TINT_TEXT
    return readable(colour, row_tint(tone, sync=sync))


def muted_text_colour(background: QColor | None = None) -> QColor:
    palette = QApplication.palette()
    background = background if background is not None else palette.color(QPalette.ColorRole.Base)
    return readable(opaque(palette.color(QPalette.ColorRole.PlaceholderText), background), background)


def warning_panel_style(extra: str = " padding: 6px;") -> str:
    """A form's warnings box: amber-washed, amber text, as on paper forms; dark-mode aware."""
    return tinted_panel_style("warn", extra, text_tone="warn")


def gaps_style() -> str:
    """The amber box that says a peer's sequence has gaps (sync history and exchange)."""
    return tinted_panel_style("warn", " padding: 6px;", text_tone="warn_text")
