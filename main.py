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


def display_problem() -> str | None:
    """Why Qt could not open a window here (it would abort with a bare C++ message), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return "没有可用的图形桌面（未设置 DISPLAY）。请在桌面环境中启动，或用 --screenshot DIR 生成截图。"
    return None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from ui.run import run

    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
