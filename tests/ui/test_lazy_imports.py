"""Starting the app loads no heavy library it does not need yet (issue 3: start under a second;
issue 14: the dashboard painted with every tile under a second on a city's data).

Reports (reportlab), Excel (openpyxl), migrations (Alembic), bundle signing and encryption
(cryptography) and pinyin search (pypinyin) are imported only when used, and SQLAlchemy only after the
first paint (msfood.services.setup.first_paint). Each check runs the real start-up path in a fresh
interpreter, as a user's start does, and reads its sys.modules.
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
def valued():
    return all(tile.value() not in ("…", "") for tile in page.tiles.values())
class Paints(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append({"sqlalchemy": "sqlalchemy" in sys.modules, "valued": valued(),
                            "opened": getattr(controller.context.database, "opened", True)})
        return False
paints = Paints()
page.installEventFilter(paints)
window.show()
while not painted:
    app.processEvents()
at_paint = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
wait_idle()  # the database opens, the dashboard's figures and the status bar load after the first paint
loaded = page.stats is not None and not page.is_busy() and page.message.isHidden()
from sqlalchemy import inspect
from msfood.db.models import User
for key in sys.argv[2:]:
    window.show_page(key)
    wait_idle()
after = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
print(json.dumps({"at_paint": at_paint, "after": after, "loaded": loaded, "argon2": "argon2" in sys.modules,
                  "user": controller.context.actor.username, "first_paint": painted[0],
                  "opened": getattr(controller.context.database, "opened", True), "orm_after": inspect(User).configured,
                  "bundles": window.bundle_label.text()}))
controller.shutdown()
"""


def start_app(db_path: Path, tmp_path: Path, *pages: str, **more_env: str) -> dict[str, object]:
    env = {
        **os.environ,
        "MSFOOD_HOME": str(tmp_path / "start-home"),
        "MSFOOD_USER": "admin",
        "MSFOOD_PASSWORD": ADMIN_PASSWORD,
        "MSFOOD_NOW": "2026-11-24T10:00:00+08:00",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        **more_env,
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


def test_the_window_paints_before_sqlalchemy_loads_and_the_database_opens_after(
    db_path: Path, tmp_path: Path
) -> None:
    result = start_app(db_path, tmp_path)
    assert result["first_paint"] == {"sqlalchemy": False, "valued": False, "opened": False}
    assert result["opened"] and result["loaded"]  # opened after the paint; the figures came through it
    assert result["bundles"]  # the status bar's line, read once the database had opened


def test_a_second_start_paints_every_tile_from_the_cache_before_sqlalchemy_loads(
    db_path: Path, tmp_path: Path
) -> None:
    start_app(db_path, tmp_path)  # computes the figures and keeps them beside the database
    result = start_app(db_path, tmp_path)
    assert result["first_paint"] == {"sqlalchemy": False, "valued": True, "opened": False}
    assert result["loaded"]  # and the fresh figures replaced the cached ones


def test_msfood_first_paint_usual_opens_the_database_before_the_window(db_path: Path, tmp_path: Path) -> None:
    # the way back, should the plain reads ever misbehave on a user's machine
    result = start_app(db_path, tmp_path, MSFOOD_FIRST_PAINT="usual")
    assert result["first_paint"]["sqlalchemy"] is True and result["loaded"]


def test_opening_the_list_pages_imports_no_heavy_library(db_path: Path, tmp_path: Path) -> None:
    result = start_app(db_path, tmp_path, "businesses", "selfchecks", "visits")
    assert result["after"] == []


def test_the_orm_is_set_up_after_the_first_paint(db_path: Path, tmp_path: Path) -> None:
    # Sign-in and the unit are read through plain sqlite3: the ORM's mapper set-up is done by the
    # dashboard's figures on their worker, once the window is on screen.
    result = start_app(db_path, tmp_path)
    assert result["first_paint"]["sqlalchemy"] is False
    assert result["orm_after"] is True  # the figures came, through the ORM
