"""What each list is made of: its row columns, joins, sort keys, search fields and filters.

Built from the parts in msfood.services.queries.parts; msfood.services.queries.lists pages through SPECS.
Over 400 lines on purpose: it is one declarative table (a Spec per list, each beside the few expressions
only it uses), and reading a list's whole definition in one place is the point of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import and_, case, false, func, literal, or_, select

from msfood.services.queries import rows
from msfood.services.queries.parts import (
    OPEN_PROBLEM,
    RT,
    SA,
    ST,
    A,
    B,
    C,
    Ctx,
    Expr,
    P,
    R,
    S,
    Spec,
    V,
    active_assignment,
    alive,
    all_terms,
    business_term,
    businesses_where,
    by_business,
    by_cadre,
    by_pinyin,
    cadre_term,
    cadres_where,
    in_period,
    joined_names,
    nonnull,
    region_join,
    region_subtree,
)

# --- businesses ---------------------------------------------------------------------------------


def business_status(ctx: Ctx) -> Expr:
    """The status holding on the filters' date (the latest dated one; none recorded: operating)."""
    latest = select(ST.c.status).where(ST.c.business_id == B.c.id, alive(ST))
    if ctx.as_of is not None:
        latest = latest.where(or_(ST.c.since.is_(None), ST.c.since <= ctx.as_of))
    subquery = latest.order_by(ST.c.since.desc().nulls_last()).limit(1).scalar_subquery()
    return func.coalesce(subquery, literal("operating"))


def business_cadres(ctx: Ctx) -> Any:
    a, c = A.alias("ba"), C.alias("bc")
    return (
        select(joined_names(c.c.name, ctx))
        .select_from(a.join(c, c.c.id == a.c.cadre_id))
        .where(a.c.business_id == B.c.id, alive(a), alive(c), active_assignment(a, ctx.as_of))
        .scalar_subquery()
    )


BUSINESSES = Spec(
    table=B,
    row=rows.BusinessRow,
    columns=lambda ctx: [
        B.c.id, B.c.name, B.c.credit_code, B.c.licence_no, B.c.form, B.c.scale, B.c.risk_grade, B.c.grade,
        B.c.high_risk, R.c.code.label("region_code"), R.c.name.label("region_name"), B.c.address,
        B.c.principal, B.c.phone, business_status(ctx).label("status"),
        business_cadres(ctx).label("cadres"),
    ],
    joins=lambda: region_join(B, B.c.region_id),
    sorts={
        "name": lambda ctx: by_pinyin(B),
        "credit_code": lambda ctx: nonnull(B.c.credit_code, ""),
        "licence_no": lambda ctx: nonnull(B.c.licence_no, ""),
        "form": lambda ctx: B.c.form,
        "grade": lambda ctx: B.c.grade,
        "high_risk": lambda ctx: B.c.high_risk,
        "region": lambda ctx: nonnull(R.c.code, ""),
        "principal": lambda ctx: nonnull(B.c.principal, ""),
        "phone": lambda ctx: nonnull(B.c.phone, ""),
        "status": business_status,
    },
    default_sort=("name", False),
    search=lambda text: all_terms(text, business_term),
    filters={
        "region": lambda v, ctx: B.c.region_id.in_(region_subtree(v)),
        "grade": lambda v, ctx: B.c.grade == v,
        "form": lambda v, ctx: B.c.form == v,
        "high_risk": lambda v, ctx: B.c.high_risk.is_(bool(v)),
        "status": lambda v, ctx: business_status(ctx) == v,
        "business_id": lambda v, ctx: B.c.id == v,
    },
)


# --- cadres -------------------------------------------------------------------------------------


def cadre_load(ctx: Ctx) -> Any:
    a = A.alias("ca")
    return (
        select(func.count())
        .select_from(a)
        .where(a.c.cadre_id == C.c.id, alive(a), active_assignment(a, ctx.as_of))
        .scalar_subquery()
    )


