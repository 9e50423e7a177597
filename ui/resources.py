"""Paths under resources/, resolved from one root (sys._MEIPASS when frozen by PyInstaller). No .qrc."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def font_path() -> Path:
    return resource_path("fonts", "wqy-microhei.ttc")


def translations_dir() -> Path:
    return resource_path("translations")


def style_sheet_path() -> Path:
    return resource_path("style.qss")


def icon_path(name: str) -> Path:
    return resource_path("icons", name)
