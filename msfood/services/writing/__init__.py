"""The write path every service uses: the unit of work (one user action, one transaction, the sync
columns and the audit chain), the guards it installs (roles per table, closed periods) and the roles.

    from msfood.services.writing.transaction import unit_of_work

    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        uow.upsert(table_of(Business), values)

The names below load their module on first use, so importing this package stays cheap. `unit_of_work`
is not among them: the package's attribute of that name is the module unit_of_work.py.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "UnitOfWork": "msfood.services.writing.unit_of_work",
    "table_of": "msfood.services.writing.unit_of_work",
    "Actor": "msfood.services.writing.permissions",
    "SYSTEM": "msfood.services.writing.permissions",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
