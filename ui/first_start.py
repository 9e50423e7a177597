"""First start: set up this station's database, or try the demo in a separate file, or open another.

Demo data never goes into a station's own file (it would sync to the bureau): "试用演示数据" always
makes (or reopens) msfood.core.config.demo_db_path(), generated into a temporary file that is renamed only
when generation finished, so a cancelled demo leaves nothing behind.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msfood.core.clock import Clock
from msfood.core.config import demo_db_path
from msfood.core.errors import Issue, ValidationError
from msfood.core.progress import Progress
from msfood.services.accounts.users import validate_new_user
from msfood.services.setup.database import open_app_database, remove_database_file
from msfood.services.setup.new_unit import UnitIdentity, initialise, validate_unit
from ui.errors import show_error
from ui.regions.picker import DivisionPicker
from ui.screen_fit import keep_on_screen
from ui.settings import AppSettings
from ui.theme import status_style
from ui.workers import run_op

DEMO_SEED = 1  # the CLI's default too: `msfood demo` and "试用演示数据" make the same data
DEMO_SCALE = "station"


@dataclass(frozen=True)
class StartChoice:
    path: Path
    demo: bool = False


def demo_admin() -> tuple[str, str]:
    """The demo database's admin account (user name, password), as msfood.demo publishes it."""
    from msfood.demo import DEMO_ACCOUNTS

    username, password, _role = next(a for a in DEMO_ACCOUNTS if a[2] == "admin")
    return username, password


def make_demo_database(path: Path, clock: Clock) -> Generator[Progress, None, Path]:
    """The station-scale demo, made in a temporary file renamed to `path` only when complete.

    The same steps as msfood.demo.create_demo (a demo unit, the demo accounts, the data), as a
    generator so the progress dialog can show them and Cancel can stop them: a cancelled or failed
    run removes its temporary file and leaves `path` untouched.
    """
    from msfood.demo import generate_steps, prepare_demo_unit

    partial = path.with_name(path.name + ".partial")
    remove_database_file(partial)
    yield Progress(0, None, QCoreApplication.translate("FirstStartDialog", "正在准备演示数据库……"))
    database = open_app_database(partial, create=True)
    finished = False
    try:
        prepare_demo_unit(database, scale=DEMO_SCALE, clock=clock)
        yield from generate_steps(
            database, scale=DEMO_SCALE, seed=DEMO_SEED, year=clock.today().year, clock=clock
        )
        finished = True
    finally:
        database.close()
        if not finished:
            remove_database_file(partial)
    os.replace(partial, path)
    return path


def create_station(
    target: Path,
    clock: Clock,
    *,
    code: str,
    name: str,
    region_code: str | None,
    admin_username: str,
    admin_password: str,
) -> UnitIdentity:
    """On the worker: the new database with its unit, its admin and the official regions of its
    division (the division, the regions above it and everything under it)."""
    database = open_app_database(target, create=True)
    try:
        return initialise(
            database,
            code=code,
            name=name,
            clock=clock,
            region_code=region_code,
            admin_username=admin_username,
            admin_password=admin_password,
            official_regions="all",
        )
    finally:
        database.close()


