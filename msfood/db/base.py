"""Declarative base, naming convention and the sync columns every synced table carries."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UUID_LEN = 36
HLC_LEN = 64


def key_text(length: int) -> String:
    """Text that sorts byte by byte on every backend, as Python compares it: ids and stamps (a merge
    reads rows in id order and compares stamps as text). COLLATE "C" on PostgreSQL, whatever the
    database's own locale; SQLite's default collation is already binary."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncMixin:
    """ARCHITECTURE.md 'Data': the columns a merge needs. Tables with this mixin travel in bundles.

    `local_seq` is this database's own change counter: never exported, never compared between replicas.
    """

    __synced__ = True

    id: Mapped[str] = mapped_column(key_text(UUID_LEN), primary_key=True)
    hlc: Mapped[str] = mapped_column(key_text(HLC_LEN))
    base_hlc: Mapped[str] = mapped_column(key_text(HLC_LEN), default="")
    origin: Mapped[str] = mapped_column(key_text(32))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime)

    @declared_attr
    def local_seq(cls) -> Mapped[int]:
        return mapped_column(Integer, index=True)


SYNC_COLUMNS = ("id", "hlc", "base_hlc", "origin", "deleted", "entered_at", "local_seq")
# Columns that describe the row's replication state rather than its content.
NON_CONTENT_COLUMNS = frozenset({"hlc", "base_hlc", "origin", "local_seq", "entered_at"})
