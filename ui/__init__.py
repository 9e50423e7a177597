"""The desktop app (PySide6). Imports msfood's services, metrics, domain and errors, never msfood.db.

msfood's data layer (SQLAlchemy, the models, sign-in) is imported here, before any ui module imports
PySide6: once PySide6 is loaded, its import hook reads the source of every module imported after it
(shibokensupport.feature looks for the word "PySide6"), which cost the ~300 modules of SQLAlchemy and
msfood a sixth of a second more at start-up. tests/ui/test_lazy_imports.py checks the order.
"""

