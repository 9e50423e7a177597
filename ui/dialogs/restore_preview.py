"""What a restore would change, read before anything is replaced: the backup file checked as a restore
would check it (msfood.services.backups.restore), and both databases summarised side by side (unit, last change,
record counts; msfood.services.backups.summary). Computed on the worker thread; the services load there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class RestorePreview:
    """A checked backup file beside the current database: what a restore would change."""

    path: Path
    info: Any  # msfood.services.backups.restore.BackupInfo
    current: Any  # msfood.services.backups.summary.DatabaseSummary
    backup: Any  # DatabaseSummary of the file

    @property
    def other_unit(self) -> bool:
        return bool(self.current.unit_code) and self.current.unit_code != self.info.unit_code


def preview_restore(database_path: Path, source: Path) -> RestorePreview:
    """On the worker thread: check the file as a restore would, then summarise both databases."""
    from msfood.services.backups.restore import check_backup_file
    from msfood.services.backups.summary import summarize_database_file

    info = check_backup_file(source)
    return RestorePreview(
        source, info, summarize_database_file(database_path), summarize_database_file(source)
    )
