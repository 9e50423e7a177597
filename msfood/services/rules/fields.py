"""What every rules editor shares: parsing several fields at once, and upserting a rule by its
natural key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from msfood.core.errors import Issue, ValidationError
from msfood.services.records.saving import Saved
from msfood.services.records.values import BadValue, is_blank
from msfood.services.writing.unit_of_work import UnitOfWork


class _Fields:
    """Parse several fields, collecting every issue; `done()` raises them together."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def get(self, name: str, value: Any, parse: Callable[[Any], Any], *, required: bool = True) -> Any:
        if is_blank(value):
            if required:
                self.issues.append(Issue("value.required", name))
            return None
        try:
            return parse(value)
        except BadValue as bad:
            self.issues.append(Issue(bad.code, name, bad.params))
            return None

    def done(self) -> None:
        if self.issues:
            raise ValidationError(self.issues)


def _upsert(uow: UnitOfWork, table: Any, values: dict[str, Any]) -> Saved:
    outcome = uow.upsert(table, values)
    return Saved(values["id"], outcome, (), frozenset(uow.changed_tables))


def _key_id(uow: UnitOfWork, table: Any, natural: str, **key: Any) -> str:
    """The id of the record holding this key (tombstoned too), else its natural id."""
    condition = [table.c[name] == value for name, value in key.items()]
    found = uow.session.scalar(select(table.c.id).where(*condition))
    return found or natural
