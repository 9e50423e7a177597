"""Opening a unit of work for one user action: one transaction, with the guards every write passes.

It lives apart from unit_of_work.py so that the guards (which read a UnitOfWork) and the unit of work do
not import each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from msfood.core.clock import Clock
from msfood.services.writing.permissions import SYSTEM, Actor
from msfood.services.writing.unit_of_work import UnitOfWork


@contextmanager
def unit_of_work(sessions: Any, *, actor: Actor = SYSTEM, clock: Clock | None = None) -> Iterator[UnitOfWork]:
    """`with unit_of_work(db.sessions, actor=..., clock=...) as uow:` commits once, or rolls back."""
    with sessions.begin() as session:
        uow = UnitOfWork(session, actor=actor, clock=clock)
        from msfood.services.writing.guards import install_guards

        install_guards(uow)
        yield uow
        uow.finish()
