"""督导记录: the visits, and the problems found on them with their rectification (整改问题)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from msfood.domain.enums import LEVEL, PROBLEM_STATUS, VISIT_MODE
from msfood.i18n import language
from msfood.services.writing.permissions import EDIT_RECORDS
from ui.forms.kinds import PROBLEM, VISIT
from ui.models.list_columns import PROBLEM_COLUMNS, VISIT_COLUMNS
from ui.pages.lists.filters import ChoiceFilter, PeriodFilter, RegionFilter
from ui.pages.lists.page import ListPage
from ui.pages.lists.tabbed import TabbedPage
from ui.pages.roster.businesses import regions_of


class VisitsList(ListPage):
    def __init__(self, context: Any) -> None:
        filters = [
            RegionFilter(lambda: regions_of(context)),
            ChoiceFilter.of_enum("level", QCoreApplication.translate("Lists", "全部层级"), LEVEL),
            ChoiceFilter.of_enum("mode", QCoreApplication.translate("Lists", "全部方式"), VISIT_MODE),
            PeriodFilter(context.clock.today()),
        ]
        super().__init__(
            context, "visits", VISIT_COLUMNS, form=VISIT, filters=filters,
            search_hint=QCoreApplication.translate(
                "Lists", "搜索主体或干部：名称、信用代码、手机号或拼音首字母"),
            title=QCoreApplication.translate("Lists", "督导记录"),
            permission=EDIT_RECORDS, tables=frozenset({"businesses", "cadres", "problems"}),
            tone=lambda row: "warn" if row.open_problems else None,
        )  # fmt: skip
        # 整改通知书 of the selected visit, 督导任务单 of the period (issue 13): ui.dialogs.papers
        self.notice_button = self._button(
            QCoreApplication.translate("Lists", "整改通知书…"), self.open_papers, "noticeButton")
        self.button_row.insertWidget(self.button_row.count() - 2, self.notice_button)

    def open_papers(self) -> Any:
        from ui.dialogs.papers import PapersDialog

        index = self.view.currentIndex()
        visit = self.model.row(index.row()) if index.isValid() else None
        from msfood.domain.periods import parse_period

        period = next((w.value() for w in self.filter_widgets if w.name == "period"), None)

        self.papers_dialog = PapersDialog(
            self.context, visit=visit, period=parse_period(period) if period else None, parent=self)
        self.papers_dialog.open()
        return self.papers_dialog


class ProblemsList(ListPage):
    def __init__(self, context: Any) -> None:
        today = context.clock.today()
        statuses = [("open", QCoreApplication.translate("Lists", "未销号")),
                    ("overdue", QCoreApplication.translate("Lists", "已逾期"))]
        statuses += [(c.code, c.label(language())) for c in PROBLEM_STATUS.choices]
        filters = [
            RegionFilter(lambda: regions_of(context)),
            ChoiceFilter("status", QCoreApplication.translate("Lists", "全部状态"), statuses),
            PeriodFilter(today),
        ]
        super().__init__(
            context, "problems", PROBLEM_COLUMNS, form=PROBLEM, filters=filters,
            search_hint=QCoreApplication.translate("Lists", "搜索问题描述、主体或干部"),
            title=QCoreApplication.translate("Lists", "整改问题"), permission=EDIT_RECORDS,
            tables=frozenset({"visits", "businesses", "cadres"}),
            tone=lambda row: "bad" if row.status in ("pending", "in_progress") and row.deadline
            and row.deadline < today else None,
        )  # fmt: skip


class VisitsPage(TabbedPage):
    def __init__(self, context: Any) -> None:
        self.visits = VisitsList(context)
        self.problems = ProblemsList(context)
        super().__init__("page_visits", [(QCoreApplication.translate("Lists", "督导记录"), self.visits),
                                         (QCoreApplication.translate("Lists", "整改问题"), self.problems)])
