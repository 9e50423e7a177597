"""The self-check rollups (selfcheck_days, selfcheck_periods): bit sets of the days, weeks and months a
business has records for, kept by triggers on `selfchecks` so that no write path (forms, workbook
imports, bundle merges on either database, restores) can leave them behind.

A quarter's 日管控 coverage at city scale reads 150,000 rollup rows instead of two million records.
Bits are set by OR on insert; a record's bit is cleared on update or tombstone only when no other live
record still marks that day or period (the EXISTS checks), so the sets stay exact whatever the order.

selfcheck_days has a column per record kind (the days with a record of that kind) and `dated` (any
kind). A business has at most one record of a kind per day (the natural key is the kind's period,
which the record's day names), so a window's record count of a kind is a masked bit count.

The SQL is part of the schema's history: migration 0002 installed it with the daily column alone
(`DAY_KINDS_0002`), migration 0005 with every kind. Change it only together with a new revision that
drops and reinstalls the triggers and rebuilds the tables, passing the columns its revision has.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

# The record kinds with a day column of their own in selfcheck_days, per revision.
DAY_KINDS_0002: tuple[str, ...] = ("daily",)
DAY_KINDS: tuple[str, ...] = ("daily", "weekly", "monthly")

# --- SQLite ---------------------------------------------------------------------------------------
# A malformed day or key casts to 0 and shifts by -1, which SQLite defines as 0: no bit.

_DAY_BIT = "(1 << (CAST(substr({r}.record_date, 9, 2) AS INTEGER) - 1))"
_WEEK_BIT = "(1 << (CAST(substr({r}.period_key, 7, 2) AS INTEGER) - 1))"
_MONTH_BIT = "(1 << (CAST(substr({r}.period_key, 6, 2) AS INTEGER) - 1))"


def _sqlite_add(r: str, guard: str, kinds: tuple[str, ...]) -> str:
    day, week, month = (b.format(r=r) for b in (_DAY_BIT, _WEEK_BIT, _MONTH_BIT))
    columns = ", ".join(kinds)
    values = ", ".join(f"CASE WHEN {r}.kind = '{kind}' THEN {day} ELSE 0 END" for kind in kinds)
    merged = ", ".join(f"{kind} = {kind} | excluded.{kind}" for kind in kinds)
    return f"""
    INSERT INTO selfcheck_days (business_id, month, {columns}, dated)
    SELECT {r}.business_id, substr({r}.record_date, 1, 7), {values}, {day}
    WHERE {guard}
    ON CONFLICT (month, business_id) DO UPDATE
        SET {merged}, dated = dated | excluded.dated;
    INSERT INTO selfcheck_periods (business_id, year, weeks, months)
    SELECT {r}.business_id, substr({r}.period_key, 1, 4),
           CASE WHEN {r}.kind = 'weekly' THEN {week} ELSE 0 END,
           CASE WHEN {r}.kind = 'monthly' THEN {month} ELSE 0 END
    WHERE {guard} AND {r}.kind IN ('weekly', 'monthly')
    ON CONFLICT (year, business_id) DO UPDATE
        SET weeks = weeks | excluded.weeks, months = months | excluded.months;"""


def _sqlite_remove(guard: str, kinds: tuple[str, ...]) -> str:
    day, week, month = (b.format(r="OLD") for b in (_DAY_BIT, _WEEK_BIT, _MONTH_BIT))
    same_day = "s.business_id = OLD.business_id AND s.record_date = OLD.record_date AND s.deleted = 0"
    same_key = "s.business_id = OLD.business_id AND s.kind = OLD.kind AND s.period_key = OLD.period_key AND s.deleted = 0"
    per_kind = "".join(
        f"""
        {kind} = CASE WHEN OLD.kind = '{kind}' AND NOT EXISTS (
                    SELECT 1 FROM selfchecks s WHERE {same_day} AND s.kind = '{kind}')
                THEN {kind} & ~{day} ELSE {kind} END,"""
        for kind in kinds
    )
    return f"""
    UPDATE selfcheck_days SET{per_kind}
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


def _sqlite_triggers(kinds: tuple[str, ...]) -> tuple[str, ...]:
    return (
        f"""CREATE TRIGGER selfchecks_rollup_insert AFTER INSERT ON selfchecks
    BEGIN {_sqlite_add("NEW", "NEW.deleted = 0", kinds)}
    END""",
        f"""CREATE TRIGGER selfchecks_rollup_update AFTER UPDATE ON selfchecks WHEN {_CHANGED}
    BEGIN {_sqlite_remove("OLD.deleted = 0", kinds)} {_sqlite_add("NEW", "NEW.deleted = 0", kinds)}
    END""",
        f"""CREATE TRIGGER selfchecks_rollup_delete AFTER DELETE ON selfchecks
    BEGIN {_sqlite_remove("OLD.deleted = 0", kinds)}
    END""",
    )


SQLITE_DROP = tuple(
    f"DROP TRIGGER IF EXISTS selfchecks_rollup_{op}" for op in ("insert", "update", "delete")
)


