"""A trusted unit's signed bundle carrying values the forms refuse: refused whole, the records named.

Also: the data members are hashed while they merge (one pass), so a member altered into other valid
rows is still refused as altered, with nothing written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import (
    BUREAU,
    S1,
    business_id,
    db_digest,
    export,
    import_,
    meta_value,
    put_business,
    put_cadre,
    put_visit,
    rewrite_bundle,
    seed_regions,
    table_rows,
    write,
)

from msfood.core.ids import natural_id
from msfood.db.models import Business, SelfCheck
from msfood.services.writing.unit_of_work import table_of
from msfood.sync import codec, rules

CREDIT = "91430204MA4L000001"


def _selfcheck(uow: Any, business: str, kind: str, day: dt.date, key: str) -> str:
    record = natural_id("selfcheck", business, kind, key)
    uow.upsert(
        table_of(SelfCheck),
        {"id": record, "business_id": business, "kind": kind, "record_date": day, "period_key": key},
    )
    return record


@pytest.fixture
def bundle(trio: dict[str, Path], tmp_path: Path) -> Path:
    def records(uow: Any) -> None:
        seed_regions(uow)
        business = put_business(uow, CREDIT, "430204001")
        put_business(uow, "91430204MA4L000002", "430204001")
        put_visit(uow, put_cadre(uow, "13800000001", "430204001"), business, dt.date(2026, 11, 20))
        _selfcheck(uow, business, "daily", dt.date(2026, 11, 20), "2026-11-20")
        _selfcheck(uow, business, "weekly", dt.date(2026, 11, 20), "2026-W47")

    write(trio[S1], S1, records)
    path = export(trio[S1], S1, tmp_path, to=BUREAU)
    assert path is not None
    return path


def edited(trio: dict[str, Path], bundle: Path, table: str, edit: Callable[[list[Any], dict[str, int]], None],
           *, resign: bool = True) -> Path:  # fmt: skip
    """The bundle with `edit(row, columns)` applied to each row of `table`, re-hashed and re-signed by
    its sender (so only the values can be wrong), or with the original hashes and signature."""

    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        columns = {c: i for i, c in enumerate(manifest["tables"][table]["columns"])}
        rows = [json.loads(line) for line in members[f"data/{table}.jsonl"].splitlines()]
        for row in rows:
            edit(row, columns)
        members[f"data/{table}.jsonl"] = "".join(
            json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows
        ).encode()

    key = meta_value(trio[S1], "sign_private_key") if resign else None
    return rewrite_bundle(
        bundle, bundle.with_name(f"edited-{table}.msfb"), receiver_db=trio[BUREAU], change=change,
        sign_with=key, rehash=resign,
    )  # fmt: skip


def refused(trio: dict[str, Path], path: Path, code: str) -> Any:
    before = db_digest(trio[BUREAU])
    report = import_(trio[BUREAU], BUREAU, [path])
    assert report.exit_code == 1, report.as_json()
    outcome = report.bundles[0]
    assert (outcome.status, outcome.code) == ("refused", code), outcome.message
    assert db_digest(trio[BUREAU]) == before  # nothing written
    assert "未导入" in outcome.message and "Traceback" not in outcome.message
    return outcome


def test_a_signed_bundle_with_a_grade_the_forms_refuse_is_refused_naming_the_record(
    trio: dict[str, Path], bundle: Path
) -> None:
    def grade_z(row: list[Any], columns: dict[str, int]) -> None:
        if row[columns["credit_code"]] == CREDIT:
            row[columns["grade"]] = "Z"

    outcome = refused(trio, edited(trio, bundle, "businesses", grade_z), "bundle.bad_values")
    message = outcome.message
    assert "包保主体" in message and business_id(CREDIT) in message  # the table and the record
    assert CREDIT in message  # its natural key
    assert "包保等级" in message and "grade" in message and "“Z”" in message  # the field and the value
    assert "A、B、C、D" in message
    assert "91430204MA4L000002" not in message  # the good business is not named


def test_every_offending_record_is_named_in_either_language(trio: dict[str, Path], bundle: Path) -> None:
    def odd(row: list[Any], columns: dict[str, int]) -> None:
        row[columns["rest_days"]] = "8x"
        if row[columns["credit_code"]] == CREDIT:
            row[columns["form"]] = "spaceship"

    message = refused(trio, edited(trio, bundle, "businesses", odd), "bundle.bad_values").message
    assert message.count("8x") == 2 and "spaceship" in message and "休息日" in message
    assert "3 处" in message


def test_english_names_the_records_too() -> None:
    table = table_of(Business)
    checker = rules.RowRules(table, codec.exported_columns(table))
    columns = checker.columns
    row = [None] * len(columns)
    values = {"id": "b-1", "credit_code": CREDIT, "licence_no": "", "grade": "Z", "form": "catering",
              "rest_days": "67", "name": "甲"}  # fmt: skip
    for name, value in values.items():
        row[columns.index(name)] = value
    offences = checker.check([tuple(row)])
    assert [(o.record_id, o.column, o.value, o.reason) for o in offences] == [
        ("b-1", "grade", "Z", "bundle.value_not_choice")
    ]
    text = rules.BadValues("x.msfb", offences, 1).message("en")
    assert "was refused" in text and "businesses record b-1" in text and "guarantee grade" in text
    assert "credit code=" + CREDIT in text and "not one of the codes A、B、C、D" in text


def test_a_period_key_that_does_not_match_its_kind_and_date(trio: dict[str, Path], bundle: Path) -> None:
    def wrong_week(row: list[Any], columns: dict[str, int]) -> None:
        if row[columns["kind"]] == "weekly":
            row[columns["period_key"]] = "2026-W03"

    message = refused(trio, edited(trio, bundle, "selfchecks", wrong_week), "bundle.bad_values").message
    assert "2026-W03" in message and "2026-W47" in message  # the value and what it should be
    assert "自查记录" in message


def test_an_unknown_status_the_figures_cannot_read(trio: dict[str, Path], tmp_path: Path) -> None:
    from msfood.db.models import BusinessStatus

    def records(uow: Any) -> None:
        seed_regions(uow)
        business = put_business(uow, CREDIT, "430204001")
        uow.upsert(
            table_of(BusinessStatus),
            {"id": natural_id("business_status", business, "2026-11-01"), "business_id": business,
             "status": "suspended", "since": dt.date(2026, 11, 1)},
        )  # fmt: skip

    write(trio[S1], S1, records)
    path = export(trio[S1], S1, tmp_path, to=BUREAU)
    assert path is not None

    def paused(row: list[Any], columns: dict[str, int]) -> None:
        row[columns["status"]] = "paused"

    message = refused(trio, edited(trio, path, "business_statuses", paused), "bundle.bad_values").message
    assert "paused" in message and "operating" in message


def test_the_same_bundle_with_good_values_merges(trio: dict[str, Path], bundle: Path) -> None:
    same = edited(trio, bundle, "businesses", lambda row, columns: None)
    report = import_(trio[BUREAU], BUREAU, [same])
    assert report.exit_code == 0, report.as_json()
    assert table_rows(trio[BUREAU], Business)[business_id(CREDIT)]["grade"] == "C"


def test_a_member_altered_into_other_valid_rows_is_refused_as_altered(
    trio: dict[str, Path], bundle: Path
) -> None:
    """The hashes are checked while the rows merge: the altered rows are read, then refused whole."""

    def remark(row: list[Any], columns: dict[str, int]) -> None:
        row[columns["remarks"]] = "改过了"

    refused(trio, edited(trio, bundle, "visits", remark, resign=False), "bundle.hash_mismatch")


def test_the_typed_decoder_leaves_odd_blocks_to_the_checking_one() -> None:
    table = table_of(Business)
    columns = ["id", "grade", "rest_days", "high_risk"]
    decode = codec.block_decoder(table, columns)
    assert decode is not None
    assert decode(b'["a","A","67",true]\n["b","D","",false]', 2) == [
        ("a", "A", "67", True),
        ("b", "D", "", False),
    ]
    for block in (b'["a","Z","67",true]', b'["a","A","76",true]', b'["a","A","67",1]', b'["a","A","67"]',
                  b'["a","A","67",true]["b","A","",true]', b'["a","A",null,true]'):  # fmt: skip
        assert decode(block, 1) is None, block
    assert decode(b'["a","A","67",true]\n', 1) is None  # a blank line
