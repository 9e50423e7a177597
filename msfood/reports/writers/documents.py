"""The report services: Qt-free generators that yield Progress and return the path they wrote.

    path = drain(write_report(session, actor=actor, period="2026Q4", out=Path("q4.pdf")))

The file appears only when complete: it is written beside the target under a temporary name and moved
into place at the end, so a failed or cancelled report leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Generator, Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from msfood.core.clock import Clock
from msfood.core.errors import EnvironmentProblem, ValidationError
from msfood.core.progress import Progress
from msfood.domain.periods import Period, parse_period
from msfood.i18n import t
from msfood.reports.completion.content import build_content, check_kind
from msfood.reports.pdf.fonts import FontChoice, font_setting, resolve_font
from msfood.services.writing.permissions import READ, Actor

FORMATS = (".pdf", ".xlsx")


def output_format(out: Path, allowed: tuple[str, ...] = FORMATS) -> str:
    suffix = out.suffix.lower()
    if suffix not in allowed:
        raise ValidationError("report.format_unknown", "out", path=str(out), formats=" ".join(allowed))
    return suffix


@contextlib.contextmanager
def atomic_target(out: Path) -> Iterator[Path]:
    """A temporary path beside `out`, moved onto it when the block ends without an error."""
    out = out.expanduser()
    if not out.parent.is_dir():
        raise EnvironmentProblem("report.dir_missing", path=str(out.parent))
    temp = out.with_name(f".{out.stem}.part{out.suffix}")
    try:
        try:
            yield temp
            os.replace(temp, out)
        except PermissionError:  # a read-only folder, or the file open in WPS or Excel (Windows)
            raise EnvironmentProblem("report.cannot_write", path=str(out)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def body_font(session: Session, font: str | None = None) -> FontChoice:
    """The body font: `font` (sans | song) or else the station's report_font setting."""
    return resolve_font(font or font_setting(session))


def write_report(
    session: Session,
    *,
    actor: Actor,
    period: str | Period,
    out: Path,
    as_of: dt.date | None = None,
    region: str | None = None,
    kind: str = "all",
    clock: Clock | None = None,
    lang: str | None = None,
    font: str | None = None,
) -> Generator[Progress, None, Path]:
    """The completion report (kind all | supervision | selfcheck | sampling) as PDF or XLSX by `out`'s
    suffix. Every figure comes from msfood.metrics.compute_stats for the same arguments."""
    from msfood.metrics import compute_stats

    actor.require(READ)
    suffix = output_format(Path(out))
    check_kind(kind)
    resolved = parse_period(period) if isinstance(period, str) else period
    yield Progress(0, None, t("report.progress_figures", lang))
    stats = compute_stats(session, period=resolved, as_of=as_of, region=region, clock=clock)
    yield Progress(0, None, t("report.progress_tables", lang))
    content = build_content(session, stats, kind=kind, clock=clock, lang=lang)
    with atomic_target(Path(out)) as temp:
        if suffix == ".pdf":
            from msfood.reports.completion.pdf import render_pdf

            yield from render_pdf(content, temp, body_font(session, font).name)
        else:
            from msfood.reports.completion.workbook import render_xlsx

            yield from render_xlsx(content, temp)
    return Path(out)


def _unit_and_time(session: Session, clock: Clock | None) -> tuple[str, str, dt.datetime]:
    from msfood.core.clock import CHINA
    from msfood.reports.completion.content import unit_of

    name, code = unit_of(session)
    return name, code, (clock or Clock()).now().astimezone(CHINA).replace(tzinfo=None)


def write_tasks(
    session: Session,
    *,
    actor: Actor,
    period: str | Period,
    out: Path,
    as_of: dt.date | None = None,
    region: str | None = None,
    cadre_phone: str | None = None,
    clock: Clock | None = None,
    lang: str | None = None,
    font: str | None = None,
) -> Generator[Progress, None, Path]:
    """督导任务单: each cadre's visits due in the period (from the obligations), one page group per cadre
    in the PDF, one sheet for all in the workbook. `cadre_phone` limits it to one cadre."""
    from msfood import __version__
    from msfood.metrics.scope import load_scope
    from msfood.metrics.supervision import supervision
    from msfood.reports.document.model import ReportContent, Section, period_label
    from msfood.reports.document.texts import Texts
    from msfood.reports.papers.content import task_sheets, tasks_fingerprint, tasks_table

    actor.require(READ)
    suffix = output_format(Path(out))
    resolved = parse_period(period) if isinstance(period, str) else period
    yield Progress(0, None, t("report.progress_figures", lang))
    day = as_of or (clock or Clock()).today()
    scope = load_scope(session, region)  # only the obligations are needed: no self-check figures
    figures = supervision(session, scope, resolved, day)
    tr = Texts(lang)
    sheets = task_sheets(figures.obligations, tr, cadre_phone=cadre_phone)
    fingerprint = tasks_fingerprint(figures, sheets)
    unit_name, unit_code, made_at = _unit_and_time(session, clock)
    label = period_label(resolved, lang)
    with atomic_target(Path(out)) as temp:
        if suffix == ".pdf":
            from msfood.reports.papers.pdf import render_tasks_pdf

            yield from render_tasks_pdf(
                sheets, temp, body_font(session, font).name, unit_name=unit_name, period_label=label,
                as_of=day, made_at=made_at, version=__version__, fingerprint=fingerprint, lang=lang,
            )
        else:
            from msfood.reports.completion.workbook import render_xlsx

            content = ReportContent(
                title=tr("report.tasks_title"), unit_name=unit_name, unit_code=unit_code,
                region_label=f"{scope.region.name}（{scope.region.code}）" if scope.region else tr("report.region_all"),
                period_label=label, as_of=day, made_at=made_at,
                version=__version__, fingerprint=fingerprint,
                sections=(Section("tasks", tr("report.tasks_title"), (tasks_table(sheets, tr),)),), lang=lang,
            )
            yield from render_xlsx(content, temp)
    return Path(out)


def write_notice(
    session: Session,
    *,
    actor: Actor,
    visit_id: str,
    out: Path,
    clock: Clock | None = None,
    lang: str | None = None,
    font: str | None = None,
) -> Generator[Progress, None, Path]:
    """整改通知书 for one visit's problems (PDF). A visit without problems has nothing to notify (exit 3)."""
    from msfood import __version__
    from msfood.reports.papers.content import load_notice
    from msfood.reports.papers.pdf import render_notice_pdf

    actor.require(READ)
    output_format(Path(out), (".pdf",))
    yield Progress(0, None, t("report.progress_tables", lang))
    notice = load_notice(session, visit_id)
    unit_name, unit_code, made_at = _unit_and_time(session, clock)
    with atomic_target(Path(out)) as temp:
        yield from render_notice_pdf(
            notice, temp, body_font(session, font).name, unit_name=unit_name, unit_code=unit_code,
            made_at=made_at, version=__version__, lang=lang,
        )
    return Path(out)