CADRES = Spec(
    table=C,
    row=rows.CadreRow,
    columns=lambda ctx: [
        C.c.id, C.c.name, C.c.phone, C.c.level, C.c.title, C.c.workplace, R.c.code.label("region_code"),
        R.c.name.label("region_name"), cadre_load(ctx).label("businesses"),
    ],
    joins=lambda: region_join(C, C.c.region_id),
    sorts={
        "name": lambda ctx: by_pinyin(C),
        "phone": lambda ctx: C.c.phone,
        "level": lambda ctx: C.c.level,
        "title": lambda ctx: nonnull(C.c.title, ""),
        "workplace": lambda ctx: nonnull(C.c.workplace, ""),
        "region": lambda ctx: nonnull(R.c.code, ""),
        "businesses": cadre_load,
    },
    default_sort=("name", False),
    search=lambda text: all_terms(text, cadre_term),
    filters={
        "region": lambda v, ctx: C.c.region_id.in_(region_subtree(v)),
        "level": lambda v, ctx: C.c.level == v,
        "cadre_id": lambda v, ctx: C.c.id == v,
    },
)


# --- assignments --------------------------------------------------------------------------------


def assignment_status(value: str, ctx: Ctx) -> Expr:
    active = active_assignment(A, ctx.as_of)
    return active if value == "active" else ~active


def assignment_period(value: str, ctx: Ctx) -> Expr:
    period = ctx.period
    return and_(A.c.start_date <= period.end, or_(A.c.end_date.is_(None), A.c.end_date >= period.start))


def business_or_cadre(column_b: Any, column_c: Any) -> Callable[[str], Expr]:
    def term(t: str) -> Expr:
        return or_(
            column_b.in_(businesses_where(business_term(t))), column_c.in_(cadres_where(cadre_term(t)))
        )

    return term


ASSIGNMENTS = Spec(
    table=A,
    row=rows.AssignmentRow,
    columns=lambda ctx: [
        A.c.id, A.c.cadre_id, C.c.name.label("cadre_name"), C.c.phone.label("cadre_phone"), C.c.level,
        A.c.business_id, B.c.name.label("business_name"), B.c.credit_code, B.c.grade,
        R.c.name.label("region_name"), A.c.start_date, A.c.end_date, A.c.end_reason, A.c.pledge_signed_on,
    ],
    joins=lambda: region_join(A.join(C, C.c.id == A.c.cadre_id).join(B, B.c.id == A.c.business_id),
                              B.c.region_id),
    sorts={
        "start_date": lambda ctx: A.c.start_date,
        "end_date": lambda ctx: nonnull(A.c.end_date, dt.date.max),
        "cadre_name": lambda ctx: by_pinyin(C),
        "business_name": lambda ctx: by_pinyin(B),
        "level": lambda ctx: C.c.level,
        "grade": lambda ctx: B.c.grade,
    },
    default_sort=("start_date", True),
    search=lambda text: all_terms(text, business_or_cadre(A.c.business_id, A.c.cadre_id)),
    filters={
        **by_business(A.c.business_id),
        **by_cadre(A.c.cadre_id),
        "status": assignment_status,
        "period": assignment_period,
    },
)


# --- visits and their problems ------------------------------------------------------------------


def visit_problems(*, open_only: bool) -> Any:
    p = P.alias("vp")
    query = select(func.count()).select_from(p).where(p.c.visit_id == V.c.id, alive(p))
    if open_only:
        query = query.where(p.c.status.in_(OPEN_PROBLEM))
    return query.scalar_subquery()


VISITS = Spec(
    table=V,
    row=rows.VisitRow,
    columns=lambda ctx: [
        V.c.id, V.c.visit_date, V.c.mode, V.c.cadre_id, C.c.name.label("cadre_name"), C.c.level,
        V.c.business_id, B.c.name.label("business_name"), B.c.credit_code, B.c.grade, B.c.high_risk,
        R.c.name.label("region_name"), visit_problems(open_only=False).label("problems"),
        visit_problems(open_only=True).label("open_problems"), V.c.remarks,
    ],
    joins=lambda: region_join(V.join(C, C.c.id == V.c.cadre_id).join(B, B.c.id == V.c.business_id),
                              B.c.region_id),
    sorts={
        "visit_date": lambda ctx: V.c.visit_date,
        "mode": lambda ctx: V.c.mode,
        "cadre_name": lambda ctx: by_pinyin(C),
        "business_name": lambda ctx: by_pinyin(B),
        "level": lambda ctx: C.c.level,
    },
    default_sort=("visit_date", True),
    search=lambda text: all_terms(text, business_or_cadre(V.c.business_id, V.c.cadre_id)),
    filters={
        **by_business(V.c.business_id),
        **by_cadre(V.c.cadre_id),
        "mode": lambda v, ctx: V.c.mode == v,
        "period": lambda v, ctx: in_period(V.c.visit_date, ctx),
    },
    order_indexes={"visit_date": "ix_visits_date"},
)


