"""The 使用说明 (resources/help/usage.md): its title line, every section the station staff need, every
screenshot it shows present and small, and README and docs/ link it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / "resources" / "help"
SECTIONS = ("首次启动", "督导记录", "日管控", "周排查", "月调度", "抽检", "快检", "导入 Excel", "统计", "排名",
            "生成报告", "同步", "U 盘", "备份", "恢复", "快捷键")  # fmt: skip


def test_the_guide_starts_with_its_title_and_covers_each_task() -> None:
    text = (HELP / "usage.md").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# msfood 使用说明"
    missing = [s for s in SECTIONS if s not in text]
    assert not missing


def test_every_screenshot_is_there_and_small() -> None:
    text = (HELP / "usage.md").read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(shown) >= 8
    for relative in shown:
        image = HELP / relative
        assert image.is_file(), relative
        data = image.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(data[16:20], "big")
        assert 600 <= width <= 1100, (relative, width)
    assert sum(p.stat().st_size for p in (HELP / "images").glob("*.png")) < 2 * 1024 * 1024


def test_readme_and_docs_link_the_guide() -> None:
    assert "(resources/help/usage.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(../resources/help/usage.md)" in (ROOT / "docs" / "interfaces.md").read_text(encoding="utf-8")
