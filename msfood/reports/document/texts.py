"""Report labels in one language: `tr = Texts(lang); tr("report.col_due")` (catalogue: msfood/i18n/reports.py)."""

from __future__ import annotations

from typing import Any

from msfood.i18n import t


class Texts:
    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang

    def __call__(self, code: str, /, **params: Any) -> str:
        return t(code, self.lang, **params)
