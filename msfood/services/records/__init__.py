"""What a record is and how one is checked and saved: one declarative spec per record kind, shared by
the desktop forms and the workbook import (`clean` one row into a `Cleaned` record, `apply` a batch),
the typed values, the references resolved by natural key, and the per-kind cleaners (cleaning/).

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "KINDS": "msfood.services.records.specs",
    "RECORD_FIELDS": "msfood.services.records.specs",
    "EXTRA_FIELDS": "msfood.services.records.specs",
    "KIND_TABLE": "msfood.services.records.specs",
    "KIND_PERMISSION": "msfood.services.records.specs",
    "specs_of": "msfood.services.records.specs",
    "clean": "msfood.services.records.specs",
    "apply": "msfood.services.records.applying",
    "FieldSpec": "msfood.services.records.shapes",
    "Cleaned": "msfood.services.records.shapes",
    "Prune": "msfood.services.records.shapes",
    "CadreRef": "msfood.services.records.shapes",
    "BusinessRef": "msfood.services.records.shapes",
    "AssignmentRef": "msfood.services.records.shapes",
    "Refs": "msfood.services.records.refs",
    "parse_value": "msfood.services.records.values",
    "Saved": "msfood.services.records.saving",
    "save_record": "msfood.services.records.saving",
    "delete_record": "msfood.services.records.saving",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
