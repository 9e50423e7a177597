"""This unit's database: setting a new one up (identity, keys, national defaults, first admin),
opening it for the app, what the status bar and the empty dashboard's "what to do next" show.

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "UnitIdentity": "msfood.services.setup.identity",
    "initialise": "msfood.services.setup.new_unit",
    "unit_identity": "msfood.services.setup.new_unit",
    "validate_unit": "msfood.services.setup.new_unit",
    "open_app_database": "msfood.services.setup.database",
    "station_status": "msfood.services.setup.status",
    "setup_progress": "msfood.services.setup.getting_started",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
