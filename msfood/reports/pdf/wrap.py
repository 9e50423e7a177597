"""Line-breaking of table cells for the PDF, without reportlab Paragraphs (which cost about a millisecond
each: a city's missed list has tens of thousands of cells).

Chinese may break between any two characters; a run of Latin letters or digits (a credit code, a
phone number, a date) breaks only where it must; no line starts with closing punctuation or ends with an opening bracket (避头尾).
Widths come straight from the TrueType font's advance widths.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

NO_LINE_START = set("，。、；：？！）》」』】〕’”%,.;:?!)]}·…—/")
NO_LINE_END = set("（《「『【〔‘“([{")


@lru_cache(maxsize=8)
def _widths(font: str) -> tuple[dict[int, float], float]:
    face = getattr(pdfmetrics.getFont(font), "face", None)
    if face is None or not hasattr(face, "charWidths"):  # a standard font: ask reportlab
        return {}, -1.0
    return face.charWidths, float(face.defaultWidth)


def text_width(text: str, font: str, size: float) -> float:
    widths, default = _widths(font)
    if default < 0:
        return pdfmetrics.stringWidth(text, font, size)
    get = widths.get
    return sum(get(ord(ch), default) for ch in text) * size / 1000.0


WORD = set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-./:_%+")


def _breakable_after(ch: str, nxt: str) -> bool:
    """May a line end between ch and nxt? Not inside a Latin word, number, date or code."""
    if nxt in NO_LINE_START or ch in NO_LINE_END:
        return False
    return not (ch in WORD and nxt in WORD)


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """The text broken into lines no wider than `width` (a single over-long word is cut)."""
    if len(text) * size <= width or text_width(text, font, size) <= width:  # no glyph is wider than 1 em
        return [text]
    widths, default = _widths(font)

    def advance(ch: str) -> float:
        if default < 0:
            return pdfmetrics.stringWidth(ch, font, size)
        return widths.get(ord(ch), default) * size / 1000.0

    lines: list[str] = []
    for paragraph in text.split("\n"):
        start, n = 0, len(paragraph)
        if n == 0:
            lines.append("")
        while start < n:
            used, end, last_break = 0.0, start, -1
            while end < n:
                w = advance(paragraph[end])
                if used + w > width and end > start:
                    break
                used += w
                end += 1
                if end < n and _breakable_after(paragraph[end - 1], paragraph[end]):
                    last_break = end
            if end >= n:
                lines.append(paragraph[start:])
                break
            cut = last_break if last_break > start else end
            lines.append(paragraph[start:cut].rstrip())
            start = cut
            while start < n and paragraph[start] == " ":
                start += 1
    return lines
