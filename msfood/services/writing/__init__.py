"""The write path every service uses: the unit of work (one user action, one transaction, the sync
columns and the audit chain), the guards it installs (roles per table, closed periods) and the roles.

    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        uow.upsert(table_of(Business), values)

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.lazy import lazy_attributes

_LAZY = {
    "unit_of_work": "msfood.services.writing.transaction",
    "UnitOfWork": "msfood.services.writing.unit_of_work",
    "table_of": "msfood.services.writing.unit_of_work",
    "Actor": "msfood.services.writing.permissions",
    "SYSTEM": "msfood.services.writing.permissions",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
