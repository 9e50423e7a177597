"""The per-kind half of records.clean: one cleaner per record kind, in three families (the roster,
the work records, and the history a workbook carries), with what they share in common.py.

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "CLEANERS": "msfood.services.records.cleaning.by_kind",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
