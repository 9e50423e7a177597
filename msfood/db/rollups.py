"""The self-check rollups (selfcheck_days, selfcheck_periods): bit sets of the days, weeks and months a
business has records for, kept by triggers on `selfchecks` so that no write path (forms, workbook
imports, bundle merges on either database, restores) can leave them behind.

A quarter's 日管控 coverage at city scale reads 150,000 rollup rows instead of two million records.
Bits are set by OR on insert; a record's bit is cleared on update or tombstone only when no other live
record still marks that day or period (the EXISTS checks), so the sets stay exact whatever the order.

Migration 0002 installs this SQL. It is part of the schema's history: change it only together with a
new revision that drops and reinstalls the triggers and rebuilds the tables.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

# --- SQLite ---------------------------------------------------------------------------------------
# A malformed day or key casts to 0 and shifts by -1, which SQLite defines as 0: no bit.

_DAY_BIT = "(1 << (CAST(substr({r}.record_date, 9, 2) AS INTEGER) - 1))"
_WEEK_BIT = "(1 << (CAST(substr({r}.period_key, 7, 2) AS INTEGER) - 1))"
_MONTH_BIT = "(1 << (CAST(substr({r}.period_key, 6, 2) AS INTEGER) - 1))"


def _sqlite_add(r: str, guard: str) -> str:
    day, week, month = (b.format(r=r) for b in (_DAY_BIT, _WEEK_BIT, _MONTH_BIT))
    return f"""
    INSERT INTO selfcheck_days (business_id, month, daily, dated)
    SELECT {r}.business_id, substr({r}.record_date, 1, 7),
           CASE WHEN {r}.kind = 'daily' THEN {day} ELSE 0 END, {day}
    WHERE {guard}
    ON CONFLICT (month, business_id) DO UPDATE
        SET daily = daily | excluded.daily, dated = dated | excluded.dated;
    INSERT INTO selfcheck_periods (business_id, year, weeks, months)
    SELECT {r}.business_id, substr({r}.period_key, 1, 4),
           CASE WHEN {r}.kind = 'weekly' THEN {week} ELSE 0 END,
           CASE WHEN {r}.kind = 'monthly' THEN {month} ELSE 0 END
    WHERE {guard} AND {r}.kind IN ('weekly', 'monthly')
    ON CONFLICT (year, business_id) DO UPDATE
        SET weeks = weeks | excluded.weeks, months = months | excluded.months;"""


def _sqlite_remove(guard: str) -> str:
    day, week, month = (b.format(r="OLD") for b in (_DAY_BIT, _WEEK_BIT, _MONTH_BIT))
    same_day = "s.business_id = OLD.business_id AND s.record_date = OLD.record_date AND s.deleted = 0"
    same_key = "s.business_id = OLD.business_id AND s.kind = OLD.kind AND s.period_key = OLD.period_key AND s.deleted = 0"
    return f"""
    UPDATE selfcheck_days SET
        daily = CASE WHEN OLD.kind = 'daily' AND NOT EXISTS (
                    SELECT 1 FROM selfchecks s WHERE {same_day} AND s.kind = 'daily')
                THEN daily & ~{day} ELSE daily END,
        dated = CASE WHEN NOT EXISTS (SELECT 1 FROM selfchecks s WHERE {same_day})
                THEN dated & ~{day} ELSE dated END
    WHERE {guard} AND business_id = OLD.business_id AND month = substr(OLD.record_date, 1, 7);
    UPDATE selfcheck_periods SET
        weeks = CASE WHEN OLD.kind = 'weekly' AND NOT EXISTS (SELECT 1 FROM selfchecks s WHERE {same_key})
                THEN weeks & ~{week} ELSE weeks END,
        months = CASE WHEN OLD.kind = 'monthly' AND NOT EXISTS (SELECT 1 FROM selfchecks s WHERE {same_key})
                 THEN months & ~{month} ELSE months END
    WHERE {guard} AND OLD.kind IN ('weekly', 'monthly')
      AND business_id = OLD.business_id AND year = substr(OLD.period_key, 1, 4);"""


_CHANGED = " OR ".join(
    f"OLD.{c} IS NOT NEW.{c}" for c in ("deleted", "kind", "business_id", "record_date", "period_key")
)

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER selfchecks_rollup_insert AFTER INSERT ON selfchecks
    BEGIN {_sqlite_add("NEW", "NEW.deleted = 0")}
    END""",
    f"""CREATE TRIGGER selfchecks_rollup_update AFTER UPDATE ON selfchecks WHEN {_CHANGED}
    BEGIN {_sqlite_remove("OLD.deleted = 0")} {_sqlite_add("NEW", "NEW.deleted = 0")}
    END""",
    f"""CREATE TRIGGER selfchecks_rollup_delete AFTER DELETE ON selfchecks
    BEGIN {_sqlite_remove("OLD.deleted = 0")}
    END""",
)
SQLITE_DROP = tuple(
    f"DROP TRIGGER IF EXISTS selfchecks_rollup_{op}" for op in ("insert", "update", "delete")
)

