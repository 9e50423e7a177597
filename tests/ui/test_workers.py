"""ui.workers: results and failures reach the UI thread; a generator shows progress and can be cancelled
without leaving half-written data."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from msfood.core.errors import Cancelled, ValidationError
from msfood.core.ids import natural_id
from msfood.core.progress import Progress
from msfood.db.models import Setting
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of

ADMIN = Actor("admin", "admin")


def test_pool_runs_one_job_at_a_time(app):
    from ui.workers import db_pool

    assert db_pool().maxThreadCount() == 1


def test_result_reaches_the_ui_thread(qtbot, app, wait_ops):
    from ui.workers import run_op

    threads: list[threading.Thread] = []
    got: list[object] = []

    def work() -> int:
        threads.append(threading.current_thread())
        return 42

    run_op(None, work).on_success(lambda result: got.append((result, threading.current_thread())))
    wait_ops()
    assert got == [(42, threading.main_thread())]
    assert threads and threads[0] is not threading.main_thread()


def test_default_failure_is_a_plain_dialog(qtbot, app, wait_ops, no_dialogs):
    from ui.workers import run_op

    def work() -> None:
        raise ValidationError("value.required", "name")

    run_op(None, work)
    wait_ops()
    assert no_dialogs == [("输入有误", "名称: 必填，不能为空")]


def test_a_bug_shows_no_traceback_and_is_logged(qtbot, app, wait_ops, no_dialogs, isolated_home):
    from ui.workers import run_op

    def work() -> None:
        raise ZeroDivisionError("division by zero")

    run_op(None, work)
    wait_ops()
    [(title, text)] = no_dialogs
    assert title == "出错了"
    assert "Traceback" not in text and "ZeroDivisionError" not in text
    assert "ZeroDivisionError" in (isolated_home / "msfood.log").read_text(encoding="utf-8")


def _writer(db, clock, proceed: threading.Event, keys: list[str]):  # type: ignore[no-untyped-def]
    """A long task: writes one setting per step inside one unit of work, pausing after each step."""
    with unit_of_work(db.sessions, actor=ADMIN, clock=clock) as uow:
        for i, key in enumerate(keys):
            uow.upsert(table_of(Setting), {"id": natural_id("setting", key), "key": key, "value": "1"})
            yield Progress(i + 1, len(keys), f"第 {i + 1} 步")
            assert proceed.wait(5)
    return len(keys)


def _stored(db, keys: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return list(session.scalars(select(Setting.key).where(Setting.key.in_(keys))))


def test_generator_reports_progress_then_its_result(qtbot, app, db, clock, wait_ops):
    from ui.workers import run_op

    keys = ["test_a", "test_b", "test_c"]
    proceed = threading.Event()
    proceed.set()
    steps: list[Progress] = []
    results: list[object] = []
    op = run_op(None, lambda: _writer(db, clock, proceed, keys), progress="正在写入")
    op.progress_changed.connect(steps.append)
    op.on_success(results.append)
    assert op.dialog is not None and op.dialog.labelText() == "正在写入"
    wait_ops()
    assert results == [3]
    assert [s.done for s in steps] == [1, 2, 3] and steps[-1].label == "第 3 步"
    assert op.dialog is None
    assert sorted(_stored(db, keys)) == keys


def test_cancel_stops_the_generator_and_rolls_back(qtbot, app, db, clock, wait_ops):
    from ui.workers import run_op

    keys = ["test_x", "test_y", "test_z"]
    proceed = threading.Event()
    failures: list[BaseException] = []
    successes: list[object] = []
    op = run_op(None, lambda: _writer(db, clock, proceed, keys), progress="正在写入")
    op.on_success(successes.append).on_failure(failures.append)

    def on_progress(step: Progress) -> None:
        if step.done == 1:
            assert op.dialog is not None
            op.dialog.findChild(QPushButton).click()  # the Cancel button
            assert op.dialog.labelText() == "正在取消……"
            proceed.set()

    op.progress_changed.connect(on_progress)
    wait_ops()
    assert successes == []
    assert len(failures) == 1 and isinstance(failures[0], Cancelled)
    assert _stored(db, keys) == []  # the steps written before the cancel were rolled back


def test_callbacks_are_dropped_when_the_parent_is_gone(qtbot, app, wait_ops):
    from PySide6.QtWidgets import QWidget

    from ui.workers import run_op

    parent = QWidget()
    got: list[object] = []
    gate = threading.Event()
    run_op(parent, lambda: gate.wait(5)).on_success(got.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent))
    gate.set()
    wait_ops()
    assert got == []


def _alive(widget) -> bool:  # type: ignore[no-untyped-def]
    import shiboken6

    return shiboken6.isValid(widget)


@pytest.mark.parametrize("total", [None, 0])
def test_unknown_total_shows_a_busy_bar(qtbot, app, wait_ops, total):
    from ui.workers import run_op

    gate = threading.Event()
    maxima: list[int] = []

    def task():  # type: ignore[no-untyped-def]
        yield Progress(1, total, "读取中")
        assert gate.wait(5)
        return "done"

    op = run_op(None, task, progress="读取")

    def on_progress(_step: Progress) -> None:
        assert op.dialog is not None
        maxima.append(op.dialog.maximum())
        gate.set()

    op.progress_changed.connect(on_progress)
    wait_ops()
    assert maxima == [0]


def test_jobs_asked_for_before_the_database_opens_wait_and_then_run_in_order(qtbot, app, wait_ops):
    # ui.startup defers the jobs while the window paints before SQLAlchemy loads (setup.first_paint)
    from ui.workers import busy, defer_jobs, run_op, start_jobs

    ran: list[str] = []
    got: list[str] = []
    token = object()
    defer_jobs(token)
    try:
        for name in ("status", "figures", "first steps"):
            run_op(None, lambda n=name: ran.append(n) or n).on_success(got.append)
        qtbot.wait(50)
        app.processEvents()
        assert ran == [] and got == [] and busy()  # waiting, and counted as work under way
    finally:
        start_jobs(token)
    wait_ops()
    assert ran == ["status", "figures", "first steps"] and got == ran and not busy()
    run_op(None, lambda: "later").on_success(got.append)  # once started, jobs start at once again
    wait_ops()
    assert got[-1] == "later"


def test_jobs_that_waited_are_given_up_unrun_when_the_window_goes_first(qtbot, app, wait_ops):
    from ui.workers import busy, cancel_jobs, defer_jobs, run_op

    ran: list[str] = []
    failures: list[BaseException] = []
    token = object()
    defer_jobs(token)
    run_op(None, lambda: ran.append("figures")).on_failure(failures.append)
    cancel_jobs(token)
    wait_ops()
    assert ran == [] and len(failures) == 1 and isinstance(failures[0], Cancelled) and not busy()
