"""The working papers a station prints: 督导任务单 (each cadre's visits due in a period, from the
obligations of msfood.metrics) and 整改通知书 (a rectification notice for one visit's problems).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.errors import NotFoundError, NothingToDo
from msfood.db.models import Business, Cadre, Problem, Visit
from msfood.domain.enums import LEVEL, LEVEL_ORDER, PROBLEM_STATUS, VISIT_MODE
from msfood.metrics.results import CadreRef, Obligation, Supervision
from msfood.reports.document.model import Column, ReportTable
from msfood.reports.document.texts import Texts


def digest(payload: object) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- 督导任务单 ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskSheet:
    cadre: CadreRef
    table: ReportTable
    due: int  # obligations listed
    done: int  # of them met


def task_status(o: Obligation, tr: Texts) -> str:
    if o.met:
        return tr("report.task_done")
    return tr("report.task_missed") if o.due else tr("report.task_open")


def task_columns(tr: Texts, *, with_cadre: bool = False) -> tuple[Column, ...]:
    cadre = (
        (Column(tr("report.col_cadre"), 1.4), Column(tr("report.col_phone"), 1.8, nowrap=True), Column(tr("report.col_level"), 1))
        if with_cadre else ()
    )
    return (
        *cadre,
        Column(tr("report.col_no"), 0.9, numeric=True),
        Column(tr("report.col_business"), 3),
        Column(tr("report.col_address"), 3.1),
        Column(tr("report.col_rule_period"), 1.3, nowrap=True),
        Column(tr("report.col_last_visit"), 1.6),
        Column(tr("report.col_task_deadline"), 1.6),
        Column(tr("report.col_visits"), 1.3, numeric=True),
        Column(tr("report.col_task_status"), 1.7),
        Column(tr("report.col_signature"), 1.4),
    )


def _task_cells(i: int, o: Obligation, tr: Texts) -> tuple[object, ...]:
    return (i, o.business_name, o.address or "", o.period_key, o.last_visit, o.period_end,
            f"{o.visits}/{o.required}", task_status(o, tr), "")


def task_sheets(
    obligations: Sequence[Obligation], tr: Texts, *, cadre_phone: str | None = None
) -> list[TaskSheet]:
    """One sheet per cadre assigned to an obligation of the period (due or still open), by level and name."""
    grouped: dict[CadreRef, list[Obligation]] = defaultdict(list)
    for obligation in obligations:
        for cadre in obligation.cadres:
            if cadre_phone is None or cadre.phone == cadre_phone:
                grouped[cadre].append(obligation)
    rank = {level: i for i, level in enumerate(LEVEL_ORDER)}
    sheets = []
    for cadre in sorted(grouped, key=lambda c: (rank.get(c.level, 9), c.name, c.phone)):
        items = sorted(grouped[cadre], key=lambda o: (o.period_end, o.business_name, o.period_key))
        rows = [_task_cells(i, o, tr) for i, o in enumerate(items, start=1)]
        table = ReportTable("tasks", tr("report.t_tasks"), task_columns(tr), rows, pdf_columns=9)
        sheets.append(TaskSheet(cadre, table, len(items), sum(1 for o in items if o.met)))
    return sheets


def tasks_table(sheets: list[TaskSheet], tr: Texts) -> ReportTable:
    """All cadres' tasks in one table (the workbook's sheet)."""
    rows = [
        (s.cadre.name, s.cadre.phone, LEVEL.label(s.cadre.level, tr.lang), *row[:-1])
        for s in sheets
        for row in s.table.rows
    ]
    return ReportTable("tasks", tr("report.t_tasks"), task_columns(tr, with_cadre=True)[:-1], rows,
                       empty=tr("report.empty_tasks"))


def tasks_fingerprint(supervision: Supervision, sheets: list[TaskSheet]) -> str:
    return digest({
        "supervision": supervision.to_json(),
        "tasks": [[s.cadre.id, s.cadre.name, s.cadre.phone, [list(r) for r in s.table.rows]] for s in sheets],
    })


# --- 整改通知书 ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeProblem:
    seq: int
    description: str
    deadline: dt.date | None
    status: str
    closed_on: dt.date | None


@dataclass(frozen=True)
class Notice:
    visit_id: str
    visit_date: dt.date
    mode: str
    remarks: str
    business_name: str
    credit_code: str
    licence_no: str
    address: str
    principal: str
    business_phone: str
    cadre_name: str
    cadre_phone: str
    cadre_level: str
    problems: tuple[NoticeProblem, ...]

    @property
    def latest_deadline(self) -> dt.date | None:
        dates = [p.deadline for p in self.problems if p.deadline]
        return max(dates) if dates else None

    def fingerprint(self) -> str:
        return digest([self.__dict__[k] for k in sorted(self.__dict__) if k != "problems"]
                      + [[p.__dict__[k] for k in sorted(p.__dict__)] for p in self.problems])


def find_visit(session: Session, visit_id: str) -> str:
    """A visit's id from its full id or a unique prefix of at least 8 characters."""
    key = visit_id.strip().lower()
    found = session.scalars(select(Visit.id).where(Visit.id == key, Visit.deleted.is_(False))).first()
    if found:
        return found
    if len(key) >= 8:
        matches = session.scalars(
            select(Visit.id).where(Visit.id.like(f"{key}%"), Visit.deleted.is_(False)).limit(2)
        ).all()
        if len(matches) == 1:
            return matches[0]
    raise NotFoundError("report.visit_not_found", id=visit_id)


def load_notice(session: Session, visit_id: str) -> Notice:
    vid = find_visit(session, visit_id)
    row = session.execute(
        select(Visit, Business, Cadre)
        .join(Business, Business.id == Visit.business_id)
        .join(Cadre, Cadre.id == Visit.cadre_id)
        .where(Visit.id == vid)
    ).one()
    visit, business, cadre = row
    problems = tuple(
        NoticeProblem(p.seq, p.description or "", p.deadline, p.status, p.closed_on)
        for p in session.scalars(
            select(Problem).where(Problem.visit_id == vid, Problem.deleted.is_(False)).order_by(Problem.seq)
        )
    )
    if not problems:
        raise NothingToDo("report.notice_no_problems", date=visit.visit_date.isoformat(), business=business.name)
    return Notice(
        visit_id=vid, visit_date=visit.visit_date, mode=visit.mode, remarks=visit.remarks or "",
        business_name=business.name, credit_code=business.credit_code or "", licence_no=business.licence_no or "",
        address=business.address or "", principal=business.principal or "", business_phone=business.phone or "",
        cadre_name=cadre.name, cadre_phone=cadre.phone, cadre_level=cadre.level, problems=problems,
    )


def notice_table(notice: Notice, tr: Texts) -> ReportTable:
    columns = (
        Column(tr("report.col_no"), 0.7, numeric=True),
        Column(tr("report.col_problem"), 6),
        Column(tr("report.col_deadline"), 1.7),
        Column(tr("report.col_status"), 1.6),
    )
    rows = [(p.seq, p.description, p.deadline, PROBLEM_STATUS.label(p.status, tr.lang)) for p in notice.problems]
    return ReportTable("notice_problems", tr("report.t_notice_problems"), columns, rows)


def visit_mode_label(notice: Notice, tr: Texts) -> str:
    return VISIT_MODE.label(notice.mode, tr.lang)
