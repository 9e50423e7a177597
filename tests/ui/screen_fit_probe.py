"""Render every window of the app on the screen this process was given and report what does not fit.

Run by tests/ui/test_screen_fit.py in a subprocess whose offscreen platform has one screen of the
logical size a laptop leaves for windows (1366×768 at 100% and at 125%, less the taskbar):

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python -m tests.ui.screen_fit_probe DB OUT_DIR

Writes OUT_DIR/<window>.png for each window and prints one JSON object: {"checked": [...],
"problems": [...]}. A problem is a window (frame included) larger than the available geometry, or a
visible button (not in a scroll area, which scrolls to it) that is not wholly inside its window.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QDialogButtonBox, QPushButton, QWidget

from msfood.core.clock import FixedClock
from ui.screen_fit import frame_margins

ADMIN_PASSWORD = "admin-pass-1"
FORM_SPECS = ("BUSINESS", "CADRE", "ASSIGNMENT", "VISIT", "PROBLEM", "SELFCHECK", "SAMPLING", "RAPID_TEST")
CLOCK = FixedClock(dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC))


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def check_window(name: str, window: QWidget, out_dir: Path) -> list[str]:
    """What does not fit in `window`, shown on its screen."""
    from ui.screenshot import settle

    settle(window)
    problems = []
    area = window.screen().availableGeometry()
    # offscreen draws a 2-pixel frame: count the title bar a real one has, placed at pos() as a window
    # manager does
    frame = QRect(window.pos(), window.size().grownBy(frame_margins(window)))
    if not area.contains(frame):
        problems.append(f"{name}: window {frame.getRect()} exceeds the screen {area.getRect()}")
    inside = _global_rect(window)
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QPushButton | QDialogButtonBox) or not widget.isVisibleTo(window):
            continue
        if widget.window() is not window or _in_scroll_area(widget, window):
            continue
        rect = _global_rect(widget)
        if not (inside.contains(rect) and area.contains(rect)):
            label = widget.text() if isinstance(widget, QPushButton) else widget.objectName() or "buttons"
            problems.append(f"{name}: button {label!r} at {rect.getRect()} is outside {inside.getRect()}")
    window.grab().save(str(out_dir / f"{name}.png"))
    return problems


def windows(context: Any, main: Any) -> Iterator[tuple[str, QWidget]]:
    """Every top-level window and dialog, made and shown one at a time."""
    from msfood.services.queries import lists as queries
    from msfood.services.queries.lists import Filters
    from msfood.services.roster.regions import RegionNode
    from ui.dialogs.backup_restore import BackupRestoreDialog
    from ui.dialogs.history import HistoryDialog
    from ui.dialogs.import_excel import ImportExcelDialog
    from ui.dialogs.papers import PapersDialog
    from ui.dialogs.periods import PeriodsDialog
    from ui.first_start import FirstStartDialog
    from ui.forms import kinds
    from ui.forms.record_form import RecordForm
    from ui.login import LoginDialog
    from ui.methodology_window import MethodologyWindow
    from ui.pages.dashboard.drilldown import RecordsDialog
    from ui.pages.settings.rules import PresetDialog
    from ui.pages.settings.users import NewUserDialog
    from ui.pages.sync.trust import TrustDialog
    from ui.regions.dialogs import RegionEditorDialog
    from ui.regions.edits import RetireDialog

    for key in main.page_keys():
        main.show_page(key)
        yield f"main_{key}", main
    for name in FORM_SPECS:
        yield f"form_{name.lower()}", RecordForm(context, getattr(kinds, name), parent=main)
    with context.database.sessions() as session:
        visit = next(r for r in queries.iterate(session, "visits", filters=Filters(as_of=CLOCK.today())))
        business = next(iter(queries.iterate(session, "businesses", filters=Filters(as_of=CLOCK.today()))))
    yield "backup_restore", BackupRestoreDialog(context, main)
    yield "history", HistoryDialog(context, business.id, title=business.name, parent=main)
    yield "import_excel", ImportExcelDialog(context, main)
    yield "papers", PapersDialog(context, visit=visit, parent=main)
    yield "periods", PeriodsDialog(context, main)
    yield "first_start", FirstStartDialog(context.settings, CLOCK, target=Path(sys.argv[2]) / "new.sqlite")
    yield "login", LoginDialog(context.database, CLOCK, unit_name=context.unit.name)
    yield "methodology", MethodologyWindow(main)
    rows = [["清水家常饭店", "2026-11-02"]] * 40
    yield "records", RecordsDialog("督导记录", ["主体", "日期"], rows, parent=main)
    yield "preset", PresetDialog(next(iter(_presets())), CLOCK.today(), main)
    yield "new_user", NewUserDialog(context, main)
    enrolment = SimpleNamespace(name="株洲市市场监督管理局", code="430200", kind="bureau",
                                region_code="430200", fingerprint="0123456789ABCDEF" * 4)  # fmt: skip
    yield "trust", TrustDialog(enrolment, main)
    yield "region_editor", RegionEditorDialog(context, main)
    node = RegionNode("r1", "430204", "石峰区", None, "county", 3, 2024)
    yield "retire", RetireDialog(node, CLOCK.today(), main)


def _presets() -> Iterator[str]:
    from msfood.services import rules

    yield from rules.RULE_PRESETS


def main() -> int:
    from msfood.services.setup.database import open_app_database
    from ui.app import create_app
    from ui.context import AppContext
    from ui.login import sign_in
    from ui.main_window import MainWindow
    from ui.settings import AppSettings
    from ui.startup import read_unit
    from ui.workers import wait_idle

    db_path, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    app = create_app(language="zh_CN")
    database = open_app_database(db_path)
    actor = sign_in(database, "admin", ADMIN_PASSWORD, CLOCK)
    context = AppContext(database, actor, CLOCK, AppSettings(out_dir / "ui.ini"), read_unit(database))
    window = MainWindow(context)
    window.show()
    checked, problems = [], []
    for name, shown in windows(context, window):
        shown.show()
        app.processEvents()
        problems += check_window(name, shown, out_dir)
        checked.append(name)
        if shown is not window:
            shown.close()
            shown.deleteLater()
    wait_idle()
    window.close()
    database.close()
    print(json.dumps({"checked": checked, "problems": problems}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
