"""Every window fits a 1366×768 laptop at 100% and at 125% scaling (issue #17).

The screens are the logical space Windows leaves for windows, taskbar (40 px) taken off: 1366×728 at
100%, and 1093×574 at 125% (1366×768 / 1.25 = 1093×614). Each runs in its own process, as the offscreen
platform takes its screen when the application starts (tests/ui/screen_fit_probe.py does the looking).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.ui.screen_fit_probe import FORM_SPECS
from ui.pages import page_keys

ROOT = Path(__file__).resolve().parents[2]
DIALOGS = ("backup_restore", "history", "import_excel", "papers", "periods", "first_start", "login",
           "methodology", "records", "preset", "new_user", "trust", "region_editor", "retire")  # fmt: skip


def probe(database: Path, out: Path, width: int, height: int) -> dict[str, list[str]]:
    config = out.parent / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]}))  # fmt: skip
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT),
           "MSFOOD_HOME": str(out.parent / "home")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_fit_probe", str(database), str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height"), [(1366, 728), (1093, 574)], ids=["100%", "125%"])
def test_every_window_and_its_buttons_fit_the_screen(station_with_records, tmp_path, width, height):
    out = tmp_path / "shots"
    report = probe(station_with_records, out, width, height)
    expected = [f"main_{key}" for key in page_keys()]
    expected += [f"form_{name.lower()}" for name in FORM_SPECS]
    expected += list(DIALOGS)
    assert report["checked"] == expected
    assert report["problems"] == []
    for name in expected:  # what a person can look at (and the pictures were drawn, not blank)
        image = QImage(str(out / f"{name}.png"))
        assert 0 < image.width() <= width and 0 < image.height() <= height, name
    visit_form = QImage(str(out / "form_visit.png"))
    assert visit_form.height() < height - 32  # the form that used to put Save below the screen
