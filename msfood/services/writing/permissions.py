"""Roles and what they may do. Checked in the services, so no path (UI, CLI, import, bundle) bypasses them."""

from __future__ import annotations

from dataclasses import dataclass

from msfood.core.errors import PermissionDenied
from msfood.domain.enums import ROLE

READ = "read"
EDIT_RECORDS = "edit_records"  # visits, self-checks, sampling, rapid tests, problems
EDIT_ROSTER = "edit_roster"  # regions, businesses, cadres, assignments, plans
EDIT_RULES = "edit_rules"  # visit rules, settings, checklists, holidays
MANAGE_USERS = "manage_users"
MANAGE_TRUST = "manage_trust"
SYNC = "sync"  # export and import bundles
BACKUP = "backup"
RESTORE = "restore"
CLOSE_PERIOD = "close_period"
REOPEN_PERIOD = "reopen_period"

_VIEWER = {READ}
_LIAISON = _VIEWER | {EDIT_RECORDS, SYNC}
_ADMIN = _LIAISON | {EDIT_ROSTER, EDIT_RULES, MANAGE_USERS, MANAGE_TRUST, BACKUP, RESTORE, CLOSE_PERIOD}
_BUREAU = _ADMIN | {REOPEN_PERIOD}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "viewer": frozenset(_VIEWER),
    "liaison": frozenset(_LIAISON),
    "admin": frozenset(_ADMIN),
    "bureau-admin": frozenset(_BUREAU),
    "system": frozenset(_BUREAU),  # the app itself: set-up, migrations, demo generation
}

ACTION_LABELS = {
    READ: ("查看数据", "read data"),
    EDIT_RECORDS: ("录入或修改记录", "enter or edit records"),
    EDIT_ROSTER: ("修改包保名册（区划、主体、干部、包保关系、抽检计划）", "edit the roster"),
    EDIT_RULES: ("修改督导规则和设置", "edit rules and settings"),
    MANAGE_USERS: ("管理账号", "manage accounts"),
    MANAGE_TRUST: ("管理信任的单位", "manage trusted units"),
    SYNC: ("导入或导出同步包", "import or export sync bundles"),
    BACKUP: ("备份数据库", "back up the database"),
    RESTORE: ("恢复数据库", "restore the database"),
    CLOSE_PERIOD: ("关闭期间", "close a period"),
    REOPEN_PERIOD: ("重新开放期间", "reopen a period"),
}


@dataclass(frozen=True)
class Actor:
    """Who acts: a signed-in user, or the app itself ("system") during set-up."""

    username: str
    role: str

    def can(self, action: str) -> bool:
        return action in permissions_of(self.role)

    def require(self, action: str) -> None:
        if not self.can(action):
            from msfood.i18n import is_english

            zh, en = ACTION_LABELS.get(action, (action, action))
            role = ROLE.label(self.role, "en" if is_english() else None)
            raise PermissionDenied(role=role, action=en if is_english() else zh)


SYSTEM = Actor("system", "system")

# Which action a change to each synced table needs. The unit of work checks it on every change
# (msfood.services.writing.guards), so a service that forgets its own `require` still cannot write past a
# role.
TABLE_ACTIONS: dict[str, str] = {
    **dict.fromkeys(
        ("visits", "visit_answers", "problems", "selfchecks", "samplings", "rapid_tests"), EDIT_RECORDS
    ),
    **dict.fromkeys(
        (
            "regions",
            "businesses",
            "business_statuses",
            "business_closures",
            "cadres",
            "assignments",
            "sampling_plans",
        ),
        EDIT_ROSTER,
    ),
    **dict.fromkeys(
        ("settings", "visit_rules", "checklist_items", "holidays", "food_categories"), EDIT_RULES
    ),
    "units": MANAGE_TRUST,
    "closed_periods": CLOSE_PERIOD,  # reopening (closed -> not closed) needs REOPEN_PERIOD
}


def action_for_table(table_name: str) -> str:
    """The action writing to `table_name` needs (a table not listed here is treated as a record)."""
    return TABLE_ACTIONS.get(table_name, EDIT_RECORDS)


def permissions_of(role: str) -> frozenset[str]:
    return ROLE_PERMISSIONS.get(role, frozenset())


def can_grant(actor: Actor, role: str) -> bool:
    """Whether `actor` may create or manage an account of `role`: never one that may do more than it."""
    return actor.can(MANAGE_USERS) and permissions_of(role) <= permissions_of(actor.role)
