"""The desktop app (PySide6). Imports msfood's services, metrics, domain and errors, never msfood.db."""
