"""Supervision visits (督导) as the forms record them: checklist answers, problems and their closing.

A visit by a cadre not assigned to the business on that day is stored with a warning (it does not
count in the figures). Problems are numbered 1..n on their visit (清单制); each is closed off with its
closing date (销号制).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue, ValidationError
from msfood.core.ids import natural_id
from msfood.db.models import Business, Cadre, ChecklistItem, Problem, Visit, VisitAnswer
from msfood.domain.enums import ANSWER, PROBLEM_STATUS
from msfood.services import records
from msfood.services.records.saving import (
    Saved,
    clear_blanks,
    collect,
    delete_record,
    live_row,
    refs_for,
    write,
)
from msfood.services.records.shapes import Cleaned, Prune
from msfood.services.records.values import (
    BadValue,
    character_issue,
    is_blank,
    parse_date,
    parse_enum,
    parse_text,
)
from msfood.services.writing.permissions import EDIT_RECORDS
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

VISITS, ANSWERS, PROBLEMS = table_of(Visit), table_of(VisitAnswer), table_of(Problem)


@dataclass(frozen=True)
class ProblemInput:
    """One problem found on a visit, as a form gives it."""

    description: Any
    deadline: Any = None
    status: Any = (
        None  # 待整改 / 整改中 / 已销号 / 移交监管所 (default: 已销号 with a closing date, else 待整改)
    )
    closed_on: Any = None


@dataclass(frozen=True)
class AnswerView:
    id: str
    item_id: str
    item_code: str
    item_text: str
    answer: str
    note: str | None


@dataclass(frozen=True)
class ProblemView:
    id: str
    seq: int
    description: str
    deadline: dt.date | None
    status: str
    closed_on: dt.date | None


@dataclass(frozen=True)
class VisitView:
    id: str
    cadre_id: str
    cadre_name: str
    cadre_phone: str
    business_id: str
    business_name: str
    visit_date: dt.date
    mode: str
    remarks: str | None
    answers: tuple[AnswerView, ...]
    problems: tuple[ProblemView, ...]


def _date(value: Any, field: str, issues: list[Issue], params: dict[str, Any]) -> dt.date | None:
    if is_blank(value):
        return None
    try:
        return parse_date(value)
    except BadValue as bad:
        issues.append(Issue(bad.code, field, {**bad.params, **params}))
        return None


def _problem_status(
    status: Any, closed_on: dt.date | None, issues: list[Issue], params: dict[str, Any]
) -> str | None:
    """The status a problem ends with: a closing date closes it; a closed one needs the date."""
    code = None
    if not is_blank(status):
        try:
            code = parse_enum(status, PROBLEM_STATUS)
        except BadValue as bad:
            issues.append(Issue(bad.code, "status", {**bad.params, **params}))
            return None
    if code is None:
        code = "closed" if closed_on else "pending"
    if code == "closed" and closed_on is None:
        issues.append(Issue("record.problem_closed_needs_date", "closed_on", params))
    if code != "closed" and closed_on is not None:
        issues.append(Issue("record.problem_open_with_date", "closed_on", params))
    return code


def _not_before(day: dt.date | None, visit_day: dt.date | None, field: str, issues: list[Issue]) -> None:
    if day and visit_day and day < visit_day:
        issues.append(
            Issue("record.date_before", field, {"value": day.isoformat(), "other": visit_day.isoformat()})
        )


DESCRIPTION_MAX = 2000  # as a bundle takes it (msfood.sync.column_rules.TEXT_LIMITS)


def _check_description(text: str, issues: list[Issue], params: dict[str, Any]) -> None:
    """A problem's description: no longer than a bundle may carry, no control characters."""
    if len(text) > DESCRIPTION_MAX:
        issues.append(Issue("value.too_long", "description", dict(params, max=DESCRIPTION_MAX)))
    elif (bad := character_issue(text, "description", params)) is not None:
        issues.append(bad)


