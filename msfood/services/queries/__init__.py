"""Reading lists: every record kind's list, paged by keyset (never a whole table, never OFFSET), and
the form pickers that find a business or a cadre by name, code or pinyin.

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "PAGE_SIZE": "msfood.services.queries.lists",
    "Key": "msfood.services.queries.lists",
    "Filters": "msfood.services.queries.lists",
    "Sort": "msfood.services.queries.lists",
    "Page": "msfood.services.queries.lists",
    "sortable": "msfood.services.queries.lists",
    "default_sort": "msfood.services.queries.lists",
    "supported_filters": "msfood.services.queries.lists",
    "page": "msfood.services.queries.lists",
    "iterate": "msfood.services.queries.lists",
    "region_choices": "msfood.services.queries.lists",
    "row_of": "msfood.services.queries.lists",
    "read_sessions": "msfood.services.queries.lists",
    "count": "msfood.services.queries.lists",
    "KINDS": "msfood.services.queries.lists",
    "RegionChoice": "msfood.services.queries.rows",
    "Choice": "msfood.services.queries.pickers",
    "pick_businesses": "msfood.services.queries.pickers",
    "pick_cadres": "msfood.services.queries.pickers",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
