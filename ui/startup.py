"""From arguments to a signed-in main window: choose the database, set it up if new, sign in.

Also reopens the app on another database (File > Open, recent databases, the demo) without a restart.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from msfood.core.clock import Clock
from msfood.core.config import default_db_path, demo_db_path
from msfood.core.errors import AuthenticationError, EnvironmentProblem, MsfoodError
from msfood.services.setup.first_paint import plain_connection
from msfood.services.writing.permissions import Actor
from ui.context import AppContext
from ui.errors import show_error
from ui.settings import AppSettings
from ui.signing import PendingSignIn, start_sign_in_from_env

if TYPE_CHECKING:
    from msfood.services.setup.database import Database
    from msfood.services.setup.first_paint import DeferredDatabase
    from ui.main_window import MainWindow
    from ui.single_instance import DatabaseClaim


def _is_demo_path(path: Path) -> bool:
    try:
        return path.resolve() == demo_db_path().resolve()
    except OSError:
        return False


def is_demo_unit(code: str) -> bool:
    """A database made by msfood.demo (its unit code is one of the demo specs'), wherever the file is."""
    if not code.upper().startswith("DEMO"):
        return False
    from msfood.demo import SPECS

    return code in {spec.unit_code for spec in SPECS.values()}


def read_unit(database: Database):  # type: ignore[no-untyped-def]
    """The unit's identity, in a reader's session (never waits behind a writer); through the plain
    connection of a database not opened yet."""
    if plain_connection(database) is not None:
        from msfood.services.setup.first_paint import read_unit as read_plain

        return read_plain(database)  # type: ignore[arg-type]
    from msfood.services.setup.new_unit import unit_identity

    with database.readers() as session:
        return unit_identity(session)


def open_database_now(path: Path) -> Database:
    """The usual open (SQLAlchemy, the schema check, a migration with its backup)."""
    from msfood.services.setup.database import open_app_database

    return open_app_database(path)


def defer_opening(path: Path, *, reopening: bool) -> DeferredDatabase | None:
    """`path` ready to sign in and paint from before SQLAlchemy loads, or None when the usual open must
    decide (msfood.services.setup.first_paint). Not worth it once SQLAlchemy has loaded, nor when the
    app opens another database (its old window's work is waited for). MSFOOD_FIRST_PAINT chooses:
    "usual" always opens first (a way back, should the plain reads ever misbehave on a user's machine),
    "plain" defers even with SQLAlchemy loaded (the tests, which load it themselves)."""
    import os

    choice = os.environ.get("MSFOOD_FIRST_PAINT", "")
    if reopening or choice == "usual" or (choice != "plain" and "sqlalchemy" in sys.modules):
        return None
    from msfood.services.setup.first_paint import defer_database

    return defer_database(path)


def preload_main_window(page_key: str = "") -> None:
    """Import the main window's modules ahead of need, and the dashboard's when it is the first page
    (`page_key`: the last page shown). Done while the password check runs on its thread."""
    import ui.main_window  # noqa: F401
    from ui.pages import page_keys

    keys = page_keys()
    if (page_key if page_key in keys else keys[0]) == "dashboard":
        import ui.pages.dashboard  # noqa: F401


class AppController(QObject):
    """Owns the open database and the main window; swaps both when the user opens another database."""

    def __init__(self, settings: AppSettings, clock: Clock, *, headless: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.clock = clock
        self.headless = headless  # screenshot mode: no dialogs, failures are messages on stderr
        self.context: AppContext | None = None
        self.window: MainWindow | None = None
        self.claim: DatabaseClaim | None = None  # this app's hold on the open database (one app per file)

    # --- choosing the database

    def initial_target(self, db_arg: str | None) -> tuple[Path, bool]:
        """The database to open, and whether the user named it (--db)."""
        if db_arg:
            return Path(db_arg).expanduser(), True
        last = self.settings.last_database
        if last and Path(last).exists():
            return Path(last), False
        return default_db_path(), False

    def start(self, db_arg: str | None) -> bool:
        target, named = self.initial_target(db_arg)
        if target.exists():
            return self.open(target, demo=_is_demo_path(target))
        if self.headless:
            raise EnvironmentProblem("db.missing", path=str(target))
        return self.first_start(target)

    def first_start(self, target: Path) -> bool:
        from ui.first_start import FirstStartDialog

        dialog = FirstStartDialog(self.settings, self.clock, target=target)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice is None:
            return False
        return self.open(dialog.choice.path, demo=dialog.choice.demo)

    # --- opening and signing in

    def open(self, path: Path, *, demo: bool = False) -> bool:
        """Open `path`, sign in, and show the main window on it. False when the user gave up."""
        claim = self._claim(path)
        if claim is False:
            return self.window is not None
        try:
            database = defer_opening(path, reopening=self.window is not None) or open_database_now(path)
        except EnvironmentProblem as exc:
            self._drop(claim)
            if self.headless:
                raise
            show_error(self.window, exc)
            self.settings.forget_database(path)
            return self.window is not None or self.first_start(default_db_path())
        pending = None
        try:
            # MSFOOD_USER/MSFOOD_PASSWORD: Argon2 runs on its thread while this one reads the unit and
            # loads the main window's modules; sign_in waits for it before any window is made.
            pending = start_sign_in_from_env(database, self.clock)
            unit = read_unit(database)
            demo = demo or _is_demo_path(path) or is_demo_unit(unit.code)
            if pending is not None:
                preload_main_window(self.settings.last_page)
            actor = self.sign_in(database, unit.name, pending, demo=demo)
        except BaseException as exc:
            if pending is not None:
                pending.cancel()  # waits for the thread; nothing to do when the attempt has ended
            database.close()
            self._drop(claim)
            from msfood.services.setup.database import database_problem

            problem = None if isinstance(exc, MsfoodError) else database_problem(exc, path)
            if problem is not None:  # busy, disk full, read-only...: the same words as the CLI's
                if self.headless:
                    raise problem from exc
                exc = problem
            if self.headless or not isinstance(exc, MsfoodError):
                raise
            show_error(self.window, exc)
            return self.window is not None
        if actor is None:
            database.close()
            self._drop(claim)
            return self.window is not None
        self.settings.add_recent_database(path)
        if plain_connection(database) is not None:  # jobs wait for the open, after the first paint
            from ui import workers

            workers.defer_jobs(database)
            database.when_open(lambda: workers.start_jobs(database))
        self._show(AppContext(database, actor, self.clock, self.settings, unit, demo=demo))
        self._keep(claim)
        return True

    def _open_deferred(self, database: DeferredDatabase, window: MainWindow) -> None:
        """After the first paint: open the database with SQLAlchemy (a second or so on a slow PC, once).
        Should that fail (the file went away meanwhile, say), the user is told and the window closes."""
        try:
            database.open()
        except Exception as exc:  # noqa: BLE001 (told in plain words, never a traceback)
            from msfood.services.setup.database import database_problem

            problem = exc if isinstance(exc, MsfoodError) else database_problem(exc, database.path)
            problem = problem or EnvironmentProblem("local.unreadable", path=str(database.path))
            if self.headless:
                print_problem(problem)
            else:
                show_error(window, problem)
            if self.window is window:
                window.close()

    # --- one app per database file

    def _claim(self, path: Path) -> DatabaseClaim | None | bool:
        """This app's hold on `path` (None: not needed, headless); False: another app has it open, the
        user was told and that app asked to come to the front."""
        if self.headless:  # screenshots: no window to raise, nothing kept open
            return None
        if self.claim is not None and self.claim.same_file(path):
            return self.claim
        from msfood.core.instance_lock import InstanceRunning
        from ui.single_instance import ask_running_app_to_raise, claim_database

        try:
            return claim_database(path, self.clock)
        except InstanceRunning as exc:
            ask_running_app_to_raise(path)
            show_error(self.window, exc)
            return False

    def _drop(self, claim: DatabaseClaim | None | bool) -> None:
        if isinstance(claim, QObject) and claim is not self.claim:
            claim.release()

    def _keep(self, claim: DatabaseClaim | None | bool) -> None:
        if not isinstance(claim, QObject) or claim is self.claim:
            return
        if self.claim is not None:
            self.claim.release()
        self.claim = claim
        claim.raise_requested.connect(self._on_claim_raise_requested)

    def _on_claim_raise_requested(self) -> None:
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def sign_in(
        self, database: Database, unit_name: str, pending: PendingSignIn | None, *, demo: bool = False
    ) -> Actor | None:
        """MSFOOD_USER/MSFOOD_PASSWORD (`pending`: that check, already started; None when unset), else
        the sign-in dialog (offering the demo account on a demo database)."""
        try:
            actor = pending.result() if pending is not None else None
        except AuthenticationError:
            if self.headless:
                raise
            actor = None
        if actor is not None:
            return actor
        if self.headless:
            raise EnvironmentProblem("ui.signin_needed")
        from ui.login import LoginDialog

        account = None
        if demo:
            from ui.first_start import demo_admin

            account = demo_admin()
        dialog = LoginDialog(database, self.clock, unit_name=unit_name, demo_account=account)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.actor

    def _show(self, context: AppContext) -> None:
        from ui.main_window import MainWindow

        old_window, old_context = self.window, self.context
        self.context = context
        self.window = window = MainWindow(context)
        if plain_connection(context.database) is not None:  # not opened yet: once painted
            window.after_paint.call(lambda: self._open_deferred(context.database, window), first=True)
        self.window.open_database_requested.connect(self._on_window_open_database_requested)
        self.window.demo_requested.connect(self._on_window_demo_requested)
        self.window.new_station_requested.connect(self._on_window_new_station_requested)
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_context is not None and old_context is not context:
            from ui.workers import wait_idle

            wait_idle()
            old_context.database.close()
        if old_context is not context:
            context.signals.language_changed.connect(self._on_signals_language_changed)
        if not self.headless:
            self.window.show()

    def _on_signals_language_changed(self, code: str) -> None:
        """Switch the language at once: new translators, and the window built again in it."""
        from ui.i18n import install_translators

        install_translators(code)
        if self.context is not None:
            self._show(self.context)

    def _on_window_open_database_requested(self, path: Path) -> None:
        self.open(Path(path), demo=_is_demo_path(Path(path)))

    def _on_window_demo_requested(self) -> None:
        from ui.first_start import make_demo_database
        from ui.workers import run_op

        path = demo_db_path()
        if path.exists():
            self.open(path, demo=True)
            return
        op = run_op(
            self.window,
            lambda: make_demo_database(path, self.clock),
            progress=QApplication.translate("AppController", "正在生成演示数据"),
        )
        op.on_success(lambda made: self._open_demo(Path(made)))

    def _open_demo(self, path: Path) -> None:
        self.open(path, demo=True)

    def _on_window_new_station_requested(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ui.dialogs.common import remember_chosen, start_path
        from ui.first_start import FirstStartDialog

        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            QApplication.translate("AppController", "新数据库保存到"),
            start_path(self.settings, "database", "station.sqlite"),
            QApplication.translate("AppController", "食安包保数据库 (*.sqlite)"),
        )
        if not path:
            return
        remember_chosen(self.settings, "database", path)
        dialog = FirstStartDialog(self.settings, self.clock, target=Path(path), parent=self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.choice is not None:
            self.open(dialog.choice.path, demo=dialog.choice.demo)

    def shutdown(self) -> None:
        from ui.workers import cancel_jobs, wait_idle

        if self.context is not None and plain_connection(self.context.database) is not None:
            cancel_jobs(self.context.database)  # closed before the first paint: nothing was opened for them
        wait_idle()
        if self.context is not None:
            self.context.database.close()
        if self.claim is not None:
            self.claim.release()
            self.claim = None


def print_problem(exc: BaseException) -> None:
    from ui.errors import error_text

    print(error_text(exc), file=sys.stderr)
