"""Starting the app loads no heavy library it does not need yet (issue 3: start under a second).

Reports (reportlab), Excel (openpyxl), migrations (Alembic), bundle signing and encryption
(cryptography) and pinyin search (pypinyin) are imported only when used. Each check runs the real
start-up path in a fresh interpreter, as a user's start does, and reads its sys.modules.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.ui.conftest import ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("reportlab", "openpyxl", "alembic", "cryptography", "pypinyin")

START = r"""
import json, sys
from msfood.core.clock import clock_from_env
from ui.app import create_app
from ui.settings import AppSettings
from ui.startup import AppController
from ui.workers import wait_idle
from PySide6.QtCore import QEvent, QObject

app = create_app(language="zh_CN")
controller = AppController(AppSettings(), clock_from_env(), headless=True)
assert controller.start(sys.argv[1])
window = controller.window
page = window.show_page("dashboard")
painted = []
from sqlalchemy import inspect
from msfood.db.models import User  # loaded already (ui/__init__.py); the test may look, the ui does not
class Paints(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append(inspect(User).configured)  # the ORM's mapper set-up done yet?
        return False
paints = Paints()
page.installEventFilter(paints)
window.show()
while not painted:
    app.processEvents()
at_paint = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
names = list(sys.modules)  # in the order they were imported
after_qt = [m for m in names[names.index("PySide6"):] if m.startswith(("sqlalchemy", "msfood.services"))]
wait_idle()  # the dashboard's figures and the status bar load after the first paint
loaded = page.stats is not None and not page.is_busy()
for key in sys.argv[2:]:
    window.show_page(key)
    wait_idle()
after = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
print(json.dumps({"at_paint": at_paint, "after": after, "loaded": loaded, "argon2": "argon2" in sys.modules,
                  "user": controller.context.actor.username, "after_qt": after_qt, "orm_at_paint": painted[0],
                  "orm_after": inspect(User).configured}))
controller.shutdown()
"""


def start_app(db_path: Path, tmp_path: Path, *pages: str) -> dict[str, object]:
    env = {
        **os.environ,
        "MSFOOD_HOME": str(tmp_path / "start-home"),
        "MSFOOD_USER": "admin",
        "MSFOOD_PASSWORD": ADMIN_PASSWORD,
        "MSFOOD_NOW": "2026-11-24T10:00:00+08:00",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    script = f"HEAVY = {HEAVY!r}\n" + START
    out = subprocess.run(
        [sys.executable, "-c", script, str(db_path), *pages],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_start_to_the_dashboard_imports_no_heavy_library(db_path: Path, tmp_path: Path) -> None:
    result = start_app(db_path, tmp_path)
    assert result["user"] == "admin" and result["argon2"]  # really signed in (Argon2 checked)
    assert result["loaded"]  # the figures came, after the first paint
    assert result["at_paint"] == []
    assert result["after"] == []


def test_the_data_layer_is_imported_before_pyside6(db_path: Path, tmp_path: Path) -> None:
    # PySide6's import hook reads the source of every module imported after it (ui/__init__.py)
    result = start_app(db_path, tmp_path)
    assert result["after_qt"] == [], "imported after PySide6 on the start-up's path: import in ui/__init__.py"


def test_opening_the_list_pages_imports_no_heavy_library(db_path: Path, tmp_path: Path) -> None:
    result = start_app(db_path, tmp_path, "businesses", "selfchecks", "visits")
    assert result["after"] == []


def test_the_orm_is_set_up_after_the_first_paint(db_path: Path, tmp_path: Path) -> None:
    # Sign-in and the unit are read through Core: the ORM's mapper set-up (some 40 ms of the UI
    # thread) is done by the dashboard's figures on their worker, once the window is on screen.
    result = start_app(db_path, tmp_path)
    assert result["orm_at_paint"] is False
    assert result["orm_after"] is True  # the figures came, through the ORM
