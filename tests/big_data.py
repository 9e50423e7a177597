"""Filling a database fast for scale tests and benchmarks: Core executemany, sync columns filled.

Names are made of syllables whose pinyin initials are known, so 100,000 names need no pypinyin.
Every row carries the sync columns a real row has (hlc, origin, entered_at, local_seq, ...). Rows go
in sorted by id with the table's other indexes dropped and built again afterwards (a sort is far
cheaper than 100,000 random index inserts).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Table, insert

from msfood.core.ids import natural_id
from msfood.db.models import Business, Region, SelfCheck

PARTS = [
    ("海", "h"), ("底", "d"), ("捞", "l"), ("清", "q"), ("水", "s"), ("田", "t"), ("心", "x"), ("石", "s"),
    ("峰", "f"), ("湘", "x"), ("江", "j"), ("渔", "y"), ("港", "g"), ("王", "w"), ("记", "j"), ("李", "l"),
]  # fmt: skip
ENDINGS = [
    ("饭店", "fd"), ("超市", "cs"), ("面馆", "mg"), ("食堂", "st"), ("烧烤", "sk"), ("小吃店", "xcd"),
]  # fmt: skip
ORIGIN = "430204-01"
CHUNK = 20_000


def sync_columns(seq: int, at: dt.datetime) -> dict[str, Any]:
    ms = int(at.timestamp() * 1000)
    return {"hlc": f"{ms:013d}{seq % 1_000_000:06d}{ORIGIN}", "base_hlc": "", "origin": ORIGIN,
            "deleted": False, "entered_at": at, "local_seq": seq}  # fmt: skip


def _random_id(rng: random.Random) -> str:
    text = f"{rng.getrandbits(128):032x}"
    return f"{text[:8]}-{text[8:12]}-4{text[13:16]}-a{text[17:20]}-{text[20:]}"


def _bulk_insert(conn: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    rows.sort(key=lambda row: row["id"])
    indexes = list(table.indexes)
    for index in indexes:
        index.drop(conn)
    for start in range(0, len(rows), CHUNK):
        conn.execute(insert(table), rows[start : start + CHUNK])
    for index in indexes:
        index.create(conn)


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def add_businesses(database: Any, count: int, *, seed: int = 7, start_seq: int = 1_000_000) -> str:
    """A region 430204 and `count` businesses in it; returns the region's id."""
    rng = random.Random(seed)
    at = dt.datetime(2026, 1, 1, 8, 0)
    region_id = natural_id("region", "430204")

    def businesses() -> Iterator[dict[str, Any]]:
        for n in range(count):
            parts = [PARTS[rng.randrange(len(PARTS))] for _ in range(3)]
            ending = ENDINGS[rng.randrange(len(ENDINGS))]
            yield {
                "id": _random_id(rng),
                "name": "".join(p for p, _ in parts) + ending[0] + str(n % 97),
                "name_initials": "".join(i for _, i in parts) + ending[1] + str(n % 97),
                "credit_code": f"91430204{n:09d}X", "licence_no": None, "form": "catering", "scale": None,
                "risk_grade": None, "grade": "ABCD"[n % 4], "high_risk": n % 50 == 0, "region_id": region_id,
                "address": None, "principal": None, "phone": f"138{n:08d}", "rest_days": "",
                "owes_selfchecks": None, **sync_columns(start_seq + n, at),
            }  # fmt: skip

    with database.engine.begin() as conn:
        conn.execute(insert(Region.__table__), [{"id": region_id, "code": "430204", "name": "石峰区",
                                                 "parent_id": None, "code_year": 2024,
                                                 **sync_columns(start_seq - 1, at)}])
        _bulk_insert(conn, Business.__table__, list(businesses()))  # type: ignore[arg-type]
    return region_id


def add_daily_checks(database: Any, business_ids: list[str], days: int, *, start_seq: int = 5_000_000) -> int:
    """One 日管控 record per business per day for `days` days up to 2026-11-23; returns the rows."""
    last = dt.date(2026, 11, 23)
    at = dt.datetime(2026, 11, 23, 20, 0)

    def checks() -> Iterator[dict[str, Any]]:
        seq = start_seq
        for back in range(days):
            day = last - dt.timedelta(days=back)
            key = day.isoformat()
            for business_id in business_ids:
                seq += 1
                yield {"id": natural_id("selfcheck", business_id, "daily", key), "business_id": business_id,
                       "kind": "daily", "record_date": day, "period_key": key, "issues_found": 0,
                       "rectified": None, "recorder": None, **sync_columns(seq, at)}  # fmt: skip

    total = 0
    with database.engine.begin() as conn:
        for chunk in _chunks(checks()):
            conn.execute(insert(SelfCheck.__table__), chunk)
            total += len(chunk)
    return total
