"""The app's life: QApplication, settings, language, the controller, the event loop (or screenshots)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from msfood.core.clock import clock_from_env
from msfood.core.errors import MsfoodError


def quiet_offscreen_messages() -> None:
    """The offscreen platform warns on every window that it cannot resize to its size hints: harmless
    for screenshots, and it would drown real warnings. Everything else still goes to stderr."""
    import sys

    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind: object, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def run(args: argparse.Namespace) -> int:
    from ui.app import create_app
    from ui.errors import install_excepthook
    from ui.settings import AppSettings
    from ui.startup import AppController, print_problem

    settings = AppSettings()
    language = args.lang or os.environ.get("MSFOOD_LANG") or settings.language
    app = create_app(language=language)
    headless = bool(args.screenshot)
    if headless:
        quiet_offscreen_messages()
    controller = AppController(settings, clock_from_env(), headless=headless)
    if headless:
        try:
            if not controller.start(args.db):
                return 2
            from ui.screenshot import take_screenshots

            assert controller.window is not None
            take_screenshots(controller.window, Path(args.screenshot))
        except MsfoodError as exc:
            print_problem(exc)
            return exc.exit_code
        except Exception as exc:  # a bug: a plain sentence on stderr, the traceback in the log
            print_problem(exc)
            return 1
        finally:
            controller.shutdown()
        return 0
    install_excepthook()
    if not controller.start(args.db):
        controller.shutdown()
        return 0
    code = app.exec()
    controller.shutdown()
    return int(code)
