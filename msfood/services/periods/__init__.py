"""Periods once their figures are reported upward: closing one, reopening it (bureau admins only).

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "close_period": "msfood.services.periods.closing",
    "reopen_period": "msfood.services.periods.closing",
    "list_closed_periods": "msfood.services.periods.closing",
    "closed_period_of": "msfood.services.periods.closing",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
