"""`msfood regions load CODE [--year Y]`: the official division codes into the region tree (INTERFACES.md
section 5). Signs in like every admin write (EDIT_ROSTER: station or bureau admins); exit 3 when every
region is there already, 1 for a code or year the shipped data lack."""

from __future__ import annotations

import argparse
import sys

from msfood.cli.common import acting_user, add_db, add_user, clock, open_db, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    regions = subparsers.add_parser("regions", help="the region tree from the official division codes")
    commands = regions.add_subparsers(dest="regions_command", metavar="ACTION")
    regions.set_defaults(handler=lambda args: _usage(regions))
    load = commands.add_parser(
        "load", help="add a division, its ancestors and everything under it (统计用区划代码)"
    )
    load.add_argument("code", help="division code: 43 or 430000, 4302 or 430200, 430204, 430204001 ...")
    load.add_argument("--year", type=int, default=None, help="code set year (default: the newest shipped)")
    load.add_argument("--json", action="store_true", help="print the result as JSON")
    add_db(load)
    add_user(load)
    load.set_defaults(handler=run_load)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_load(args: argparse.Namespace) -> int:
    from msfood.regions.official import divisions, normalise_code
    from msfood.services.roster.regions import load_official_regions
    from msfood.services.writing.transaction import unit_of_work

    divisions(args.year).require(normalise_code(args.code))  # a wrong code is said before the password
    now = clock()
    database = open_db(args)
    try:
        actor = acting_user(args, database, now)
        with unit_of_work(database.sessions, actor=actor, clock=now) as uow:
            result = load_official_regions(uow, code=args.code, year=args.year)
    finally:
        database.close()
    if args.json:
        print_json(result.as_json())
        return 0
    print(result.sentence())
    return 0