def problem_status(value: str, ctx: Ctx) -> Expr:
    """A problem status code, or "open" (not yet closed or handed over), or "overdue" (open past
    its deadline on the filters' date)."""
    if value == "open":
        return P.c.status.in_(OPEN_PROBLEM)
    if value == "overdue":
        today = ctx.as_of or dt.date.max
        return and_(P.c.status.in_(OPEN_PROBLEM), P.c.deadline < today)
    return P.c.status == value


def problem_visits(*conditions: Expr) -> Expr:
    return P.c.visit_id.in_(select(V.c.id).where(*conditions))


PROBLEMS = Spec(
    table=P,
    row=rows.ProblemRow,
    columns=lambda ctx: [
        P.c.id, P.c.visit_id, P.c.seq, V.c.visit_date, V.c.business_id, B.c.name.label("business_name"),
        V.c.cadre_id, C.c.name.label("cadre_name"), R.c.name.label("region_name"), P.c.description,
        P.c.deadline, P.c.status, P.c.closed_on,
    ],
    joins=lambda: region_join(
        P.join(V, V.c.id == P.c.visit_id).join(C, C.c.id == V.c.cadre_id).join(B, B.c.id == V.c.business_id),
        B.c.region_id,
    ),
    sorts={
        "deadline": lambda ctx: nonnull(P.c.deadline, dt.date.max),
        "visit_date": lambda ctx: V.c.visit_date,
        "status": lambda ctx: P.c.status,
        "business_name": lambda ctx: by_pinyin(B),
    },
    default_sort=("deadline", False),
    search=lambda text: all_terms(
        text,
        lambda t: or_(
            P.c.description.contains(t, autoescape=True),
            problem_visits(business_or_cadre(V.c.business_id, V.c.cadre_id)(t)),
        ),
    ),
    filters={
        "region": lambda v, ctx: problem_visits(by_business(V.c.business_id)["region"](v, ctx)),
        "grade": lambda v, ctx: problem_visits(by_business(V.c.business_id)["grade"](v, ctx)),
        "business_id": lambda v, ctx: problem_visits(V.c.business_id == v),
        "level": lambda v, ctx: problem_visits(by_cadre(V.c.cadre_id)["level"](v, ctx)),
        "cadre_id": lambda v, ctx: problem_visits(V.c.cadre_id == v),
        "visit_id": lambda v, ctx: P.c.visit_id == v,
        "status": problem_status,
        "period": lambda v, ctx: in_period(P.c.deadline, ctx),
    },
)


# --- self-checks, sampling, rapid tests ---------------------------------------------------------


def business_record(column: Any, *own_text: Any) -> Callable[[str], Expr]:
    """Search for records of a business: its name, initials, codes, or the record's own text."""

    def term(t: str) -> Expr:
        own = [c.contains(t, autoescape=True) for c in own_text]
        return or_(column.in_(businesses_where(business_term(t))), *own)

    return term


SELFCHECKS = Spec(
    table=S,
    row=rows.SelfCheckRow,
    columns=lambda ctx: [
        S.c.id, S.c.business_id, B.c.name.label("business_name"), B.c.credit_code,
        R.c.name.label("region_name"), S.c.kind, S.c.record_date, S.c.period_key, S.c.issues_found,
        S.c.rectified, S.c.recorder,
    ],
    joins=lambda: region_join(S.join(B, B.c.id == S.c.business_id), B.c.region_id),
    # Millions of rows: only sorts an index serves; search by business only (an index serves that too).
    sorts={"record_date": lambda ctx: S.c.record_date},
    default_sort=("record_date", True),
    search=lambda text: all_terms(text, business_record(S.c.business_id)),
    filters={
        **by_business(S.c.business_id),
        "kind": lambda v, ctx: S.c.kind == v,
        "period": lambda v, ctx: in_period(S.c.record_date, ctx),
    },
    order_indexes={"record_date": "ix_selfchecks_date_id"},
)


