"""`msfood` / `python -m msfood`: every data operation of the app, headless (INTERFACES.md section 1).

Each module in this package adds its commands with `register(subparsers)`; a command's handler takes
the parsed arguments and returns an exit code. Errors reach the user as plain sentences on stderr in
their language (zh_CN by default, `--lang en`), never as a traceback: 0 success, 1 input refused,
2 usage or environment error, 3 nothing to do.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence

from msfood.core.errors import MsfoodError
from msfood.i18n import is_english, set_language, t

log = logging.getLogger("msfood")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(t("cli.usage_error", message=message), file=sys.stderr)
        raise SystemExit(2)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("msfood")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def _speak_chinese(parser: argparse.ArgumentParser) -> None:
    """Every help text of every command in Chinese (msfood.cli._help_zh), argparse's own words too."""
    from msfood.cli._help_zh import ARGPARSE, HELP

    argparse._ = lambda text: ARGPARSE.get(text, text)  # type: ignore[attr-defined]
    pending = [parser]
    while pending:
        current = pending.pop()
        if current.description in HELP:
            current.description = HELP[current.description]
        for group in current._action_groups:
            group.title = ARGPARSE.get(group.title or "", group.title)
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    choice.help = HELP.get(choice.help or "", choice.help)
                pending.extend(action.choices.values())
            elif action.help in HELP:
                action.help = HELP[action.help]


def build_parser() -> argparse.ArgumentParser:
    from gettext import gettext

    argparse._ = gettext  # type: ignore[attr-defined]  # English until _speak_chinese says otherwise
    parser = _Parser(prog="msfood", description=t("cli.description"))
    parser.add_argument("--lang", default=None, help="zh_CN (default) or en")
    parser.add_argument("--version", action="version", version=f"msfood {_version()}",
                        help="show the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name == "common":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    if not is_english():
        _speak_chinese(parser)
    return parser


def _pre_scan_language(argv: Sequence[str]) -> None:
    import os

    lang = os.environ.get("MSFOOD_LANG")
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    set_language(lang)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _pre_scan_language(args_list)  # so --help and usage errors speak the user's language too
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args) or 0)
    except MsfoodError as exc:
        print(exc.message(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(t("error.cancelled"), file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (e.g. `| head`) went away: not an error of ours
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: the user gets a sentence, the log gets the traceback
        from msfood.cli.common import database_error_message, log_exception

        plain = database_error_message(exc, args)  # busy, disk full, read-only...: their own words
        if plain is not None:
            print(plain, file=sys.stderr)
            return 2

        where = log_exception()
        print(t("cli.unexpected", log=where), file=sys.stderr)
        return 2
