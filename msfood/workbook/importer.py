"""Importing a workbook: every sheet read, every row checked, all written in one transaction or none.

`import_workbook` is a generator: it yields `Progress` between batches of rows (so the UI can show it
and cancel by closing the generator: the transaction is rolled back and nothing is written) and
returns an `ImportResult`, or raises `WorkbookRefused` naming every bad cell. Sheets are read parents
first (regions, businesses, cadres, then what refers to them), so a file's own rows resolve. Rows
are cleaned by msfood.services.records (the same rules as the forms) in batches: the references of a
batch are fetched in a few queries, and cleaned rows are written with bulk upserts as they come
(also after a first error: writing is what finds a record dated in a closed period); with any error
the transaction is rolled back at the end and nothing is kept.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from msfood.core.clock import Clock
from msfood.core.collector import relaxed_collector
from msfood.core.errors import ConflictError, EnvironmentProblem, MsfoodError, NothingToDo, ValidationError
from msfood.core.ids import natural_id
from msfood.core.plain_reason import plain_reason
from msfood.core.progress import Progress
from msfood.db.engine import Database
from msfood.i18n import field_label, t
from msfood.services.backups.backup import backup_before
from msfood.services.records.applying import apply
from msfood.services.records.refs import Refs
from msfood.services.records.specs import KIND_TABLE, clean
from msfood.services.records.values import digits_text
from msfood.services.writing.permissions import Actor
from msfood.services.writing.transaction import unit_of_work
from msfood.services.writing.unit_of_work import UnitOfWork
from msfood.workbook.headers import (
    cell_name,
    check_merged_header,
    column_title,
    find_header,
    known_headers,
    map_header,
    plan_sheets,
)
from msfood.workbook.readers import Reader, is_blank, open_reader
from msfood.workbook.result import ImportResult, ImportState, RowIssue, WorkbookRefused
from msfood.workbook.schema import SHEETS, Sheet, clean_header, sheet_for
from msfood.workbook.xlsx_rows import Uncomputed

READ_BATCH = 1000  # rows cleaned per reference prefetch (and per progress step)
WRITE_BATCH = 5000  # cleaned rows per bulk write


class _DryRun(Exception):
    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


def import_workbook(
    database: Database,
    path: str | Path,
    *,
    actor: Actor,
    clock: Clock,
    dry_run: bool = False,
) -> Generator[Progress, None, ImportResult]:
    """Import a workbook (.xlsx, .xls, or a CSV folder) all or nothing; see the module docstring."""

    reader = open_reader(path)
    try:
        with relaxed_collector():  # an import holds tens of thousands of objects
            plan, warnings = plan_sheets(reader)
            if not plan:  # nothing to import is no success: most likely the wrong file, or renamed sheets
                found = "、".join(reader.sheet_names()) or "-"
                sheets = "、".join(s.name for s in SHEETS)
                issue = RowIssue("", None, "", "workbook.no_known_sheet", {"found": found, "sheets": sheets})
                raise WorkbookRefused(ImportResult(dry_run=dry_run, errors=(issue,)))
            state = ImportState()
            for warning in warnings:
                state.warnings.append(warning)
            total = sum(max(0, reader.estimate(name) - 1) for _, _, name in plan)
            yield Progress(0, total, t("workbook.progress_read", sheet=plan[0][2]))
            # A workbook with nothing below its headers (the blank template) changes nothing: no backup
            # to crowd out the useful ones (only the last few are kept).
            backup = None if dry_run or not _holds_rows(reader, plan) else backup_before(database, "import")
            try:
                with unit_of_work(database.sessions, actor=actor, clock=clock) as uow:
                    refs = Refs(uow.session, today=clock.current_date())
                    for sheet, _part, name in plan:
                        yield from _import_sheet(reader, sheet, name, state, uow, refs, actor, total)
                    yield from _write(state, uow, total, "")
                    if not state.done and not state.errors:  # an empty template, or only headers
                        raise NothingToDo("excel_path.empty_workbook", sheets="、".join(n for _, _, n in plan))
                    result = ImportResult(
                        new=state.counts["new"],
                        updated=state.counts["updated"],
                        unchanged=state.counts["unchanged"],
                        rows=state.done,
                        dry_run=dry_run,
                        warnings=tuple(state.warnings),
                        errors=tuple(state.errors),
                        by_sheet=dict(state.by_sheet),
                        backup=str(backup) if backup else None,
                        errors_left_off=state.errors.left_off,
                        warnings_left_off=state.warnings.left_off,
                    )
                    if state.errors:
                        raise WorkbookRefused(result)  # rolls the transaction back
                    if dry_run:
                        raise _DryRun(result)
                    if result.new or result.updated:
                        summary = {"file": Path(path).name, "new": result.new, "updated": result.updated}
                        uow.audit_event("import", "workbook", after=json.dumps(summary, ensure_ascii=False))
            except _DryRun as finished:
                result = finished.result
            done = max(total, state.done)
            yield Progress(done, done, t("workbook.progress_done"))
            return result
    finally:
        reader.close()


def _holds_rows(reader: Reader, plan: list[tuple[Sheet, int, str]]) -> bool:
    """Whether any planned sheet has a non-blank row besides its header (stops at the first found)."""
    for _sheet, _part, name in plan:
        filled = 0
        for _number, values in _rows(reader, name):
            if not is_blank(values):
                filled += 1
                if filled > 1:
                    return True
    return False


def _rows(reader: Reader, name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
    try:
        yield from reader.rows(name)
    except MsfoodError:
        raise
    except Exception as exc:  # a damaged sheet: say so plainly, whichever library noticed
        raise EnvironmentProblem(
            "workbook.unreadable", path=name, reason=plain_reason(exc)
        ) from exc


def _import_sheet(
    reader: Reader,
    sheet: Sheet,
    name: str,
    state: ImportState,
    uow: UnitOfWork,
    refs: Refs,
    actor: Actor,
    total: int,
) -> Generator[Progress, None, None]:
    rows = _rows(reader, name)
    first = next(rows, None)
    if first is None:
        return
    header = first[1]
    if known_headers(sheet, header) < 2:  # row 1 is not this sheet's header: is it lower down?
        found = find_header(sheet, rows)
        if found is not None:
            state.errors.append(RowIssue(name, found, "", "excel_path.header_not_first", {"row": found}))
            return
        rows = _rows(reader, name)  # from the start again, past row 1
        next(rows, None)
    mapping = map_header(sheet, name, header, state)
    if mapping is None:
        check_merged_header(reader, name, state)
        return
    titled = {i for i, cell in enumerate(header) if clean_header(cell)}
    gap = next((i for i in range(len(header) + 1) if i not in titled), len(header))
    used: set[int] = set()  # columns holding data under a blank header
    permitted = False
    batch: list[tuple[int, dict[str, Any]]] = []
    for number, values in rows:
        if is_blank(values):
            continue
        if not permitted:
            actor.require(sheet.permission)
            permitted = True
        raw: dict[str, Any] = {}
        uncomputed = False
        width = len(values)
        for index, column in mapping:
            if index < width:
                value = values[index]
                if value is None:
                    continue
                if isinstance(value, str):
                    if value.__class__ is Uncomputed:
                        state.errors.append(
                            RowIssue(name, number, column.header, "excel_path.formula_without_value",
                                     {"formula": "=" + value[:60]}, column.field)  # fmt: skip
                        )
                        uncomputed = True
                        continue
                    value = value.strip()
                    if not value:
                        continue
                raw[column.field] = value
        if width > gap:  # cells right of a blank header cell: is there data under it?
            for index in range(gap, width):
                if index not in titled and index not in used and not is_blank((values[index],)):
                    used.add(index)
        if uncomputed:  # said above; its checks would only add "required, empty" for the same cell
            state.done += 1
            state.by_sheet[name] += 1
            continue
        batch.append((number, raw))
        if len(batch) >= READ_BATCH:
            _clean_batch(sheet, name, batch, state, refs)
            batch = []
            yield from _write(state, uow, total, name, threshold=WRITE_BATCH)
            yield Progress(state.done, total, t("workbook.progress_read", sheet=name))
    if batch:
        _clean_batch(sheet, name, batch, state, refs)
    check_merged_header(reader, name, state)
    for index in sorted(used):
        cell = cell_name(index, 1)
        state.errors.append(RowIssue(name, 1, cell, "excel_path.blank_header", {"cell": cell}))
    hidden = reader.hidden_rows(name)
    if hidden:
        shown = "、".join(str(n) for n in hidden[:10]) + ("……" if len(hidden) > 10 else "")
        state.warnings.append(
            RowIssue(name, None, "", "excel_path.hidden_rows", {"rows": shown, "count": len(hidden)})
        )
    yield from _write(state, uow, total, name)  # parents are written before the next sheet's rows
    yield Progress(state.done, total, t("workbook.progress_read", sheet=name))


def _key_text(value: Any) -> str:
    """An identifier cell as records.py reads it (digits of a number, no spaces, upper case)."""
    return "".join(digits_text(value).split()).upper()


def _prefetch(sheet: Sheet, batch: list[tuple[int, dict[str, Any]]], refs: Refs) -> None:
    """Fetch what the batch's rows refer to, and whether their natural ids are taken, in a few queries."""
    regions: set[str] = set()
    credits: set[str] = set()
    stalls: set[str] = set()  # licences given without a credit code
    phones: set[str] = set()
    ids: set[str] = set()
    kind = sheet.kind
    for _, raw in batch:
        get = raw.get
        for key in ("region_code", "parent_code"):
            value = get(key)
            if value is not None:
                regions.add(_key_text(value))
        code = get("credit_code")
        licence = get("licence_no")
        code_text = _key_text(code) if code is not None else None
        licence_text = _key_text(licence) if licence is not None else ""
        if code_text is not None:
            credits.add(code_text)
        elif licence_text:
            stalls.add(licence_text)
        value = get("cadre_phone")
        if value is not None:
            phones.add(_key_text(value))
        if kind == "region" and "code" in raw:
            regions.add(_key_text(raw["code"]))
            ids.add(natural_id("region", _key_text(raw["code"])))
        elif kind == "cadre" and "phone" in raw:
            phone = _key_text(raw["phone"]).replace("-", "")
            phones.add(phone)
            ids.add(natural_id("cadre", phone))
        elif kind == "business":
            ids.add(natural_id("business", code_text, licence_text))
    refs.prefetch(region_codes=regions, credit_codes=credits, phones=phones, stall_licences=stalls)
    if ids:
        refs.prefetch_ids(KIND_TABLE[kind], ids)


