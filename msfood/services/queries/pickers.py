"""What a form's picker offers for typed text: businesses or cadres, with what tells them apart.

A picker must never resolve to the wrong record, so each choice carries the township (乡镇/街道) and
address of a business, or the phone and region of a cadre, and a business picker in a form that names
a cadre ranks that cadre's own businesses (active 包保 on the day) first. Text matches as in the lists
(name, pinyin initials, codes, phone), and Latin letters also match full pinyin (xiangfu -> 祥福面馆).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, case, or_, select
from sqlalchemy.orm import Session

from msfood.services.queries.parts import (
    A,
    B,
    C,
    Expr,
    R,
    active_assignment,
    alive,
    business_term,
    cadre_term,
)
from msfood.services.queries.pinyin import initials_of_cuts, looks_like_pinyin, matches_full_pinyin

MATCHES = 12
CANDIDATES = 200  # rows read before the full-pinyin check narrows them
TOWNSHIP_CODE = 9  # a 9-digit division code is a township or street (乡镇/街道)


@dataclass(frozen=True)
class Choice:
    """One entry of a picker: the id it gives, the short text kept in the field once chosen, and the
    parts the drop-down shows to tell it apart. `own` marks the form's cadre's own business."""

    id: str
    name: str
    code: str | None  # credit code or licence number; a cadre's phone
    place: str | None  # the township (or the region when it is above one)
    detail: str | None  # the address; a cadre's workplace
    own: bool = False

    @property
    def chosen_text(self) -> str:
        return f"{self.name}（{self.code}）" if self.code else self.name


def _term_condition(term: str, standard: Callable[[str], Expr], initials_column: object) -> Expr:
    """The list search's condition, widened by the initials of full pinyin (checked afterwards)."""
    condition = standard(term)
    if looks_like_pinyin(term):
        contains = initials_column.contains  # type: ignore[attr-defined]
        cuts = [contains(c, autoescape=True) for c in initials_of_cuts(term)]
        condition = or_(condition, *cuts)
    return condition


def _term_columns(terms: list[str], standard: Callable[[str], Expr]) -> list[object]:
    """Per typed word, whether the list search's own condition matched it (a column of the query), so
    only the rows the full-pinyin widening let in are checked again, in Python."""
    return [standard(t).label(f"term_{i}") for i, t in enumerate(terms)]


def _all_terms_match(row: Any, terms: list[str]) -> bool:
    return all(
        getattr(row, f"term_{i}") or (looks_like_pinyin(t) and matches_full_pinyin(row.name, t))
        for i, t in enumerate(terms)
    )


def _township_names(session: Session, region_ids: set[str]) -> dict[str, str]:
    """Each region's township name (a village shows its township; a township or county its own)."""
    parent = R.alias("region_parent")
    rows = session.execute(
        select(R.c.id, R.c.code, R.c.name, parent.c.name.label("parent_name"))
        .outerjoin(parent, parent.c.id == R.c.parent_id)
        .where(R.c.id.in_(region_ids))
    ).all()
    return {r.id: (r.parent_name if len(r.code) > TOWNSHIP_CODE and r.parent_name else r.name) for r in rows}


def _ranked(query: Select, first: Expr | None, *order: object) -> Select:  # type: ignore[type-arg]
    if first is not None:
        query = query.order_by(case((first, 0), else_=1))
    return query.order_by(*order).limit(CANDIDATES)  # type: ignore[arg-type]


def pick_businesses(
    session: Session, *, text: str, cadre_id: str | None = None, today: dt.date | None = None,
    limit: int = MATCHES,
) -> list[Choice]:
    """Live businesses matching every word of `text`; `cadre_id`'s own (active on `today`) first."""
    terms = text.split()
    if not terms:
        return []
    own: Expr | None = None
    if cadre_id:
        own = B.c.id.in_(
            select(A.c.business_id).where(A.c.cadre_id == cadre_id, alive(A), active_assignment(A, today))
        )
    query = select(
        B.c.id, B.c.name, B.c.name_initials, B.c.credit_code, B.c.licence_no, B.c.phone, B.c.address,
        B.c.region_id, (own if own is not None else B.c.id.is_(None)).label("own"),
        *_term_columns(terms, business_term),
    ).where(alive(B), and_(*[_term_condition(t, business_term, B.c.name_initials) for t in terms]))
    found = session.execute(_ranked(query, own, B.c.name_initials, B.c.name, B.c.id)).all()
    found = [r for r in found if _all_terms_match(r, terms)][:limit]
    places = _township_names(session, {r.region_id for r in found if r.region_id})
    return [Choice(id=r.id, name=r.name, code=r.credit_code or r.licence_no, place=places.get(r.region_id),
                   detail=r.address, own=bool(r.own)) for r in found]  # fmt: skip


def pick_cadres(session: Session, *, text: str, limit: int = MATCHES) -> list[Choice]:
    """Live cadres matching every word of `text` (name, initials, full pinyin, phone, workplace)."""
    terms = text.split()
    if not terms:
        return []
    query = select(
        C.c.id, C.c.name, C.c.name_initials, C.c.phone, C.c.workplace, C.c.region_id,
        *_term_columns(terms, cadre_term),
    ).where(alive(C), and_(*[_term_condition(t, cadre_term, C.c.name_initials) for t in terms]))
    found = session.execute(_ranked(query, None, C.c.name_initials, C.c.name, C.c.id)).all()
    found = [r for r in found if _all_terms_match(r, terms)][:limit]
    places = _township_names(session, {r.region_id for r in found if r.region_id})
    return [Choice(id=r.id, name=r.name, code=r.phone, place=places.get(r.region_id), detail=r.workplace)
            for r in found]