def _problem_rows(
    visit_id: str, visit_day: dt.date | None, problems: Sequence[Any], issues: list[Issue]
) -> list[dict[str, Any]]:
    rows = []
    for seq, problem in enumerate(problems, start=1):
        given = problem if isinstance(problem, Mapping) else vars(problem)
        params = {"problem": seq}
        text = "" if is_blank(given.get("description")) else str(given["description"]).strip()
        if not text:
            issues.append(Issue("value.required", "description", params))
        _check_description(text, issues, params)
        deadline = _date(given.get("deadline"), "deadline", issues, params)
        closed_on = _date(given.get("closed_on"), "closed_on", issues, params)
        _not_before(deadline, visit_day, "deadline", issues)
        _not_before(closed_on, visit_day, "closed_on", issues)
        status = _problem_status(given.get("status"), closed_on, issues, params)
        row = {"id": natural_id("problem", visit_id, seq), "visit_id": visit_id, "seq": seq}
        row.update(description=text, deadline=deadline, status=status, closed_on=closed_on)
        rows.append(row)
    return rows


def _answer_rows(
    uow: UnitOfWork, visit_id: str, answers: Mapping[str, Any], issues: list[Issue]
) -> list[dict[str, Any]]:
    known = set(uow.session.scalars(select(ChecklistItem.id).where(ChecklistItem.deleted.is_(False))))
    rows = []
    for item_id, given in answers.items():
        answer, note = given if isinstance(given, tuple) else (given, None)
        if item_id not in known:
            issues.append(Issue("record.answer_item_unknown", "answers", {"item": item_id}))
            continue
        try:
            code = parse_enum(answer, ANSWER)
            text = None if is_blank(note) else parse_text(note, 400)
        except BadValue as bad:
            issues.append(Issue(bad.code, "answers", {**bad.params, "item": item_id}))
            continue
        rows.append({"id": natural_id("visit_answer", visit_id, item_id), "visit_id": visit_id,
                     "item_id": item_id, "answer": code, "note": text})  # fmt: skip
    return rows


def record_visit(
    uow: UnitOfWork,
    *,
    cadre_id: str,
    business_id: str,
    visit_date: Any,
    mode: Any,
    remarks: Any = None,
    answers: Mapping[str, Any] | None = None,
    problems: Sequence[ProblemInput | Mapping[str, Any]] | None = None,
    visit_id: str | None = None,
) -> Saved:
    """Record (or, with `visit_id`, change) a visit with its checklist answers and its problems.

    `answers` maps checklist item ids to 符合 / 不符合 / 不适用 (or (answer, note)); `problems` lists the
    problems found, numbered 1..n. Given (even empty), they replace what the visit held; None keeps it."""
    uow.actor.require(EDIT_RECORDS)
    if visit_id is not None:
        live_row(uow, VISITS, visit_id, "visit")
    issues: list[Issue] = []
    raw = {"cadre_id": cadre_id, "business_id": business_id, "visit_date": visit_date, "mode": mode,
           "remarks": remarks}  # fmt: skip
    cleaned: Cleaned | None = collect(issues, records.clean, "visit", raw, refs_for(uow), record_id=visit_id)
    day = cleaned.values["visit_date"] if cleaned is not None else _date(visit_date, "visit_date", [], {})
    target = cleaned.id if cleaned is not None else (visit_id or "")
    problem_rows = _problem_rows(target, day, problems or (), issues)
    answer_rows = _answer_rows(uow, target, answers or {}, issues)
    if issues:
        raise ValidationError(_dedupe(issues))
    assert cleaned is not None
    clear_blanks("visit", raw, cleaned)
    for table, rows, given in ((PROBLEMS, problem_rows, problems), (ANSWERS, answer_rows, answers)):
        if given is None:
            continue
        cleaned.children.extend((table, row) for row in rows)
        cleaned.prune.append(Prune(table, "visit_id", cleaned.id, frozenset(r["id"] for r in rows)))
    return write(uow, cleaned)


