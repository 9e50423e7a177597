"""指标口径 as data: complete, in both languages, each with its basis; docs/metrics.md the same account."""

from __future__ import annotations

from pathlib import Path

from msfood.reports.appendix import methodology as m

ROOT = Path(__file__).resolve().parents[2]

# Every figure DOMAIN.md section 3 defines (the brief of issue 15, 指标口径), by the key that holds it.
REQUIRED = {
    "obligations",
    "supervision_rate",
    "progress",
    "visits",
    "coverage",
    "problems",
    "owing",
    "daily",
    "weekly",
    "monthly",
    "platform_use",
    "selfcheck_counts",
    "chain",
    "supervision_failure_rate",
    "failure_by_type",
    "plan_rate",
    "disposal",
    "retest",
    "rapid",
    "ranking",
    "visit_rules",
}


def test_every_figure_is_defined_in_both_languages_with_its_basis() -> None:
    definitions = m.all_definitions()
    keys = [d.key for d in definitions]
    assert set(keys) >= REQUIRED and len(keys) == len(set(keys))
    for d in definitions:
        assert d.basis in m.BASES, d.key
        assert all(d.title) and all(d.text), d.key
        if d.basis == "national":
            assert all(d.source), d.key  # a national rule names where it comes from
    by_key = {d.key: d for d in definitions}
    assert "在营" in by_key["obligations"].get("text") and "休息日" in by_key["obligations"].get("text")
    assert "送达" in by_key["retest"].get("text") and "送达日期未录入" in by_key["retest"].get("text")
    assert (
        "延期" in by_key["disposal"].get("text")
        and "启动核查处置的抽检类型" in by_key["disposal"].basis_text()
    )
    assert by_key["supervision_failure_rate"].basis_text().startswith("国家规定（市场监管总局")
    assert {r.basis for r in m.RULE_BASES} == set(m.BASES)


def test_search_and_report_kinds() -> None:
    assert m.matching("复检") == ["retest"]
    assert "coverage" in m.matching("COVERAGE")
    assert m.matching("") == [d.key for d in m.all_definitions()]
    assert m.matching("没有这个词") == []
    rows = m.appendix_rows("selfcheck", "en")
    assert {r.group for r in rows} == {
        "Periods and general rules",
        "Self-checks (daily, weekly, monthly)",
        "Ranking",
    }
    assert all("\u4e00" <= r.other_language[0] <= "\u9fff" for r in rows)  # the Chinese beside the English


def test_docs_metrics_md_is_the_same_account() -> None:
    text = (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8")
    assert text == m.markdown(), "regenerate: python -m msfood.reports.appendix.methodology > docs/metrics.md"
    assert "## 国家规定还是本地设置" in text and "湖南" in text


def test_the_other_language_is_the_other_one_whatever_the_current_language() -> None:
    from msfood.i18n import language, set_language

    before = language()
    set_language("en")
    try:
        rows = m.appendix_rows("all", "en")
        chinese = m.appendix_rows("all", "zh_CN")
    finally:
        set_language(before)
    assert rows[0].definition.startswith("Every figure") and rows[0].other_language.startswith("每个数字")
    assert chinese[0].definition.startswith("每个数字") and chinese[0].other_language.startswith(
        "Every figure"
    )
