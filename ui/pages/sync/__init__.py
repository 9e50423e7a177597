"""数据同步 (the sync page): its tabs (exchange, history, trusted units, conflicts) and what they share."""

from ui.pages.sync.page import SyncPage

__all__ = ["SyncPage"]
