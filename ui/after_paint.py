"""Hold a new window's background loads back until it has painted once (a faster first window).

A worker thread reading the database competes with the UI thread for the interpreter (the GIL) and,
on a two-core PC, for the CPU: started while the window is still being laid out and painted, it makes
the first paint late. So the main window queues its first loads (the status bar, the first page's
data) here; they start on the event loop's turn after the window's first paint.

A window that is not shown (tests, a window built but never shown) starts them on the event loop's
first turn; one shown but not painted after FALLBACK_MS (minimised, covered) starts them anyway.
Meanwhile ui.workers.busy() is True, so wait_idle() and the screenshot mode still wait for the data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from ui import workers

FALLBACK_MS = 500


def _forget(token: object) -> Callable[..., None]:
    return lambda *_args: workers.release(token)


class AfterFirstPaint(QObject):
    """`call(fn)`: run fn now if `window` has painted (or cannot), else once it has."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._queue: list[Callable[[], None]] = []
        self._released = False
        self._token = object()
        workers.hold(self._token)
        window.destroyed.connect(_forget(self._token))  # a window gone before its first paint
        window.installEventFilter(self)
        QTimer.singleShot(0, self, self._on_first_turn)

    @property
    def released(self) -> bool:
        return self._released

    def call(self, fn: Callable[[], None], *, first: bool = False) -> None:
        """`first`: before everything queued so far (the database's open, which the rest reads)."""
        if self._released:
            fn()
        elif first:
            self._queue.insert(0, fn)
        else:
            self._queue.append(fn)

    def release(self) -> None:
        """Start everything queued (once); later calls run at once."""
        if self._released:
            return
        self._released = True
        self._window.removeEventFilter(self)
        queue, self._queue = self._queue, []
        try:
            for fn in queue:
                fn()
        finally:
            workers.release(self._token)

    def _on_first_turn(self) -> None:
        if not self._window.isVisible():
            self.release()
        elif not self._released:
            QTimer.singleShot(FALLBACK_MS, self, self.release)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window and event.type() == QEvent.Type.Paint and not self._released:
            # The window's children paint right after it, in the same pass: start on the next turn.
            QTimer.singleShot(0, self, self.release)
        return False
