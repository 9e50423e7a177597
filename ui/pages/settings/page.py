"""设置: the visit rules and the other settings of DOMAIN.md, the language, and the accounts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from msfood.services.writing.permissions import EDIT_RULES
from ui.context import AppContext
from ui.i18n import language
from ui.pages.settings.domain_settings import DomainSettingsBox
from ui.pages.settings.holidays import HolidaysBox
from ui.pages.settings.rules import VisitRulesBox
from ui.pages.settings.unsaved import ask_to_save
from ui.pages.settings.users import PasswordBox, UsersBox, can_manage_users
from ui.screen_fit import guard_wheel

LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))  # each in its own language: never translated


class LanguageBox(QGroupBox):
    def __init__(self, context: AppContext) -> None:
        super().__init__(self.tr("界面语言"))
        self.context = context
        row = QHBoxLayout(self)
        self.combo = QComboBox()
        self.combo.setObjectName("language")
        for code, name in LANGUAGES:
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(language())))
        apply = QPushButton(self.tr("应用"))
        apply.setObjectName("applyLanguage")
        apply.clicked.connect(self._on_apply_clicked)
        row.addWidget(self.combo)
        row.addWidget(apply)
        row.addStretch(1)

    def _on_apply_clicked(self) -> None:
        code = str(self.combo.currentData())
        page = self.window().findChild(SettingsPage)
        if code != language() and page is not None and not page.confirm_leave():
            return  # the window is built anew in the language: unsaved settings first
        self.context.settings.language = code
        self.context.settings.sync()
        if code != language():
            self.context.signals.language_changed.emit(code)


class SettingsPage(QWidget):
    unsaved_changed = Signal(bool)  # the navigation marks the page "*" while it has unsaved edits

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("page_settings")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 8, 0)
        if not context.actor.can(EDIT_RULES):
            note = QLabel(self.tr("只有管理员可以修改督导规则和设置；您可以查看。"))
            note.setObjectName("readOnlyNote")
            layout.addWidget(note)
        self.rules_box = VisitRulesBox(context)
        self.settings_box = DomainSettingsBox(context)
        self.holidays_box = HolidaysBox(context)
        self.language_box = LanguageBox(context)
        from ui.regions.dialogs import RegionsBox  # 区划管理 (station-regions)

        self.regions_box = RegionsBox(context)
        self.password_box = PasswordBox(context)
        self.users_box = UsersBox(context) if can_manage_users(context) else None
        for box in (
            self.rules_box,
            self.settings_box,
            self.holidays_box,
            self.regions_box,
            self.language_box,
            self.users_box,
            self.password_box,
        ):
            if box is not None:
                layout.addWidget(box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        guard_wheel(body)  # the wheel scrolls the page; a number changes only once its box has focus
        self.settings_box.unsaved.dirty_changed.connect(self.unsaved_changed)
        self._loaded = False
        context.signals.data_changed.connect(self._on_signals_data_changed)

    def has_unsaved_changes(self) -> bool:
        return self.settings_box.unsaved.dirty

    def confirm_leave(self) -> bool:
        """Leaving with unsaved settings asks 保存 / 放弃 / 取消; False: stay on the page."""
        if not self.has_unsaved_changes():
            return True
        answer = ask_to_save(self, self.settings_box.unsaved.title)
        if answer == QMessageBox.StandardButton.Save:
            self.settings_box.save()
            return True
        if answer == QMessageBox.StandardButton.Discard:
            self.settings_box.discard()
            return True
        return False

    def page_shown(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        self.rules_box.load()
        self.settings_box.load()
        self.holidays_box.load()
        if self.users_box is not None:
            self.users_box.load()

    def _on_signals_data_changed(self, tables: frozenset[str]) -> None:
        if tables & {"visit_rules", "settings"}:
            self._loaded = False
            if self.isVisible():
                self.reload()
