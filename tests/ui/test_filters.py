"""The region filter reads the region tree only when the user first opens it (a city has thousands)."""

from __future__ import annotations

import pytest

from msfood.services.queries.rows import RegionChoice


@pytest.mark.qt_log_ignore("This plugin does not support")  # a popup on the offscreen platform
def test_region_filter_reads_the_regions_when_first_opened(qtbot, app):  # type: ignore[no-untyped-def]
    from ui.pages.lists.filters import RegionFilter

    reads: list[int] = []
    tree = [RegionChoice("r1", "430204", "石峰区", 0), RegionChoice("r2", "430204001", "清水塘街道", 1)]

    def regions() -> list[RegionChoice]:
        reads.append(1)
        return tree

    box = RegionFilter(regions)
    qtbot.addWidget(box)
    changes: list[int] = []
    box.changed.connect(lambda: changes.append(1))
    box.show()
    assert reads == [] and box.count() == 1 and box.value() is None  # only 全部区划 until opened
    box.showPopup()
    box.hidePopup()
    assert reads == [1]
    assert [box.itemText(i) for i in range(box.count())] == ["全部区划", "石峰区", "　清水塘街道"]
    assert box.value() is None and changes == []  # reading the tree changed no filter
    box.set_value("430204001")
    assert box.value() == "430204001" and changes == [1]
    assert reads == [1]  # read once


def test_region_filter_given_the_regions_fills_at_once(qtbot, app):  # type: ignore[no-untyped-def]
    from ui.pages.lists.filters import RegionFilter

    box = RegionFilter([RegionChoice("r1", "430204", "石峰区", 0)])
    qtbot.addWidget(box)
    assert [box.itemText(i) for i in range(box.count())] == ["全部区划", "石峰区"]
    box.set_value("430204")
    assert box.value() == "430204"
