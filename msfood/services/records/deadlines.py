"""Deadlines a form shows in place (DOMAIN.md section 3): a failed sample's retest and handling
deadlines, an overdue handling case, an overdue problem. Qt-free; the forms call these with the values
being edited, so a deadline shows as soon as a result and its date are typed.

Each note is an Issue naming the field it belongs beside; text in msfood.i18n.lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue
from msfood.db.models import Holiday
from msfood.domain.calendar import WorkCalendar
from msfood.domain.cases import case_deadline, case_types
from msfood.domain.enums import SAMPLING_TYPE
from msfood.services.records.refs import Refs
from msfood.services.records.values import BadValue, is_blank, parse_date

OPEN_PROBLEM = ("pending", "in_progress")


def _day(value: Any) -> dt.date | None:
    if is_blank(value):
        return None
    try:
        return parse_date(value)
    except BadValue:
        return None


def sampling_notes(session: Session, values: Mapping[str, Any], today: dt.date) -> list[Issue]:
    """For a failed sample with its result date: the retest deadline (7 working days, a setting) from
    the day the business received the result (送达; "送达日期未录入" while it is not entered), and for
    a type that opens a case (a setting, default 监督抽检) the handling deadline (90 days, a setting,
    or the approved extension), or how long it is overdue."""
    received = _day(values.get("result_date"))
    if values.get("result") != "fail" or received is None:
        return []
    refs = Refs(session, today=today)
    disposal_days = int(refs.setting("disposal_days") or 90)
    retest_days = int(refs.setting("retest_workdays") or 7)
    holidays = select(Holiday.day, Holiday.is_workday).where(Holiday.deleted.is_(False))
    calendar = WorkCalendar({day: bool(workday) for day, workday in session.execute(holidays)})
    notes: list[Issue] = []
    served = _day(values.get("served_date"))
    if served is None:
        notes.append(Issue("figures_rules.served_missing", "served_date"))
    else:
        retest = calendar.add_workdays(served, retest_days)
        if today <= retest:
            left = (retest - today).days
            notes.append(Issue("figures_rules.retest_deadline", "served_date",
                               {"date": retest.isoformat(), "days": retest_days, "left": left}))
        warnings = calendar.holiday_warnings(served, retest)
        notes.extend(Issue(w.code, "served_date", w.params) for w in warnings)
    types = case_types({"case_sampling_types": refs.setting("case_sampling_types")})
    kind = values.get("sampling_type")
    if kind is not None and kind not in types:
        opening = "、".join(SAMPLING_TYPE.label(t) for t in types)
        notes.append(Issue("figures_rules.not_a_case", "result",
                           {"type": SAMPLING_TYPE.label(str(kind)), "types": opening}))
        return notes
    extended = _day(values.get("extended_deadline"))
    approved_on = _day(values.get("extension_approved_on"))
    deadline = case_deadline(received, disposal_days, extended, approved_on, today)
    if deadline != received + dt.timedelta(days=disposal_days):
        notes.append(Issue("figures_rules.extended", "extended_deadline", {
            "date": deadline.isoformat(), "approver": values.get("extension_approver") or "",
            "approved": approved_on.isoformat() if approved_on else ""}))
    if _day(values.get("disposal_closed_on")) is None:
        if deadline < today:
            notes.append(Issue("note.case_overdue", "disposal_closed_on",
                               {"date": deadline.isoformat(), "late": (today - deadline).days}))
        else:
            notes.append(Issue("note.case_deadline", "disposal_closed_on",
                               {"date": deadline.isoformat(), "left": (deadline - today).days}))
    return notes


def problem_notes(values: Mapping[str, Any], today: dt.date) -> list[Issue]:
    """An open problem past its rectification deadline."""
    deadline = _day(values.get("deadline"))
    if deadline is None or values.get("status") not in OPEN_PROBLEM or deadline >= today:
        return []
    late = (today - deadline).days
    return [Issue("note.problem_overdue", "deadline", {"date": deadline.isoformat(), "late": late})]


def visit_notes(values: Mapping[str, Any], today: dt.date) -> list[Issue]:
    """The overdue problems among a visit's problems."""
    notes = []
    for number, problem in enumerate(values.get("problems") or (), start=1):
        for note in problem_notes(problem, today):
            notes.append(Issue(note.code, note.field, {**note.params, "problem": number}))
    return notes


def record_notes(session: Session, kind: str, values: Mapping[str, Any], today: dt.date) -> list[Issue]:
    """The notes for a record of a list kind (msfood.services.queries) with these form values."""
    if kind == "samplings":
        return sampling_notes(session, values, today)
    if kind == "problems":
        return problem_notes(values, today)
    if kind == "visits":
        return visit_notes(values, today)
    return []
