"""The fonts reports embed: the bundled WenQuanYi Micro Hei (sans), or AR PL UMing (a Ming/Song face)
when the station's `report_font` setting asks for it and Debian's fonts-arphic-uming is installed.

Both are TrueType collections; reportlab embeds a subset of the face at subfontIndex 0. UMing is never
copied into the repository: it is used where the system has it, and otherwise the sans stands in (the
caller gets a note to show).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from msfood.errors import EnvironmentProblem

SANS = "sans"
SONG = "song"
FONT_SETTING = "report_font"
FONT_CHOICES = (SANS, SONG)

SANS_NAME = "WenQuanYiMicroHei"
SONG_NAME = "ARPLUMingCN"
SYSTEM_SANS = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
SYSTEM_SONG = Path("/usr/share/fonts/truetype/arphic/uming.ttc")


@dataclass(frozen=True)
class FontChoice:
    name: str  # the reportlab font name, registered
    path: Path
    asked: str  # sans | song
    note: str | None = None  # why the asked face is not the one used, for the user


def resource_root() -> Path:
    """resources/ beside the package, or inside a PyInstaller bundle (as ui/resources.py)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def sans_path() -> Path | None:
    for path in (resource_root() / "fonts" / "wqy-microhei.ttc", SYSTEM_SANS):
        if path.is_file():
            return path
    return None


def _register(name: str, path: Path) -> None:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))


def sans_font() -> FontChoice:
    path = sans_path()
    if path is None:
        raise EnvironmentProblem("report.font_missing", path=str(resource_root() / "fonts"))
    _register(SANS_NAME, path)
    return FontChoice(SANS_NAME, path, SANS)


def resolve_font(asked: str | None = None) -> FontChoice:
    """The body font for `asked` (sans | song; anything else means sans), registered with reportlab."""
    from msfood.i18n import t

    sans = sans_font()
    if (asked or SANS) != SONG:
        return sans
    if not SYSTEM_SONG.is_file():
        return FontChoice(sans.name, sans.path, SONG, t("report.song_missing", path=str(SYSTEM_SONG)))
    try:
        _register(SONG_NAME, SYSTEM_SONG)
    except Exception:  # a damaged or foreign file: the sans still prints the document
        return FontChoice(sans.name, sans.path, SONG, t("report.song_missing", path=str(SYSTEM_SONG)))
    return FontChoice(SONG_NAME, SYSTEM_SONG, SONG)


def font_setting(session) -> str:  # type: ignore[no-untyped-def]
    """The station's `report_font` setting (sans when unset)."""
    import json

    from sqlalchemy import select

    from msfood.db.models import Setting

    raw = session.scalar(select(Setting.value).where(Setting.key == FONT_SETTING, Setting.deleted.is_(False)))
    if raw is None:
        return SANS
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw.strip()  # stored bare, not as JSON
    return value if value in FONT_CHOICES else SANS
