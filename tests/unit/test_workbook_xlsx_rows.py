"""The one-pass .xlsx reader gives exactly the values openpyxl's read-only mode gives."""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from msfood.workbook.xlsx_rows import Uncomputed
from msfood.workbook.readers import open_reader


def openpyxl_rows(path: Path) -> dict[str, list[tuple[int, tuple[Any, ...]]]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        result = {}
        for ws in book.worksheets:
            ws.reset_dimensions()
            # a missing row comes as [] from openpyxl, as () from ours
            result[ws.title] = [(n, tuple(v)) for n, v in enumerate(ws.iter_rows(values_only=True), start=1)]
        return result
    finally:
        book.close()


def our_rows(path: Path) -> tuple[dict[str, list[tuple[int, tuple[Any, ...]]]], dict[str, int]]:
    reader = open_reader(path)
    try:
        names = reader.sheet_names()
        return {n: list(reader.rows(n)) for n in names}, {n: reader.estimate(n) for n in names}
    finally:
        reader.close()


def _fill(ws: Any) -> None:
    ws["A1"], ws["B1"], ws["C1"], ws["D1"] = "名称*", "日期", "数", "是否"
    ws["A2"], ws["B2"], ws["C2"], ws["D2"] = " 清水 ", dt.datetime(2026, 5, 10), 3, True
    ws["A3"], ws["B3"], ws["C3"], ws["D3"] = "田心", dt.date(2026, 5, 11), 2.5, False
    ws["B3"].number_format = "yyyy-mm-dd"
    ws["A4"] = CellRichText([TextBlock(InlineFont(b=True), "粗"), "体", TextBlock(InlineFont(i=True), "字")])
    ws["C4"] = 13700000001
    ws["E4"] = "=SUM(C2:C3)"  # a formula without a cached value: openpyxl reads blank, ours Uncomputed
    ws["B5"] = dt.timedelta(hours=36)
    ws["C5"] = 1e20
    ws["F7"] = "far"  # rows 6 is empty, columns A-E of row 7 too


def test_values_match_openpyxl_in_a_normal_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    _fill(book.active)
    book.active.title = "包保主体"
    book.create_sheet("空表")
    second = book.create_sheet("区划")
    second.append(["区划代码*", "名称*"])
    second.append([430204, "石峰区"])
    book.save(tmp_path / "a.xlsx")
    ours, estimates = our_rows(tmp_path / "a.xlsx")
    formula = ours["包保主体"][3][1][4]
    assert isinstance(formula, Uncomputed) and formula == "SUM(C2:C3)"
    blanked = {n: [(i, tuple(None if isinstance(v, Uncomputed) else v for v in r)) for i, r in rows]
               for n, rows in ours.items()}  # fmt: skip
    assert blanked == openpyxl_rows(tmp_path / "a.xlsx")
    assert [n for n, _ in ours["包保主体"]] == [1, 2, 3, 4, 5, 6, 7]
    assert ours["包保主体"][3][1][0] == "粗体字" and ours["包保主体"][5][1] == ()
    assert ours["包保主体"][1][1][:4] == (" 清水 ", dt.datetime(2026, 5, 10), 3, True)
    assert estimates["包保主体"] == 7 and estimates["区划"] == 2


def test_values_match_openpyxl_in_a_write_only_workbook_with_1904_dates(tmp_path: Path) -> None:
    book = openpyxl.Workbook(write_only=True)
    book.epoch = openpyxl.utils.datetime.MAC_EPOCH
    ws = book.create_sheet("督导记录")
    ws.append(["干部手机号*", "督导日期*", "备注"])
    for i in range(300):
        day = dt.datetime(2026, 1, 1) + dt.timedelta(days=i)
        ws.append([13700000000 + i, day, None if i % 3 else f"第{i}行"])
    ws.append([])
    ws.append([None, None, "最后"])
    book.save(tmp_path / "w.xlsx")
    ours, estimates = our_rows(tmp_path / "w.xlsx")
    assert ours == openpyxl_rows(tmp_path / "w.xlsx")
    assert ours["督导记录"][1][1] == (13700000000, dt.datetime(2026, 1, 1), "第0行")
    assert estimates["督导记录"] == len(ours["督导记录"]) == 303  # no <dimension>: rows counted


def _rewrite_sheet(path: Path, out: Path, sheet_xml: bytes) -> None:
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            dst.writestr(item, data)


def test_hand_written_cells_shared_strings_and_odd_rows(tmp_path: Path) -> None:
    """What other writers do: shared strings, cells without coordinates, rows out of order, errors."""
    book = openpyxl.Workbook()
    book.active.title = "快检"
    book.active["A1"] = "x"
    book.save(tmp_path / "base.xlsx")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rows = [
        '<row r="2"><c t="s"><v>0</v></c><c t="e"><v>#N/A</v></c><c t="str"><v>公式文本</v></c>'
        '<c t="b"><v>1</v></c></row>',
        '<row><c r="C3"><v>7</v></c>'
        '<c r="A3" t="inlineStr"><is><t>后写</t><rPh sb="0" eb="1"><t>ピン</t></rPh></is></c></row>',
        '<row r="3"><c r="A3"><v>99</v></c></row>',
        '<row r="5.0"><c r="B5" t="inlineStr"><is><r><t>甲</t></r>'
        '<r><t xml:space="preserve"> 乙 </t></r></is></c>'
        '<c r="D5" t="n"><v></v></c><c r="E5" t="inlineStr"><is><t/></is></c><c r="F5" t="inlineStr"/></row>',
    ]
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{main}"><sheetData>'
        + "\n".join(rows)
        + "</sheetData></worksheet>"
    ).encode()
    _rewrite_sheet(tmp_path / "base.xlsx", tmp_path / "odd.xlsx", sheet)
    # the base workbook has no shared strings part: add one and declare it
    shared = f'<sst xmlns="{main}" count="1" uniqueCount="1"><si><t>共享</t></si></sst>'.encode()
    _add_shared_strings(tmp_path / "odd.xlsx", tmp_path / "odd2.xlsx", shared)
    ours, _ = our_rows(tmp_path / "odd2.xlsx")
    theirs = openpyxl_rows(tmp_path / "odd2.xlsx")
    # cells out of column order: openpyxl keeps those up to the last cell's column, we keep them all
    assert ours["快检"][2] == (3, ("后写", None, 7)) and theirs["快检"][2] == (3, ("后写",))
    del ours["快检"][2], theirs["快检"][2]
    assert ours == theirs
    assert ours["快检"][1] == (2, ("共享", "#N/A", "公式文本", True))
    assert ours["快检"][3] == (5, (None, "甲 乙 ", None, None, "", None))


def _add_shared_strings(path: Path, out: Path, shared: bytes) -> None:
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                )
            dst.writestr(item, data)
        dst.writestr("xl/sharedStrings.xml", shared)