def _clean_batch(
    sheet: Sheet, name: str, batch: list[tuple[int, dict[str, Any]]], state: ImportState, refs: Refs
) -> None:
    _prefetch(sheet, batch, refs)
    key_column = sheet.by_field[sheet.key[0]].header
    kind = sheet.kind
    seen, pending, remember = state.seen, state.pending, refs.remember
    state.done += len(batch)
    state.by_sheet[name] += len(batch)
    for number, raw in batch:
        try:
            cleaned = clean(kind, raw, refs)
        except ValidationError as exc:
            for issue in exc.issues:
                state.errors.append(
                    RowIssue(
                        name,
                        number,
                        column_title(sheet, issue.field),
                        issue.code,
                        dict(issue.params),
                        issue.field,
                    )
                )
            continue
        record_id = cleaned.id
        earlier = seen.get(record_id)
        if earlier is not None:
            where, line = earlier
            if where == name:
                state.errors.append(
                    RowIssue(name, number, key_column, "workbook.duplicate_row", {"line": line}, sheet.key[0])
                )
            else:
                state.errors.append(
                    RowIssue(
                        name,
                        number,
                        key_column,
                        "workbook.duplicate_row_in",
                        {"sheet": where, "line": line},
                        sheet.key[0],
                    )
                )
            continue
        seen[record_id] = (name, number)
        for issue in cleaned.warnings:
            state.warnings.append(
                RowIssue(
                    name,
                    number,
                    column_title(sheet, issue.field),
                    issue.code,
                    dict(issue.params),
                    issue.field,
                )
            )
        remember(kind, cleaned)
        pending.append((cleaned, name, number))


