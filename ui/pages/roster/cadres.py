"""包保干部: the cadre list, with its filters and the cadre form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from msfood.domain.enums import LEVEL
from msfood.services.writing.permissions import EDIT_ROSTER
from ui.forms.kinds import CADRE
from ui.models.list_columns import CADRE_COLUMNS
from ui.pages.lists.filters import ChoiceFilter, RegionFilter
from ui.pages.lists.page import ListPage
from ui.pages.roster.businesses import regions_of


class CadresPage(ListPage):
    def __init__(self, context: Any) -> None:
        filters = [
            RegionFilter(lambda: regions_of(context)),
            ChoiceFilter.of_enum("level", QCoreApplication.translate("Lists", "全部层级"), LEVEL),
        ]
        super().__init__(
            context, "cadres", CADRE_COLUMNS, form=CADRE, filters=filters,
            search_hint=QCoreApplication.translate("Lists", "搜索姓名、手机号、工作单位或拼音首字母"),
            title=QCoreApplication.translate("Lists", "包保干部"),
            permission=EDIT_ROSTER, tables=frozenset({"assignments", "regions"}),
        )  # fmt: skip
        self.setObjectName("page_cadres")
