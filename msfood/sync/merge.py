"""Merging incoming rows into the database: greater (hlc, origin) wins, concurrent losers are kept.

Rows come sorted by id in chunks, checked column by column (types, ids, stamps, and the values the
forms allow: msfood.sync.rules), then judged by the sender's authority (msfood.sync.authority): rows
it may not change here are set aside into the conflicts table, or noted to refuse the bundle. A chunk
of records the database lacks, the usual case, is inserted at once with no lookups (SQLite undoes
only the statement that meets a row it holds: the rows before it stay, and the rest of the chunk
takes the careful path below).
Otherwise the local versions' sync columns are read by id, each record we hold is decided in Python,
and the winners are written with one executemany upsert (INSERT ... ON CONFLICT (id) DO UPDATE).
On SQLite the rows are bound as SQLite stores them, through the DB-API cursor of the session's own
connection (same transaction); on other databases through their backend (msfood.sync.backends).

Decision for an incoming version I against the local version L of the same id:
- no L: I is new;  I.hlc == L.hlc: unchanged;  otherwise the greater hlc wins (stamps end with the
  unit code, so comparing the text compares (hlc, origin)).
- the loser goes to the conflicts table unless the winner was made on it: the winner's base_hlc is
  the loser's hlc, or both came from the same unit (a unit's own versions of a record follow each
  other; had a concurrent version replaced its earlier one there, that unit recorded the conflict),
  or the winner was made on a version of the loser's unit no older than the loser. A loser with the
  same content as the winner is no conflict either (two units seeding the same defaults).
Merged rows keep their hlc, base_hlc, origin and entered_at and take a fresh local_seq, so they
travel on to other peers. An incoming row that would take a natural key another local record holds
is set aside whole (a "duplicate" conflict), as are rows pointing at a set-aside row.

Over 400 lines on purpose: one class, one path per chunk (check, authorise, decide, write) whose steps
share the chunk's state; what the losers become is already apart (msfood.sync.merge_conflicts), and
cutting the path itself would only make one decision harder to follow.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, and_, exists, select

from msfood.core.hlc import DAY_MS, MS_WIDTH, PREFIX_WIDTH, is_hlc, unit_of
from msfood.services.writing import guards
from msfood.services.writing.unit_of_work import UnitOfWork
from msfood.sync import codec, rules
from msfood.sync.authority import MAX_NAMED, REFUSE, Authority, NotAllowed, Verdict
from msfood.sync.backends import make_backend
from msfood.sync.bundle_format import refuse
from msfood.sync.merge_conflicts import ConflictKeeping, Counts, concurrent

CHUNK = 8000  # rows per lookup and write: 8,000 ids, or 32,000 values of a 4-column key (SQLite takes 32,766)
# Lines of HLC stamps: 19 digits (ms and counter), then the unit code, ASCII.
_STAMPS = re.compile(rf"(?:[0-9]{{{PREFIX_WIDTH}}}[\x21-\x7e]+\n)*")
MAX_MISSING_SHOWN = 10


# --- the merger ---------------------------------------------------------------------------------


@dataclass
class TableInput:
    """One table's incoming rows: their columns (after any upgrade) and the rows, in blocks of
    (rows, typed): `typed` when the typed decoder (codec.block_decoder) checked the block already."""

    table: Table
    columns: list[str]
    blocks: Iterable[tuple[list[Sequence[Any]], bool]]
    fill: list[tuple[str, Any]] = field(default_factory=list)  # missing columns and their values
    expected: int | None = None  # how many rows the manifest announced (checked at the end)


class Merger(ConflictKeeping):
    """Merges the tables of one bundle inside the caller's transaction (the unit of work's)."""

    def __init__(
        self,
        uow: UnitOfWork,
        *,
        file_name: str,
        bundle_id: str,
        now_ms: int,
        prefer_core: bool = False,
        authority: Authority | None = None,
    ) -> None:
        self.uow = uow
        self.authority = authority
        self.not_allowed: list[Verdict] = []  # the first rows refused for their sender (named)
        self.not_allowed_count = 0
        self.session = uow.session
        self.file_name = file_name
        self.bundle_id = bundle_id
        self.limit = f"{now_ms + DAY_MS:0{MS_WIDTH}d}"
        self.backend = make_backend(self.session, prefer_core=prefer_core)
        if authority is not None:
            authority.fetch = self.backend.fetch_full
        self.start_seq = uow.local_seq
        self.by_table: dict[str, Counts] = {}
        self.max_hlc = ""
        self.set_aside: dict[str, set[str]] = {}
        self.written: set[str] = set()
        self._conflicts: list[dict[str, Any]] = []
        self.offences: list[rules.Offence] = []  # the first MAX_NAMED values the forms would refuse
        self.offence_count = 0
        self.audit_origins: set[str] = set()  # whose history this bundle added to (services.history.audit counters)

    def totals(self) -> Counts:
        total = Counts()
        for counts in self.by_table.values():
            total.add(counts)
        return total

    # --- one table ------------------------------------------------------------------------------

    def merge_table(self, incoming: TableInput) -> Iterator[int]:
        """Merge one table's rows; yields the number of rows done after each chunk."""
        table = incoming.table
        columns = list(incoming.columns) + [name for name, _ in incoming.fill]
        kinds_by_name = codec.kinds_of(table)
        kinds = [kinds_by_name[c] for c in columns]
        required = [i for i, name in enumerate(columns) if not table.c[name].nullable]
        check = codec.column_checker(kinds, required)
        row_rules = rules.RowRules(table, columns)
        fill = tuple(value for _, value in incoming.fill)
        index = {name: i for i, name in enumerate(columns)}
        counts = self.by_table.setdefault(table.name, Counts())
        width = len(incoming.columns)
        done = 0
        previous = [""]  # the last id of the chunk before (ids ascend across the whole member)
        try:
            for block, typed in incoming.blocks:
                for start in range(0, len(block), CHUNK):
                    chunk: list[tuple[Any, ...]] = block[start : start + CHUNK]  # type: ignore[assignment]
                    before, done = done, done + len(chunk)
                    if not typed:
                        if any(n != width for n in map(len, chunk)):
                            bad = next(i for i, v in enumerate(chunk) if len(v) != width)
                            raise self._bad_row(table, before + 1 + bad)
                        chunk = list(map(tuple, chunk))
                    if fill:
                        chunk = [row + fill for row in chunk]
                    chunk, by_column = self._check_chunk(
                        table, chunk, list(zip(*chunk, strict=True)), index, check, typed, before, previous
                    )
                    # Per-column rules: in the typed decoder already, else here; the cross-column one here.
                    check_rules = row_rules.check_periods if typed else row_rules.check
                    found = check_rules(chunk, by_column)
                    if found:
                        self.offence_count += len(found)
                        self.offences.extend(found[: rules.MAX_NAMED - len(self.offences)])
                    if self.authority is not None and not self.offence_count:
                        chunk, by_column = self._authorise(table, columns, index, chunk, by_column, counts)
                    if table.name == "audit_log" and chunk:
                        self.audit_origins.update(by_column[index["origin"]])
                    if not self.offence_count and not self.not_allowed_count and chunk:
                        # else refused at the end: read on to name every record
                        if self.backend.python_values:
                            chunk = [tuple(codec.to_python(kinds, values)) for values in chunk]
                            by_column = list(zip(*chunk, strict=True))
                        self._merge_chunk(table, columns, index, chunk, by_column, counts)
                    yield done
        finally:  # refused half-way: the member's reader closes its file now, not at some later GC
            close = getattr(incoming.blocks, "close", None)
            if close is not None:
                close()
        if incoming.expected is not None and done != incoming.expected:
            raise refuse("bundle.count_mismatch", file=self.file_name, member=f"data/{table.name}.jsonl")
        if self.authority is not None:
            self.authority.merged(table.name)
        yield done

    def check_values(self) -> None:
        """Refuse the bundle when any row held a value the forms would refuse, or a row its sender may
        never write here (msfood.sync.authority), naming the records; and a region tree with a loop."""
        if self.offence_count:
            raise rules.BadValues(self.file_name, self.offences, self.offence_count)
        if self.not_allowed_count:
            raise NotAllowed(self.file_name, self.not_allowed, self.not_allowed_count)
        if "regions" in self.written:
            loop = rules.region_loop(self.session)
            if loop:
                raise refuse("authority.region_loop", file=self.file_name, regions=" -> ".join(loop))

    def _authorise(
        self,
        table: Table,
        columns: list[str],
        index: dict[str, int],
        chunk: list[tuple[Any, ...]],
        by_column: list[tuple[Any, ...]],
        counts: Counts,
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """Leave out the rows the sender may not write here: set aside (kept in conflicts with the
        version held, if any) or noted for refusal (msfood.sync.authority says which and why)."""
        assert self.authority is not None
        verdicts = self.authority.judge(self.session, table, index, chunk)
        if not verdicts:
            return chunk, by_column
        refused = [v for v in verdicts if v.action == REFUSE]
        if refused:
            self.not_allowed_count += len(refused)
            self.not_allowed.extend(refused[: MAX_NAMED - len(self.not_allowed)])
        aside = {v.record_id: v for v in verdicts if v.action != REFUSE}
        if aside:
            held = self.backend.fetch_sync(table, sorted(aside))
            if held:  # the same content under another stamp (defaults every unit seeds) changes nothing
                content = self._content(table)
                full = self.backend.fetch_full(table, codec.exported_columns(table), sorted(held))
                for row in chunk:
                    record_id = row[index["id"]]
                    if record_id in held and record_id in aside:
                        mine = codec.row_to_json(table, full[record_id])
                        theirs = codec.row_to_json(table, {c: row[index[c]] for c in columns})
                        if all(mine.get(c) == theirs.get(c) for c in content):
                            del aside[record_id]
                verdicts = [v for v in verdicts if v.action == REFUSE or v.record_id in aside]
            for row in chunk:
                record_id = row[index["id"]]
                verdict = aside.get(record_id)
                if verdict is None:
                    continue
                lost = {c: row[index[c]] for c in columns}
                kept = held[record_id][0] if record_id in held else ""
                self._add_conflict(table, record_id, kept, lost, reason=verdict.reason)
                counts.set_aside += 1
                counts.conflicts += 1
                if record_id not in held:  # rows pointing at it are set aside with it
                    self.set_aside.setdefault(table.name, set()).add(record_id)
            self._flush_conflicts()
        drop = {v.record_id for v in verdicts}
        kept_rows = [row for row in chunk if row[index["id"]] not in drop]
        return kept_rows, (list(zip(*kept_rows, strict=True)) if kept_rows else [])

    def _bad_row(self, table: Table, row: int) -> Exception:
        return refuse("bundle.bad_row", file=self.file_name, member=f"data/{table.name}.jsonl", row=row)

    def _check_chunk(
        self,
        table: Table,
        chunk: list[tuple[Any, ...]],
        by_column: list[tuple[Any, ...]],
        index: dict[str, int],
        check: Any,
        typed: bool,
        before: int,
        previous: list[str],
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """Every value fits its column, ids are text and strictly ascending, stamps are stamps of the
        unit named as origin, and none is more than a day ahead of our clock. Returns the chunk (and
        its columns) with values in the form SQLite stores them."""
        try:
            fixes = check(by_column, typed)
        except codec.BadValue as exc:
            raise self._bad_row(table, before + exc.row + 1) from exc
        if fixes:  # a date-time given with its time zone, say: stored as UTC text
            rows = [list(values) for values in chunk]
            for i, fixed in fixes.items():
                for changed in rows:
                    if changed[i] in fixed:
                        changed[i] = fixed[changed[i]]
            chunk = list(map(tuple, rows))
            by_column = list(zip(*chunk, strict=True))
        ids = by_column[index["id"]]
        stamps = by_column[index["hlc"]]
        bases = by_column[index["base_hlc"]]
        origins = by_column[index["origin"]]
        ordered = [previous[0], *ids]
        given = [b for b in bases if b]
        lengths = list(map(len, ids))
        fine = (  # whole columns at C speed; the slow loop below only names the first bad row
            min(lengths) > 0
            and max(lengths) <= 36
            and all(map(operator.lt, ordered, ids))
            and list(map(len, stamps)) == [PREFIX_WIDTH + n for n in map(len, origins)]
            and all(map(str.endswith, stamps, origins))
            and _STAMPS.fullmatch("\n".join(stamps) + "\n") is not None
            and (not given or _STAMPS.fullmatch("\n".join(given) + "\n") is not None)
        )
        if not fine:
            for n, values in enumerate(chunk):  # name the first bad row
                record_id, stamp, base = values[index["id"]], values[index["hlc"]], values[index["base_hlc"]]
                prior = ordered[n]
                if not (
                    0 < len(record_id) <= 36
                    and prior < record_id
                    and is_hlc(stamp)
                    and unit_of(stamp) == values[index["origin"]]
                    and (base == "" or is_hlc(base))
                ):
                    raise self._bad_row(table, before + n + 1)
        latest = max(stamps)
        if latest[:MS_WIDTH] > self.limit:
            row = chunk[stamps.index(latest)]
            raise refuse(
                "bundle.clock_ahead",
                file=self.file_name,
                table=table.name,
                record=row[index["id"]],
                origin=row[index["origin"]],
            )
        if latest > self.max_hlc:
            self.max_hlc = latest
        previous[0] = ids[-1]
        return chunk, by_column

    def _merge_chunk(
        self,
        table: Table,
        columns: list[str],
        index: dict[str, int],
        chunk: list[tuple[Any, ...]],
        by_column: list[tuple[Any, ...]],
        counts: Counts,
    ) -> None:
        done = self._insert_new(table, columns, chunk, counts)
        if done == len(chunk):
            return
        if done:
            chunk, by_column = chunk[done:], [values[done:] for values in by_column]
        i_hlc, i_base, i_origin = index["hlc"], index["base_hlc"], index["origin"]
        ids = by_column[index["id"]]
        local = self.backend.fetch_sync(table, list(ids))
        writes = chunk
        counts.new += len(chunk) - len(local)
        if local:  # decide only the records we hold (new ones are simply written)
            i_id = index["id"]
            position = dict(zip(ids, range(len(ids)), strict=True))
            skip: set[str] = set()
            lost_local: dict[str, tuple[Any, ...]] = {}  # id -> winning incoming row
            lost_incoming: dict[str, tuple[Any, ...]] = {}  # id -> losing incoming row
            for record_id, mine in local.items():
                row = chunk[position[record_id]]
                theirs = (row[i_hlc], row[i_base], row[i_origin])
                if theirs[0] == mine[0]:
                    counts.unchanged += 1
                    skip.add(record_id)
                elif theirs[0] > mine[0]:
                    counts.updated += 1
                    if concurrent(theirs, mine):
                        lost_local[record_id] = row
                else:
                    counts.unchanged += 1
                    skip.add(record_id)
                    if concurrent(mine, theirs):
                        lost_incoming[record_id] = row
            if lost_local or lost_incoming:
                self._record_conflicts(table, columns, index, local, lost_local, lost_incoming, counts)
            if skip:
                writes = [row for row in chunk if row[i_id] not in skip]
        writes = self._set_aside_duplicates(
            table, columns, index, writes, by_column if writes is chunk else None, local, counts
        )
        if writes and guards.closes_anything(self.uow):
            # A bundle must not change a period already reported upward: refused whole, records named.
            guards.check_incoming_rows(self.uow, table, [dict(zip(columns, r, strict=True)) for r in writes])
        if writes:
            seq = self.uow.local_seq
            self.uow.local_seq = seq + len(writes)
            numbered = map(operator.add, writes, zip(range(seq + 1, seq + 1 + len(writes)), strict=True))
            self.backend.upsert(table, columns + ["local_seq"], numbered)
            self.written.add(table.name)
        self._flush_conflicts()

    def _insert_new(
        self, table: Table, columns: list[str], chunk: list[tuple[Any, ...]], counts: Counts
    ) -> int:
        """The fast path for records the database lacks (the usual bundle): rows inserted in order
        with no lookups first, until one is not new (its id or a natural key it takes is held); the
        rest are decided row by row. Returns how many were inserted. The rows before the first that
        is not new are exactly those the careful path would write as new, in the same order."""
        insert_new = getattr(self.backend, "insert_new", None)
        if insert_new is None or any(self.set_aside.get(fk.column.table.name) for fk in table.foreign_keys):
            return 0
        seq = self.uow.local_seq
        numbered = list(map(operator.add, chunk, zip(range(seq + 1, seq + 1 + len(chunk)), strict=True)))
        done: int = insert_new(table, columns + ["local_seq"], numbered)
        if done:
            self.uow.local_seq = seq + done
            counts.new += done
            self.written.add(table.name)
            if guards.closes_anything(self.uow):  # refused whole (rolled back) if any is in a closed period
                rows = [dict(zip(columns, r, strict=True)) for r in chunk[:done]]
                guards.check_incoming_rows(self.uow, table, rows, new=True)
        return done

    # --- the end --------------------------------------------------------------------------------

    def check_foreign_keys(self, tables: dict[str, Table]) -> None:
        """Rows merged here must point at records the database holds; refuse naming the missing ones."""
        missing: list[str] = []
        for name in sorted(self.written):
            table = tables[name]
            for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
                parent = fk.column.table
                column = fk.parent
                alias = parent.alias("p")
                query = (
                    select(table.c.id, column)
                    .where(
                        and_(
                            table.c.local_seq > self.start_seq,
                            column.isnot(None),
                            ~exists().where(alias.c.id == column),
                        )
                    )
                    .limit(MAX_MISSING_SHOWN)
                )
                for record_id, parent_id in self.session.execute(query):
                    missing.append(f"{name} {record_id} -> {parent.name} {parent_id}")
                if len(missing) >= MAX_MISSING_SHOWN:
                    break
        if missing:
            raise refuse(
                "bundle.missing_parents", file=self.file_name, items="; ".join(missing[:MAX_MISSING_SHOWN])
            )