# SUM(DISTINCT bit) is the OR of the bits: SQLite has no BIT_OR aggregate.
SQLITE_REBUILD = (
    "DELETE FROM selfcheck_days",
    "DELETE FROM selfcheck_periods",
    f"""INSERT INTO selfcheck_days (business_id, month, daily, dated)
    SELECT business_id, substr(record_date, 1, 7),
           COALESCE(SUM(DISTINCT CASE WHEN kind = 'daily' THEN {_DAY_BIT.format(r="selfchecks")} END), 0),
           COALESCE(SUM(DISTINCT {_DAY_BIT.format(r="selfchecks")}), 0)
    FROM selfchecks WHERE deleted = 0 GROUP BY business_id, substr(record_date, 1, 7)""",
    f"""INSERT INTO selfcheck_periods (business_id, year, weeks, months)
    SELECT business_id, substr(period_key, 1, 4),
           COALESCE(SUM(DISTINCT CASE WHEN kind = 'weekly' THEN {_WEEK_BIT.format(r="selfchecks")} END), 0),
           COALESCE(SUM(DISTINCT CASE WHEN kind = 'monthly' THEN {_MONTH_BIT.format(r="selfchecks")} END), 0)
    FROM selfchecks WHERE deleted = 0 AND kind IN ('weekly', 'monthly')
    GROUP BY business_id, substr(period_key, 1, 4)""",
)

# --- PostgreSQL -----------------------------------------------------------------------------------
# record_date is a DATE there; period keys are text and may be malformed in a bundle from elsewhere,
# so their numbers are checked before they are shifted by (PostgreSQL does not define odd shifts).

_PG_KEY_BIT = """CASE WHEN substr({r}.period_key, {at}, 2) ~ '^[0-9][0-9]$'
        AND substr({r}.period_key, {at}, 2)::int BETWEEN 1 AND 53
        THEN 1::bigint << (substr({r}.period_key, {at}, 2)::int - 1) ELSE 0 END"""


def _pg_bits(r: str) -> tuple[str, str, str]:
    day = f"(1::bigint << (extract(day from {r}.record_date)::int - 1))"
    return day, _PG_KEY_BIT.format(r=r, at=7), _PG_KEY_BIT.format(r=r, at=6)


