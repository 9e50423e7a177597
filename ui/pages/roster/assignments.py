"""包保关系: who guarantees whom (责任清单), with the assignment form (a level/grade mismatch warns)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from msfood.domain.enums import GRADE, LEVEL
from msfood.services.writing.permissions import EDIT_ROSTER
from ui.forms.kinds import ASSIGNMENT
from ui.models.list_columns import ASSIGNMENT_COLUMNS
from ui.pages.lists.filters import ChoiceFilter, PeriodFilter, RegionFilter
from ui.pages.lists.page import ListPage
from ui.pages.roster.businesses import regions_of


class AssignmentsPage(ListPage):
    def __init__(self, context: Any) -> None:
        filters = [
            RegionFilter(lambda: regions_of(context)),
            ChoiceFilter.of_enum("level", QCoreApplication.translate("Lists", "全部层级"), LEVEL),
            ChoiceFilter.of_enum("grade", QCoreApplication.translate("Lists", "全部等级"), GRADE),
            ChoiceFilter("status", QCoreApplication.translate("Lists", "在岗和已结束"),
                         [("active", QCoreApplication.translate("Lists", "在岗")),
                          ("ended", QCoreApplication.translate("Lists", "已结束"))]),
            PeriodFilter(context.clock.today()),
        ]
        today = context.clock.today()
        super().__init__(
            context, "assignments", ASSIGNMENT_COLUMNS, form=ASSIGNMENT, filters=filters,
            search_hint=QCoreApplication.translate(
                "Lists", "搜索主体或干部：名称、信用代码、手机号或拼音首字母"),
            title=QCoreApplication.translate("Lists", "包保关系"),
            permission=EDIT_ROSTER, tables=frozenset({"businesses", "cadres"}),
            tone=lambda row: "warn" if row.end_date is not None and row.end_date < today else None,
        )  # fmt: skip
        self.setObjectName("page_assignments")
