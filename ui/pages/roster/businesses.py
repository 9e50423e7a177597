"""包保主体: the business list, with its filters and the business form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from msfood.domain.enums import BUSINESS_FORM, BUSINESS_STATUS, GRADE
from msfood.services.queries import lists as queries
from msfood.services.writing.permissions import EDIT_ROSTER
from ui.forms.kinds import BUSINESS
from ui.models.list_columns import BUSINESS_COLUMNS
from ui.pages.lists.filters import ChoiceFilter, RegionFilter
from ui.pages.lists.page import ListPage


def regions_of(context: Any) -> list[queries.RegionChoice]:
    with queries.read_sessions(context.database)() as session:
        return queries.region_choices(session)


class BusinessesPage(ListPage):
    def __init__(self, context: Any) -> None:
        filters = [
            RegionFilter(lambda: regions_of(context)),
            ChoiceFilter.of_enum("grade", QCoreApplication.translate("Lists", "全部等级"), GRADE),
            ChoiceFilter.of_enum("form", QCoreApplication.translate("Lists", "全部业态"), BUSINESS_FORM),
            ChoiceFilter.of_enum("status", QCoreApplication.translate("Lists", "全部状态"), BUSINESS_STATUS),
        ]
        super().__init__(
            context, "businesses", BUSINESS_COLUMNS, form=BUSINESS, filters=filters,
            search_hint=QCoreApplication.translate(
                "Lists", "搜索名称、信用代码、许可证号、电话或拼音首字母（如 hdl）"),
            title=QCoreApplication.translate("Lists", "包保主体"), permission=EDIT_ROSTER,
            tone=lambda row: "warn" if row.status != "operating" else None,
            tables=frozenset({"business_statuses", "assignments", "cadres", "regions"}),
        )  # fmt: skip
        self.setObjectName("page_businesses")
