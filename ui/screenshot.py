"""`main.py --screenshot DIR`: render every page, with its data, to DIR/<page key>.png."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer
from PySide6.QtWidgets import QWidget

from ui.workers import wait_idle

SIZE = (1366, 800)


def settle(widget: QWidget, timeout_ms: int = 60_000) -> None:
    """Let a page finish loading: every worker delivered and the page says it is not busy."""
    deadline = QDeadlineTimer(timeout_ms)
    while not deadline.hasExpired():
        wait_idle(max(1, deadline.remainingTime()))
        is_busy = getattr(widget, "is_busy", None)
        if not (callable(is_busy) and is_busy()):
            break
        QCoreApplication.processEvents()
    QCoreApplication.processEvents()


def take_screenshots(window, out_dir: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    """Show each page of `window` (a MainWindow) in turn and save a PNG of the whole window."""
    out_dir.mkdir(parents=True, exist_ok=True)
    window.resize(*SIZE)
    window.show()
    written = []
    for key in window.page_keys():
        page = window.show_page(key)
        settle(page)
        settle(window)
        target = out_dir / f"{key}.png"
        if not window.grab().save(str(target)):
            raise OSError(f"cannot write {target}")
        written.append(target)
    return written
