"""Mapped classes: every record kind of DOMAIN.md.

Synced tables carry SyncMixin; their ids are made by the app (msfood.core.ids): deterministic from the
natural key where the record has one (`info["natural_key"]` names it), UUIDv7 otherwise. Enumerations
are stored as the stable codes of msfood.domain.enums. Dates a record describes are `Date`; the time
it was entered is `entered_at` (UTC).

One declarative schema, on purpose over 400 lines: the tables refer to one another by foreign keys
and are read together (by migrations' autogenerate, the merge, the workbook); split by length they
would only scatter one picture across files.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from msfood.db.base import HLC_LEN, UUID_LEN, Base, SyncMixin, key_text

ID = key_text(UUID_LEN)  # ids and the references to them sort byte by byte (msfood.db.base.key_text)


def fk(target: str, **kwargs: object) -> ForeignKey:
    # DEFERRABLE (checked at once unless a transaction defers it): a merge takes a bundle's rows in
    # any order and checks the references at its end (SQLite: PRAGMA defer_foreign_keys; PostgreSQL:
    # SET CONSTRAINTS ALL DEFERRED, which needs deferrable constraints).
    return ForeignKey(target, deferrable=True, initially="IMMEDIATE", **kwargs)  # type: ignore[arg-type]


# --- the unit, its settings and the rules -------------------------------------------------------


class Unit(SyncMixin, Base):
    """A station (监管所) or bureau (市局/县局) that keeps a database and signs bundles."""

    __tablename__ = "units"
    __table_args__ = {"info": {"natural_key": ("code",)}}
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="station")  # station | bureau
    region_code: Mapped[str | None] = mapped_column(String(12))
    sign_public_key: Mapped[str | None] = mapped_column(String(128))
    enc_public_key: Mapped[str | None] = mapped_column(String(128))


class Setting(SyncMixin, Base):
    """A domain setting (DOMAIN.md): JSON value under a stable key. Set by the bureau, synced down."""

    __tablename__ = "settings"
    __table_args__ = {"info": {"natural_key": ("key",)}}
    key: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[str] = mapped_column(Text)


class VisitRule(SyncMixin, Base):
    """How often a cadre of `level` must visit each business it guarantees, from `effective_from` on."""

    __tablename__ = "visit_rules"
    __table_args__ = (
        UniqueConstraint("level", "effective_from"),
        {"info": {"natural_key": ("level", "effective_from")}},
    )
    level: Mapped[str] = mapped_column(String(16))
    effective_from: Mapped[dt.date] = mapped_column(Date)
    count: Mapped[int] = mapped_column(Integer)
    period_type: Mapped[str] = mapped_column(String(16))  # month | quarter | half | year


class ChecklistItem(SyncMixin, Base):
    """One item of a versioned visit checklist (督导检查表)."""

    __tablename__ = "checklist_items"
    __table_args__ = (
        UniqueConstraint("version", "code"),
        {"info": {"natural_key": ("version", "code")}},
    )
    version: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(16))
    area: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(String(400))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Holiday(SyncMixin, Base):
    """A day off or make-up workday for years the calendar library does not know yet."""

    __tablename__ = "holidays"
    __table_args__ = {"info": {"natural_key": ("day",)}}
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    is_workday: Mapped[bool] = mapped_column(Boolean, default=False)
    name: Mapped[str] = mapped_column(String(64), default="")


class FoodCategory(SyncMixin, Base):
    """The national sampling rules' major food classes, as versioned data."""

    __tablename__ = "food_categories"
    __table_args__ = (
        UniqueConstraint("version", "name"),
        {"info": {"natural_key": ("version", "name")}},
    )
    version: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer, default=0)


# --- the roster ---------------------------------------------------------------------------------


class Region(SyncMixin, Base):
    """A division (GB/T 2260 county, 9-digit township, 12-digit village) in the region tree."""

    __tablename__ = "regions"
    __table_args__ = {"info": {"natural_key": ("code",)}}
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[str | None] = mapped_column(ID, fk("regions.id"), index=True)
    code_year: Mapped[int | None] = mapped_column(Integer)
    # Retired (撤销, issue 13): the last day the division is in use. It stays in the tree for the
    # records that point at it, but is no longer offered for new businesses. None: in use.
    retired_on: Mapped[dt.date | None] = mapped_column(Date)


