"""`msfood users add|list|disable|enable|password|unlock`: accounts, managed exactly as in the app.

The acting user signs in (--user / MSFOOD_USER, MSFOOD_PASSWORD or a prompt) and the services check
the role. A new password comes from MSFOOD_NEW_PASSWORD or a prompt asked twice on a terminal.
"""

from __future__ import annotations

import argparse
import os
import sys

from msfood.cli.common import (
    acting_user,
    acting_user_and_password,
    add_db,
    add_user,
    clock,
    open_db,
    print_json,
    read_secret,
)
from msfood.core.clock import Clock
from msfood.core.errors import ValidationError
from msfood.db.engine import Database
from msfood.domain.enums import ROLE
from msfood.i18n import t
from msfood.services.writing.permissions import MANAGE_USERS, Actor


def register(subparsers: argparse._SubParsersAction) -> None:
    users = subparsers.add_parser("users", help="manage accounts (add, list, disable, enable, password)")
    commands = users.add_subparsers(dest="users_command", metavar="ACTION")
    users.set_defaults(handler=lambda args: _usage(users))

    add = commands.add_parser("add", help="add an account (password from a prompt or MSFOOD_NEW_PASSWORD)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLE.codes)
    add.add_argument("--display-name", default="", help="the person's name as shown in the app")
    listing = commands.add_parser("list", help="list the accounts")
    listing.add_argument("--json", action="store_true")
    disable = commands.add_parser("disable", help="disable an account (it can no longer sign in)")
    disable.add_argument("name")
    enable = commands.add_parser("enable", help="enable a disabled account again")
    enable.add_argument("name")
    password = commands.add_parser(
        "password", help="change your own password, or (admins) another account's"
    )
    password.add_argument("name", nargs="?", default=None, help="the account (default: your own)")
    unlock = commands.add_parser("unlock", help="lift an account's lock-out after wrong passwords (admins)")
    unlock.add_argument("name")
    for parser, handler in (
        (add, run_add), (listing, run_list), (disable, run_disable), (enable, run_enable),
        (password, run_password), (unlock, run_unlock),
    ):
        add_db(parser)
        add_user(parser)
        parser.set_defaults(handler=handler)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def new_password() -> str:
    """MSFOOD_NEW_PASSWORD, or asked twice on a terminal (never waits without one)."""
    value = os.environ.get("MSFOOD_NEW_PASSWORD")
    if value is not None:
        return value
    first = read_secret("MSFOOD_NEW_PASSWORD", t("cli.new_password_prompt"))
    import getpass

    if getpass.getpass(t("user.confirm_prompt")) != first:
        raise ValidationError("user.password_mismatch", "password")
    return first


def _with_db(args: argparse.Namespace, work) -> int:  # type: ignore[no-untyped-def]
    database = open_db(args)
    try:
        clk = clock()
        return int(work(database, acting_user(args, database, clk), clk) or 0)
    finally:
        database.close()


def run_add(args: argparse.Namespace) -> int:
    from msfood.services.accounts.users import NewUser, add_user, validate_new_user
    from msfood.services.writing.transaction import unit_of_work

    def work(database: Database, actor: Actor, clk: Clock) -> int:
        actor.require(MANAGE_USERS)  # before asking for a password nobody may use
        password = new_password()
        validate_new_user(args.name, password, args.role)
        with unit_of_work(database.sessions, actor=actor, clock=clk) as uow:
            summary = add_user(uow, NewUser(args.name, password, args.role, args.display_name))
        print(t("user.added", username=summary.username, role=ROLE.label(summary.role)))
        return 0

    return _with_db(args, work)


def run_list(args: argparse.Namespace) -> int:
    from msfood.services.accounts.users import list_users

    def work(database: Database, actor: Actor, clk: Clock) -> int:
        with database.readers() as session:
            users = list_users(session, actor=actor)
        if args.json:
            print_json([u.__dict__ for u in users])
            return 0
        print(t("user.list_header"))
        for u in users:
            state = t("user.state_disabled") if u.disabled else t("user.state_active")
            print(f"{u.username}\t{u.display_name}\t{ROLE.label(u.role)}\t{state}")
        return 0

    return _with_db(args, work)


def _toggle(args: argparse.Namespace, disabled: bool) -> int:
    from msfood.services.accounts.users import set_user_disabled
    from msfood.services.writing.transaction import unit_of_work

    def work(database: Database, actor: Actor, clk: Clock) -> int:
        with unit_of_work(database.sessions, actor=actor, clock=clk) as uow:
            summary = set_user_disabled(uow, username=args.name, disabled=disabled)
        print(t("user.disabled_done" if disabled else "user.enabled_done", username=summary.username))
        return 0

    return _with_db(args, work)


def run_disable(args: argparse.Namespace) -> int:
    return _toggle(args, True)


def run_enable(args: argparse.Namespace) -> int:
    return _toggle(args, False)


def run_unlock(args: argparse.Namespace) -> int:
    from msfood.services.accounts.users import unlock_user
    from msfood.services.writing.transaction import unit_of_work

    def work(database: Database, actor: Actor, clk: Clock) -> int:
        with unit_of_work(database.sessions, actor=actor, clock=clk) as uow:
            summary = unlock_user(uow, username=args.name)
        print(t("local.unlocked_done", username=summary.username))
        return 0

    return _with_db(args, work)


def run_password(args: argparse.Namespace) -> int:
    from msfood.services.accounts.users import change_password
    from msfood.services.writing.transaction import unit_of_work

    database = open_db(args)
    try:
        clk = clock()
        actor, current = _sign_in_keeping_password(args, database, clk)
        target = args.name or actor.username
        if target != actor.username:
            actor.require(MANAGE_USERS)
        password = new_password()
        with unit_of_work(database.sessions, actor=actor, clock=clk) as uow:
            summary = change_password(
                uow, username=target, new_password=password,
                old_password=current if target == actor.username else None,
            )
        print(t("user.password_done", username=summary.username))
        return 0
    finally:
        database.close()


def _sign_in_keeping_password(args: argparse.Namespace, database: Database, clk: Clock) -> tuple[Actor, str]:
    """The same sign-in as acting_user, keeping the password: changing one's own password needs it,
    and asking for it twice would be silly."""
    return acting_user_and_password(args, database, clk)