def _dedupe(issues: list[Issue]) -> list[Issue]:
    seen: list[Issue] = []
    for issue in issues:
        if issue not in seen:
            seen.append(issue)
    return seen


def update_problem(
    uow: UnitOfWork,
    *,
    problem_id: str,
    status: Any = None,
    closed_on: Any = None,
    deadline: Any = None,
    description: Any = None,
) -> Saved:
    """Move a problem on: 整改中, 已销号 with its closing date, 移交监管所; or fix its deadline or text.

    A closing date closes the problem; reopening it (any status but closed) clears the closing date.
    Blank arguments keep the stored values."""
    uow.actor.require(EDIT_RECORDS)
    row = live_row(uow, PROBLEMS, problem_id, "problem")
    visit_day = uow.session.scalar(select(Visit.visit_date).where(Visit.id == row["visit_id"]))
    issues: list[Issue] = []
    values: dict[str, Any] = {"id": problem_id}
    if not is_blank(description):
        values["description"] = str(description).strip()
        _check_description(values["description"], issues, {})
    new_deadline = _date(deadline, "deadline", issues, {})
    if new_deadline is not None:
        _not_before(new_deadline, visit_day, "deadline", issues)
        values["deadline"] = new_deadline
    new_closed = _date(closed_on, "closed_on", issues, {})
    _not_before(new_closed, visit_day, "closed_on", issues)
    if not is_blank(status) or new_closed is not None:
        if is_blank(status) or _is_closed(status):
            final_closed = new_closed or row["closed_on"]
        else:
            final_closed = new_closed
        code = _problem_status(status, final_closed, issues, {})
        values["status"] = code
        values["closed_on"] = final_closed if code == "closed" else None
    if issues:
        raise ValidationError(_dedupe(issues))
    outcome = uow.upsert(PROBLEMS, values)
    return Saved(problem_id, outcome, (), frozenset(uow.changed_tables))


def _is_closed(status: Any) -> bool:
    return PROBLEM_STATUS.parse(str(status)) == "closed"


def delete_visit(uow: UnitOfWork, *, visit_id: str) -> Saved:
    """Tombstone a visit with its answers and problems."""
    return delete_record(uow, VISITS, visit_id, what="visit", permission=EDIT_RECORDS,
                         dependants=[(ANSWERS, "visit_id"), (PROBLEMS, "visit_id")])  # fmt: skip


def get_visit(session: Session, visit_id: str) -> VisitView:
    row = live_row(session, VISITS, visit_id, "visit")
    cadre = session.execute(select(Cadre.name, Cadre.phone).where(Cadre.id == row["cadre_id"])).one()
    business_name = session.scalar(select(Business.name).where(Business.id == row["business_id"])) or ""
    answers = session.execute(
        select(VisitAnswer, ChecklistItem.code, ChecklistItem.text)
        .join(ChecklistItem, ChecklistItem.id == VisitAnswer.item_id)
        .where(VisitAnswer.visit_id == visit_id, VisitAnswer.deleted.is_(False))
        .order_by(ChecklistItem.position, ChecklistItem.code)
    ).all()
    problems = session.scalars(
        select(Problem).where(Problem.visit_id == visit_id, Problem.deleted.is_(False)).order_by(Problem.seq)
    )
    return VisitView(
        id=row["id"], cadre_id=row["cadre_id"], cadre_name=cadre.name, cadre_phone=cadre.phone,
        business_id=row["business_id"], business_name=business_name, visit_date=row["visit_date"],
        mode=row["mode"], remarks=row["remarks"],
        answers=tuple(AnswerView(a.id, a.item_id, code, text, a.answer, a.note) for a, code, text in answers),
        problems=tuple(ProblemView(p.id, p.seq, p.description, p.deadline, p.status, p.closed_on)
                       for p in problems),
    )  # fmt: skip
