"""What a restore would change, read before anything is replaced: the backup file checked as a restore
would check it (msfood.services.restore), and both databases summarised side by side (unit, last change,
record counts; msfood.services.backup_summary). Computed on the worker thread; the services load there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class RestorePreview:
    """A checked backup file beside the current database: what a restore would change."""

    path: Path
    info: Any  # msfood.services.restore.BackupInfo
    current: Any  # msfood.services.backup_summary.DatabaseSummary
    backup: Any  # DatabaseSummary of the file

    @property
    def other_unit(self) -> bool:
        return bool(self.current.unit_code) and self.current.unit_code != self.info.unit_code


def preview_restore(database_path: Path, source: Path) -> RestorePreview:
    """On the worker thread: check the file as a restore would, then summarise both databases."""
    from msfood.services.backup_summary import summarize_database_file
    from msfood.services.restore import check_backup_file

    info = check_backup_file(source)
    return RestorePreview(
        source, info, summarize_database_file(database_path), summarize_database_file(source)
    )
