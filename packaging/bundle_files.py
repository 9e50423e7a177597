"""What the PyInstaller bundle carries besides Python modules: one list, read by packaging/msfood.spec and
checked by tests/unit/test_packaging_spec.py, so a moved resource breaks a test rather than a release.

Each entry is (source relative to the repository root, folder inside the bundle). Inside the bundle
(sys._MEIPASS) the folders keep the layout the code expects when run from the source tree:
resources/ for ui.resources and msfood.reports.pdf.fonts, msfood/data/ for msfood.regions.official,
msfood/db/migrations/ for msfood.db.engine (alembic reads the migrations as .py files, not modules).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (source, destination folder in the bundle); a source folder is taken whole, minus caches.
DATA = (
    ("resources/fonts", "resources/fonts"),
    ("resources/translations", "resources/translations"),
    ("resources/style.qss", "resources"),
    ("resources/icons", "resources/icons"),
    ("resources/help", "resources/help"),
    ("msfood/data", "msfood/data"),
    ("msfood/db/migrations", "msfood/db/migrations"),
)
# Files the app cannot start or work without: the test checks each exists under its source folder.
REQUIRED = (
    "resources/fonts/wqy-microhei.ttc",
    "resources/translations/msfood_en.qm",
    "resources/style.qss",
    "resources/icons/msfood.png",
    "resources/help/usage.md",
    "msfood/data/divisions-2023.zip",
    "msfood/db/migrations/env.py",
    "msfood/db/migrations/script.py.mako",
    "msfood/db/migrations/versions/0001_initial.py",
)
SKIPPED_SUFFIXES = (".pyc", ".ts")  # caches; Qt reads the compiled .qm, never the .ts source
SKIPPED_NAMES = ("__pycache__",)


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every (source file, bundle folder) pair, file by file, so caches and .ts sources stay out."""
    pairs: list[tuple[str, str]] = []
    for source, dest in DATA:
        path = root / source
        if path.is_file():
            pairs.append((str(path), dest))
            continue
        for file in sorted(path.rglob("*")):
            if not file.is_file() or file.suffix in SKIPPED_SUFFIXES:
                continue
            if any(part in SKIPPED_NAMES for part in file.relative_to(path).parts):
                continue
            folder = Path(dest, *file.relative_to(path).parent.parts)
            pairs.append((str(file), folder.as_posix()))
    return pairs
