"""`msfood template`, `msfood import`, `msfood export`: the import workbook (INTERFACES.md section 2)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from msfood.cli.common import acting_user, add_db, add_user, clock, open_db, print_json
from msfood.core.progress import drain
from msfood.i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("template", help="write the empty import workbook")
    parser.add_argument("--out", required=True, help="the .xlsx file to write")
    parser.set_defaults(handler=run_template)

    parser = subparsers.add_parser(
        "import", help="import a workbook (.xlsx, .xls or a CSV folder), all or nothing"
    )
    add_db(parser)
    add_user(parser)
    parser.add_argument("file", help="the workbook, or a folder of CSV files named after the sheets")
    parser.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(handler=run_import)

    parser = subparsers.add_parser("export", help="export every record kind in the import layout")
    add_db(parser)
    add_user(parser)
    parser.add_argument("--out", required=True, help="the .xlsx file to write")
    parser.add_argument("--period", default=None, help="only records dated in this period (e.g. 2026Q2)")
    parser.add_argument("--region", default=None, help="a division code: it and every region under it")
    parser.set_defaults(handler=run_export)


def run_template(args: argparse.Namespace) -> int:
    from msfood.workbook.template import write_template

    path = write_template(args.out)
    print(t("workbook.template_done", path=path))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from msfood.workbook.importer import import_workbook
    from msfood.workbook.readers import open_reader
    from msfood.workbook.result import WorkbookRefused

    open_reader(args.file).close()  # a missing or unreadable file is said before asking for a password
    now = clock()
    database = open_db(args)
    try:
        actor = acting_user(args, database, now)
        try:
            result = drain(import_workbook(database, args.file, actor=actor, clock=now, dry_run=args.dry_run))
        except WorkbookRefused as refused:
            if args.json:
                print_json(refused.result.as_json())
            print(refused.message(), file=sys.stderr)
            _print_warnings(refused.result.warnings)
            return refused.exit_code
    finally:
        database.close()
    if args.json:
        print_json(result.as_json())
        return 0
    done = "workbook.dry_run_done" if result.dry_run else "workbook.import_done"
    print(
        t(
            done,
            new=result.new,
            updated=result.updated,
            unchanged=result.unchanged,
            conflicts=result.conflicts,
        )
    )
    _print_warnings(result.warnings)
    return 0


def _print_warnings(warnings: Any) -> None:
    for warning in warnings:
        print(t("workbook.warning", text=warning.sentence()), file=sys.stderr)


def run_export(args: argparse.Namespace) -> int:
    from msfood.workbook.export import export_workbook

    now = clock()
    database = open_db(args)
    try:
        actor = acting_user(args, database, now)
        result = drain(
            export_workbook(database, args.out, actor=actor, period=args.period, region=args.region)
        )
    finally:
        database.close()
    print(t("workbook.export_done", rows=result.rows, path=result.path))
    return 0
