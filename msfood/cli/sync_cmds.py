"""`msfood keys show|export-enrolment|trust|revoke` and `msfood bundle export|import` (INTERFACES.md 1).

Every command acts as a signed-in user: trusting and revoking need MANAGE_TRUST, bundles need SYNC.
`bundle export` with nothing to send writes no file and exits 3; `bundle import` exits 1 when any
bundle was refused, 3 when every one had been imported before.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from msfood.cli.common import acting_user, add_db, add_user, clock, open_db, print_json
from msfood.core.clock import Clock
from msfood.db.engine import Database
from msfood.i18n import t
from msfood.services.writing.permissions import Actor


def register(subparsers: argparse._SubParsersAction) -> None:
    keys = subparsers.add_parser("keys", help="this unit's keys and the trusted units")
    key_commands = keys.add_subparsers(dest="keys_command", metavar="ACTION")
    keys.set_defaults(handler=lambda args: _usage(keys))
    show = key_commands.add_parser("show", help="the unit's code and key fingerprint, and the trusted units")
    show.add_argument("--json", action="store_true")
    enrol = key_commands.add_parser("export-enrolment", help="write this unit's enrolment file")
    enrol.add_argument("--out", required=True, type=Path)
    trust = key_commands.add_parser("trust", help="trust a unit's enrolment file")
    trust.add_argument("file", type=Path)
    trust.add_argument("--fingerprint", default=None, help="the fingerprint read out by the other side")
    trust.add_argument("--confirm-area-change", action="store_true",
                       help="confirm a change of a known unit's area or kind (it decides what it may change)")
    trust.add_argument("--confirm-retrust", action="store_true", help="confirm trusting a revoked unit again")
    revoke = key_commands.add_parser("revoke", help="stop trusting a unit")
    revoke.add_argument("code")

    bundle = subparsers.add_parser("bundle", help="sync bundles: export and import")
    bundle_commands = bundle.add_subparsers(dest="bundle_command", metavar="ACTION")
    bundle.set_defaults(handler=lambda args: _usage(bundle))
    export = bundle_commands.add_parser("export", help="write a signed bundle of what the peer lacks")
    export.add_argument("--out", required=True, type=Path, help="bundle file (or a folder to write it in)")
    export.add_argument("--to", default=None, help="the receiving unit's code")
    export.add_argument("--full", action="store_true", help="everything in the peer's scope")
    export.add_argument("--json", action="store_true")
    take = bundle_commands.add_parser("import", help="verify and merge bundles")
    take.add_argument("files", nargs="+", type=Path)
    take.add_argument("--json", action="store_true")

    for parser, handler in (
        (show, run_show),
        (enrol, run_enrolment),
        (trust, run_trust),
        (revoke, run_revoke),
        (export, run_export),
        (take, run_import),
    ):
        add_db(parser)
        add_user(parser)
        parser.set_defaults(handler=handler)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _with_db(args: argparse.Namespace, work: Callable[[Database, Actor, Clock], int]) -> int:
    database = open_db(args)
    try:
        clk = clock()
        return int(work(database, acting_user(args, database, clk), clk) or 0)
    finally:
        database.close()


def _kind(kind: str) -> str:
    return t("cli.kind_bureau") if kind == "bureau" else t("cli.kind_station")


# --- keys ---------------------------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    from msfood.sync.peers import list_peers, show_identity

    def work(database: Database, actor: Actor, _clock: Clock) -> int:
        with database.readers() as session:
            identity = show_identity(session, actor=actor)
            peers = list_peers(session, actor=actor)
        if args.json:
            print_json(
                {
                    "code": identity.code,
                    "name": identity.name,
                    "kind": identity.kind,
                    "region_code": identity.region_code,
                    "fingerprint": identity.fingerprint,
                    "peers": [
                        {
                            "code": p.code,
                            "name": p.name,
                            "kind": p.kind,
                            "region_code": p.region_code,
                            "fingerprint": p.fingerprint,
                            "revoked": p.revoked_at is not None,
                            "last_bundle_sent": p.last_bundle_sent,
                            "last_bundle_received": p.last_bundle_received,
                        }
                        for p in peers
                    ],
                }
            )
            return 0
        print(
            t(
                "sync.identity",
                code=identity.code,
                name=identity.name,
                kind=_kind(identity.kind),
                region=identity.region_code or "-",
                fingerprint=identity.fingerprint,
            )
        )
        print(t("sync.peers_header") if peers else t("sync.peers_none"))
        for p in peers:
            print(
                t(
                    "sync.peer_line",
                    code=p.code,
                    name=p.name,
                    kind=_kind(p.kind),
                    region=p.region_code or "-",
                    fingerprint=p.fingerprint,
                    revoked=t("sync.revoked_mark") if p.revoked_at else "",
                )
            )
        return 0

    return _with_db(args, work)


def run_enrolment(args: argparse.Namespace) -> int:
    from msfood.sync.peers import write_enrolment

    def work(database: Database, actor: Actor, clk: Clock) -> int:
        with database.sessions() as session:
            identity = write_enrolment(session, actor=actor, out=args.out, clock_now=clk.now())
        print(
            t(
                "sync.enrolment_written",
                path=str(args.out),
                code=identity.code,
                fingerprint=identity.fingerprint,
            )
        )
        return 0

    return _with_db(args, work)


def run_trust(args: argparse.Namespace) -> int:
    from msfood.services.writing.transaction import unit_of_work
    from msfood.sync.peers import read_enrolment, trust_peer

    def work(database: Database, actor: Actor, clk: Clock) -> int:
        enrolment = read_enrolment(args.file)
        with unit_of_work(database.sessions, actor=actor, clock=clk) as uow:
            peer = trust_peer(
                uow,
                enrolment=enrolment,
                expected_fingerprint=args.fingerprint,
                confirm_area_change=args.confirm_area_change,
                confirm_retrust=args.confirm_retrust,
            )
        print(t("sync.trusted", code=peer.code, name=peer.name, fingerprint=peer.fingerprint))
        if args.fingerprint is None:
            print(t("sync.trusted_check", fingerprint=peer.fingerprint))
        return 0

    return _with_db(args, work)


def run_revoke(args: argparse.Namespace) -> int:
    from msfood.services.writing.transaction import unit_of_work
    from msfood.sync.peers import revoke_peer

    def work(database: Database, actor: Actor, clk: Clock) -> int:
        with unit_of_work(database.sessions, actor=actor, clock=clk) as uow:
            peer = revoke_peer(uow, code=args.code)
        print(t("sync.revoked", code=peer.code))
        return 0

    return _with_db(args, work)


# --- bundles ------------------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    from msfood.core.progress import drain
    from msfood.sync.export import export_bundle

    def work(database: Database, actor: Actor, clk: Clock) -> int:
        result = drain(
            export_bundle(database, actor=actor, out=args.out, clock=clk, to=args.to, full=args.full)
        )
        if args.json:
            print_json(
                {
                    "path": str(result.path),
                    "bundle_id": result.bundle_id,
                    "sender": result.sender,
                    "receiver": result.receiver,
                    "sequence": result.sequence,
                    "rows": result.rows,
                    "tables": result.by_table,
                    "attachments": result.attachments,
                    "sealed": result.sealed,
                    "full": result.full,
                }
            )
            return 0
        print(
            t(
                "sync.exported",
                path=str(result.path),
                receiver=result.receiver or t("sync.receiver_all"),
                sequence=result.sequence,
                rows=result.rows,
                sealed=t("sync.sealed_mark") if result.sealed else "",
            )
        )
        return 0

    return _with_db(args, work)


def run_import(args: argparse.Namespace) -> int:
    from msfood.core.progress import drain
    from msfood.sync.conflicts import count_conflicts
    from msfood.sync.importer import ALREADY, IMPORTED, import_bundles

    def work(database: Database, actor: Actor, clk: Clock) -> int:
        report = drain(import_bundles(database, actor=actor, paths=list(args.files), clock=clk))
        if args.json:
            print_json(report.as_json())
            return report.exit_code
        gaps_shown: set[str] = set()
        for outcome in report.bundles:
            if outcome.status == IMPORTED:
                print(
                    t(
                        "sync.imported",
                        file=outcome.file,
                        sender=outcome.sender,
                        sequence=outcome.sequence,
                        **{k: outcome.counts.get(k, 0) for k in ("new", "updated", "unchanged", "conflicts")},
                    )
                )
            elif outcome.status == ALREADY:
                print(t("sync.already", file=outcome.file, sender=outcome.sender, sequence=outcome.sequence))
            else:
                print(outcome.message, file=sys.stderr)
        for outcome in report.bundles:
            if outcome.behind:
                print(t("sync.behind", sender=outcome.sender))
        for outcome in reversed(report.bundles):
            if outcome.status == IMPORTED and outcome.sender not in gaps_shown:
                gaps_shown.add(outcome.sender or "")
                for first, last in outcome.gaps:
                    print(t("sync.gap", sender=outcome.sender, first=first, last=last))
        with database.sessions() as session:
            waiting = count_conflicts(session, actor=actor)
        if waiting:
            print(t("sync.conflicts_waiting", count=waiting))
        return report.exit_code

    return _with_db(args, work)
