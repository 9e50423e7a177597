"""The desktop app (PySide6). Imports msfood's services, metrics, domain and errors, never msfood.db.

The start paints its window before SQLAlchemy loads (msfood.services.setup.first_paint, ui.startup):
the modules on the way to the first paint import the data layer inside the functions that use it, and
tests/ui/test_lazy_imports.py checks that SQLAlchemy has not loaded when the dashboard first paints.
"""
