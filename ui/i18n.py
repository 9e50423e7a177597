"""Translations of the ui: source strings are Chinese; English comes from resources/translations.

The QTranslators are kept referenced here (a collected translator silently stops translating).
MSFOOD_PSEUDO_TRANSLATE=1 wraps every translated string in 【…】, so text that escaped tr() stands out.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import msfood.i18n
from ui.resources import translations_dir

PSEUDO_ENV = "MSFOOD_PSEUDO_TRANSLATE"
_INSTALLED: list[QTranslator] = []
_LANGUAGE = "zh_CN"


class PseudoTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return f"【{source}】"

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


def language() -> str:
    return _LANGUAGE


def is_english() -> bool:
    return _LANGUAGE == "en"


def install_translators(lang: str) -> None:
    """Make `lang` ("zh_CN" or "en") the ui's language; msfood's catalogue follows."""
    global _LANGUAGE
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _INSTALLED:
        app.removeTranslator(translator)
    _INSTALLED.clear()
    _LANGUAGE = "en" if lang.startswith("en") else "zh_CN"
    msfood.i18n.set_language(_LANGUAGE)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.English if is_english() else QLocale.Language.Chinese,
            QLocale.Country.UnitedStates if is_english() else QLocale.Country.China,
        )
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator()
    if qt_base.load(f"qtbase_{_LANGUAGE}", qt_dir):  # Qt's own buttons (OK, Cancel, ...)
        _INSTALLED.append(qt_base)
    if is_english():
        ours = QTranslator()
        if ours.load("msfood_en", str(translations_dir())):
            _INSTALLED.append(ours)
    if os.environ.get(PSEUDO_ENV):
        _INSTALLED.append(PseudoTranslator())
    for translator in _INSTALLED:
        app.installTranslator(translator)
