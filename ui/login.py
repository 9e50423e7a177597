"""The sign-in dialog: a user name and password checked by msfood.services.accounts.users (Argon2id, lock after 5).

The checking itself (also from MSFOOD_USER/MSFOOD_PASSWORD) is ui.signing, which needs no QtWidgets.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from msfood.core.clock import Clock
from msfood.core.errors import AuthenticationError
from msfood.services.writing.permissions import Actor
from ui.screen_fit import keep_on_screen
from ui.signing import sign_in, sign_in_from_env
from ui.theme import status_style

if TYPE_CHECKING:
    from msfood.services.setup.database import Database

__all__ = ["LoginDialog", "sign_in", "sign_in_from_env"]


class LoginDialog(QDialog):
    def __init__(
        self,
        database: Database,
        clock: Clock,
        *,
        unit_name: str = "",
        demo_account: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # never taller than a 1366×768 screen at 125%
        self.database = database
        self.clock = clock
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 — 食安包保"))
        self.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        if unit_name:
            heading = QLabel(unit_name)
            heading.setObjectName("loginUnit")
            heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = heading.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            heading.setFont(font)
            layout.addWidget(heading)
        if demo_account is not None:
            hint = QLabel(
                self.tr("这是演示数据库。管理员账号：{user}，密码：{password}").format(
                    user=demo_account[0], password=demo_account[1]
                )
            )
            hint.setObjectName("demoHint")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        form = QFormLayout()
        self.username = QLineEdit(demo_account[0] if demo_account else os.environ.get("MSFOOD_USER", ""))
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(status_style("bad"))
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登录"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if self.username.text() else self.username).setFocus()

    def _on_buttons_accepted(self) -> None:
        username = self.username.text().strip()
        if not username:
            self._fail(self.tr("请输入用户名。"))
            self.username.setFocus()
            return
        try:
            self.actor = sign_in(self.database, username, self.password.text(), self.clock)
        except AuthenticationError as exc:
            self._fail(exc.message())
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
