"""The app's own preferences (QSettings), only through these typed properties.

Stored as an INI file in the app's data folder (msfood.core.config.data_dir, so MSFOOD_HOME isolates tests).
Domain settings (rules, thresholds) live in the database, not here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QByteArray, QSettings

from msfood.core.config import data_dir

RECENT_MAX = 8
LANGUAGES = ("zh_CN", "en")
# The kinds of file people save or open; each remembers its own last folder.
FolderKind = Literal["reports", "sync", "import", "backup", "lists", "database"]
FOLDER_KEYS: dict[str, str] = {
    "reports": "reports/folder",
    "sync": "sync/folder",
    "import": "folders/import",
    "backup": "folders/backup",
    "lists": "folders/lists",
    "database": "folders/database",
}


class AppSettings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "msfood-ui.ini"
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    def _str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return str(value) if value is not None else default

    def _bytes(self, key: str) -> QByteArray:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    @property
    def language(self) -> str:
        value = self._str("ui/language", "zh_CN")
        return value if value in LANGUAGES else "zh_CN"

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("ui/language", value if value in LANGUAGES else "zh_CN")

    @property
    def recent_databases(self) -> list[str]:
        value = self._qs.value("databases/recent", [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [str(v) for v in value if v] if isinstance(value, list) else []

    def add_recent_database(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        items = [text] + [p for p in self.recent_databases if p != text]
        self._qs.setValue("databases/recent", items[:RECENT_MAX])
        self._qs.setValue("databases/last", text)

    def forget_database(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        self._qs.setValue("databases/recent", [p for p in self.recent_databases if p != text])
        if self.last_database == text:
            self._qs.remove("databases/last")

    @property
    def last_database(self) -> str:
        return self._str("databases/last")

    @property
    def window_geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    @property
    def last_page(self) -> str:
        return self._str("window/page", "dashboard")

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._qs.setValue("window/page", value)

    @property
    def dashboard_period_kind(self) -> str:
        """Which current period the dashboard shows: month, quarter, half or year."""
        value = self._str("dashboard/period_kind", "quarter")
        return value if value in ("month", "quarter", "half", "year") else "quarter"

    @dashboard_period_kind.setter
    def dashboard_period_kind(self, value: str) -> None:
        self._qs.setValue("dashboard/period_kind", value)

    @property
    def reports_folder(self) -> str:
        """Where the 报表 page last saved a report ("" until it has)."""
        return self._str("reports/folder")

    @reports_folder.setter
    def reports_folder(self, value: str) -> None:
        self._qs.setValue("reports/folder", value)

    @property
    def sync_folder(self) -> str:
        """The folder (or drive) the 数据同步 page last wrote bundles to or read them from."""
        return self._str("sync/folder")

    @sync_folder.setter
    def sync_folder(self, value: str) -> None:
        self._qs.setValue("sync/folder", value)

    def last_folder(self, kind: FolderKind) -> str:
        """The folder a file of this kind was last saved to or opened from ("" until one was)."""
        return self._str(FOLDER_KEYS[kind])

    def remember_folder(self, kind: FolderKind, folder: str | Path) -> None:
        self._qs.setValue(FOLDER_KEYS[kind], str(folder))
