"""Work off the UI thread: one QRunnable plus a signals QObject, on a one-thread pool (STYLE.md 6).

    run_op(self, lambda: compute(...)).on_success(self._show).on_failure(self._oops)

`fn` runs on the worker thread: it opens its own session and must never touch a widget. When `fn`
returns a generator yielding msfood.core.progress.Progress, the generator is driven on the worker thread;
with `progress=` a title, a progress dialog with a Cancel button shows it. Cancel closes the generator
at its next yield (GeneratorExit inside it, so its unit of work rolls back) and the op fails with
Cancelled, which the default failure handler ignores silently.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from msfood.core.errors import Cancelled
from msfood.core.progress import Progress

_POOL: QThreadPool | None = None
_RUNNING: set[Op] = set()
_HELD: set[object] = set()  # work promised but not started yet (ui.after_paint): still busy
_DEFERRING: set[object] = set()  # while not empty, new jobs wait: the database is not open yet (ui.startup)
_WAITING: list[Worker] = []


def db_pool() -> QThreadPool:
    """The pool for database work: one thread, so jobs never fight over SQLite's write lock."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


def busy() -> bool:
    """Some op has not delivered its result yet, or is held back to start later (the screenshot mode
    and tests wait on this)."""
    return bool(_RUNNING or _HELD)


def hold(token: object) -> None:
    """Count work that will start later (after a first paint) as running: busy() is True until
    release(token)."""
    _HELD.add(token)


def release(token: object) -> None:
    _HELD.discard(token)


def defer_jobs(token: object) -> None:
    """Let new jobs wait (counted as running) until start_jobs(token): the start paints before it opens
    the database with SQLAlchemy, and a job must not be the first to touch it (SQLAlchemy would then
    load on the worker thread)."""
    _DEFERRING.add(token)


def start_jobs(token: object) -> None:
    """Start the jobs that waited, in the order they were asked for."""
    _DEFERRING.discard(token)
    if _DEFERRING:
        return
    waiting, _WAITING[:] = list(_WAITING), []
    for worker in waiting:
        db_pool().start(worker)


def cancel_jobs(token: object) -> None:
    """Give up the jobs that waited (the window went before the database opened): each ends, unrun,
    as Cancelled, which the default failure handler ignores."""
    for worker in _WAITING:
        worker.cancel()
    start_jobs(token)


def _submit(worker: Worker) -> None:
    if _DEFERRING:
        _WAITING.append(worker)
    else:
        db_pool().start(worker)


def wait_idle(timeout_ms: int = 30_000) -> bool:
    """Process events until every op has delivered its result. True when idle, False on timeout."""
    import time

    from PySide6.QtCore import QDeadlineTimer

    deadline = QDeadlineTimer(timeout_ms)
    while (_RUNNING or _HELD) and not deadline.hasExpired():
        if _RUNNING:
            db_pool().waitForDone(20)
        else:  # held work starts from a timer or a paint: let the event loop get there
            time.sleep(0.002)
        QCoreApplication.processEvents()
    QCoreApplication.processEvents()
    return not busy()


class WorkerSignals(QObject):
    progress_changed = Signal(object)  # Progress
    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception


class Worker(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it (in Op) until its result is delivered
        self.fn = fn
        self.signals = WorkerSignals()
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> None:
        try:
            if self._cancelled:
                raise Cancelled()
            result = self.fn()
            if inspect.isgenerator(result):
                result = self._drive(result)
        except BaseException as exc:  # delivered to the UI thread, shown as a dialog there
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # shutting down, the receiver is gone: nobody to tell
            signal.emit(value)

    def _drive(self, task: Any) -> Any:
        while True:
            if self._cancelled:
                task.close()  # GeneratorExit at the yield: the task's `with` blocks roll back
                raise Cancelled()
            try:
                step = next(task)
            except StopIteration as stop:
                return stop.value
            if isinstance(step, Progress):
                self._emit(self.signals.progress_changed, step)


class Op(QObject):
    """A running job and what to do with its result. Made by run_op; callbacks run on the UI thread."""

    progress_changed = Signal(object)

    def __init__(self, parent: QWidget | None, fn: Callable[[], Any], progress: str | None) -> None:
        super().__init__()
        self._parent = parent
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self.worker = Worker(fn)
        self.dialog: QProgressDialog | None = None
        self.worker.signals.progress_changed.connect(self._on_worker_progress_changed)
        self.worker.signals.finished.connect(self._on_worker_finished)
        self.worker.signals.failed.connect(self._on_worker_failed)
        if progress is not None:
            self.dialog = _progress_dialog(parent, progress)
            self.dialog.canceled.connect(self.cancel)
        _RUNNING.add(self)
        _submit(self.worker)

    def on_success(self, callback: Callable[[Any], None]) -> Op:
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._failure = callback
        return self

    def cancel(self) -> None:
        self.worker.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(QCoreApplication.translate("Workers", "正在取消……"))

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _on_worker_progress_changed(self, step: Progress) -> None:
        self.progress_changed.emit(step)
        # A local: a modal dialog's setValue processes events, which may deliver the result and
        # clear self.dialog (_finish) before this returns.
        dialog = self.dialog
        if dialog is None or self.worker.cancelled:
            return
        if step.label:
            dialog.setLabelText(step.label)
        if step.total:
            dialog.setMaximum(step.total)
            dialog.setValue(min(step.done, step.total))
        else:
            dialog.setMaximum(0)

    def _finish(self) -> None:
        _RUNNING.discard(self)
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _on_worker_finished(self, result: Any) -> None:
        self._finish()
        if self._success is not None and self._parent_alive():
            self._success(result)

    def _on_worker_failed(self, exc: BaseException) -> None:
        self._finish()
        if not self._parent_alive():
            return
        if self._failure is not None:
            self._failure(exc)
        elif not isinstance(exc, Cancelled):
            from ui.errors import show_error

            show_error(self._parent, exc)


def _progress_dialog(parent: QWidget | None, title: str) -> QProgressDialog:
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setCancelButtonText(QCoreApplication.translate("Workers", "取消"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setRange(0, 0)
    dialog.setValue(0)
    return dialog


def run_op(parent: QWidget | None, fn: Callable[[], Any], *, progress: str | None = None) -> Op:
    """Run `fn` on the database pool; attach callbacks with .on_success / .on_failure (UI thread)."""
    return Op(parent, fn, progress)
