"""Every role against every permission: the matrix itself, and each forbidden action refused by the
services and the unit of work (not only hidden in the UI)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from msfood.core.errors import PermissionDenied
from msfood.core.ids import natural_id
from msfood.db.engine import Database
from msfood.db.models import AuditEntry, ClosedPeriod, Region, Setting, Unit, Visit
from msfood.services.writing import permissions as P
from msfood.services.writing.permissions import ROLE_PERMISSIONS, TABLE_ACTIONS, Actor, can_grant
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import table_of
from tests.scenario import Scenario

ALL = (P.READ, P.EDIT_RECORDS, P.EDIT_ROSTER, P.EDIT_RULES, P.MANAGE_USERS, P.MANAGE_TRUST, P.SYNC,
       P.BACKUP, P.RESTORE, P.CLOSE_PERIOD, P.REOPEN_PERIOD)

# The matrix as the README states it; the code must agree with it exactly.
EXPECTED = {
    "viewer": {P.READ},
    "liaison": {P.READ, P.EDIT_RECORDS, P.SYNC},
    "admin": set(ALL) - {P.REOPEN_PERIOD},
    "bureau-admin": set(ALL),
}
ROLES = ("viewer", "liaison", "admin", "bureau-admin")
CASES = [(role, action) for role in ROLES for action in ALL]


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSFOOD_HOME", str(tmp_path / "home"))


def test_the_permission_constants_are_all_covered() -> None:
    constants = {v for k, v in vars(P).items() if k.isupper() and isinstance(v, str) and k != "SYSTEM"}
    assert constants - {"TABLE_ACTIONS"} >= set(ALL)
    assert set(P.ACTION_LABELS) == set(ALL)


@pytest.mark.parametrize(("role", "action"), CASES)
def test_the_matrix(role: str, action: str) -> None:
    actor = Actor("someone", role)
    allowed = action in EXPECTED[role]
    assert actor.can(action) is allowed
    assert (action in ROLE_PERMISSIONS[role]) is allowed
    if allowed:
        actor.require(action)
    else:
        with pytest.raises(PermissionDenied) as caught:
            actor.require(action)
        assert caught.value.exit_code == PermissionDenied.exit_code
        assert "无权" in caught.value.message()


def test_an_unknown_role_may_do_nothing() -> None:
    for action in ALL:
        assert not Actor("x", "chief").can(action)


def test_granting_roles_never_goes_above_ones_own() -> None:
    assert can_grant(Actor("a", "admin"), "admin") and can_grant(Actor("a", "admin"), "viewer")
    assert not can_grant(Actor("a", "admin"), "bureau-admin")
    assert can_grant(Actor("b", "bureau-admin"), "bureau-admin")
    assert not can_grant(Actor("l", "liaison"), "viewer")


# --- each permission through a service or the unit of work ---------------------------------------


def _seed(db: Database, clock) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, clock=clock) as uow:
        s = Scenario(uow)
        s.region("430204", "石峰区")
        s.business("91430211000009136F", "清水家常饭店", region="430204")
        s.cadre("13700000001", "周一", "village", "430204")


def _write(table_model: type, values: dict) -> Callable:  # type: ignore[type-arg]
    def run(db: Database, actor: Actor, clock) -> None:  # type: ignore[no-untyped-def]
        with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
            uow.upsert(table_of(table_model), values)

    return run


def _visit(db: Database, actor: Actor, clock) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        Scenario(uow).visit("13700000001", "91430211000009136F", "2026-11-20")


def _manage_users(db: Database, actor: Actor, clock) -> None:  # type: ignore[no-untyped-def]
    from msfood.services.accounts.users import NewUser, add_user

    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        add_user(uow, NewUser("new-viewer", "viewer-pass", "viewer"))


def _backup(db: Database, actor: Actor, clock) -> None:  # type: ignore[no-untyped-def]
    from msfood.services.backups.backup import backup_database

    assert db.path is not None
    backup_database(db, actor=actor, out=db.path.with_name(f"copy-{actor.role}.sqlite"))


def _restore(db: Database, actor: Actor, clock) -> None:  # type: ignore[no-untyped-def]
    from msfood.services.backups.backup import backup_database
    from msfood.services.backups.restore import restore_database

    assert db.path is not None
    copy = db.path.with_name("restore-me.sqlite")
    if not copy.exists():
        backup_database(db, actor=P.SYSTEM, out=copy)
    restore_database(db, copy, actor=actor, clock=clock)


def _close(db: Database, actor: Actor, clock) -> None:  # type: ignore[no-untyped-def]
    from msfood.services.periods.closing import close_period

    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        close_period(uow, period="2026Q1")


def _reopen(db: Database, actor: Actor, clock) -> None:  # type: ignore[no-untyped-def]
    from msfood.services.periods.closing import close_period, reopen_period

    with unit_of_work(db.sessions, clock=clock) as uow:
        close_period(uow, period="2026Q2")
    with unit_of_work(db.sessions, actor=actor, clock=clock) as uow:
        reopen_period(uow, period="2026Q2")


SERVICE_ACTIONS: dict[str, Callable] = {  # type: ignore[type-arg]
    P.EDIT_RECORDS: _visit,
    P.EDIT_ROSTER: _write(Region, {"id": natural_id("region", "430211"), "code": "430211", "name": "天元区"}),
    P.EDIT_RULES: _write(Setting, {"id": natural_id("setting", "disposal_days"), "key": "disposal_days",
                                   "value": "60"}),
    P.MANAGE_TRUST: _write(Unit, {"id": natural_id("unit", "430211-01"), "code": "430211-01",
                                  "name": "天元区所"}),
    P.MANAGE_USERS: _manage_users,
    P.BACKUP: _backup,
    P.RESTORE: _restore,
    P.CLOSE_PERIOD: _close,
    P.REOPEN_PERIOD: _reopen,
}
SERVICE_CASES = [(role, action) for role in ROLES for action in SERVICE_ACTIONS]


def _audit_count(db: Database) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


@pytest.mark.parametrize(("role", "action"), SERVICE_CASES)
def test_services_refuse_what_a_role_may_not_do(db, clock, role: str, action: str) -> None:
    _seed(db, clock)
    actor = Actor("someone", role)
    before = _audit_count(db)
    if action in EXPECTED[role]:
        SERVICE_ACTIONS[action](db, actor, clock)
        if action == P.BACKUP:
            assert db.path is not None and db.path.with_name(f"copy-{role}.sqlite").stat().st_size > 0
        else:
            assert _audit_count(db) > before  # the allowed action went through, and is in the history
    else:
        with pytest.raises(PermissionDenied):
            SERVICE_ACTIONS[action](db, actor, clock)
        expected = before + (1 if action == P.REOPEN_PERIOD else 0)  # its set-up closes, as the system
        assert _audit_count(db) == expected  # nothing of the refused action was written
        with db.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Visit)) == 0
            assert session.scalar(select(func.count()).where(ClosedPeriod.closed.is_(False))) == 0


def test_every_synced_table_needs_a_named_permission() -> None:
    from msfood.db.models import synced_tables

    names = {t.name for t in synced_tables()} - {"audit_log"}
    assert names <= set(TABLE_ACTIONS), names - set(TABLE_ACTIONS)