def _write(
    state: ImportState, uow: UnitOfWork, total: int, name: str, threshold: int = 1
) -> Generator[Progress, None, None]:
    """Write the cleaned rows waiting (when at least `threshold` are).

    Rows are written even once the file is known to be refused (the transaction is rolled back at the
    end): so what only writing tells, a record dated in a closed period, is reported for every row.
    """
    if len(state.pending) < threshold:
        return
    pending, state.pending = state.pending, []
    try:
        state.counts.update(_apply(uow, [cleaned for cleaned, _, _ in pending], savepoint=bool(state.errors)))
    except (ValidationError, ConflictError, IntegrityError) as exc:
        if isinstance(exc, IntegrityError) and not state.errors:
            raise  # not the consequence of a refused row: a bug to report
        for cleaned, where, number in pending:  # a guard refused a change: find every row it refuses
            try:
                _apply(uow, [cleaned], savepoint=True)
            except ValidationError as refused:
                sheet = sheet_for(where)
                for issue in refused.issues:
                    column = column_title(sheet[0], issue.field) if sheet else field_label(issue.field)
                    state.errors.append(
                        RowIssue(where, number, column, issue.code, dict(issue.params), issue.field)
                    )
            except ConflictError as refused:
                state.errors.append(RowIssue(where, number, "", refused.code, dict(refused.params)))
            except IntegrityError:
                # it refers to a row refused above; the file is refused anyway
                if not state.errors:
                    raise
    yield Progress(state.done, total, t("workbook.progress_write", sheet=name))


def _apply(uow: UnitOfWork, cleaned: list[Any], *, savepoint: bool) -> Counter[str]:
    if not savepoint:
        return apply(uow, cleaned)
    with uow.session.begin_nested():
        return apply(uow, cleaned)
