"""The working papers as PDF: 督导任务单 (a page group per cadre) and 整改通知书."""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from msfood.core.progress import Progress
from msfood.domain.enums import LEVEL
from msfood.i18n import t
from msfood.reports.document.texts import Texts
from msfood.reports.papers.content import Notice, TaskSheet, notice_table, visit_mode_label
from msfood.reports.pdf.pages import FRAME_WIDTH, PageDecor, Styles, build_pdf, make_styles, para
from msfood.reports.pdf.tables import table_flowables


def _decor(font: str, header: str, made_at: dt.datetime, version: str, fingerprint: str, lang: str | None) -> PageDecor:
    return PageDecor(
        font=font,
        header=header,
        footer=t("report.footer", lang, made_at=made_at.strftime("%Y-%m-%d %H:%M"), version=version,
                 fingerprint=fingerprint),
        page_of=lambda n, m: t("report.page_of", lang, n=n, m=m),
    )


def _fields(pairs: list[tuple[str, str]], styles: Styles, columns: int = 2) -> Flowable:
    """Label: value pairs laid out in a borderless grid."""
    cells = [para(f"{label}：{value}", styles.cell) for label, value in pairs]
    while len(cells) % columns:
        cells.append(para("", styles.cell))
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    table = Table(rows, colWidths=[FRAME_WIDTH / columns] * columns, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.font, 8.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return table


def tasks_story(
    sheets: list[TaskSheet], styles: Styles, *, unit_name: str, period_label: str, as_of: dt.date, tr: Texts
) -> list[Flowable]:
    story: list[Flowable] = []
    if not sheets:
        return [para(unit_name, styles.subtitle), para(tr("report.tasks_title"), styles.title),
                para(tr("report.empty_tasks"), styles.body)]
    for i, sheet in enumerate(sheets):
        c = sheet.cadre
        if i:
            story.append(PageBreak())
        story += [
            para(unit_name, styles.subtitle),
            para(tr("report.tasks_title"), styles.title),
            _fields([
                (tr("report.col_cadre"), f"{c.name}（{LEVEL.label(c.level, tr.lang)}）"),
                (tr("report.col_phone"), c.phone),
                (tr("report.info_period"), period_label),
                (tr("report.info_as_of"), as_of.isoformat()),
                (tr("report.tasks_count"), tr("report.tasks_count_value", n=sheet.due, done=sheet.done)),
            ], styles),
            Spacer(1, 6),
            *table_flowables(sheet.table, styles),
            Spacer(1, 6),
            KeepTogether([
                para(tr("report.tasks_note"), styles.note),
                Spacer(1, 14),
                para(tr("report.tasks_sign"), styles.cell),
            ]),
        ]
    return story


def render_tasks_pdf(
    sheets: list[TaskSheet], path: Path, font: str, *, unit_name: str, period_label: str, as_of: dt.date,
    made_at: dt.datetime, version: str, fingerprint: str, lang: str | None,
) -> Generator[Progress, None, None]:
    tr = Texts(lang)
    styles = make_styles(font)
    story = tasks_story(sheets, styles, unit_name=unit_name, period_label=period_label, as_of=as_of, tr=tr)
    decor = _decor(font, f"{unit_name} · {tr('report.tasks_title')} · {period_label}", made_at, version,
                   fingerprint, lang)
    yield from build_pdf(path, story, decor, title=tr("report.tasks_title"), author=unit_name, subject=period_label)


def _zh_date(day: dt.date, lang: str | None) -> str:
    if lang and lang.lower().startswith("en"):
        return day.isoformat()
    return f"{day.year}年{day.month}月{day.day}日"


def notice_story(notice: Notice, styles: Styles, *, unit_name: str, unit_code: str, issued: dt.date, tr: Texts) -> list[Flowable]:
    lang = tr.lang
    right = ParagraphStyle("right", parent=styles.body, alignment=TA_RIGHT, firstLineIndent=0)
    plain = ParagraphStyle("plain", parent=styles.body, firstLineIndent=0)
    number = tr("report.notice_number", code=unit_code, date=notice.visit_date.strftime("%Y%m%d"),
                short=notice.visit_id.replace("-", "")[-6:].upper())
    deadline = notice.latest_deadline
    story: list[Flowable] = [
        para(unit_name, styles.subtitle),
        para(tr("report.notice_title"), styles.title),
        para(number, ParagraphStyle("no", parent=styles.subtitle, fontSize=9.5)),
        Spacer(1, 10),
        para(tr("report.notice_to", business=notice.business_name), plain),
        para(tr("report.notice_body", date=_zh_date(notice.visit_date, lang), cadre=notice.cadre_name,
                level=LEVEL.label(notice.cadre_level, lang), mode=visit_mode_label(notice, tr),
                n=len(notice.problems)), styles.body),
        Spacer(1, 6),
        *table_flowables(notice_table(notice, tr), styles),
        Spacer(1, 6),
        para(tr("report.notice_demand", deadline=_zh_date(deadline, lang) if deadline else tr("report.notice_soon")),
             styles.body),
        Spacer(1, 8),
        _fields([
            (tr("report.notice_business"), notice.business_name),
            (tr("report.notice_credit"), notice.credit_code or "—"),
            (tr("report.notice_address"), notice.address or "—"),
            (tr("report.notice_principal"), notice.principal or "—"),
            (tr("report.notice_cadre"), f"{notice.cadre_name}（{notice.cadre_phone}）"),
            (tr("report.notice_visit"), f"{notice.visit_date.isoformat()} {visit_mode_label(notice, tr)}"),
        ], styles),
    ]
    if notice.remarks:
        story.append(para(tr("report.notice_remarks", remarks=notice.remarks), styles.note))
    story += [
        Spacer(1, 26),
        KeepTogether([
            para(tr("report.notice_sign_cadre"), plain),
            Spacer(1, 16),
            para(tr("report.notice_sign_business"), plain),
            Spacer(1, 26),
            para(unit_name, right),
            para(_zh_date(issued, lang), right),
            Spacer(1, 14),
            para(tr("report.notice_copies"), styles.note),
        ]),
    ]
    return story


def render_notice_pdf(
    notice: Notice, path: Path, font: str, *, unit_name: str, unit_code: str, made_at: dt.datetime, version: str,
    lang: str | None,
) -> Generator[Progress, None, None]:
    tr = Texts(lang)
    styles = make_styles(font)
    story = notice_story(notice, styles, unit_name=unit_name, unit_code=unit_code, issued=made_at.date(), tr=tr)
    decor = _decor(font, f"{unit_name} · {tr('report.notice_title')}", made_at, version, notice.fingerprint(), lang)
    yield from build_pdf(path, story, decor, title=tr("report.notice_title"), author=unit_name,
                         subject=notice.business_name)
