"""What every page gets: the open database, who is signed in, the clock, settings and app-wide signals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from msfood.core.clock import Clock
from msfood.services.writing.permissions import Actor

if TYPE_CHECKING:
    from msfood.services.setup.database import Database
    from msfood.services.setup.identity import UnitIdentity
    from ui.settings import AppSettings


class AppSignals(QObject):
    """App-wide notifications. Pages connect to these; nobody holds a reference to another page."""

    data_changed = Signal(object)  # frozenset[str]: names of the tables that changed (e.g. {"visits"})
    bundle_changed = Signal()  # a bundle was sent or received: the status bar re-reads bundle_log
    language_changed = Signal(str)  # "zh_CN" or "en"
    navigate = Signal(str)  # a page key: ask the main window to show that page
    open_record = Signal(str, str)  # (kind, id), e.g. ("businesses", id): show its page and open its form


@dataclass
class AppContext:
    """The one object a page factory receives: `factory(context) -> QWidget`.

    Services take a session: `with context.database.sessions.begin() as session:` (or run the work
    off the UI thread with ui.workers.run_op). After a write, call `context.changed({"visits"})`.
    """

    database: Database
    actor: Actor
    clock: Clock
    settings: AppSettings
    unit: UnitIdentity
    signals: AppSignals = field(default_factory=AppSignals)
    demo: bool = False  # the open database is a demo database (shown in the title and status bar)

    def changed(self, tables: Iterable[str]) -> None:
        self.signals.data_changed.emit(frozenset(tables))
