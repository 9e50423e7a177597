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
# Statement-level triggers over transition tables: a merge upserts millions of rows with one
# statement, and a row trigger in PL/pgSQL would cost more than the upsert. New records OR their bits
# in; for updated (when a counted column changed) and deleted records the touched months and years
# are recomputed from the records, which is exact whatever else marks the same day.
# record_date is a DATE there; period keys are text and may be malformed in a bundle from elsewhere,
# so their numbers are checked before they are shifted by (PostgreSQL does not define odd shifts).

_PG_KEY_BIT = """CASE WHEN substr({r}.period_key, {at}, 2) ~ '^[0-9][0-9]$'
        AND substr({r}.period_key, {at}, 2)::int BETWEEN 1 AND 53
        THEN 1::bigint << (substr({r}.period_key, {at}, 2)::int - 1) ELSE 0 END"""


def _pg_bits(r: str) -> tuple[str, str, str]:
    day = f"(1::bigint << (extract(day from {r}.record_date)::int - 1))"
    return day, _PG_KEY_BIT.format(r=r, at=7), _PG_KEY_BIT.format(r=r, at=6)


_PG_DAY, _PG_WEEK, _PG_MONTH = _pg_bits("s")


def _pg_add(rows: str) -> str:
    """OR the bits of the live records in `rows` (a transition table) into the rollups."""
    return f"""
    INSERT INTO selfcheck_days AS d (month, business_id, daily, dated)
    SELECT to_char(s.record_date, 'YYYY-MM'), s.business_id,
           COALESCE(bit_or(CASE WHEN s.kind = 'daily' THEN {_PG_DAY} END), 0), bit_or({_PG_DAY})
    FROM {rows} s WHERE NOT s.deleted GROUP BY 1, 2
    ON CONFLICT (month, business_id) DO UPDATE
        SET daily = d.daily | excluded.daily, dated = d.dated | excluded.dated;
    INSERT INTO selfcheck_periods AS p (year, business_id, weeks, months)
    SELECT substr(s.period_key, 1, 4), s.business_id,
           COALESCE(bit_or(CASE WHEN s.kind = 'weekly' THEN {_PG_WEEK} END), 0),
           COALESCE(bit_or(CASE WHEN s.kind = 'monthly' THEN {_PG_MONTH} END), 0)
    FROM {rows} s WHERE NOT s.deleted AND s.kind IN ('weekly', 'monthly') GROUP BY 1, 2
    ON CONFLICT (year, business_id) DO UPDATE
        SET weeks = p.weeks | excluded.weeks, months = p.months | excluded.months;"""


def _pg_recompute(rows: str) -> str:
    """Recompute from the records every month and year the records in `rows` (once live) marked."""
    return f"""
    WITH touched AS (SELECT DISTINCT s.business_id, date_trunc('month', s.record_date)::date AS first
                     FROM {rows} s WHERE NOT s.deleted)
    INSERT INTO selfcheck_days AS d (month, business_id, daily, dated)
    SELECT to_char(t.first, 'YYYY-MM'), t.business_id,
           COALESCE(bit_or(CASE WHEN s.kind = 'daily' THEN {_PG_DAY} END), 0), COALESCE(bit_or({_PG_DAY}), 0)
    FROM touched t LEFT JOIN selfchecks s
      ON s.business_id = t.business_id AND NOT s.deleted
     AND s.record_date >= t.first AND s.record_date < (t.first + interval '1 month')::date
    GROUP BY t.first, t.business_id
    ON CONFLICT (month, business_id) DO UPDATE SET daily = excluded.daily, dated = excluded.dated;
    WITH touched AS (SELECT DISTINCT s.business_id, substr(s.period_key, 1, 4) AS year
                     FROM {rows} s WHERE NOT s.deleted AND s.kind IN ('weekly', 'monthly'))
    INSERT INTO selfcheck_periods AS p (year, business_id, weeks, months)
    SELECT t.year, t.business_id,
           COALESCE(bit_or(CASE WHEN s.kind = 'weekly' THEN {_PG_WEEK} END), 0),
           COALESCE(bit_or(CASE WHEN s.kind = 'monthly' THEN {_PG_MONTH} END), 0)
    FROM touched t LEFT JOIN selfchecks s
      ON s.business_id = t.business_id AND NOT s.deleted AND s.kind IN ('weekly', 'monthly')
     AND s.period_key >= t.year AND s.period_key < t.year || '~'
    GROUP BY t.year, t.business_id
    ON CONFLICT (year, business_id) DO UPDATE SET weeks = excluded.weeks, months = excluded.months;"""


_PG_CHANGED = " OR ".join(
    f"o.{c} IS DISTINCT FROM n.{c}" for c in ("deleted", "kind", "business_id", "record_date", "period_key")
)


def _pg_function(name: str, body: str) -> str:
    return f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $rollup$
BEGIN
{body}
    RETURN NULL;
END
$rollup$"""


PG_TRIGGERS = (
    _pg_function("selfchecks_rollup_insert", _pg_add("changed_new")),
    # only the records whose counted columns changed: a merge rewrites many rows as they were
    _pg_function(
        "selfchecks_rollup_update",
        _pg_recompute(f"(SELECT o.* FROM changed_old o JOIN changed_new n ON n.id = o.id WHERE {_PG_CHANGED})")
        + _pg_recompute(f"(SELECT n.* FROM changed_new n JOIN changed_old o ON o.id = n.id WHERE {_PG_CHANGED})"),
    ),
    _pg_function("selfchecks_rollup_delete", _pg_recompute("changed_old")),
    """CREATE TRIGGER selfchecks_rollup_insert AFTER INSERT ON selfchecks
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION selfchecks_rollup_insert()""",
    """CREATE TRIGGER selfchecks_rollup_update AFTER UPDATE ON selfchecks
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION selfchecks_rollup_update()""",
    """CREATE TRIGGER selfchecks_rollup_delete AFTER DELETE ON selfchecks
    REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION selfchecks_rollup_delete()""",
)
PG_DROP = tuple(
    f"DROP TRIGGER IF EXISTS selfchecks_rollup_{op} ON selfchecks" for op in ("insert", "update", "delete")
) + tuple(f"DROP FUNCTION IF EXISTS selfchecks_rollup_{op}()" for op in ("insert", "update", "delete"))
PG_REBUILD = (
    "DELETE FROM selfcheck_days",
    "DELETE FROM selfcheck_periods",
    *(statement for statement in _pg_add("selfchecks").split(";") if statement.strip()),
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
