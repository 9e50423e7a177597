"""Chinese renders on a machine with no fonts at all: the shipped WenQuanYi Micro Hei is registered at
start. Run in a subprocess whose fontconfig knows no font directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication

app = QApplication(["probe"])
system_families = QFontDatabase.families()

def render(text):
    image = QImage(64, 64, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return bytes(image.constBits())

chars = "食安包保督导完成率"
font = QApplication.font()
font.setPixelSize(40)
before = [render(c) for c in chars]  # no font registered yet: whatever the machine offers

from ui.app import create_app
create_app(language="zh_CN")
font = QApplication.font()
font.setPixelSize(40)
images = [render(c) for c in chars]
tofu = render("\U0010FFFD")  # a private-use code point no font has: the missing-glyph box
raw = QRawFont.fromFont(font)
print(json.dumps({
    "system_families": system_families,
    "before_distinct": len(set(before)),
    "families": QFontDatabase.families(),
    "resolved": QFontInfo(font).family(),
    "raw_family": raw.familyName(),
    "supports": [raw.supportsCharacter(ord(c)) for c in chars],
    "inked": [sum(1 for b in img if b < 128) for img in images],
    "distinct": len(set(images)),
    "like_tofu": sum(1 for img in images if img == tofu),
}))
"""


def test_chinese_renders_with_no_system_fonts(tmp_path):
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(config),
        "FONTCONFIG_PATH": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "MSFOOD_HOME": str(tmp_path / "home"),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    # Only fontconfig's generic aliases, backed by no file: the machine has no font at all ...
    assert set(probe["system_families"]) <= {"Monospace", "Sans Serif", "Serif"}
    assert probe["before_distinct"] == 1  # ... so before registering, every character looked alike
    assert "WenQuanYi Micro Hei" in probe["families"]
    assert probe["raw_family"] == "WenQuanYi Micro Hei"
    assert all(probe["supports"])
    assert all(n > 40 for n in probe["inked"])  # every character drew real strokes
    assert probe["distinct"] == 9  # nine different glyphs, not nine copies of one box
    assert probe["like_tofu"] == 0
