"""The 督导提醒 and 通报 services (issue 14 item 5): Qt-free generators that yield Progress and return the
path written, like write_tasks (msfood.reports.writers.documents), whose file handling they share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from pathlib import Path

from sqlalchemy.orm import Session

from msfood.core.clock import Clock
from msfood.core.errors import ValidationError
from msfood.core.progress import Progress
from msfood.domain.periods import Period, parse_period
from msfood.i18n import is_english, t
from msfood.reports.writers.documents import _unit_and_time, atomic_target, body_font, output_format
from msfood.services.writing.permissions import READ, Actor


def period_name(period: Period, lang: str | None) -> str:
    """The period as a title names it: 2026年第四季度 (English: 2026Q4)."""
    from msfood.reports.document.model import period_label

    if is_english(lang):
        return period.key
    span = t("report.span", lang, start=period.start.isoformat(), end=period.end.isoformat())
    return period_label(period, lang).removesuffix(span)


def _region_label(session: Session, region: str | None) -> str:
    from msfood.metrics.scope import RegionTree

    node = RegionTree.load(session).by_code(region) if region else None
    return f"{node.name}（{node.code}）" if node else ""


def write_reminders(
    session: Session,
    *,
    actor: Actor,
    period: str | Period,
    out: Path,
    by: str = "cadre",
    as_of: dt.date | None = None,
    region: str | None = None,
    cadre_phone: str | None = None,
    clock: Clock | None = None,
    lang: str | None = None,
    font: str | None = None,
) -> Generator[Progress, None, Path]:
    """督导提醒: each cadre's obligations not met by the as-of date, a page group per cadre (by="cadre")
    or per township with its cadres (by="township"); in a workbook, one sheet for all. Cadres with every
    obligation met are left out (the print says how many). `cadre_phone` limits it to one cadre."""
    from msfood import __version__
    from msfood.reports.document.model import Section, period_label
    from msfood.reports.document.texts import Texts
    from msfood.reports.reminders.content import check_grouping, compute_reminders, reminders_table

    actor.require(READ)
    suffix = output_format(Path(out))
    check_grouping(by)
    resolved = parse_period(period) if isinstance(period, str) else period
    yield Progress(0, None, t("report.progress_figures", lang))
    day = as_of or (clock or Clock()).today()
    found = compute_reminders(session, period=resolved, as_of=day, region=region, cadre_phone=cadre_phone)
    unit_name, unit_code, made_at = _unit_and_time(session, clock)
    label = period_label(resolved, lang)
    tr = Texts(lang)
    with atomic_target(Path(out)) as temp:
        if suffix == ".pdf":
            from msfood.reports.reminders.pdf import render_reminders_pdf

            yield from render_reminders_pdf(
                found,
                temp,
                body_font(session, font).name,
                unit_name=unit_name,
                period_label=label,
                by=by,
                made_at=made_at,
                version=__version__,
                lang=lang,
            )
        else:
            from msfood.reports.completion.workbook import render_xlsx
            from msfood.reports.document.model import ReportContent

            content = ReportContent(
                title=tr("reminders.title"),
                unit_name=unit_name,
                unit_code=unit_code,
                region_label=_region_label(session, region) or tr("report.region_all"),
                period_label=label,
                as_of=day,
                made_at=made_at,
                version=__version__,
                fingerprint=found.fingerprint(),
                sections=(Section("reminders", tr("reminders.title"), (reminders_table(found, tr),)),),
                lang=lang,
            )
            yield from render_xlsx(content, temp)
    return Path(out)


def write_bulletin(
    session: Session,
    *,
    actor: Actor,
    period: str | Period,
    out: Path,
    as_of: dt.date | None = None,
    region: str | None = None,
    clock: Clock | None = None,
    lang: str | None = None,
    font: str | None = None,
) -> Generator[Progress, None, Path]:
    """通报 (PDF): the period's progress (completion once ended) of the region (default: the unit's own),
    the regions one level below ranked, and the townships and cadres behind."""
    from msfood import __version__
    from msfood.reports.bulletin.content import compute_bulletin
    from msfood.reports.bulletin.pdf import render_bulletin_pdf

    actor.require(READ)
    if Path(out).suffix.lower() == ".xlsx":
        raise ValidationError("bulletin.xlsx_unsupported", "out")
    output_format(Path(out), (".pdf",))
    resolved = parse_period(period) if isinstance(period, str) else period
    yield Progress(0, None, t("report.progress_figures", lang))
    day = as_of or (clock or Clock()).today()
    bulletin = compute_bulletin(session, period=resolved, as_of=day, region=region)
    unit_name, _unit_code, made_at = _unit_and_time(session, clock)
    yield Progress(0, None, t("report.progress_tables", lang))
    with atomic_target(Path(out)) as temp:
        yield from render_bulletin_pdf(
            bulletin,
            temp,
            body_font(session, font).name,
            unit_name=unit_name,
            period_name=period_name(resolved, lang),
            made_at=made_at,
            version=__version__,
            lang=lang,
        )
    return Path(out)
