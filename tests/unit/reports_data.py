"""Data and tools the report tests share: scenarios, reading PDFs back with poppler, the figures sheets."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from msfood.core.ids import natural_id
from msfood.db.models import Assignment, Business, Cadre, Region
from msfood.services.writing.permissions import Actor
from msfood.services.writing.unit_of_work import UnitOfWork, table_of
from tests.scenario import Scenario

ADMIN = Actor("admin", "admin")
LONG_NAME = "株洲市石峰区清水塘街道老字号家常菜餐饮管理服务有限公司第一百零八分店（连锁经营，含外卖配送）"


def pdf_text(path: Path, *, first: int | None = None, last: int | None = None, raw: bool = False) -> str:
    """The text of a PDF; `raw` keeps drawing order (a wrapped cell's lines stay together)."""
    args = ["pdftotext", "-raw" if raw else "-layout"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run([*args, str(path), "-"], check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    """pdftotext's text without any whitespace (it spaces CJK text unevenly)."""
    return "".join(text.split())


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type and whether each font is embedded."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type...] encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "type": parts[1]})
    return rows


def figures_from_sheet(path: Path, sheet: str) -> dict[str, Any]:
    """{json key: value} from a figures sheet (columns: figure, value, detail, key)."""
    wb = load_workbook(path)
    ws = wb[sheet]
    found = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        if row[3]:
            found[row[3]] = row[1]
    return found


def json_at(data: dict[str, Any], dotted: str) -> Any:
    for part in dotted.split("."):
        data = data[part]
    return data


def as_stored(value: Any) -> Any:
    """A stats JSON value as the XLSX report stores it: rates rounded as the PDF prints them."""
    from msfood.reports.completion.workbook import stored_rate

    return stored_rate(value) if isinstance(value, float) else value


def one_in_sixteen(s: Scenario) -> None:
    """16 businesses guaranteed at village level in Q2 2026, one visited: 督导完成率 1/16 = 6.25% -> 6.3%."""
    s.region("430204", "石峰区")
    s.region("430204001", "清水塘街道", "430204")
    s.region("430204001001", "清水社区", "430204001")
    s.cadre("13700000001", "周一", "village", "430204001001")
    for i in range(16):
        code = f"9143021100000{i:04d}X"
        s.business(code, LONG_NAME if i == 0 else f"清水小店{i}", region="430204001001", form="workshop")
        s.assign("13700000001", code, "2026-01-01")
    s.visit("13700000001", "9143021100000" + "0003X", "2026-05-10")


def many_missed(uow: UnitOfWork, n: int) -> None:
    """n businesses under one village cadre, none visited: n missed obligations in 2026Q2."""
    region = natural_id("region", "430204001001")
    uow.upsert_many(table_of(Region), [
        {"id": natural_id("region", "430204"), "code": "430204", "name": "石峰区", "parent_id": None},
        {"id": natural_id("region", "430204001"), "code": "430204001", "name": "清水塘街道",
         "parent_id": natural_id("region", "430204")},
        {"id": region, "code": "430204001001", "name": "清水社区", "parent_id": natural_id("region", "430204001")},
    ])
    cadre = natural_id("cadre", "13700000001")
    uow.upsert_many(table_of(Cadre), [{"id": cadre, "name": "周一", "phone": "13700000001", "level": "village",
                                       "region_id": region}])
    businesses, assignments = [], []
    for i in range(n):
        code = f"914302{i:011d}X"
        bid = natural_id("business", code, "")
        name = f"{LONG_NAME}{i}" if i % 50 == 0 else f"清水小店{i:05d}"
        businesses.append({"id": bid, "name": name, "credit_code": code, "form": "workshop", "grade": "D",
                           "high_risk": False, "region_id": region, "rest_days": ""})
        assignments.append({"id": natural_id("assignment", cadre, bid, "2026-01-01"), "cadre_id": cadre,
                            "business_id": bid, "start_date": dt.date(2026, 1, 1)})
    uow.upsert_many(table_of(Business), businesses)
    uow.upsert_many(table_of(Assignment), assignments)