def sampling_status(value: str, ctx: Ctx) -> Expr:
    """"open_case": failed and not yet closed; "overdue": open past its handling deadline."""
    open_case = and_(SA.c.result == "fail", SA.c.disposal_closed_on.is_(None))
    if value == "open_case":
        return open_case
    if value == "overdue":  # past the deadline in force: an approved extension's, if any
        today = ctx.as_of or dt.date.max
        days = getattr(ctx.filters, "disposal_days", 90)
        return and_(open_case, or_(
            and_(SA.c.extended_deadline.is_(None), SA.c.result_date < today - dt.timedelta(days=days)),
            SA.c.extended_deadline < today,
        ))
    return false()


SAMPLINGS = Spec(
    table=SA,
    row=rows.SamplingRow,
    columns=lambda ctx: [
        SA.c.id, SA.c.sample_no, SA.c.business_id, B.c.name.label("business_name"), B.c.credit_code,
        R.c.name.label("region_name"), SA.c.sample_date, SA.c.sampling_type, SA.c.food_category,
        SA.c.sample_name, SA.c.batch_info, SA.c.lab, SA.c.result, SA.c.failed_items, SA.c.result_date,
        SA.c.disposal, SA.c.disposal_closed_on, SA.c.retest_requested, SA.c.served_date,
        SA.c.extended_deadline,
    ],
    joins=lambda: region_join(SA.join(B, B.c.id == SA.c.business_id), B.c.region_id),
    sorts={
        "sample_date": lambda ctx: SA.c.sample_date,
        "sample_no": lambda ctx: SA.c.sample_no,
        "result": lambda ctx: SA.c.result,
        "sampling_type": lambda ctx: SA.c.sampling_type,
        "food_category": lambda ctx: SA.c.food_category,
        "business_name": lambda ctx: by_pinyin(B),
        "result_date": lambda ctx: nonnull(SA.c.result_date, dt.date.min),
    },
    default_sort=("sample_date", True),
    search=lambda text: all_terms(
        text, business_record(SA.c.business_id, SA.c.sample_no, SA.c.sample_name, SA.c.food_category)
    ),
    filters={
        **by_business(SA.c.business_id),
        "result": lambda v, ctx: SA.c.result == v,
        "sampling_type": lambda v, ctx: SA.c.sampling_type == v,
        "status": sampling_status,
        "period": lambda v, ctx: in_period(SA.c.sample_date, ctx),
    },
)


RAPID_TESTS = Spec(
    table=RT,
    row=rows.RapidTestRow,
    columns=lambda ctx: [
        RT.c.id, RT.c.business_id, B.c.name.label("business_name"), B.c.credit_code,
        R.c.name.label("region_name"), RT.c.test_date, RT.c.sample_name, RT.c.item, RT.c.batches,
        RT.c.positives, RT.c.disposal, RT.c.destroyed_kg,
    ],
    joins=lambda: region_join(RT.join(B, B.c.id == RT.c.business_id), B.c.region_id),
    sorts={
        "test_date": lambda ctx: RT.c.test_date,
        "item": lambda ctx: RT.c.item,
        "sample_name": lambda ctx: RT.c.sample_name,
        "positives": lambda ctx: RT.c.positives,
        "business_name": lambda ctx: by_pinyin(B),
    },
    default_sort=("test_date", True),
    search=lambda text: all_terms(text, business_record(RT.c.business_id, RT.c.sample_name, RT.c.item)),
    filters={
        **by_business(RT.c.business_id),
        "result": lambda v, ctx: case((RT.c.positives > 0, "positive"), else_="negative") == v,
        "period": lambda v, ctx: in_period(RT.c.test_date, ctx),
    },
)


SPECS: dict[str, Spec] = {
    "businesses": BUSINESSES,
    "cadres": CADRES,
    "assignments": ASSIGNMENTS,
    "visits": VISITS,
    "problems": PROBLEMS,
    "selfchecks": SELFCHECKS,
    "samplings": SAMPLINGS,
    "rapid_tests": RAPID_TESTS,
}