class FirstStartDialog(QDialog):
    """Ask how to start. `choice` holds the database to open once the dialog is accepted."""

    def __init__(
        self, settings: AppSettings, clock: Clock, *, target: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # never taller than a 1366×768 screen at 125%
        self.settings = settings
        self.clock = clock
        self.target = Path(target)
        self.choice: StartChoice | None = None
        self.setWindowTitle(self.tr("欢迎使用食安包保"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("首次使用，请设置本站点的数据库；也可以先用演示数据试一试。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        box = QGroupBox(self.tr("新建站点"))
        form = QFormLayout(box)
        self.errors: dict[str, QLabel] = {}
        path_row = QHBoxLayout()
        self.path_label = QLabel(str(self.target))
        self.path_label.setObjectName("databasePath")
        self.path_label.setWordWrap(True)
        change = QPushButton(self.tr("更改…"))
        change.clicked.connect(self._on_change_clicked)
        path_row.addWidget(self.path_label, 1)
        path_row.addWidget(change)
        form.addRow(self.tr("数据库文件"), path_row)
        self._suggested_code = ""
        self.picker = DivisionPicker(self)
        self.picker.changed.connect(self._on_picker_changed)
        self.loads = QLabel(
            self.tr("选到本单位管辖的范围：管辖一个乡镇（街道）的选到乡镇，管辖多个乡镇的选到县（区），"
                    "市局选到市。")
        )
        self.loads.setObjectName("regionsToLoad")
        self.loads.setWordWrap(True)
        self.loads.setMinimumHeight(self.loads.fontMetrics().lineSpacing() * 2 + 4)  # two lines, no jumps
        self._add_row(form, "region_code", self.tr("所属区划"), self.picker, self.loads)
        self.code = self._field(form, "code", self.tr("站点代码"), self.tr("例：430211-01"))
        self.name = self._field(form, "name", self.tr("站点名称"), self.tr("例：天元区嵩山路市场监管所"))
        self.admin = self._field(form, "username", self.tr("管理员账号"), "")
        self.admin.setText("admin")
        self.password = self._field(form, "password", self.tr("管理员密码"), self.tr("至少 6 个字符"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = self._field(form, "password2", self.tr("再次输入密码"), "")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_button = QPushButton(self.tr("创建站点数据库"))
        self.create_button.setObjectName("createStation")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._on_create_clicked)
        form.addRow("", self.create_button)
        layout.addWidget(box)

        other = QGroupBox(self.tr("其他方式"))
        other_layout = QVBoxLayout(other)
        self.recent = QListWidget()
        self.recent.setObjectName("recentDatabases")
        recent = [p for p in settings.recent_databases if Path(p).exists()]
        self.recent.addItems(recent)
        self.recent.setVisible(bool(recent))
        self.recent.setMaximumHeight(90)
        self.recent.itemDoubleClicked.connect(lambda item: self._choose(Path(item.text())))
        if recent:
            other_layout.addWidget(QLabel(self.tr("最近打开的数据库（双击打开）：")))
        other_layout.addWidget(self.recent)
        row = QHBoxLayout()
        self.demo_button = QPushButton(self.tr("试用演示数据"))
        self.demo_button.setObjectName("tryDemo")
        self.demo_button.setToolTip(
            self.tr("演示数据保存在单独的文件中：{path}，不会混入站点数据库。").format(path=demo_db_path())
        )
        self.demo_button.clicked.connect(self._on_demo_clicked)
        open_button = QPushButton(self.tr("打开已有数据库…"))
        open_button.clicked.connect(self._on_open_clicked)
        quit_button = QPushButton(self.tr("退出"))
        quit_button.clicked.connect(self.reject)
        row.addWidget(self.demo_button)
        row.addWidget(open_button)
        row.addStretch(1)
        row.addWidget(quit_button)
        other_layout.addLayout(row)
        layout.addWidget(other)
        self.picker.province.setFocus()

    def _field(self, form: QFormLayout, key: str, label: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        self._add_row(form, key, label, edit)
        return edit

    def _add_row(self, form: QFormLayout, key: str, label: str, widget: QWidget, *below: QWidget) -> None:
        error = QLabel()
        error.setObjectName(f"{key}Error")
        error.setStyleSheet(status_style("bad"))
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        for extra in below:
            column.addWidget(extra)
        column.addWidget(error)
        form.addRow(label, column)

    def _on_picker_changed(self, code: str | None) -> None:
        """Say what will be loaded, and offer a unit code from the division while none is typed."""
        self.errors["region_code"].hide()
        division = self.picker.division()
        if division is None:
            self.loads.setText(self.tr("不选择区划也可以创建，之后在“区划管理”中载入。"))
        else:
            label = self.picker.official.label(division.code)
            if division.level in ("county", "township"):
                under = sum(1 for _ in self.picker.official.subtree(division.code)) - 1
                self.loads.setText(
                    self.tr("将载入 {label}（{code}）、其上级区划和其下 {count} 个区划"
                            "（{year} 年统计用区划代码）。")
                    .format(label=label, code=division.code, count=under, year=self.picker.official.year)
                )
            else:
                self.loads.setText(
                    self.tr("将载入 {label}（{code}）、其上级区划和其下全部区划（{year} 年统计用区划代码）。")
                    .format(label=label, code=division.code, year=self.picker.official.year)
                )
        suggested = f"{code}-01" if code else ""
        if not self.code.text().strip() or self.code.text() == self._suggested_code:
            self.code.setText(suggested)
        self._suggested_code = suggested

    def _show_issues(self, issues: list[Issue]) -> None:
        for label in self.errors.values():
            label.hide()
        for issue in issues:
            label = self.errors.get(issue.field) or self.errors["code"]
            text = issue.message()
            if label.isVisible() and label.text():
                text = self.tr("{first}；{then}").format(first=label.text(), then=text)
            label.setText(text)
            label.show()

    def _issues(self) -> list[Issue]:
        issues: list[Issue] = []
        try:
            validate_unit(self.code.text().strip(), self.name.text())
        except ValidationError as exc:
            issues += exc.issues
        try:
            validate_new_user(self.admin.text().strip(), self.password.text(), "admin")
        except ValidationError as exc:
            issues += exc.issues
        if self.password.text() != self.password2.text():
            issues.append(Issue("ui.password_mismatch", "password2"))
        return issues

    def _on_create_clicked(self) -> None:
        issues = self._issues()
        if issues:
            self._show_issues(issues)
            return
        self._show_issues([])
        values = {
            "code": self.code.text().strip(),
            "name": self.name.text(),
            "region_code": self.picker.code(),
            "admin_username": self.admin.text().strip(),
            "admin_password": self.password.text(),
        }
        target, clock = self.target, self.clock
        self.create_button.setEnabled(False)
        op = run_op(self, lambda: create_station(target, clock, **values),
                    progress=self.tr("正在创建站点数据库并载入区划……"))
        op.on_success(lambda _identity: self._choose(target))
        op.on_failure(self._on_create_failed)

    def _on_create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_issues(exc.issues)
        else:
            show_error(self, exc)

    def _on_change_clicked(self) -> None:
        from ui.dialogs.common import remember_chosen, start_path

        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("新数据库保存到"), start_path(self.settings, "database", self.target.name),
            self.tr("食安包保数据库 (*.sqlite)"),
        )  # fmt: skip
        if path:
            remember_chosen(self.settings, "database", path)
            self.target = Path(path)
            self.path_label.setText(path)

    def _on_open_clicked(self) -> None:
        from ui.dialogs.common import remember_chosen, start_folder

        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("打开数据库"),
            start_folder(self.settings, "database"),
            self.tr("食安包保数据库 (*.sqlite);;所有文件 (*)"),
        )
        if path:
            remember_chosen(self.settings, "database", path)
            self._choose(Path(path))

    def _on_demo_clicked(self) -> None:
        path = demo_db_path()
        if path.exists():
            self._choose(path, demo=True)
            return
        self.demo_button.setEnabled(False)
        op = run_op(self, lambda: make_demo_database(path, self.clock), progress=self.tr("正在生成演示数据"))
        op.on_success(lambda made: self._choose(Path(made), demo=True))
        op.on_failure(self._on_demo_failed)

    def _on_demo_failed(self, exc: BaseException) -> None:
        self.demo_button.setEnabled(True)
        show_error(self, exc)

    def _choose(self, path: Path, *, demo: bool = False) -> None:
        self.choice = StartChoice(Path(path), demo)
        self.accept()
