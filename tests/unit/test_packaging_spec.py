"""The PyInstaller bundle's data files (packaging/bundle_files.py, read by packaging/msfood.spec): a moved
or renamed resource must fail here, not in a station's installed copy. The bundle itself is built and
tried by scripts/package/build_deb.sh and test_deb_in_chroot.sh (on demand: minutes, not seconds)."""

from __future__ import annotations

import importlib.util
import shutil
import struct
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_bundle_files() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_files", PACKAGING / "bundle_files.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle_files = load_bundle_files()


def bundle_layout() -> set[str]:
    """The paths the bundle holds under sys._MEIPASS, as the spec lays them out."""
    return {f"{dest}/{Path(source).name}" for source, dest in bundle_files.data_files(ROOT)}


def test_every_source_the_spec_collects_exists() -> None:
    for source, _dest in bundle_files.DATA:
        assert (ROOT / source).exists(), source
    for required in bundle_files.REQUIRED:
        assert (ROOT / required).is_file(), required


def test_the_bundle_keeps_the_source_layout_of_every_required_file() -> None:
    layout = bundle_layout()
    for required in bundle_files.REQUIRED:
        assert required in layout, f"{required} is not in the bundle at the same place"


def test_everything_under_resources_is_in_the_bundle() -> None:
    """A file added under resources/ (the help, its screenshots) ships without anyone touching the spec."""
    layout = bundle_layout()
    for file in sorted((ROOT / "resources").rglob("*")):
        if file.is_file() and file.suffix not in bundle_files.SKIPPED_SUFFIXES:
            assert file.relative_to(ROOT).as_posix() in layout, f"{file} is not bundled"


def test_caches_and_translation_sources_stay_out() -> None:
    layout = bundle_layout()
    assert not [p for p in layout if p.endswith((".pyc", ".ts")) or "__pycache__" in p]
    # every migration ships: alembic reads them as files and a missing one breaks an upgrade
    migrations = {p.name for p in (ROOT / "msfood/db/migrations/versions").glob("*.py")}
    shipped = {Path(p).name for p in layout if p.startswith("msfood/db/migrations/versions/")}
    assert migrations and migrations == shipped


def test_code_that_reads_files_beside_it_finds_them_where_the_bundle_puts_them() -> None:
    """Frozen, a module's __file__ is under sys._MEIPASS at its package path: data found through
    __file__ must be collected to the same relative folder."""
    from msfood.db.engine import MIGRATIONS_DIR
    from msfood.regions.official import DATA

    destinations = {dest for _source, dest in bundle_files.DATA}
    assert DATA.relative_to(ROOT).as_posix() in destinations
    assert MIGRATIONS_DIR.relative_to(ROOT).as_posix() in destinations


@pytest.fixture
def fake_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A sys._MEIPASS holding the data files as the spec collects them (code stays in the tree)."""
    for source, dest in bundle_files.data_files(ROOT):
        (tmp_path / dest).mkdir(parents=True, exist_ok=True)
        shutil.copy(source, tmp_path / dest)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    return tmp_path


def test_resources_resolve_inside_a_frozen_bundle(fake_bundle: Path) -> None:
    from msfood.reports.pdf import fonts
    from ui import resources

    assert resources.resource_root() == fake_bundle / "resources"
    for path in (resources.font_path(), resources.style_sheet_path(), resources.icon_path("msfood.png"),
                 resources.translations_dir() / "msfood_en.qm"):
        assert path.is_file() and path.is_relative_to(fake_bundle), path
    assert fonts.resource_root() == fake_bundle / "resources"
    sans = fonts.sans_path()
    assert sans is not None and sans.is_relative_to(fake_bundle)


def test_the_icon_is_a_256_pixel_png_and_windows_has_its_ico() -> None:
    header = (ROOT / "resources/icons/msfood.png").read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (256, 256)
    ico = (ROOT / "resources/icons/msfood.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and struct.unpack("<H", ico[4:6])[0] >= 4  # several sizes


def test_the_spec_and_the_installers_name_files_that_exist() -> None:
    spec = (PACKAGING / "msfood.spec").read_text(encoding="utf-8")
    for script in ("main.py", "packaging/entry_cli.py"):
        assert f'"{script}"' in spec and (ROOT / script).is_file()
    # Inno Setup reads the script as UTF-8 by its BOM
    iss = (PACKAGING / "windows" / "msfood.iss").read_text(encoding="utf-8-sig")
    assert "msfood-app.exe" in iss and "resources\\icons\\msfood.ico" in iss
    # uninstalling keeps the user's data: nothing outside the program folder is deleted
    assert not [line for line in iss.splitlines() if line.strip().lower() == "[uninstalldelete]"]
    desktop = (PACKAGING / "linux" / "msfood.desktop").read_text(encoding="utf-8")
    lines = desktop.splitlines()
    for line in ("Name=食安包保", "Name[en]=msfood", "Exec=msfood-app", "Icon=msfood", "Categories=Office;"):
        assert line in lines


def test_pyinstaller_is_a_build_extra_not_a_runtime_or_test_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    def names(requirements: list[str]) -> set[str]:
        return {r.split(">")[0].split("=")[0].split("<")[0].strip().lower() for r in requirements}
    assert "pyinstaller" in names(project["optional-dependencies"]["package"])
    assert "pyinstaller" not in names(project["dependencies"])
    assert "pyinstaller" not in names(project["optional-dependencies"]["test"])
