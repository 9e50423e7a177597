"""msfood's import graph for the architecture tests (grimp sees imports inside functions too)."""

from __future__ import annotations

import functools
import graphlib
from collections.abc import Iterable, Mapping

import grimp


@functools.cache
def msfood_graph() -> grimp.ImportGraph:
    return grimp.build_graph("msfood", cache_dir=None)


def find_cycle(edges: Mapping[str, Iterable[str]]) -> list[str]:
    """One import cycle (a -> b -> ... -> a) if the graph has any, else []: the standard library's
    topological sorter names one when it cannot order the nodes."""
    try:
        graphlib.TopologicalSorter({node: set(targets) for node, targets in edges.items()}).prepare()
    except graphlib.CycleError as error:
        return list(error.args[1])
    return []
