"""日管控/周排查/月调度: the businesses' own self-check records (the biggest table: millions of rows).

The list opens on the current month; pick 全部期间 to see every record (it still reads page by page).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from msfood.domain.enums import GRADE, SELFCHECK_KIND
from msfood.domain.periods import period_of
from msfood.services.writing.permissions import EDIT_RECORDS
from ui.forms.kinds import SELFCHECK
from ui.models.list_columns import SELFCHECK_COLUMNS
from ui.pages.lists.filters import ChoiceFilter, PeriodFilter, RegionFilter
from ui.pages.lists.page import ListPage
from ui.pages.roster.businesses import regions_of


class SelfChecksPage(ListPage):
    def __init__(self, context: Any) -> None:
        today = context.clock.today()
        filters = [
            RegionFilter(lambda: regions_of(context)),
            ChoiceFilter.of_enum("kind", QCoreApplication.translate("Lists", "全部类型"), SELFCHECK_KIND),
            ChoiceFilter.of_enum("grade", QCoreApplication.translate("Lists", "全部等级"), GRADE),
            PeriodFilter(today, default=period_of("month", today).key),
        ]
        super().__init__(
            context, "selfchecks", SELFCHECK_COLUMNS, form=SELFCHECK, filters=filters,
            search_hint=QCoreApplication.translate("Lists", "搜索主体名称、信用代码或拼音首字母"),
            title=QCoreApplication.translate("Lists", "自查记录"),
            permission=EDIT_RECORDS, tables=frozenset({"businesses"}),
        )  # fmt: skip
        self.setObjectName("page_selfchecks")