def _sqlite_rebuild(kinds: tuple[str, ...]) -> tuple[str, ...]:
    # SUM(DISTINCT bit) is the OR of the bits: SQLite has no BIT_OR aggregate.
    day = _DAY_BIT.format(r="selfchecks")
    per_kind = ", ".join(f"COALESCE(SUM(DISTINCT CASE WHEN kind = '{kind}' THEN {day} END), 0)" for kind in kinds)
    return (
        "DELETE FROM selfcheck_days",
        "DELETE FROM selfcheck_periods",
        f"""INSERT INTO selfcheck_days (business_id, month, {", ".join(kinds)}, dated)
    SELECT business_id, substr(record_date, 1, 7), {per_kind}, COALESCE(SUM(DISTINCT {day}), 0)
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


def _pg_day_columns(kinds: tuple[str, ...]) -> tuple[str, str]:
    """The day columns' names and their bit_or over the records `s`, for an INSERT ... SELECT."""
    values = ", ".join(f"COALESCE(bit_or(CASE WHEN s.kind = '{kind}' THEN {_PG_DAY} END), 0)" for kind in kinds)
    return ", ".join(kinds), values


def _pg_add(rows: str, kinds: tuple[str, ...]) -> str:
    """OR the bits of the live records in `rows` (a transition table) into the rollups."""
    columns, values = _pg_day_columns(kinds)
    merged = ", ".join(f"{kind} = d.{kind} | excluded.{kind}" for kind in kinds)
    return f"""
    INSERT INTO selfcheck_days AS d (month, business_id, {columns}, dated)
    SELECT to_char(s.record_date, 'YYYY-MM'), s.business_id, {values}, bit_or({_PG_DAY})
    FROM {rows} s WHERE NOT s.deleted GROUP BY 1, 2
    ON CONFLICT (month, business_id) DO UPDATE
        SET {merged}, dated = d.dated | excluded.dated;
    INSERT INTO selfcheck_periods AS p (year, business_id, weeks, months)
    SELECT substr(s.period_key, 1, 4), s.business_id,
           COALESCE(bit_or(CASE WHEN s.kind = 'weekly' THEN {_PG_WEEK} END), 0),
           COALESCE(bit_or(CASE WHEN s.kind = 'monthly' THEN {_PG_MONTH} END), 0)
    FROM {rows} s WHERE NOT s.deleted AND s.kind IN ('weekly', 'monthly') GROUP BY 1, 2
    ON CONFLICT (year, business_id) DO UPDATE
        SET weeks = p.weeks | excluded.weeks, months = p.months | excluded.months;"""


def _pg_recompute(rows: str, kinds: tuple[str, ...]) -> str:
    """Recompute from the records every month and year the records in `rows` (once live) marked."""
    columns, values = _pg_day_columns(kinds)
    replaced = ", ".join(f"{kind} = excluded.{kind}" for kind in kinds)
    return f"""
    WITH touched AS (SELECT DISTINCT s.business_id, date_trunc('month', s.record_date)::date AS first
                     FROM {rows} s WHERE NOT s.deleted)
    INSERT INTO selfcheck_days AS d (month, business_id, {columns}, dated)
    SELECT to_char(t.first, 'YYYY-MM'), t.business_id, {values}, COALESCE(bit_or({_PG_DAY}), 0)
    FROM touched t LEFT JOIN selfchecks s
      ON s.business_id = t.business_id AND NOT s.deleted
     AND s.record_date >= t.first AND s.record_date < (t.first + interval '1 month')::date
    GROUP BY t.first, t.business_id
    ON CONFLICT (month, business_id) DO UPDATE SET {replaced}, dated = excluded.dated;
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


def _pg_triggers(kinds: tuple[str, ...]) -> tuple[str, ...]:
    old = f"(SELECT o.* FROM changed_old o JOIN changed_new n ON n.id = o.id WHERE {_PG_CHANGED})"
    new = f"(SELECT n.* FROM changed_new n JOIN changed_old o ON o.id = n.id WHERE {_PG_CHANGED})"
    return (
        _pg_function("selfchecks_rollup_insert", _pg_add("changed_new", kinds)),
        # only the records whose counted columns changed: a merge rewrites many rows as they were
        _pg_function("selfchecks_rollup_update", _pg_recompute(old, kinds) + _pg_recompute(new, kinds)),
        _pg_function("selfchecks_rollup_delete", _pg_recompute("changed_old", kinds)),
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


def _pg_rebuild(kinds: tuple[str, ...]) -> tuple[str, ...]:
    statements = _pg_add("selfchecks", kinds).split(";")
    return ("DELETE FROM selfcheck_days", "DELETE FROM selfcheck_periods", *(s for s in statements if s.strip()))


def _run(conn: Connection, statements: tuple[str, ...]) -> None:
    for sql in statements:
        conn.exec_driver_sql(sql)


def _postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def install_triggers(conn: Connection, *, kinds: tuple[str, ...] = DAY_KINDS) -> None:
    """The triggers, writing the day columns `kinds` (a migration passes its revision's)."""
    _run(conn, _pg_triggers(kinds) if _postgres(conn) else _sqlite_triggers(kinds))


def drop_triggers(conn: Connection) -> None:
    _run(conn, PG_DROP if _postgres(conn) else SQLITE_DROP)


def rebuild(conn: Connection, *, kinds: tuple[str, ...] = DAY_KINDS) -> None:
    """Recompute both rollups from the records (after a bulk load made with the triggers dropped)."""
    _run(conn, _pg_rebuild(kinds) if _postgres(conn) else _sqlite_rebuild(kinds))
