"""The audit trail read back: verifying its hash chain, and one record's history as people read it.

The names below load their module on first use, so importing this package stays cheap.
"""

from msfood.core.lazy import lazy_attributes

_LAZY = {
    "verify_chain": "msfood.services.history.audit",
    "record_history": "msfood.services.history.audit",
    "record_history_view": "msfood.services.history.view",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_attributes(globals(), _LAZY)
