"""The page registry: the main window's navigation is built from PAGES, in this order.

Each entry is (key, Chinese title, factory). `factory(context: AppContext) -> QWidget` builds the
page; modules are imported only when the page is first shown (fast start). Titles are translated at
display time through the "Pages" context (QT_TRANSLATE_NOOP marks them for pyside6-lupdate).

Optional page methods the main window calls when present:
- `page_shown()`: the page became the current one (load or refresh data here, off the UI thread).
- `is_busy() -> bool`: still loading; the screenshot mode waits until it is False.

Each helper edits only its own lines.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import AppContext

PageFactory = Callable[["AppContext"], "QWidget"]
Title = Any  # a Chinese title marked by QT_TRANSLATE_NOOP (a str; PySide's stub says object)


def lazy(module: str, name: str) -> PageFactory:
    """A factory that imports `module` and calls `name(context)` only when the page is first needed."""

    def factory(context: AppContext) -> QWidget:
        return getattr(importlib.import_module(module), name)(context)

    factory.__qualname__ = f"lazy({module}.{name})"
    return factory


def placeholder(key: str) -> PageFactory:
    """An honest stand-in for a page not written yet: it says so, and shows the record count."""

    def factory(context: AppContext) -> QWidget:
        from ui.pages.placeholder import PlaceholderPage

        return PlaceholderPage(context, key)

    return factory


PAGES: list[tuple[str, Title, PageFactory]] = [
    ("dashboard", QT_TRANSLATE_NOOP("Pages", "工作台"), lazy("ui.pages.dashboard", "DashboardPage")),
    (
        "businesses",
        QT_TRANSLATE_NOOP("Pages", "包保主体"),
        lazy("ui.pages.roster", "BusinessesPage"),
    ),
    ("cadres", QT_TRANSLATE_NOOP("Pages", "包保干部"), lazy("ui.pages.roster", "CadresPage")),
    (
        "assignments",
        QT_TRANSLATE_NOOP("Pages", "包保关系"),
        lazy("ui.pages.roster", "AssignmentsPage"),
    ),
    ("visits", QT_TRANSLATE_NOOP("Pages", "督导记录"), lazy("ui.pages.records", "VisitsPage")),
    (
        "selfchecks",
        QT_TRANSLATE_NOOP("Pages", "日管控/周排查/月调度"),
        lazy("ui.pages.records", "SelfChecksPage"),
    ),
    ("sampling", QT_TRANSLATE_NOOP("Pages", "抽检与快检"), lazy("ui.pages.records", "SamplingPage")),
    ("reports", QT_TRANSLATE_NOOP("Pages", "报表"), lazy("ui.pages.reports", "ReportsPage")),
    ("sync", QT_TRANSLATE_NOOP("Pages", "数据同步"), lazy("ui.pages.sync", "SyncPage")),
    ("settings", QT_TRANSLATE_NOOP("Pages", "设置"), lazy("ui.pages.settings", "SettingsPage")),
]


def page_keys() -> list[str]:
    return [key for key, _title, _factory in PAGES]
