"""The screenshots of the 使用说明 (resources/help/usage.md): the app opened offscreen on a fresh station
demo at 1366×768, each page and dialog the guide shows grabbed, scaled to 1100 px wide and saved as
small palette PNGs in resources/help/images/.

    .venv/bin/python scripts/help_screenshots.py [--out resources/help/images]

Deterministic: a demo of 2026 seen on 24 November 2026 (MSFOOD_NOW), in a data folder of its own, so
the user's own database and settings are never touched."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WIDTH = 1100
SIZE = (1366, 768)
NOW = "2026-11-24T10:00:00+08:00"


def make_demo(folder: Path) -> Path:
    path = folder / "演示.sqlite"
    env = {**os.environ, "MSFOOD_HOME": str(folder / "home"), "MSFOOD_NOW": NOW}
    subprocess.run([sys.executable, "-m", "msfood", "demo", "--db", str(path), "--year", "2026"],
                   check=True, env=env, stdout=subprocess.DEVNULL)  # fmt: skip
    return path


def save_small(widget: Any, target: Path) -> int:
    """Grab `widget`, scale it to WIDTH, save it as an optimised palette PNG; the file's size."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt

    image = widget.grab().toImage()
    if image.width() > WIDTH:
        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    try:
        import io

        from PIL import Image

        picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
        picture.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            target, optimize=True
        )
    except ImportError:  # Pillow comes with reportlab; without it, Qt's own PNG
        image.save(str(target), "PNG", 0)
    return target.stat().st_size


Shot = tuple[str, Any, Callable[[], None] | None]


def shots(window: Any, settle: Callable[[Any], None]) -> Iterator[Shot]:
    """(file name, what to grab, how to close it afterwards) in the guide's order, each shown when it is
    yielded (grab it then: the next step changes the window)."""
    from ui.dialogs.backup_restore import BackupRestoreDialog
    from ui.dialogs.import_excel import ImportExcelDialog
    from ui.first_start import FirstStartDialog

    context = window.context

    def page(key: str) -> Any:
        shown = window.show_page(key)
        settle(shown)
        settle(window)
        return window

    first = FirstStartDialog(context.settings, context.clock, target=Path.home() / "msfood" / "station.sqlite")
    first.resize(900, 640)
    first.show()
    settle(first)
    yield ("first-start.png", first, first.close)
    yield ("dashboard.png", page("dashboard"), None)
    yield ("visits.png", page("visits"), None)
    visits = window.show_page("visits")
    form = visits.current_list().new_record()
    if form is not None:
        form.show()
        settle(form)
        yield ("visit-form.png", form, form.reject)
    yield ("selfchecks.png", page("selfchecks"), None)
    yield ("sampling.png", page("sampling"), None)
    importer = ImportExcelDialog(context, window)
    importer.resize(1000, 620)
    importer.show()
    settle(importer)
    yield ("import-excel.png", importer, importer.close)
    yield ("reports.png", page("reports"), None)
    yield ("sync.png", page("sync"), None)
    backups = BackupRestoreDialog(context, window)
    backups.resize(960, 600)
    backups.show()
    settle(backups)
    yield ("backup.png", backups, backups.close)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "help" / "images")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="msfood-help-") as temp:
        folder = Path(temp)
        demo = make_demo(folder)
        os.environ.update(MSFOOD_HOME=str(folder / "home"), MSFOOD_NOW=NOW, MSFOOD_USER="admin",
                          MSFOOD_PASSWORD="demo-admin", HOME=str(folder / "user"))  # fmt: skip
        from msfood.core.clock import clock_from_env
        from ui.app import create_app
        from ui.run import quiet_offscreen_messages
        from ui.screenshot import settle
        from ui.settings import AppSettings
        from ui.startup import AppController

        create_app(language="zh_CN")
        quiet_offscreen_messages()
        controller = AppController(AppSettings(folder / "ui.ini"), clock_from_env(), headless=True)
        try:
            if not controller.start(str(demo)):
                return 2
            window = controller.window
            assert window is not None
            window.resize(*SIZE)
            window.show()
            args.out.mkdir(parents=True, exist_ok=True)
            total = 0
            for name, widget, close in shots(window, settle):
                size = save_small(widget, args.out / name)
                total += size
                print(f"{name:20} {size / 1024:6.0f} KB")
                if close is not None:
                    close()
            print(f"{'total':20} {total / 1024:6.0f} KB")
        finally:
            controller.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
