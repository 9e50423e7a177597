"""What the commands share: the --db and --user options, opening the database, who acts, output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import traceback
from typing import Any

from msfood.core.clock import Clock, clock_from_env
from msfood.core.config import default_db_path, log_path
from msfood.core.errors import EnvironmentProblem
from msfood.db.engine import Database, open_database
from msfood.services.writing.permissions import Actor


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=None, help="database file (default: the app's own)")


def add_user(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", default=None, help="acting user (or MSFOOD_USER)")


def clock() -> Clock:
    return clock_from_env()


def db_arg(args: argparse.Namespace) -> str:
    return args.db or str(default_db_path())


def open_db(args: argparse.Namespace) -> Database:
    """Open an existing database, backing it up first when a migration is due."""
    from msfood.services.backups.backup import backup_before

    return open_database(db_arg(args), backup=lambda database: backup_before(database, "migration"))


def read_secret(variable: str, prompt: str) -> str:
    """A password from its environment variable or a terminal prompt; never waits without a terminal."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise EnvironmentProblem("cli.password_needed", variable=variable)
    return getpass.getpass(prompt)


def acting_user(args: argparse.Namespace, database: Database, clock: Clock) -> Actor:
    """Sign in as --user / MSFOOD_USER with MSFOOD_PASSWORD (or a prompt), exactly as the app does."""
    return acting_user_and_password(args, database, clock)[0]


def acting_user_and_password(args: argparse.Namespace, database: Database, clock: Clock) -> tuple[Actor, str]:
    """acting_user, keeping the password (changing one's own password needs it).

    The sign-in takes no write lock unless the attempt changes the account (services.accounts.authentication.sign_in):
    read-only commands work while an import writes. A failed attempt is committed on its own, so it
    counts even when the command fails later.
    """
    from msfood.i18n import t
    from msfood.services.accounts.authentication import sign_in

    username = getattr(args, "user", None) or os.environ.get("MSFOOD_USER")
    if not username:
        raise EnvironmentProblem("cli.user_needed")
    password = read_secret("MSFOOD_PASSWORD", t("cli.password_prompt", user=username))
    return sign_in(database, username=username, password=password, clock=clock), password


def database_error_message(exc: BaseException, args: argparse.Namespace | None = None) -> str | None:
    """The plain sentence for a database error (busy, disk full, read-only, not a database...), or
    None when `exc` is none of them."""
    from msfood.db.problems import database_problem

    db = getattr(args, "db", None) if args is not None else None
    if db is None and args is not None and hasattr(args, "db"):
        db = str(default_db_path())
    problem = database_problem(exc, db)
    return problem.message() if problem is not None else None


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def log_exception() -> str:
    path = log_path()
    try:
        with open(path, "a", encoding="utf-8") as handle:
            traceback.print_exc(file=handle)
        return str(path)
    except OSError:
        return "-"