class Business(SyncMixin, Base):
    """A guaranteed food business (包保主体). Grade, high-risk mark and region are current values."""

    __tablename__ = "businesses"
    __table_args__ = (
        Index("ix_businesses_credit_licence", "credit_code", "licence_no"),
        Index("ix_businesses_region_name", "region_id", "name"),
        Index("ix_businesses_name_id", "name", "id"),
        Index("ix_businesses_initials_name", "name_initials", "name", "id"),  # lists sort by pinyin
        {"info": {"natural_key": ("credit_code", "licence_no")}},
    )
    name: Mapped[str] = mapped_column(String(200))
    name_initials: Mapped[str] = mapped_column(String(200), default="", index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18))
    licence_no: Mapped[str | None] = mapped_column(String(64))
    form: Mapped[str] = mapped_column(String(16))
    scale: Mapped[str | None] = mapped_column(String(16))
    risk_grade: Mapped[str | None] = mapped_column(String(1))
    grade: Mapped[str] = mapped_column(String(1))
    high_risk: Mapped[bool] = mapped_column(Boolean, default=False)
    region_id: Mapped[str] = mapped_column(ID, fk("regions.id"))
    address: Mapped[str | None] = mapped_column(String(300))
    principal: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    # ISO weekday digits the business regularly rests on, e.g. "67" for Saturday and Sunday.
    rest_days: Mapped[str] = mapped_column(String(7), default="")
    # None: by its form (Order No. 60); True/False: a per-business override either way.
    owes_selfchecks: Mapped[bool | None] = mapped_column(Boolean)
    # A chain (SAMR Order No. 104): its role (hq/branch/store, msfood.domain.enums.CHAIN_ROLE), its
    # headquarters and, for a store, the branch it answers to. A store's weekly 排查 is met by the
    # branch's records (or the headquarters' where it has no branch), its monthly 调度 by the
    # headquarters'; its daily 管控 stays its own (msfood.metrics.selfchecks).
    chain_role: Mapped[str | None] = mapped_column(String(16))
    # Business ids, not foreign keys: a chain's headquarters may lie outside a station's area and
    # never reach it in a bundle; an id the database lacks only means nobody records for the store.
    chain_hq_id: Mapped[str | None] = mapped_column(ID)
    chain_branch_id: Mapped[str | None] = mapped_column(ID)


class BusinessStatus(SyncMixin, Base):
    """A status that holds from `since` (None: it has always held) until the next one."""

    __tablename__ = "business_statuses"
    __table_args__ = (
        Index("ix_business_statuses_business", "business_id", "since"),
        {"info": {"natural_key": ("business_id", "since")}},
    )
    business_id: Mapped[str] = mapped_column(ID, fk("businesses.id"))
    status: Mapped[str] = mapped_column(String(16))
    since: Mapped[dt.date | None] = mapped_column(Date)


class BusinessClosure(SyncMixin, Base):
    """A dated closure (停业 span, school holiday): the business does not operate from start to end."""

    __tablename__ = "business_closures"
    __table_args__ = (
        Index("ix_business_closures_business", "business_id", "start_date"),
        {"info": {"natural_key": ("business_id", "start_date")}},
    )
    business_id: Mapped[str] = mapped_column(ID, fk("businesses.id"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")


class Cadre(SyncMixin, Base):
    """A guaranteeing cadre (包保干部), matched by mobile number. The level is a current value."""

    __tablename__ = "cadres"
    __table_args__ = (
        Index("ix_cadres_level", "level"),
        Index("ix_cadres_name_id", "name", "id"),
        Index("ix_cadres_initials_name", "name_initials", "name", "id"),  # lists sort by pinyin
        {"info": {"natural_key": ("phone",)}},
    )
    name: Mapped[str] = mapped_column(String(64))
    name_initials: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(11), unique=True)
    level: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(String(100))
    workplace: Mapped[str | None] = mapped_column(String(200))
    region_id: Mapped[str] = mapped_column(ID, fk("regions.id"))


class Assignment(SyncMixin, Base):
    """Cadre guarantees business from start to end (both included; no end: still active)."""

    __tablename__ = "assignments"
    __table_args__ = (
        Index("ix_assignments_business", "business_id", "start_date"),
        Index("ix_assignments_cadre", "cadre_id", "start_date"),
        Index("ix_assignments_start_id", "start_date", "id"),  # list keyset paging
        {"info": {"natural_key": ("cadre_id", "business_id", "start_date")}},
    )
    cadre_id: Mapped[str] = mapped_column(ID, fk("cadres.id"))
    business_id: Mapped[str] = mapped_column(ID, fk("businesses.id"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(200))
    pledge_signed_on: Mapped[dt.date | None] = mapped_column(Date)


# --- the work -----------------------------------------------------------------------------------


class Visit(SyncMixin, Base):
    """A cadre's supervision visit (督导) to a business."""

    __tablename__ = "visits"
    __table_args__ = (
        Index("ix_visits_business_date", "business_id", "visit_date"),
        Index("ix_visits_cadre_date", "cadre_id", "visit_date"),
        # id: list keyset paging; the rest covers the figures' read of a period's visits
        Index("ix_visits_date", "visit_date", "id", "business_id", "cadre_id", "mode", "deleted"),
        {"info": {"natural_key": ("cadre_id", "business_id", "visit_date")}},
    )
    cadre_id: Mapped[str] = mapped_column(ID, fk("cadres.id"))
    business_id: Mapped[str] = mapped_column(ID, fk("businesses.id"))
    visit_date: Mapped[dt.date] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(16))
    remarks: Mapped[str | None] = mapped_column(Text)


class VisitAnswer(SyncMixin, Base):
    """The answer to one checklist item on a visit."""

    __tablename__ = "visit_answers"
    __table_args__ = (
        Index("ix_visit_answers_visit", "visit_id"),
        {"info": {"natural_key": ("visit_id", "item_id")}},
    )
    visit_id: Mapped[str] = mapped_column(ID, fk("visits.id"))
    item_id: Mapped[str] = mapped_column(ID, fk("checklist_items.id"))
    answer: Mapped[str] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(String(400))


class Problem(SyncMixin, Base):
    """A problem found on a visit and its rectification (清单制 + 销号制)."""

    __tablename__ = "problems"
    __table_args__ = (
        Index("ix_problems_visit", "visit_id"),
        Index("ix_problems_deadline", "deadline"),
        {"info": {"natural_key": ("visit_id", "seq")}},
    )
    visit_id: Mapped[str] = mapped_column(ID, fk("visits.id"))
    seq: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)


