"""报表 (the reports page): its period picker and its work off the UI thread."""

from ui.pages.reports.page import ReportsPage

__all__ = ["ReportsPage"]
