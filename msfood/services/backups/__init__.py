"""Backups and restoring them: consistent copies with SQLite's backup API, what a database file holds
(for the restore dialog's before/after), and restoring with the current database backed up first.

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "backup_database": "msfood.services.backups.backup",
    "backup_before": "msfood.services.backups.backup",
    "list_backups": "msfood.services.backups.backup",
    "restore_database": "msfood.services.backups.restore",
    "check_backup_file": "msfood.services.backups.restore",
    "summarize_database_file": "msfood.services.backups.summary",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
