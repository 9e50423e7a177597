"""Setting up a new database: the unit's identity and keys, the national defaults, the first admin."""

from __future__ import annotations

import json
import re

from sqlalchemy import select

from msfood.core.clock import Clock
from msfood.core.errors import EnvironmentProblem, Issue, ValidationError
from msfood.core.ids import natural_id
from msfood.db.engine import Database
from msfood.db.models import ChecklistItem, FoodCategory, Meta, Setting, Unit, VisitRule
from msfood.domain import defaults
from msfood.services.accounts.users import create_user, validate_new_user
from msfood.services.setup.identity import UNIT_KEYS, UnitIdentity, identity_from
from msfood.services.writing.permissions import SYSTEM
from msfood.services.writing.unit_of_work import UnitOfWork, table_of, write_meta

UNIT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,31}$")


def validate_unit(code: str, name: str) -> None:
    issues = []
    if not UNIT_CODE.match(code or ""):
        issues.append(Issue("unit.code_format", "code", {"value": code}))
    if not (name or "").strip():
        issues.append(Issue("value.required", "name"))
    if issues:
        raise ValidationError(issues)


def initialise(
    database: Database,
    *,
    code: str,
    name: str,
    clock: Clock,
    region_code: str | None = None,
    bureau: bool = False,
    admin_username: str | None = None,
    admin_password: str | None = None,
    official_regions: str | None = None,
) -> UnitIdentity:
    """Make a fresh database this unit's own. Refuses a database that already has an identity.

    official_regions: "ancestors" adds the region `region_code` and the regions above it from the
    shipped official division codes (msfood.services.roster.regions), "all" also everything under it; None
    (the default) adds no region. A code the shipped set lacks adds nothing."""
    validate_unit(code, name)
    if admin_username is not None:
        validate_new_user(admin_username, admin_password or "", "bureau-admin" if bureau else "admin")
    kind = "bureau" if bureau else "station"
    from msfood.core.keys import generate_unit_keys  # cryptography: only when a unit is made

    keys = generate_unit_keys()
    with database.sessions.begin() as session:
        if session.scalar(select(Meta).where(Meta.key == "unit_code")) is not None:
            raise EnvironmentProblem("db.exists", path=str(database.path or database.url))
        write_meta(
            session,
            {
                "unit_code": code,
                "unit_name": name.strip(),
                "unit_kind": kind,
                "region_code": region_code or "",
                "sign_private_key": keys.sign_private,
                "enc_private_key": keys.enc_private,
            },
        )
        session.flush()
        uow = UnitOfWork(session, actor=SYSTEM, clock=clock)
        uow.upsert(
            table_of(Unit),
            {
                "id": natural_id("unit", code),
                "code": code,
                "name": name.strip(),
                "kind": kind,
                "region_code": region_code,
                "sign_public_key": keys.sign_public,
                "enc_public_key": keys.enc_public,
            },
        )
        seed_defaults(uow)
        if official_regions and region_code:
            _official_regions(uow, region_code, everything=official_regions == "all")
        if admin_username is not None:
            create_user(
                session,
                username=admin_username,
                password=admin_password or "",
                role="bureau-admin" if bureau else "admin",
                clock=clock,
            )
        uow.audit_event("init", "units", natural_id("unit", code), after=json.dumps({"code": code}))
        uow.finish()
    return UnitIdentity(code, name.strip(), kind, region_code)


def _official_regions(uow: UnitOfWork, region_code: str, *, everything: bool) -> None:
    from msfood.regions.official import divisions
    from msfood.services.roster.regions import load_official_regions, write_divisions

    official = divisions()
    division = official.get(region_code)
    if division is None:
        return
    if everything:
        load_official_regions(uow, code=division.code)
    else:
        write_divisions(uow, [*official.ancestors(division.code), division], division, official.year)


def seed_defaults(uow: UnitOfWork) -> None:
    """The national defaults (settings, visit rules, checklist, food categories) as ordinary records.

    Their ids are natural, so a station and its bureau seeding the same defaults hold one record each.
    """
    uow.upsert_many(
        table_of(Setting),
        [
            {"id": natural_id("setting", key), "key": key, "value": json.dumps(value, ensure_ascii=False)}
            for key, value in defaults.DEFAULT_SETTINGS.items()
        ],
    )
    uow.upsert_many(
        table_of(VisitRule),
        [
            {
                "id": natural_id("visit_rule", level, defaults.RULES_EFFECTIVE_FROM.isoformat()),
                "level": level,
                "effective_from": defaults.RULES_EFFECTIVE_FROM,
                "count": count,
                "period_type": period_type,
            }
            for level, count, period_type in defaults.DEFAULT_VISIT_RULES
        ],
    )
    uow.upsert_many(
        table_of(ChecklistItem),
        [
            {
                "id": natural_id("checklist_item", defaults.CHECKLIST_VERSION, item_code),
                "version": defaults.CHECKLIST_VERSION,
                "code": item_code,
                "area": area,
                "text": text,
                "position": position,
            }
            for position, (item_code, area, text) in enumerate(defaults.DEFAULT_CHECKLIST)
        ],
    )
    uow.upsert_many(
        table_of(FoodCategory),
        [
            {
                "id": natural_id("food_category", defaults.FOOD_CATEGORY_VERSION, category),
                "version": defaults.FOOD_CATEGORY_VERSION,
                "name": category,
                "position": position,
            }
            for position, category in enumerate(defaults.FOOD_CATEGORIES)
        ],
    )


def unit_identity(session) -> UnitIdentity:  # type: ignore[no-untyped-def]
    """This database's unit. Read through Core: the app's start-up reads it before any ORM query,
    so that the ORM's one-off mapper set-up (some 40 ms) is spent after the first paint."""
    meta = table_of(Meta)
    rows = session.execute(select(meta.c.key, meta.c.value).where(meta.c.key.in_(UNIT_KEYS)))
    return identity_from((key, value) for key, value in rows)
