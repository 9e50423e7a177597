"""What the completion report adds about its own method: the rule that judged each visit period (a line
of the information block) and the 指标口径 appendix (msfood.reports.appendix.methodology), rendered by
pdf.py and sheet.py beside it. Kept apart from the completion report's content (completion/content.py)
so the hooks there stay one line each.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from msfood.domain.periods import parse_period
from msfood.i18n import t
from msfood.metrics.results import Stats
from msfood.reports.appendix.methodology import AppendixRow, appendix_rows


def rule_info(session: Session, stats: Stats, lang: str | None = None) -> tuple[str, str]:
    """("本期督导频次", "市级 每季度 1 次（自2000-01-01起）；…"): the versions that judged the period."""
    from msfood.services.rules.visit_rules import rules_for_report, rules_line

    found = rules_for_report(session, period=parse_period(stats.period))
    return t("rulever.report_label", lang), rules_line(found, lang)


def appendix_for(kind: str, lang: str | None = None) -> tuple[AppendixRow, ...]:
    return tuple(appendix_rows(kind, lang))
