"""Start the desktop app: `python main.py [--db PATH] [--lang en] [--screenshot DIR]`."""

from __future__ import annotations

import argparse
import os
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="msfood-app", description="食安包保 desktop app")
    parser.add_argument("--db", default=None, help="database file to open (default: the last one)")
    parser.add_argument("--lang", default=None, choices=("zh_CN", "en"), help="interface language")
    parser.add_argument(
        "--screenshot",
        metavar="DIR",
        default=None,
        help="render every page to DIR/<page>.png and exit (signs in with MSFOOD_USER)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.run import run

    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
