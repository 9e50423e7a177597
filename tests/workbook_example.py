"""shared/WORKED_EXAMPLE.md as an import workbook, and writers for .xlsx, .xls and CSV folders.

Cells are written the way people fill them in: Excel dates, phones typed as numbers, a few texts
with stray spaces, required headers with their `*`.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from msfood.workbook.schema import SHEET_BY_NAME

D = dt.date.fromisoformat
Sheets = dict[str, list[list[Any]]]  # sheet name -> rows, the first being the header

E1, E2, E3, E4 = "91430211000009136F", "91430211000009267B", "914302110000093987", "91430211000009523U"
K1, K2, K3 = 13700000001, 13700000002, 13700000003


def days(start: str, end: str) -> list[dt.date]:
    a, b = D(start), D(end)
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


def excel_date(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def header(sheet: str) -> list[str]:
    return SHEET_BY_NAME[sheet].titles


def worked_example() -> Sheets:
    """Every record of the worked example, in the template's column order."""
    sheets: Sheets = {}
    sheets["区划"] = [
        header("区划"),
        ["430204", "石峰区", None],
        ["430204001", " 清水塘街道 ", "430204"],
        [430204001001, "清水社区", "430204001"],
        ["430204001002", "田心社区", 430204001],
    ]
    sheets["包保主体"] = [
        header("包保主体"),
        ["清水家常饭店", E1, None, "餐饮服务", "小型", None, "D", "否", "430204001001",
         "清水路 1 号", "张一", "0731-22000001", "在营", None, None],
        ["田心生鲜超市", E2, None, "食品销售", "中型", "B", "C", "是", "430204001",
         None, None, None, None, None, None],
        ["石峰面包厂", E3, None, "食品生产", None, None, "B", "否", "430204001002", None, None, None, "停业",
         excel_date(D("2026-05-20")), None],
        # a workshop owes no self-checks, so its rest days change none of the worked figures
        ["清水豆腐坊", E4, None, "小作坊", "微型", None, "D", None, "430204001001",
         None, None, None, None, None, "周六、周日"],
    ]
    sheets["包保干部"] = [
        header("包保干部"),
        ["周一", float(K1), "村级", "网格员", "清水社区", "430204001001"],
        ["吴二", K2, "乡级", "副主任", "清水塘街道", "430204001"],
        ["郑三", str(K3), "县级", None, None, "430204"],
    ]
    start = excel_date(D("2026-01-01"))
    sheets["包保关系"] = [
        header("包保关系"),
        [K1, E1, None, start, None, None],
        [K2, E2, None, excel_date(D("2026-04-15")), None, None],
        [K3, E3, None, start, None, None],
        [K1, E4, None, start, None, None],
    ]
    sheets["督导记录"] = [
        header("督导记录"),
        [K1, E1, None, excel_date(D("2026-05-10")), "现场督导", 1, "冷藏柜温度记录不全",
         excel_date(D("2026-06-15")), excel_date(D("2026-06-20")), None],
        [K2, E2, None, excel_date(D("2026-06-01")), "视频督导", 0, None, None, None, None],
        [K1, E4, None, "2026-06-30", " 现场督导", None, None, None, None, "月末督导"],
    ]
    selfchecks: list[list[Any]] = [header("自查记录")]
    for code, span in ((E1, days("2026-04-01", "2026-06-30")),
                       (E2, [d for d in days("2026-04-01", "2026-06-30") if d != D("2026-06-01")]),
                       (E3, days("2026-04-01", "2026-05-19"))):
        for day in span:
            selfchecks.append([code, None, "日管控", excel_date(day), 0, None, "值班员"])
    mondays = [D("2026-03-30") + dt.timedelta(weeks=i) for i in range(14)]
    for code, weeks in ((E1, mondays), (E2, mondays), (E3, [m for m in mondays if m < D("2026-05-11")])):
        for monday in weeks:
            selfchecks.append([code, None, "周排查", excel_date(monday), 1, "是", "食品安全员"])
    for code, dates in ((E1, ("2026-04-28", "2026-05-28", "2026-06-28")), (E3, ("2026-04-05", "2026-05-05"))):
        for text in dates:
            selfchecks.append([code, None, "月调度", text, 0, None, "食品安全总监"])
    sheets["自查记录"] = selfchecks
    sheets["抽检"] = [
        header("抽检"),
        ["SF2026001", E1, None, excel_date(D("2026-04-08")), "监督抽检", "餐饮食品", "米饭", None,
         "株洲市检验所", "合格", None, excel_date(D("2026-04-20")), None, None],
        ["SF2026002", E2, None, excel_date(D("2026-04-12")), "监督抽检", "食用农产品", "韭菜",
         "2026-04-10", "株洲市检验所", "不合格", "腐霉利", excel_date(D("2026-05-01")), "下架",
         excel_date(D("2026-06-20"))],
        ["SF2026003", E3, None, excel_date(D("2026-06-25")), "风险监测", "糕点", "蛋糕", None, None,
         "待检", None, None, None, None],
    ]
    sheets["快检"] = [
        header("快检"),
        [excel_date(D("2026-05-05")), E2, None, "小白菜", "农药残留", 8, 1, "销毁"],
    ]
    sheets["抽检计划"] = [header("抽检计划"), ["430204", 2026, 12]]
    return sheets


EXAMPLE_COUNTS = {"regions": 4, "businesses": 4, "cadres": 3, "assignments": 4, "visits": 3,
                  "selfchecks": 269, "samplings": 3, "rapid_tests": 1, "sampling_plans": 1}
EXAMPLE_ROWS = sum(EXAMPLE_COUNTS.values())


def write_xlsx(path: Path, sheets: Sheets) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def write_xls(path: Path, sheets: Sheets) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for name, rows in sheets.items():
        ws = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, dt.date):
                    ws.write(r, c, value, date_style)
                elif isinstance(value, int) and not isinstance(value, bool):
                    ws.write(r, c, float(value))  # .xls keeps every number as a double
                else:
                    ws.write(r, c, value)
    book.save(str(path))
    return path


def csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_csv_folder(folder: Path, sheets: Sheets, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets.items():
        with open(folder / f"{name}.csv", "w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle)
            for row in rows:
                writer.writerow([csv_text(v) for v in row])
    return folder
