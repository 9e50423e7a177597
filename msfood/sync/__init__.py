"""Sync by bundles (ARCHITECTURE.md "Sync: bundles, not servers"): keys and trust, export, import.

The public face for the UI and the CLI (Qt-free):

- `export_bundle(db, *, actor, out, clock, to=None, full=False)` and
  `import_bundles(db, *, actor, paths, clock)`: generators yielding msfood.progress.Progress, then
  returning ExportResult / ImportReport (drive them with msfood.progress.drain);
- `own_identity(session)`, `write_enrolment(...)`, `read_enrolment(path)`,
  `trust_peer(uow, enrolment=..., expected_fingerprint=..., confirm_area_change=..., confirm_retrust=...)`,
  `trust_change(session, enrolment)` (what re-trusting would change, to ask first),
  `revoke_peer(uow, code=...)`,
  `list_peers(session, actor=...)`, `peer_history(session, actor=..., code=...)`;
- `list_conflicts(session, actor=...)`, `count_conflicts(...)`,
  `resolve_conflict(uow, conflict_id=..., keep=...)`.

Names are loaded on first use: msfood.services.writing.unit_of_work imports msfood.sync.hlc, and this
package's modules import the unit of work.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "conflicts": (
        "KEEP_BOTH",
        "KEEP_CURRENT",
        "KEEP_LOST",
        "ConflictInfo",
        "count_conflicts",
        "list_conflicts",
        "resolve_conflict",
    ),
    "export": ("ExportResult", "export_bundle"),
    "importer": ("import_bundles",),
    "receipt": ("BundleOutcome", "ImportReport"),
    "peers": (
        "BundleRecord",
        "Enrolment",
        "Identity",
        "PeerHistory",
        "PeerInfo",
        "TrustChange",
        "list_peers",
        "own_identity",
        "peer_history",
        "read_enrolment",
        "revoke_peer",
        "show_identity",
        "trust_change",
        "trust_peer",
        "write_enrolment",
    ),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}
__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
