"""工作台 (the dashboard page): the period's figures as tiles, the ranking and trends tabs, the records
behind a figure (drill-down) and the first steps of a new unit. Loaded with the page, not with the window.
"""

from ui.pages.dashboard.page import DashboardPage

__all__ = ["DashboardPage"]
