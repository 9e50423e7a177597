"""The report's self-check gap column says what is missing, as the app's lists do (issue 17 item 6)."""

from msfood.reports.completion.checks import gap_text
from msfood.reports.document.texts import Texts


def test_daily_gap_counts_the_missing_days_in_both_languages() -> None:
    assert gap_text("daily", "57/68", Texts("zh_CN")) == "缺 11 天（有记录 57 天，应有 68 天）"
    assert gap_text("daily", "57/68", Texts("en")) == "11 days missing (records on 57 of 68 days)"


def test_daily_gap_keeps_a_note_after_the_days_and_never_goes_negative() -> None:
    assert gap_text("daily", "70/68（含休息日）", Texts("zh_CN")) == "缺 0 天（有记录 70 天，应有 68 天）（含休息日）"


def test_weekly_and_platform_gaps() -> None:
    assert gap_text("weekly", "2026-W47、2026-W48", Texts("zh_CN")) == "缺 2026-W47、2026-W48"
    assert "report." not in gap_text("platform", "", Texts("zh_CN"))
