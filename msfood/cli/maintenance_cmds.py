"""`msfood backup`, `restore`, `audit verify|history` and `period close|reopen|list`.

Each signs in as the acting user and the services check the role (BACKUP, RESTORE, READ,
CLOSE_PERIOD, REOPEN_PERIOD).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from msfood.cli.common import acting_user, add_db, add_user, clock, open_db, print_json
from msfood.i18n import t
from msfood.services.writing.permissions import READ


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser("backup", help="a consistent copy of the database (SQLite backup API)")
    backup.add_argument("--out", required=True, help="the backup file to write")
    backup.add_argument("--overwrite", action="store_true", help="replace --out when it exists")
    _common(backup, run_backup)

    restore = subparsers.add_parser("restore", help="replace the database with a checked backup")
    restore.add_argument("file", help="the backup file")
    restore.add_argument("--allow-other-unit", action="store_true",
                         help="restore a backup of another unit's database over this one")
    _common(restore, run_restore)

    audit = subparsers.add_parser("audit", help="the history: verify the chain, show a record's history")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    audit.set_defaults(handler=lambda args: _usage(audit))
    verify = audit_commands.add_parser("verify", help="check the audit chain; exit 1 naming the first break")
    verify.add_argument("--origin", action="append", default=[],
                        help="a unit whose history must be here whole (repeatable)")
    verify.add_argument("--json", action="store_true")
    _common(verify, run_verify)
    history = audit_commands.add_parser("history", help="every change of one record")
    history.add_argument("record_id")
    history.add_argument("--json", action="store_true")
    _common(history, run_history)

    period = subparsers.add_parser("period", help="close or reopen a reporting period")
    period_commands = period.add_subparsers(dest="period_command", metavar="ACTION")
    period.set_defaults(handler=lambda args: _usage(period))
    close = period_commands.add_parser("close", help="freeze the records dated in a period (admins)")
    close.add_argument("period", help="e.g. 2026Q3, 2026-09, 2026H1, 2026")
    _common(close, run_close)
    reopen = period_commands.add_parser("reopen", help="reopen a closed period (bureau admins)")
    reopen.add_argument("period")
    _common(reopen, run_reopen)
    listing = period_commands.add_parser("list", help="the closed periods")
    listing.add_argument("--all", action="store_true", help="include reopened periods")
    listing.add_argument("--json", action="store_true")
    _common(listing, run_list_periods)


def _common(parser: argparse.ArgumentParser, handler) -> None:  # type: ignore[no-untyped-def]
    add_db(parser)
    add_user(parser)
    parser.set_defaults(handler=handler)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_backup(args: argparse.Namespace) -> int:
    from msfood.services.backups.backup import backup_database

    database = open_db(args)
    try:
        actor = acting_user(args, database, clock())
        result = backup_database(database, actor=actor, out=Path(args.out), overwrite=args.overwrite)
    finally:
        database.close()
    print(t("backup.done", path=str(result.path), size=result.size))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from msfood.services.backups.restore import restore_database

    database = open_db(args)
    try:
        clk = clock()
        actor = acting_user(args, database, clk)
        result = restore_database(
            database, Path(args.file), actor=actor, clock=clk, allow_other_unit=args.allow_other_unit
        )
    finally:
        database.close()
    print(t("restore.done", path=args.file, unit=result.restored.unit_code,
            safety=str(result.safety_backup or "-")))
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from msfood.services.history.audit import verify_chain

    database = open_db(args)
    try:
        actor = acting_user(args, database, clock())
        actor.require(READ)
        with database.readers() as session:
            result = verify_chain(session, complete_origins=args.origin)
    finally:
        database.close()
    if args.json:
        broken = result.first_broken
        print_json({
            "ok": result.ok,
            "checked": result.checked,
            "origins": list(result.origins),
            "gaps": result.gaps,
            "first_broken": None if broken is None else {
                "origin": broken.origin, "seq": broken.seq, "reason": broken.reason,
                "message": broken.message(),
            },
        })
    if result.first_broken is not None:
        print(result.first_broken.message(), file=sys.stderr)
        return 1
    if not args.json:
        print(t("audit.ok", checked=result.checked, origins="、".join(result.origins) or "-"))
        if result.gaps:
            print(t("audit.gaps", gaps=result.gaps))
    return 0


def run_history(args: argparse.Namespace) -> int:
    from msfood.core.clock import CHINA
    from msfood.services.history.audit import record_history

    database = open_db(args)
    try:
        actor = acting_user(args, database, clock())
        actor.require(READ)
        with database.readers() as session:
            entries = record_history(session, args.record_id)
    finally:
        database.close()
    if args.json:
        print_json([
            {"who": e.who, "when": e.when.isoformat(), "action": e.action, "table": e.table_name,
             "origin": e.origin, "seq": e.seq, "before": e.before, "after": e.after}
            for e in entries
        ])
        return 0
    if not entries:
        print(t("audit.no_history", record=args.record_id))
        return 0
    for e in entries:
        when = e.when.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
        changes = ", ".join(
            f"{k}: {(e.before or {}).get(k)!s} -> {(e.after or {}).get(k)!s}" for k in e.changed_fields()
        )
        print(f"{when}\t{e.who}\t{e.action}\t{changes}")
    return 0


def run_close(args: argparse.Namespace) -> int:
    from msfood.services.periods.closing import close_period
    from msfood.services.writing.transaction import unit_of_work

    database = open_db(args)
    try:
        clk = clock()
        actor = acting_user(args, database, clk)
        with unit_of_work(database.sessions, actor=actor, clock=clk) as uow:
            info = close_period(uow, period=args.period)
    finally:
        database.close()
    print(t("closing.closed_done", period=info.period_key, start=info.start_date.isoformat(),
            end=info.end_date.isoformat()))
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    from msfood.services.periods.closing import reopen_period
    from msfood.services.writing.transaction import unit_of_work

    database = open_db(args)
    try:
        clk = clock()
        actor = acting_user(args, database, clk)
        with unit_of_work(database.sessions, actor=actor, clock=clk) as uow:
            info = reopen_period(uow, period=args.period)
    finally:
        database.close()
    print(t("closing.reopened_done", period=info.period_key))
    return 0


def run_list_periods(args: argparse.Namespace) -> int:
    from msfood.services.periods.closing import list_closed_periods

    database = open_db(args)
    try:
        actor = acting_user(args, database, clock())
        actor.require(READ)
        with database.readers() as session:
            periods = list_closed_periods(session, include_reopened=args.all)
    finally:
        database.close()
    if args.json:
        print_json([
            {"period": p.period_key, "start": p.start_date.isoformat(), "end": p.end_date.isoformat(),
             "closed": p.closed, "closed_by": p.closed_by}
            for p in periods
        ])
        return 0
    if not periods:
        print(t("closing.none"))
    for p in periods:
        print(t("closing.list_row", period=p.period_key, start=p.start_date.isoformat(),
                end=p.end_date.isoformat(), by=p.closed_by))
    return 0
