"""Package attributes loaded on first use (PEP 562), so that importing a package for one small name
does not load its heavy modules (reportlab, the demo generator) on the app's start-up path."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(package: dict[str, Any], names: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package` (its globals()): each name from its module, once."""

    def __getattr__(name: str) -> Any:
        if name not in names:
            raise AttributeError(f"module {package['__name__']!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(names[name]), name)
        package[name] = value
        return value

    return __getattr__
