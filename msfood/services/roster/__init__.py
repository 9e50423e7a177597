"""The roster as the forms edit it: the region tree, businesses (with their operating history),
cadres, and who guarantees whom (责任清单).

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "save_region": "msfood.services.roster.editing",
    "delete_region": "msfood.services.roster.editing",
    "get_region": "msfood.services.roster.editing",
    "save_business": "msfood.services.roster.editing",
    "delete_business": "msfood.services.roster.editing",
    "get_business": "msfood.services.roster.editing",
    "save_cadre": "msfood.services.roster.editing",
    "delete_cadre": "msfood.services.roster.editing",
    "get_cadre": "msfood.services.roster.editing",
    "set_business_status": "msfood.services.roster.business_history",
    "delete_business_status": "msfood.services.roster.business_history",
    "add_closure": "msfood.services.roster.business_history",
    "delete_closure": "msfood.services.roster.business_history",
    "load_official_regions": "msfood.services.roster.regions",
    "region_tree": "msfood.services.roster.regions",
    "add_region": "msfood.services.roster.regions",
    "rename_region": "msfood.services.roster.regions",
    "retire_region": "msfood.services.roster.regions",
    "assign": "msfood.services.roster.assignments",
    "end_assignment": "msfood.services.roster.assignments",
    "delete_assignment": "msfood.services.roster.assignments",
    "get_assignment": "msfood.services.roster.assignments",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