class SelfCheck(SyncMixin, Base):
    """A business's own 日管控 / 周排查 / 月调度 record. `period_key` is the day, ISO week or month."""

    __tablename__ = "selfchecks"
    __table_args__ = (
        UniqueConstraint("business_id", "kind", "period_key"),
        # The figures read the rollups (selfcheck_days, selfcheck_periods); the issues found, from
        # the few records that found any (migration 0005).
        Index("ix_selfchecks_date_id", "record_date", "id"),  # list keyset paging
        Index(
            "ix_selfchecks_issues", "record_date", "business_id", "issues_found", "deleted",
            sqlite_where=text("deleted = 0 AND issues_found > 0"),
            postgresql_where=text("NOT deleted AND issues_found > 0"),
        ),
        {"info": {"natural_key": ("business_id", "kind", "period_key")}},
    )
    business_id: Mapped[str] = mapped_column(ID, fk("businesses.id"))
    kind: Mapped[str] = mapped_column(String(8))
    record_date: Mapped[dt.date] = mapped_column(Date)
    period_key: Mapped[str] = mapped_column(String(10))
    issues_found: Mapped[int] = mapped_column(Integer, default=0)
    rectified: Mapped[bool | None] = mapped_column(Boolean)
    recorder: Mapped[str | None] = mapped_column(String(64))


class Sampling(SyncMixin, Base):
    """A sampled batch (抽检) with its result and, when it failed, its handling case (核查处置)."""

    __tablename__ = "samplings"
    __table_args__ = (
        Index("ix_samplings_date", "sample_date", "id"),  # id: list keyset paging
        Index("ix_samplings_business", "business_id"),
        Index("ix_samplings_result_date", "result", "result_date"),
        {"info": {"natural_key": ("sample_no",)}},
    )
    sample_no: Mapped[str] = mapped_column(String(64), unique=True)
    business_id: Mapped[str] = mapped_column(ID, fk("businesses.id"))
    sample_date: Mapped[dt.date] = mapped_column(Date)
    sampling_type: Mapped[str] = mapped_column(String(16))
    food_category: Mapped[str] = mapped_column(String(64))
    sample_name: Mapped[str] = mapped_column(String(200))
    batch_info: Mapped[str | None] = mapped_column(String(100))
    lab: Mapped[str | None] = mapped_column(String(200))
    result: Mapped[str] = mapped_column(String(8), default="pending")
    failed_items: Mapped[str | None] = mapped_column(String(400))
    result_date: Mapped[dt.date | None] = mapped_column(Date)
    lab_received_date: Mapped[dt.date | None] = mapped_column(Date)
    disposal: Mapped[str | None] = mapped_column(String(400))
    disposal_closed_on: Mapped[dt.date | None] = mapped_column(Date)
    retest_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    # The day the business received the result (送达): its 7 working days to ask for a retest run
    # from here (食品安全法 art. 88). None: not entered yet, and the retest deadline is not guessed.
    served_date: Mapped[dt.date | None] = mapped_column(Date)
    # An approved extension of the 核查处置 deadline: the new deadline, who approved it and when.
    extended_deadline: Mapped[dt.date | None] = mapped_column(Date)
    extension_approver: Mapped[str | None] = mapped_column(String(64))
    extension_approved_on: Mapped[dt.date | None] = mapped_column(Date)


