"""Resolving references by natural key (region code, credit code + licence, phone), cached.

One `Refs` serves one action or one import: lookups are cached, `prefetch` loads many keys in a few
queries, and records cleaned earlier in the same import are visible once `remember`ed, so one workbook
can add a region, its businesses and their assignments. Tombstoned records are not found as references,
but a record's own key lookup (`region_row`, `cadre_row`, `business_candidates(..., deleted=True)`)
sees them, so re-entering a deleted record brings the same record back.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import Table, and_, select
from sqlalchemy.orm import Session

from msfood.core.errors import Issue, ValidationError
from msfood.db.models import Assignment, Business, Cadre, FoodCategory, Region, Setting
from msfood.domain.defaults import DEFAULT_SETTINGS
from msfood.services.records.natural_keys import resolve_rows, resolve_rows_sqlite
from msfood.services.records.shapes import AssignmentRef, BusinessRef, CadreRef, RegionRef

CHUNK = 500


_B = Business.__table__.c
_BUSINESS_COLS = (
    _B.id,
    _B.name,
    _B.credit_code,
    _B.licence_no,
    _B.form,
    _B.grade,
    _B.high_risk,
    _B.region_id,
    _B.deleted,
)


def _business_ref(row: Any) -> BusinessRef:
    return BusinessRef(
        id=row.id,
        name=row.name,
        credit_code=row.credit_code,
        licence_no=row.licence_no,
        form=row.form,
        grade=row.grade,
        high_risk=bool(row.high_risk),
        region_id=row.region_id,
        deleted=bool(row.deleted),
    )


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    items = sorted({v for v in values if v})
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


class Refs:
    """Resolves references by natural key, cached, bulk-friendly (see the module docstring)."""

    def __init__(self, session: Session, *, today: dt.date | None = None) -> None:
        self.session = session
        self.today = today
        self._regions: dict[str, RegionRef | None] = {}  # code -> ref (None: known missing)
        self._regions_by_id: dict[str, RegionRef] = {}
        self._by_code: dict[str, list[BusinessRef]] = {}  # credit code -> every business (also deleted)
        self._stalls: dict[str, list[BusinessRef]] = {}  # licence -> businesses without a credit code
        self._businesses: dict[str, BusinessRef] = {}
        self._cadres: dict[str, CadreRef | None] = {}  # phone -> ref
        self._cadres_by_id: dict[str, CadreRef] = {}
        self._assignments: dict[str, list[AssignmentRef]] = {}  # business id -> assignments
        self._settings: dict[str, Any] | None = None
        self._food_categories: set[str] | None = None
        self._ids: dict[str, dict[str, bool]] = {}  # table -> id -> taken (see prefetch_ids)

    # --- regions ----------------------------------------------------------------------------------

    def _load_regions(self, column: Any, keys: Iterable[str]) -> None:
        t = Region.__table__.c
        for chunk in _chunks(keys):
            for row in self.session.execute(
                select(t.id, t.code, t.parent_id, t.deleted).where(column.in_(chunk))
            ):
                ref = RegionRef(row.id, row.code, row.parent_id, bool(row.deleted))
                self._regions[row.code] = ref
                self._regions_by_id[row.id] = ref

    def region_row(self, code: str) -> RegionRef | None:
        """The region with this code, tombstoned or not."""
        if code not in self._regions:
            self._load_regions(Region.__table__.c.code, [code])
            self._regions.setdefault(code, None)
        return self._regions[code]

    def region_id(self, code: str) -> str | None:
        ref = self.region_row(code)
        return ref.id if ref is not None and not ref.deleted else None

    def region_by_id(self, region_id: str) -> RegionRef | None:
        if region_id not in self._regions_by_id:
            self._load_regions(Region.__table__.c.id, [region_id])
        return self._regions_by_id.get(region_id)

    def region_ancestors(self, region_id: str | None) -> list[str]:
        """Ids from this region up to the root (stops on a cycle already stored)."""
        chain: list[str] = []
        while region_id is not None and region_id not in chain:
            chain.append(region_id)
            ref = self.region_by_id(region_id)
            region_id = ref.parent_id if ref is not None else None
        return chain

    # --- businesses -------------------------------------------------------------------------------

    def _remember_business(self, ref: BusinessRef) -> None:
        old = self._businesses.get(ref.id)
        self._businesses[ref.id] = ref
        for index, bucket in (
            (self._by_code, old.credit_code if old else None),
            (self._stalls, old.licence_no if old and not old.credit_code else None),
        ):
            if bucket is not None and bucket in index:
                index[bucket] = [b for b in index[bucket] if b.id != ref.id]
        if ref.credit_code:
            self._by_code.setdefault(ref.credit_code, [])
            self._by_code[ref.credit_code] = [b for b in self._by_code[ref.credit_code] if b.id != ref.id]
            self._by_code[ref.credit_code].append(ref)
        elif ref.licence_no:
            self._stalls.setdefault(ref.licence_no, [])
            self._stalls[ref.licence_no] = [b for b in self._stalls[ref.licence_no] if b.id != ref.id]
            self._stalls[ref.licence_no].append(ref)

    def _load_businesses(self, where: Any) -> list[BusinessRef]:
        refs = [_business_ref(r) for r in self.session.execute(select(*_BUSINESS_COLS).where(where))]
        for ref in refs:
            if ref.id not in self._businesses:
                self._remember_business(ref)
        return refs

    def business_candidates(
        self, credit_code: str | None, licence_no: str | None = None, *, deleted: bool = False
    ) -> list[BusinessRef]:
        """Businesses holding this credit code (or, without a code, this stall licence)."""
        if credit_code:
            if credit_code not in self._by_code:
                self._by_code[credit_code] = []
                self._load_businesses(_B.credit_code == credit_code)
            found = self._by_code[credit_code]
        elif licence_no:
            if licence_no not in self._stalls:
                self._stalls[licence_no] = []
                self._load_businesses(and_(_B.credit_code.is_(None), _B.licence_no == licence_no))
            found = self._stalls[licence_no]
        else:
            return []
        return [b for b in found if deleted or not b.deleted]

    def business_id(self, credit_code: str | None, licence_no: str | None) -> str:
        """The business a row refers to. Raises ValidationError ref.business_unknown, or
        ref.business_ambiguous when several businesses share the code and no licence is given."""
        field = "credit_code" if credit_code else "licence_no"
        if not credit_code and not licence_no:
            raise ValidationError(Issue("value.required", "credit_code"))
        candidates = self.business_candidates(credit_code, licence_no)
        if credit_code and licence_no:
            exact = [b for b in candidates if b.licence_no == licence_no]
            if len(exact) == 1:
                return exact[0].id
            if len(candidates) == 1 and not candidates[0].licence_no:
                return candidates[0].id
            if not exact:
                raise ValidationError(
                    Issue(
                        "record.business_unknown_licence",
                        "licence_no",
                        {"code": credit_code, "licence": licence_no},
                    )
                )
            candidates = exact
        if not candidates:
            raise ValidationError(Issue("ref.business_unknown", field, {"code": credit_code or licence_no}))
        if len(candidates) > 1:
            raise ValidationError(
                Issue("ref.business_ambiguous", "licence_no", {"code": credit_code or licence_no})
            )
        return candidates[0].id

    def business(self, business_id: str) -> BusinessRef | None:
        if business_id not in self._businesses:
            self._load_businesses(_B.id == business_id)
        return self._businesses.get(business_id)

    # --- cadres -----------------------------------------------------------------------------------

    def _load_cadres(self, column: Any, keys: Iterable[str]) -> None:
        t = Cadre.__table__.c
        for chunk in _chunks(keys):
            for row in self.session.execute(
                select(t.id, t.level, t.name, t.phone, t.region_id, t.deleted).where(column.in_(chunk))
            ):
                ref = CadreRef(row.id, row.level, row.name, row.phone, row.region_id, bool(row.deleted))
                self._cadres[row.phone] = ref
                self._cadres_by_id[row.id] = ref

    def cadre_row(self, phone: str) -> CadreRef | None:
        """The cadre with this phone, tombstoned or not."""
        if phone not in self._cadres:
            self._load_cadres(Cadre.__table__.c.phone, [phone])
            self._cadres.setdefault(phone, None)
        return self._cadres[phone]

    def cadre(self, phone: str) -> CadreRef | None:
        ref = self.cadre_row(phone)
        return ref if ref is not None and not ref.deleted else None

    def cadre_by_id(self, cadre_id: str) -> CadreRef | None:
        if cadre_id not in self._cadres_by_id:
            self._load_cadres(Cadre.__table__.c.id, [cadre_id])
        ref = self._cadres_by_id.get(cadre_id)
        return ref if ref is not None and not ref.deleted else None

    # --- assignments ------------------------------------------------------------------------------

    def assignments_of(self, business_id: str) -> list[AssignmentRef]:
        if business_id not in self._assignments:
            t = Assignment.__table__.c
            rows = self.session.execute(
                select(t.id, t.cadre_id, t.business_id, t.start_date, t.end_date).where(
                    t.business_id == business_id, t.deleted.is_(False)
                )
            )
            self._assignments[business_id] = [
                AssignmentRef(r.id, r.cadre_id, r.business_id, r.start_date, r.end_date) for r in rows
            ]
        return self._assignments[business_id]

    def assigned_on(self, cadre_id: str, business_id: str, day: dt.date) -> bool:
        return any(a.cadre_id == cadre_id and a.active_on(day) for a in self.assignments_of(business_id))

    # --- settings and lists -----------------------------------------------------------------------

    def setting(self, key: str) -> Any:
        if self._settings is None:
            t = Setting.__table__.c
            self._settings = {}
            for row in self.session.execute(select(t.key, t.value).where(t.deleted.is_(False))):
                try:
                    self._settings[row.key] = json.loads(row.value)
                except ValueError:
                    continue
        return self._settings.get(key, DEFAULT_SETTINGS.get(key))

    def food_categories(self) -> set[str]:
        if self._food_categories is None:
            t = FoodCategory.__table__.c
            self._food_categories = set(self.session.scalars(select(t.name).where(t.deleted.is_(False))))
        return self._food_categories

    def existing_id(self, table: Table, **key: Any) -> str | None:
        """The id of the record holding this natural key (a live one first, else a tombstoned one)."""
        condition = [table.c[name].is_(None) if v is None else table.c[name] == v for name, v in key.items()]
        rows = self.session.execute(
            select(table.c.id, table.c.deleted).where(*condition).order_by(table.c.deleted)
        ).first()
        return rows.id if rows is not None else None

    def resolve(self, table: Table, natural: str, key: Mapping[str, Any]) -> tuple[str | None, bool]:
        """One indexed query: the id of the record holding this natural key (a live one first, else a
        tombstoned one), and whether some record already has the id `natural`."""
        connection = self.session.connection()
        fast = connection.dialect.name == "sqlite"  # an import resolves every row: skip the SQL layer
        rows = (resolve_rows_sqlite if fast else resolve_rows)(connection, table, natural, key)
        matches = sorted((r for r in rows if r[2]), key=lambda r: bool(r[1]))
        return (matches[0][0] if matches else None), any(r[0] == natural for r in rows)

    def id_taken(self, table: Table, record_id: str) -> bool:
        """Whether any record (tombstoned too) already has this id."""
        known = self._ids.get(table.name)
        if known is not None and record_id in known:
            return known[record_id]
        return self.session.scalar(select(table.c.id).where(table.c.id == record_id)) is not None

    # --- bulk -------------------------------------------------------------------------------------

    def prefetch_ids(self, table: Table, ids: Iterable[str]) -> None:
        """Learn in a few queries which of these ids exist, so `id_taken` needs no query per row (an
        import passes the natural ids its rows will likely have; a wrong guess only costs the query)."""
        known = self._ids.setdefault(table.name, {})
        for chunk in _chunks(i for i in ids if i not in known):
            found = set(self.session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
            known.update((record_id, record_id in found) for record_id in chunk)

    def prefetch(
        self,
        *,
        region_codes: Iterable[str] = (),
        credit_codes: Iterable[str] = (),
        phones: Iterable[str] = (),
        stall_licences: Iterable[str] = (),
    ) -> None:
        """Load many keys at once (an import calls this before cleaning its rows). `stall_licences`:
        licence numbers given without a credit code (stalls, workshops), looked up as such."""
        codes = [c for c in region_codes if c and c not in self._regions]
        self._load_regions(Region.__table__.c.code, codes)
        for code in codes:
            self._regions.setdefault(code, None)
        credit = [c for c in credit_codes if c and c not in self._by_code]
        for chunk in _chunks(credit):
            for code in chunk:
                self._by_code.setdefault(code, [])
            self._load_businesses(_B.credit_code.in_(chunk))
        stalls = [n for n in stall_licences if n and n not in self._stalls]
        for chunk in _chunks(stalls):
            for licence in chunk:
                self._stalls.setdefault(licence, [])
            self._load_businesses(and_(_B.credit_code.is_(None), _B.licence_no.in_(chunk)))
        wanted = [p for p in phones if p and p not in self._cadres]
        self._load_cadres(Cadre.__table__.c.phone, wanted)
        for phone in wanted:
            self._cadres.setdefault(phone, None)

    def remember(self, kind: str, cleaned: Any) -> None:
        """Make a record cleaned earlier in this import visible to the rows after it."""
        values = cleaned.values
        remember = {
            "region": self._remember_region,
            "business": self._remember_business_values,
            "cadre": self._remember_cadre,
            "assignment": self._remember_assignment,
        }.get(kind)
        if remember is not None:
            remember(values)

    def _remember_region(self, values: dict[str, Any]) -> None:
        old = self._regions_by_id.get(values["id"])
        ref = RegionRef(
            values["id"],
            values.get("code", old.code if old else ""),
            values.get("parent_id", old.parent_id if old else None),
        )
        self._regions[ref.code] = ref
        self._regions_by_id[ref.id] = ref

    def _remember_business_values(self, values: dict[str, Any]) -> None:
        base = self._businesses.get(values["id"]) or BusinessRef(id=values["id"])
        names = ("name", "credit_code", "licence_no", "form", "grade", "high_risk", "region_id")
        fields = {k: values[k] for k in names if k in values}
        self._remember_business(replace(base, deleted=False, **fields))

    def _remember_cadre(self, values: dict[str, Any]) -> None:
        old = self._cadres_by_id.get(values["id"])
        base = old or CadreRef(id=values["id"], level="")
        fields = {k: values[k] for k in ("level", "name", "phone", "region_id") if k in values}
        ref = replace(base, deleted=False, **fields)
        if old is not None and old.phone != ref.phone:
            self._cadres.pop(old.phone, None)
        self._cadres[ref.phone] = ref
        self._cadres_by_id[ref.id] = ref

    def _remember_assignment(self, values: dict[str, Any]) -> None:
        business_id = values["business_id"]
        known = self.assignments_of(business_id)
        old = next((a for a in known if a.id == values["id"]), None)
        end = values.get("end_date", old.end_date if old else None)
        ref = AssignmentRef(values["id"], values["cadre_id"], business_id, values["start_date"], end)
        self._assignments[business_id] = [a for a in known if a.id != values["id"]] + [ref]
