"""The supervision checklist (检查表) by version, and the food categories (EDIT_RULES)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msfood.core.ids import natural_id
from msfood.db.models import ChecklistItem, FoodCategory
from msfood.services.records.saving import Saved, delete_record
from msfood.services.records.values import parse_int, parse_text
from msfood.services.rules.fields import _Fields, _key_id, _upsert
from msfood.services.writing.permissions import EDIT_RULES
from msfood.services.writing.unit_of_work import UnitOfWork, table_of

ITEMS = table_of(ChecklistItem)


CATEGORIES = table_of(FoodCategory)


@dataclass(frozen=True)
class ChecklistItemView:
    id: str
    version: str
    code: str
    area: str
    text: str
    position: int


def checklist_versions(session: Session) -> list[str]:
    statement = select(ChecklistItem.version).where(ChecklistItem.deleted.is_(False)).distinct()
    return sorted(session.scalars(statement))


def list_checklist(session: Session, version: str | None = None) -> list[ChecklistItemView]:
    """The items of a checklist version (default: the latest), in order."""
    if version is None:
        versions = checklist_versions(session)
        if not versions:
            return []
        version = versions[-1]
    rows = session.scalars(
        select(ChecklistItem)
        .where(ChecklistItem.version == version, ChecklistItem.deleted.is_(False))
        .order_by(ChecklistItem.position, ChecklistItem.code)
    )
    return [ChecklistItemView(r.id, r.version, r.code, r.area, r.text, r.position) for r in rows]


def save_checklist_item(
    uow: UnitOfWork, *, version: Any, code: Any, area: Any, text: Any, position: Any = 0
) -> Saved:
    uow.actor.require(EDIT_RULES)
    fields = _Fields()
    version_text = fields.get("version", version, lambda v: parse_text(v, 16))
    code_text = fields.get("code", code, lambda v: parse_text(v, 16))
    area_text = fields.get("area", area, lambda v: parse_text(v, 64))
    item_text = fields.get("text", text, lambda v: parse_text(v, 400))
    order = fields.get("position", position, parse_int, required=False) or 0
    fields.done()
    natural = natural_id("checklist_item", version_text, code_text)
    item_id = _key_id(uow, ITEMS, natural, version=version_text, code=code_text)
    values = {"id": item_id, "version": version_text, "code": code_text, "area": area_text, "text": item_text,
              "position": order}  # fmt: skip
    return _upsert(uow, ITEMS, values)


def delete_checklist_item(uow: UnitOfWork, *, item_id: str) -> Saved:
    """Tombstone an item (visits that answered it keep their answers)."""
    return delete_record(uow, ITEMS, item_id, what="checklist_item", permission=EDIT_RULES)


def list_food_categories(session: Session) -> list[str]:
    rows = session.scalars(
        select(FoodCategory.name).where(FoodCategory.deleted.is_(False)).order_by(FoodCategory.position)
    )
    return list(dict.fromkeys(rows))


def save_food_category(uow: UnitOfWork, *, version: Any, name: Any, position: Any = 0) -> Saved:
    uow.actor.require(EDIT_RULES)
    fields = _Fields()
    version_text = fields.get("version", version, lambda v: parse_text(v, 16))
    name_text = fields.get("name", name, lambda v: parse_text(v, 64))
    order = fields.get("position", position, parse_int, required=False) or 0
    fields.done()
    natural = natural_id("food_category", version_text, name_text)
    category_id = _key_id(uow, CATEGORIES, natural, version=version_text, name=name_text)
    return _upsert(uow, CATEGORIES, {"id": category_id, "version": version_text, "name": name_text,
                                     "position": order})  # fmt: skip