class SamplingPlan(SyncMixin, Base):
    """The annual number of batches planned for a region."""

    __tablename__ = "sampling_plans"
    __table_args__ = (
        UniqueConstraint("region_id", "year"),
        {"info": {"natural_key": ("region_id", "year")}},
    )
    region_id: Mapped[str] = mapped_column(ID, fk("regions.id"))
    year: Mapped[int] = mapped_column(Integer)
    planned: Mapped[int] = mapped_column(Integer)


class RapidTest(SyncMixin, Base):
    """Rapid tests (快检) of one sample for one item: `batches` tested, `positives` positive."""

    __tablename__ = "rapid_tests"
    __table_args__ = (
        Index("ix_rapid_tests_date", "test_date", "id"),  # id: list keyset paging
        Index("ix_rapid_tests_business", "business_id"),
        {"info": {"natural_key": ("business_id", "test_date", "sample_name", "item")}},
    )
    business_id: Mapped[str] = mapped_column(ID, fk("businesses.id"))
    test_date: Mapped[dt.date] = mapped_column(Date)
    sample_name: Mapped[str] = mapped_column(String(200))
    item: Mapped[str] = mapped_column(String(64))
    batches: Mapped[int] = mapped_column(Integer)
    positives: Mapped[int] = mapped_column(Integer, default=0)
    disposal: Mapped[str | None] = mapped_column(String(400))
    destroyed_kg: Mapped[float | None] = mapped_column()


class AuditEntry(SyncMixin, Base):
    """One change, who made it, before and after; chained by hash per origin (tamper evidence).

    Entries travel in bundles so a receiver can verify a unit's history is continuous.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        UniqueConstraint("origin", "seq"),
        Index("ix_audit_log_record", "record_id"),
    )
    seq: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(16))  # create | update | delete | import | ...
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str | None] = mapped_column(ID)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# --- local tables (never synced) ----------------------------------------------------------------


class SelfCheckDays(Base):
    """Which days of a month a business has self-check records for, as bit sets (bit d-1: day d).

    Derived from `selfchecks` by triggers (migrations 0002 and 0005), never written by the app and never
    synced: the figures count a quarter's 日管控 days and records from 150,000 of these rows instead of
    millions of records. `daily`, `weekly`, `monthly`: days with a record of that kind (at most one
    a day: the natural key is the kind's period); `dated`: days with a record of any kind (平台应用率).
    """

    __tablename__ = "selfcheck_days"
    __table_args__ = {"sqlite_with_rowid": False}  # clustered by month: a quarter is one range
    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # "2026-11"
    business_id: Mapped[str] = mapped_column(ID, primary_key=True)
    daily: Mapped[int] = mapped_column(BigInteger, default=0)
    dated: Mapped[int] = mapped_column(BigInteger, default=0)
    weekly: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    monthly: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class SelfCheckPeriods(Base):
    """Which ISO weeks (周排查) and months (月调度) of a year a business has records for, as bit sets
    keyed by the records' period keys (bit w-1: week w of ISO year `year`; bit m-1: month m).
    Derived by the same triggers as SelfCheckDays."""

    __tablename__ = "selfcheck_periods"
    __table_args__ = {"sqlite_with_rowid": False}
    year: Mapped[str] = mapped_column(String(4), primary_key=True)
    business_id: Mapped[str] = mapped_column(ID, primary_key=True)
    weeks: Mapped[int] = mapped_column(BigInteger, default=0)
    months: Mapped[int] = mapped_column(BigInteger, default=0)



class VisitPlan(Base):
    """A planned visit of the schedule (排期, issue 14): the cadre means to visit the business on `plan_date`.

    Local working notes, never synced (no SyncMixin: bundles and workbooks skip it). Re-planning
    replaces the proposed rows of a period and keeps those a person edited (`edited`)."""

    __tablename__ = "visit_plans"
    __table_args__ = (Index("ix_visit_plans_period_cadre_date", "period_key", "cadre_id", "plan_date"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    period_key: Mapped[str] = mapped_column(String(10))
    cadre_id: Mapped[str] = mapped_column(ID, fk("cadres.id"))
    business_id: Mapped[str] = mapped_column(ID, fk("businesses.id"), index=True)
    # the rule-period the visit counts toward (a monthly rule inside a quarter has three)
    rule_period_key: Mapped[str] = mapped_column(String(10))
    plan_date: Mapped[dt.date] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    edited_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Meta(Base):
    """This database's own facts: its unit code, its clocks and counters, its private keys."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    """An account of this database. Passwords are Argon2id hashes."""

    __tablename__ = "users"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Peer(Base):
    """A trusted (or revoked) unit whose bundles we accept and to which we send."""

    __tablename__ = "peers"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16), default="station")
    region_code: Mapped[str | None] = mapped_column(String(12))
    sign_public_key: Mapped[str] = mapped_column(String(128))
    enc_public_key: Mapped[str | None] = mapped_column(String(128))
    fingerprint: Mapped[str] = mapped_column(String(128))
    trusted_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Highest local_seq of ours the peer has acknowledged; what we sent but it has not confirmed.
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    # Highest of the peer's local_seq we have merged (we acknowledge it in our bundles to the peer).
    received_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_bundle_sent: Mapped[int] = mapped_column(Integer, default=0)
    last_bundle_received: Mapped[int] = mapped_column(Integer, default=0)
    # The received_seq our last bundle to the peer carried (an acknowledgement alone is worth a bundle).
    last_ack_sent: Mapped[int] = mapped_column(Integer, default=0)


