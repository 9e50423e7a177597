"""The QApplication: the shipped CJK font, the translators, the style. No database here."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from ui.i18n import install_translators
from ui.resources import font_path, icon_path, style_sheet_path

APP_FONT_FAMILY = "WenQuanYi Micro Hei"
STYLE = "Fusion"
STYLE_ARGS = ("-style", STYLE)
_FONT_FAMILIES: list[str] = []


def register_fonts() -> list[str]:
    """Register the shipped WenQuanYi Micro Hei; the families it provides (empty if the file is missing)."""
    if _FONT_FAMILIES:
        return list(_FONT_FAMILIES)
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id >= 0:
        _FONT_FAMILIES.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_FONT_FAMILIES)


def apply_app_font(app: QApplication) -> QFont:
    """Keep the system's UI font first and fall back to the shipped CJK font for what it lacks.

    On a machine with no Chinese font at all (or no fonts: an empty fontconfig) every Chinese glyph
    then comes from WenQuanYi Micro Hei instead of empty boxes.
    """
    families = register_fonts()
    font = QFont(app.font())
    if APP_FONT_FAMILY in families:
        first = font.family()
        chain = [f for f in (first, APP_FONT_FAMILY) if f]
        font.setFamilies(list(dict.fromkeys(chain)))
        if first and first != APP_FONT_FAMILY:
            QFont.insertSubstitution(first, APP_FONT_FAMILY)
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    return font


def apply_style_sheet(app: QApplication) -> None:
    """resources/style.qss, whose palette(...) colours are resolved now: call again after the palette
    changed (dark mode, high contrast)."""
    path = style_sheet_path()
    if path.exists():
        app.setStyleSheet(path.read_text(encoding="utf-8"))


def create_app(argv: list[str] | None = None, *, language: str = "zh_CN") -> QApplication:
    """The QApplication (or the existing one, under pytest-qt) set up with font, style and language."""
    existing = QApplication.instance()
    if existing is None:
        # Fusion chosen on the command line: app.setStyle() returns the style, whose Python wrapper
        # (QStyle and its eleven enums) costs 15 ms at start-up, for nothing the first window needs.
        args = list(argv if argv is not None else sys.argv[:1])
        app = QApplication([*args, *STYLE_ARGS])
    else:
        assert isinstance(existing, QApplication)
        app = existing
        app.setStyle(STYLE)
    app.setApplicationName("msfood")
    app.setOrganizationName("msfood")
    app.setApplicationDisplayName("食安包保")
    # The installed desktop entry (msfood.desktop) and its icon: the taskbar groups the windows under it.
    app.setDesktopFileName("msfood")
    icon = icon_path("msfood.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_app_font(app)
    apply_style_sheet(app)
    # style.qss takes its colours from the palette: read again when the system turns dark or light
    hints = app.styleHints()
    if not hints.property("msfoodRestyles"):
        hints.setProperty("msfoodRestyles", True)
        hints.colorSchemeChanged.connect(lambda _scheme: apply_style_sheet(app))
    install_translators(language)
    return app
