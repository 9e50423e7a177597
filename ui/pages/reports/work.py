"""The 报表 page's work off the UI thread: the headline figures, and writing the file (Qt-free services)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from msfood.core.progress import Progress
from msfood.domain.periods import Period
from msfood.i18n import t
from msfood.reports.document.model import Headline
from msfood.services.queries import lists as queries
from ui.context import AppContext
from ui.i18n import is_english


def report_lang() -> str | None:
    return "en" if is_english() else None


@dataclass(frozen=True)
class ReportRequest:
    """What to report on; `kind` is all | supervision | selfcheck | sampling | tasks."""

    period: Period
    as_of: dt.date
    region: str | None
    kind: str
    cadre_phone: str | None = None


@dataclass(frozen=True)
class Figures:
    request: ReportRequest
    stats: Any  # msfood.metrics.results.Stats
    headline: tuple[Headline, ...]
    fingerprint: str
    region_label: str
    rule_line: str = ""  # 本期督导频次：市级 每季度 1 次（自…起）；… (the rule that judged the period)


@dataclass(frozen=True)
class Written:
    path: Path
    note: str | None  # why the asked body font is not the one used


def load_figures(context: AppContext, request: ReportRequest) -> Figures:
    """On the worker thread: the figures and the headline as the report prints them."""
    from msfood.metrics import compute_stats
    from msfood.reports import build_content

    lang = report_lang()
    with queries.read_sessions(context.database)() as session:
        stats = compute_stats(
            session, period=request.period, as_of=request.as_of, region=request.region, clock=context.clock
        )
        kind = "supervision" if request.kind == "tasks" else request.kind
        content = build_content(session, stats, kind=kind, clock=context.clock, lang=lang, ranking=False)
    headline, fingerprint = content.headline, content.fingerprint
    if request.kind == "tasks":
        from msfood.reports.document.texts import Texts
        from msfood.reports.papers.content import task_sheets, tasks_fingerprint

        sheets = task_sheets(stats.supervision.obligations, Texts(lang), cadre_phone=request.cadre_phone)
        label = QCoreApplication.translate("ReportsPage", "督导任务单")
        detail = QCoreApplication.translate("ReportsPage", "共 {n} 项任务，已完成 {done} 项").format(
            n=sum(s.due for s in sheets), done=sum(s.done for s in sheets)
        )
        cadres = QCoreApplication.translate("ReportsPage", "{n} 名干部").format(n=len(sheets))
        headline = (Headline(label, cadres, detail), *headline)
        fingerprint = tasks_fingerprint(stats.supervision, sheets)
    rule_label = t("rulever.report_label", lang)
    rule_line = next(
        (t("rulever.report_line", lang, label=label, text=text) for label, text in content.extra_info
         if label == rule_label), "")  # fmt: skip
    return Figures(request, stats, headline, fingerprint, content.region_label, rule_line)


def write_file(context: AppContext, request: ReportRequest, out: Path) -> Generator[Progress, None, Written]:
    """On the worker thread: the report (or 督导任务单) at `out`, PDF or XLSX by its suffix."""
    from msfood.reports import body_font, write_report, write_tasks

    common: dict[str, Any] = dict(
        actor=context.actor, period=request.period, out=out, as_of=request.as_of, region=request.region,
        clock=context.clock, lang=report_lang(),
    )  # fmt: skip
    with queries.read_sessions(context.database)() as session:
        note = body_font(session).note if out.suffix.lower() == ".pdf" else None
        if request.kind == "tasks":
            path = yield from write_tasks(session, cadre_phone=request.cadre_phone, **common)
        else:
            path = yield from write_report(session, kind=request.kind, **common)
    return Written(path, note)
