"""The import graph stays a picture one can draw (issue #19): no cycle between msfood's top-level
packages, and none among the modules inside each of them (imports inside functions count too: a
lazy import still ties two modules together). msfood.services checks its own inside
(tests/unit/test_services_layout.py). The order of the layers is the import-linter contract in
pyproject.toml."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import grimp
import pytest

SKIPPED_INSIDE = {"msfood.services"}  # reorganised and checked on its own


def cycles(edges: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan, iterative), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def top_level(module: str) -> str:
    """msfood.sync.merge -> msfood.sync; msfood itself stays msfood."""
    return ".".join(module.split(".")[:2])


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("msfood", cache_dir=None)


def imports_of(graph: grimp.ImportGraph, module: str) -> set[str]:
    return {m for m in graph.find_modules_directly_imported_by(module) if m.startswith("msfood")}


def test_the_cycle_finder_finds_a_cycle_and_nothing_else() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(edges) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_cycle_between_msfood_packages(graph: grimp.ImportGraph) -> None:
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        here = top_level(module)
        targets = edges.setdefault(here, set())
        targets.update(top_level(m) for m in imports_of(graph, module) if top_level(m) != here)
    assert cycles(edges) == []


def test_no_cycle_among_the_modules_of_each_package(graph: grimp.ImportGraph) -> None:
    packages = {top_level(m) for m in graph.modules} - {"msfood"} - SKIPPED_INSIDE
    assert {"msfood.core", "msfood.db", "msfood.sync", "msfood.reports"} <= packages
    found = {}
    for package in sorted(packages):
        inside = {m for m in graph.modules if top_level(m) == package}
        edges = {m: imports_of(graph, m) & inside for m in inside}
        if package_cycles := cycles(edges):
            found[package] = package_cycles
    assert found == {}


def test_the_graph_sees_imports_inside_functions(graph: grimp.ImportGraph) -> None:
    # msfood.reports.service imports the workbook writer only when asked for a workbook
    assert "msfood.reports.xlsx" in imports_of(graph, "msfood.reports.service")
