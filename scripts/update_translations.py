"""Refresh the ui's translation files: pyside6-lupdate over ui/ and main.py, then pyside6-lrelease.

    .venv/bin/python scripts/update_translations.py

Writes resources/translations/msfood_en.ts (source strings are Chinese; keep finished translations,
drop vanished ones) and builds msfood_en.qm next to it. Fill new strings with Qt Linguist
(pyside6-linguist) or by editing the .ts, then run this again; commit both files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TS = ROOT / "resources" / "translations" / "msfood_en.ts"


def sources() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    return ["main.py", *files]


def main() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "relative",
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-ts",
            str(TS.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
    )
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], cwd=ROOT, check=True
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
