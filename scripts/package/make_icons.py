"""Draw resources/icons/msfood.png (256 px, Linux desktop entry and window) and msfood.ico (Windows:
16-256 px) from resources/icons/msfood.svg. Run after changing the SVG; the outputs are committed.

    .venv/bin/python scripts/package/make_icons.py
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402  (reportlab's dependency: already installed)
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def render(svg: Path, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication([])  # noqa: F841  (QPainter needs one)
    png = ICONS / "msfood.png"
    if not render(ICONS / "msfood.svg", 256).save(str(png)):
        raise SystemExit(f"cannot write {png}")
    Image.open(png).save(ICONS / "msfood.ico", sizes=ICO_SIZES)
    print(f"wrote {png} and {ICONS / 'msfood.ico'}")


if __name__ == "__main__":
    main()
