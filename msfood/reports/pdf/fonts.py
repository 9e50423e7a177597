"""The fonts reports embed: the bundled WenQuanYi Micro Hei (sans), or AR PL UMing (a Ming/Song face)
when the station's `report_font` setting asks for it and Debian's fonts-arphic-uming is installed.

Both are TrueType collections; reportlab embeds a subset of the face at subfontIndex 0. UMing is never
copied into the repository: it is used where the system has it, and otherwise the sans stands in (the
caller gets a note to show).

Neither covers the rare characters of CJK Extensions A and B (䶮, 𠮷) that some names hold. Where the
system has Debian's fonts-hanazono (HanaMin A and B, free licence), `fallback_markup` sets each
character the body font lacks in the first fallback face that has it, so no glyph is dropped.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from msfood.core.errors import EnvironmentProblem

SANS = "sans"
SONG = "song"
FONT_SETTING = "report_font"
FONT_CHOICES = (SANS, SONG)

SANS_NAME = "WenQuanYiMicroHei"
SONG_NAME = "ARPLUMingCN"
SYSTEM_SANS = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
SYSTEM_SONG = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
FALLBACKS = (("HanaMinA", "HanaMinA.ttf"), ("HanaMinB", "HanaMinB.ttf"))  # Ext A (and much of B), Ext B


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
    return Path(__file__).resolve().parents[3] / "resources"


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


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond the BMP (𠮷, U+20BB7) written as the UTF-16
    surrogate pair the PDF format wants: reportlab writes five hex digits, which readers (pdftotext,
    copy and paste, search) take as a different character."""
    def utf16(code: int) -> str:
        if code < 0x10000:
            return f"{code:04X}"
        code -= 0x10000
        return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"

    text = _REPORTLAB_CMAP(fontname, [0] * len(subset))  # the frame, then the characters as they should be
    head, _, rest = text.partition("beginbfchar\n")
    _, _, tail = rest.partition("endbfchar")
    pairs = "\n".join(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset))
    return f"{head}beginbfchar\n{pairs}\nendbfchar{tail}"


_REPORTLAB_CMAP = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@lru_cache(maxsize=16)
def coverage(name: str) -> frozenset[int]:
    """The code points a registered TrueType font has glyphs for (empty for a standard font)."""
    face = getattr(pdfmetrics.getFont(name), "face", None)
    return frozenset(getattr(face, "charToGlyph", {}) or ())


@lru_cache(maxsize=1)
def fallback_fonts() -> tuple[str, ...]:
    """The fallback faces present on this system, registered with reportlab, in the order tried."""
    found = []
    for name, file in FALLBACKS:
        path = next((p for p in (resource_root() / "fonts" / file, HANAZONO / file) if p.is_file()), None)
        if path is None:
            continue
        try:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception:  # a damaged file: the characters stay in the body font, as before
            continue
        found.append(name)
    return tuple(found)


def lacks(text: str, font: str) -> bool:
    """Whether `text` holds a character `font` has no glyph for (and a fallback face might)."""
    if text.isascii():
        return False
    have = coverage(font)
    return bool(have) and any(ord(ch) not in have for ch in text if not ch.isspace())


def _face_for(ch: str, font: str) -> str:
    code = ord(ch)
    if code in coverage(font) or ch.isspace():
        return font
    return next((name for name in fallback_fonts() if code in coverage(name)), font)


def fallback_markup(text: str, font: str) -> str:
    """`text` as Paragraph markup (escaped, line breaks as <br/>), the characters `font` lacks set in a
    fallback face."""
    from xml.sax.saxutils import escape

    runs: list[tuple[str, list[str]]] = []
    for ch in text:
        face = _face_for(ch, font)
        if runs and runs[-1][0] == face:
            runs[-1][1].append(ch)
        else:
            runs.append((face, [ch]))
    parts = []
    for face, chars in runs:
        piece = escape("".join(chars)).replace("\n", "<br/>")
        parts.append(piece if face == font else f'<font name="{face}">{piece}</font>')
    return "".join(parts)


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
