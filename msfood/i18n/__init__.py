"""msfood's own user-facing text (messages, CLI output, report labels), zh_CN first, English second.

Each module in this package defines `MESSAGES = {code: (zh, en)}` for one area; they are merged on
first use. Codes are stable; text may change. Parameters are filled with str.format.
The ui shows the same codes' text; it translates its own widgets with Qt Linguist.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

_LANG = "zh_CN"
_CATALOGUE: dict[str, tuple[str, str]] | None = None


def set_language(lang: str | None) -> None:
    global _LANG
    _LANG = "en" if (lang or "").lower().startswith("en") else "zh_CN"


def language() -> str:
    return _LANG


def _catalogue() -> dict[str, tuple[str, str]]:
    global _CATALOGUE
    if _CATALOGUE is None:
        merged: dict[str, tuple[str, str]] = {}
        for info in pkgutil.iter_modules(__path__):
            module = importlib.import_module(f"{__name__}.{info.name}")
            for code, texts in getattr(module, "MESSAGES", {}).items():
                if code in merged and merged[code] != texts:
                    raise RuntimeError(f"message code {code!r} defined twice with different text")
                merged[code] = texts
        _CATALOGUE = merged
    return _CATALOGUE


def is_english(lang: str | None = None) -> bool:
    return (lang or _LANG).lower().startswith("en")


def t(code: str, lang: str | None = None, /, **params: Any) -> str:
    """The text for a message code in the given (or current) language, parameters filled in."""
    texts = _catalogue().get(code)
    if texts is None:
        template = code
    else:
        template = texts[1] if is_english(lang) else texts[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def field_label(field: str, lang: str | None = None) -> str:
    """A field's name as people know it ('credit_code' -> '统一社会信用代码')."""
    return t(f"field.{field}", lang) if f"field.{field}" in _catalogue() else field


def has(code: str) -> bool:
    return code in _catalogue()
