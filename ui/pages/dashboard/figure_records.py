"""Which records each dashboard figure opens: its rows in the drill-down dialog (ui.pages.dashboard.records
builds them, loaded on the first click), or the page that lists them; a township's bar opens that
township's missed obligations. A mixin of DashboardPage; its texts keep the page's translation context.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt

from ui.pages.dashboard import figures
from ui.workers import run_op

if TYPE_CHECKING:  # the drill-down modules load with the first click, not with the page
    import datetime as dt

    from PySide6.QtWidgets import QWidget

    from msfood.domain.periods import Period
    from msfood.metrics.overview import RegionProgress
    from msfood.metrics.results import Stats
    from ui.context import AppContext
    from ui.pages.dashboard.drilldown import RecordsDialog, Target
    from ui.pages.dashboard.records import Rows

    class PageParts(QWidget):
        """What the mixin reads of DashboardPage (for the type checker only)."""

        context: AppContext
        stats: Stats | None
        towns: list[RegionProgress]
        _dialogs: list[RecordsDialog]

        def period(self) -> Period: ...

        def as_of(self) -> dt.date: ...
else:
    PageParts = object


class FigureRecords(PageParts):
    def records_for(self, key: str) -> Rows | None:
        from ui.pages.dashboard import records as lists

        stats = self.stats
        if stats is None:
            return None
        if key == "supervision":
            return lists.missed(stats)
        if key.startswith("level_"):
            return lists.missed(stats, key.removeprefix("level_"))
        if key == "open":
            return lists.open_obligations(stats)
        if key in ("problems", "overdue_problems"):
            return lists.problems(
                QCoreApplication.translate("DashboardPage", "逾期未整改的问题"),
                stats.supervision.problems.overdue,
                stats.as_of,
            )
        if key in ("daily", "weekly", "monthly"):
            return lists.gaps(stats, key)
        if key == "platform":
            return lists.gaps(stats, None)
        if key == "awaiting":
            return lists.awaiting(stats)
        if key == "overdue_cases":
            return lists.overdue_cases(stats)
        if key == "coverage":
            return None  # the roster pages list businesses without an assignment
        if key in ("sampling", "failure"):  # the sampling page lists the batches with their results
            self.context.signals.navigate.emit("sampling")
            return None
        return None

    def open_records(self, key: str) -> RecordsDialog | None:
        if key in ("records_daily", "records_weekly", "records_monthly", "issues_found"):
            self.context.signals.navigate.emit("selfchecks")
            return None
        if key == "visits":
            self.context.signals.navigate.emit("visits")
            return None
        if key == "coverage":
            self.context.signals.navigate.emit("assignments")
            return None
        rows = self.records_for(key)
        if rows is None:
            return None
        return self._show_dialog(*rows)

    def _show_dialog(
        self, title: str, headers: list[str], rows: list[tuple[Any, ...]], targets: Sequence[Target] = ()
    ) -> RecordsDialog:
        stats = self.stats
        note = (
            QCoreApplication.translate("DashboardPage", "统计期间 {key}，截至 {as_of}").format(
                key=stats.period, as_of=stats.as_of
            )
            if stats
            else ""
        )
        from ui.pages.dashboard.drilldown import RecordsDialog

        dialog = RecordsDialog(title, headers, rows, note=note, targets=targets, parent=self)
        dialog.record_requested.connect(self.context.signals.open_record)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._dialogs.remove(d) if d in self._dialogs else None)
        self._dialogs.append(dialog)
        dialog.show()
        return dialog

    def _on_chart_bar_activated(self, code: str) -> None:
        period, as_of = self.period(), self.as_of()
        name = next((r.name for r in self.towns if r.code == code), code)

        def show(stats: Stats) -> None:
            from ui.pages.dashboard.records import missed, open_obligations

            found = missed(stats) if stats.supervision.total.due else open_obligations(stats)
            title, headers, rows, targets = found
            self._show_dialog(f"{title} — {name}", headers, rows, targets)

        run_op(self, lambda: figures.load_stats(self.context, period, as_of, code)).on_success(show)
