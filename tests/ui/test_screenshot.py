"""`python main.py --db D --screenshot DIR` writes one PNG of the window per page and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from ui.pages import page_keys

ROOT = Path(__file__).resolve().parents[2]


def run_main(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "MSFOOD_HOME": str(tmp_path / "home"),
        "MSFOOD_NOW": "2026-11-24T10:00",
        "QT_QPA_PLATFORM": "offscreen",
        **env,
    }
    for name in ("MSFOOD_USER", "MSFOOD_PASSWORD"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_screenshot_mode_writes_every_page(app, station_with_records, tmp_path):
    out = tmp_path / "shots"
    result = run_main(
        ["--db", str(station_with_records), "--screenshot", str(out)],
        tmp_path,
        MSFOOD_USER="admin",
        MSFOOD_PASSWORD="admin-pass-1",
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{key}.png" for key in page_keys())
    for key in page_keys():
        image = QImage(str(out / f"{key}.png"))
        assert not image.isNull(), key
        assert (image.width(), image.height()) == (1366, 800)
        assert len({image.pixel(x, y) for x in range(0, 1366, 37) for y in range(0, 800, 23)}) > 3, key
    assert "Traceback" not in result.stderr


def test_screenshot_mode_needs_a_user(app, db_path, tmp_path):
    result = run_main(["--db", str(db_path), "--screenshot", str(tmp_path / "shots")], tmp_path)
    assert result.returncode == 2
    assert "MSFOOD_USER" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "shots").exists()


def test_screenshot_mode_refuses_a_wrong_password(app, db_path, tmp_path):
    result = run_main(
        ["--db", str(db_path), "--screenshot", str(tmp_path / "shots")],
        tmp_path,
        MSFOOD_USER="admin",
        MSFOOD_PASSWORD="wrong",
    )
    assert result.returncode == 2
    assert "用户名或密码不正确" in result.stderr and "Traceback" not in result.stderr


def test_missing_database_is_a_plain_message(app, tmp_path):
    result = run_main(
        ["--db", str(tmp_path / "nope.sqlite"), "--screenshot", str(tmp_path / "shots")],
        tmp_path,
        MSFOOD_USER="admin",
        MSFOOD_PASSWORD="x",
    )
    assert result.returncode == 2
    assert "数据库文件不存在" in result.stderr and "Traceback" not in result.stderr


def test_no_desktop_is_a_plain_message(app, tmp_path):
    result = run_main([], tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY="", WAYLAND_DISPLAY="")
    assert result.returncode == 2
    assert "没有可用的图形桌面" in result.stderr and "Traceback" not in result.stderr