class BundleLog(Base):
    """Every bundle made or taken in, so a replay is recognised and gaps can be named."""

    __tablename__ = "bundle_log"
    bundle_id: Mapped[str] = mapped_column(ID, primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))  # in | out
    peer_code: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(400), default="")
    summary: Mapped[str] = mapped_column(Text, default="{}")


class Conflict(Base):
    """A losing concurrent version kept for a person to review. Local: never synced."""

    __tablename__ = "conflicts"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(ID, index=True)
    kept_hlc: Mapped[str] = mapped_column(String(HLC_LEN))
    lost_hlc: Mapped[str] = mapped_column(String(HLC_LEN))
    lost_row: Mapped[str] = mapped_column(Text)
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime)
    bundle_id: Mapped[str | None] = mapped_column(ID)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str | None] = mapped_column(String(16))
    # concurrent: two versions of one record; duplicate: another record already holds the natural key
    # (other_id), so the incoming one was set aside whole.
    reason: Mapped[str] = mapped_column(String(16), default="concurrent")
    other_id: Mapped[str | None] = mapped_column(ID)


class ClosedPeriod(SyncMixin, Base):
    """A period whose figures were reported upward: records dated in it are frozen until reopened."""

    __tablename__ = "closed_periods"
    __table_args__ = {"info": {"natural_key": ("period_key",)}}
    period_key: Mapped[str] = mapped_column(String(10), unique=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    closed: Mapped[bool] = mapped_column(Boolean, default=True)
    closed_by: Mapped[str] = mapped_column(String(64), default="")


class Attachment(Base):
    """A photo or scan, content-addressed by its SHA-256 (bundles carry it under attachments/)."""

    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(64), default="application/octet-stream")
    content: Mapped[bytes] = mapped_column(LargeBinary)
    # When it was stored here (this database's change counter), so bundles send each one once.
    local_seq: Mapped[int] = mapped_column(Integer, default=0, index=True)


def _mark_synced() -> None:
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, SyncMixin):
            mapper.local_table.info["synced"] = True  # type: ignore[union-attr]


_mark_synced()

# Which kind of record a table holds, for ids and messages.
TABLE_KIND = {
    "units": "unit",
    "settings": "setting",
    "visit_rules": "visit_rule",
    "checklist_items": "checklist_item",
    "holidays": "holiday",
    "food_categories": "food_category",
    "regions": "region",
    "businesses": "business",
    "business_statuses": "business_status",
    "business_closures": "business_closure",
    "cadres": "cadre",
    "assignments": "assignment",
    "visits": "visit",
    "visit_answers": "visit_answer",
    "problems": "problem",
    "selfchecks": "selfcheck",
    "samplings": "sampling",
    "sampling_plans": "sampling_plan",
    "rapid_tests": "rapid_test",
    "audit_log": "audit",
    "closed_periods": "closed_period",
}


def synced_tables() -> list:
    """Every synced Table, parents before children (the order a merge inserts in). It lives here, with
    the classes it lists, so that msfood.db.base need not import this module back."""
    return [t for t in Base.metadata.sorted_tables if t.info.get("synced")]
