"""What an import reports: per bundle its outcome and counts, and the whole receipt (CLI JSON keys of
INTERFACES.md section 1: new, updated, unchanged, conflicts, errors)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

IMPORTED, ALREADY, REFUSED = "imported", "already", "refused"


@dataclass(frozen=True)
class BundleOutcome:
    file: str
    status: str  # imported | already | refused
    bundle_id: str | None = None
    sender: str | None = None
    sequence: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    by_table: dict[str, dict[str, int]] = field(default_factory=dict)
    code: str | None = None
    message: str | None = None
    gaps: list[tuple[int, int]] = field(default_factory=list)
    # The bundle starts after changes of the sender this database never received (it was restored
    # from an older backup, say): ask the sender for a full bundle.
    behind: bool = False


@dataclass(frozen=True)
class ImportReport:
    bundles: list[BundleOutcome]

    def total(self, name: str) -> int:
        return sum(b.counts.get(name, 0) for b in self.bundles)

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [
            {"file": b.file, "row": None, "column": None, "code": b.code, "message": b.message}
            for b in self.bundles
            if b.status == REFUSED
        ]

    @property
    def exit_code(self) -> int:
        if any(b.status == REFUSED for b in self.bundles):
            return 1
        if self.bundles and all(b.status == ALREADY for b in self.bundles):
            return 3
        return 0

    def as_json(self) -> dict[str, Any]:
        return {
            "new": self.total("new"),
            "updated": self.total("updated"),
            "unchanged": self.total("unchanged"),
            "conflicts": self.total("conflicts"),
            "set_aside": self.total("set_aside"),
            "errors": self.errors,
            "bundles": [
                {
                    "file": b.file,
                    "status": b.status,
                    "bundle_id": b.bundle_id,
                    "sender": b.sender,
                    "sequence": b.sequence,
                    **b.counts,
                    "tables": b.by_table,
                    "missing_sequences": [list(g) for g in b.gaps],
                    "behind": b.behind,
                }
                for b in self.bundles
            ],
        }
