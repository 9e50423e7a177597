#!/usr/bin/env python3
"""Set up and run msfood from a fresh clone with nothing but python3.

    python3 dev.py app [main.py options]   set everything up, then start the desktop app
    python3 dev.py test [pytest options]   set everything up, then run every test

Set-up is a virtual environment in .venv with the project and its test tools installed (re-done only
when pyproject.toml changes). `test` also installs the Debian tools the tests read PDFs with
(poppler-utils) when it runs as root and they are missing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".msfood-installed"
DEBIAN_PACKAGES = {"pdftotext": "poppler-utils", "pdffonts": "poppler-utils", "pdftoppm": "poppler-utils"}
# Files of packages that have no command: the fallback font of rare CJK characters (Extensions A, B).
DEBIAN_FILES = {"/usr/share/fonts/truetype/hanazono/HanaMinB.ttf": "fonts-hanazono"}


def run(*args: str | Path, **kwargs: object) -> None:
    subprocess.run([str(a) for a in args], check=True, **kwargs)  # type: ignore[call-overload]


def ensure_venv(extras: str) -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("正在创建虚拟环境 .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("正在安装依赖 …", flush=True)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".{extras}", cwd=ROOT)
    STAMP.write_text(wanted)


def ensure_debian_tools() -> None:
    missing = sorted({pkg for tool, pkg in DEBIAN_PACKAGES.items() if shutil.which(tool) is None}
                     | {pkg for path, pkg in DEBIAN_FILES.items() if not Path(path).is_file()})
    if not missing:
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", *missing, env=env)
    else:
        sys.exit(f"The tests need these Debian packages: {' '.join(missing)} (apt-get install them).")


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("app", [])
    if command == "app":
        ensure_venv("")
        return subprocess.call([str(PYTHON), str(ROOT / "main.py"), *rest], cwd=ROOT)
    if command == "test":
        ensure_venv("[test]")
        ensure_debian_tools()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        lint = subprocess.call([str(BIN / "lint-imports"), "--no-cache"], cwd=ROOT, env=env)
        if lint != 0:
            print("The import contract is broken: msfood must not import Qt or ui.", file=sys.stderr)
            return lint
        return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
