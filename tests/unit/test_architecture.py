"""The import graph stays a picture one can draw (issue #19): no cycle between msfood's top-level
packages, and none among the modules inside each of them (imports inside functions count too: a
lazy import still ties two modules together). msfood.services checks its own inside
(tests/unit/test_services_layout.py). The order of the layers is the import-linter contract in
pyproject.toml."""

from __future__ import annotations

import grimp
import pytest

from tests.import_graph import find_cycle, msfood_graph

SKIPPED_INSIDE = {"msfood.services"}  # reorganised and checked on its own


def top_level(module: str) -> str:
    """msfood.sync.merge -> msfood.sync; msfood itself stays msfood."""
    return ".".join(module.split(".")[:2])


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return msfood_graph()


def imports_of(graph: grimp.ImportGraph, module: str) -> set[str]:
    return {m for m in graph.find_modules_directly_imported_by(module) if m.startswith("msfood")}


def test_the_cycle_finder_finds_a_cycle_and_nothing_else() -> None:
    cycle = find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()})
    assert set(cycle) == {"a", "b", "c"} and cycle[0] == cycle[-1]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_no_cycle_between_msfood_packages(graph: grimp.ImportGraph) -> None:
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        here = top_level(module)
        targets = edges.setdefault(here, set())
        targets.update(top_level(m) for m in imports_of(graph, module) if top_level(m) != here)
    assert find_cycle(edges) == []


def test_no_cycle_among_the_modules_of_each_package(graph: grimp.ImportGraph) -> None:
    packages = {top_level(m) for m in graph.modules} - {"msfood"} - SKIPPED_INSIDE
    assert {"msfood.core", "msfood.db", "msfood.sync", "msfood.reports"} <= packages
    found = {}
    for package in sorted(packages):
        inside = {m for m in graph.modules if top_level(m) == package}
        edges = {m: imports_of(graph, m) & inside for m in inside}
        if cycle := find_cycle(edges):
            found[package] = cycle
    assert found == {}


def test_the_graph_sees_imports_inside_functions(graph: grimp.ImportGraph) -> None:
    # msfood.reports.writers.documents imports the workbook writer only when asked for a workbook
    assert "msfood.reports.completion.workbook" in imports_of(graph, "msfood.reports.writers.documents")
