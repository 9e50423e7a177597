"""msfood.services keeps the shape docs/architecture.md draws: subpackages by aggregate, no import cycle
among its modules, and package faces that cost nothing to import."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import msfood.services
from tests.import_graph import find_cycle, msfood_graph

SERVICES = "msfood.services"
SUBPACKAGES = {"accounts", "backups", "history", "periods", "queries", "records", "roster", "rules", "setup",
               "work", "writing"}


def _services_imports() -> dict[str, set[str]]:
    """Each msfood.services module and the msfood.services modules it imports (lazy imports too)."""
    graph = msfood_graph()
    modules = {m for m in graph.modules if m == SERVICES or m.startswith(SERVICES + ".")}
    return {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}


def test_no_import_cycle_among_services_modules() -> None:
    edges = _services_imports()
    assert len(edges) > 40  # the graph really holds the services
    assert find_cycle(edges) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    # guards <-> unit_of_work was such a cycle: the finder must see one when it is there
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert set(find_cycle(edges)) == {"a", "b", "c"}


def test_services_are_subpackages_by_aggregate() -> None:
    folder = Path(msfood.services.__file__).parent
    flat = sorted(p.name for p in folder.glob("*.py") if p.name != "__init__.py")
    assert flat == [], "a services module belongs in the subpackage of its aggregate"
    packages = {p.name for p in folder.iterdir() if (p / "__init__.py").exists()}
    assert packages == SUBPACKAGES


def test_package_faces_import_nothing_but_the_lazy_loader() -> None:
    graph = msfood_graph()
    for package in sorted(SUBPACKAGES) + ["records.cleaning"]:
        face = f"{SERVICES}.{package}"
        assert graph.find_modules_directly_imported_by(face) <= {"msfood.core.lazy"}, face


def test_no_face_name_is_also_a_submodule() -> None:
    # importing a submodule sets it as the package's attribute: a face name of the same spelling would
    # then be the module, not the function (accounts.sign_in was one)
    graph = msfood_graph()
    for package in sorted(SUBPACKAGES) + ["records.cleaning"]:
        face = importlib.import_module(f"{SERVICES}.{package}")
        submodules = {m.rpartition(".")[2] for m in graph.find_children(face.__name__)}
        assert submodules and not submodules & set(face.__all__), package


def test_every_face_name_loads_from_its_module() -> None:
    # run in a fresh interpreter: importing a face loads nothing heavy, and every advertised name resolves
    code = (
        "import importlib, sys\n"
        f"faces = {sorted(SUBPACKAGES) + ['records.cleaning']!r}\n"
        "for name in faces:\n"
        "    importlib.import_module('msfood.services.' + name)\n"
        "assert 'sqlalchemy' not in sys.modules, 'a face imported sqlalchemy'\n"
        "for name in faces:\n"
        "    face = importlib.import_module('msfood.services.' + name)\n"
        "    assert face.__all__, name\n"
        "    for attr in face.__all__:\n"
        "        getattr(face, attr)\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
