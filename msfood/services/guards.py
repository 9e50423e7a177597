"""Guards every unit of work installs (closed periods come with the accounts issue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from msfood.services.unit_of_work import UnitOfWork


def install_guards(uow: UnitOfWork) -> None:
    """Nothing yet; closed periods will refuse changes to records dated in them."""
