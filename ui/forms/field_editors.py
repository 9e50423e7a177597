"""Making the editor for a field declaration (pickers and region lists read the open database)."""

from __future__ import annotations

from typing import Any

from msfood.services.queries import lists as queries
from ui.forms.fields import (
    BoolChoiceField,
    CheckField,
    ChoiceField,
    ComboField,
    DateField,
    Field,
    FieldDecl,
    IntField,
    RegionField,
    TextField,
)
from ui.forms.pickers import RecordPicker, business_searcher, cadre_searcher
from ui.forms.problems_editor import ProblemsEditor

SIMPLE = {
    "text": TextField,
    "date": DateField,
    "choice": ChoiceField,
    "bool": BoolChoiceField,
    "combo": ComboField,
    "check": CheckField,
    "int": IntField,
    "problems": ProblemsEditor,
}


def make(decl: FieldDecl, context: Any) -> Field:
    sessions = queries.read_sessions(context.database)
    if decl.kind in SIMPLE:
        return SIMPLE[decl.kind](decl)  # type: ignore[abstract]
    if decl.kind == "checklist":
        from msfood.services.rules.checklists import list_checklist
        from ui.forms.checklist_editor import ChecklistEditor

        with sessions() as session:
            return ChecklistEditor(decl, list_checklist(session))
    if decl.kind == "combo" and decl.name == "food_category":
        from dataclasses import replace

        from msfood.services.rules.checklists import list_food_categories

        with sessions() as session:
            names = tuple(list_food_categories(session)) or decl.options
        return ComboField(replace(decl, options=names))
    if decl.kind == "region":
        with sessions() as session:
            return RegionField(decl, queries.region_choices(session))
    if decl.kind == "business":
        return RecordPicker(decl, business_searcher(sessions, context.clock.today))
    if decl.kind == "cadre":
        return RecordPicker(decl, cadre_searcher(sessions))
    raise ValueError(f"unknown field kind {decl.kind!r}")
