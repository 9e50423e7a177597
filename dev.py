#!/usr/bin/env python3
"""Set up and run msfood from a fresh clone with nothing but python3.

    python3 dev.py app [main.py options]   set everything up, then start the desktop app
    python3 dev.py test [pytest options]   set everything up, then run every test
    python3 dev.py system                  install only the Debian packages the tests need (as root)

Set-up is one virtual environment in .venv with the project and its test tools installed, shared by
`app` and `test` (re-done only when pyproject.toml changes). `test` also installs the Debian packages the
tests read PDFs and fonts with (DEBIAN_PACKAGES, the one list .ci/run uses too) when it runs as root and
they are missing; another apt or dpkg process holding the lock is waited for, with a message.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".msfood-installed"
# One environment for the app and the tests: the test extras ride along, so switching never reinstalls.
EXTRAS = "[test]"
# What the tests need from Debian, and why. .ci/run installs exactly these through `dev.py system`.
DEBIAN_PACKAGES = {
    "poppler-utils": "pdftotext, pdffonts and pdftoppm read the reports back",
    "fonts-arphic-uming": "the Song/Ming body font official documents use (reports choose it when present)",
    "fonts-hanazono": "HanaMin A/B: reports set rare CJK characters (Extensions A, B: 䶮, 𠮷) in it",
    "xvfb": "a real X screen for the window tests",
    "xauth": "xvfb-run's authority file",
}
LOCK_WAIT_SECONDS = 600


class SetupError(Exception):
    """A set-up step failed in a way the user can act on; the message says how."""


def run(*args: str | Path, **kwargs: object) -> None:
    try:
        subprocess.run([str(a) for a in args], check=True, **kwargs)  # type: ignore[call-overload]
    except subprocess.CalledProcessError as error:
        raise SetupError(f"命令失败（退出码 {error.returncode}）：{' '.join(str(a) for a in args)}") from None
    except OSError as error:
        raise SetupError(f"无法运行 {args[0]}：{error.strerror}") from None


def ensure_venv() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + EXTRAS.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("正在创建虚拟环境 .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("正在安装依赖（首次约需一两分钟）…", flush=True)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".{EXTRAS}", cwd=ROOT)
    STAMP.write_text(wanted)


def missing_debian_packages() -> list[str]:
    if shutil.which("dpkg-query") is None:
        return []  # not a Debian system: the tests that need these say so themselves
    missing = []
    for package in DEBIAN_PACKAGES:
        status = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
        )
        if "install ok installed" not in status.stdout:
            missing.append(package)
    return missing


def apt_get(*args: str) -> None:
    """apt-get, waiting (with a message) while another apt or dpkg process holds its lock."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    told = False
    while True:
        result = subprocess.run(
            ["apt-get", "-o", "DPkg::Lock::Timeout=60", *args], env=env, capture_output=True, text=True
        )
        if result.returncode == 0:
            return
        locked = "Could not get lock" in result.stderr or "Unable to lock" in result.stderr
        if locked and time.monotonic() < deadline:
            if not told:
                print("另一个 apt/dpkg 进程（例如系统自动更新）正在运行，正在等待它结束 …", flush=True)
                told = True
            time.sleep(5)
            continue
        sys.stderr.write(result.stderr[-2000:])
        raise SetupError(f"apt-get {' '.join(args)} 失败（退出码 {result.returncode}），见上方 apt 的说明。")


def ensure_debian_packages() -> None:
    missing = missing_debian_packages()
    if not missing:
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print(f"正在安装测试所需的 Debian 软件包：{' '.join(missing)} …", flush=True)
        apt_get("update", "-qq")
        apt_get("install", "-y", "-qq", "--no-install-recommends", *missing)
        return
    reasons = "\n".join(f"  {p}: {DEBIAN_PACKAGES[p]}" for p in missing)
    raise SetupError(
        "测试需要这些 Debian 软件包，请以 root 身份安装后重试：\n"
        f"  sudo apt-get install {' '.join(missing)}\n{reasons}"
    )


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("app", [])
    try:
        if command == "app":
            ensure_venv()
            return subprocess.call([str(PYTHON), str(ROOT / "main.py"), *rest], cwd=ROOT)
        if command == "system":
            ensure_debian_packages()
            return 0
        if command == "test":
            ensure_venv()
            ensure_debian_packages()
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
            lint = subprocess.call([str(BIN / "lint-imports"), "--no-cache"], cwd=ROOT, env=env)
            if lint != 0:
                print("The import contract is broken: msfood must not import Qt or ui.", file=sys.stderr)
                return lint
            return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env)
    except SetupError as error:
        print(f"dev.py: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
