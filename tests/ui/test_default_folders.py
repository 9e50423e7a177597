"""Every file dialog opens in the person's Documents (文档), never in the program's own folder or the
working directory, and the next one for the same kind of file opens where the last was chosen (issue
18 item 5). The dialogs are monkeypatched: each records the folder it was given and answers Cancel."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from ui.dialogs.common import documents_folder

PROGRAM = Path(__file__).resolve().parents[2]


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own (Linux: Documents is $HOME/Documents unless user-dirs.dirs says else)."""
    home = tmp_path / "user"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(PROGRAM)  # the program's folder as the working directory: the trap to avoid
    found = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert found.is_relative_to(home)
    return found


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(which dialog, the folder it starts in) for every file dialog opened; each is cancelled."""
    seen: list[tuple[str, str]] = []

    def recorder(name: str, answer: Any) -> Any:
        def fake(_parent: Any, _title: str = "", start: str = "", *args: Any, **kwargs: Any) -> Any:
            seen.append((name, start))
            return answer

        return staticmethod(fake)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", recorder("save", ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", recorder("open", ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", recorder("open", ([], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", recorder("folder", ""))
    return seen


def folder_of(kind: str, start: str) -> Path:
    path = Path(start)
    return path if kind == "folder" or path.is_dir() else path.parent


def assert_in_documents(seen: list[tuple[str, str]], documents: Path, count: int) -> None:
    assert len(seen) == count, seen
    for kind, start in seen:
        where = folder_of(kind, start)
        assert where == documents, (kind, start)
        assert where != PROGRAM and where != Path(os.getcwd())
        assert Path(start).is_absolute(), start  # a bare name would land in the working directory


def test_documents_is_made_when_missing(documents: Path) -> None:
    assert not documents.exists()
    assert Path(documents_folder()) == documents and documents.is_dir()


def test_every_dialog_of_the_window_starts_in_documents(  # type: ignore[no-untyped-def]
    qtbot, context, documents: Path, asked: list[tuple[str, str]], wait_ops
) -> None:
    from ui.dialogs.backup_restore import BackupRestoreDialog
    from ui.dialogs.import_excel import ImportExcelDialog
    from ui.dialogs.papers import PapersDialog
    from ui.pages.reports.page import ReportsPage
    from ui.pages.roster.businesses import BusinessesPage
    from ui.pages.sync.exchange import ExchangeTab
    from ui.pages.sync.trust import TrustTab

    reports = ReportsPage(context)
    qtbot.addWidget(reports)
    reports._on_generate_clicked(".pdf")
    reports._on_generate_clicked(".xlsx")
    papers = PapersDialog(context)
    qtbot.addWidget(papers)
    papers._on_tasks_button_clicked()
    importer = ImportExcelDialog(context)
    qtbot.addWidget(importer)
    importer._on_template_button_clicked()
    importer._on_pick_button_clicked()
    importer._on_folder_button_clicked()
    importer._on_export_button_clicked()
    backups = BackupRestoreDialog(context)
    qtbot.addWidget(backups)
    backups._on_backup_button_clicked()
    backups._on_from_file_button_clicked()
    trust = TrustTab(context)
    qtbot.addWidget(trust)
    trust._on_enrolment_clicked()
    trust._on_trust_clicked()
    exchange = ExchangeTab(context)
    qtbot.addWidget(exchange)
    assert Path(exchange.folder_edit.text()) == documents
    exchange._on_browse_clicked()
    exchange._on_import_clicked()
    businesses = BusinessesPage(context)
    qtbot.addWidget(businesses)
    businesses.export()
    wait_ops()
    assert_in_documents(asked, documents, 14)
    assert [kind for kind, _ in asked].count("save") == 8


def test_the_database_dialogs_start_in_documents(  # type: ignore[no-untyped-def]
    qtbot, context, app_settings, clock, documents: Path, asked: list[tuple[str, str]], wait_ops, tmp_path
) -> None:
    from msfood.core.config import default_db_path
    from ui.first_start import FirstStartDialog
    from ui.main_window import MainWindow
    from ui.startup import AppController

    window = MainWindow(context)
    qtbot.addWidget(window)
    window._on_open_triggered()
    first = FirstStartDialog(app_settings, clock, target=default_db_path())
    qtbot.addWidget(first)
    first._on_change_clicked()
    first._on_open_clicked()
    controller = AppController(app_settings, clock, headless=True)
    controller.window = window
    controller._on_window_new_station_requested()
    wait_ops()
    assert_in_documents(asked, documents, 4)
    # Only where a new database goes when the person picks: the default stays in the data folder.
    assert first.target == default_db_path() and "Documents" not in str(default_db_path())


def test_the_last_folder_is_remembered_per_kind(  # type: ignore[no-untyped-def]
    qtbot, context, documents: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ui.dialogs.import_excel import ImportExcelDialog

    usb = tmp_path / "U盘"
    usb.mkdir()
    starts: list[str] = []

    def choose(_parent: Any, _title: str, start: str, *args: Any) -> tuple[str, str]:
        starts.append(start)
        return (str(usb / "模板.xlsx"), "") if len(starts) == 1 else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    dialog = ImportExcelDialog(context)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "save_template", lambda out: None)  # the choice is what matters here
    dialog._on_template_button_clicked()
    dialog._on_template_button_clicked()
    assert Path(starts[0]).parent == documents and Path(starts[1]).parent == usb
    assert context.settings.last_folder("import") == str(usb)
    assert context.settings.last_folder("backup") == ""  # another kind keeps its own
    usb.rmdir()  # a stick pulled out: back to Documents
    dialog._on_template_button_clicked()
    assert Path(starts[2]).parent == documents
