"""msfood: the Qt-free core of 食安包保 (data, rules, figures, sync, reports, CLI)."""

__version__ = "0.1.0"
