"""Opening a list page over the small station of tests/list_data.py, shown and ready."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from tests import list_data


def open_page(qtbot: Any, context: Any, clock: Any, wait_ops: Any, factory: Callable[[Any], Any]) -> Any:
    list_data.build(context.database, clock)
    page = factory(context)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    wait_ops()
    return page


def stored(context: Any, model: type, **where: Any) -> Any:
    """The first row of `model` matching `where` (tombstoned or not), or None."""
    with context.database.sessions() as session:
        statement = select(model).where(*(getattr(model, k) == v for k, v in where.items()))
        return session.scalars(statement).first()


def enter(qtbot: Any, widget: Any) -> None:
    from PySide6.QtCore import Qt

    qtbot.keyClick(widget, Qt.Key.Key_Return)


def undo(qtbot: Any, page: Any) -> None:
    """Ctrl+Z on the list, as a person does after a save they regret."""
    from PySide6.QtCore import Qt

    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def delete_selected(qtbot: Any, page: Any, record_id: str) -> None:
    from PySide6.QtCore import Qt

    assert page.view.select_id(record_id)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
