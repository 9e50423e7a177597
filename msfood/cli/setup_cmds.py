"""`msfood init`: a new station (or bureau) database with its first admin."""

from __future__ import annotations

import argparse
import sys

from msfood.cli.common import clock, db_arg, read_secret
from msfood.db.engine import open_database
from msfood.i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("init", help="create a station or bureau database")
    parser.add_argument("--db", default=None)
    parser.add_argument("--station-code", required=True, help="the unit's own code, e.g. 430211-01")
    parser.add_argument("--station-name", required=True)
    parser.add_argument(
        "--region", default=None,
        help="the unit's division code; it and the regions above it are added from the official codes",
    )
    parser.add_argument("--admin", default="admin", help="first admin account (default: admin)")
    parser.add_argument("--bureau", action="store_true", help="a city bureau's database")
    parser.set_defaults(handler=run_init)


def run_init(args: argparse.Namespace) -> int:
    from pathlib import Path

    from msfood.core.errors import EnvironmentProblem
    from msfood.core.keys import fingerprint
    from msfood.services.accounts.users import validate_new_user
    from msfood.services.setup.new_unit import initialise, validate_unit

    path = db_arg(args)
    validate_unit(args.station_code, args.station_name)
    if "://" not in path and Path(path).exists() and Path(path).stat().st_size > 0:
        raise EnvironmentProblem("db.exists", path=path)
    password = read_secret("MSFOOD_ADMIN_PASSWORD", t("cli.password_prompt", user=args.admin))
    validate_new_user(args.admin, password, "bureau-admin" if args.bureau else "admin")
    database = open_database(path, create=True)
    try:
        identity = initialise(
            database,
            code=args.station_code,
            name=args.station_name,
            clock=clock(),
            region_code=args.region,
            bureau=args.bureau,
            admin_username=args.admin,
            admin_password=password,
            official_regions="ancestors",
        )
        with database.sessions() as session:
            from sqlalchemy import select

            from msfood.db.models import Unit

            public = session.scalar(select(Unit.sign_public_key).where(Unit.code == identity.code))
    finally:
        database.close()
    kind = t("cli.kind_bureau") if args.bureau else t("cli.kind_station")
    print(t("cli.init_done", kind=kind, path=path, code=identity.code, fingerprint=fingerprint(public or "")))
    if args.region:
        from msfood.regions.official import divisions

        if divisions().get(args.region) is None:  # kept as the unit's code; no region made from it
            note = t("regions_official.init_unknown", value=args.region, year=divisions().year)
            print(note, file=sys.stderr)
    return 0
