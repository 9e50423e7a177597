"""shared/WORKED_EXAMPLE.md as a user would type it into the import workbook (INTERFACES.md section 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

E1, E2, E3, E4 = "91430211000009136F", "91430211000009267B", "914302110000093987", "91430211000009523U"


def _days(start: str, end: str) -> list[dt.date]:
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


def build(path: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)

    def sheet(name: str, headers: list[str], rows: list[list[object]]) -> None:
        ws = wb.create_sheet(name)
        ws.append(headers)
        for row in rows:
            ws.append(row)

    sheet("区划", ["区划代码*", "名称*", "上级代码"], [
        ["430204", "石峰区", None],
        ["430204001", "清水塘街道", "430204"],
        ["430204001001", "清水社区", "430204001"],
        ["430204001002", "田心社区", "430204001"],
    ])
    sheet("包保主体", ["主体名称*", "统一社会信用代码*", "主体业态*", "包保等级*", "高风险", "所属区划代码*",
                   "经营状态", "状态日期"], [
        ["清水家常饭店", E1, "餐饮服务", "D", "否", "430204001001", "在营", None],
        ["田心生鲜超市", E2, "食品销售", "C", "是", "430204001", "在营", None],
        ["石峰面包厂", E3, "食品生产", "B", "否", "430204001002", "停业", dt.date(2026, 5, 20)],
        ["清水豆腐坊", E4, "小作坊", "D", "否", "430204001001", "在营", None],
    ])
    sheet("包保干部", ["姓名*", "手机号*", "包保层级*", "所属区划代码*"], [
        ["周一", "13700000001", "村级", "430204001001"],
        ["吴二", "13700000002", "乡级", "430204001"],
        ["郑三", "13700000003", "县级", "430204"],
    ])
    sheet("包保关系", ["干部手机号*", "统一社会信用代码*", "开始日期*", "结束日期", "结束原因"], [
        ["13700000001", E1, "2026-01-01", None, None],
        ["13700000002", E2, "2026-04-15", None, None],
        ["13700000003", E3, "2026-01-01", None, None],
        ["13700000001", E4, "2026-01-01", None, None],
    ])
    sheet("督导记录", ["干部手机号*", "统一社会信用代码*", "督导日期*", "督导方式*", "发现问题数", "问题描述",
                   "整改期限", "整改完成日期", "备注"], [
        ["13700000001", E1, dt.date(2026, 5, 10), "现场督导", 1, "后厨卫生不达标", dt.date(2026, 6, 15),
         dt.date(2026, 6, 20), None],
        ["13700000002", E2, dt.date(2026, 6, 1), "视频督导", 0, None, None, None, None],
        ["13700000001", E4, dt.date(2026, 6, 30), "现场督导", 0, None, None, None, None],
    ])
    q2 = _days("2026-04-01", "2026-06-30")
    selfchecks: list[list[object]] = []
    selfchecks += [[E1, "日管控", d, 0, None, "张三"] for d in q2]
    selfchecks += [[E2, "日管控", d, 0, None, "李四"] for d in q2 if d != dt.date(2026, 6, 1)]
    selfchecks += [[E3, "日管控", d, 0, None, "王五"] for d in q2 if d < dt.date(2026, 5, 20)]
    mondays = [dt.date(2026, 3, 30) + dt.timedelta(weeks=i) for i in range(14)]
    selfchecks += [[code, "周排查", m, 0, None, None] for code in (E1, E2) for m in mondays]
    selfchecks += [[E3, "周排查", m, 0, None, None] for m in mondays if m < dt.date(2026, 5, 11)]
    selfchecks += [[E1, "月调度", f"2026-{m:02d}-28", 0, None, None] for m in (4, 5, 6)]
    selfchecks += [[E3, "月调度", d, 0, None, None] for d in ("2026-04-05", "2026-05-05")]
    sheet("自查记录", ["统一社会信用代码*", "类型*", "日期*", "发现问题数", "已整改", "记录人"], selfchecks)
    sheet("抽检", ["抽样单编号*", "统一社会信用代码*", "抽样日期*", "抽检类型*", "食品大类*", "样品名称*",
                 "检验结论", "不合格项目", "收到结论日期", "处置措施", "处置完成日期"], [
        ["SF2026001", E1, "2026-04-08", "监督抽检", "餐饮食品", "米饭", "合格", None, "2026-04-20", None, None],
        ["SF2026002", E2, "2026-04-12", "监督抽检", "食用农产品", "韭菜", "不合格", "腐霉利", "2026-05-01",
         "下架", "2026-06-20"],
        ["SF2026003", E3, "2026-06-25", "风险监测", "糕点", "面包", "待检", None, None, None, None],
    ])
    sheet("快检", ["快检日期*", "统一社会信用代码*", "样品名称*", "检测项目*", "检测批次*", "阳性批次*", "处置情况"], [
        ["2026-05-05", E2, "小白菜", "农药残留", 8, 1, "销毁"],
    ])
    sheet("抽检计划", ["区划代码*", "年度*", "计划批次*"], [["430204", 2026, 12]])
    wb.save(path)
    return path
