"""The records behind each dashboard figure, as (title, headers, rows, targets) for the drill-down dialog.

`targets` names, row by row, the record a double-click opens: the business short of a task or a
self-check, the problem, the sampling. Gap columns say what is missing (缺 N 天), not what is there."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication

from msfood.domain.enums import LEVEL, PROBLEM_STATUS, SELFCHECK_KIND
from msfood.i18n import t
from msfood.metrics.results import CaseRow, Obligation, ProblemRow, SelfCheckGap, Stats
from ui.i18n import is_english
from ui.models.rows_table import Shown
from ui.pages.dashboard.drilldown import Target


class Rows(NamedTuple):
    title: str
    headers: list[str]
    rows: list[tuple[Any, ...]]
    targets: Sequence[Target] = ()


def _lang() -> str | None:
    return "en" if is_english() else None


def obligations(title: str, items: Iterable[Obligation]) -> Rows:
    items = list(items)
    headers = [
        QCoreApplication.translate("Dashboard", "主体名称"),
        QCoreApplication.translate("Dashboard", "统一社会信用代码"),
        QCoreApplication.translate("Dashboard", "包保层级"),
        QCoreApplication.translate("Dashboard", "督导周期"),
        QCoreApplication.translate("Dashboard", "要求次数"),
        QCoreApplication.translate("Dashboard", "已督导次数"),
        QCoreApplication.translate("Dashboard", "最近督导"),
        QCoreApplication.translate("Dashboard", "包保干部"),
        QCoreApplication.translate("Dashboard", "经营地址"),
    ]
    rows = [
        (
            o.business_name,
            o.credit_code,
            LEVEL.label(o.level, _lang()),
            o.period_key,
            o.required,
            o.visits,
            o.last_visit,
            "、".join(f"{c.name}（{c.phone}）" for c in o.cadres),
            o.address,
        )
        for o in items
    ]
    return Rows(title, headers, rows, [("businesses", o.business_id) for o in items])


def missed(stats: Stats, level: str | None = None) -> Rows:
    items = [o for o in stats.supervision.missed() if level is None or o.level == level]
    if level is None:
        title = QCoreApplication.translate("Dashboard", "未完成的督导任务")
    else:
        title = QCoreApplication.translate("Dashboard", "未完成的督导任务（{level}）").format(
            level=LEVEL.label(level, _lang())
        )
    return obligations(title, items)


def open_obligations(stats: Stats) -> Rows:
    items = [o for o in stats.supervision.obligations if not o.due and not o.met]
    return obligations(QCoreApplication.translate("Dashboard", "进行中、尚未完成的督导任务"), items)


def problems(title: str, items: Iterable[ProblemRow], as_of: Any) -> Rows:
    items = list(items)
    headers = [
        QCoreApplication.translate("Dashboard", "主体名称"),
        QCoreApplication.translate("Dashboard", "包保干部"),
        QCoreApplication.translate("Dashboard", "督导日期"),
        QCoreApplication.translate("Dashboard", "问题描述"),
        QCoreApplication.translate("Dashboard", "整改期限"),
        QCoreApplication.translate("Dashboard", "逾期天数"),
        QCoreApplication.translate("Dashboard", "状态"),
    ]
    rows = [
        (
            p.business_name,
            p.cadre_name,
            p.visit_date,
            p.description,
            p.deadline,
            (as_of - p.deadline).days if p.deadline else None,
            _problem_status(p.status),
        )
        for p in items
    ]
    return Rows(title, headers, rows, [("problems", p.problem_id) for p in items])


def _problem_status(code: str) -> str:
    return PROBLEM_STATUS.label(code, _lang())


def cases(title: str, items: Iterable[CaseRow], as_of: Any) -> Rows:
    items = list(items)
    headers = [
        QCoreApplication.translate("Dashboard", "抽样单编号"),
        QCoreApplication.translate("Dashboard", "主体名称"),
        QCoreApplication.translate("Dashboard", "样品名称"),
        QCoreApplication.translate("Dashboard", "不合格项目"),
        QCoreApplication.translate("Dashboard", "收到结论日期"),
        QCoreApplication.translate("Dashboard", "处置期限"),
        QCoreApplication.translate("Dashboard", "剩余天数"),
        QCoreApplication.translate("Dashboard", "复检申请截止"),
        QCoreApplication.translate("Dashboard", "处置完成日期"),
        QCoreApplication.translate("Dashboard", "处置措施"),
    ]
    rows = [
        (
            c.sample_no,
            c.business_name,
            c.sample_name,
            c.failed_items,
            c.received,
            c.deadline,
            c.days_left(as_of) if c.closed_on is None else None,
            c.retest_deadline or t("figures_rules.served_not_entered", _lang()),
            c.closed_on,
            c.disposal,
        )
        for c in items
    ]
    return Rows(title, headers, rows, [("samplings", c.sampling_id) for c in items])


def awaiting(stats: Stats) -> Rows:
    items = [c for c in stats.sampling.disposal.rows if c.closed_on is None]
    return cases(QCoreApplication.translate("Dashboard", "不合格样品待处置"), items, stats.as_of)


def overdue_cases(stats: Stats) -> Rows:
    items = [c for c in stats.sampling.disposal.rows if c.closed_on is None and c.deadline < stats.as_of]
    return cases(QCoreApplication.translate("Dashboard", "逾期未处置的不合格样品"), items, stats.as_of)


def gaps(stats: Stats, kind: str | None) -> Rows:
    items: list[SelfCheckGap] = [g for g in stats.selfcheck.gaps if kind is None or g.kind == kind]
    if kind is None:
        title = QCoreApplication.translate("Dashboard", "自查记录不全的主体")
    else:
        title = QCoreApplication.translate("Dashboard", "{kind}未覆盖的主体").format(
            kind=SELFCHECK_KIND.label(kind, _lang())
        )
    headers = [
        QCoreApplication.translate("Dashboard", "主体名称"),
        QCoreApplication.translate("Dashboard", "自查类型"),
        QCoreApplication.translate("Dashboard", "缺少的记录"),
    ]
    lang = _lang()
    rows = [(g.business_name, SELFCHECK_KIND.label(g.kind, lang), gap_cell(g.kind, g.detail)) for g in items]
    return Rows(title, headers, rows, [("businesses", g.business_id) for g in items])


DAYS = re.compile(r"^(\d+)/(\d+)(.*)$", re.DOTALL)  # 日管控's detail: "57/68", maybe followed by a note


def gap_cell(kind: str, detail: str) -> Shown:
    """What is missing: 缺 11 天 (tooltip: 有记录 57 天，应有 68 天); 缺 2026-W47、2026-W48; 无任何记录."""
    lang = _lang()
    if kind == "platform":
        return Shown(t("lists.gap_none", lang), sort=0)
    days = DAYS.match(detail) if kind == "daily" else None
    if days is not None:
        present, required, rest = int(days[1]), int(days[2]), days[3]
        missing = max(required - present, 0)
        tip = t("lists.gap_days_tip", lang, present=present, required=required)
        return Shown(t("lists.gap_days", lang, missing=missing) + rest, tip, missing)
    periods = [p for p in re.split(r"[（(]", detail)[0].split("、") if p.strip()]
    return Shown(t("lists.gap_periods", lang, missing=detail), detail, len(periods))
