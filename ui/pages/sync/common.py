"""What the 数据同步 page's tabs share: the loaded state, times in China, fingerprints to read by phone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from msfood.core.clock import CHINA
from msfood.services.queries import lists as queries
from msfood.services.writing.permissions import ACTION_LABELS, Actor
from ui.i18n import is_english
from ui.theme import keep_style, status_style

MONO_FAMILY = "WenQuanYi Micro Hei Mono"  # shipped with the app (resources/fonts), so always there


def local_time(value: dt.datetime | None) -> str:
    """A stored time (naive UTC) as China time, to the minute."""
    if value is None:
        return ""
    aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return f"{aware.astimezone(CHINA):%Y-%m-%d %H:%M}"


def hlc_time(stamp: str) -> str:
    """When a version was written, from its HLC stamp (13 digits of Unix ms lead it)."""
    from msfood.core.hlc import hlc_ms

    try:
        return local_time(dt.datetime.fromtimestamp(hlc_ms(stamp) / 1000, dt.UTC))
    except (ValueError, OverflowError, OSError):
        return ""


def hlc_unit(stamp: str) -> str:
    """Which unit wrote a version, from its HLC stamp (the unit code ends it)."""
    from msfood.core.hlc import parse_hlc

    try:
        return parse_hlc(stamp)[2]
    except ValueError:
        return ""


def fingerprint_lines(fingerprint: str) -> str:
    """8 groups of 4 in two lines of four, easy to read out group by group."""
    groups = fingerprint.split()
    return "\n".join(" ".join(groups[i : i + 4]) for i in range(0, len(groups), 4))


def mono_font(scale: float = 1.0, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies([MONO_FAMILY])
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    if scale != 1.0:
        font.setPointSizeF(max(8.0, font.pointSizeF() * scale))
    font.setBold(bold)
    return font


class FingerprintLabel(QLabel):
    """A key fingerprint, large and in groups, to compare by phone; selectable to copy."""

    def __init__(self, fingerprint: str = "", parent: QWidget | None = None, *, scale: float = 1.6) -> None:
        super().__init__(parent)
        self.setFont(mono_font(scale, bold=True))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        keep_style(self, lambda: status_style("accent", " letter-spacing: 2px;"))
        self.set_fingerprint(fingerprint)

    def set_fingerprint(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.setText(fingerprint_lines(fingerprint) if fingerprint else "—")


def refusal_tip(actor: Actor, action: str) -> str:
    """Why a button is disabled: the role may not do it."""
    from msfood.domain.enums import ROLE

    zh, en = ACTION_LABELS.get(action, (action, action))
    return QCoreApplication.translate("SyncPage", "您的角色（{role}）不能{action}。").format(
        role=ROLE.label(actor.role, "en" if is_english() else None), action=en if is_english() else zh
    )


def table_label(name: str) -> str:
    from msfood.i18n import has, t

    return capitalised(t(f"sync.table.{name}")) if has(f"sync.table.{name}") else name


def capitalised(text: str) -> str:
    """English catalogue labels start in lower case (they are made to sit inside sentences)."""
    return text[:1].upper() + text[1:]


def kind_label(kind: str) -> str:
    if kind == "bureau":
        return QCoreApplication.translate("SyncPage", "市局")
    return QCoreApplication.translate("SyncPage", "站点")


@dataclass(frozen=True)
class SyncState:
    """Everything the page shows, read in one go off the UI thread (frozen dataclasses of msfood.sync)."""

    identity: Any  # msfood.sync.Identity
    peers: list[Any]  # PeerInfo, by code
    histories: dict[str, Any] = field(default_factory=dict)  # code -> PeerHistory
    conflicts: list[Any] = field(default_factory=list)  # ConflictInfo, newest first
    open_conflicts: int = 0
    names: dict[str, str] = field(default_factory=dict)  # id -> what people call the record (in conflicts)

    def active_peers(self) -> list[Any]:
        return [p for p in self.peers if p.revoked_at is None]


def load_state(database: Any, actor: Actor, *, include_resolved: bool = False) -> SyncState:
    """On the worker thread: identity, peers with their histories, and the conflicts."""
    from msfood.sync import count_conflicts, list_conflicts, list_peers, own_identity, peer_history

    with queries.read_sessions(database)() as session:
        identity = own_identity(session)
        peers = list_peers(session, actor=actor)
        histories = {p.code: peer_history(session, actor=actor, code=p.code) for p in peers}
        conflicts = list_conflicts(session, actor=actor, include_resolved=include_resolved)
        waiting = count_conflicts(session, actor=actor)
        names = reference_names(session, conflicts)
    return SyncState(identity, peers, histories, conflicts, waiting, names)


REFERENCES = {"business_id": "businesses", "cadre_id": "cadres"}


def reference_names(session: Any, conflicts: list[Any]) -> dict[str, str]:
    """Names of the regions, businesses and cadres the conflicting versions point at."""
    wanted: dict[str, set[str]] = {}
    for info in conflicts:
        for version in (info.current or {}, info.lost):
            for name, value in version.items():
                if isinstance(value, str) and (name in REFERENCES or name in ("region_id", "parent_id")):
                    wanted.setdefault(REFERENCES.get(name, "regions"), set()).add(value)
    names: dict[str, str] = {}
    if wanted.get("regions"):
        names.update(
            {
                r.id: f"{r.name}（{r.code}）"
                for r in queries.region_choices(session)
                if r.id in wanted["regions"]
            }
        )
    for kind in ("businesses", "cadres"):
        for record_id in sorted(wanted.get(kind, ())):
            row = queries.row_of(session, kind, record_id)
            if row is not None:
                names[record_id] = f"{row.name}（{row.phone}）" if kind == "cadres" else row.name
    return names
