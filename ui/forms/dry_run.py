"""Asking a service what it would say about a record without writing it (the transaction is rolled back)."""

from __future__ import annotations

from typing import Any

from msfood.core.errors import Issue, MsfoodError, ValidationError
from msfood.services.records.saving import Saved
from msfood.services.writing.unit_of_work import UnitOfWork
from ui.forms.kinds import FormSpec


class _RolledBack(Exception):
    def __init__(self, result: Saved) -> None:
        super().__init__("rolled back")
        self.result = result


def dry_run(context: Any, spec: FormSpec, values: dict[str, Any], record_id: str | None) -> Saved | None:
    """The Saved (with its warnings) the service would return, or None when it would refuse."""
    from msfood.services.writing.guards import install_guards

    try:
        with context.database.sessions.begin() as session:
            uow = UnitOfWork(session, actor=context.actor, clock=context.clock)
            install_guards(uow)
            raise _RolledBack(spec.save(uow, values, record_id))
    except _RolledBack as done:
        return done.result
    except MsfoodError:
        return None


def service_issues(
    context: Any, spec: FormSpec, values: dict[str, Any], record_id: str | None
) -> list[Issue]:
    """The issues the service would raise for these values, writing nothing."""
    from msfood.services.writing.guards import install_guards

    try:
        with context.database.sessions.begin() as session:
            uow = UnitOfWork(session, actor=context.actor, clock=context.clock)
            install_guards(uow)
            raise _RolledBack(spec.save(uow, values, record_id))
    except ValidationError as error:
        return list(error.issues)
    except (_RolledBack, MsfoodError):
        return []
