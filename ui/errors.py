"""Errors shown to people: a plain sentence in their language, never a traceback.

MsfoodError codes carry their own text (msfood.i18n); the kind of error picks the dialog's title and
icon. Anything else is a bug: its traceback goes to the log file and the dialog says where.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from msfood.core.config import log_path
from msfood.core.errors import (
    AuthenticationError,
    Cancelled,
    ConflictError,
    EnvironmentProblem,
    MsfoodError,
    NotFoundError,
    NothingToDo,
    PermissionDenied,
    ValidationError,
)


def log_exception(exc: BaseException) -> str:
    """Append the traceback to the app's log; the log's path, or '-' when it cannot be written."""
    try:
        path = log_path()
        with open(path, "a", encoding="utf-8") as handle:
            traceback.print_exception(type(exc), exc, exc.__traceback__, file=handle)
        return str(path)
    except OSError:
        return "-"


def error_title(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return QCoreApplication.translate("Errors", "输入有误")
    if isinstance(exc, ConflictError):
        return QCoreApplication.translate("Errors", "记录冲突")
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate("Errors", "没有权限")
    if isinstance(exc, AuthenticationError):
        return QCoreApplication.translate("Errors", "登录失败")
    if isinstance(exc, NotFoundError):
        return QCoreApplication.translate("Errors", "找不到记录")
    if isinstance(exc, NothingToDo):
        return QCoreApplication.translate("Errors", "无需操作")
    if isinstance(exc, Cancelled):
        return QCoreApplication.translate("Errors", "已取消")
    if isinstance(exc, EnvironmentProblem):
        return QCoreApplication.translate("Errors", "无法继续")
    return QCoreApplication.translate("Errors", "出错了")


def error_text(exc: BaseException) -> str:
    """What to tell the person: the catalogue's text for our errors, a pointer to the log for bugs."""
    if isinstance(exc, MsfoodError):
        return exc.message()
    problem = plain_database_problem(exc)
    if problem is not None:  # busy, disk full, read-only, not a database: the CLI's own words
        return problem.message()
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("Errors", "内存不足，请关闭其他程序后重试。")
    if isinstance(exc, OSError) and exc.filename:
        from msfood.core.plain_reason import plain_reason  # the system's English words, said in ours

        return QCoreApplication.translate("Errors", "无法读写文件：{file}（{reason}）").format(
            file=exc.filename, reason=plain_reason(exc)
        )
    path = log_exception(exc)
    return QCoreApplication.translate(
        "Errors", "程序遇到了意外错误，操作没有完成。详细信息已记入日志：{path}"
    ).format(path=path)


def plain_database_problem(exc: BaseException) -> EnvironmentProblem | None:
    """The plain-words problem for a database error, naming the open database's file when known."""
    from msfood.services.setup.database import database_problem

    return database_problem(exc, _open_database_path())


def _open_database_path() -> str | None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    for widget in QApplication.topLevelWidgets() if app is not None else []:
        context = getattr(widget, "context", None)
        path = getattr(getattr(context, "database", None), "path", None)
        if path is not None:
            return str(path)
    return None


def is_user_fixable(exc: BaseException) -> bool:
    return isinstance(
        exc, ValidationError | ConflictError | NothingToDo | AuthenticationError | NotFoundError
    )


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A message box for `exc`: a warning for what the user can fix, critical for the rest."""
    if isinstance(exc, Cancelled):
        return
    problem = None if isinstance(exc, MsfoodError) else plain_database_problem(exc)
    if problem is not None:
        exc = problem
    title, text = error_title(exc), error_text(exc)
    if is_user_fixable(exc):
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.critical(parent, title, text)


def install_excepthook() -> None:
    """Uncaught exceptions in slots: log them and show a plain dialog instead of dying on a traceback."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        try:
            show_error(None, exc)
        except Exception:  # the dialog itself failed: at least keep the log
            log_exception(exc)

    sys.excepthook = hook
