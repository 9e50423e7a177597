"""A page not yet written: it says so plainly, and shows how many records of its kind the database holds."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.workers import run_op

KIND_LABELS = {
    "businesses": QT_TRANSLATE_NOOP("PlaceholderPage", "包保主体"),
    "cadres": QT_TRANSLATE_NOOP("PlaceholderPage", "包保干部"),
    "assignments": QT_TRANSLATE_NOOP("PlaceholderPage", "包保关系"),
    "visits": QT_TRANSLATE_NOOP("PlaceholderPage", "督导记录"),
    "problems": QT_TRANSLATE_NOOP("PlaceholderPage", "督导发现的问题"),
    "selfchecks": QT_TRANSLATE_NOOP("PlaceholderPage", "自查记录"),
    "samplings": QT_TRANSLATE_NOOP("PlaceholderPage", "抽检批次"),
    "rapid_tests": QT_TRANSLATE_NOOP("PlaceholderPage", "快检记录"),
}
PAGE_KINDS = {
    "businesses": ("businesses",),
    "cadres": ("cadres",),
    "assignments": ("assignments",),
    "visits": ("visits", "problems"),
    "selfchecks": ("selfchecks",),
    "sampling": ("samplings", "rapid_tests"),
}


def count_records(context: AppContext, kinds: tuple[str, ...]) -> list[tuple[str, int]]:
    from msfood.services.queries.lists import count

    with context.database.sessions() as session:
        return [(kind, count(session, kind)) for kind in kinds]


class PlaceholderPage(QWidget):
    def __init__(self, context: AppContext, key: str) -> None:
        super().__init__()
        self.setObjectName(f"page_{key}")
        self._busy = False
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        label = QLabel(self.tr("此页面正在建设中，敬请期待。"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("placeholderLabel")
        layout.addWidget(label)
        self.counts = QLabel()
        self.counts.setObjectName("placeholderCounts")
        self.counts.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.counts)
        layout.addStretch(1)
        kinds = PAGE_KINDS.get(key, ())
        if kinds:
            self._busy = True
            run_op(self, lambda: count_records(context, kinds)).on_success(self._show).on_failure(
                self._failed
            )

    def is_busy(self) -> bool:
        return self._busy

    def _show(self, counts: list[tuple[str, int]]) -> None:
        self._busy = False
        parts = [
            self.tr("{kind} {n} 条").format(
                kind=QCoreApplication.translate("PlaceholderPage", str(KIND_LABELS[k])), n=n
            )
            for k, n in counts
        ]
        self.counts.setText(self.tr("数据库中现有：") + "，".join(parts))

    def _failed(self, _exc: BaseException) -> None:
        self._busy = False
