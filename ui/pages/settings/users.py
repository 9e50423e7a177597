"""设置 › 账号管理: the user list for those who may manage accounts, and one's own password."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msfood.domain.enums import ROLE
from msfood.services import accounts
from msfood.services.writing.permissions import MANAGE_USERS, can_grant
from msfood.services.writing.transaction import unit_of_work
from ui.context import AppContext
from ui.i18n import is_english
from ui.models.rows_table import RowsTableModel
from ui.screen_fit import keep_on_screen
from ui.theme import status_style
from ui.workers import run_op


def _lang() -> str | None:
    return "en" if is_english() else None


class NewUserDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # never taller than a 1366×768 screen at 125%
        self.setWindowTitle(QCoreApplication.translate("Settings", "新增账号"))
        form = QFormLayout(self)
        self.username = QLineEdit()
        self.username.setObjectName("newUsername")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("newDisplayName")
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        for choice in ROLE.choices:
            if can_grant(context.actor, choice.code):
                self.role.addItem(choice.label(_lang()), choice.code)
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(QCoreApplication.translate("Settings", "用户名"), self.username)
        form.addRow(QCoreApplication.translate("Settings", "姓名"), self.display_name)
        form.addRow(QCoreApplication.translate("Settings", "角色"), self.role)
        form.addRow(QCoreApplication.translate("Settings", "初始密码"), self.password)
        self.error = QLabel()
        self.error.setObjectName("newUserError")
        self.error.setStyleSheet(status_style("bad"))
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Settings", "添加")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("Settings", "取消")
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.context = context

    def new_user(self) -> accounts.NewUser:
        return accounts.NewUser(
            self.username.text().strip(),
            self.password.text(),
            str(self.role.currentData()),
            self.display_name.text().strip(),
        )

    def _on_buttons_accepted(self) -> None:
        from ui.errors import error_text

        context, new = self.context, self.new_user()
        try:  # quick and local: Argon2 hashes in well under a second
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                accounts.add_user(uow, new)
        except Exception as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.accept()


class UsersBox(QGroupBox):
    def __init__(self, context: AppContext) -> None:
        super().__init__(QCoreApplication.translate("Settings", "账号管理"))
        self.context = context
        self.users: list[accounts.AccountState] = []
        layout = QVBoxLayout(self)
        self.model = RowsTableModel(
            [
                QCoreApplication.translate("Settings", "用户名"),
                QCoreApplication.translate("Settings", "姓名"),
                QCoreApplication.translate("Settings", "角色"),
                QCoreApplication.translate("Settings", "状态"),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("users")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(120)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(QCoreApplication.translate("Settings", "新增账号…"))
        self.add_button.setObjectName("addUser")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.toggle_button = QPushButton(QCoreApplication.translate("Settings", "停用/启用所选账号"))
        self.toggle_button.setObjectName("toggleUser")
        self.toggle_button.clicked.connect(self._on_toggle_clicked)
        self.unlock_button = QPushButton(QCoreApplication.translate("Settings", "解除锁定"))
        self.unlock_button.setObjectName("unlockUser")
        self.unlock_button.setToolTip(
            QCoreApplication.translate("Settings", "连续输错密码被锁定的账号，可以在这里立即解除锁定。")
        )
        self.unlock_button.setEnabled(False)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)
        self.message = QLabel()
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        row.addWidget(self.add_button)
        row.addWidget(self.toggle_button)
        row.addWidget(self.unlock_button)
        row.addWidget(self.message, 1)
        layout.addLayout(row)

    def load(self) -> None:
        context = self.context

        def fetch() -> list[accounts.AccountState]:
            with context.database.readers() as session:
                return accounts.account_states(session, actor=context.actor, clock=context.clock)

        run_op(self, fetch).on_success(self._show)

    @staticmethod
    def _state(account: accounts.AccountState) -> str:
        if account.disabled:
            return QCoreApplication.translate("Settings", "已停用")
        if account.locked_until is not None:
            from msfood.core.clock import CHINA

            until = account.locked_until.replace(tzinfo=dt.UTC).astimezone(CHINA).strftime("%H:%M")
            return QCoreApplication.translate("Settings", "已锁定（至 {time}）").format(time=until)
        return QCoreApplication.translate("Settings", "正常")

    def _show(self, accounts: list[accounts.AccountState]) -> None:
        self.users = accounts
        self.model.set_rows(
            [(u.username, u.display_name, ROLE.label(u.role, _lang()), self._state(u)) for u in accounts]
        )
        self._on_selection_current_row_changed()

    def _selected(self) -> accounts.AccountState | None:
        row = self.table.currentIndex().row()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _on_selection_current_row_changed(self, *_args: object) -> None:
        selected = self._selected()
        self.unlock_button.setEnabled(selected is not None and selected.locked_until is not None)

    def _on_unlock_clicked(self) -> None:
        target = self._selected()
        if target is None:
            self.message.setText(QCoreApplication.translate("Settings", "请先在表中选择账号。"))
            return
        context = self.context

        def work() -> accounts.UserSummary:
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                return accounts.unlock_user(uow, username=target.username)

        def done(summary: accounts.UserSummary) -> None:
            self.message.setText(
                QCoreApplication.translate("Settings", "已解除账号 {name} 的锁定。").format(
                    name=summary.username
                )
            )
            self.load()

        run_op(self, work).on_success(done)

    def _on_add_clicked(self) -> None:
        dialog = NewUserDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.setText(
                QCoreApplication.translate("Settings", "已添加账号 {name}。").format(
                    name=dialog.new_user().username
                )
            )
            self.load()

    def _on_toggle_clicked(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.users):
            self.message.setText(QCoreApplication.translate("Settings", "请先在表中选择账号。"))
            return
        target = self.users[row]
        context = self.context

        def work() -> accounts.UserSummary:
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                return accounts.set_user_disabled(uow, username=target.username, disabled=not target.disabled)

        def done(summary: accounts.UserSummary) -> None:
            text = (
                QCoreApplication.translate("Settings", "已停用账号 {name}。")
                if summary.disabled
                else QCoreApplication.translate("Settings", "已启用账号 {name}。")
            )
            self.message.setText(text.format(name=summary.username))
            self.load()

        run_op(self, work).on_success(done)


class PasswordBox(QGroupBox):
    """Change one's own password (the current one is asked for)."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(QCoreApplication.translate("Settings", "修改我的密码"))
        self.context = context
        form = QFormLayout(self)
        self.old = QLineEdit()
        self.old.setObjectName("oldPassword")
        self.new = QLineEdit()
        self.new.setObjectName("changedPassword")
        for edit in (self.old, self.new):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(QCoreApplication.translate("Settings", "当前密码"), self.old)
        form.addRow(QCoreApplication.translate("Settings", "新密码"), self.new)
        self.message = QLabel()
        self.message.setObjectName("passwordMessage")
        self.message.setWordWrap(True)
        button = QPushButton(QCoreApplication.translate("Settings", "修改密码"))
        button.setObjectName("changePassword")
        button.clicked.connect(self._on_change_clicked)
        form.addRow(button, self.message)

    def _on_change_clicked(self) -> None:
        from ui.errors import error_text

        context = self.context
        old, new = self.old.text(), self.new.text()

        def work() -> Any:
            with unit_of_work(context.database.sessions, actor=context.actor, clock=context.clock) as uow:
                return accounts.change_password(
                    uow, username=context.actor.username, new_password=new, old_password=old
                )

        def done(_summary: Any) -> None:
            self.old.clear()
            self.new.clear()
            self.message.setText(QCoreApplication.translate("Settings", "密码已修改。"))

        def failed(exc: BaseException) -> None:
            self.message.setText(error_text(exc))

        run_op(self, work).on_success(done).on_failure(failed)


def can_manage_users(context: AppContext) -> bool:
    return context.actor.can(MANAGE_USERS)
