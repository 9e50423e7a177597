"""抽检与快检: sampled batches with their results and handling cases, and rapid tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from msfood.domain.enums import SAMPLING_RESULT, SAMPLING_TYPE
from msfood.services.writing.permissions import EDIT_RECORDS
from ui.forms.kinds import RAPID_TEST, SAMPLING
from ui.models.list_columns import RAPID_TEST_COLUMNS, SAMPLING_COLUMNS
from ui.pages.lists.filters import ChoiceFilter, PeriodFilter, RegionFilter
from ui.pages.lists.page import ListPage
from ui.pages.lists.tabbed import TabbedPage
from ui.pages.roster.businesses import regions_of


class SamplingsList(ListPage):
    def __init__(self, context: Any) -> None:
        filters = [
            RegionFilter(lambda: regions_of(context)),
            ChoiceFilter.of_enum("result", QCoreApplication.translate("Lists", "全部结论"), SAMPLING_RESULT),
            ChoiceFilter.of_enum("sampling_type", QCoreApplication.translate("Lists", "全部类型"),
                                 SAMPLING_TYPE),
            ChoiceFilter("status", QCoreApplication.translate("Lists", "全部处置"),
                         [("open_case", QCoreApplication.translate("Lists", "待处置")),
                          ("overdue", QCoreApplication.translate("Lists", "处置逾期"))]),
            PeriodFilter(context.clock.today()),
        ]
        super().__init__(
            context, "samplings", SAMPLING_COLUMNS, form=SAMPLING, filters=filters,
            search_hint=QCoreApplication.translate("Lists", "搜索抽样单编号、样品、食品大类或主体"),
            title=QCoreApplication.translate("Lists", "抽检"), permission=EDIT_RECORDS,
            tables=frozenset({"businesses"}),
            tone=lambda row: "bad" if row.result == "fail" and row.disposal_closed_on is None else None,
        )  # fmt: skip


    def fixed_filters(self) -> dict[str, Any]:
        from msfood.services.queries.lists import read_sessions
        from msfood.services.rules.settings import get_setting

        with read_sessions(self.context.database)() as session:
            return {"disposal_days": int(get_setting(session, "disposal_days") or 90)}


class RapidTestsList(ListPage):
    def __init__(self, context: Any) -> None:
        filters = [
            RegionFilter(lambda: regions_of(context)),
            ChoiceFilter("result", QCoreApplication.translate("Lists", "阳性和阴性"),
                         [("positive", QCoreApplication.translate("Lists", "有阳性")),
                          ("negative", QCoreApplication.translate("Lists", "全部阴性"))]),
            PeriodFilter(context.clock.today()),
        ]
        super().__init__(
            context, "rapid_tests", RAPID_TEST_COLUMNS, form=RAPID_TEST, filters=filters,
            search_hint=QCoreApplication.translate("Lists", "搜索样品、检测项目或主体"),
            title=QCoreApplication.translate("Lists", "快检"), permission=EDIT_RECORDS,
            tables=frozenset({"businesses"}),
            tone=lambda row: "bad" if row.positives else None,
        )  # fmt: skip


class SamplingPage(TabbedPage):
    def __init__(self, context: Any) -> None:
        self.samplings = SamplingsList(context)
        self.rapid = RapidTestsList(context)
        super().__init__("page_sampling", [(QCoreApplication.translate("Lists", "抽检"), self.samplings),
                                           (QCoreApplication.translate("Lists", "快检"), self.rapid)])
