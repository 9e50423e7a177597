"""What the commands share: the --db and --user options, opening the database, who acts, output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import traceback
from typing import Any

from msfood.clock import Clock, clock_from_env
from msfood.config import default_db_path, log_path
from msfood.db.engine import Database, open_database
from msfood.errors import AuthenticationError, EnvironmentProblem
from msfood.services.permissions import Actor


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
    from msfood.services.backup import backup_before

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
    from msfood.i18n import t
    from msfood.services.users import authenticate

    username = getattr(args, "user", None) or os.environ.get("MSFOOD_USER")
    if not username:
        raise EnvironmentProblem("cli.user_needed")
    password = read_secret("MSFOOD_PASSWORD", t("cli.password_prompt", user=username))
    # The sign-in commits on its own: failed attempts must count even when the command fails later.
    with database.sessions.begin() as session:
        try:
            return authenticate(session, username=username, password=password, clock=clock)
        except AuthenticationError as exc:
            failure = exc
    raise failure


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