def _pg_function() -> str:
    new_day, new_week, new_month = _pg_bits("NEW")
    old_day, old_week, old_month = _pg_bits("OLD")
    same_day = "s.business_id = OLD.business_id AND s.record_date = OLD.record_date AND NOT s.deleted"
    same_key = "s.business_id = OLD.business_id AND s.kind = OLD.kind AND s.period_key = OLD.period_key AND NOT s.deleted"
    changed = " OR ".join(
        f"OLD.{c} IS DISTINCT FROM NEW.{c}"
        for c in ("deleted", "kind", "business_id", "record_date", "period_key")
    )
    return f"""CREATE FUNCTION selfchecks_rollup() RETURNS trigger LANGUAGE plpgsql AS $rollup$
BEGIN
    IF TG_OP = 'UPDATE' AND NOT ({changed}) THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.deleted THEN
        UPDATE selfcheck_days SET
            daily = CASE WHEN OLD.kind = 'daily' AND NOT EXISTS (
                        SELECT 1 FROM selfchecks s WHERE {same_day} AND s.kind = 'daily')
                    THEN daily & ~{old_day} ELSE daily END,
            dated = CASE WHEN NOT EXISTS (SELECT 1 FROM selfchecks s WHERE {same_day})
                    THEN dated & ~{old_day} ELSE dated END
        WHERE business_id = OLD.business_id AND month = to_char(OLD.record_date, 'YYYY-MM');
        IF OLD.kind IN ('weekly', 'monthly') AND NOT EXISTS (SELECT 1 FROM selfchecks s WHERE {same_key}) THEN
            UPDATE selfcheck_periods SET
                weeks = CASE WHEN OLD.kind = 'weekly' THEN weeks & ~({old_week}) ELSE weeks END,
                months = CASE WHEN OLD.kind = 'monthly' THEN months & ~({old_month}) ELSE months END
            WHERE business_id = OLD.business_id AND year = substr(OLD.period_key, 1, 4);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.deleted THEN
        INSERT INTO selfcheck_days AS d (business_id, month, daily, dated)
        VALUES (NEW.business_id, to_char(NEW.record_date, 'YYYY-MM'),
                CASE WHEN NEW.kind = 'daily' THEN {new_day} ELSE 0 END, {new_day})
        ON CONFLICT (month, business_id) DO UPDATE
            SET daily = d.daily | excluded.daily, dated = d.dated | excluded.dated;
        IF NEW.kind IN ('weekly', 'monthly') THEN
            INSERT INTO selfcheck_periods AS p (business_id, year, weeks, months)
            VALUES (NEW.business_id, substr(NEW.period_key, 1, 4),
                    CASE WHEN NEW.kind = 'weekly' THEN {new_week} ELSE 0 END,
                    CASE WHEN NEW.kind = 'monthly' THEN {new_month} ELSE 0 END)
            ON CONFLICT (year, business_id) DO UPDATE
                SET weeks = p.weeks | excluded.weeks, months = p.months | excluded.months;
        END IF;
    END IF;
    RETURN NULL;
END
$rollup$"""


PG_TRIGGERS = (
    _pg_function(),
    """CREATE TRIGGER selfchecks_rollup AFTER INSERT OR UPDATE OR DELETE ON selfchecks
    FOR EACH ROW EXECUTE FUNCTION selfchecks_rollup()""",
)
PG_DROP = (
    "DROP TRIGGER IF EXISTS selfchecks_rollup ON selfchecks",
    "DROP FUNCTION IF EXISTS selfchecks_rollup()",
)
_PG_DAY, _PG_WEEK, _PG_MONTH = _pg_bits("selfchecks")
PG_REBUILD = (
    "DELETE FROM selfcheck_days",
    "DELETE FROM selfcheck_periods",
    f"""INSERT INTO selfcheck_days (business_id, month, daily, dated)
    SELECT business_id, to_char(record_date, 'YYYY-MM'),
           COALESCE(bit_or(CASE WHEN kind = 'daily' THEN {_PG_DAY} END), 0), bit_or({_PG_DAY})
    FROM selfchecks WHERE NOT deleted GROUP BY business_id, to_char(record_date, 'YYYY-MM')""",
    f"""INSERT INTO selfcheck_periods (business_id, year, weeks, months)
    SELECT business_id, substr(period_key, 1, 4),
           COALESCE(bit_or(CASE WHEN kind = 'weekly' THEN {_PG_WEEK} END), 0),
           COALESCE(bit_or(CASE WHEN kind = 'monthly' THEN {_PG_MONTH} END), 0)
    FROM selfchecks WHERE NOT deleted AND kind IN ('weekly', 'monthly')
    GROUP BY business_id, substr(period_key, 1, 4)""",
)


def _run(conn: Connection, statements: tuple[str, ...]) -> None:
    for sql in statements:
        conn.exec_driver_sql(sql)


def install_triggers(conn: Connection) -> None:
    _run(conn, PG_TRIGGERS if conn.dialect.name == "postgresql" else SQLITE_TRIGGERS)


def drop_triggers(conn: Connection) -> None:
    _run(conn, PG_DROP if conn.dialect.name == "postgresql" else SQLITE_DROP)


def rebuild(conn: Connection) -> None:
    """Recompute both rollups from the records (after a bulk load made with the triggers dropped)."""
    _run(conn, PG_REBUILD if conn.dialect.name == "postgresql" else SQLITE_REBUILD)
